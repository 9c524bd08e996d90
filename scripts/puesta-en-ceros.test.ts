// `npm run puesta-en-ceros` on temporary local D1s: refuses a database with anything of the night in it (changing
// nothing), records itself as entry 1 of the audit chain with the hashes, refuses a second time; then --cierre.
import { createRequire } from 'node:module';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { verificarCadena, type FilaBitacora } from '../worker/domain/bitacora/cadena.ts';
import { administrar } from '../worker/db/administracion.ts';
import { sentencia } from '../worker/db/sentencia.ts';
import { ejecutorLocal } from './lib/d1-local.ts';
import { RAIZ } from './lib/local.ts';
import { d1Temporal, ejecutar } from './lib/prueba-local.ts';

const dir = mkdtempSync(path.join(os.tmpdir(), 'prep-puesta-'));
const portal = path.join(dir, 'portal');
const IDENTIDAD = { commit: 'a'.repeat(40), workerSha256: 'b'.repeat(64), portalSha256: 'c'.repeat(64) };
const acta = path.join(dir, 'acta.txt');
const fresca = d1Temporal();
const sucia = d1Temporal();
afterAll(() => {
  fresca.borrar();
  sucia.borrar();
  rmSync(dir, { recursive: true, force: true });
});

const puesta = (persistTo: string, ...args: string[]) => ejecutar('puesta-en-ceros.ts', ['--portal', portal, '--salida', acta, ...args], persistTo);
const entradas = (d1: typeof fresca) => d1.consulta<FilaBitacora>('SELECT * FROM bitacora ORDER BY id');

/** Writes one object into the local publication bucket, as the Worker would (wrangler.toml's top-level bucket). */
async function ponerEnR2(persistTo: string, clave: string): Promise<void> {
  const m = createRequire(path.join(RAIZ, 'node_modules/wrangler/package.json'))('miniflare');
  const script = "export default { async fetch(req, env) { await env.BUCKET.put(new URL(req.url).pathname.slice(1), 'x'); return new Response('ok'); } }";
  const mf = new m.Miniflare(m.convertV4MiniflareOptions({ modules: true, script, resourcePersistencePath: path.join(persistTo, 'v3'), r2Buckets: { BUCKET: 'prep-publicacion' } }));
  try {
    expect(await (await mf.dispatchFetch(`http://r2.local/${clave}`)).text()).toBe('ok');
  } finally {
    await mf.dispose();
  }
}

describe('npm run puesta-en-ceros', { timeout: 120_000 }, () => {
  it('refuses without a built portal identity', () => {
    const r = puesta(fresca.persistTo);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/construya primero \(npm run build\)/);
    // That it wrote nothing shows below: the next run's entry is the first.
  });

  it('refuses a database with an acta and an audit entry, naming both and changing nothing', async () => {
    mkdirSync(portal, { recursive: true });
    writeFileSync(path.join(portal, 'identidad.json'), JSON.stringify(IDENTIDAD));
    // One batch: an acta and an audit entry sealed on the empty chain, as the capture API would write them.
    const insercion = sentencia(`INSERT INTO acta (clave, eleccion, esperada, etapa, etapa_desde, cotejada, version, seq, estado)
      SELECT clave_acta, eleccion, 1, 'DIGITALIZACION', 1, 0, 1, 0, '{}' FROM acta_esperada LIMIT 1`);
    await administrar(ejecutorLocal(sucia), [insercion], { operador: 'prueba', accion: 'ACOPIO', acta: null, detalle: {} }, Date.now());
    const r = puesta(sucia.persistTo);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/puesta en ceros rechazada; no se registró nada:\n {2}- actas registradas: 1\n[\s\S]*- entradas en la bitácora: 1 /);
    const despues = sucia.consulta<{ acciones: string; actas: number }>(
      "SELECT (SELECT group_concat(accion, ',') FROM bitacora) AS acciones, (SELECT count(*) FROM acta) AS actas",
    );
    expect(despues).toEqual([{ acciones: 'ACOPIO', actas: 1 }]);
  });

  it('refuses an object in the publication bucket; once it is gone, records itself as the first link of the chain, with the hashes', async () => {
    await ponerEnR2(fresca.persistTo, 'imagenes/prueba');
    const conImagen = puesta(fresca.persistTo);
    expect(conImagen.status).toBe(1);
    expect(conImagen.stderr).toMatch(/- objetos en el R2 de la publicación: 1\n/);
    rmSync(path.join(fresca.persistTo, 'v3', 'r2'), { recursive: true, force: true });
    const r = puesta(fresca.persistTo);
    expect(r.status, r.stderr).toBe(0);
    const [e, ...resto] = entradas(fresca);
    expect(resto).toEqual([]);
    expect(e).toMatchObject({ id: 1, accion: 'PUESTA_EN_CEROS', prev_hash: '0'.repeat(64), operador: 'sistema:puesta-en-ceros' });
    const d = JSON.parse(e!.detalle);
    expect(d.identidad).toEqual(IDENTIDAD);
    expect(d.catalogoSha256).toMatch(/^[0-9a-f]{64}$/);
    expect(d.configuracionSha256).toMatch(/^[0-9a-f]{64}$/);
    expect(d.conteos).toMatchObject({ actas: 0, cortes: 0, bitacora: 0, objetosR2: 0 });
    const texto = readFileSync(acta, 'utf8');
    expect(r.stdout).toContain(texto.trimEnd());
    for (const h of [e!.hash, d.catalogoSha256, d.configuracionSha256, IDENTIDAD.workerSha256]) expect(texto).toContain(h);
    expect(texto).toMatch(/ACTA DE PUESTA EN CEROS DEL PREP {3}\*\*\* SIMULACRO \/ PRUEBA \*\*\*/);
    expect((await verificarCadena(async (desde) => [e!].filter((f) => f.id > desde), 100)).ok).toBe(true);
  });

  it('refuses a second puesta en ceros; --cierre records the closing once', () => {
    const otra = puesta(fresca.persistTo);
    expect(otra.status).toBe(1);
    expect(otra.stderr).toMatch(/la puesta en ceros ya se hizo \(entrada 1 de la bitácora\)/);
    const c = puesta(fresca.persistTo, '--cierre');
    expect(c.status, c.stderr).toBe(0);
    const todas = entradas(fresca);
    expect(todas.map((e) => e.accion)).toEqual(['PUESTA_EN_CEROS', 'CIERRE']);
    const d = JSON.parse(todas[1]!.detalle);
    expect(d).toMatchObject({ puesta: { id: 1, hash: todas[0]!.hash }, mismaIdentidad: true, cortes: 0, cadena: { integra: true, entradas: 1, puntaHash: todas[0]!.hash } });
    expect(todas[1]!.prev_hash).toBe(todas[0]!.hash);
    expect(readFileSync(acta, 'utf8')).toMatch(/ACTA DE CIERRE DEL PREP[\s\S]*Cadena de hashes: +íntegra/);
    const otro = puesta(fresca.persistTo, '--cierre');
    expect(otro.status).toBe(1);
    expect(otro.stderr).toMatch(/el cierre ya se registró \(entrada 2 de la bitácora\)/);
  });
});
