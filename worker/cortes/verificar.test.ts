/**
 * The verifier (the logic `npm run verify` runs) on cortes really published by the corte job into R2, then on
 * the same objects tampered with in R2.
 */
import { env } from 'cloudflare:workers';
import { unzipSync, zipSync } from 'fflate';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { desdeUtf8, utf8 } from '../domain/corte/bytes.ts';
import { ManifiestoSchema, PunteroSchema, type Manifiesto, type Puntero } from '../domain/corte/shards.ts';
import { verificarCorte, type Fuente } from '../domain/corte/verificar.ts';
import { FIXTURE_APERTURA_MS, fixtureActas } from '../../test/ejemplos/eleccion.ts';
import { almacenR2 } from './almacen.ts';
import { cargarFixture, leerJson, registrarEnLog, reiniciar } from '../../test/cortes/prueba.ts';
import { ejecutarCorte } from './publicar.ts';

/** What verify reads: each published key's plain bytes (a JSON shard is stored as its Brotli copy, almacen.ts). */
const almacen = almacenR2(env.BUCKET);
const r2: Fuente = {
  async leer(ruta) {
    return (await almacen.get(ruta))?.bytes ?? null;
  },
};

/** Every stored object of the publication (as stored), to restore R2 between tamperings. */
const copia = new Map<string, Uint8Array>();
let puntero: Puntero;
let manifiesto: Manifiesto;

beforeAll(async () => {
  await reiniciar();
  await cargarFixture();
  const actas = fixtureActas.map((f) => f.acta);
  const deps = { db: env.DB, almacen, bitacora: () => {} };
  for (const [i, lote] of [actas.slice(0, 8), actas.slice(8, 16), actas.slice(16)].entries()) {
    await registrarEnLog(lote);
    await ejecutarCorte(deps, { instante: FIXTURE_APERTURA_MS + i * 5 * 60_000, final: false, motivo: 'programado', turno: null });
  }
  for (const o of (await env.BUCKET.list({ limit: 1000 })).objects) copia.set(o.key, new Uint8Array(await (await env.BUCKET.get(o.key))!.arrayBuffer()));
  puntero = PunteroSchema.parse(await leerJson('datos/latest.json'));
  manifiesto = ManifiestoSchema.parse(await leerJson(puntero.manifiesto.ruta));
});

beforeEach(async () => {
  for (const [k, v] of copia) await env.BUCKET.put(k, v);
});

describe('verify on cortes published to R2', () => {
  it('passes on the real publication: 3 cortes, every hash, every summary figure', async () => {
    const informe = await verificarCorte(r2);
    expect(informe.primerFallo).toBeNull();
    expect(informe.comprobaciones.filter((c) => c.que.startsWith('CSV '))).toHaveLength(3);
    expect(informe.comprobaciones.at(-1)!.detalle).toContain('3 manifiestos encadenados');
  });

  it('fails on a tampered shard, naming it', async () => {
    const s = manifiesto.shards.find((x) => x.id === 'AYUN/municipio/120')!;
    const original = (await almacen.get(s.ruta))!.bytes;
    await almacen.put(s.ruta, utf8(desdeUtf8(original).replace('"ACTAS_ESPERADAS":5', '"ACTAS_ESPERADAS":6')));
    const informe = await verificarCorte(r2);
    expect(informe.primerFallo).toMatchObject({ que: 'shards' });
    expect(informe.primerFallo!.detalle).toContain('shard AYUN/municipio/120');
  });

  it('fails on a tampered CSV row, naming the row', async () => {
    const archivos = unzipSync(copia.get(manifiesto.abiertos.ruta)!);
    const nombre = Object.keys(archivos).find((n) => n.endsWith('/DIP_LOC.csv'))!;
    const lineas = desdeUtf8(archivos[nombre]!).split('\r\n');
    const i = lineas.findIndex((l) => l.startsWith("'140339B0100,'140339B01005,"));
    lineas[i] = lineas[i]!.replace(',80,50,10,', ',90,50,10,');
    archivos[nombre] = utf8(lineas.join('\r\n')) as Uint8Array<ArrayBuffer>;
    await env.BUCKET.put(manifiesto.abiertos.ruta, zipSync(archivos));
    const informe = await verificarCorte(r2);
    expect(informe.ok).toBe(false);
    const csv = informe.comprobaciones.find((c) => c.que.endsWith('/DIP_LOC.csv'))!;
    expect(csv.ok).toBe(false);
    expect(csv.detalle).toMatch(/línea \d+ \(CLAVE_ACTA '140339B01005\)/);
  });

  it('fails on a broken chain, naming the manifest', async () => {
    const m2 = ManifiestoSchema.parse(await leerJson(manifiesto.anterior!.ruta));
    const ruta1 = m2.anterior!.ruta;
    const m1 = ManifiestoSchema.parse(await leerJson(ruta1));
    await almacen.put(ruta1, utf8(JSON.stringify({ ...m1, instante: m1.instante + 1 })));
    const informe = await verificarCorte(r2);
    expect(informe.primerFallo).toMatchObject({ que: 'cadena de manifiestos' });
    expect(informe.primerFallo!.detalle).toContain('manifiesto del corte 1');
  });
});
