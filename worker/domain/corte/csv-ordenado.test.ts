import { describe, expect, it } from 'vitest';
import { catalogoEjemplo, FIXTURE_APERTURA_MS, fixtureActas } from '../../../test/ejemplos/eleccion.ts';
import { parseCsv } from '../csv/leer.ts';
import { desdeUtf8 } from './bytes.ts';
import { prepararCorte } from './corte.ts';
import { nombreCsvCorte } from './csv-eleccion.ts';
import { celdasFila, COLUMNAS_ESTADO, fechaIso, filaOrdenada, filasOrdenadas, formaOrdenada, offsetIso } from './csv-ordenado.ts';
import { cabeceraDatos } from './csv-resultados.ts';
import { EstadoCorte } from './estado.ts';
import { construirModelo, type CorteModelo } from './modelo.ts';

const INSTANTE = FIXTURE_APERTURA_MS + 60 * 60_000;

function modelo(): CorteModelo {
  const m = construirModelo(catalogoEjemplo);
  if (!m.ok) throw new Error(JSON.stringify(m.error));
  return m.value;
}

async function corteFixture() {
  const estado = EstadoCorte.completo(modelo(), fixtureActas.map((f) => f.acta)).estado;
  const p = await prepararCorte(estado, { numero: 1, instante: INSTANTE, secuencia: 1, final: false, anterior: null, cambios: [] });
  const texto = (ruta: string) => desdeUtf8(p.csvContenidos.find((a) => a.ruta === ruta)!.contenido);
  return { estado, p, texto };
}

const filas = (csv: string) => {
  const r = parseCsv(csv);
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.value.map((x) => x.fields.map((f) => f.value));
};

describe('the tidy results CSV', () => {
  it('splits RFC 4180 rows as the INE CSV writes them, quotes and doubled quotes included', () => {
    expect(celdasFila("'1,2,,x")).toEqual(["'1", '2', '', 'x']);
    expect(celdasFila('a,"b, c","d ""e""",')).toEqual(['a', 'b, c', 'd "e"', '']);
    expect(celdasFila('"x"')).toEqual(['x']);
  });

  it('writes dates in ISO 8601 with the offset', () => {
    expect(offsetIso(-360)).toBe('-06:00');
    expect(offsetIso(330)).toBe('+05:30');
    expect(offsetIso(0)).toBe('+00:00');
    expect(fechaIso('02/06/2024 20:15:03', '-06:00')).toBe('2024-06-02T20:15:03-06:00');
    expect(() => fechaIso('2024-06-02', '-06:00')).toThrow();
  });

  it('has one header line, keys without apostrophe, empty cells for -, Ilegible and Sin dato named in their columns', async () => {
    const { p, texto } = await corteFixture();
    const gub = p.csv.find((c) => c.codigo === 'GUB')!;
    const em = modelo().eleccionPorCodigo.get('GUB')!;
    const ine = filas(texto(gub.resultados.ruta).slice(1)).filter((f) => f.length > 1);
    const csv = texto(gub.ordenado.ruta);
    expect(csv.charCodeAt(0)).not.toBe(0xfeff);
    const ordenado = filas(csv);
    expect(ordenado[0]).toEqual([...cabeceraDatos(em), ...COLUMNAS_ESTADO]);
    // Same rows, same order: INE's rows are those after its data header (line 5).
    const datosIne = ine.slice(ine.findIndex((f) => f[0] === 'CLAVE_CASILLA') + 1);
    expect(ordenado.length - 1).toBe(datosIne.length);
    const col = (n: string) => ordenado[0]!.indexOf(n);
    const votos = em.columnas.map((c) => col(c));
    let ilegibles = 0;
    let sinDato = 0;
    for (const [k, f] of ordenado.slice(1).entries()) {
      const fuente = datosIne[k]!;
      expect(f).toHaveLength(ordenado[0]!.length);
      // OBSERVACIONES may say Ilegible / Sin dato in words: it is text.
      expect(f.some((c, i) => c === '-' || (i !== col('OBSERVACIONES') && (c === 'Ilegible' || c === 'Sin dato')))).toBe(false);
      expect(f[col('CLAVE_ACTA')]).toBe(fuente[1] === '-' ? '' : fuente[1]!.slice(1));
      for (const c of votos) expect(f[c]).toMatch(/^(\d+)?$/);
      for (const fecha of ['FECHA_HORA_ACOPIO', 'FECHA_HORA_CAPTURA', 'FECHA_HORA_VERIFICACION']) expect(f[col(fecha)]).toMatch(/^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}-06:00)?$/);
      const nombradas = (n: string) => (f[col(n)] === '' ? [] : f[col(n)]!.split(';'));
      for (const n of nombradas('CAMPOS_ILEGIBLES')) expect(fuente[col(n)]).toBe('Ilegible');
      for (const n of nombradas('CAMPOS_SIN_DATO')) expect(fuente[col(n)]).toBe('Sin dato');
      ilegibles += fuente.filter((c, i) => c === 'Ilegible' && i !== col('OBSERVACIONES')).length;
      sinDato += fuente.filter((c, i) => c === 'Sin dato' && i !== col('OBSERVACIONES')).length;
      expect(nombradas('CAMPOS_ILEGIBLES').length + nombradas('CAMPOS_SIN_DATO').length).toBe(
        fuente.filter((c, i) => (c === 'Ilegible' || c === 'Sin dato') && i !== col('OBSERVACIONES')).length,
      );
    }
    // The fixture has both kinds of doubtful cell, pending actas and a fuera de catálogo one.
    expect(ilegibles).toBeGreaterThan(0);
    expect(sinDato).toBeGreaterThan(0);
    expect(ordenado.some((f) => f[col('CLAVE_ACTA')] === '' && f[col('CONTABILIZADA')] === '2')).toBe(true);
    expect(ordenado.some((f) => f[col('CONTABILIZADA')] === '')).toBe(true);
  });

  it('publishes each election at its own content-addressed URL, named in the manifest and the pointer', async () => {
    const { p, texto } = await corteFixture();
    expect(p.csv.map((c) => c.codigo)).toEqual(['GUB', 'DIP_LOC', 'AYUN']);
    for (const c of p.csv) {
      expect(c.resultados.ruta).toBe(`datos/14/csv/${c.resultados.sha256}/${nombreCsvCorte(INSTANTE, -360, c.codigo, false, 'pruebas')}`);
      expect(c.ordenado.ruta).toMatch(new RegExp(`^datos/14/csv/${c.ordenado.sha256}/SIMULACRO_20240602_2100_PREP_${c.codigo}_ORDENADO\\.csv$`));
      // INE's layout at its own URL is the zip's entry, byte for byte.
      const entrada = p.abiertos.archivos.find((a) => a.nombre.endsWith(`_PREP_${c.codigo}/${c.codigo}.csv`))!;
      expect(c.resultados.sha256).toBe(entrada.sha256);
      expect(texto(c.resultados.ruta).startsWith('\uFEFF')).toBe(true);
      expect(p.puntero.elecciones.find((e) => e.codigo === c.codigo)!.csv).toEqual({ resultados: c.resultados.ruta, ordenado: c.ordenado.ruta });
    }
    expect(p.manifiesto.valor.csv).toEqual(p.csv);
    expect(JSON.parse(desdeUtf8(p.manifiesto.contenido))).toEqual(p.manifiesto.valor);
  });

  it('keeps the tidy rows of unchanged INE rows between cortes, with the result of a transformation from scratch', () => {
    const estado = EstadoCorte.completo(modelo(), fixtureActas.map((f) => f.acta)).estado;
    const forma = formaOrdenada(modelo().eleccionPorCodigo.get('GUB')!, -360);
    const a = estado.filasCsv('GUB').filas;
    expect(filasOrdenadas(estado, 'GUB', a, forma)).toEqual(a.map((f) => filaOrdenada(f, forma)));
    // A later corte: one row moved, one row more.
    const b = [a.at(-1)!, ...a.slice(1), a[0]!];
    expect(filasOrdenadas(estado, 'GUB', b, forma)).toEqual(b.map((f) => filaOrdenada(f, forma)));
    expect(() => filaOrdenada('a,b', forma)).toThrow(/celdas/);
  });
});
