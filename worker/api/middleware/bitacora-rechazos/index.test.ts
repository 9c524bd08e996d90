/**
 * Refusals without a valid credential, limited per client address before they cost a D1 write (issue 14, defect 1):
 * an anonymous flood from one address leaves a bounded number of chained entries and one counted row, then 429s
 * that write nothing; over-long paths and headers are refused before anything is stored; authenticated requests
 * from that same address are not limited by it.
 */
import { env } from 'cloudflare:workers';
import { beforeAll, describe, expect, it } from 'vitest';
import { direccionNueva, error, llamar, prepararEscenario, type Tokens } from '../../../../test/captura/ayuda.ts';
import { verificarBitacora } from '../../../db/bitacora.ts';
import { MAX_ENCABEZADO, MAX_RUTA } from '../longitudes/index.ts';

// wrangler.toml: LIMITE_RECHAZOS and LIMITE_RECHAZOS_DETALLADOS (per address, 60 s).
const LIMITE = 30;
const DETALLADOS = 10;
const RUTA = '/api/v1/actas/140338B01004';

let t: Tokens;
beforeAll(async () => {
  t = await prepararEscenario();
});

/** The limiters count per clock minute: start well inside one, so a test's requests share a window. */
async function lejosDelCambioDeMinuto() {
  const resta = 60_000 - (Date.now() % 60_000);
  if (resta < 8_000) await new Promise((r) => setTimeout(r, resta + 50));
}

const contar = async (sql: string, ...args: unknown[]) => (await env.DB.prepare(sql).bind(...args).first<{ n: number }>())!.n;
const entradasDe = (ip: string) => contar("SELECT count(*) AS n FROM bitacora WHERE accion = 'RECHAZO' AND json_extract(detalle, '$.ip') = ?", ip);
const totalBitacora = () => contar('SELECT count(*) AS n FROM bitacora');
const totalAgregado = () => contar('SELECT coalesce(sum(n), 0) AS n FROM rechazo_agregado');

describe('refusals per client address', () => {
  it('an anonymous flood: the first few chained, the rest counted once per code, then 429 that writes nothing', async () => {
    await lejosDelCambioDeMinuto();
    const ip = direccionNueva();
    const estados: number[] = [];
    for (let i = 0; i < LIMITE + 15; i++) {
      const r = await llamar('GET', RUTA, { headers: { 'cf-connecting-ip': ip } });
      estados.push(r.status);
      if (r.status === 429) {
        const e = await error(r, 429, 'DEMASIADOS_RECHAZOS');
        expect(Number(r.headers.get('retry-after'))).toBeGreaterThan(0);
        expect(e.details).toEqual({ periodoSegundos: 60 });
      } else await r.body?.cancel();
    }
    expect(estados).toEqual([...Array<number>(LIMITE).fill(401), ...Array<number>(15).fill(429)]);
    expect(await entradasDe(ip)).toBe(DETALLADOS);
    const fila = await env.DB.prepare('SELECT codigo, n FROM rechazo_agregado WHERE direccion = ?').bind(ip).all();
    expect(fila.results).toEqual([{ codigo: 'TOKEN_AUSENTE', n: LIMITE - DETALLADOS }]);
    // Past the limit nothing at all is written.
    const [b, a] = [await totalBitacora(), await totalAgregado()];
    await error(llamar('POST', '/api/v1/acopio', { headers: { 'cf-connecting-ip': ip }, body: { clave: '140338B01004' } }), 429, 'DEMASIADOS_RECHAZOS');
    expect([await totalBitacora(), await totalAgregado()]).toEqual([b, a]);
    expect(await verificarBitacora(env.DB)).toMatchObject({ ok: true });
  });

  it('another address is not affected by the first one’s flood', async () => {
    const ip = direccionNueva();
    await error(llamar('GET', RUTA, { headers: { 'cf-connecting-ip': ip } }), 401, 'TOKEN_AUSENTE');
    expect(await entradasDe(ip)).toBe(1);
  });

  it('authenticated requests from an address over its refusal limit are not limited by it', async () => {
    await lejosDelCambioDeMinuto();
    const ip = direccionNueva();
    for (let i = 0; i <= LIMITE; i++) await (await llamar('GET', RUTA, { headers: { 'cf-connecting-ip': ip } })).body?.cancel();
    await error(llamar('GET', RUTA, { headers: { 'cf-connecting-ip': ip } }), 429, 'DEMASIADOS_RECHAZOS');
    // A CATD's desks behind that one address keep working, each with its own token.
    for (let i = 0; i < LIMITE + 5; i++) {
      const op = i % 2 === 0 ? 'd01-cap1' : 'd01-ver';
      expect((await llamar('GET', RUTA, { token: t[op], headers: { 'cf-connecting-ip': ip } })).status).toBe(200);
    }
    // A 403 of an authenticated operator is still one chained entry each, whatever its address did.
    const antes = await totalBitacora();
    await error(llamar('GET', '/api/v1/actas/140338B01004', { token: t['d02-cap1'], headers: { 'cf-connecting-ip': ip } }), 403, 'ACTA_FUERA_DE_ALCANCE');
    expect(await totalBitacora()).toBe(antes + 1);
  });

  it('a spoofed, invalid CF-Connecting-IP is not recorded as given', async () => {
    const basura = `<script>${'x'.repeat(100)}`;
    await error(llamar('GET', RUTA, { headers: { 'cf-connecting-ip': basura } }), 401, 'TOKEN_AUSENTE');
    const e = await env.DB.prepare("SELECT detalle FROM bitacora WHERE accion = 'RECHAZO' ORDER BY id DESC LIMIT 1").first<{ detalle: string }>();
    expect(JSON.parse(e!.detalle).ip).toBeNull();
    expect(e!.detalle).not.toContain('script');
  });
});

describe('lengths', () => {
  it('a path over the cap: 414 in the error shape, and nothing stored', async () => {
    const [b, a] = [await totalBitacora(), await totalAgregado()];
    for (const ruta of [`/api/v1/actas/${'A'.repeat(60_000)}`, `/api/v1/actas/140338B01004?x=${'a'.repeat(MAX_RUTA)}`, `/datos/${'a'.repeat(MAX_RUTA)}`]) {
      await error(llamar('GET', ruta), 414, 'RUTA_DEMASIADO_LARGA');
    }
    expect([await totalBitacora(), await totalAgregado()]).toEqual([b, a]);
    // Just under the cap the request is judged as any other (here: no token).
    const justa = `/api/v1/actas/${'A'.repeat(MAX_RUTA - '/api/v1/actas/'.length)}`;
    await error(llamar('GET', justa), 401, 'TOKEN_AUSENTE');
    const e = await env.DB.prepare("SELECT acta, detalle FROM bitacora WHERE accion = 'RECHAZO' ORDER BY id DESC LIMIT 1").first<{ acta: string | null; detalle: string }>();
    // What an entry keeps of a client-written path is short: no clave-shaped acta, a truncated route.
    expect(e!.acta).toBeNull();
    expect(e!.detalle.length).toBeLessThan(600);
  });

  it('headers over the cap: 431, and nothing stored', async () => {
    const [b, a] = [await totalBitacora(), await totalAgregado()];
    await error(llamar('GET', RUTA, { headers: { 'x-relleno': 'a'.repeat(MAX_ENCABEZADO) } }), 431, 'ENCABEZADOS_DEMASIADO_GRANDES');
    const muchos = Object.fromEntries(Array.from({ length: 8 }, (_, i) => [`x-relleno-${i}`, 'a'.repeat(MAX_ENCABEZADO - 20)]));
    await error(llamar('GET', RUTA, { token: t['d01-cap1'], headers: muchos }), 431, 'ENCABEZADOS_DEMASIADO_GRANDES');
    expect([await totalBitacora(), await totalAgregado()]).toEqual([b, a]);
    expect((await llamar('GET', RUTA, { token: t['d01-cap1'], headers: { 'x-relleno': 'a'.repeat(1000) } })).status).toBe(200);
  });
});
