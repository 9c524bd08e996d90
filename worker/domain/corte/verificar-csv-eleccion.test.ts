import { beforeAll, describe, expect, it } from 'vitest';
import { FIXTURE_APERTURA_MS, fixtureActas, catalogoEjemplo } from '../../../test/ejemplos/eleccion.ts';
import { publicarEnMemoria } from '../../../test/ejemplos/publicacion-memoria.ts';
import { RUTA_LATEST_RAIZ } from '../contrato/index.ts';
import { desdeUtf8, sha256Hex, utf8 } from './bytes.ts';
import { construirModelo } from './modelo.ts';
import { ManifiestoSchema, PunteroSchema, type Manifiesto } from './shards.ts';
import { comprobarCsvPorEleccion } from './verificar-csv-eleccion.ts';
import { verificarCorte } from './verificar.ts';

let publicado: Map<string, Uint8Array>;
let m: Manifiesto;

beforeAll(async () => {
  const modelo = construirModelo(catalogoEjemplo);
  if (!modelo.ok) throw new Error('modelo');
  const actas = fixtureActas.map((f) => f.acta);
  publicado = await publicarEnMemoria(modelo.value, [
    { actas: actas.slice(0, 9), instante: FIXTURE_APERTURA_MS },
    { actas: actas.slice(9), instante: FIXTURE_APERTURA_MS + 5 * 60_000 },
  ]);
  const p = PunteroSchema.parse(JSON.parse(desdeUtf8(publicado.get(RUTA_LATEST_RAIZ)!)));
  m = ManifiestoSchema.parse(JSON.parse(desdeUtf8(publicado.get(p.manifiesto.ruta)!)));
});

const leer = (o: Map<string, Uint8Array>) => async (ruta: string) => o.get(ruta) ?? null;

describe("npm run verify: each election's CSVs at their own URLs", () => {
  it('pass on an untouched corte, inside the whole verification', async () => {
    expect(await comprobarCsvPorEleccion(leer(publicado), m)).toEqual({ ok: true, detalle: expect.stringContaining('3 elecciones') });
    const informe = await verificarCorte({ leer: leer(publicado) });
    expect(informe.comprobaciones.find((c) => c.que.startsWith('datos abiertos por elección'))?.ok).toBe(true);
    expect(informe.ok).toBe(true);
  });

  it('fail on a tidy file that says something else, even with its hash redone in the manifest', async () => {
    const o = new Map(publicado);
    const gub = m.csv!.find((c) => c.codigo === 'GUB')!;
    const texto = desdeUtf8(o.get(gub.ordenado.ruta)!);
    const alterado = utf8(texto.replace(/,Jalisco,1,/, ',Jalisco,2,'));
    expect(desdeUtf8(alterado)).not.toBe(texto);
    o.set(gub.ordenado.ruta, alterado);
    const sha256 = await sha256Hex(alterado);
    const rehecho: Manifiesto = { ...m, csv: m.csv!.map((c) => (c === gub ? { ...c, ordenado: { ...c.ordenado, sha256, bytes: alterado.length } } : c)) };
    const r = await comprobarCsvPorEleccion(leer(o), rehecho);
    expect(r).toEqual({ ok: false, detalle: `${gub.ordenado.ruta}: no dice lo mismo que ${gub.resultados.ruta}` });
    // Without the hash redone, the hash says it.
    expect((await comprobarCsvPorEleccion(leer(o), m)).detalle).toContain('SHA-256');
  });

  it('fail on a missing file and on an INE file that is not the zip entry', async () => {
    const o = new Map(publicado);
    const ayun = m.csv!.find((c) => c.codigo === 'AYUN')!;
    o.delete(ayun.resultados.ruta);
    expect(await comprobarCsvPorEleccion(leer(o), m)).toEqual({ ok: false, detalle: `${ayun.resultados.ruta}: no existe` });
    const otro = { ...m, csv: m.csv!.map((c) => (c.codigo === 'AYUN' ? { ...c, resultados: m.csv![0]!.resultados } : c)) };
    expect((await comprobarCsvPorEleccion(leer(publicado), otro)).detalle).toContain('no es el AYUN.csv del zip');
  });

  it('read a manifest published before these files (no csv) and say so', async () => {
    const { csv: _, ...antiguo } = m;
    expect(ManifiestoSchema.parse(antiguo)).toEqual(antiguo);
    expect(await comprobarCsvPorEleccion(leer(publicado), antiguo)).toEqual({ ok: true, detalle: expect.stringContaining('antes') });
  });
});
