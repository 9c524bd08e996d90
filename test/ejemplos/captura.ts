/**
 * Fixtures of the capture workflow on the fixture election (test/ejemplos/eleccion.ts): operators of each ámbito,
 * expected actas as the database describes them, and captures of a ballot.
 */
import type { Captura, Valor } from '../../worker/domain/acta/esquema.ts';
import type { ActaEsperadaRef } from '../../worker/domain/captura/acopio.ts';
import type { Contexto } from '../../worker/domain/captura/cambio.ts';
import type { ActaVersionada, CapturaRegistrada } from '../../worker/domain/captura/estado.ts';
import type { Operador, Rol } from '../../worker/domain/captura/permisos.ts';
import { catalogoEjemplo } from './eleccion.ts';

const catd = (id: string) => {
  const c = catalogoEjemplo.catds.find((x) => x.id === id)!;
  return { id: c.id, ambito: c.ambito, territorio: c.territorio, elecciones: c.elecciones };
};

export function operadorCatd(id: string, catdId: string, ...roles: Rol[]): Operador {
  return { id, nombre: id, ambito: 'CATD', roles, catd: catd(catdId), casillas: [], tokenId: `t-${id}` };
}

export function operadorCcv(id: string, ...roles: Rol[]): Operador {
  return { id, nombre: id, ambito: 'CCV', roles, catd: null, casillas: [], tokenId: `t-${id}` };
}

export function dispositivoCasilla(id: string, ...casillas: string[]): Operador {
  return { id, nombre: id, ambito: 'CASILLA', roles: ['digitalizacion'], catd: null, casillas, tokenId: `t-${id}` };
}

export const ADMIN: Operador = { id: 'admin', nombre: 'admin', ambito: 'INSTITUTO', roles: ['admin'], catd: null, casillas: [], tokenId: 't-admin' };

/** 2 June 2024 20:30 UTC-6. */
export const AHORA = Date.UTC(2024, 5, 3, 2, 30);

export const ctx = (operador: Operador, atCliente: number | null = null, ahora = AHORA): Contexto => ({ operador, ahora, atCliente });

/** Expected acta 140338B01004 (GUB, sección 338, distrito 1, municipio 39) as the database returns it. */
export const ESPERADA_338B1_GUB: ActaEsperadaRef = {
  clave: '140338B01004',
  casilla: '140338B0100',
  identificacion: { eleccion: 'GUB', seccion: 338, tipo: 'B', id: 1, extContigua: 0 },
  distrito: 1,
  municipio: 39,
  territorio: 0,
  partes: 1,
};

/** The vote fields of the GUB ballot (entidad-wide). */
export const CAMPOS_GUB: readonly string[] = [...catalogoEjemplo.boletas.find((b) => b.eleccion === 'GUB')!.columnas, 'NO_REGISTRADAS', 'NULOS'];

export function capturaGub(v: Valor | ((campo: string) => Valor) = 1): Captura {
  const valor = typeof v === 'function' ? v : () => v;
  return {
    votos: Object.fromEntries(CAMPOS_GUB.map((c) => [c, valor(c)])),
    totales: { TOTAL_BOLETAS_SOBRANTES: 1, TOTAL_PERSONAS_VOTARON: 2, TOTAL_REP_PARTIDO_CI_VOTARON: 0, TOTAL_VOTOS_SACADOS: 2, TOTAL_VOTOS_ASENTADO: 2 },
  };
}

export const registrada = (ronda: number, n: number, operador: string, captura: Captura, at = AHORA): CapturaRegistrada => ({
  ronda,
  n,
  operador,
  captura,
  at,
  atServidor: at,
});

/** The acta 140338B01004 with an image, waiting for captures (version 2). */
export function enCaptura(): ActaVersionada {
  return {
    version: 2,
    estado: {
      clave: ESPERADA_338B1_GUB.clave,
      esperada: true,
      identificacion: ESPERADA_338B1_GUB.identificacion,
      casilla: ESPERADA_338B1_GUB.casilla,
      distrito: 1,
      municipio: 39,
      territorio: 0,
      catdRegistro: null,
      registro: 'captura',
      etapa: 'CAPTURA',
      etapaDesde: AHORA - 60_000,
      ronda: 1,
      acopio: { at: AHORA - 120_000, atServidor: AHORA - 120_000, operador: 'acopio', catd: 'CATD-D01', mecanismoTraslado: null, motivoSinActa: null },
      imagen: {
        sha256: 'a'.repeat(64),
        mime: 'image/jpeg',
        bytes: 10,
        origen: 'CATD',
        digitalizacion: 'ESCANER',
        tipoDocumento: 'ACTA_PREP',
        at: AHORA - 60_000,
        atServidor: AHORA - 60_000,
        operador: 'dig',
      },
      verificada: null,
      cotejada: 0,
      devolucion: null,
      capturistas: [],
      verificadores: [],
    },
  };
}
