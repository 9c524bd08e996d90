import { createExecutionContext } from 'cloudflare:test';
import { env, exports } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { crearApp } from '../app.ts';
import { RUTA_OPENAPI, RUTA_REFERENCIA } from './rutas.ts';

describe('the API reference', () => {
  it('the OpenAPI document describes every capture route, with the bearer scheme and the error shape', async () => {
    const doc = (await (await exports.default.fetch('http://prep.test/api/v1/openapi.json')).json()) as {
      paths: Record<string, Record<string, { security?: unknown; responses: Record<string, unknown> }>>;
      components: { securitySchemes: Record<string, unknown>; schemas: Record<string, unknown> };
    };
    const rutas = Object.entries(doc.paths).flatMap(([ruta, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${ruta}`));
    expect(rutas).toEqual(
      expect.arrayContaining([
        'POST /api/v1/acopio',
        'POST /api/v1/actas/{clave}/imagen',
        'POST /api/v1/actas/{clave}/capturas',
        'POST /api/v1/actas/{clave}/verificacion',
        'POST /api/v1/actas/{clave}/cotejo',
        'GET /api/v1/actas/{clave}',
        'GET /api/v1/actas/{clave}/historial',
        'GET /api/v1/actas/{clave}/imagen',
        'GET /api/v1/cola/{paso}',
      ]),
    );
    expect(doc.components.securitySchemes.bearer).toMatchObject({ type: 'http', scheme: 'bearer' });
    expect(doc.paths['/api/v1/acopio']!.post!.security).toEqual([{ bearer: [] }, { sesion: [] }]);
    expect(Object.keys(doc.paths['/api/v1/actas/{clave}/capturas']!.post!.responses)).toEqual(['200', '400', '401', '403', '404', '409', '413', '415', '422', '429']);
    expect(Object.keys(doc.components.schemas)).toEqual(expect.arrayContaining(['Error', 'Acopio', 'Captura', 'Verificacion', 'Cotejo', 'ActaVista']));
  });

  it('serves a reference page rendered from that document', async () => {
    const r = await exports.default.fetch('http://prep.test/api/v1/docs');
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toMatch(/text\/html/);
    const html = await r.text();
    expect(html).toContain('<code>POST /api/v1/acopio</code>');
    expect(html).toContain('<code>GET /api/v1/cola/{paso}</code>');
    expect(html).toContain('Requiere token Bearer o sesión (cookie; X-CSRF-Token salvo en GET/HEAD).');
    expect(html).toContain('<code>DELETE /api/v1/sesion</code>');
    expect(html).not.toMatch(/<script/i);
  });
});

describe('the API reference is not public in production (docs/ARQUITECTURA.md)', () => {
  const app = crearApp();
  const pedir = (ruta: string, entorno: 'pruebas' | 'produccion') =>
    app.fetch(new Request(`http://prep.test${ruta}`), { ...env, ENTORNO: entorno }, createExecutionContext());

  it.each([RUTA_OPENAPI, RUTA_REFERENCIA])('%s: 404 like any unknown path in produccion, 200 in pruebas', async (ruta) => {
    const prod = await pedir(ruta, 'produccion');
    expect(prod.status).toBe(404);
    expect(await prod.json()).toEqual({ error: { code: 'NO_ENCONTRADO', message: `No existe la ruta GET ${ruta}.`, details: null } });
    expect(prod.headers.get('x-content-type-options')).toBe('nosniff');
    expect((await pedir(ruta, 'pruebas')).status).toBe(200);
  });
});
