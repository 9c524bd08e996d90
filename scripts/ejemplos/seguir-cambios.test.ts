import { unzipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { catalogoEjemplo, FIXTURE_APERTURA_MS, fixtureActas } from '../../test/ejemplos/eleccion.ts';
import { publicarEnMemoria, type CorteDePrueba } from '../../test/ejemplos/publicacion-memoria.ts';
import { RUTA_LATEST_RAIZ, type Puntero } from '../../worker/domain/contrato/index.ts';
import { desdeUtf8 } from '../../worker/domain/corte/bytes.ts';
import { construirModelo, type CorteModelo } from '../../worker/domain/corte/modelo.ts';
import { seguir, type Carpeta, type Pedir } from './seguir-cambios.ts';

const actas = fixtureActas.map((f) => f.acta);
const CORTES: CorteDePrueba[] = [
  { actas: actas.slice(0, 6), instante: FIXTURE_APERTURA_MS },
  { actas: actas.slice(6, 12), instante: FIXTURE_APERTURA_MS + 5 * 60_000 },
  { actas: actas.slice(12), instante: FIXTURE_APERTURA_MS + 10 * 60_000 },
  // A correction of an acta already published.
  { actas: [{ ...actas[0]!, cotejada: 1 }], instante: FIXTURE_APERTURA_MS + 15 * 60_000, final: true },
];
let modelo: CorteModelo;

beforeAll(() => {
  const m = construirModelo(catalogoEjemplo);
  if (!m.ok) throw new Error('modelo');
  modelo = m.value;
});

/** The publication after its first `n` cortes, and what each GET asked for. */
async function publicacion(n: number): Promise<{ pedir: Pedir; pedidas: string[]; objetos: Map<string, Uint8Array> }> {
  const objetos = await publicarEnMemoria(modelo, CORTES.slice(0, n));
  const pedidas: string[] = [];
  const pedir: Pedir = async (ruta) => {
    pedidas.push(ruta);
    const b = objetos.get(ruta);
    if (b === undefined) throw new Error(`GET ${ruta}: HTTP 404`);
    return b;
  };
  return { pedir, pedidas, objetos };
}

function carpetaEnMemoria(): Carpeta & { archivos: Map<string, string> } {
  const archivos = new Map<string, string>();
  return { archivos, leer: async (n) => archivos.get(n) ?? null, escribir: async (n, t) => void archivos.set(n, t) };
}

/** The results CSVs of the newest corte's zip, by election. */
function csvDelZip(objetos: Map<string, Uint8Array>): Map<string, string> {
  const p = JSON.parse(desdeUtf8(objetos.get(RUTA_LATEST_RAIZ)!)) as Puntero;
  const r = new Map<string, string>();
  for (const [n, b] of Object.entries(unzipSync(objetos.get(p.abiertos.ruta)!))) {
    const codigo = n.split('/').at(-1)!.replace(/\.csv$/, '');
    if (p.elecciones.some((e) => e.codigo === codigo)) r.set(`${codigo}.csv`, desdeUtf8(b));
  }
  return r;
}

describe('seguir-cambios (example for newsrooms): a local CSV kept up to date from the change feed', () => {
  it('starts from the zip, then follows the diffs of every corte since the one it saw, ending byte for byte at the newest CSVs', async () => {
    const carpeta = carpetaEnMemoria();
    const primero = await publicacion(1);
    const l1 = await seguir(primero.pedir, carpeta);
    expect(l1[0]).toMatch(/^copia completa del corte 1 /);
    expect(primero.pedidas.some((r) => r.includes('/abiertos/'))).toBe(true);

    const cuarto = await publicacion(4);
    const l4 = await seguir(cuarto.pedir, carpeta);
    // Three diffs, no zip.
    expect(cuarto.pedidas.filter((r) => r.includes('/abiertos/'))).toEqual([]);
    expect(cuarto.pedidas.filter((r) => r.includes('/diferencias/'))).toHaveLength(3);
    expect(l4.slice(0, 3).map((l) => l.split(':')[0])).toEqual(['corte 2', 'corte 3', 'corte 4']);
    expect(l4[2]).toMatch(/GUB 0 nuevas, 1 cambiadas/);
    for (const [nombre, t] of csvDelZip(cuarto.objetos)) expect(carpeta.archivos.get(nombre), nombre).toBe(t);
    expect(await seguir(cuarto.pedir, carpeta)).toEqual([expect.stringMatching(/^sin cambios: la copia está en el corte 4 /)]);
  });

  it('one corte behind (polling every minute), reads the pointer and that corte\'s diff only', async () => {
    const carpeta = carpetaEnMemoria();
    await seguir((await publicacion(2)).pedir, carpeta);
    const tercero = await publicacion(3);
    await seguir(tercero.pedir, carpeta);
    expect(tercero.pedidas.map((r) => r.split('/').slice(0, 3).join('/'))).toEqual([RUTA_LATEST_RAIZ, 'datos/14/diferencias']);
    for (const [nombre, t] of csvDelZip(tercero.objetos)) expect(carpeta.archivos.get(nombre), nombre).toBe(t);
  });

  it('falls back to the zip when a diff does not follow the copy', async () => {
    const carpeta = carpetaEnMemoria();
    await seguir((await publicacion(1)).pedir, carpeta);
    // A copy that claims a corte before the first: corte 1's diff starts from nothing, not from it.
    carpeta.archivos.set('seguimiento.json', carpeta.archivos.get('seguimiento.json')!.replace('"numero":1', '"numero":0'));
    const segundo = await publicacion(2);
    const l = await seguir(segundo.pedir, carpeta);
    expect(l.slice(0, 2)).toEqual([expect.stringMatching(/^corte 1: su diferencia no se puede aplicar a la copia del corte 0; se descarga el zip$/), expect.stringMatching(/^copia completa del corte 2 /)]);
    for (const [nombre, t] of csvDelZip(segundo.objetos)) expect(carpeta.archivos.get(nombre), nombre).toBe(t);
  });

  it('refuses a diff whose bytes are not the SHA-256 in its name', async () => {
    const carpeta = carpetaEnMemoria();
    await seguir((await publicacion(1)).pedir, carpeta);
    const { pedir, objetos } = await publicacion(2);
    const ruta = [...objetos.keys()].find((k) => k.includes('/diferencias/') && !desdeUtf8(objetos.get(k)!).includes('"anterior":null'))!;
    objetos.set(ruta, new Uint8Array([...objetos.get(ruta)!, 32]));
    await expect(seguir(pedir, carpeta)).rejects.toThrow(/SHA-256/);
  });
});
