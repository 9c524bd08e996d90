/**
 * What the puesta en ceros and the closing read from the local D1: the night's counts, the chain's state, the
 * catalogue's rows for its hash, the corte configuration, and the figures of the closing act.
 */
import { verificarCadena, type FilaBitacora } from '../../worker/domain/bitacora/cadena.ts';
import { CATALOGUE_TABLES } from '../../worker/db/catalogo-filas.ts';
import { PREFIJO } from '../../worker/db/catalogo-mapa.ts';
import type { D1Local } from '../lib/d1-local.ts';
import type { ConfigCortes, TablaCatalogo } from './huellas.ts';
import { ACCION_CIERRE, ACCION_PUESTA, type ConteosNoche, type EstadoCadena } from './veredicto.ts';

/** The tables of the night that must be empty at the puesta en ceros, and what each count is called. */
export const CONTEOS_SQL = `SELECT
  (SELECT count(*) FROM acta) AS actas, (SELECT count(*) FROM captura) AS capturas,
  (SELECT count(*) FROM imagen) AS imagenes, (SELECT count(*) FROM acta_publicacion) AS publicaciones,
  (SELECT count(*) FROM corte) AS cortes, (SELECT count(*) FROM idempotencia) AS idempotencia,
  (SELECT count(*) FROM corte_solicitud) AS solicitudes, (SELECT coalesce(max(valor), 0) FROM secuencia) AS secuencia,
  (SELECT count(*) FROM bitacora) AS bitacora`;

/** The same condition as a guard of the recording batch: the database stayed empty between the check and the write. */
export const NO_VACIA_SQL = `EXISTS (SELECT 1 FROM acta) OR EXISTS (SELECT 1 FROM captura) OR EXISTS (SELECT 1 FROM imagen)
  OR EXISTS (SELECT 1 FROM acta_publicacion) OR EXISTS (SELECT 1 FROM corte) OR EXISTS (SELECT 1 FROM idempotencia)
  OR EXISTS (SELECT 1 FROM corte_solicitud) OR EXISTS (SELECT 1 FROM secuencia WHERE valor <> 0) OR EXISTS (SELECT 1 FROM bitacora)`;

/** Guard of the closing batch: no puesta en ceros at entry 1, or a closing already recorded. */
export const SIN_PUESTA_O_CERRADA_SQL = `NOT EXISTS (SELECT 1 FROM bitacora WHERE id = 1 AND accion = '${ACCION_PUESTA}')
  OR EXISTS (SELECT 1 FROM bitacora WHERE accion = '${ACCION_CIERRE}')`;

export function leerConteos(d1: D1Local, objetosR2: number | null): ConteosNoche {
  const f = d1.consulta<Omit<ConteosNoche, 'objetosR2'>>(CONTEOS_SQL)[0]!;
  return { ...f, objetosR2 };
}

export function leerCadena(d1: D1Local): EstadoCadena {
  const [n] = d1.consulta<{ n: number }>('SELECT count(*) AS n FROM bitacora');
  const [primera] = d1.consulta<{ id: number; accion: string; at: number }>('SELECT id, accion, at FROM bitacora ORDER BY id LIMIT 1');
  const [cierre] = d1.consulta<{ id: number; at: number }>(`SELECT id, at FROM bitacora WHERE accion = '${ACCION_CIERRE}' ORDER BY id LIMIT 1`);
  return { entradas: n?.n ?? 0, primera: primera ?? null, cierre: cierre ?? null };
}

export interface Entidad {
  nombre: string;
  sintetico: boolean;
  utcOffsetMinutes: number;
}

export function leerEntidad(d1: D1Local): Entidad | null {
  const [e] = d1.consulta<{ nombre: string; sintetico: number; utc_offset_minutes: number }>('SELECT nombre, sintetico, utc_offset_minutes FROM entidad LIMIT 1');
  return e ? { nombre: e.nombre, sintetico: e.sintetico === 1, utcOffsetMinutes: e.utc_offset_minutes } : null;
}

/**
 * The catalogue tables, parents first (insertion order), each row as json_array of its columns, sorted as text;
 * then, when the catalogue carried sección boundaries, their rows of `configuracion` (worker/db/catalogo-mapa.ts),
 * so that the hash also names the maps the portal draws. A catalogue without them hashes as before.
 */
export function leerTablasCatalogo(d1: D1Local): TablaCatalogo[] {
  const tablas = [...CATALOGUE_TABLES].reverse().map((tabla) => {
    const columnas = d1.consulta<{ name: string }>(`SELECT name FROM pragma_table_info('${tabla}') ORDER BY cid`).map((c) => `"${c.name}"`);
    const filas = d1.consulta<{ f: string }>(`SELECT json_array(${columnas.join(', ')}) AS f FROM ${tabla} ORDER BY f`).map((r) => r.f);
    return { tabla, filas };
  });
  const mapa = d1.consulta<{ f: string }>(`SELECT json_array(clave, valor) AS f FROM configuracion WHERE clave LIKE '${PREFIJO}%' ORDER BY f`).map((r) => r.f);
  return mapa.length > 0 ? [...tablas, { tabla: 'configuracion', filas: mapa }] : tablas;
}

export function leerResumenCatalogo(d1: D1Local): { elecciones: number; casillas: number; actasEsperadas: number; catds: number } {
  return d1.consulta<{ elecciones: number; casillas: number; actasEsperadas: number; catds: number }>(
    `SELECT (SELECT count(*) FROM eleccion) AS elecciones, (SELECT count(*) FROM casilla) AS casillas,
            (SELECT count(*) FROM acta_esperada) AS actasEsperadas, (SELECT count(*) FROM catd) AS catds`,
  )[0]!;
}

export function leerConfigCortes(d1: D1Local): ConfigCortes {
  const [c] = d1.consulta<{ jornada: string | null; inicio_minutos: number; duracion_minutos: number; cadencia_minutos: number }>(
    'SELECT jornada, inicio_minutos, duracion_minutos, cadencia_minutos FROM corte_config WHERE id = 1',
  );
  if (!c) throw new Error('falta la configuración de cortes (corte_config): ¿se aplicaron las migraciones?');
  return { jornada: c.jornada, inicioMinutos: c.inicio_minutos, duracionMinutos: c.duracion_minutos, cadenciaMinutos: c.cadencia_minutos };
}

export function leerPersonal(d1: D1Local): { operadores: number; tokens: number } {
  return d1.consulta<{ operadores: number; tokens: number }>('SELECT (SELECT count(*) FROM operador) AS operadores, (SELECT count(*) FROM token) AS tokens')[0]!;
}

/** The puesta en ceros entry: when, its hash, and the build identity it recorded. */
export function leerPuesta(d1: D1Local): { id: number; at: number; hash: string; detalle: Record<string, unknown> } {
  const [f] = d1.consulta<{ id: number; at: number; hash: string; detalle: string }>(`SELECT id, at, hash, detalle FROM bitacora WHERE id = 1 AND accion = '${ACCION_PUESTA}'`);
  if (!f) throw new Error('no hay puesta en ceros');
  return { id: f.id, at: f.at, hash: f.hash, detalle: JSON.parse(f.detalle) as Record<string, unknown> };
}

export interface FigurasCierre {
  actasPorEtapa: Record<string, number>;
  capturas: number;
  imagenes: number;
  cortes: number;
  ultimoCorte: { numero: number; final: boolean; manifiestoSha256: string; instante: number } | null;
}

export function leerFigurasCierre(d1: D1Local): FigurasCierre {
  const etapas = d1.consulta<{ etapa: string; n: number }>('SELECT etapa, count(*) AS n FROM acta GROUP BY etapa ORDER BY etapa');
  const n = d1.consulta<{ capturas: number; imagenes: number; cortes: number }>(
    'SELECT (SELECT count(*) FROM captura) AS capturas, (SELECT count(*) FROM imagen) AS imagenes, (SELECT count(*) FROM corte) AS cortes',
  )[0]!;
  const [u] = d1.consulta<{ numero: number; final: number; manifiesto_sha256: string; instante: number }>(
    'SELECT numero, final, manifiesto_sha256, instante FROM corte ORDER BY numero DESC LIMIT 1',
  );
  return {
    actasPorEtapa: Object.fromEntries(etapas.map((e) => [e.etapa, e.n])),
    ...n,
    ultimoCorte: u ? { numero: u.numero, final: u.final === 1, manifiestoSha256: u.manifiesto_sha256, instante: u.instante } : null,
  };
}

const PAGINA = 5000;

/** The whole chain checked (as npm run audit:verify does): intact or not, how many entries, the tip's hash. */
export async function revisarCadena(d1: D1Local): Promise<{ integra: boolean; entradas: number; puntaHash: string }> {
  const leer = async (desde: number, limite: number) =>
    d1.consulta<FilaBitacora>(
      `SELECT id, at, operador, token, catd, accion, acta, seq, status, detalle, prev_hash, hash FROM bitacora WHERE id > ${Math.trunc(desde)} ORDER BY id LIMIT ${Math.trunc(limite)}`,
    );
  const r = await verificarCadena(leer, PAGINA);
  const [punta] = d1.consulta<{ id: number; hash: string }>('SELECT id, hash FROM bitacora ORDER BY id DESC LIMIT 1');
  return { integra: r.ok, entradas: punta?.id ?? 0, puntaHash: punta?.hash ?? '' };
}
