import { createExecutionContext } from 'cloudflare:test';
import { env, exports } from 'cloudflare:workers';
import { unzipSync } from 'fflate';
import { brotliCompressSync, brotliDecompressSync, gunzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { crearApp } from '../app.ts';
import { almacenQueOlvida } from './rutas.ts';
import { almacenR2 } from '../../cortes/almacen.ts';
import { cargarFixture, registrarEnLog, reiniciar } from '../../../test/cortes/prueba.ts';
import { ejecutarCorte } from '../../cortes/publicar.ts';
import { desdeUtf8, utf8 } from '../../domain/corte/bytes.ts';
import { sha256Hex } from '../../domain/bitacora/cadena.ts';
import { DiferenciasSchema, HistorialSchema, ManifiestoSchema, PunteroSchema, TerritoriosShardSchema, type Puntero } from '../../domain/corte/shards.ts';
import { FIXTURE_APERTURA_MS, fixtureActas } from '../../../test/ejemplos/eleccion.ts';
import { direccionShard } from '../../domain/contrato/index.ts';

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

  it("serve the stored Brotli or gzip bytes by the client's own Accept-Encoding, plain bytes to one that accepts neither", async () => {
    const ruta = `/${puntero.elecciones[0]!.ruta}`;
    const plano = await texto(await get(ruta));
    // The handler's own responses (the runtime's fetch would decode them before the test sees them).
    const directo = (headers: Record<string, string>) => crearApp().fetch(new Request(BASE + ruta, { headers }), env, createExecutionContext());
    const etags = new Set<string>();
    for (const [acepta, codificacion, magia] of [['gzip', 'gzip', [0x1f, 0x8b]], ['gzip, deflate, br', 'br', null], ['br;q=0.5, gzip', 'gzip', [0x1f, 0x8b]]] as const) {
      const r = await directo({ 'accept-encoding': acepta });
      expect(r.status).toBe(200);
      expect(r.headers.get('content-encoding')).toBe(codificacion);
      expect(r.headers.get('vary')).toContain('Accept-Encoding');
      const bytes = new Uint8Array(await r.arrayBuffer());
      expect(Number(r.headers.get('content-length'))).toBe(bytes.length);
      if (magia) expect([bytes[0], bytes[1]]).toEqual(magia);
      expect(bytes.length).toBeLessThan(utf8(plano).length);
      expect(desdeUtf8(codificacion === 'br' ? brotliDecompressSync(bytes) : gunzipSync(bytes))).toBe(plano);
      etags.add(r.headers.get('etag')!);
    }
    // A client that accepts no encoding (the platform still sends "br, gzip" in Accept-Encoding: what counts is
    // the client's own header, in request.cf.clientAcceptEncoding).
    for (const cliente of ['identity', '', 'br;q=0, gzip;q=0']) {
      const pedido = new Request(BASE + ruta, { headers: { 'accept-encoding': 'br, gzip' }, cf: { clientAcceptEncoding: cliente } });
      const r = await crearApp().fetch(pedido, env, createExecutionContext());
      expect(r.headers.get('content-encoding')).toBeNull();
      expect(await texto(r)).toBe(plano);
      etags.add(r.headers.get('etag')!);
    }
    // One ETag per encoding.
    expect(etags.size).toBe(3);
  });

  it('store content-addressed text as its Brotli copy only, and the pointers and the zip as plain bytes', async () => {
    const ruta = puntero.elecciones[0]!.ruta;
    const br = await env.BUCKET.get(`comprimido/br/${ruta}`);
    expect(br!.httpMetadata?.contentEncoding).toBe('br');
    const plano = new Uint8Array(brotliDecompressSync(new Uint8Array(await br!.arrayBuffer())));
    // One put per shard: neither the plain bytes nor gzip are stored (the route makes them on a miss).
    expect(await env.BUCKET.head(ruta)).toBeNull();
    expect(await env.BUCKET.head(`comprimido/gzip/${ruta}`)).toBeNull();
    // The key's address is still that of the plain bytes, and those are what a client without Brotli gets.
    expect(ruta).toContain(direccionShard(await sha256Hex(plano)));
    expect(new Uint8Array(await (await get(`/${ruta}`, { 'accept-encoding': 'identity' })).arrayBuffer())).toEqual(plano);
    expect(await env.BUCKET.head('comprimido/br/datos/latest.json')).toBeNull();
    expect(await env.BUCKET.head('datos/latest.json')).not.toBeNull();
    expect(await env.BUCKET.head(`comprimido/br/${puntero.abiertos.ruta}`)).toBeNull();
    expect(await env.BUCKET.head(puntero.abiertos.ruta)).not.toBeNull();
  });

  it("serve each election's CSVs at their own URLs, as plain bytes to a client that asks for no compression (curl, pandas)", async () => {
    const m = ManifiestoSchema.parse(await (await get(`/${puntero.manifiesto.ruta}`)).json());
    expect(m.csv!.map((c) => c.codigo)).toEqual(puntero.elecciones.map((e) => e.codigo));
    for (const c of m.csv!) {
      expect(puntero.elecciones.find((e) => e.codigo === c.codigo)!.csv).toEqual({ resultados: c.resultados.ruta, ordenado: c.ordenado.ruta });
      for (const a of [c.resultados, c.ordenado]) {
        // Stored once, as its gzip copy (worker/cortes/variantes.ts); the plain bytes are made on an edge-cache miss.
        const guardado = await env.BUCKET.get(`comprimido/gzip/${a.ruta}`);
        expect(guardado).not.toBeNull();
        expect(await env.BUCKET.head(`comprimido/br/${a.ruta}`)).toBeNull();
        expect(await env.BUCKET.head(a.ruta)).toBeNull();
        const copia = new Uint8Array(await guardado!.arrayBuffer());
        // curl without --compressed sends no Accept-Encoding; the platform still writes "br, gzip" in the header.
        for (const cliente of ['', 'identity']) {
          const pedido = new Request(`${BASE}/${a.ruta}`, { headers: { 'accept-encoding': 'br, gzip' }, cf: { clientAcceptEncoding: cliente } });
          const r = await crearApp().fetch(pedido, env, createExecutionContext());
          expect(r.status).toBe(200);
          expect(r.headers.get('content-type')).toBe('text/csv; charset=utf-8');
          expect(r.headers.get('content-encoding')).toBeNull();
          const bytes = new Uint8Array(await r.arrayBuffer());
          expect(Number(r.headers.get('content-length'))).toBe(a.bytes);
          expect(await sha256Hex(bytes)).toBe(a.sha256);
        }
        const gz = await crearApp().fetch(new Request(`${BASE}/${a.ruta}`, { cf: { clientAcceptEncoding: 'gzip' } }), env, createExecutionContext());
        expect(gz.headers.get('content-encoding')).toBe('gzip');
        // The gzip client gets the stored copy as it is: nothing compressed per request.
        expect(Buffer.from(await gz.arrayBuffer()).equals(Buffer.from(copia))).toBe(true);
        expect(await sha256Hex(new Uint8Array(gunzipSync(copia)))).toBe(a.sha256);
        const br = await crearApp().fetch(new Request(`${BASE}/${a.ruta}`, { cf: { clientAcceptEncoding: 'br' } }), env, createExecutionContext());
        expect(br.headers.get('content-encoding')).toBe('br');
        expect(await sha256Hex(new Uint8Array(brotliDecompressSync(new Uint8Array(await br.arrayBuffer()))))).toBe(a.sha256);
      }
    }
    // INE's layout at its own URL is the zip's entry; the tidy one opens with its header line.
    const gub = m.csv!.find((c) => c.codigo === 'GUB')!;
    expect(m.abiertos.archivos.find((a) => a.nombre.endsWith('/GUB.csv'))!.sha256).toBe(gub.resultados.sha256);
    expect((await texto(await get(`/${gub.ordenado.ruta}`))).startsWith('CLAVE_CASILLA,CLAVE_ACTA,')).toBe(true);
  });

  it('serve a CSV published as a Brotli copy (before CSVs were stored as gzip) in every encoding', async () => {
    const m = ManifiestoSchema.parse(await (await get(`/${puntero.manifiesto.ruta}`)).json());
    const a = m.csv![0]!.ordenado;
    const plano = (await almacenR2(env.BUCKET).get(a.ruta))!.bytes;
    const ruta = a.ruta.replace(/\/([^/]+)$/, '/ANTERIOR_$1');
    await env.BUCKET.put(`comprimido/br/${ruta}`, brotliCompressSync(plano), { httpMetadata: { contentType: 'text/csv; charset=utf-8', contentEncoding: 'br' } });
    for (const cliente of ['', 'gzip', 'br']) {
      const r = await crearApp().fetch(new Request(`${BASE}/${ruta}`, { cf: { clientAcceptEncoding: cliente } }), env, createExecutionContext());
      expect(r.status).toBe(200);
      const cuerpo = new Uint8Array(await r.arrayBuffer());
      const bytes = cliente === '' ? cuerpo : cliente === 'gzip' ? gunzipSync(cuerpo) : brotliDecompressSync(cuerpo);
      expect(await sha256Hex(new Uint8Array(bytes))).toBe(a.sha256);
    }
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

  it('serve an acta image only once its acta is in a published corte, under its entidad and its type only', async () => {
    const jpeg = new Uint8Array([0xff, 0xd8, 0xff, 1, 2, 3]);
    const publicada = fixtureActas.find((f) => f.acta.imagen !== null)!.acta;
    const sha = publicada.imagen!.sha256;
    await env.BUCKET.put(`imagenes/${sha}`, jpeg, { httpMetadata: { contentType: 'image/jpeg' } });
    const r = await get(`/datos/14/imagenes/${sha}.jpg`);
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toBe('image/jpeg');
    expect(r.headers.get('x-content-type-options')).toBe('nosniff');
    expect(r.headers.get('cache-control')).toContain('immutable');
    expect([...new Uint8Array(await r.arrayBuffer())]).toEqual([...jpeg]);
    // Never under another entidad or another type's extension.
    for (const otra of [`/datos/15/imagenes/${sha}.jpg`, `/datos/14/imagenes/${sha}.png`, `/datos/14/imagenes/${sha}.pdf`]) {
      expect((await get(otra)).status).toBe(404);
    }
    // An image received for an acta that no corte has published yet: in the store, not public.
    const nueva = { ...publicada, imagen: { ...publicada.imagen!, sha256: 'ab'.repeat(32), mime: 'application/pdf' as const } };
    await env.BUCKET.put(`imagenes/${nueva.imagen.sha256}`, utf8('%PDF-1.7 x'), { httpMetadata: { contentType: 'application/pdf' } });
    await registrarEnLog([nueva]);
    const antes = await get(`/datos/14/imagenes/${nueva.imagen.sha256}.pdf`);
    expect(antes.status).toBe(404);
    await ejecutarCorte({ db: env.DB, almacen: almacenR2(env.BUCKET), bitacora: () => {} }, { instante: FIXTURE_APERTURA_MS + 60_000, final: false, motivo: 'programado', turno: null });
    const despues = await get(`/datos/14/imagenes/${nueva.imagen.sha256}.pdf`);
    expect(despues.status).toBe(200);
    expect(despues.headers.get('content-type')).toBe('application/pdf');
    expect((await get(`/datos/14/imagenes/${nueva.imagen.sha256}.jpg`)).status).toBe(404);
  });

  it('answer 404, never 500, to malformed and overlong paths', async () => {
    for (const ruta of ['/datos/%FF', '/datos/%E0%A4%A', `/datos/${'a'.repeat(2000)}`, `/datos/14/${'x/'.repeat(600)}a.json`]) {
      const r = await get(ruta);
      expect(r.status).toBe(404);
      const cuerpo = await r.text();
      expect(JSON.parse(cuerpo).error.code).toBe('NO_ENCONTRADO');
      expect(cuerpo.length).toBeLessThan(200);
    }
  });

  it('answer 412 to a failed If-Match or If-Unmodified-Since, and 304 to a matching If-None-Match or If-Modified-Since', async () => {
    const ruta = `/${puntero.territorios}`;
    const r = await get(ruta);
    const etag = r.headers.get('etag')!;
    const modificado = Date.parse(r.headers.get('last-modified')!);
    expect(modificado).toBeGreaterThan(0);
    const antes = new Date(modificado - 60_000).toUTCString();
    const despues = new Date(modificado + 60_000).toUTCString();
    const casos: [Record<string, string>, number][] = [
      [{ 'if-match': '"otra"' }, 412],
      [{ 'if-match': etag }, 200],
      [{ 'if-match': '*' }, 200],
      [{ 'if-unmodified-since': antes }, 412],
      [{ 'if-unmodified-since': despues }, 200],
      [{ 'if-none-match': etag }, 304],
      [{ 'if-none-match': '"otra"' }, 200],
      [{ 'if-modified-since': despues }, 304],
      [{ 'if-modified-since': antes }, 200],
      // If-Match is evaluated first; If-None-Match wins over If-Modified-Since.
      [{ 'if-match': '"otra"', 'if-none-match': etag }, 412],
      [{ 'if-none-match': '"otra"', 'if-modified-since': despues }, 200],
    ];
    for (const [headers, status] of casos) {
      const c = await get(ruta, headers);
      expect([headers, c.status]).toEqual([headers, status]);
      if (status !== 200) expect(await c.text()).toBe('');
    }
  });

  it('show a corte asked for through the API at once where it was asked: its pointers leave that location\'s cache', async () => {
    const almacen = almacenR2(env.BUCKET);
    const conBorde = almacenQueOlvida(almacen, `${BASE}/api/v1/cortes`);
    const actual = await almacen.get('datos/latest.json');
    await conBorde.put('datos/latest.json', actual!.bytes);
    const antes = await texto(await get('/datos/latest.json'));
    const nuevo = utf8(JSON.stringify({ ...JSON.parse(antes), numero: 99 }));
    // Written behind the edge cache's back: this location keeps serving its copy for a few seconds.
    await almacen.put('datos/latest.json', nuevo);
    expect(await texto(await get('/datos/latest.json'))).toBe(antes);
    await conBorde.put('datos/latest.json', nuevo);
    expect(JSON.parse(await texto(await get('/datos/latest.json'))).numero).toBe(99);
    await conBorde.put('datos/latest.json', actual!.bytes);
  });

  it('answer 404 in the API error shape for what does not exist', async () => {
    for (const ruta of [`/datos/14/seccion/338/${'0'.repeat(64)}.json`, `/datos/14/imagenes/${'cd'.repeat(32)}.jpg`, '/datos/a..b/x.json', '/datos/']) {
      const r = await get(ruta);
      expect(r.status).toBe(404);
      expect(((await r.json()) as { error: { code: string } }).error.code).toBe('NO_ENCONTRADO');
    }
  });
});
