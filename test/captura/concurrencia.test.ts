/**
 * Races and retries: two verifiers resolving one acta at once (exactly one wins), requests retried 5 times (one
 * effect, the same answer every time) with and without Idempotency-Key, a key reused with another payload, and
 * optimistic concurrency through If-Match / ETag.
 */
import { env } from 'cloudflare:workers';
import { beforeAll, describe, expect, it } from 'vitest';
import { verificarBitacora } from '../../worker/db/bitacora.ts';
import { masReciente, reservar } from '../../worker/db/cabeza.ts';
import { capturaPara, error, jpeg, llamar, ok, prepararEscenario, subirImagen, type Tokens } from './ayuda.ts';

let t: Tokens;
beforeAll(async () => {
  t = await prepararEscenario();
});

const contar = async (): Promise<Record<string, number>> =>
  (await env.DB.prepare(
    `SELECT (SELECT valor FROM secuencia) AS seq, (SELECT count(*) FROM bitacora WHERE status < 400) AS cambios,
            (SELECT count(*) FROM captura) AS capturas, (SELECT count(*) FROM acta_publicacion) AS publicaciones,
            (SELECT count(*) FROM acta) AS actas, (SELECT count(*) FROM imagen) AS imagenes`,
  ).first<Record<string, number>>())!;

/** Brings an acta (GUB, ballot of the entidad) to VERIFICACION: two different captures. */
async function enVerificacion(clave: string) {
  await ok(llamar('POST', '/api/v1/acopio', { token: t['d01-acopio'], body: { clave } }), 201);
  await ok(subirImagen(t['d01-dig']!, clave, jpeg(clave)));
  await ok(llamar('POST', `/api/v1/actas/${clave}/capturas`, { token: t['d01-cap1'], body: capturaPara('GUB', 0, 1) }));
  const v = await ok(llamar('POST', `/api/v1/actas/${clave}/capturas`, { token: t['d01-cap2'], body: capturaPara('GUB', 0, 2) }));
  expect(v.etapa).toBe('VERIFICACION');
}

describe('two verifiers racing on one acta', () => {
  it('exactly one wins; the other gets a 409 and nothing of it is written', async () => {
    const clave = '140338C01004';
    await enVerificacion(clave);
    const antes = await contar();
    const [a, b] = await Promise.all([
      llamar('POST', `/api/v1/actas/${clave}/verificacion`, { token: t['d01-ver'], body: { resolucion: 'CAPTURA', captura: capturaPara('GUB', 0, 1) } }),
      llamar('POST', `/api/v1/actas/${clave}/verificacion`, { token: t['d01-ver2'], body: { resolucion: 'CAPTURA', captura: capturaPara('GUB', 0, 2) } }),
    ]);
    const estados = [a.status, b.status].sort();
    expect(estados).toEqual([200, 409]);
    const ganador = a.status === 200 ? a : b;
    const perdedor = a.status === 200 ? b : a;
    await error(perdedor, 409);
    const v = await ok(ganador);
    const despues = await contar();
    expect(despues.seq).toBe(antes.seq! + 1);
    expect(despues.cambios).toBe(antes.cambios! + 1);
    expect(despues.publicaciones).toBe(antes.publicaciones! + 1);
    const final = await ok(llamar('GET', `/api/v1/actas/${clave}`, { token: t.admin }));
    expect(final.estado).toEqual(v.estado);
  });

  it('many concurrent steps on different actas all land, each once, with an intact chain', async () => {
    const claves = ['140339B01004', '140339S01004', '141120B01004', '141120E01004', '141120E01014'];
    const antes = await contar();
    const r = await Promise.all(claves.map((clave) => llamar('POST', '/api/v1/acopio', { token: t['d01-acopio'], body: { clave } })));
    expect(r.map((x) => x.status)).toEqual(claves.map(() => 201));
    const despues = await contar();
    expect(despues.seq).toBe(antes.seq! + claves.length);
    expect(despues.actas).toBe(antes.actas! + claves.length);
    expect(await verificarBitacora(env.DB)).toMatchObject({ ok: true });
  });
});

describe('the head an isolate predicts (worker/db/cabeza.ts)', () => {
  it('a wrong prediction is refused by the guards, forgotten, and the request still lands once', async () => {
    const antes = await contar();
    const punta = (await env.DB.prepare('SELECT id, hash FROM bitacora ORDER BY id DESC LIMIT 1').first<{ id: number; hash: string }>())!;
    // As if this isolate had written an entry that never reached D1 (or another writer got there first).
    reservar(env.DB, { punta, secuencia: antes.seq! }, () => ({
      valor: null,
      deja: { punta: { id: punta.id + 1, hash: 'f'.repeat(64) }, secuencia: antes.seq! + 1 },
    }));
    await ok(llamar('POST', '/api/v1/acopio', { token: t['d01-acopio'], body: { clave: '141120B01014' } }), 201);
    const despues = await contar();
    expect(despues.seq).toBe(antes.seq! + 1);
    expect(despues.actas).toBe(antes.actas! + 1);
    expect(await verificarBitacora(env.DB)).toMatchObject({ ok: true });
  });

  it('takes, for each chain, the newer of the snapshot and the prediction', () => {
    const p = (id: number) => ({ id, hash: String(id).repeat(64).slice(0, 64) });
    expect(masReciente({ punta: p(5), secuencia: 9 }, undefined)).toEqual({ punta: p(5), secuencia: 9 });
    expect(masReciente({ punta: p(5), secuencia: 9 }, { punta: p(7), secuencia: 8 })).toEqual({ punta: p(7), secuencia: 9 });
    expect(masReciente({ punta: p(8), secuencia: 3 }, { punta: p(7), secuencia: 8 })).toEqual({ punta: p(8), secuencia: 8 });
  });
});

describe('a request retried 5 times has one effect', () => {
  it('with an Idempotency-Key: one capture, five identical answers', async () => {
    const clave = '141121B01004';
    await ok(llamar('POST', '/api/v1/acopio', { token: t['d01-acopio'], body: { clave } }), 201);
    await ok(subirImagen(t['d01-dig']!, clave, jpeg(clave)));
    const antes = await contar();
    const body = capturaPara('GUB', 0, 7);
    const respuestas = [];
    for (let i = 0; i < 5; i++) {
      const r = await llamar('POST', `/api/v1/actas/${clave}/capturas`, { token: t['d01-cap1'], body, headers: { 'idempotency-key': 'cap-141121B01004-1' } });
      respuestas.push({ status: r.status, texto: await r.text(), repetida: r.headers.get('idempotent-replayed') });
    }
    expect(new Set(respuestas.map((r) => `${r.status} ${r.texto}`)).size).toBe(1);
    expect(respuestas.map((r) => r.repetida)).toEqual([null, 'true', 'true', 'true', 'true']);
    const despues = await contar();
    expect(despues.capturas).toBe(antes.capturas! + 1);
    expect(despues.seq).toBe(antes.seq! + 1);
    expect(despues.cambios).toBe(antes.cambios! + 1);
  });

  it('without a key (same acta, step and payload): one effect for acopio, image, capture and verification', async () => {
    const clave = '142301B01004';
    const pasos: [string, () => Promise<Response>][] = [
      ['acopio', () => llamar('POST', '/api/v1/acopio', { token: t['d02-acopio'], body: { clave, mecanismoTraslado: 'D' } })],
      ['imagen', () => subirImagen(t['d02-dig']!, clave, jpeg('sin clave'))],
      ['captura 1', () => llamar('POST', `/api/v1/actas/${clave}/capturas`, { token: t['ccv-cap1'], body: capturaPara('GUB', 0, 3) })],
      ['captura 2', () => llamar('POST', `/api/v1/actas/${clave}/capturas`, { token: t['ccv-cap2'], body: capturaPara('GUB', 0, 4) })],
      ['verificación', () => llamar('POST', `/api/v1/actas/${clave}/verificacion`, { token: t['ccv-ver'], body: { resolucion: 'CAPTURA', captura: capturaPara('GUB', 0, 4) } })],
      ['cotejo', () => llamar('POST', `/api/v1/actas/${clave}/cotejo`, { token: t['d02-sup'], body: { accion: 'RECAPTURA', motivo: 'cifras borrosas' } })],
    ];
    for (const [nombre, enviar] of pasos) {
      const antes = await contar();
      const textos = [];
      for (let i = 0; i < 5; i++) {
        const r = await enviar();
        expect(r.status, `${nombre} intento ${i}`).toBeLessThan(300);
        textos.push(await r.text());
      }
      expect(new Set(textos).size, nombre).toBe(1);
      const despues = await contar();
      expect(despues.seq, nombre).toBe(antes.seq! + 1);
      expect(despues.cambios, nombre).toBe(antes.cambios! + 1);
    }
  });

  it('retries racing each other still produce one effect', async () => {
    const clave = '142302C01004';
    const antes = await contar();
    const rs = await Promise.all(
      Array.from({ length: 5 }, () => llamar('POST', '/api/v1/acopio', { token: t['d02-acopio'], body: { clave }, headers: { 'idempotency-key': 'acopio-142302C0100' } })),
    );
    const textos = await Promise.all(rs.map((r) => r.text()));
    expect(rs.map((r) => r.status)).toEqual([201, 201, 201, 201, 201]);
    expect(new Set(textos).size).toBe(1);
    expect((await contar()).seq).toBe(antes.seq! + 1);
  });
});

describe('conflicting retries and optimistic concurrency', () => {
  it('the same Idempotency-Key with another payload is a 409 and changes nothing', async () => {
    const clave = '142302B01004';
    await ok(llamar('POST', '/api/v1/acopio', { token: t['d02-acopio'], body: { clave }, headers: { 'idempotency-key': 'k-1' } }), 201);
    const antes = await contar();
    await error(llamar('POST', '/api/v1/acopio', { token: t['d02-acopio'], body: { clave: '142302S01004' }, headers: { 'idempotency-key': 'k-1' } }), 409, 'IDEMPOTENCY_KEY_REUTILIZADA');
    expect(await contar()).toEqual(antes);
  });

  it('the same step with another payload and no key is a conflict, not a replay', async () => {
    await error(llamar('POST', '/api/v1/acopio', { token: t['d02-acopio'], body: { clave: '142302B01004', mecanismoTraslado: 'I' } }), 409, 'ACTA_YA_RECIBIDA');
  });

  it('If-Match: the current version passes, a stale one is a 409; answers carry the ETag', async () => {
    const clave = '142302S01004';
    const r = await llamar('POST', '/api/v1/acopio', { token: t['d02-acopio'], body: { clave } });
    expect(r.headers.get('etag')).toBe('"1"');
    await ok(r, 201);
    const g = await llamar('GET', `/api/v1/actas/${clave}`, { token: t['d02-dig'] });
    expect(g.headers.get('etag')).toBe('"1"');
    const stale = subirImagen(t['d02-dig']!, clave, jpeg('v0'), undefined, { 'if-match': '"0"' });
    const e = await error(stale, 409, 'VERSION_NO_COINCIDE');
    expect(e.details).toEqual({ versionActual: 1 });
    const v = await ok(subirImagen(t['d02-dig']!, clave, jpeg('v1'), undefined, { 'if-match': '"1"' }));
    expect(v.version).toBe(2);
    await error(llamar('POST', '/api/v1/acopio', { token: t['d02-acopio'], body: { clave: '142301C01004' }, headers: { 'if-match': 'tres' } }), 400, 'IF_MATCH_INVALIDO');
  });

  it('a guard in SQL refuses a write whose version was overtaken, rolling back the whole batch', async () => {
    const clave = '142302S01004';
    const antes = await contar();
    const fila = await env.DB.prepare('SELECT version FROM acta WHERE clave = ?').bind(clave).first<{ version: number }>();
    const lote = [
      env.DB.prepare('UPDATE secuencia SET valor = valor + 1'),
      env.DB.prepare("INSERT INTO guardia (motivo) SELECT 'VERSION' WHERE NOT EXISTS (SELECT 1 FROM acta WHERE clave = ? AND version = ?)").bind(clave, fila!.version - 1),
    ];
    await expect(env.DB.batch(lote)).rejects.toThrow(/GUARDIA:VERSION/);
    expect(await contar()).toEqual(antes);
  });
});
