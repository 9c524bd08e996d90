/**
 * The two-administrator requests of the cortes in D1 (data/migrations/0008_solicitudes.sql). Every step is one
 * batch with its audit entry (worker/db/administracion.ts `administrar`); the state each step needs is a guard
 * inside that batch, never a check in JavaScript between two awaits.
 */
import type { ConfigCortes } from '../domain/corte/calendario.ts';
import { ABANDONO_APLICANDO_MS, ACCION_BITACORA, AccionSolicitudSchema, type Solicitud } from '../domain/corte/solicitud.ts';
import { administrar, CambioRechazado, ejecutorD1 } from '../db/administracion.ts';
import { guardia } from '../db/guardia.ts';
import { sentencia } from '../db/sentencia.ts';

const COLUMNAS = 'id, accion, solicitante, creada_at, vence_at, estado, resolvio, resuelta_at, resultado';

function desdeFila(f: Record<string, unknown>): Solicitud {
  return {
    id: String(f.id),
    accion: AccionSolicitudSchema.parse(JSON.parse(String(f.accion))),
    solicitante: String(f.solicitante),
    creadaAt: Number(f.creada_at),
    venceAt: Number(f.vence_at),
    estado: String(f.estado) as Solicitud['estado'],
    resolvio: f.resolvio === null ? null : String(f.resolvio),
    resueltaAt: f.resuelta_at === null ? null : Number(f.resuelta_at),
    resultado: f.resultado === null ? null : JSON.parse(String(f.resultado)),
  };
}

export async function leerSolicitud(db: D1Database, id: string): Promise<Solicitud | null> {
  const f = await db.prepare(`SELECT ${COLUMNAS} FROM corte_solicitud WHERE id = ?`).bind(id).first<Record<string, unknown>>();
  return f === null ? null : desdeFila(f);
}

/** Requests not yet applied nor cancelled (expired ones included: the console says so and offers to cancel). */
export async function solicitudesAbiertas(db: D1Database): Promise<Solicitud[]> {
  const { results } = await db.prepare(`SELECT ${COLUMNAS} FROM corte_solicitud WHERE estado IN ('PENDIENTE', 'APLICANDO') ORDER BY creada_at`).all<Record<string, unknown>>();
  return results.map(desdeFila);
}

/** Records a new request with its audit entry (the requester's). */
export async function registrarSolicitud(db: D1Database, s: Solicitud): Promise<void> {
  const insertar = sentencia(
    `INSERT INTO corte_solicitud (id, accion, tipo, solicitante, creada_at, vence_at, estado) VALUES (?, ?, ?, ?, ?, ?, 'PENDIENTE')`,
    s.id, JSON.stringify(s.accion), s.accion.tipo, s.solicitante, s.creadaAt, s.venceAt,
  );
  const detalle = { solicitud: s.id, accion: s.accion, venceAt: s.venceAt };
  await administrar(ejecutorD1(db), [insertar], { operador: s.solicitante, accion: ACCION_BITACORA.solicitada, acta: null, detalle }, s.creadaAt);
}

/** Withdraws a pending request (either administrator); false: it was no longer pending. */
export async function cancelarSolicitud(db: D1Database, s: Solicitud, operador: string, ahora: number): Promise<boolean> {
  const sentencias = [
    guardia('SOLICITUD_NO_PENDIENTE', `NOT EXISTS (SELECT 1 FROM corte_solicitud WHERE id = ? AND estado = 'PENDIENTE')`, s.id),
    sentencia(`UPDATE corte_solicitud SET estado = 'CANCELADA', resolvio = ?, resuelta_at = ? WHERE id = ?`, operador, ahora, s.id),
  ];
  return conGuardia(() =>
    administrar(ejecutorD1(db), sentencias, { operador, accion: ACCION_BITACORA.cancelada, acta: null, detalle: { solicitud: s.id, solicitante: s.solicitante, accion: s.accion } }, ahora),
  );
}

/**
 * Applies a CONFIGURAR request confirmed by `operador`: the configuration, the request's new state and the audit
 * entry naming both administrators, in one batch guarded on the request still pending, unexpired and not the
 * confirmer's own. False: the guard tripped (re-read and decide again).
 */
export async function aplicarConfiguracion(db: D1Database, s: Solicitud, config: ConfigCortes, operador: string, ahora: number): Promise<boolean> {
  const resultado = { resultado: 'configurada', configuracion: config };
  const sentencias = [
    guardia(
      'SOLICITUD_NO_PENDIENTE',
      `NOT EXISTS (SELECT 1 FROM corte_solicitud WHERE id = ? AND estado = 'PENDIENTE' AND vence_at > ? AND solicitante <> ?)`,
      s.id, ahora, operador,
    ),
    sentencia(
      'UPDATE corte_config SET jornada = ?, inicio_minutos = ?, duracion_minutos = ?, cadencia_minutos = ? WHERE id = 1',
      config.jornada, config.inicioMinutos, config.duracionMinutos, config.cadenciaMinutos,
    ),
    sentencia(`UPDATE corte_solicitud SET estado = 'APLICADA', resolvio = ?, resuelta_at = ?, resultado = ? WHERE id = ?`, operador, ahora, JSON.stringify(resultado), s.id),
  ];
  const detalle = { solicitud: s.id, solicitante: s.solicitante, confirmo: operador, configuracion: config };
  return conGuardia(() => administrar(ejecutorD1(db), sentencias, { operador, accion: ACCION_BITACORA.CONFIGURAR, acta: null, detalle }, ahora));
}

/**
 * Takes a CORTE_FINAL request to apply it (PENDIENTE → APLICANDO, or one abandoned while being applied): only one
 * confirmation publishes. False: somebody else has it, or it is no longer confirmable.
 */
export async function tomarSolicitud(db: D1Database, id: string, operador: string, ahora: number): Promise<boolean> {
  const r = await db
    .prepare(
      `UPDATE corte_solicitud SET estado = 'APLICANDO', resolvio = ?1, resuelta_at = ?2
       WHERE id = ?3 AND solicitante <> ?1
         AND ((estado = 'PENDIENTE' AND vence_at > ?2) OR (estado = 'APLICANDO' AND resuelta_at <= ?2 - ?4))`,
    )
    .bind(operador, ahora, id, ABANDONO_APLICANDO_MS)
    .run();
  return r.meta.changes === 1;
}

/** The corte could not be published (another corte running …): the request waits again for a confirmation. */
export async function soltarSolicitud(db: D1Database, id: string, operador: string): Promise<void> {
  await db
    .prepare(`UPDATE corte_solicitud SET estado = 'PENDIENTE', resolvio = NULL, resuelta_at = NULL WHERE id = ? AND estado = 'APLICANDO' AND resolvio = ?`)
    .bind(id, operador)
    .run();
}

/** The final corte was published: the request is applied, with the audit entry naming both administrators. */
export async function cerrarSolicitudFinal(db: D1Database, s: Solicitud, operador: string, resultado: Record<string, unknown>, ahora: number): Promise<void> {
  const sentencias = [
    sentencia(`UPDATE corte_solicitud SET estado = 'APLICADA', resuelta_at = ?, resultado = ? WHERE id = ? AND estado = 'APLICANDO' AND resolvio = ?`, ahora, JSON.stringify(resultado), s.id, operador),
  ];
  const detalle = { solicitud: s.id, solicitante: s.solicitante, confirmo: operador, ...resultado };
  await administrar(ejecutorD1(db), sentencias, { operador, accion: ACCION_BITACORA.CORTE_FINAL, acta: null, detalle }, ahora);
}

/** An administrator published a corte by hand (one step): its audit entry. */
export async function auditarCorteManual(db: D1Database, operador: string, detalle: Record<string, unknown>, ahora: number): Promise<void> {
  await administrar(ejecutorD1(db), [], { operador, accion: 'CORTE_PUBLICADO_A_MANO', acta: null, detalle }, ahora);
}

async function conGuardia(hacer: () => Promise<unknown>): Promise<boolean> {
  try {
    await hacer();
    return true;
  } catch (e) {
    if (e instanceof CambioRechazado && e.motivo === 'SOLICITUD_NO_PENDIENTE') return false;
    throw e;
  }
}
