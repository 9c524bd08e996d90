import { env } from 'cloudflare:workers';
import { exports } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { generarJalisco } from '../../scripts/generador/generar.ts';
import { catalogoEjemplo } from '../../test/ejemplos/eleccion.ts';
import { catalogoConPartes } from '../../test/ejemplos/partes.ts';
import { catalogoConVotoExtranjero } from '../../test/ejemplos/voto-extranjero.ts';
import { leerCatalogo } from '../cortes/catalogo-d1.ts';
import { normalizarCatalogo } from '../domain/catalogo/archivos/normalizar.ts';
import { CatalogoRechazado, cargarCatalogo } from './catalogo-carga.ts';
import { resumenCatalogo } from './catalogo-resumen.ts';

const db = env.DB;

describe('cargarCatalogo through the D1 binding', () => {
  it('loads the fixture election and reports its totals', async () => {
    await cargarCatalogo(db, catalogoEjemplo);
    const s = await resumenCatalogo(db);
    expect(s.casillas).toBe(catalogoEjemplo.casillas.length);
    expect(s.actasEsperadas).toBe(catalogoEjemplo.casillas.length * catalogoEjemplo.elecciones.length);
    expect(s.listaNominal).toBe(catalogoEjemplo.casillas.reduce((a, c) => a + c.listaNominal, 0));
  });

  it('keeps the elections a casilla votes in: the votes from abroad expect one acta, and the corte reads it back', async () => {
    const cat = catalogoConVotoExtranjero();
    await cargarCatalogo(db, cat);
    const s = await resumenCatalogo(db);
    expect(s.actasEsperadas).toBe(catalogoEjemplo.casillas.length * catalogoEjemplo.elecciones.length + 1);
    const leido = await leerCatalogo(db);
    expect(normalizarCatalogo({ ...leido!, catds: cat.catds })).toEqual(normalizarCatalogo(cat));
  });

  it('writes the parts of split casillas as expected actas CLAVE_ACTA-n, with their own lista nominal; the corte reads them back', async () => {
    await cargarCatalogo(db, catalogoConPartes);
    const s = await resumenCatalogo(db);
    expect(s.actasEsperadas).toBe(catalogoEjemplo.casillas.length * catalogoEjemplo.elecciones.length + 2);
    const { results } = await db
      .prepare("SELECT clave_acta, distrito, municipio, territorio, lista_nominal FROM acta_esperada WHERE casilla IN ('141121B0100', '142302C0100') ORDER BY clave_acta")
      .all();
    expect(results.filter((r) => String(r.clave_acta).includes('-'))).toEqual([
      { clave_acta: '141121B01006-2', distrito: 1, municipio: 39, territorio: 39, lista_nominal: 4 },
      { clave_acta: '142302C01005-2', distrito: 1, municipio: 120, territorio: 1, lista_nominal: null },
    ]);
    // Every ordinary acta keeps NULL: the casilla's own lista nominal applies.
    expect(results.filter((r) => !String(r.clave_acta).includes('-')).every((r) => r.lista_nominal === null)).toBe(true);
    const leido = await leerCatalogo(db);
    expect(normalizarCatalogo({ ...leido!, catds: catalogoConPartes.catds })).toEqual(normalizarCatalogo(catalogoConPartes));
    await cargarCatalogo(db, catalogoEjemplo);
    expect((await leerCatalogo(db))!.partes).toBeUndefined();
  });

  it('rejects a duplicate casilla naming the row, and writes nothing', async () => {
    await cargarCatalogo(db, catalogoEjemplo);
    const before = await resumenCatalogo(db);
    const bad = structuredClone(catalogoEjemplo);
    bad.casillas.push({ ...bad.casillas[0]! });
    bad.entidad.nombre = 'Otra';
    const err = await cargarCatalogo(db, bad).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(CatalogoRechazado);
    expect((err as CatalogoRechazado).message).toMatch(new RegExp(`casillas fila ${bad.casillas.length}`));
    expect(await resumenCatalogo(db)).toEqual(before);
  });

  it('rejects a sección in two municipios and a coalition column of an unregistered party', async () => {
    const bad = structuredClone(catalogoEjemplo);
    const s = bad.secciones[0]!;
    bad.secciones.push({ ...s, municipio: bad.municipios.find((m) => m.id !== s.municipio)!.id });
    bad.boletas[0]!.columnas.push('PAN_NOEXISTE');
    const err = (await cargarCatalogo(db, bad).catch((e: unknown) => e)) as CatalogoRechazado;
    expect(err).toBeInstanceOf(CatalogoRechazado);
    const tablas = err.problems.map((p) => p.tabla);
    expect(tablas).toContain('secciones');
    expect(tablas).toContain('boletas');
  });

  it('loads the Jalisco-scale catalogue within the parameter limit; /health reports it', async () => {
    await cargarCatalogo(db, generarJalisco(2024));
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
