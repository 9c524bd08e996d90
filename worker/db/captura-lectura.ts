/**
 * What a workflow step reads before deciding, in ONE batch (one consistent snapshot): the acta's stored state and
 * version, its catalogue entry, its captures, its ballot's vote fields, the audit tip, the change sequence and the
 * caller's stored answers for this request. The write that follows is guarded by the version, tip and sequence
 * read here.
 */
import { z } from 'zod';
import { CapturaSchema } from '../domain/acta/schema.ts';
import type { Identificacion } from '../domain/acta/publicada.ts';
import type { Punta } from '../domain/audit/chain.ts';
import type { ActaEsperadaRef } from '../domain/captura/acopio.ts';
import { camposDeBoleta } from '../domain/captura/boleta.ts';
import { ActaEstadoSchema, type ActaVersionada, type CapturaRegistrada } from '../domain/captura/estado.ts';
import { TipoCasillaSchema } from '../domain/catalogue/schema.ts';
import { LEER_PUNTA, puntaDe } from './bitacora.ts';

/** Which acta: by clave (CLAVE_ACTA or FC-n) and/or, at acopio, by a fuera de catálogo identification. */
export interface ObjetivoLectura {
  clave: string | null;
  fcIdentificacion: string | null;
  /** At acopio of an unknown identification: its sección, to place it in a distrito and municipio. */
  seccion: number | null;
}

export interface RespuestaGuardada {
  clave: string;
  huella: string;
  status: number;
  respuesta: string;
}

export interface Instantanea {
  acta: ActaVersionada | null;
  /** Change sequence value of the acta's last change (0 when it has no record). */
  seqActa: number;
  esperada: ActaEsperadaRef | null;
  /** Every capture of the acta, all rounds, in order. */
  capturas: CapturaRegistrada[];
  /** Vote fields of the acta's ballot, or null if none applies. */
  campos: string[] | null;
  seccion: { distrito: number; municipio: number } | null;
  punta: Punta;
  secuencia: number;
  /** The caller's stored answers for the requested idempotency keys, by key. */
  guardadas: Map<string, RespuestaGuardada>;
}

const ACTA_SQL = `SELECT clave, version, seq, estado FROM acta WHERE clave = ?1 OR fc_identificacion = ?2 ORDER BY esperada DESC LIMIT 1`;
const RESUELTA = `(SELECT clave FROM acta WHERE clave = ?1 OR fc_identificacion = ?2 ORDER BY esperada DESC LIMIT 1)`;

const ESPERADA_SQL = `
SELECT ae.clave_acta, ae.casilla, ae.eleccion, ae.seccion, ae.distrito, ae.municipio, ae.territorio,
       c.tipo, c.id_casilla, c.ext_contigua
FROM acta_esperada ae JOIN casilla c ON c.clave = ae.casilla WHERE ae.clave_acta = ?1`;

const CAPTURAS_SQL = `SELECT ronda, n, operador, figuras, at, at_servidor FROM captura WHERE acta = ${RESUELTA} ORDER BY ronda, n`;

const CAMPOS_SQL = `
SELECT b.columna FROM boleta_columna b
JOIN (SELECT eleccion, territorio FROM acta_esperada WHERE clave_acta = ?1
      UNION ALL SELECT eleccion, territorio FROM acta WHERE clave = ${RESUELTA} AND esperada = 0) k
  ON b.eleccion = k.eleccion AND b.territorio = k.territorio
ORDER BY b.orden`;

const EsperadaFilaSchema = z.object({
  clave_acta: z.string(),
  casilla: z.string(),
  eleccion: z.string(),
  seccion: z.number(),
  distrito: z.number(),
  municipio: z.number(),
  territorio: z.number(),
  tipo: TipoCasillaSchema,
  id_casilla: z.number(),
  ext_contigua: z.number(),
});

const CapturaFilaSchema = z.object({
  ronda: z.number(),
  n: z.number(),
  operador: z.string(),
  figuras: z.string(),
  at: z.number(),
  at_servidor: z.number(),
});

export async function leerInstantanea(db: D1Database, o: ObjetivoLectura, operador: string, claves: readonly string[]): Promise<Instantanea> {
  const k = [...claves, '', ''];
  const [acta, esperada, capturas, campos, seccion, punta, secuencia, guardadas] = await db.batch<Record<string, unknown>>([
    db.prepare(ACTA_SQL).bind(o.clave, o.fcIdentificacion),
    db.prepare(ESPERADA_SQL).bind(o.clave),
    db.prepare(CAPTURAS_SQL).bind(o.clave, o.fcIdentificacion),
    db.prepare(CAMPOS_SQL).bind(o.clave, o.fcIdentificacion),
    db.prepare('SELECT distrito, municipio FROM seccion WHERE id = ?').bind(o.seccion),
    db.prepare(LEER_PUNTA),
    db.prepare('SELECT valor FROM secuencia WHERE id = 1'),
    db.prepare('SELECT clave, huella, status, respuesta FROM idempotencia WHERE operador = ? AND clave IN (?, ?)').bind(operador, k[0]!, k[1]!),
  ]);
  const columnas = campos!.results.map((r) => String(r.columna));
  return {
    acta: actaDe(acta!.results[0]),
    seqActa: Number(acta!.results[0]?.seq ?? 0),
    esperada: esperadaDe(esperada!.results[0]),
    capturas: capturas!.results.map(capturaDe),
    campos: columnas.length > 0 ? camposDeBoleta(columnas) : null,
    seccion: seccionDe(seccion!.results[0]),
    punta: puntaDe(punta!.results[0] as { id: number; hash: string } | undefined),
    secuencia: Number(secuencia!.results[0]?.valor ?? 0),
    guardadas: new Map(guardadas!.results.map((r) => [String(r.clave), r as unknown as RespuestaGuardada])),
  };
}

function actaDe(fila: Record<string, unknown> | undefined): ActaVersionada | null {
  if (fila === undefined) return null;
  return { version: Number(fila.version), estado: ActaEstadoSchema.parse(JSON.parse(String(fila.estado))) };
}

function esperadaDe(fila: Record<string, unknown> | undefined): ActaEsperadaRef | null {
  if (fila === undefined) return null;
  const f = EsperadaFilaSchema.parse(fila);
  const identificacion: Identificacion = { eleccion: f.eleccion, seccion: f.seccion, tipo: f.tipo, id: f.id_casilla, extContigua: f.ext_contigua };
  return { clave: f.clave_acta, casilla: f.casilla, identificacion, distrito: f.distrito, municipio: f.municipio, territorio: f.territorio };
}

function capturaDe(fila: Record<string, unknown>): CapturaRegistrada {
  const f = CapturaFilaSchema.parse(fila);
  return { ronda: f.ronda, n: f.n, operador: f.operador, captura: CapturaSchema.parse(JSON.parse(f.figuras)), at: f.at, atServidor: f.at_servidor };
}

function seccionDe(fila: Record<string, unknown> | undefined): { distrito: number; municipio: number } | null {
  return fila === undefined ? null : { distrito: Number(fila.distrito), municipio: Number(fila.municipio) };
}

/** The entidad and elections of the catalogue (to read a CLAVE_ACTA or an identification at acopio). */
export interface CatalogoBasico {
  entidad: number | null;
  elecciones: { codigo: string; tipoActa: string; territorio: 'entidad' | 'distrito' | 'municipio' }[];
}

export async function leerCatalogoBasico(db: D1Database): Promise<CatalogoBasico> {
  const [entidad, elecciones] = await db.batch<Record<string, unknown>>([
    db.prepare('SELECT id FROM entidad LIMIT 1'),
    db.prepare('SELECT codigo, tipo_acta, territorio FROM eleccion ORDER BY orden'),
  ]);
  const e = entidad!.results[0];
  return {
    entidad: e === undefined ? null : Number(e.id),
    elecciones: elecciones!.results.map((r) => ({
      codigo: String(r.codigo),
      tipoActa: String(r.tipo_acta),
      territorio: z.enum(['entidad', 'distrito', 'municipio']).parse(r.territorio),
    })),
  };
}
