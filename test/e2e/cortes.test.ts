/**
 * End to end: `wrangler dev` (workerd, local D1 and R2) with the fixture catalogue and its actas in the
 * publication log; the cron (`/__scheduled`) publishes a corte; the public routes serve it over HTTP; and
 * `npm run verify` (scripts/verify.ts) downloads it, verifies it and saves it to a folder that verifies too;
 * `npm run vigia` (scripts/vigia.ts) watches it from outside and calls its webhook when the cortes stall.
 */
import { mkdtempSync, rmSync, } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { createServer, get as getHttp } from 'node:http';
import type { AddressInfo } from 'node:net';
import { main } from '../../scripts/verify.ts';
import { main as vigia } from '../../scripts/vigia.ts';
import { pythonConPandas, sinPandas } from '../ejemplos/python-pandas.ts';
import { rscript, sinR } from '../ejemplos/rscript.ts';
import { recetaPandas, recetaR, type Puntero } from '../../worker/domain/contrato/index.ts';
import type { Pila } from './lib/pila.ts';
import { pilaConCorteDelCron } from './lib/pila-ejemplo.ts';

const dir = mkdtempSync(path.join(tmpdir(), 'prep-e2e-cortes-'));
let pila: Pila;

beforeAll(async () => {
  pila = await pilaConCorteDelCron(dir);
}, 240_000);

afterAll(async () => {
  await pila?.parar();
  rmSync(dir, { recursive: true, force: true });
});

describe('a corte published by the cron, over HTTP', () => {
  it('serves latest gzip-compressed with CORS, an ETag and 304', async () => {
    const r = await fetch(`${pila.url}/datos/latest.json`, { headers: { 'accept-encoding': 'gzip' } });
    expect(r.status).toBe(200);
    expect(r.headers.get('content-encoding')).toBe('gzip');
    expect(r.headers.get('access-control-allow-origin')).toBe('*');
    expect(r.headers.get('cache-control')).toBe('public, max-age=10, must-revalidate');
    expect(((await r.json()) as { numero: number }).numero).toBe(1);
    const otra = await fetch(`${pila.url}/datos/latest.json`, { headers: { 'if-none-match': r.headers.get('etag')! } });
    expect(otra.status).toBe(304);
  });

  it('npm run verify passes on it, and on the folder it saves', async () => {
    const lineas: string[] = [];
    const guardado = path.join(dir, 'guardado');
    expect(await main([pila.url, '--save', guardado], (l) => lineas.push(l))).toBe(0);
    expect(lineas.at(-1)).toContain('TODO COINCIDE');
    expect(lineas.filter((l) => l.startsWith('✓ CSV '))).toHaveLength(3);
    expect(await main([guardado], () => {})).toBe(0);
  }, 60_000);
});

/** A GET as curl sends it without --compressed: no Accept-Encoding header at all (node:http adds none). */
function sinCompresion(url: string): Promise<{ headers: Record<string, string | string[] | undefined>; cuerpo: Buffer }> {
  return new Promise((resolve, reject) => {
    getHttp(url, (res) => {
      const partes: Buffer[] = [];
      res.on('data', (c: Buffer) => partes.push(c));
      res.on('end', () => resolve({ headers: res.headers, cuerpo: Buffer.concat(partes) }));
    }).on('error', reject);
  });
}

describe("each election's CSVs over HTTP, as a newsroom reads them", () => {
  it('are plain bytes to a client that asks for no compression, and pandas loads them with the recipe as written', async () => {
    const p = (await (await fetch(`${pila.url}/datos/14/latest.json`)).json()) as Puntero;
    for (const e of p.elecciones) {
      for (const ruta of [e.csv!.resultados, e.csv!.ordenado]) {
        const r = await sinCompresion(`${pila.url}/${ruta}`);
        expect(r.headers['content-encoding']).toBeUndefined();
        expect(r.headers['content-type']).toBe('text/csv; charset=utf-8');
        expect(Number(r.headers['content-length'])).toBe(r.cuerpo.length);
        expect(r.cuerpo.toString('utf8')).toMatch(ruta === e.csv!.ordenado ? /^CLAVE_CASILLA,CLAVE_ACTA,/ : new RegExp(`^\uFEFF${e.nombre}\r\n`));
      }
    }
    const python = pythonConPandas();
    if (python === null) return sinPandas('cortes.test.ts');
    const script = `${recetaPandas({ base: pila.url, entidad: 14, eleccion: 'GUB' })}\nprint(len(df), int(df[df["CONTABILIZADA"] == 1]["TOTAL_VOTOS_CALCULADO"].sum()))`;
    const r = spawnSync(python, ['-c', script], { encoding: 'utf8' });
    expect(r.stderr).toBe('');
    const gub = (await (await fetch(`${pila.url}/${p.elecciones.find((e) => e.codigo === 'GUB')!.ruta}`)).json()) as { resultados: { figuras: Record<string, number> } };
    const f = gub.resultados.figuras;
    expect(r.stdout.trim()).toBe(`${f.ACTAS_ESPERADAS! + f.ACTAS_FUERA_CATALOGO!} ${f.TOTAL_VOTOS_C_CS}`);
    // Base R reads them over HTTP too with its recipe as written (r.test.ts checks every sum of both layouts).
    const rscriptBin = rscript();
    if (rscriptBin === null) return sinR('cortes.test.ts');
    const programa = `${recetaR({ base: pila.url, entidad: 14, eleccion: 'GUB' })}\ncat(nrow(df), sum(subset(df, CONTABILIZADA == 1)$TOTAL_VOTOS_CALCULADO))`;
    const enR = spawnSync(rscriptBin, ['--vanilla', '-e', programa], { encoding: 'utf8' });
    expect(enR.stderr).toBe('');
    expect(enR.stdout.trim()).toBe(`${f.ACTAS_ESPERADAS! + f.ACTAS_FUERA_CATALOGO!} ${f.TOTAL_VOTOS_C_CS}`);
  }, 60_000);
});

/** A webhook receiver: the avisos it was sent, as parsed JSON. */
async function receptor(): Promise<{ url: string; avisos: unknown[]; cerrar: () => void }> {
  const avisos: unknown[] = [];
  const servidor = createServer((req, res) => {
    let cuerpo = '';
    req.on('data', (c) => (cuerpo += c));
    req.on('end', () => {
      avisos.push(JSON.parse(cuerpo));
      res.end();
    });
  });
  await new Promise<void>((listo) => servidor.listen(0, '127.0.0.1', listo));
  return { url: `http://127.0.0.1:${(servidor.address() as AddressInfo).port}/aviso`, avisos, cerrar: () => servidor.close() };
}

describe('npm run vigia, from outside', () => {
  it('finds the night alive, calls the webhook when the corte is older than allowed, and when the Worker is gone', async () => {
    const r = await receptor();
    try {
      expect(await vigia([pila.url, '--una-vez', '--webhook', r.url])).toBe(0);
      expect(r.avisos).toEqual([]);
      expect(await vigia([pila.url, '--una-vez', '--webhook', r.url, '--max-edad-min', '0.0001'])).toBe(1);
      expect(r.avisos).toEqual([expect.objectContaining({ fuente: 'prep-vigia', estado: 'alerta', problemas: [expect.objectContaining({ codigo: 'CORTES_DETENIDOS' })] })]);
      // Port 9 (discard) on loopback: nothing listens, as when the Worker is down.
      expect(await vigia(['http://127.0.0.1:9', '--una-vez', '--webhook', r.url, '--limite-s', '2'])).toBe(1);
      expect((r.avisos[1] as { problemas: { codigo: string }[] }).problemas.map((p) => p.codigo)).toEqual(['PUBLICACION_ILEGIBLE', 'WORKER_SIN_RESPUESTA']);
    } finally {
      r.cerrar();
    }
  }, 30_000);
});
