/**
 * What a workflow step reads before deciding, in ONE statement (one consistent snapshot): the acta's stored state and
 * version, its catalogue entry, its captures, its ballot's vote fields, the audit tip, the change sequence, the
 * caller's stored answers for this request, the opening of the publication window (a declared time before it is
 * not published) and whether the final corte is published or being cut (no write is accepted then). The write that follows is guarded by the version, tip and sequence
 * read here.
 */
import { z } from 'zod';
import type { Captura } from '../domain/acta/esquema.ts';
import type { Identificacion } from '../domain/acta/publicada.ts';
import type { Punta } from '../domain/bitacora/cadena.ts';
import type { ActaEsperadaRef } from '../domain/captura/acopio.ts';
import { camposDeBoleta } from '../domain/captura/boleta.ts';
import type { ActaEstado, ActaVersionada, CapturaRegistrada } from '../domain/captura/estado.ts';
import { TipoCasillaSchema } from '../domain/catalogo/esquema.ts';
import { PREFIJO_FINAL, ventana } from '../domain/corte/calendario.ts';
import { puntaDe } from './bitacora.ts';
import type { Condicion } from './guardia.ts';

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
  /** Opening of the configured publication window (epoch ms); null without one. */
  apertura: number | null;
  /** The corte configuration as read (the text `apertura` comes from; condicionConfig guards it). */
  config: string | null;
  /** The final corte is published: publication is closed. */
  finalPublicado: boolean;
  /** A final corte's run holds the corte lease: it is cutting the last change sequence ever published. */
  finalEnCurso: boolean;
}

/**
 * The whole snapshot is ONE statement (one row of scalar subqueries): here a statement costs the Worker more than
 * the database (each one is serialized, traced and converted on its own), and this read precedes every write.
 * ?1 clave, ?2 fuera de catálogo identification, ?3 sección, ?4 operador, ?5 ?6 idempotency keys.
 * The expected acta carries how many parts its casilla's acta has (a split sección, docs/catalogo.md): a range seek
 * on acta_esperada's key (`CLAVE_ACTA-2` … `-9`) inside the same statement, so acopio by fields can tell a split
 * casilla without a round trip more.
 * Lists come back as JSON arrays with their order key and are sorted here (aggregate order is not guaranteed).
 * An acta's `estado` and a capture's `figuras` are JSON this code wrote from values its zod schemas had checked
 * (ActaEstadoSchema, CapturaSchema; D1 checks json_valid): they are read back without a second validation, which
 * cost about a tenth of a capture request's CPU.
 */
const CONFIG_SQL = `(SELECT json_object('jornada', jornada, 'inicio', inicio_minutos, 'duracion', duracion_minutos, 'cadencia', cadencia_minutos)
   FROM corte_config WHERE id = 1)`;

/**
 * A guard condition (guardia.ts): the corte configuration is no longer the `texto` a snapshot read (its `config`).
 * A write decided on a remembered snapshot carries it, since the window's opening decides which time is published.
 */
export const condicionConfig = (texto: string | null): Condicion => ({ motivo: 'VENTANA', violada: `${CONFIG_SQL} IS NOT ?`, params: [texto] });

/**
 * The acta is found by key lookups only, and every list by its own subquery: no CTE read several times, no
 * ORDER BY over the OR of two keys, no compound subquery and no IN list. SQLite builds an ephemeral table for each
 * of those on every execution (with SQLite's default temporary storage, ~180 µs against ~15 µs for the same
 * lookups); under local workerd an acopio, whose first round trip is this statement, went from ~7.6 to ~6.5 CPU-ms
 * (issue 16). Of the actas with clave ?1 or fuera de catálogo identification ?2, an expected one is preferred.
 */
const instantaneaSql = (operador: string) => `
SELECT
  a.version AS acta_version,
  a.seq AS acta_seq,
  a.estado AS acta_estado,
  (SELECT json_object('clave_acta', ae.clave_acta, 'casilla', ae.casilla, 'eleccion', ae.eleccion, 'seccion', ae.seccion,
            'distrito', ae.distrito, 'municipio', ae.municipio, 'territorio', ae.territorio, 'tipo', c.tipo,
            'id_casilla', c.id_casilla, 'ext_contigua', c.ext_contigua,
            'partes', 1 + (SELECT count(*) FROM acta_esperada p WHERE p.clave_acta BETWEEN ae.clave_acta || '-2' AND ae.clave_acta || '-9'))
   FROM acta_esperada ae JOIN casilla c ON c.clave = ae.casilla WHERE ae.clave_acta = ?1) AS esperada,
  (SELECT json_group_array(json_object('ronda', ronda, 'n', n, 'operador', operador, 'figuras', figuras, 'at', at,
            'at_servidor', at_servidor))
   FROM captura WHERE acta = a.clave) AS capturas,
  (SELECT json_group_array(json_array(b.orden, b.columna)) FROM acta_esperada e
   JOIN boleta_columna b ON b.eleccion = e.eleccion AND b.territorio = e.territorio WHERE e.clave_acta = ?1) AS campos,
  (SELECT json_group_array(json_array(b.orden, b.columna)) FROM boleta_columna b
   WHERE a.esperada = 0 AND b.eleccion = a.eleccion AND b.territorio = a.territorio) AS campos_fc,
  (SELECT json_object('distrito', distrito, 'municipio', municipio) FROM seccion WHERE id = ?3) AS seccion,
  (SELECT json_object('id', id, 'hash', hash) FROM bitacora ORDER BY id DESC LIMIT 1) AS punta,
  (SELECT valor FROM secuencia WHERE id = 1) AS secuencia,
  ${guardadaSql(operador, '?5')} AS guardada_1,
  ${guardadaSql(operador, '?6')} AS guardada_2,
  ${CONFIG_SQL} AS config,
  (SELECT utc_offset_minutes FROM entidad ORDER BY id LIMIT 1) AS utc_offset,
  EXISTS (SELECT 1 FROM corte WHERE final = 1) AS final_publicado,
  EXISTS (SELECT 1 FROM corte_lease WHERE id = 1 AND titular LIKE '${PREFIJO_FINAL}%') AS final_en_curso
FROM (SELECT 1) LEFT JOIN acta a ON a.clave = coalesce(
  (SELECT clave FROM acta WHERE clave = ?1 AND esperada = 1),
  (SELECT clave FROM acta WHERE fc_identificacion = ?2 AND esperada = 1),
  (SELECT clave FROM acta WHERE clave = ?1),
  (SELECT clave FROM acta WHERE fc_identificacion = ?2))`;

/** The caller's stored answer under one key (a primary-key lookup), as a JSON object or NULL. */
const guardadaSql = (operador: string, clave: string) =>
  `(SELECT json_object('clave', clave, 'huella', huella, 'status', status, 'respuesta', respuesta)
   FROM idempotencia WHERE operador = ${operador} AND clave = ${clave})`;

/**
 * Whose stored answers the snapshot reads (?4): the operator's id, or — when the snapshot is read in the same
 * round trip as the credential, before the operator is known — the operator of the presented token, or of the
 * token of the presented session (by the SHA-256 of its cookie). The request is authenticated as that very
 * operator (a credential is its token's operator) or refused, so the answers read are always the caller's.
 */
export type QuienLee = 'operador' | 'token' | 'sesion';

export const INSTANTANEA_SQL: Readonly<Record<QuienLee, string>> = {
  operador: instantaneaSql('?4'),
  token: instantaneaSql('(SELECT operador FROM token WHERE id = ?4)'),
  sesion: instantaneaSql('(SELECT t.operador FROM sesion s JOIN token t ON t.id = s.token WHERE s.id_hash = ?4)'),
};

const FilaSchema = z.object({
  acta_version: z.number().nullable(),
  acta_seq: z.number().nullable(),
  acta_estado: z.string().nullable(),
  esperada: z.string().nullable(),
  capturas: z.string(),
  campos: z.string(),
  campos_fc: z.string(),
  seccion: z.string().nullable(),
  punta: z.string().nullable(),
  secuencia: z.number().nullable(),
  guardada_1: z.string().nullable(),
  guardada_2: z.string().nullable(),
  config: z.string().nullable(),
  utc_offset: z.number().nullable(),
  final_publicado: z.number(),
  final_en_curso: z.number(),
});
const ConfigFilaSchema = z.object({ jornada: z.string().nullable(), inicio: z.number(), duracion: z.number(), cadencia: z.number() });
const RespuestaGuardadaSchema = z.object({ clave: z.string(), huella: z.string(), status: z.number(), respuesta: z.string() });
const SeccionSchema = z.object({ distrito: z.number(), municipio: z.number() });
const PuntaSchema = z.object({ id: z.number(), hash: z.string() });
const CamposSchema = z.array(z.tuple([z.number(), z.string()]));

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
  partes: z.number(),
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
  const q = consultaInstantanea(db, o, 'operador', operador, claves);
  return q.leer(await q.sentencia.first());
}

/** The snapshot's statement, to run alone (leerInstantanea) or in another batch, and how to read its row. */
export function consultaInstantanea(
  db: D1Database,
  o: ObjetivoLectura,
  quien: QuienLee,
  valor: string,
  claves: readonly string[],
): { sentencia: D1PreparedStatement; leer: (fila: Record<string, unknown> | null) => Instantanea } {
  const k = [...claves, '', ''];
  return {
    sentencia: db.prepare(INSTANTANEA_SQL[quien]).bind(o.clave, o.fcIdentificacion, o.seccion, valor, k[0]!, k[1]!),
    leer: instantaneaDe,
  };
}

function instantaneaDe(fila: Record<string, unknown> | null): Instantanea {
  const f = FilaSchema.parse(fila);
  const columnas = [...CamposSchema.parse(JSON.parse(f.campos)), ...CamposSchema.parse(JSON.parse(f.campos_fc))]
    .sort((x, y) => x[0] - y[0])
    .map(([, columna]) => columna);
  const guardadas = [f.guardada_1, f.guardada_2].flatMap((g) => (g === null ? [] : [RespuestaGuardadaSchema.parse(JSON.parse(g))]));
  return {
    acta: f.acta_estado === null ? null : { version: Number(f.acta_version), estado: JSON.parse(f.acta_estado) as ActaEstado },
    seqActa: f.acta_seq ?? 0,
    esperada: f.esperada === null ? null : esperadaDe(JSON.parse(f.esperada)),
    capturas: (JSON.parse(f.capturas) as unknown[]).map(capturaDe).sort((x, y) => x.ronda - y.ronda || x.n - y.n),
    campos: columnas.length > 0 ? camposDeBoleta(columnas) : null,
    seccion: f.seccion === null ? null : SeccionSchema.parse(JSON.parse(f.seccion)),
    punta: puntaDe(f.punta === null ? null : PuntaSchema.parse(JSON.parse(f.punta))),
    secuencia: f.secuencia ?? 0,
    guardadas: new Map(guardadas.map((r) => [r.clave, r])),
    apertura: aperturaDe(f.config, f.utc_offset),
    config: f.config,
    finalPublicado: f.final_publicado === 1,
    finalEnCurso: f.final_en_curso === 1,
  };
}

/** The window's opening from the corte configuration and the entidad's offset (no catalogue: no window). */
function aperturaDe(config: string | null, offset: number | null): number | null {
  if (config === null || offset === null) return null;
  const c = ConfigFilaSchema.parse(JSON.parse(config));
  const v = ventana({ jornada: c.jornada, inicioMinutos: c.inicio, duracionMinutos: c.duracion, cadenciaMinutos: c.cadencia }, offset);
  return v?.apertura ?? null;
}

function esperadaDe(fila: unknown): ActaEsperadaRef {
  const f = EsperadaFilaSchema.parse(fila);
  const identificacion: Identificacion = { eleccion: f.eleccion, seccion: f.seccion, tipo: f.tipo, id: f.id_casilla, extContigua: f.ext_contigua };
  return { clave: f.clave_acta, casilla: f.casilla, identificacion, distrito: f.distrito, municipio: f.municipio, territorio: f.territorio, partes: f.partes };
}

function capturaDe(fila: unknown): CapturaRegistrada {
  const f = CapturaFilaSchema.parse(fila);
  return { ronda: f.ronda, n: f.n, operador: f.operador, captura: JSON.parse(f.figuras) as Captura, at: f.at, atServidor: f.at_servidor };
}

/** The entidad and elections of the catalogue (to read a CLAVE_ACTA or an identification at acopio). */
export interface CatalogoBasico {
  entidad: number | null;
  elecciones: { codigo: string; tipoActa: string; territorio: 'entidad' | 'distrito' | 'municipio' }[];
}

/**
 * The statements that read it, and how to read their results: the credential lookup runs them in its own round
 * trip (middleware/autenticacion), since two more statements cost little and one more round trip a lot.
 */
export function consultaCatalogoBasico(db: D1Database): { sentencias: D1PreparedStatement[]; leer: (r: D1Result<Record<string, unknown>>[]) => CatalogoBasico } {
  return {
    sentencias: [db.prepare('SELECT id FROM entidad LIMIT 1'), db.prepare('SELECT codigo, tipo_acta, territorio FROM eleccion ORDER BY orden')],
    leer: ([entidad, elecciones]) => {
      const e = entidad!.results[0];
      return {
        entidad: e === undefined ? null : Number(e.id),
        elecciones: elecciones!.results.map((r) => ({
          codigo: String(r.codigo),
          tipoActa: String(r.tipo_acta),
          territorio: z.enum(['entidad', 'distrito', 'municipio']).parse(r.territorio),
        })),
      };
    },
  };
}
