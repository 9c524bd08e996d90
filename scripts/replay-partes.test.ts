// `npm run replay` of real files with secciones split between two territories (Campeche 2021: 0332 and 0333
// between Champotón and Seybaplaya in AYUN, 0405 between two juntas in JUNTAS; excerpts in
// data/fixtures/prep-real/IEEC-CAMP_2021_geografia with their PROCEDENCIA.md): each part is sent through the real
// API as `CLAVE_ACTA-n`, counted in its own territory, published with the institute's CLAVE_ACTA, and compared
// with its own row of the file.
import path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { ManifiestoSchema, PunteroSchema, TerritorioShardSchema } from '../worker/domain/corte/shards.ts';
import { RAIZ } from './lib/local.ts';
import { main, SALIDA, type Salida } from './replay.ts';

const CAMP = path.join(RAIZ, 'data/fixtures/prep-real/IEEC-CAMP_2021_geografia');

describe('npm run replay of split secciones (IEEC Campeche 2021)', { timeout: 600_000 }, () => {
  const log: string[] = [];
  const error: string[] = [];
  let codigo = -1;
  const vistas: { ayun?: string[][]; seybaplaya?: unknown } = {};

  beforeAll(async () => {
    const out: Salida = { log: (l) => log.push(l), error: (l) => error.push(l) };
    codigo = await main([path.join(CAMP, 'CAMP_AYUN_2021.csv'), path.join(CAMP, 'CAMP_JUNTAS_2021.csv')], out, {
      antesDeParar: async (pila) => {
        const puntero = PunteroSchema.parse(await (await fetch(`${pila.url}/datos/latest.json`)).json());
        const zip = unzipSync(new Uint8Array(await (await fetch(`${pila.url}/${puntero.abiertos.ruta}`)).arrayBuffer()));
        const csv = strFromU8(zip[Object.keys(zip).find((k) => k.endsWith('/AYUN.csv'))!]!).split('\r\n');
        vistas.ayun = csv.slice(4).map((l) => l.split(','));
        const manifiesto = ManifiestoSchema.parse(await (await fetch(`${pila.url}/${puntero.manifiesto.ruta}`)).json());
        const ref = manifiesto.shards.find((s) => s.id === 'AYUN/municipio/13');
        if (ref) vistas.seybaplaya = await (await fetch(`${pila.url}/${ref.ruta}`)).json();
      },
    });
  }, 600_000);

  it('exits 0: every part sent, published and equal to its row (ours follows REGLAS everywhere)', () => {
    expect(codigo, [...error, ...log].join('\n')).toBe(SALIDA.COINCIDE);
    expect(error.join('\n')).toMatch(/0332 B 01 00 aparece otra vez en el archivo .*: es la parte 2 de su acta/);
  });

  it('publishes each part with the institute’s CLAVE_ACTA, its own municipio and lista nominal, after its part 1', () => {
    const [cab, ...filas] = vistas.ayun!;
    const col = (f: string[], c: string) => f[cab!.indexOf(c)];
    const de332 = filas.filter((f) => col(f, 'CLAVE_ACTA') === "'040332B01002");
    expect(de332.map((f) => [col(f, 'ID_MUNICIPIO'), col(f, 'LISTA_NOMINAL')])).toEqual([['4', '512'], ['13', '4']]);
    expect(filas.indexOf(de332[1]!)).toBe(filas.indexOf(de332[0]!) + 1);
  });

  it('counts a part in its own municipio: Seybaplaya’s AYUN shard lists sección 332 with the part’s figures', () => {
    const s = TerritorioShardSchema.parse(vistas.seybaplaya);
    expect(s.secciones.map(([id]) => id)).toEqual(expect.arrayContaining([320, 332, 333]));
  });
});
