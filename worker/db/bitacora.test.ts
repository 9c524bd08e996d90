/**
 * The audit chain in D1: populated through the API (workflow steps, refusals, administration), it verifies; after
 * one stored row is altered (by someone who bypasses the triggers), verification fails naming that entry. The
 * triggers only accept appends at the tip and refuse updates and deletes.
 */
import { env } from 'cloudflare:workers';
import { beforeAll, describe, expect, it } from 'vitest';
import { capturaPara, jpeg, llamar, ok, prepararEscenario, subirImagen, type Tokens } from '../../test/captura/ayuda.ts';
import { GENESIS_HASH, sellar } from '../domain/bitacora/cadena.ts';
import { anotar, leerTramo, sentenciaBitacora, verificarBitacora } from './bitacora.ts';
import { preparar } from './sentencia.ts';

let t: Tokens;
const db = env.DB;

beforeAll(async () => {
  t = await prepararEscenario();
  for (const clave of ['140338B01004', '140338C01004']) {
    await ok(llamar('POST', '/api/v1/acopio', { token: t['d01-acopio'], body: { clave, mecanismoTraslado: 'D' } }), 201);
    await ok(subirImagen(t['d01-dig']!, clave, jpeg(clave)));
    await ok(llamar('POST', `/api/v1/actas/${clave}/capturas`, { token: t['d01-cap1'], body: capturaPara('GUB', 0, 2) }));
    await ok(llamar('POST', `/api/v1/actas/${clave}/capturas`, { token: t['d01-cap2'], body: capturaPara('GUB', 0, 2) }));
  }
  expect((await llamar('GET', '/api/v1/actas/142301B01004', { token: t['d01-cap1'] })).status).toBe(403);
  expect((await llamar('GET', '/api/v1/actas/142301B01004')).status).toBe(401);
});

describe('the audit chain in D1', () => {
  it('holds on a populated log (administration, workflow steps and refusals)', async () => {
    const r = await verificarBitacora(db, 7);
    expect(r.ok).toBe(true);
    const acciones = new Set((await leerTramo(db, 0, 1000)).map((f) => f.accion));
    expect([...acciones].sort()).toEqual(['ACOPIO', 'CAPTURA', 'DIGITALIZACION', 'OPERADOR_CREADO', 'RECHAZO', 'TOKEN_EMITIDO']);
    const n = await db.prepare('SELECT count(*) AS n FROM bitacora').first<{ n: number }>();
    expect(r).toMatchObject({ entradas: n!.n });
  });

  it('accepts an entry only at the tip, linked to the tip’s hash', async () => {
    const filas = await leerTramo(db, 0, 10_000);
    const punta = { id: filas.at(-1)!.id, hash: filas.at(-1)!.hash };
    const base = { at: Date.now(), operador: 'x', token: null, catd: null, accion: 'PRUEBA', acta: null, seq: null, status: 0, detalle: {} };
    const atrasada = await sellar({ id: punta.id - 1, hash: filas.at(-2)!.hash }, base);
    await expect(preparar(db, sentenciaBitacora(atrasada)).run()).rejects.toThrow(/GUARDIA:BITACORA/);
    const mal = { ...(await sellar(punta, base)), prevHash: GENESIS_HASH };
    await expect(preparar(db, sentenciaBitacora(mal)).run()).rejects.toThrow(/GUARDIA:BITACORA/);
    const saltada = await sellar({ id: punta.id + 1, hash: punta.hash }, base);
    await expect(preparar(db, sentenciaBitacora(saltada)).run()).rejects.toThrow(/GUARDIA:BITACORA/);
    expect(await verificarBitacora(db)).toMatchObject({ ok: true });
  });

  it('concurrent appends all land in order (each retries over the new tip)', async () => {
    const antes = (await verificarBitacora(db)) as { entradas: number };
    const base = { operador: 'x', token: null, catd: null, accion: 'PRUEBA', acta: null, seq: null, status: 0, detalle: {} };
    await Promise.all(Array.from({ length: 6 }, (_, i) => anotar(db, { ...base, at: i })));
    expect(await verificarBitacora(db)).toMatchObject({ ok: true, entradas: antes.entradas + 6 });
  });

  it('refuses updates and deletes', async () => {
    await expect(db.prepare("UPDATE bitacora SET operador = 'mallory' WHERE id = 3").run()).rejects.toThrow(/BITACORA_INMUTABLE/);
    await expect(db.prepare('DELETE FROM bitacora WHERE id = 3').run()).rejects.toThrow(/BITACORA_INMUTABLE/);
  });

  it('fails, naming the entry, after one row is altered behind the triggers’ back', async () => {
    const objetivo = await db.prepare("SELECT id FROM bitacora WHERE accion = 'CAPTURA' ORDER BY id LIMIT 1").first<{ id: number }>();
    await db.batch([
      db.prepare('DROP TRIGGER bitacora_sin_cambios'),
      db.prepare("UPDATE bitacora SET detalle = json_set(detalle, '$.resultado', 'COINCIDE') WHERE id = ?").bind(objetivo!.id),
    ]);
    expect(await verificarBitacora(db, 5)).toMatchObject({ ok: false, id: objetivo!.id, motivo: 'HASH_NO_COINCIDE', entradas: objetivo!.id - 1 });
  });
});
