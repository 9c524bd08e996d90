/**
 * From the publishable state of an acta (`ActaPublicada`, the publication log) and its catalogue entry to what
 * classification and the tallies need.
 */
import { z } from 'zod';
import { assertNever } from '../assert.ts';
import { err, ok, type Result } from '../resultado.ts';
import type { EntradaConteo } from '../conteo/conteo.ts';
import { clasificarActa, clasificarCaptura, type ActaRegistrada, type Clasificacion } from './clasificar.ts';
import type { ActaEsperada } from './esperadas.ts';
import type { ActaPublicada } from './publicada.ts';

export const ProblemaRegistroSchema = z.strictObject({
  /** NO_ESPERADA: a captura / sin acta whose clave is not in the catalogue; SIN_CAPTURA / SIN_MOTIVO: missing data. */
  motivo: z.enum(['NO_ESPERADA', 'SIN_CAPTURA', 'SIN_MOTIVO']),
  clave: z.string(),
});
export type ProblemaRegistro = z.infer<typeof ProblemaRegistroSchema>;

/**
 * The acta as classification sees it. `esperada` is the catalogue entry with the acta's clave (undefined for
 * fuera de catálogo registrations).
 */
export function actaRegistrada(p: ActaPublicada, esperada: ActaEsperada | undefined): Result<ActaRegistrada, ProblemaRegistro> {
  switch (p.registro) {
    case 'fuera_catalogo':
      return ok({ tipo: 'fuera_catalogo', captura: p.captura });
    case 'sin_acta':
      if (esperada === undefined) return err({ motivo: 'NO_ESPERADA', clave: p.clave });
      if (p.motivoSinActa === null) return err({ motivo: 'SIN_MOTIVO', clave: p.clave });
      return ok({ tipo: 'sin_acta', motivo: p.motivoSinActa });
    case 'captura':
      if (esperada === undefined) return err({ motivo: 'NO_ESPERADA', clave: p.clave });
      if (p.captura === null) return err({ motivo: 'SIN_CAPTURA', clave: p.clave });
      return ok({
        tipo: 'captura',
        captura: p.captura,
        casilla: {
          tipo: esperada.casilla.tipo,
          listaNominal: esperada.casilla.listaNominal,
          representantes: esperada.casilla.representantes,
        },
        boletasEspecial: esperada.eleccion.boletasEspecial,
      });
    default:
      return assertNever(p.registro, 'registro');
  }
}

/**
 * `clasificarActa(actaRegistrada(p, esperada))` with `p` taken as registered as `registro`, without building the
 * `ActaRegistrada` (a corte classifies every acta: one object less per acta, its casilla read in place).
 */
export function clasificarPublicada(
  p: ActaPublicada,
  esperada: ActaEsperada | undefined,
  registro: ActaPublicada['registro'] = p.registro,
): Result<Clasificacion, ProblemaRegistro> {
  if (registro !== 'captura' || esperada === undefined || p.captura === null) {
    const r = actaRegistrada(registro === p.registro ? p : { ...p, registro }, esperada);
    return r.ok ? ok(clasificarActa(r.value)) : r;
  }
  return ok(clasificarCaptura(p.captura.votos, esperada.casilla, esperada.eleccion.boletasEspecial));
}

/** What the acta adds to its tallies (`sumarActa`), given its classification. */
export function entradaConteo(p: ActaPublicada, esperada: ActaEsperada | undefined, clasificacion: Clasificacion): EntradaConteo {
  return {
    clasificacion,
    votos: p.captura?.votos ?? null,
    tipo: esperada?.casilla.tipo ?? p.identificacion.tipo,
    listaNominal: esperada?.casilla.listaNominal ?? 0,
    boleta: esperada?.boleta ?? null,
  };
}
