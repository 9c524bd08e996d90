/**
 * Shared set-up of the capture API tests (inside workerd): the fixture catalogue, one operator per role and
 * ámbito with a token each, a small HTTP client over the Worker's own fetch, and figures for fixture actas.
 */
import { env, exports } from 'cloudflare:workers';
import { expect } from 'vitest';
import type { Captura, Valor } from '../../worker/domain/acta/esquema.ts';
import type { OperadorNuevo } from '../../worker/domain/captura/operador-nuevo.ts';
import { catalogoEjemplo } from '../ejemplos/eleccion.ts';
import { cargarCatalogo } from '../../worker/db/catalogo-carga.ts';
import { crearOperador, ejecutorD1, emitirToken } from '../../worker/db/administracion.ts';
import { sha256Hex } from '../../worker/domain/bitacora/cadena.ts';
import { jpegConComentario } from '../../worker/domain/captura/fixtures/imagenes.ts';

export const BASE = 'http://prep.test';
export const HORA = 3_600_000;

type Def = Omit<OperadorNuevo, 'nombre' | 'casillas'> & { casillas?: string[] };

/** One operator per role of each ámbito (CATD-D01 has a full team; others a few). */
export const OPERADORES: readonly Def[] = [
  { id: 'd01-acopio', ambito: 'CATD', catd: 'CATD-D01', roles: ['acopio'] },
  { id: 'd01-dig', ambito: 'CATD', catd: 'CATD-D01', roles: ['digitalizacion'] },
  { id: 'd01-cap1', ambito: 'CATD', catd: 'CATD-D01', roles: ['captura'] },
  { id: 'd01-cap2', ambito: 'CATD', catd: 'CATD-D01', roles: ['captura'] },
  { id: 'd01-cap3', ambito: 'CATD', catd: 'CATD-D01', roles: ['captura'] },
  { id: 'd01-ver', ambito: 'CATD', catd: 'CATD-D01', roles: ['verificacion'] },
  { id: 'd01-ver2', ambito: 'CATD', catd: 'CATD-D01', roles: ['verificacion'] },
  { id: 'd01-sup', ambito: 'CATD', catd: 'CATD-D01', roles: ['supervisor'] },
  { id: 'd02-acopio', ambito: 'CATD', catd: 'CATD-D02', roles: ['acopio'] },
  { id: 'd02-dig', ambito: 'CATD', catd: 'CATD-D02', roles: ['digitalizacion'] },
  { id: 'd02-cap1', ambito: 'CATD', catd: 'CATD-D02', roles: ['captura'] },
  { id: 'd02-ver', ambito: 'CATD', catd: 'CATD-D02', roles: ['verificacion'] },
  { id: 'd02-sup', ambito: 'CATD', catd: 'CATD-D02', roles: ['supervisor'] },
  { id: 'm120-acopio', ambito: 'CATD', catd: 'CATD-M120', roles: ['acopio'] },
  { id: 'm120-dig', ambito: 'CATD', catd: 'CATD-M120', roles: ['digitalizacion'] },
  { id: 'ccv-cap1', ambito: 'CCV', catd: null, roles: ['captura'] },
  { id: 'ccv-cap2', ambito: 'CCV', catd: null, roles: ['captura'] },
  { id: 'ccv-ver', ambito: 'CCV', catd: null, roles: ['verificacion'] },
  { id: 'ccv-sup', ambito: 'CCV', catd: null, roles: ['supervisor'] },
  { id: 'casilla-338b1', ambito: 'CASILLA', catd: null, roles: ['digitalizacion'], casillas: ['140338B0100'] },
  { id: 'admin', ambito: 'INSTITUTO', catd: null, roles: ['admin'] },
];

export type Tokens = Record<string, string>;

/** Loads the fixture catalogue, creates every operator and issues each one token (limit high enough for tests). */
export async function prepararEscenario(limitePorMinuto = 100_000): Promise<Tokens> {
  await cargarCatalogo(env.DB, catalogoEjemplo);
  const ej = ejecutorD1(env.DB);
  const ahora = Date.now();
  const tokens: Tokens = {};
  for (const o of OPERADORES) {
    await crearOperador(ej, { ...o, nombre: `Operador ${o.id}`, casillas: o.casillas ?? [] }, ahora);
    tokens[o.id] = (await emitirToken(ej, { operador: o.id, vigenciaMs: 12 * HORA, limitePorMinuto }, ahora)).token;
  }
  return tokens;
}

export interface Opciones {
  token?: string;
  body?: unknown;
  /** Raw body (images, broken JSON). */
  raw?: BodyInit | Uint8Array;
  headers?: Record<string, string>;
}

let direcciones = Math.floor(Math.random() * 0x1_0000);

/**
 * A client address no other request of the run has used (198.18.0.0/15, the range kept for tests): refusals are
 * limited per address (worker/api/middleware/limite-direccion), so each call comes from its own unless the test
 * names one (headers['cf-connecting-ip']).
 */
export function direccionNueva(): string {
  direcciones = (direcciones + 1) % 0x2_0000;
  return `198.${18 + (direcciones >> 16)}.${(direcciones >> 8) & 255}.${direcciones & 255}`;
}

export function llamar(metodo: string, ruta: string, o: Opciones = {}): Promise<Response> {
  const headers: Record<string, string> = { 'cf-connecting-ip': direccionNueva(), ...(o.token ? { authorization: `Bearer ${o.token}` } : {}) };
  if (o.body !== undefined) headers['content-type'] = 'application/json';
  Object.assign(headers, o.headers);
  const body = (o.raw ?? (o.body === undefined ? undefined : JSON.stringify(o.body))) as BodyInit | undefined;
  return exports.default.fetch(new Request(BASE + ruta, { method: metodo, headers, body }));
}

export interface Vista {
  clave: string;
  version: number;
  seq: number;
  etapa: string;
  estado: Record<string, unknown> & { cotejada: number; ronda: number };
  capturasRonda: { n: number; operador: string }[];
  publicada: Record<string, unknown> | null;
}

export async function ok<T = Vista>(res: Response | Promise<Response>, status = 200): Promise<T> {
  const r = await res;
  const body = await r.json();
  expect(r.status, JSON.stringify(body)).toBe(status);
  return body as T;
}

export async function error(res: Response | Promise<Response>, status: number, code?: string): Promise<{ code: string; message: string; details: unknown }> {
  const r = await res;
  const body = (await r.json()) as { error: { code: string; message: string; details: unknown } };
  expect(r.status, JSON.stringify(body)).toBe(status);
  expect(Object.keys(body)).toEqual(['error']);
  expect(typeof body.error.code).toBe('string');
  expect(typeof body.error.message).toBe('string');
  if (code) expect(body.error.code).toBe(code);
  return body.error;
}

/** A small real JPEG, different per `semilla`. */
export const jpeg = (semilla: string): Uint8Array => jpegConComentario(`acta ${semilla}`);

export const sha = (b: Uint8Array) => sha256Hex(b);

export function subirImagen(token: string, clave: string, bytes: Uint8Array, query = 'origen=CATD&digitalizacion=ESCANER&tipoDocumento=ACTA_PREP', headers: Record<string, string> = {}) {
  return llamar('POST', `/api/v1/actas/${clave}/imagen?${query}`, { token, raw: bytes, headers: { 'content-type': 'image/jpeg', ...headers } });
}

/** The ballot fields of an acta of the fixture, each `v` (or a function of the field). */
export function capturaPara(eleccion: string, territorio: number, v: Valor | ((campo: string) => Valor) = 1): Captura {
  const b = catalogoEjemplo.boletas.find((x) => x.eleccion === eleccion && x.territorio === territorio)!;
  const campos = [...b.columnas, 'NO_REGISTRADAS', 'NULOS'];
  const valor = typeof v === 'function' ? v : () => v;
  return {
    votos: Object.fromEntries(campos.map((c) => [c, valor(c)])),
    totales: { TOTAL_BOLETAS_SOBRANTES: 0, TOTAL_PERSONAS_VOTARON: 0, TOTAL_REP_PARTIDO_CI_VOTARON: 0, TOTAL_VOTOS_SACADOS: 0, TOTAL_VOTOS_ASENTADO: 0 },
  };
}

/** Rows of every table the capture workflow writes (all but the rate-limit counters), as one comparable text. */
export async function huellaBase(): Promise<string> {
  const tablas = ['acta', 'captura', 'imagen', 'idempotencia', 'bitacora', 'secuencia', 'acta_publicacion', 'operador', 'operador_rol', 'operador_casilla', 'token'];
  const partes: string[] = [];
  for (const t of tablas) {
    const r = await env.DB.prepare(`SELECT * FROM ${t}`).all();
    partes.push(t, JSON.stringify(r.results.map((x) => JSON.stringify(x)).sort()));
  }
  return sha256Hex(partes.join('\n'));
}

export async function objetosR2(): Promise<string[]> {
  const l = await env.BUCKET.list();
  return l.objects.map((o) => o.key).sort();
}

/** Steps on a GUB acta of CATD-D01 (entidad ballot), as its operators, expecting success. */
export const pasos = (t: Tokens) => ({
  recibir: (clave: string, body: Record<string, unknown> = {}) => ok(llamar('POST', '/api/v1/acopio', { token: t['d01-acopio'], body: { clave, ...body } }), 201),
  digitalizar: (clave: string, semilla = clave) => ok(subirImagen(t['d01-dig']!, clave, jpeg(semilla))),
  capturar: (clave: string, op: string, v: Valor | ((campo: string) => Valor)) =>
    ok(llamar('POST', `/api/v1/actas/${clave}/capturas`, { token: t[op], body: capturaPara('GUB', 0, v) })),
  /** Received, digitized and verified by two equal captures of `v`. */
  verificada: async (clave: string, v: Valor = 1) => {
    await ok(llamar('POST', '/api/v1/acopio', { token: t['d01-acopio'], body: { clave } }), 201);
    await ok(subirImagen(t['d01-dig']!, clave, jpeg(clave)));
    await ok(llamar('POST', `/api/v1/actas/${clave}/capturas`, { token: t['d01-cap1'], body: capturaPara('GUB', 0, v) }));
    return ok(llamar('POST', `/api/v1/actas/${clave}/capturas`, { token: t['d01-cap2'], body: capturaPara('GUB', 0, v) }));
  },
});

/** The publication log of one acta, oldest first. */
export async function publicaciones(clave: string): Promise<{ seq: number; payload: Record<string, unknown> }[]> {
  const r = await env.DB.prepare('SELECT seq, payload FROM acta_publicacion WHERE clave = ? ORDER BY seq').bind(clave).all<{ seq: number; payload: string }>();
  return r.results.map((x) => ({ seq: x.seq, payload: JSON.parse(x.payload) as Record<string, unknown> }));
}

export interface Ultima {
  id: number;
  accion: string;
  operador: string | null;
  token: string | null;
  acta: string | null;
  status: number;
  detalle: string;
}

export const ultima = () => env.DB.prepare('SELECT id, accion, operador, token, acta, status, detalle FROM bitacora ORDER BY id DESC LIMIT 1').first<Ultima>();
const cambios = () => env.DB.prepare('SELECT valor FROM secuencia').first<{ valor: number }>();

/** The request is refused with `status`/`code`, and exactly one audit entry records it. */
export async function rechazada(enviar: () => Promise<Response>, status: 401 | 403, code: string, operador: string | null) {
  const antes = await ultima();
  const seq = await cambios();
  const res = await enviar();
  if (status === 401) expect(res.headers.get('www-authenticate')).toBe('Bearer');
  await error(res, status, code);
  const e = await ultima();
  expect(e!.id).toBe((antes?.id ?? 0) + 1);
  expect(e).toMatchObject({ accion: 'RECHAZO', status, operador });
  expect(JSON.parse(e!.detalle)).toMatchObject({ code });
  expect(await cambios()).toEqual(seq);
  return e!;
}
