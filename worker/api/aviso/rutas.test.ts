import { env, exports } from 'cloudflare:workers';
import { beforeAll, describe, expect, it } from 'vitest';
import { crearOperador, ejecutorD1, emitirToken } from '../../db/administracion.ts';
import { reiniciar } from '../../../test/cortes/prueba.ts';

const BASE = 'http://prep.test';
const tokens: Record<string, string> = {};

function llamar(metodo: string, ruta: string, token?: string, body?: unknown): Promise<Response> {
  const headers: Record<string, string> = token ? { authorization: `Bearer ${token}` } : {};
  if (body !== undefined) headers['content-type'] = 'application/json';
  return exports.default.fetch(new Request(BASE + ruta, { method: metodo, headers, body: body === undefined ? undefined : JSON.stringify(body) }));
}

const codigo = async (r: Response) => ((await r.json()) as { error: { code: string } }).error.code;
const entradas = async () =>
  (await env.DB.prepare("SELECT operador, accion, detalle FROM bitacora WHERE accion LIKE 'AVISO_%' ORDER BY id").all<{ operador: string; accion: string; detalle: string }>()).results;

beforeAll(async () => {
  await reiniciar();
  const ej = ejecutorD1(env.DB);
  const ahora = Date.now();
  for (const o of [
    { id: 'coordinacion', ambito: 'INSTITUTO' as const, catd: null, roles: ['admin' as const] },
    { id: 'capturista', ambito: 'CCV' as const, catd: null, roles: ['captura' as const] },
  ]) {
    await crearOperador(ej, { ...o, nombre: o.id, casillas: [] }, ahora);
    tokens[o.id] = (await emitirToken(ej, { operador: o.id, vigenciaMs: 3_600_000, limitePorMinuto: 1000 }, ahora)).token;
  }
});

describe('the institute notice, /api/v1/aviso', () => {
  it('is "none" (texto null, not a 404) before any was published', async () => {
    const r = await exports.default.fetch(new Request(`${BASE}/datos/aviso.json`));
    expect(r.status).toBe(200);
    expect(await r.json()).toEqual({ tipo: 'aviso', texto: null, nivel: 'informativo', instante: 0 });
  });

  it('is published by an admin, audited with its operator, and served publicly like latest.json', async () => {
    const r = await llamar('PUT', '/api/v1/aviso', tokens.coordinacion, { texto: ' El corte de las 22:00 se retrasa. ', nivel: 'importante' });
    expect(r.status).toBe(200);
    expect(await r.json()).toMatchObject({ tipo: 'aviso', texto: 'El corte de las 22:00 se retrasa.', nivel: 'importante' });
    const publico = await exports.default.fetch(new Request(`${BASE}/datos/aviso.json`));
    expect(publico.status).toBe(200);
    expect(publico.headers.get('cache-control')).toBe('public, max-age=10, must-revalidate');
    expect(publico.headers.get('access-control-allow-origin')).toBe('*');
    expect(await publico.json()).toMatchObject({ texto: 'El corte de las 22:00 se retrasa.' });
    const [entrada, ...otras] = await entradas();
    expect(otras).toEqual([]);
    expect({ ...entrada, detalle: JSON.parse(entrada!.detalle) }).toEqual({
      operador: 'coordinacion',
      accion: 'AVISO_PUBLICADO',
      detalle: { texto: 'El corte de las 22:00 se retrasa.', nivel: 'importante' },
    });
  });

  it('is withdrawn: the public object says texto null, and the log says who', async () => {
    expect((await llamar('DELETE', '/api/v1/aviso', tokens.coordinacion)).status).toBe(200);
    expect(await (await exports.default.fetch(new Request(`${BASE}/datos/aviso.json`))).json()).toMatchObject({ tipo: 'aviso', texto: null });
    expect((await entradas()).at(-1)).toMatchObject({ operador: 'coordinacion', accion: 'AVISO_RETIRADO' });
  });

  it('refuses anyone but an admin, and bad text, changing nothing', async () => {
    const antes = await (await exports.default.fetch(new Request(`${BASE}/datos/aviso.json`))).text();
    const n = (await entradas()).length;
    expect((await llamar('PUT', '/api/v1/aviso', undefined, { texto: 'x' })).status).toBe(401);
    const capturista = await llamar('PUT', '/api/v1/aviso', tokens.capturista, { texto: 'x' });
    expect([capturista.status, await codigo(capturista)]).toEqual([403, 'ROL_NO_AUTORIZADO']);
    const largo = await llamar('PUT', '/api/v1/aviso', tokens.coordinacion, { texto: 'x'.repeat(281) });
    expect([largo.status, await codigo(largo)]).toEqual([400, 'SOLICITUD_INVALIDA']);
    const lineas = await llamar('PUT', '/api/v1/aviso', tokens.coordinacion, { texto: 'uno\ndos' });
    expect(lineas.status).toBe(400);
    expect(await (await exports.default.fetch(new Request(`${BASE}/datos/aviso.json`))).text()).toBe(antes);
    expect(await entradas()).toHaveLength(n);
  });
});
