/**
 * A registered acta placed in the corte's model: its catalogue entry (or none: fuera de catálogo), its
 * election, its classification and what it adds to the tallies. Total over well-formed log entries: a captura
 * or sin acta whose clave is not an expected acta is, by definition (docs/REGLAS.md §4), fuera de catálogo.
 */
import { clasificarValores, type Clasificacion } from '../acta/clasificar.ts';
import type { Valor } from '../acta/esquema.ts';
import type { ActaPublicada } from '../acta/publicada.ts';
import { clasificarPublicada, entradaConteo } from '../acta/registrada.ts';
import { err, ok, type Result } from '../resultado.ts';
import type { EntradaConteo } from '../conteo/conteo.ts';
import type { ActaModelo, CorteModelo, EleccionModelo } from './modelo.ts';

export interface ActaEnCorte {
  acta: ActaPublicada;
  /** Null for fuera de catálogo. */
  esperada: ActaModelo | null;
  eleccion: EleccionModelo;
  clasificacion: Clasificacion;
  entrada: EntradaConteo;
  /**
   * Its captured vote fields in the order of its expected acta's `columnas`, when they are exactly those columns
   * in that order (a capture of its ballot, nearly every acta); null otherwise (then read by key). The fields are
   * walked once, here, for its classification, tallies, shard JSON and CSV row.
   */
  valores: readonly Valor[] | null;
}

/** Log entries a corte cannot place: they are left out of the corte and reported in its log. */
export interface ProblemaActa {
  motivo: 'ELECCION_DESCONOCIDA' | 'SIN_CAPTURA' | 'SIN_MOTIVO';
  clave: string;
}

export function actaEnCorte(modelo: CorteModelo, acta: ActaPublicada): Result<ActaEnCorte, ProblemaActa> {
  const candidata = acta.registro === 'fuera_catalogo' ? undefined : modelo.actaPorClave.get(acta.clave);
  // An unknown clave is fuera de catálogo whatever the entry says (the entry itself is not copied: once per acta).
  const registro = candidata === undefined ? 'fuera_catalogo' : acta.registro;
  const eleccion = candidata?.eleccion.codigo ?? acta.identificacion.eleccion;
  const em = modelo.eleccionPorCodigo.get(eleccion);
  if (em === undefined) return err({ motivo: 'ELECCION_DESCONOCIDA', clave: acta.clave });
  const valores = registro === 'captura' && candidata !== undefined && acta.captura !== null ? valoresEnOrden(acta.captura.votos, candidata.columnas) : null;
  let clasificacion: Clasificacion;
  if (valores !== null) clasificacion = clasificarValores(candidata!.columnas, valores, candidata!.casilla, candidata!.eleccion.boletasEspecial);
  else {
    const clasificada = clasificarPublicada(acta, candidata, registro);
    if (!clasificada.ok) {
      // NO_ESPERADA cannot happen here (unknown claves were turned into fuera de catálogo above).
      const motivo = clasificada.error.motivo === 'SIN_MOTIVO' ? 'SIN_MOTIVO' : 'SIN_CAPTURA';
      return err({ motivo, clave: acta.clave });
    }
    clasificacion = clasificada.value;
  }
  return ok({
    acta,
    esperada: candidata ?? null,
    eleccion: em,
    clasificacion,
    entrada: entradaConteo(acta, candidata, clasificacion),
    valores,
  });
}

/** Scratch of `valoresEnOrden`. */
const leidos: Valor[] = [];

/**
 * The vote fields in the order of `columnas` when they are exactly those columns in that order; null otherwise
 * (a field missing, added or moved). One walk of the fields, without a lookup per column.
 */
export function valoresEnOrden(votos: Readonly<Record<string, Valor>>, columnas: readonly string[]): Valor[] | null {
  const n = columnas.length;
  let k = 0;
  for (const campo in votos) {
    if (k === n || campo !== columnas[k]) return null;
    // Written at most one past its end: the scratch list stays packed (a holey list is serialized slowly).
    leidos[k++] = votos[campo]!;
  }
  // A packed copy of exactly its size (pushed into a new list, it grew two or three times per acta).
  return k === n ? leidos.slice(0, n) : null;
}
