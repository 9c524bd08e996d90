/**
 * Synthetic verified actas for any catalogue, deterministic from a seed: what benchmarks, load tests and
 * demos publish when no real capture exists. Mostly ordinary counted actas, with the rarer kinds mixed in
 * (an Ilegible field, sin acta, excede lista nominal). Not used by the corte itself.
 */
import type { ActaEsperada } from '../../worker/domain/acta/esperadas.ts';
import type { ActaPublicada } from '../../worker/domain/acta/publicada.ts';
import { COLUMNAS_FIJAS, ILEGIBLE, type Valor } from '../../worker/domain/acta/esquema.ts';
import { crearAzar } from '../generador/azar.ts';

const hex = (r: () => number) => Array.from({ length: 8 }, () => Math.floor(r() * 2 ** 32).toString(16).padStart(8, '0')).join('');

/**
 * A verified acta for an expected acta. `version` > 0 gives a different capture of the same acta (a
 * correction). `instante`: epoch ms of its verification.
 */
export function actaSintetica(a: ActaEsperada, semilla: number, version: number, instante: number): ActaPublicada {
  const r = crearAzar(semilla ^ Math.imul(version + 1, 0x9e3779b1)).siguiente;
  const clase = r();
  const base = {
    clave: a.clave,
    identificacion: { eleccion: a.eleccion.codigo, seccion: a.casilla.seccion, tipo: a.casilla.tipo, id: a.casilla.id, extContigua: a.casilla.extContigua },
    mecanismoTraslado: r() < 0.1 ? ('F' as const) : null,
    acopioAt: instante - 180_000,
    capturaAt: instante - 60_000,
    verificacionAt: instante,
    cotejada: 0 as const,
  };
  if (clase < 0.01) {
    return { ...base, registro: 'sin_acta', motivoSinActa: 'PAQUETE_NO_ENTREGADO', captura: null, imagen: null };
  }
  const columnas = [...a.boleta.columnas, ...COLUMNAS_FIJAS];
  const limite = a.casilla.tipo === 'S' ? a.eleccion.boletasEspecial : Math.max(a.casilla.listaNominal, 200);
  const participacion = clase < 0.02 ? 1.2 : 0.45 + r() * 0.3;
  let restantes = Math.floor(limite * participacion);
  const votos: Record<string, Valor> = {};
  for (const [i, c] of columnas.entries()) {
    const n = i === columnas.length - 1 ? restantes : Math.floor(restantes * r() * (c.includes('_') ? 0.05 : 0.4));
    restantes -= n;
    votos[c] = n;
  }
  if (clase > 0.97) votos[columnas[0]!] = ILEGIBLE;
  let total = 0;
  for (const v of Object.values(votos)) if (typeof v === 'number') total += v;
  return {
    ...base,
    registro: 'captura',
    motivoSinActa: null,
    captura: {
      votos,
      totales: {
        TOTAL_BOLETAS_SOBRANTES: Math.max(0, limite - total),
        TOTAL_PERSONAS_VOTARON: total,
        TOTAL_REP_PARTIDO_CI_VOTARON: 0,
        TOTAL_VOTOS_SACADOS: total,
        TOTAL_VOTOS_ASENTADO: total,
      },
    },
    imagen: { sha256: hex(r), mime: 'image/jpeg', origen: r() < 0.5 ? 'CASILLA' : 'CATD', digitalizacion: 'MOVIL', tipoDocumento: 'ACTA_PREP' },
  };
}
