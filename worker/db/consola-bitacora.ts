/**
 * The audit chain's check for the console, incremental: D1 keeps how far the chain was last verified (id and hash
 * of that entry, bitacora_verificacion); a check reads a page of the entries after it and verifies them against that
 * tip, so "verified N minutes ago" never re-reads the whole log. The console runs one when the last is older than
 * its interval; the conditional UPDATE (same tip as read) makes two concurrent consoles record one result.
 */
import { verificarTramo, desdeFila, type Punta } from '../domain/bitacora/cadena.ts';
import { leerTramo } from './bitacora.ts';

export interface VerificacionBitacora {
  hasta: Punta;
  verificadaAt: number | null;
  rotaId: number | null;
  motivo: string | null;
}

export async function leerVerificacion(db: D1Database): Promise<VerificacionBitacora> {
  const f = await db
    .prepare('SELECT hasta_id, hasta_hash, verificada_at, rota_id, motivo FROM bitacora_verificacion WHERE id = 1')
    .first<{ hasta_id: number; hasta_hash: string; verificada_at: number | null; rota_id: number | null; motivo: string | null }>();
  if (f === null) throw new Error('falta la fila de bitacora_verificacion (migración 0007)');
  return { hasta: { id: f.hasta_id, hash: f.hasta_hash }, verificadaAt: f.verificada_at, rotaId: f.rota_id, motivo: f.motivo };
}

/**
 * Verifies up to `pagina` entries past the last verified tip. It counts as a check of the whole chain only when it
 * reached the end (fewer than a page left); otherwise the tip advances and the next check goes on from there.
 */
export async function avanzarVerificacion(db: D1Database, ahora: number, pagina = 2000): Promise<VerificacionBitacora> {
  const v = await leerVerificacion(db);
  if (v.rotaId !== null) return v;
  const filas = await leerTramo(db, v.hasta.id, pagina);
  const r = await verificarTramo(v.hasta, filas.map(desdeFila));
  const completa = filas.length < pagina;
  const nueva: VerificacionBitacora = r.ok
    ? { hasta: r.punta, verificadaAt: completa ? ahora : v.verificadaAt, rotaId: null, motivo: null }
    : { hasta: v.hasta, verificadaAt: ahora, rotaId: r.id, motivo: r.motivo };
  await db
    .prepare(
      'UPDATE bitacora_verificacion SET hasta_id = ?1, hasta_hash = ?2, verificada_at = ?3, rota_id = ?4, motivo = ?5 WHERE id = 1 AND hasta_id = ?6 AND rota_id IS NULL',
    )
    .bind(nueva.hasta.id, nueva.hasta.hash, nueva.verificadaAt, nueva.rotaId, nueva.motivo, v.hasta.id)
    .run();
  return nueva;
}
