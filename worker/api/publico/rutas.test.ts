import { createExecutionContext } from 'cloudflare:test';
import { env, exports } from 'cloudflare:workers';
import { unzipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { crearApp } from '../app.ts';
import { almacenR2 } from '../../cortes/almacen.ts';
import { cargarFixture, registrarEnLog, reiniciar } from '../../../test/cortes/prueba.ts';
import { ejecutarCorte } from '../../cortes/publicar.ts';
import { DiferenciasSchema, HistorialSchema, PunteroSchema, TerritoriosShardSchema, type Puntero } from '../../domain/corte/shards.ts';
import { FIXTURE_APERTURA_MS, fixtureActas } from '../../../test/ejemplos/eleccion.ts';

const BASE = 'http://prep.test';
const get = (ruta: string, headers: Record<string, string> = {}, method = 'GET') => exports.default.fetch(new Request(BASE + ruta, { method, headers }));

let puntero: Puntero;

beforeAll(async () => {
  await reiniciar();
  await cargarFixture();
  await registrarEnLog(fixtureActas.map((f) => f.acta));
  await ejecutarCorte({ db: env.DB, almacen: almacenR2(env.BUCKET), bitacora: () => {} }, { instante: FIXTURE_APERTURA_MS, final: false, motivo: 'programado', turno: null });
  puntero = PunteroSchema.parse(await (await get('/datos/latest.json')).json());
});

async function texto(r: Response): Promise<string> {
  return new TextDecoder().decode(await r.arrayBuffer());
}

describe('public routes of the published cortes', () => {
  it('serve latest with a short max-age, its ETag, CORS from anywhere, and 304 when unchanged', async () => {
    const r = await get('/datos/14/latest.json');
    expect(r.status).toBe(200);
    expect(r.headers.get('cache-control')).toBe('public, max-age=10, must-revalidate');
    expect(r.headers.get('access-control-allow-origin')).toBe('*');
    expect(r.headers.get('content-type')).toContain('application/json');
    const etag = r.headers.get('etag')!;
    expect(etag).toMatch(/^"/);
    expect(PunteroSchema.parse(await r.json())).toEqual(puntero);
    const otra = await get('/datos/14/latest.json', { 'if-none-match': etag });
    expect(otra.status).toBe(304);
    expect(otra.headers.get('etag')).toBe(etag);
    expect(await otra.text()).toBe('');
  });

  it('serve content-addressed shards as immutable for a year', async () => {
    const r = await get(`/${puntero.territorios}`);
    expect(r.status).toBe(200);
    expect(r.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(TerritoriosShardSchema.parse(await r.json()).secciones).toHaveLength(6);
  });

  it('compress JSON with gzip when the client accepts it', async () => {
    const ruta = `/${puntero.elecciones[0]!.ruta}`;
    const plano = await texto(await get(ruta));
    // The handler's own response (the runtime's fetch would decode gzip before the test sees it).
    const r = await crearApp().fetch(new Request(BASE + ruta, { headers: { 'accept-encoding': 'gzip, br' } }), env, createExecutionContext());
    expect(r.status).toBe(200);
    expect(r.headers.get('content-encoding')).toBe('gzip');
    expect(r.headers.get('vary')).toContain('Accept-Encoding');
    const bytes = new Uint8Array(await r.arrayBuffer());
    expect([bytes[0], bytes[1]]).toEqual([0x1f, 0x8b]);
    expect(bytes.length).toBeLessThan(new TextEncoder().encode(plano).length);
    const descomprimido = await new Response(new Blob([bytes]).stream().pipeThrough(new DecompressionStream('gzip'))).text();
    expect(descomprimido).toBe(plano);
    // Through the Worker, a client that accepts gzip gets the same shard.
    expect(await texto(await get(ruta, { 'accept-encoding': 'gzip' }))).toBe(plano);
  });

  it('answer the CORS preflight and HEAD', async () => {
    const pre = await get('/datos/latest.json', { origin: 'https://difusor.example', 'access-control-request-method': 'GET' }, 'OPTIONS');
    expect(pre.status).toBe(204);
    expect(pre.headers.get('access-control-allow-origin')).toBe('*');
    expect(pre.headers.get('access-control-allow-methods')).toContain('GET');
    const head = await get('/datos/latest.json', {}, 'HEAD');
    expect(head.status).toBe(200);
    expect(Number(head.headers.get('content-length'))).toBeGreaterThan(100);
  });

  it('list every corte in the history and serve the diff of each', async () => {
    const h = HistorialSchema.parse(await (await get('/datos/14/historial.json')).json());
    expect(h.cortes.map((c) => c.numero)).toEqual([1]);
    const d = DiferenciasSchema.parse(await (await get(`/${h.cortes[0]!.diferencias}`)).json());
    expect(d.elecciones.flatMap((e) => e.nuevas)).toHaveLength(fixtureActas.length);
  });

  it('serve the open-data zip as is (never re-encoded), immutable', async () => {
    const r = await get(`/${puntero.abiertos.ruta}`, { 'accept-encoding': 'gzip' });
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toBe('application/zip');
    expect(r.headers.get('content-encoding')).toBeNull();
    const archivos = Object.keys(unzipSync(new Uint8Array(await r.arrayBuffer())));
    expect(archivos).toContain('20240602_2000_PREP_GUB/GUB.csv');
    expect(archivos).toContain('20240602_2000_PREP_AYUN/LEEME.txt');
  });

  it('serve acta images by their integrity code from the capture store', async () => {
    const sha = 'ab'.repeat(32);
    await env.BUCKET.put(`imagenes/${sha}`, new Uint8Array([0xff, 0xd8, 0xff, 1, 2, 3]), { httpMetadata: { contentType: 'image/jpeg' } });
    const r = await get(`/datos/14/imagenes/${sha}.jpg`);
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toBe('image/jpeg');
    expect(r.headers.get('cache-control')).toContain('immutable');
    expect([...new Uint8Array(await r.arrayBuffer())]).toEqual([0xff, 0xd8, 0xff, 1, 2, 3]);
  });

  it('answer 404 in the API error shape for what does not exist', async () => {
    for (const ruta of [`/datos/14/seccion/338/${'0'.repeat(64)}.json`, `/datos/14/imagenes/${'cd'.repeat(32)}.jpg`, '/datos/a..b/x.json']) {
      const r = await get(ruta);
      expect(r.status).toBe(404);
      expect(((await r.json()) as { error: { code: string } }).error.code).toBe('NO_ENCONTRADO');
    }
  });
});
