/**
 * What the difusor widget reads of the publication: the `latest` pointer (polled by the portal's own Sondeo) and
 * one election's entidad shard, with the same light kind-and-version check as publicacion.ts. Not publicacion.ts
 * itself: that module carries the readers of every view's shards (acta, sección, tables), ~3 KB gzip the widget
 * never runs, and the widget must stay a few KB inside other sites' pages (test/e2e/widget.test.ts measures it).
 */
import { RUTA_LATEST_RAIZ, VERSION_SHARDS, type EntidadShard, type Puntero } from '../../worker/domain/contrato/index.ts';
import { NoExiste } from './fallas.ts';
import type { CorteInfo } from './modelo.ts';
import { obtenerJson } from './recursos.ts';
import { Sondeo } from './sondeo.ts';

function leer<T extends { tipo: string; version: number }>(tipo: T['tipo']) {
  return (json: unknown): T => {
    const o = json as Partial<T> | null;
    if (typeof o !== 'object' || o === null || o.tipo !== tipo || o.version !== VERSION_SHARDS) throw new Error(`se esperaba ${tipo} versión ${VERSION_SHARDS}`);
    return o as T;
  };
}

export const sondeoWidget = new Sondeo<Puntero>({ url: `/${RUTA_LATEST_RAIZ}`, leer: leer<Puntero>('puntero') });

/** A corte is identified by its manifest's SHA-256 (as publicacion.ts's idCorte). */
export const idCorteWidget = (p: Puntero): string => p.manifiesto.sha256;

export function corteWidget(p: Puntero): CorteInfo {
  return { numero: p.numero, instante: p.instante, offsetMinutes: p.entidad.utcOffsetMinutes, final: p.final, entidad: p.entidad };
}

export function entidadWidget(p: Puntero, eleccion: string): Promise<EntidadShard> {
  const e = p.elecciones.find((x) => x.codigo === eleccion);
  if (!e) return Promise.reject(new NoExiste('eleccion', eleccion, []));
  return obtenerJson(`/${e.ruta}`, leer<EntidadShard>('entidad'));
}

/** The SIMULACRO legend of a `pruebas` publication (as simulacro.ts's leyendaDePuntero), null in production. */
export function leyendaWidget(p: Puntero): string | null {
  if (p.entorno === 'produccion') return null;
  return p.simulacro ? p.simulacro : 'SIMULACRO / PRUEBA';
}
