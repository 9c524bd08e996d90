import fc from 'fast-check';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { compresorZlib } from '../../cortes/compresor-zlib.ts';
import { catalogoEjemplo, FIXTURE_APERTURA_MS } from '../../../test/ejemplos/eleccion.ts';
import { historia, recorrerHistoria } from '../../../test/ejemplos/historias.ts';
import { compresorFflate, type Compresor } from './abiertos.ts';
import { prepararCorte } from './corte.ts';
import type { ArchivoCsv } from './csv-eleccion.ts';
import { EstadoCorte } from './estado.ts';
import { construirModelo, type CorteModelo } from './modelo.ts';

const INSTANTE = FIXTURE_APERTURA_MS + 60 * 60_000;

function modelo(): CorteModelo {
  const m = construirModelo(catalogoEjemplo);
  if (!m.ok) throw new Error(JSON.stringify(m.error));
  return m.value;
}

async function csvs(estado: EstadoCorte, final: boolean, compresor: Compresor): Promise<ArchivoCsv[]> {
  const p = await prepararCorte(estado, { numero: 1, instante: INSTANTE, secuencia: 1, final, anterior: null, cambios: [] }, undefined, compresor);
  return p.csvContenidos;
}

describe('the per-election CSVs stored as gzip (csv-eleccion.ts)', () => {
  it('each gzip file unzips to its CSV, and an incremental corte stores what a full rebuild stores, byte for byte', async () => {
    const m = modelo();
    await fc.assert(
      fc.asyncProperty(historia(m, 4), async (h) => {
        const incremental = new EstadoCorte(m);
        for (const { final, completo } of recorrerHistoria(h, incremental)) {
          const inc = await csvs(incremental, final, compresorZlib);
          const full = await csvs(completo, final, compresorZlib);
          expect(inc.map((a) => a.ruta)).toEqual(full.map((a) => a.ruta));
          inc.forEach((a, i) => {
            expect(Buffer.from(gunzipSync(a.gzip)).equals(Buffer.from(a.contenido))).toBe(true);
            expect(Buffer.from(a.gzip).equals(Buffer.from(full[i]!.gzip))).toBe(true);
          });
        }
      }),
      { numRuns: 25 },
    );
  });

  it('without a native compressor (fflate, whole files) the gzip files are valid too', async () => {
    const m = modelo();
    const estado = new EstadoCorte(m);
    for (const a of await csvs(estado, false, compresorFflate)) expect(Buffer.from(gunzipSync(a.gzip)).equals(Buffer.from(a.contenido))).toBe(true);
  });
});
