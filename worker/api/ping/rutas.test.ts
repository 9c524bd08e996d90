import { env, exports } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';

describe('GET /api/v1/ping', () => {
  it('answers ok, uncached, without a token', async () => {
    const res = await exports.default.fetch('http://prep.test/api/v1/ping');
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(await res.json()).toEqual({ ok: true });
  });

  it('writes nothing: not even the audit log', async () => {
    const antes = await env.DB.prepare('SELECT count(*) AS n FROM bitacora').first<{ n: number }>();
    for (let i = 0; i < 3; i++) await (await exports.default.fetch('http://prep.test/api/v1/ping')).text();
    expect(await env.DB.prepare('SELECT count(*) AS n FROM bitacora').first<{ n: number }>()).toEqual(antes);
  });

  it('is only GET, and is in the OpenAPI document', async () => {
    expect((await exports.default.fetch('http://prep.test/api/v1/ping', { method: 'POST' })).status).toBe(404);
    const doc = await (await exports.default.fetch('http://prep.test/api/v1/openapi.json')).json<{ paths: Record<string, unknown> }>();
    expect(Object.keys(doc.paths)).toContain('/api/v1/ping');
  });
});
