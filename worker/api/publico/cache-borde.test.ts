import { createExecutionContext, waitOnExecutionContext } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import { Hono } from 'hono';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { beforeEach, describe, expect, it } from 'vitest';
import { almacenR2 } from '../../cortes/almacen.ts';
import { desdeUtf8, utf8 } from '../../domain/corte/bytes.ts';
import type { EntornoApi } from '../entorno.ts';
import { METADATO_PROXIMO_CORTE } from '../../cortes/almacen.ts';
import { CacheBorde, FINAL_MS, FRESCO_MS, TOPE_MS, USABLE_MS, VENTANA_MS, type Grupo, type Lectura } from './cache-borde.ts';
import { FRESCO_AVISO_MS, crearRutasPublico } from './rutas.ts';

const BASE = 'http://prep.test';
const SHARD = `datos/14/GUB/entidad/${'e'.repeat(64)}.json`;
const LATEST = 'datos/14/latest.json';

/** The bucket with every read counted per key (get and head: each is an R2 operation). */
function bucketContado(): { bucket: R2Bucket; lecturas: Map<string, number>; total: () => number } {
  const lecturas = new Map<string, number>();
  const contar = (clave: string) => lecturas.set(clave, (lecturas.get(clave) ?? 0) + 1);
  const bucket = new Proxy(env.BUCKET, {
    get(destino, prop) {
      if (prop === 'get' || prop === 'head') {
        return (clave: string, ...resto: unknown[]) => {
          contar(clave);
          return (destino[prop] as (...a: unknown[]) => unknown).call(destino, clave, ...resto);
        };
      }
      const v = Reflect.get(destino, prop) as unknown;
      return typeof v === 'function' ? v.bind(destino) : v;
    },
  });
  return { bucket, lecturas, total: () => [...lecturas.values()].reduce((a, b) => a + b, 0) };
}

let n = 0;

/** A fresh location: its own cache, its own isolate's routes, a clock the test moves, a counted bucket. */
async function ubicacion() {
  const cache = await caches.open(`borde-${++n}`);
  let reloj = Date.UTC(2024, 5, 3, 3);
  const app = new Hono<EntornoApi>().route('/', crearRutasPublico({ cache: async () => cache, ahora: () => reloj }));
  const contado = bucketContado();
  const entorno = { ...env, BUCKET: contado.bucket };
  /** `n` simultaneous viewers; waits for the background work they started (ctx.waitUntil). */
  const pedir = async (ruta: string, n = 1, cliente = 'br, gzip') => {
    const ctx = createExecutionContext();
    const respuestas = await Promise.all(
      Array.from({ length: n }, () => app.fetch(new Request(`${BASE}/${ruta}`, { cf: { clientAcceptEncoding: cliente } }), entorno, ctx)),
    );
    const cuerpos = await Promise.all(respuestas.map(async (r) => ({ status: r.status, codificacion: r.headers.get('content-encoding'), estado: r.headers.get('cache-status'), bytes: new Uint8Array(await r.arrayBuffer()) })));
    await waitOnExecutionContext(ctx);
    return cuerpos;
  };
  return { pedir, ...contado, avanzar: (ms: number) => (reloj += ms), ahora: () => reloj };
}

const plano = (r: { codificacion: string | null; bytes: Uint8Array }) => desdeUtf8(r.codificacion === 'br' ? new Uint8Array(brotliDecompressSync(r.bytes)) : r.bytes);

beforeEach(async () => {
  await almacenR2(env.BUCKET).put(SHARD, utf8(JSON.stringify({ entidad: 'x'.repeat(500) })));
  await env.BUCKET.put(LATEST, JSON.stringify({ numero: 1 }));
});

describe('the edge cache of the public routes (R2 reads counted)', () => {
  it('reads a content-addressed object once per location and encoding, whatever the number of viewers', async () => {
    const u = await ubicacion();
    const primeros = await u.pedir(SHARD, 100);
    expect(new Set(primeros.map((r) => r.status))).toEqual(new Set([200]));
    // 100 simultaneous misses share one read of the stored Brotli variant (and one buffer: every body is whole).
    expect(Object.fromEntries(u.lecturas)).toEqual({ [`comprimido/br/${SHARD}`]: 1 });
    expect(new Set(primeros.map(plano))).toEqual(new Set([JSON.stringify({ entidad: 'x'.repeat(500) })]));
    u.avanzar(365 * 86_400_000);
    await u.pedir(SHARD, 200);
    expect(u.total()).toBe(1);
    // A client without Brotli: one more read (of the Brotli copy, made into gzip here: only Brotli is stored), then
    // none; plain bytes likewise.
    const gzip = await u.pedir(SHARD, 20, 'gzip');
    expect(new Set(gzip.map((r) => desdeUtf8(gunzipSync(r.bytes))))).toEqual(new Set([JSON.stringify({ entidad: 'x'.repeat(500) })]));
    await u.pedir(SHARD, 20, 'gzip');
    const identidad = await u.pedir(SHARD, 20, 'identity');
    expect(new Set(identidad.map(plano))).toEqual(new Set([JSON.stringify({ entidad: 'x'.repeat(500) })]));
    await u.pedir(SHARD, 20, '');
    expect(Object.fromEntries(u.lecturas)).toEqual({ [`comprimido/br/${SHARD}`]: 3 });
    // Another location reads it once too.
    const otra = await ubicacion();
    await otra.pedir(SHARD, 50);
    expect(otra.total()).toBe(1);
  });

  it('reads latest.json once per interval, serving it stale while one background read refreshes it', async () => {
    const u = await ubicacion();
    const uno = await u.pedir(LATEST, 100);
    // One read for the plain bytes serves every encoding.
    await u.pedir(LATEST, 100, 'gzip');
    await u.pedir(LATEST, 100, 'identity');
    expect(u.total()).toBe(1);
    expect(new Set(uno.map(plano))).toEqual(new Set(['{"numero":1}']));
    await env.BUCKET.put(LATEST, JSON.stringify({ numero: 2 }));
    u.avanzar(FRESCO_MS - 1);
    expect(new Set((await u.pedir(LATEST, 100)).map(plano))).toEqual(new Set(['{"numero":1}']));
    expect(u.total()).toBe(1);
    // Stale: the viewers get the stored answer at once, and one read refreshes it behind them.
    u.avanzar(2);
    expect(new Set((await u.pedir(LATEST, 100)).map(plano))).toEqual(new Set(['{"numero":1}']));
    expect(u.total()).toBe(2);
    expect(new Set((await u.pedir(LATEST, 100)).map(plano))).toEqual(new Set(['{"numero":2}']));
    expect(u.total()).toBe(2);
    // Too old to serve (nobody asked for a while): the viewers wait for one read.
    await env.BUCKET.put(LATEST, JSON.stringify({ numero: 3 }));
    u.avanzar(USABLE_MS);
    expect(new Set((await u.pedir(LATEST, 100)).map(plano))).toEqual(new Set(['{"numero":3}']));
    expect(u.total()).toBe(3);
  });

  it('says in Cache-Status (RFC 9211) whether the answer came from this location, a stale copy or R2', async () => {
    const u = await ubicacion();
    const estados = async (ruta: string, n = 1) => new Set((await u.pedir(ruta, n)).map((r) => r.estado));
    expect(await estados(SHARD, 5)).toEqual(new Set(['prep-borde; fwd=miss']));
    expect(await estados(SHARD)).toEqual(new Set(['prep-borde; hit']));
    expect(await estados(LATEST)).toEqual(new Set(['prep-borde; fwd=miss']));
    expect(await estados(LATEST)).toEqual(new Set(['prep-borde; hit']));
    u.avanzar(FRESCO_MS + 1);
    expect(await estados(LATEST)).toEqual(new Set(['prep-borde; hit; fwd=stale']));
    expect(await estados(LATEST)).toEqual(new Set(['prep-borde; hit']));
  });

  it('remembers for an interval that a mutable object does not exist yet, and never that a shard does not', async () => {
    const u = await ubicacion();
    await env.BUCKET.delete(LATEST);
    expect(new Set((await u.pedir(LATEST, 50)).map((r) => r.status))).toEqual(new Set([404]));
    expect(new Set((await u.pedir(LATEST, 50)).map((r) => r.status))).toEqual(new Set([404]));
    expect(u.total()).toBe(1);
    // The first corte is shown as soon as the interval ends: a stale absence is never served.
    await env.BUCKET.put(LATEST, JSON.stringify({ numero: 1 }));
    u.avanzar(FRESCO_MS);
    expect((await u.pedir(LATEST, 50)).map(plano)).toEqual(Array(50).fill('{"numero":1}'));
    expect(u.total()).toBe(2);
    const ausente = `datos/14/GUB/entidad/${'f'.repeat(64)}.json`;
    await u.pedir(ausente, 10);
    await almacenR2(env.BUCKET).put(ausente, utf8('{"tarde":true}'));
    expect((await u.pedir(ausente, 10)).map(plano)).toContain('{"tarde":true}');
  });

  it('compresses the plain bytes itself when there is no Brotli copy (a corte older than the variants)', async () => {
    const u = await ubicacion();
    await env.BUCKET.delete(`comprimido/br/${SHARD}`);
    await env.BUCKET.put(SHARD, JSON.stringify({ entidad: 'x'.repeat(500) }));
    const [r] = await u.pedir(SHARD, 1);
    expect(r!.codificacion).toBe('br');
    expect(plano(r!)).toBe(JSON.stringify({ entidad: 'x'.repeat(500) }));
    await u.pedir(SHARD, 20);
    expect(Object.fromEntries(u.lecturas)).toEqual({ [`comprimido/br/${SHARD}`]: 1, [SHARD]: 1 });
  });

  describe('the pointers follow the corte calendar (their R2 metadata says when the next corte is due)', () => {
    const poner = (numero: number, proximo: string) =>
      env.BUCKET.put(LATEST, JSON.stringify({ numero }), { customMetadata: { [METADATO_PROXIMO_CORTE]: proximo } });
    /** One viewer every `paso` ms for `durante` ms (the first one now); the corte numbers they were served. */
    const sondear = async (u: Awaited<ReturnType<typeof ubicacion>>, durante: number, paso = 1_000) => {
      const vistos: number[] = [];
      for (let t = 0; t < durante; t += paso) {
        const [r] = await u.pedir(LATEST);
        vistos.push((JSON.parse(plano(r!)) as { numero: number }).numero);
        u.avanzar(paso);
      }
      return vistos;
    };

    it('reads a pointer once until its due instant (capped), then every few seconds until the new corte is there', async () => {
      const u = await ubicacion();
      const vence = u.ahora() + 4 * 60_000;
      await poner(1, String(vence));
      // Fresh for TOPE_MS (the due instant is further): one read however many viewers ask.
      await u.pedir(LATEST, 100);
      expect(await sondear(u, TOPE_MS - 1_000)).toEqual(Array((TOPE_MS - 1_000) / 1_000).fill(1));
      expect(u.total()).toBe(1);
      // The cap: one revalidation, then fresh again up to the due instant.
      u.avanzar(1_000);
      await sondear(u, vence - u.ahora());
      expect(u.total()).toBe(2);
      // From the due instant: one read per FRESCO_MS; the cron's corte lands 12 s later and is served within 5 s.
      const vistos = [...(await sondear(u, 12_000))];
      await poner(2, String(vence + 5 * 60_000));
      const escrito = u.ahora();
      vistos.push(...(await sondear(u, 30_000)));
      expect(u.total()).toBeLessThanOrEqual(2 + Math.ceil((escrito + FRESCO_MS - vence) / FRESCO_MS));
      expect(vistos.slice(0, 12)).toEqual(Array(12).fill(1));
      expect(vistos.slice(12 + FRESCO_MS / 1_000 + 1)).toEqual(Array(30 - FRESCO_MS / 1_000 - 1).fill(2));
      // The new pointer's own due instant applies: fresh again, no read for the rest of the half-minute.
      const leidas = u.total();
      await sondear(u, 60_000);
      expect(u.total()).toBe(leidas);
    });

    it('goes back to the cap when no corte comes after the due instant (a turn without changes)', async () => {
      const u = await ubicacion();
      await poner(1, String(u.ahora()));
      await sondear(u, VENTANA_MS);
      const enVentana = u.total();
      expect(enVentana).toBeGreaterThanOrEqual(VENTANA_MS / FRESCO_MS - 1);
      expect(enVentana).toBeLessThanOrEqual(VENTANA_MS / FRESCO_MS + 1);
      await sondear(u, TOPE_MS);
      expect(u.total()).toBeLessThanOrEqual(enVentana + 2);
    });

    it('keeps the notice (no metadata, polled once a minute by each viewer) fresh a minute', async () => {
      const u = await ubicacion();
      const AVISO = 'datos/aviso.json';
      await env.BUCKET.put(AVISO, JSON.stringify({ numero: 1 }));
      for (let t = 0; t < FRESCO_AVISO_MS; t += 5_000, u.avanzar(5_000)) await u.pedir(AVISO, 10);
      expect(u.lecturas.get(AVISO)).toBe(1);
      await u.pedir(AVISO, 10);
      expect(u.lecturas.get(AVISO)).toBe(2);
      await env.BUCKET.delete(AVISO);
    });

    it('without a schedule the cap applies; after the final corte the pointer stays fresh long', async () => {
      const u = await ubicacion();
      await poner(1, 'ninguno');
      await sondear(u, TOPE_MS, 5_000);
      expect(u.total()).toBe(1);
      await poner(2, 'final');
      expect(await sondear(u, 10_000, 5_000)).toEqual([1, 2]);
      expect(u.total()).toBe(2);
      await sondear(u, FINAL_MS - 20_000, 60_000);
      expect(u.total()).toBe(2);
    });
  });
});

describe('simultaneous misses in one isolate (each request builds its answer in its own context)', () => {
  const grupoDe = (clave: string, texto: string) =>
    new Map([[clave, { cuerpo: utf8(texto).buffer as ArrayBuffer, tipo: 'application/json', etag: '"e"', modificado: 0, codificacion: null }]]);

  it("waits for the read in flight without following the reading request's promise", async () => {
    const borde = new CacheBorde({ cache: async () => null, ahora: () => 0 });
    let seguimientos = 0;
    let lecturas = 0;
    // A promise that counts who follows it: only the request that started the read may.
    class Contada<T> extends Promise<T> {
      // biome-ignore lint/suspicious/noThenProperty: counting who follows the promise is what this test is for.
      override then<A = T, B = never>(f?: ((v: T) => A | PromiseLike<A>) | null, r?: ((e: unknown) => B | PromiseLike<B>) | null) {
        seguimientos++;
        return super.then(f, r);
      }
    }
    const l: Lectura = {
      clave: 'k', grupo: 'k', mutable: false,
      leer: () => { lecturas++; return new Contada<Grupo>((listo) => setTimeout(() => listo(grupoDe('k', '{"a":1}')), 30)); },
    };
    const fondo: Promise<unknown>[] = [];
    const respuestas = await Promise.all(Array.from({ length: 20 }, () => borde.obtener(l, (p) => fondo.push(p))));
    await Promise.all(fondo);
    expect(lecturas).toBe(1);
    expect(seguimientos).toBe(1);
    expect(new Set(respuestas.map((o) => desdeUtf8(new Uint8Array(o.r!.cuerpo))))).toEqual(new Set(['{"a":1}']));
  });

  it('reads for itself when the read it waited for failed', async () => {
    const borde = new CacheBorde({ cache: async () => null, ahora: () => 0 });
    let lecturas = 0;
    const l: Lectura = {
      clave: 'k', grupo: 'k', mutable: false,
      leer: () => new Promise<Grupo>((listo, falla) => {
        const n = ++lecturas;
        setTimeout(() => (n === 1 ? falla(new Error('R2 no respondió')) : listo(grupoDe('k', '{"b":2}'))), 20);
      }),
    };
    const [primera, segunda] = await Promise.allSettled([borde.obtener(l, () => {}), borde.obtener(l, () => {})]);
    expect(primera.status).toBe('rejected');
    expect(segunda.status === 'fulfilled' && desdeUtf8(new Uint8Array(segunda.value.r!.cuerpo))).toBe('{"b":2}');
    expect(lecturas).toBe(2);
  });
});
