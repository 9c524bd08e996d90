/**
 * The expected actas of a catalogue (docs/REGLAS.md §1: one per approved casilla per election it votes in, and one
 * more per further part of a split casilla — catalogue `partes`), each with the ballot that applies to it, in the
 * order of the results CSV: election (by `orden`, then código), then distrito, sección, tipo (B, C, E, S, M), id
 * casilla, ext contigua (of the casilla's catalogue sección: a part's row follows its part 1), part.
 */
import { z } from 'zod';
import { assertNever } from '../assert.ts';
import {
  BoletaSchema,
  CasillaSchema,
  EleccionSchema,
  SeccionSchema,
  type Casilla,
  type Parte,
  type Catalogo,
  type Eleccion,
  type Seccion,
  type TipoCasilla,
} from '../catalogo/esquema.ts';
import { votaEn } from '../catalogo/pertenencia.ts';
import { claveActa, claveCasilla, claveDeParte } from '../claves/clave.ts';
import { err, ok, type Result } from '../resultado.ts';

export const ActaEsperadaSchema = z.strictObject({
  /** CLAVE_ACTA (without apostrophe); `CLAVE_ACTA-n` for part n of a split casilla's acta. */
  clave: z.string(),
  claveCasilla: z.string(),
  /** 1, or the part number of a split casilla's acta. */
  parte: z.number().int().min(1),
  eleccion: EleccionSchema,
  /** The casilla; a part's carries the part's own lista nominal. */
  casilla: CasillaSchema,
  /** The sección with the distrito and municipio the acta counts in (a part's, for a part). */
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

/** Identity of a casilla by its fields (sección, tipo, id, ext contigua). */
export const llaveCasilla = (c: Pick<Casilla, 'seccion' | 'tipo' | 'id' | 'extContigua'>): string => `${c.seccion}/${c.tipo}/${c.id}/${c.extContigua}`;

/**
 * One acta to build: a casilla (or a part of it) in the sección placing it (`seccion`: with the part's territory;
 * `orden`: the catalogue's, so a part's row follows its part 1 in the CSV); `eleccion` set for a part only.
 */
interface Origen {
  casilla: Casilla;
  seccion: Seccion;
  orden: Seccion;
  parte: number;
  eleccion: string | null;
}

/** The casillas, then each part as a casilla of its own territory and lista nominal, in CSV order. */
function origenes(cat: Catalogo, problemas: ProblemaEsperada[]): Origen[] {
  const seccionDe = new Map(cat.secciones.map((s) => [s.id, s]));
  const casillaDe = new Map(cat.casillas.map((c) => [llaveCasilla(c), c]));
  const out: Origen[] = [];
  for (const casilla of cat.casillas) {
    const seccion = seccionDe.get(casilla.seccion);
    if (seccion === undefined) problemas.push({ motivo: 'SECCION_DESCONOCIDA', seccion: casilla.seccion });
    else out.push({ casilla, seccion, orden: seccion, parte: 1, eleccion: null });
  }
  for (const p of cat.partes ?? []) {
    const casilla = casillaDe.get(llaveCasilla(p));
    // The validation reports a part of an unknown casilla; without one there is no acta to build.
    const orden = seccionDe.get(p.seccion);
    if (casilla === undefined || orden === undefined) continue;
    const seccion = { id: p.seccion, distrito: p.distrito, municipio: p.municipio };
    out.push({ casilla: deParte(casilla, p), seccion, orden, parte: p.parte, eleccion: p.eleccion });
  }
  return out.sort((x, y) => compararCasillas(x.casilla, x.orden, y.casilla, y.orden) || x.parte - y.parte);
}

function deParte(c: Casilla, p: Parte): Casilla {
  return p.listaNominal === undefined ? c : { ...c, listaNominal: p.listaNominal };
}

/** Every expected acta of the catalogue, or every reason some cannot be built. */
export function actasEsperadas(cat: Catalogo): Result<ActaEsperada[], ProblemaEsperada[]> {
  const boletaDe = new Map(cat.boletas.map((b) => [`${b.eleccion}/${b.territorio}`, b]));
  const problemas: ProblemaEsperada[] = [];
  const casillas = origenes(cat, problemas);
  const elecciones = [...cat.elecciones].sort((a, b) => a.orden - b.orden || a.codigo.localeCompare(b.codigo));
  const actas: ActaEsperada[] = [];
  const faltantes = new Set<string>();
  for (const eleccion of elecciones) {
    for (const { casilla, seccion, parte, eleccion: dePartes } of casillas) {
      if (dePartes === null ? !votaEn(casilla, eleccion.codigo) : dePartes !== eleccion.codigo) continue;
      const territorio = territorioDeActa(eleccion, seccion);
      const boleta = boletaDe.get(`${eleccion.codigo}/${territorio}`);
      if (boleta === undefined) {
        const k = `${eleccion.codigo}/${territorio}`;
        if (!faltantes.has(k)) problemas.push({ motivo: 'SIN_BOLETA', eleccion: eleccion.codigo, territorio });
        faltantes.add(k);
        continue;
      }
      const cc = claveCasilla(cat.entidad.id, casilla);
      const clave = claveDeParte(claveActa(cc, eleccion.tipoActa), parte);
      actas.push({ clave, claveCasilla: cc, parte, eleccion, casilla, seccion, territorio, boleta });
    }
  }
  return problemas.length > 0 ? err(problemas) : ok(actas);
}
