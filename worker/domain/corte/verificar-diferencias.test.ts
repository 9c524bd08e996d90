import { unzipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { catalogoEjemplo, FIXTURE_APERTURA_MS, fixtureActas } from '../../../test/ejemplos/eleccion.ts';
import { publicarEnMemoria } from '../../../test/ejemplos/publicacion-memoria.ts';
import { RUTA_LATEST_RAIZ, rutaDiferencias, rutaManifiesto, type DiferenciasEleccion } from '../contrato/index.ts';
import { desdeUtf8, sha256Hex, utf8 } from './bytes.ts';
import { construirModelo } from './modelo.ts';
import { DiferenciasSchema, ManifiestoSchema, PunteroSchema } from './shards.ts';
import { compararDiferencias } from './verificar-diferencias.ts';
import { verificarCorte } from './verificar.ts';

let gub: DiferenciasEleccion;
let nombre: string;
let csv: Uint8Array;

beforeAll(async () => {
  const m = construirModelo(catalogoEjemplo);
  if (!m.ok) throw new Error('modelo');
  const actas = fixtureActas.map((f) => f.acta);
  const o = await publicarEnMemoria(m.value, [
    { actas: actas.slice(0, 10), instante: FIXTURE_APERTURA_MS },
    { actas: actas.slice(10), instante: FIXTURE_APERTURA_MS + 5 * 60_000 },
  ]);
  const leer = (ruta: string) => JSON.parse(desdeUtf8(o.get(ruta)!)) as unknown;
  const man = ManifiestoSchema.parse(leer(PunteroSchema.parse(leer(RUTA_LATEST_RAIZ)).manifiesto.ruta));
  gub = DiferenciasSchema.parse(leer(man.diferencias.ruta)).elecciones.find((e) => e.codigo === 'GUB')!;
  const archivos = unzipSync(o.get(man.abiertos.ruta)!);
  nombre = Object.keys(archivos).find((n) => n.endsWith('/GUB.csv'))!;
  csv = archivos[nombre]!;
});

describe("a corte's change feed against its CSV", () => {
  it('agrees line for line with the corte it was published with', () => {
    expect(gub.filas.length).toBeGreaterThan(0);
    expect(gub.fueraCatalogo).not.toBeNull();
    expect(compararDiferencias(gub, nombre, csv)).toBeNull();
  });

  it('names a row, a summary, a corte line or fuera de catálogo rows that are not the CSV’s', () => {
    const f = gub.filas[0]!;
    expect(compararDiferencias({ ...gub, filas: [{ ...f, fila: `${f.fila}0` }] }, nombre, csv)).toBe(`la fila de ${f.clave} en la diferencia del corte no es ${nombre} línea ${f.indice + 6}`);
    expect(compararDiferencias({ ...gub, filas: [{ ...f, indice: f.indice + 1 }] }, nombre, csv)).toMatch(/^la fila de /);
    expect(compararDiferencias({ ...gub, resumen: `${gub.resumen}0` }, nombre, csv)).toMatch(/otro resumen/);
    expect(compararDiferencias({ ...gub, corte: 'x' }, nombre, csv)).toMatch(/línea 2 dice/);
    expect(compararDiferencias({ ...gub, esperadas: 10_000 }, nombre, csv)).toMatch(/10000 actas esperadas/);
    expect(compararDiferencias({ ...gub, fueraCatalogo: { filas: [], actas: [] } }, nombre, csv)).toMatch(/fuera de catálogo/);
    expect(compararDiferencias(gub, nombre, utf8('a\r\nb\r\n'))).toMatch(/líneas de cabecera/);
  });
});

describe('npm run verify on a forged change feed', () => {
  it('names the row when the diff carries another row than the CSV, with every hash above it redone', async () => {
    const m = construirModelo(catalogoEjemplo);
    if (!m.ok) throw new Error('modelo');
    const actas = fixtureActas.map((f) => f.acta);
    const o = await publicarEnMemoria(m.value, [{ actas, instante: FIXTURE_APERTURA_MS }]);
    const leer = (ruta: string) => JSON.parse(desdeUtf8(o.get(ruta)!)) as unknown;
    const p = PunteroSchema.parse(leer(RUTA_LATEST_RAIZ));
    const man = ManifiestoSchema.parse(leer(p.manifiesto.ruta));
    const d = DiferenciasSchema.parse(leer(man.diferencias.ruta));
    const e = d.elecciones.find((x) => x.codigo === 'GUB')!;
    const f = e.filas[0]!;
    e.filas[0] = { ...f, fila: f.fila.replace(/,(\d+),/, (_, n: string) => `,${Number(n) + 10},`) };
    const dif = utf8(JSON.stringify(d));
    const ruta = rutaDiferencias(14, await sha256Hex(dif));
    o.set(ruta, dif);
    const nuevo = utf8(JSON.stringify({ ...man, diferencias: { ruta, sha256: await sha256Hex(dif), bytes: dif.length } }));
    const sha = await sha256Hex(nuevo);
    o.set(rutaManifiesto(14, sha), nuevo);
    o.set(RUTA_LATEST_RAIZ, utf8(JSON.stringify({ ...p, manifiesto: { ruta: rutaManifiesto(14, sha), sha256: sha }, diferencias: ruta })));
    const informe = await verificarCorte({ leer: async (r) => o.get(r) ?? null });
    expect(informe.primerFallo?.que).toMatch(/^CSV .*\/GUB\.csv$/);
    expect(informe.primerFallo?.detalle).toBe(`la fila de ${f.clave} en la diferencia del corte no es ${informe.primerFallo!.que.slice(4)} línea ${f.indice + 6}`);
  });
});
