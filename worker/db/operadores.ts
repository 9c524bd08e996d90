/**
 * Operators and tokens in D1: the statements that create them (shared by scripts/operators.ts, which renders them
 * for `wrangler d1 execute`, and by the tests, which bind them), and the credential lookup of every request.
 * Catalogue references (the CATD, the casillas) are checked by guards inside the same batch.
 */
import { z } from 'zod';
import type { OperadorNuevo } from '../domain/captura/operador-nuevo.ts';
import { AmbitoSchema, RolSchema, type Operador } from '../domain/captura/permisos.ts';
import { HORA_MS, VIGENCIA_POR_AMBITO } from '../domain/captura/vigencia.ts';
import { guardia, type Condicion } from './guardia.ts';
import { sentencia, type Sentencia } from './sentencia.ts';
import { rowsPerStatement } from './sql-lotes.ts';

/** Multi-row INSERT of (operador, x) pairs, chunked under the bound-parameter limit. */
function paresEnTrozos(tabla: string, columna: string, operador: string, valores: readonly string[]): Sentencia[] {
  const porSentencia = rowsPerStatement(2);
  const out: Sentencia[] = [];
  for (let i = 0; i < valores.length; i += porSentencia) {
    const trozo = valores.slice(i, i + porSentencia);
    const tuplas = trozo.map(() => '(?, ?)').join(', ');
    out.push(sentencia(`INSERT INTO ${tabla} (operador, ${columna}) VALUES ${tuplas}`, ...trozo.flatMap((v) => [operador, v])));
  }
  return out;
}

/** Guards that every casilla exists in the catalogue, in chunks under the parameter limit. */
function casillasExisten(casillas: readonly string[]): Sentencia[] {
  const porSentencia = rowsPerStatement(1) - 1;
  const out: Sentencia[] = [];
  for (let i = 0; i < casillas.length; i += porSentencia) {
    const trozo = casillas.slice(i, i + porSentencia);
    const marcas = trozo.map(() => '?').join(', ');
    out.push(guardia('CASILLA_DESCONOCIDA', `(SELECT count(*) FROM casilla WHERE clave IN (${marcas})) <> ?`, ...trozo, trozo.length));
  }
  return out;
}

export function sentenciasCrearOperador(o: OperadorNuevo, ahora: number): Sentencia[] {
  const catd = o.catd === null ? [] : [guardia('CATD_DESCONOCIDO', 'NOT EXISTS (SELECT 1 FROM catd WHERE id = ?)', o.catd)];
  return [
    guardia('OPERADOR_EXISTE', 'EXISTS (SELECT 1 FROM operador WHERE id = ?)', o.id),
    ...catd,
    ...casillasExisten([...new Set(o.casillas)]),
    sentencia('INSERT INTO operador (id, nombre, ambito, catd, activo, creado_at) VALUES (?, ?, ?, ?, 1, ?)', o.id, o.nombre, o.ambito, o.catd, ahora),
    ...paresEnTrozos('operador_rol', 'rol', o.id, o.roles),
    ...paresEnTrozos('operador_casilla', 'casilla', o.id, [...new Set(o.casillas)]),
  ];
}

export interface TokenAEmitir {
  id: string;
  hash: string;
  operador: string;
  emitidoAt: number;
  expiraAt: number;
  limitePorMinuto: number;
}

/**
 * The SQL condition "a validity of `?` ms is too long for the ámbito of the stored operator `?`", written from the
 * domain's table (worker/domain/captura/vigencia.ts) so that the guard and the rule cannot disagree.
 */
const VIGENCIA_EXCEDIDA_SQL = `? > (SELECT CASE ambito ${Object.entries(VIGENCIA_POR_AMBITO)
  .map(([a, v]) => `WHEN '${a}' THEN ${v.maximaHoras * HORA_MS}`)
  .join(' ')} END FROM operador WHERE id = ?)`;

export function sentenciasEmitirToken(t: TokenAEmitir): Sentencia[] {
  return [
    guardia('OPERADOR_DESCONOCIDO', 'NOT EXISTS (SELECT 1 FROM operador WHERE id = ? AND activo = 1)', t.operador),
    // The one place every secret's validity is checked against its operator's ámbito, inside the issuing batch.
    guardia('VIGENCIA_EXCEDIDA', VIGENCIA_EXCEDIDA_SQL, t.expiraAt - t.emitidoAt, t.operador),
    sentencia(
      'INSERT INTO token (id, operador, hash, emitido_at, expira_at, revocado_at, limite_por_minuto) VALUES (?, ?, ?, ?, ?, NULL, ?)',
      t.id, t.operador, t.hash, t.emitidoAt, t.expiraAt, t.limitePorMinuto,
    ),
  ];
}

/** Revokes one token (by id) or every live token of an operator. */
export function sentenciasRevocar(objetivo: { token: string } | { operador: string }, ahora: number): Sentencia[] {
  if ('token' in objetivo) {
    return [
      guardia('TOKEN_DESCONOCIDO', 'NOT EXISTS (SELECT 1 FROM token WHERE id = ? AND revocado_at IS NULL)', objetivo.token),
      sentencia('UPDATE token SET revocado_at = ? WHERE id = ? AND revocado_at IS NULL', ahora, objetivo.token),
    ];
  }
  return [
    guardia('OPERADOR_DESCONOCIDO', 'NOT EXISTS (SELECT 1 FROM operador WHERE id = ?)', objetivo.operador),
    sentencia('UPDATE token SET revocado_at = ? WHERE operador = ? AND revocado_at IS NULL', ahora, objetivo.operador),
  ];
}

/** Replaces the casillas a PREP Casilla device is bound to (a device of ámbito CASILLA, catalogue casillas only). */
export function sentenciasVincularCasillas(operador: string, casillas: readonly string[]): Sentencia[] {
  const unicas = [...new Set(casillas)];
  return [
    guardia('OPERADOR_DESCONOCIDO', 'NOT EXISTS (SELECT 1 FROM operador WHERE id = ?)', operador),
    guardia('NO_ES_DISPOSITIVO', "NOT EXISTS (SELECT 1 FROM operador WHERE id = ? AND ambito = 'CASILLA')", operador),
    ...casillasExisten(unicas),
    sentencia('DELETE FROM operador_casilla WHERE operador = ?', operador),
    ...paresEnTrozos('operador_casilla', 'casilla', operador, unicas),
  ];
}

/**
 * Moves a CATD operator to the scope of catalogue CATD `catd`. `antes` is the CATD the caller read: if another
 * administrator moved it meanwhile the batch aborts (ALCANCE_CAMBIADO) rather than record a wrong "before".
 * Its sessions and tokens are untouched: every request reads the operator's CATD again (CREDENCIAL_SELECT).
 */
export function sentenciasReasignarCatd(operador: string, antes: string, catd: string): Sentencia[] {
  return [
    guardia('OPERADOR_DESCONOCIDO', 'NOT EXISTS (SELECT 1 FROM operador WHERE id = ? AND activo = 1)', operador),
    guardia('NO_ES_OPERADOR_CATD', "NOT EXISTS (SELECT 1 FROM operador WHERE id = ? AND ambito = 'CATD')", operador),
    guardia('CATD_DESCONOCIDO', 'NOT EXISTS (SELECT 1 FROM catd WHERE id = ?)', catd),
    guardia('ALCANCE_CAMBIADO', 'NOT EXISTS (SELECT 1 FROM operador WHERE id = ? AND catd = ?)', operador, antes),
    sentencia('UPDATE operador SET catd = ? WHERE id = ?', catd, operador),
  ];
}

const CredencialFilaSchema = z.object({
  token: z.string(),
  hash: z.string(),
  expira_at: z.number(),
  revocado_at: z.number().nullable(),
  limite_por_minuto: z.number(),
  operador: z.string(),
  nombre: z.string(),
  ambito: AmbitoSchema,
  activo: z.number(),
  roles: z.string(),
  casillas: z.string(),
  catd: z.string().nullable(),
  catd_ambito: z.enum(['distrito', 'municipio']).nullable(),
  catd_territorio: z.number().nullable(),
  catd_elecciones: z.string().nullable(),
});

export interface Credencial {
  hash: string;
  expiraAt: number;
  revocadoAt: number | null;
  limitePorMinuto: number;
  activo: boolean;
  operador: Operador;
}

/** The credential of the token `t.id = ?`, or of another token chosen by the caller's WHERE (sesiones.ts). */
export const CREDENCIAL_SELECT = `
SELECT t.id AS token, t.hash, t.expira_at, t.revocado_at, t.limite_por_minuto,
       o.id AS operador, o.nombre, o.ambito, o.activo,
       (SELECT json_group_array(rol) FROM operador_rol WHERE operador = o.id) AS roles,
       (SELECT json_group_array(casilla) FROM operador_casilla WHERE operador = o.id) AS casillas,
       o.catd, c.ambito AS catd_ambito, c.territorio AS catd_territorio,
       (SELECT json_group_array(eleccion) FROM catd_eleccion WHERE catd = o.catd) AS catd_elecciones
FROM token t JOIN operador o ON o.id = t.operador LEFT JOIN catd c ON c.id = o.catd`;
const CREDENCIAL_SQL = `${CREDENCIAL_SELECT}
WHERE t.id = ?`;

/** The token and its operator (roles, CATD scope, bound casillas), or null if no such token id. */
export async function leerCredencial(db: D1Database, tokenId: string): Promise<Credencial | null> {
  const fila = await db.prepare(CREDENCIAL_SQL).bind(tokenId).first();
  return credencialDe(fila);
}

/**
 * The credential as one JSON value (lists as arrays), for the RETURNING clause of the rate-limit count: the count
 * and the credential as it is now come back in one statement. ?2 is the token id.
 */
const credencialJson = (tokenId: string) => `(SELECT json_object('token', t.id, 'hash', t.hash, 'expira_at', t.expira_at, 'revocado_at', t.revocado_at,
       'limite_por_minuto', t.limite_por_minuto, 'operador', o.id, 'nombre', o.nombre, 'ambito', o.ambito, 'activo', o.activo,
       'roles', (SELECT json_group_array(rol) FROM operador_rol WHERE operador = o.id),
       'casillas', (SELECT json_group_array(casilla) FROM operador_casilla WHERE operador = o.id),
       'catd', o.catd, 'catd_ambito', c.ambito, 'catd_territorio', c.territorio,
       'catd_elecciones', (SELECT json_group_array(eleccion) FROM catd_eleccion WHERE catd = o.catd))
  FROM token t JOIN operador o ON o.id = t.operador LEFT JOIN catd c ON c.id = o.catd WHERE t.id = ${tokenId})`;

/**
 * The request counted against the token's rate limit for `ventana` (tasa, one row per token and clock minute; the
 * cron drops past minutes: olvidarVentanasViejas) and, in the same statement (RETURNING), the token's credential
 * as it is now: revocation, expiry, the operator's state, roles and scope. Only a request that presents the
 * token's whole secret is counted and gets a credential: the count is keyed on SHA-256(token), so a stranger who
 * knows a token's public id can neither use up its limit nor read it. No row back: unknown token or wrong secret.
 */
const TASA_Y_CREDENCIAL_SQL = `INSERT INTO tasa (token, ventana, n) SELECT id, ?1, 1 FROM token WHERE id = ?2 AND hash = ?3
ON CONFLICT (token, ventana) DO UPDATE SET n = n + 1 RETURNING n, ${credencialJson('?2')} AS credencial`;

/**
 * A write that trusts what this isolate remembers of a credential (worker/api/middleware/autenticacion/
 * especulacion.ts) carries these in its own batch instead of the credential round trip: the request counted as
 * above, with nothing returned (the guard reads the count), and the guard's condition that the credential is no
 * longer exactly the remembered text (a revocation, a new CATD, new roles, an operator dado de baja).
 */
export function sentenciaContarTasa(tokenId: string, hash: string, ventana: number): Sentencia {
  return sentencia(
    `INSERT INTO tasa (token, ventana, n) SELECT id, ?, 1 FROM token WHERE id = ? AND hash = ?
     ON CONFLICT (token, ventana) DO UPDATE SET n = n + 1`,
    ventana, tokenId, hash,
  );
}

/** Guard conditions (guardia.ts) for such a write: the credential changed, or the count is past the limit. */
export function condicionesCredencialRecordada(tokenId: string, texto: string, ventana: number, limite: number): Condicion[] {
  return [
    { motivo: 'CREDENCIAL', violada: `${credencialJson('?')} IS NOT ?`, params: [tokenId, texto] },
    { motivo: 'TASA', violada: 'coalesce((SELECT n FROM tasa WHERE token = ? AND ventana = ?), 0) > ?', params: [tokenId, ventana, limite] },
  ];
}

/** What the credential round trip answers: the credential's JSON text (null: unknown token or wrong secret). */
export interface CredencialContada {
  /** The credential exactly as D1 returned it (compared with what the isolate remembers; credencialDeJson parses it). */
  texto: string | null;
  cuenta: number;
  fallos: number;
}

/**
 * The credential lookup of a bearer request, in the caller's batch. A wrong secret for an existing id is counted
 * in `fallo_token` (same window), up to just past `maxFallos`: beyond it the row stops growing, so a flood of
 * guesses against one id costs no further writes; `fallos` is that count. `secretoConocido`: this isolate already
 * saw this very hash accepted for this id. A token's stored hash never changes, so the wrong-secret statements
 * could only do nothing: they are left out (one statement instead of three).
 */
export function consultaCredencial(
  db: D1Database,
  tokenId: string,
  hash: string,
  ventana: number,
  maxFallos: number,
  secretoConocido = false,
): {
  sentencias: D1PreparedStatement[];
  leer: (r: D1Result<Record<string, unknown>>[]) => CredencialContada;
} {
  const fallos = secretoConocido
    ? []
    : [
        db
          .prepare(
            `INSERT INTO fallo_token (ventana, token, n) SELECT ?, id, 1 FROM token WHERE id = ? AND hash <> ?
             ON CONFLICT (ventana, token) DO UPDATE SET n = n + 1 WHERE n <= ?`,
          )
          .bind(ventana, tokenId, hash, maxFallos),
        db.prepare('SELECT n FROM fallo_token WHERE ventana = ? AND token = ?').bind(ventana, tokenId),
      ];
  return {
    sentencias: [db.prepare(TASA_Y_CREDENCIAL_SQL).bind(ventana, tokenId, hash), ...fallos],
    leer: ([cuenta, , f]) => {
      const fila = cuenta!.results[0];
      return {
        texto: fila === undefined || fila.credencial === null ? null : String(fila.credencial),
        cuenta: Number(fila?.n ?? 0),
        fallos: Number(f?.results[0]?.n ?? 0),
      };
    },
  };
}

const CredencialJsonSchema = CredencialFilaSchema.extend({
  roles: z.array(RolSchema),
  casillas: z.array(z.string()),
  catd_elecciones: z.array(z.string()),
});

/** The credential from the JSON the credential round trip returned (credencialJson). */
export function credencialDeJson(texto: string): Credencial {
  const f = CredencialJsonSchema.parse(JSON.parse(texto));
  return construirCredencial(f, f.roles, f.casillas, f.catd_elecciones);
}

/** Drops the rate-limit and wrong-secret counts of minutes before `ventana`, the current one (run by the cron every minute). */
export async function olvidarVentanasViejas(db: D1Database, ventana: number): Promise<void> {
  await db.batch([db.prepare('DELETE FROM tasa WHERE ventana < ?').bind(ventana), db.prepare('DELETE FROM fallo_token WHERE ventana < ?').bind(ventana)]);
}

export function credencialDe(fila: Record<string, unknown> | null): Credencial | null {
  if (fila === null) return null;
  const f = CredencialFilaSchema.parse(fila);
  const lista = (s: string) => z.array(z.string()).parse(JSON.parse(s));
  return construirCredencial(f, z.array(RolSchema).parse(JSON.parse(f.roles)), lista(f.casillas), lista(f.catd_elecciones ?? '[]'));
}

function construirCredencial(
  f: Omit<z.infer<typeof CredencialFilaSchema>, 'roles' | 'casillas' | 'catd_elecciones'>,
  roles: Operador['roles'],
  casillas: string[],
  elecciones: string[],
): Credencial {
  const catd =
    f.catd !== null && f.catd_ambito !== null && f.catd_territorio !== null
      ? { id: f.catd, ambito: f.catd_ambito, territorio: f.catd_territorio, elecciones }
      : null;
  return {
    hash: f.hash,
    expiraAt: f.expira_at,
    revocadoAt: f.revocado_at,
    limitePorMinuto: f.limite_por_minuto,
    activo: f.activo === 1,
    operador: { id: f.operador, nombre: f.nombre, ambito: f.ambito, roles, catd, casillas, tokenId: f.token },
  };
}

const TokenVigenteSchema = z.object({ id: z.string(), emitidoAt: z.number(), expiraAt: z.number(), limitePorMinuto: z.number() });

const FilaListaSchema = z.object({
  id: z.string(),
  nombre: z.string(),
  ambito: AmbitoSchema,
  catd: z.string().nullable(),
  activo: z.number(),
  creado_at: z.number(),
  roles: z.string(),
  casillas: z.string(),
  tokens: z.string(),
  ultimo_uso_at: z.number().nullable(),
});

/** An operator as the console lists it: its live tokens (never a secret) and when it last made a request. */
export interface OperadorListado {
  id: string;
  nombre: string;
  ambito: z.infer<typeof AmbitoSchema>;
  catd: string | null;
  roles: z.infer<typeof RolSchema>[];
  activo: boolean;
  creadoAt: number;
  casillas: string[];
  tokensVigentes: z.infer<typeof TokenVigenteSchema>[];
  /** The last request seen: a screen session's last use, or the current rate-limit minute of a token (kept ~1 min). */
  ultimoUsoAt: number | null;
}

/** Every operator (or one), in one read: roles, bound casillas and live tokens as JSON arrays per row. */
const LISTA_SQL = `
SELECT o.id, o.nombre, o.ambito, o.catd, o.activo, o.creado_at,
       (SELECT json_group_array(rol) FROM operador_rol WHERE operador = o.id) AS roles,
       (SELECT json_group_array(casilla) FROM operador_casilla WHERE operador = o.id) AS casillas,
       (SELECT json_group_array(json_object('id', t.id, 'emitidoAt', t.emitido_at, 'expiraAt', t.expira_at, 'limitePorMinuto', t.limite_por_minuto))
          FROM token t WHERE t.operador = o.id AND t.revocado_at IS NULL AND t.expira_at > ?1) AS tokens,
       max(coalesce((SELECT max(ultimo_uso_at) FROM sesion WHERE operador = o.id), 0),
           coalesce((SELECT max(ta.ventana) * 60000 FROM token t JOIN tasa ta ON ta.token = t.id WHERE t.operador = o.id), 0)) AS ultimo_uso_at
FROM operador o
WHERE ?2 IS NULL OR o.id = ?2
ORDER BY o.id`;

export async function listarOperadores(db: D1Database, ahora: number, id: string | null = null): Promise<OperadorListado[]> {
  const { results } = await db.prepare(LISTA_SQL).bind(ahora, id).all();
  const lista = (s: string) => z.array(z.string()).parse(JSON.parse(s));
  return results.map((fila) => {
    const f = FilaListaSchema.parse(fila);
    return {
      id: f.id,
      nombre: f.nombre,
      ambito: f.ambito,
      catd: f.catd,
      roles: z.array(RolSchema).parse(JSON.parse(f.roles)),
      activo: f.activo === 1,
      creadoAt: f.creado_at,
      casillas: lista(f.casillas).sort(),
      tokensVigentes: z.array(TokenVigenteSchema).parse(JSON.parse(f.tokens)).sort((a, b) => a.expiraAt - b.expiraAt),
      ultimoUsoAt: f.ultimo_uso_at === null || f.ultimo_uso_at === 0 ? null : f.ultimo_uso_at,
    };
  });
}

/** A token's owner and state, to answer a revocation clearly (unknown, another operator's, already revoked). */
export async function leerToken(db: D1Database, id: string): Promise<{ operador: string; revocadoAt: number | null; expiraAt: number } | null> {
  const f = await db.prepare('SELECT operador, revocado_at, expira_at FROM token WHERE id = ?').bind(id).first<{ operador: string; revocado_at: number | null; expira_at: number }>();
  return f === null ? null : { operador: f.operador, revocadoAt: f.revocado_at, expiraAt: f.expira_at };
}

/** The ids of an operator's tokens not yet revoked (what revoking all of them will revoke). */
export async function tokensNoRevocados(db: D1Database, operador: string): Promise<string[]> {
  const { results } = await db.prepare('SELECT id FROM token WHERE operador = ? AND revocado_at IS NULL ORDER BY id').bind(operador).all<{ id: string }>();
  return results.map((r) => r.id);
}
