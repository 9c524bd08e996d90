import fc from 'fast-check';
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { compresorZlib } from '../../cortes/compresor-zlib.ts';
import { FIXTURE_APERTURA_MS, fixtureActas, catalogoEjemplo } from '../../../test/ejemplos/eleccion.ts';
import { historia, recorrerHistoria } from '../../../test/ejemplos/historias.ts';
import { compresorFflate, construirZip, type ArchivoAbierto, type Compresor } from './abiertos.ts';
import { desdeUtf8 } from './bytes.ts';
import { archivosAbiertos } from './corte.ts';
import { csvResultados } from './csv-resultados.ts';
import { EstadoCorte } from './estado.ts';
import { construirModelo, type CorteModelo } from './modelo.ts';
import { csvResultadosPorTrozos, trozosDe, type TrozosGuardados } from './trozos-csv.ts';

const INSTANTE = FIXTURE_APERTURA_MS + 60 * 60_000;

function modelo(): CorteModelo {
  const m = construirModelo(catalogoEjemplo);
  if (!m.ok) throw new Error(JSON.stringify(m.error));
  return m.value;
}

/** The results CSVs of a state by trozos of `n` rows, with the trozos `guardados` keeps per election. */
function csvs(estado: EstadoCorte, n: number, guardados: (codigo: string) => TrozosGuardados, final = false): ArchivoAbierto[] {
  return estado.modelo.elecciones.map((em) => {
    const codigo = em.eleccion.codigo;
    const entrada = { modelo: estado.modelo, eleccion: em, ...estado.filasCsv(codigo), conteo: estado.elecciones.get(codigo)!.entidad, instante: INSTANTE, final };
    return { nombre: `${codigo}.csv`, ...csvResultadosPorTrozos(entrada, guardados(codigo), n) };
  });
}

function textoEsperado(estado: EstadoCorte, codigo: string, final = false): string {
  const em = estado.modelo.eleccionPorCodigo.get(codigo)!;
  return csvResultados({ modelo: estado.modelo, eleccion: em, ...estado.filasCsv(codigo), conteo: estado.elecciones.get(codigo)!.entidad, instante: INSTANTE, final });
}

/** Kept trozos per election, apart from the state's own (`trozosDe`, which the corte's files use). */
function guardadosPropios(): (codigo: string) => TrozosGuardados {
  const m = new Map<string, TrozosGuardados>();
  return (c) => m.get(c) ?? m.set(c, { compresor: null, filasPorTrozo: 0, trozos: [] }).get(c)!;
}

/** zlib counting the trozos it deflates. */
function contador(): { compresor: Compresor; trozos: number[] } {
  const trozos: number[] = [];
  const compresor: Compresor = {
    ...compresorZlib,
    deflateRawTrozo: (b, nivel, ventana) => {
      trozos.push(b.length);
      return compresorZlib.deflateRawTrozo!(b, nivel, ventana);
    },
  };
  return { compresor, trozos };
}

describe('results CSV deflated by trozos (trozos-csv.ts)', () => {
  it('incremental ≡ full: after every corte the zip built from kept trozos is byte for byte a full rebuild’s, and unzips to the CSV', async () => {
    const m = modelo();
    await fc.assert(
      fc.asyncProperty(historia(m, 5), fc.integer({ min: 1, max: 7 }), async (h, n) => {
        const incremental = new EstadoCorte(m);
        const guardados = guardadosPropios();
        for (const { final, completo } of recorrerHistoria(h, incremental)) {
          const zipInc = await construirZip(INSTANTE, -360, csvs(incremental, n, guardados, final), compresorZlib);
          const zipFull = await construirZip(INSTANTE, -360, csvs(completo, n, guardadosPropios(), final), compresorZlib);
          expect(Buffer.from(zipInc.contenido).equals(Buffer.from(zipFull.contenido))).toBe(true);
          const leido = unzipSync(zipInc.contenido);
          for (const em of m.elecciones) expect(desdeUtf8(leido[`${em.eleccion.codigo}.csv`]!)).toBe(textoEsperado(completo, em.eleccion.codigo, final));
          // The corte's own files (default trozo size) too.
          const a = await construirZip(INSTANTE, -360, archivosAbiertos(incremental, INSTANTE, final), compresorZlib);
          const b = await construirZip(INSTANTE, -360, archivosAbiertos(completo, INSTANTE, final), compresorZlib);
          expect(Buffer.from(a.contenido).equals(Buffer.from(b.contenido))).toBe(true);
        }
      }),
      { numRuns: 40 },
    );
  });

  it('a corte with one acta changed deflates again the header and the one trozo holding its row', async () => {
    const m = modelo();
    const estado = EstadoCorte.completo(m, fixtureActas.map((f) => f.acta)).estado;
    const { compresor, trozos } = contador();
    const guardar = guardadosPropios();
    await construirZip(INSTANTE, -360, csvs(estado, 2, guardar), compresor);
    const primera = trozos.length;
    // Every election: its header, then ceil(rows / 2) trozos.
    const filas = m.elecciones.map((em) => em.actas.length + estado.fueraCatalogo(em.eleccion.codigo).length);
    expect(primera).toBe(filas.reduce((s, f) => s + 1 + Math.ceil(f / 2), 0));
    trozos.length = 0;
    const acta = fixtureActas[0]!.acta;
    estado.aplicar([{ antes: acta, despues: { ...acta, cotejada: 1 } }]);
    const z = await construirZip(INSTANTE, -360, csvs(estado, 2, guardar), compresor);
    expect(trozos).toHaveLength(m.elecciones.length + 1);
    const codigo = acta.identificacion.eleccion;
    expect(desdeUtf8(unzipSync(z.contenido)[`${codigo}.csv`]!)).toBe(textoEsperado(estado, codigo));
    // A different compressor reuses nothing (its bytes would differ).
    trozos.length = 0;
    const otro = contador();
    await construirZip(INSTANTE, -360, csvs(estado, 2, guardar), otro.compresor);
    expect(otro.trozos).toHaveLength(primera);
  });

  it('deflates whole with a compressor that cannot end a piece in a sync flush (fflate)', async () => {
    const estado = EstadoCorte.completo(modelo(), fixtureActas.map((f) => f.acta)).estado;
    const z = await construirZip(INSTANTE, -360, csvs(estado, 2, (c) => trozosDe(estado, c)), compresorFflate);
    expect(desdeUtf8(unzipSync(z.contenido)['GUB.csv']!)).toBe(textoEsperado(estado, 'GUB'));
  });

  it('refuses a trozo that does not end in a sync flush (it would close the stream and cut the CSV short)', async () => {
    const estado = EstadoCorte.completo(modelo(), fixtureActas.map((f) => f.acta)).estado;
    const final: Compresor = { ...compresorZlib, deflateRawTrozo: (b, nivel) => compresorZlib.deflateRaw(b, nivel) };
    await expect(construirZip(INSTANTE, -360, csvs(estado, 2, (c) => trozosDe(estado, c)), final)).rejects.toThrow(/sincronía/);
  });
});
