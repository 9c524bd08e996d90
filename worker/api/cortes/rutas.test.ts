import { env, exports } from 'cloudflare:workers';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { crearOperador, ejecutorD1, emitirToken } from '../../db/administracion.ts';
import { cargarFixture, leerJson, registrarEnLog, reiniciar } from '../../../test/cortes/prueba.ts';
import { fixtureActas } from '../../../test/ejemplos/eleccion.ts';

const BASE = 'http://prep.test';
const tokens: Record<string, string> = {};

function llamar(metodo: string, ruta: string, token?: string, body?: unknown): Promise<Response> {
  const headers: Record<string, string> = token ? { authorization: `Bearer ${token}` } : {};
  if (body !== undefined) headers['content-type'] = 'application/json';
  return exports.default.fetch(new Request(BASE + ruta, { method: metodo, headers, body: body === undefined ? undefined : JSON.stringify(body) }));
}

const codigo = async (r: Response) => ((await r.json()) as { error: { code: string } }).error.code;

beforeAll(async () => {
  await reiniciar();
  await cargarFixture();
  const ej = ejecutorD1(env.DB);
  const ahora = Date.now();
  for (const o of [
    { id: 'instituto', ambito: 'INSTITUTO' as const, catd: null, roles: ['admin' as const] },
    { id: 'capturista', ambito: 'CCV' as const, catd: null, roles: ['captura' as const] },
  ]) {
    await crearOperador(ej, { ...o, nombre: o.id, casillas: [] }, ahora);
    tokens[o.id] = (await emitirToken(ej, { operador: o.id, vigenciaMs: 3_600_000, limitePorMinuto: 1000 }, ahora)).token;
  }
});

beforeEach(async () => {
  await env.DB.batch([env.DB.prepare('DELETE FROM corte'), env.DB.prepare('DELETE FROM acta_publicacion')]);
  const lista = await env.BUCKET.list();
  if (lista.objects.length > 0) await env.BUCKET.delete(lista.objects.map((o) => o.key));
});

describe('POST /api/v1/cortes (a corte now)', () => {
  it('needs a token of an operator with role admin', async () => {
    expect((await llamar('POST', '/api/v1/cortes', undefined, {})).status).toBe(401);
    const r = await llamar('POST', '/api/v1/cortes', tokens.capturista, {});
    expect(r.status).toBe(403);
    expect(await codigo(r)).toBe('ROL_NO_AUTORIZADO');
  });

  it('publishes a corte, then answers that nothing changed, then publishes the final corte and closes', async () => {
    await registrarEnLog(fixtureActas.map((f) => f.acta));
    const a = await llamar('POST', '/api/v1/cortes', tokens.instituto, {});
    expect(a.status).toBe(201);
    expect(await a.json()).toMatchObject({ resultado: 'publicado', numero: 1, final: false, estadisticas: { modo: expect.any(String), shardsEscritos: expect.any(Number) } });
    const b = await llamar('POST', '/api/v1/cortes', tokens.instituto, {});
    expect(b.status).toBe(200);
    expect(await b.json()).toEqual({ resultado: 'sin_cambios', numero: 1, secuencia: fixtureActas.length });
    const c = await llamar('POST', '/api/v1/cortes', tokens.instituto, { final: true });
    expect(c.status).toBe(201);
    expect(await c.json()).toMatchObject({ numero: 2, final: true });
    const d = await llamar('POST', '/api/v1/cortes', tokens.instituto, {});
    expect(d.status).toBe(409);
    expect(await codigo(d)).toBe('PUBLICACION_CERRADA');
  });

  it('stamps the corte at the instant asked for (a replay of a past night), never before the last corte', async () => {
    await registrarEnLog(fixtureActas.slice(0, 4).map((f) => f.acta));
    const a = await llamar('POST', '/api/v1/cortes', tokens.instituto, { instante: '2024-06-02T23:00:00-06:00' });
    expect(a.status).toBe(201);
    const puntero = await leerJson<{ instante: number; corte: string; abiertos: { nombre: string } }>('datos/latest.json');
    expect(puntero).toMatchObject({ instante: Date.parse('2024-06-03T05:00:00Z'), corte: '02/06/2024 23:00 (UTC-6)', abiertos: { nombre: '20240602_2300_PREP.zip' } });
    await registrarEnLog(fixtureActas.slice(4, 5).map((f) => f.acta));
    const antes = await llamar('POST', '/api/v1/cortes', tokens.instituto, { instante: '2024-06-02T22:59:00-06:00' });
    expect(antes.status).toBe(409);
    expect(await codigo(antes)).toBe('INSTANTE_ANTERIOR');
    expect((await llamar('POST', '/api/v1/cortes', tokens.instituto, { instante: '2 de junio' })).status).toBe(400);
    expect((await llamar('POST', '/api/v1/cortes', tokens.instituto, { instante: '2024-06-02T23:05:00-06:00', final: true })).status).toBe(201);
  });

  it('answers 409 while another corte holds the lease', async () => {
    await env.DB.prepare('UPDATE corte_lease SET titular = ?, vence = ? WHERE id = 1').bind('otro', Date.now() + 60_000).run();
    const r = await llamar('POST', '/api/v1/cortes', tokens.instituto, {});
    expect(r.status).toBe(409);
    expect(await codigo(r)).toBe('CORTE_EN_CURSO');
    await env.DB.prepare('UPDATE corte_lease SET titular = NULL, vence = 0 WHERE id = 1').run();
  });
});

describe('/api/v1/cortes/configuracion', () => {
  it('reads and changes the window and cadence; refuses a cadence slower than 20 minutes', async () => {
    const antes = await llamar('GET', '/api/v1/cortes/configuracion', tokens.instituto);
    expect(await antes.json()).toEqual({ jornada: null, inicioMinutos: 1200, duracionMinutos: 1440, cadenciaMinutos: 5 });
    const config = { jornada: '2024-06-02', inicioMinutos: 1140, duracionMinutos: 1440, cadenciaMinutos: 10 };
    expect((await llamar('PUT', '/api/v1/cortes/configuracion', tokens.instituto, { ...config, cadenciaMinutos: 21 })).status).toBe(400);
    expect((await llamar('PUT', '/api/v1/cortes/configuracion', tokens.instituto, config)).status).toBe(200);
    expect(await (await llamar('GET', '/api/v1/cortes/configuracion', tokens.instituto)).json()).toEqual(config);
    expect((await llamar('PUT', '/api/v1/cortes/configuracion', tokens.capturista, config)).status).toBe(403);
  });
});
