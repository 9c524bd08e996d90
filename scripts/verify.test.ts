import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { construirModelo } from '../worker/domain/corte/modelo.ts';
import { publicarEnMemoria } from '../test/ejemplos/publicacion-memoria.ts';
import { ManifiestoSchema, PunteroSchema } from '../worker/domain/corte/shards.ts';
import { FIXTURE_APERTURA_MS, fixtureActas, catalogoEjemplo } from '../test/ejemplos/eleccion.ts';
import { main } from './verify.ts';
import { aFila, PUNTA_VACIA, sellar, type FilaBitacora } from '../worker/domain/bitacora/cadena.ts';

const temporales: string[] = [];
let publicado: Map<string, Uint8Array>;

function carpeta(): string {
  const d = mkdtempSync(path.join(os.tmpdir(), 'prep-verify-'));
  temporales.push(d);
  return d;
}

async function volcar(objetos: Map<string, Uint8Array>): Promise<string> {
  const d = carpeta();
  for (const [ruta, bytes] of objetos) {
    const destino = path.join(d, ...ruta.split('/'));
    await mkdir(path.dirname(destino), { recursive: true });
    await writeFile(destino, bytes);
  }
  return d;
}

async function correr(args: string[], pedir?: typeof fetch): Promise<{ codigo: number; salida: string }> {
  const lineas: string[] = [];
  const codigo = await main(args, (l) => lineas.push(l), pedir);
  return { codigo, salida: lineas.join('\n') };
}

beforeAll(async () => {
  const m = construirModelo(catalogoEjemplo);
  if (!m.ok) throw new Error('modelo');
  const actas = fixtureActas.map((f) => f.acta);
  publicado = await publicarEnMemoria(m.value, [
    { actas: actas.slice(0, 12), instante: FIXTURE_APERTURA_MS },
    { actas: actas.slice(12), instante: FIXTURE_APERTURA_MS + 5 * 60_000 },
  ]);
});

afterAll(() => {
  for (const d of temporales) rmSync(d, { recursive: true, force: true });
});

describe('npm run verify', () => {
  it('passes on a saved corte folder and exits 0', async () => {
    const r = await correr([await volcar(publicado)]);
    expect(r.codigo).toBe(0);
    expect(r.salida).toContain('✓ shards');
    expect(r.salida).toContain('TODO COINCIDE');
  });

  it('exits 1 naming a tampered shard', async () => {
    const d = await volcar(publicado);
    const puntero = PunteroSchema.parse(JSON.parse(new TextDecoder().decode(publicado.get('datos/latest.json')!)));
    const m = ManifiestoSchema.parse(JSON.parse(new TextDecoder().decode(publicado.get(puntero.manifiesto.ruta)!)));
    const ruta = path.join(d, ...m.shards.find((s) => s.id === 'GUB/distrito/1')!.ruta.split('/'));
    writeFileSync(ruta, readFileSync(ruta, 'utf8').replace('"ACTAS_ESPERADAS":', '"ACTAS_ESPERADAS": '));
    const r = await correr([d]);
    expect(r.codigo).toBe(1);
    expect(r.salida).toMatch(/PRIMER FALLO: shards: shard GUB\/distrito\/1 .*SHA-256/);
  });

  it('downloads over HTTP, saves with --save, and the saved folder verifies on its own', async () => {
    const pedidas: string[] = [];
    const pedir = (async (url: string | URL | Request) => {
      const ruta = String(url).replace('https://prep.example/', '');
      pedidas.push(ruta);
      const b = publicado.get(ruta);
      return b ? new Response(b as Uint8Array<ArrayBuffer>) : new Response('no', { status: 404 });
    }) as typeof fetch;
    const destino = carpeta();
    const r = await correr(['https://prep.example/', '--save', destino], pedir);
    expect(r.codigo).toBe(0);
    expect(pedidas).toContain('datos/latest.json');
    const otra = await correr([destino]);
    expect(otra.codigo).toBe(0);
    expect(otra.salida).toContain('2 manifiestos encadenados');
  });

  it('exits 1 on a folder without a corte and 2 without a source', async () => {
    expect((await correr([carpeta()])).codigo).toBe(1);
    expect((await correr([])).codigo).toBe(2);
  });

  it('--bitacora reads the local audit log and exits 1 when its newest entries were deleted, naming the tip', async () => {
    const filas: FilaBitacora[] = [];
    let punta = PUNTA_VACIA;
    for (let i = 0; i < 8; i++) {
      const e = await sellar(punta, { at: FIXTURE_APERTURA_MS + i, operador: 'op', token: null, catd: null, accion: 'ACOPIO', acta: null, seq: null, status: 201, detalle: {} });
      filas.push(aFila(e));
      punta = { id: e.id, hash: e.hash };
    }
    const m = construirModelo(catalogoEjemplo);
    if (!m.ok) throw new Error('modelo');
    const conPunta = await publicarEnMemoria(m.value, [{ actas: fixtureActas.map((f) => f.acta), instante: FIXTURE_APERTURA_MS, bitacora: punta }]);
    const d = await volcar(conPunta);
    const pedidos: string[] = [];
    const local = (quedan: number) => (persistTo: string) => {
      pedidos.push(persistTo);
      return async (desde: number, limite: number) => filas.slice(0, quedan).filter((f) => f.id > desde).slice(0, limite);
    };
    const correrCon = async (quedan: number) => {
      const lineas: string[] = [];
      const codigo = await main([d, '--bitacora', '--persist-to', 'estado-local'], (l) => lineas.push(l), fetch, () => {}, local(quedan));
      return { codigo, salida: lineas.join('\n') };
    };
    const intacta = await correrCon(8);
    expect(intacta.codigo).toBe(0);
    expect(intacta.salida).toContain('✓ bitácora: íntegra (8 entradas');
    const truncada = await correrCon(6);
    expect(truncada.codigo).toBe(1);
    expect(truncada.salida).toContain(`PRIMER FALLO: bitácora: la punta registrada por el corte 1 (entrada 8, hash ${punta.hash}) ya no está`);
    expect(pedidos.every((p) => p === path.resolve('estado-local'))).toBe(true);
  });
});
