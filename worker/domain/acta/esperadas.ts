/**
 * The expected actas of a catalogue (docs/REGLAS.md §1: one per approved casilla per election it votes in), each with the ballot
 * that applies to it, in the order of the results CSV: election (by `orden`, then código), then distrito, sección, tipo
 * (B, C, E, S, M), id casilla, ext contigua.
 */
import { z } from 'zod';
import { assertNever } from '../assert.ts';
import {
  BoletaSchema,
  CasillaSchema,
  EleccionSchema,
  SeccionSchema,
  type Casilla,
  type Catalogo,
  type Eleccion,
  type Seccion,
  type TipoCasilla,
} from '../catalogo/esquema.ts';
import { votaEn } from '../catalogo/pertenencia.ts';
import { claveActa, claveCasilla } from '../claves/clave.ts';
import { err, ok, type Result } from '../resultado.ts';

export const ActaEsperadaSchema = z.strictObject({
  /** CLAVE_ACTA (without apostrophe). */
  clave: z.string(),
  claveCasilla: z.string(),
  eleccion: EleccionSchema,
  casilla: CasillaSchema,
  seccion: SeccionSchema,
  /** The ballot's territory: 0 (entidad), the distrito or the municipio, per the election. */
  territorio: z.number().int().min(0),
  boleta: BoletaSchema,
});
export type ActaEsperada = z.infer<typeof ActaEsperadaSchema>;

export const ProblemaEsperadaSchema = z.discriminatedUnion('motivo', [
  z.strictObject({ motivo: z.literal('SECCION_DESCONOCIDA'), seccion: z.number() }),
  z.strictObject({ motivo: z.literal('SIN_BOLETA'), eleccion: z.string(), territorio: z.number() }),
]);
export type ProblemaEsperada = z.infer<typeof ProblemaEsperadaSchema>;

/** Position of each casilla type in the CSV order. */
export const ORDEN_TIPO_CASILLA: Readonly<Record<TipoCasilla, number>> = { B: 0, C: 1, E: 2, S: 3, M: 4 };

/** The territory whose ballot applies to a casilla's acta of this election. */
export function territorioDeActa(eleccion: Eleccion, seccion: Seccion): number {
  switch (eleccion.territorio) {
    case 'entidad':
      return 0;
    case 'distrito':
      return seccion.distrito;
    case 'municipio':
      return seccion.municipio;
    default:
      return assertNever(eleccion.territorio, 'territorio de elección');
  }
}

/** CSV order of casillas: distrito, sección, tipo, id casilla, ext contigua. */
export function compararCasillas(a: Casilla, sa: Seccion, b: Casilla, sb: Seccion): number {
  return (
    sa.distrito - sb.distrito ||
    a.seccion - b.seccion ||
    ORDEN_TIPO_CASILLA[a.tipo] - ORDEN_TIPO_CASILLA[b.tipo] ||
    a.id - b.id ||
    a.extContigua - b.extContigua
  );
}

/** Every expected acta of the catalogue, or every reason some cannot be built. */
export function actasEsperadas(cat: Catalogo): Result<ActaEsperada[], ProblemaEsperada[]> {
  const seccionDe = new Map(cat.secciones.map((s) => [s.id, s]));
  const boletaDe = new Map(cat.boletas.map((b) => [`${b.eleccion}/${b.territorio}`, b]));
  const problemas: ProblemaEsperada[] = [];
  const casillas: { casilla: Casilla; seccion: Seccion }[] = [];
  for (const casilla of cat.casillas) {
    const seccion = seccionDe.get(casilla.seccion);
    if (seccion === undefined) problemas.push({ motivo: 'SECCION_DESCONOCIDA', seccion: casilla.seccion });
    else casillas.push({ casilla, seccion });
  }
  casillas.sort((x, y) => compararCasillas(x.casilla, x.seccion, y.casilla, y.seccion));
  const elecciones = [...cat.elecciones].sort((a, b) => a.orden - b.orden || a.codigo.localeCompare(b.codigo));
  const actas: ActaEsperada[] = [];
  const faltantes = new Set<string>();
  for (const eleccion of elecciones) {
    for (const { casilla, seccion } of casillas) {
      if (!votaEn(casilla, eleccion.codigo)) continue;
      const territorio = territorioDeActa(eleccion, seccion);
      const boleta = boletaDe.get(`${eleccion.codigo}/${territorio}`);
      if (boleta === undefined) {
        const k = `${eleccion.codigo}/${territorio}`;
        if (!faltantes.has(k)) problemas.push({ motivo: 'SIN_BOLETA', eleccion: eleccion.codigo, territorio });
        faltantes.add(k);
        continue;
      }
      const cc = claveCasilla(cat.entidad.id, casilla);
      actas.push({ clave: claveActa(cc, eleccion.tipoActa), claveCasilla: cc, eleccion, casilla, seccion, territorio, boleta });
    }
  }
  return problemas.length > 0 ? err(problemas) : ok(actas);
}
