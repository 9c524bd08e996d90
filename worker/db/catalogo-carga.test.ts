import { env } from 'cloudflare:workers';
import { exports } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { generateJalisco } from '../../scripts/generador/generar.ts';
import { fixtureCatalogue } from '../../test/ejemplos/eleccion.ts';
import { CatalogueRejected, loadCatalogue } from './catalogo-carga.ts';
import { catalogueSummary } from './catalogo-resumen.ts';

const db = env.DB;

describe('loadCatalogue through the D1 binding', () => {
  it('loads the fixture election and reports its totals', async () => {
    await loadCatalogue(db, fixtureCatalogue);
    const s = await catalogueSummary(db);
    expect(s.casillas).toBe(fixtureCatalogue.casillas.length);
    expect(s.actasEsperadas).toBe(fixtureCatalogue.casillas.length * fixtureCatalogue.elecciones.length);
    expect(s.listaNominal).toBe(fixtureCatalogue.casillas.reduce((a, c) => a + c.listaNominal, 0));
  });

  it('rejects a duplicate casilla naming the row, and writes nothing', async () => {
    await loadCatalogue(db, fixtureCatalogue);
    const before = await catalogueSummary(db);
    const bad = structuredClone(fixtureCatalogue);
    bad.casillas.push({ ...bad.casillas[0]! });
    bad.entidad.nombre = 'Otra';
    const err = await loadCatalogue(db, bad).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(CatalogueRejected);
    expect((err as CatalogueRejected).message).toMatch(new RegExp(`casillas fila ${bad.casillas.length}`));
    expect(await catalogueSummary(db)).toEqual(before);
  });

  it('rejects a sección in two municipios and a coalition column of an unregistered party', async () => {
    const bad = structuredClone(fixtureCatalogue);
    const s = bad.secciones[0]!;
    bad.secciones.push({ ...s, municipio: bad.municipios.find((m) => m.id !== s.municipio)!.id });
    bad.boletas[0]!.columnas.push('PAN_NOEXISTE');
    const err = (await loadCatalogue(db, bad).catch((e: unknown) => e)) as CatalogueRejected;
    expect(err).toBeInstanceOf(CatalogueRejected);
    const tablas = err.problems.map((p) => p.tabla);
    expect(tablas).toContain('secciones');
    expect(tablas).toContain('boletas');
  });

  it('loads the Jalisco-scale catalogue within the parameter limit; /health reports it', async () => {
    await loadCatalogue(db, generateJalisco(2024));
    const res = await exports.default.fetch('http://prep.test/health');
    const body = await res.json<{ catalogo: Record<string, unknown> }>();
    expect(body.catalogo).toMatchObject({
      elecciones: 3,
      distritos: 20,
      municipios: 125,
      secciones: 3785,
      casillas: 10_903,
      actasEsperadas: 32_709,
      listaNominal: 6_619_342,
      catds: 145,
    });
  }, 120_000);
});
