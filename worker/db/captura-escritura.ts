/**
 * One workflow step's writes as ONE batch (all or nothing): the acta's new state guarded by the version that was
 * read, the change sequence guarded by the value that was read, the appended capture / image, the publication
 * log entry (seq = the new sequence value) when the public state changed, the stored answers for idempotent
 * retries, and the audit entry (which the bitacora trigger only accepts at the tip that was read). Guarded too
 * against a final corte recorded or started since the read: nothing written then could ever be published.
 */
import type { ActaPublicada } from '../domain/acta/publicada.ts';
import { canonicalJson, type EntradaSellada } from '../domain/bitacora/cadena.ts';
import { claveIdentificacion } from '../domain/captura/acopio.ts';
import type { Cambio } from '../domain/captura/cambio.ts';
import type { ActaEstado, ActaVersionada } from '../domain/captura/estado.ts';
import { PREFIJO_FINAL } from '../domain/corte/calendario.ts';
import { sentenciaBitacora } from './bitacora.ts';
import { sentenciasDespuesDelActa } from './consola-contadores.ts';
import { guardias, type Condicion } from './guardia.ts';
import { sentencia, type Sentencia } from './sentencia.ts';

export interface RespuestaAGuardar {
  clave: string;
  huella: string;
  status: number;
  respuesta: string;
  /** Natural (automatic) keys are overwritten by a later identical success; explicit keys never are. */
  reemplazable: boolean;
}

export interface Confirmacion {
  antes: ActaVersionada | null;
  cambio: Cambio;
  version: number;
  secuenciaLeida: number;
  seq: number;
  publicacion: ActaPublicada | null;
  operador: string;
  respuestas: RespuestaAGuardar[];
  entrada: EntradaSellada;
}

/**
 * What a write decided on what the isolate remembers (no read before it) adds to its batch: statements to run
 * before the guard (the rate-limit count) and the guard's further conditions (the credential, the count, the
 * window's configuration), so the batch applies only if all of it is still as remembered.
 */
export interface SinLecturaPrevia {
  antes: Sentencia[];
  condiciones: Condicion[];
}

export function sentenciasConfirmacion(c: Confirmacion, sinLectura: SinLecturaPrevia | null = null): Sentencia[] {
  return [
    ...(sinLectura?.antes ?? []),
    // First, before anything it checks changes: the acta's version, the sequence, the final corte (one statement).
    guardias([
      ...(sinLectura?.condiciones ?? []),
      ...(c.antes === null
        ? []
        : [{ motivo: 'VERSION', violada: 'NOT EXISTS (SELECT 1 FROM acta WHERE clave = ? AND version = ?)', params: [c.cambio.estado.clave, c.antes.version] }]),
      { motivo: 'SECUENCIA', violada: '(SELECT valor FROM secuencia WHERE id = 1) <> ?', params: [c.secuenciaLeida] },
      {
        motivo: 'CORTE_FINAL',
        violada: `EXISTS (SELECT 1 FROM corte WHERE final = 1) OR EXISTS (SELECT 1 FROM corte_lease WHERE id = 1 AND titular LIKE '${PREFIJO_FINAL}%')`,
        params: [],
      },
      ...respuestaExplicitaLibre(c),
    ]),
    // The console's counters follow the acta's row through its triggers (0012_consola_disparadores.sql); the
    // step's events are written right after it, in this same batch (issues 16 and 17).
    ...sentenciasActa(c),
    ...sentenciasDespuesDelActa(c),
    ...sentenciaCaptura(c),
    ...sentenciaImagen(c),
    ...sentenciaPublicacion(c),
    ...sentenciaRespuestas(c.operador, c.respuestas, c.entrada.at),
    // Its trigger (0013_escritura_disparadores.sql) moves the change sequence to the entry's seq and notes the
    // operator as active for the console: two statements the batch no longer sends.
    sentenciaBitacora(c.entrada),
  ];
}

function columnasActa(e: ActaEstado, version: number, seq: number) {
  return {
    clave: e.clave,
    eleccion: e.identificacion.eleccion,
    esperada: e.esperada ? 1 : 0,
    distrito: e.distrito,
    municipio: e.municipio,
    territorio: e.territorio,
    catd_registro: e.catdRegistro,
    fc_identificacion: e.esperada ? null : claveIdentificacion(e.identificacion),
    etapa: e.etapa,
    etapa_desde: e.etapaDesde,
    acopio_at: e.acopio?.at ?? null,
    cotejada: e.cotejada,
    version,
    seq,
    estado: canonicalJson(e),
  };
}

function sentenciasActa(c: Confirmacion): Sentencia[] {
  const cols = columnasActa(c.cambio.estado, c.version, c.seq);
  const nombres = Object.keys(cols);
  const valores = Object.values(cols);
  if (c.antes === null) {
    return [sentencia(`INSERT INTO acta (${nombres.join(', ')}) VALUES (${nombres.map(() => '?').join(', ')})`, ...valores)];
  }
  const asignaciones = nombres.filter((n) => n !== 'clave').map((n) => `${n} = ?`);
  // Guarded by the version read (sentenciasConfirmacion's guards).
  return [
    sentencia(`UPDATE acta SET ${asignaciones.join(', ')} WHERE clave = ?`, ...valores.slice(1), cols.clave),
  ];
}

function sentenciaCaptura(c: Confirmacion): Sentencia[] {
  const k = c.cambio.captura;
  if (k === null) return [];
  return [
    sentencia(
      'INSERT INTO captura (acta, ronda, n, operador, figuras, at, at_servidor) VALUES (?, ?, ?, ?, ?, ?, ?)',
      c.cambio.estado.clave, k.ronda, k.n, k.operador, canonicalJson(k.captura), k.at, k.atServidor,
    ),
  ];
}

function sentenciaImagen(c: Confirmacion): Sentencia[] {
  const i = c.cambio.imagen;
  if (i === null) return [];
  const clave = c.cambio.estado.clave;
  return [
    sentencia(
      `INSERT INTO imagen (acta, n, sha256, mime, bytes, origen, digitalizacion, tipo_documento, operador, at, at_servidor)
       VALUES (?, (SELECT coalesce(max(n), 0) + 1 FROM imagen WHERE acta = ?), ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      clave, clave, i.sha256, i.mime, i.bytes, i.origen, i.digitalizacion, i.tipoDocumento, i.operador, i.at, i.atServidor,
    ),
  ];
}

function sentenciaPublicacion(c: Confirmacion): Sentencia[] {
  const p = c.publicacion;
  if (p === null) return [];
  return [
    sentencia('INSERT INTO acta_publicacion (seq, clave, eleccion, payload) VALUES (?, ?, ?, ?)', c.seq, p.clave, p.identificacion.eleccion, canonicalJson(p)),
  ];
}

/**
 * The answers stored for replays, in ONE statement: the same answer under each key, its text sent once (?5).
 * A natural key is overwritten by a later identical success; an explicit key never is — one already stored is a
 * lost race, caught by the batch's head guard (respuestaExplicitaLibre) as the primary key would have caught it.
 */
function sentenciaRespuestas(operador: string, rs: readonly RespuestaAGuardar[], at: number): Sentencia[] {
  const [primera] = rs;
  if (primera === undefined) return [];
  if (rs.some((r) => r.huella !== primera.huella || r.status !== primera.status || r.respuesta !== primera.respuesta)) {
    throw new Error('las respuestas guardadas de una solicitud deben ser la misma');
  }
  const filas = rs.map((_, i) => `(?1, ?${6 + i}, ?2, ?3, ?4, ?5)`).join(', ');
  return [
    sentencia(
      `INSERT INTO idempotencia (operador, clave, huella, status, at, respuesta) VALUES ${filas}
       ON CONFLICT (operador, clave) DO UPDATE SET huella = excluded.huella, status = excluded.status, at = excluded.at, respuesta = excluded.respuesta`,
      operador, primera.huella, primera.status, at, primera.respuesta, ...rs.map((r) => r.clave),
    ),
  ];
}

/** An explicit Idempotency-Key must not be stored yet (the guard of sentenciaRespuestas' upsert). */
function respuestaExplicitaLibre(c: Confirmacion): Condicion[] {
  return c.respuestas
    .filter((r) => !r.reemplazable)
    .map((r) => ({ motivo: 'UNICIDAD', violada: 'EXISTS (SELECT 1 FROM idempotencia WHERE operador = ? AND clave = ?)', params: [c.operador, r.clave] }));
}
