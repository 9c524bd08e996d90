import { env, exports } from 'cloudflare:workers';
import { describe, expect, expectTypeOf, it } from 'vitest';
import type { z } from 'zod';
import { RUTA_IDENTIDAD, type ResumenCatalogo, type Salud } from '../../domain/contrato/index.ts';
import { type ResumenCatalogoSchema, SaludSchema } from './rutas.ts';
import { versionDe } from './version.ts';

describe('GET /health', () => {
  it('answers ok with the (empty) catalogue totals', async () => {
    const res = await exports.default.fetch('http://prep.test/health');
    expect(res.status).toBe(200);
    const body = await res.json<Salud>();
    expect(SaludSchema.parse(body)).toEqual(body);
    expect(body.status).toBe('ok');
    expect(body.catalogo.casillas).toBe(0);
  });

  it('says its environment (local development is pruebas) and the build identity its assets hold', async () => {
    const body = await (await exports.default.fetch('http://prep.test/health')).json<Salud>();
    expect(body.entorno).toBe('pruebas');
    // What the build wrote beside the assets (null only when the portal was built without its identity step).
    const res = await env.ASSETS.fetch(new Request(`https://assets.local${RUTA_IDENTIDAD}`));
    expect(body.construccion).toEqual(res.ok ? await res.json() : null);
  });

  it('shows the platform version that answers (the version metadata binding of wrangler.toml), as the runtime gives it', async () => {
    const body = await (await exports.default.fetch('http://prep.test/health')).json<Salud>();
    // Locally the runtime invents a version: a random id, no tag, the start instant. Deployed, Cloudflare's own.
    expect(body.version).toEqual({ id: env.CF_VERSION_METADATA.id, tag: env.CF_VERSION_METADATA.tag, timestamp: env.CF_VERSION_METADATA.timestamp });
    expect(body.version!.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(Number.isNaN(Date.parse(body.version!.timestamp))).toBe(false);
    expect(versionDe(undefined)).toBeNull();
    expect(versionDe({ id: 'x' })).toBeNull();
  });

  it('declares exactly the contract\'s shape (the portal reads it)', () => {
    expectTypeOf<z.infer<typeof ResumenCatalogoSchema>>().branded.toEqualTypeOf<ResumenCatalogo>();
    expectTypeOf<z.infer<typeof SaludSchema>>().branded.toEqualTypeOf<Salud>();
  });

  it('answers unknown API paths with the structured 404', async () => {
    const res = await exports.default.fetch('http://prep.test/api/v1/nada');
    expect(res.status).toBe(404);
    const body = await res.json<{ error: { code: string } }>();
    expect(body.error.code).toBe('NO_ENCONTRADO');
  });

  it('serves the OpenAPI document', async () => {
    const res = await exports.default.fetch('http://prep.test/api/v1/openapi.json');
    expect(res.status).toBe(200);
    const doc = await res.json<{ openapi: string; paths: Record<string, unknown> }>();
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths)).toContain('/health');
  });
});
