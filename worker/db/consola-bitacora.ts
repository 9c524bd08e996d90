/**
 * The audit chain's check for the console, incremental: D1 keeps how far the chain was last verified (id and hash
 * of that entry, bitacora_verificacion); a check reads a page of the entries after it and verifies them against that
 * tip, so "verified N minutes ago" never re-reads the whole log. The cron runs it (worker/index.ts), never a console
 * refresh: measured on the bench, one page of 2,000 entries cost ~0.4 s of CPU (zod, canonical JSON, SHA-256), and
 * while the check lagged behind the tip every console refresh ran one, all of them at once — it was what made
 * captures slower with consoles open (docs/CONSOLA.md). The console only reads the row. The conditional UPDATE (same
 * tip as read) makes two overlapping ticks record one result.
 */
import { verificarTramo, desdeFila, type Punta } from '../domain/bitacora/cadena.ts';
import { leerTramo } from './bitacora.ts';

export interface VerificacionBitacora {
  hasta: Punta;
  verificadaAt: number | null;
  rotaId: number | null;
  motivo: string | null;
}

export const LEER_VERIFICACION = 'SELECT hasta_id, hasta_hash, verificada_at, rota_id, motivo FROM bitacora_verificacion WHERE id = 1';

/** The stored row (LEER_VERIFICACION) as a check's result. */
export function verificacionDe(f: Record<string, unknown> | null | undefined): VerificacionBitacora {
  if (f === null || f === undefined) throw new Error('falta la fila de bitacora_verificacion (migración 0007)');
  const num = (x: unknown): number | null => (x === null || x === undefined ? null : Number(x));
  return {
    hasta: { id: Number(f.hasta_id), hash: String(f.hasta_hash) },
    verificadaAt: num(f.verificada_at),
    rotaId: num(f.rota_id),
    motivo: f.motivo === null || f.motivo === undefined ? null : String(f.motivo),
  };
}

export async function leerVerificacion(db: D1Database): Promise<VerificacionBitacora> {
  return verificacionDe(await db.prepare(LEER_VERIFICACION).first<Record<string, unknown>>());
}

/**
 * Verifies up to `pagina` entries past the last verified tip. It counts as a check of the whole chain only when it
 * reached the end (fewer than a page left, `completa`); otherwise the tip advances and the next page goes on from
 * there.
 */
export async function avanzarVerificacion(db: D1Database, ahora: number, pagina = 2000): Promise<VerificacionBitacora & { completa: boolean }> {
  const v = await leerVerificacion(db);
  if (v.rotaId !== null) return { ...v, completa: true };
  const filas = await leerTramo(db, v.hasta.id, pagina);
  const r = await verificarTramo(v.hasta, filas.map(desdeFila));
  const completa = !r.ok || filas.length < pagina;
  const nueva: VerificacionBitacora = r.ok
    ? { hasta: r.punta, verificadaAt: completa ? ahora : v.verificadaAt, rotaId: null, motivo: null }
    : { hasta: v.hasta, verificadaAt: ahora, rotaId: r.id, motivo: r.motivo };
  await db
    .prepare(
      'UPDATE bitacora_verificacion SET hasta_id = ?1, hasta_hash = ?2, verificada_at = ?3, rota_id = ?4, motivo = ?5 WHERE id = 1 AND hasta_id = ?6 AND rota_id IS NULL',
    )
    .bind(nueva.hasta.id, nueva.hasta.hash, nueva.verificadaAt, nueva.rotaId, nueva.motivo, v.hasta.id)
    .run();
  return { ...nueva, completa };
}

/**
 * One cron tick's check: page after page until the chain's end or a broken link, at most `paginas` pages (20,000
 * entries, a few seconds of CPU) so that one tick stays short; a night that writes faster than that falls behind,
 * and the console's BITACORA_SIN_VERIFICAR alert says so after `bitacoraMin`.
 */
export async function verificarEnProgramado(db: D1Database, ahora: () => number, paginas = 10): Promise<VerificacionBitacora> {
  let v = await avanzarVerificacion(db, ahora());
  for (let i = 1; i < paginas && !v.completa; i++) v = await avanzarVerificacion(db, ahora());
  return v;
}
