import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { catalogoEjemplo, FIXTURE_APERTURA_MS } from '../../../test/ejemplos/eleccion.ts';
import { historia, recorrerHistoria, type Historia } from '../../../test/ejemplos/historias.ts';
import type { ActaPublicada } from '../acta/publicada.ts';
import { aplicarDiferencias, partirCsv, unirCsv, type CsvPartido, type Diferencias } from '../contrato/index.ts';
import { desdeUtf8 } from './bytes.ts';
import { diferenciasCorte } from './cambio.ts';
import { archivosAbiertos } from './corte.ts';
import { EstadoCorte } from './estado.ts';
import { renderizar } from './generar-shards.ts';
import { construirModelo, type CorteModelo } from './modelo.ts';
import { DiferenciasSchema, SeccionShardSchema } from './shards.ts';

function modelo(): CorteModelo {
  const m = construirModelo(catalogoEjemplo);
  if (!m.ok) throw new Error(JSON.stringify(m.error));
  return m.value;
}

/** Each election's results CSV of a state, by código. */
function csvs(estado: EstadoCorte, instante: number, final: boolean): Map<string, string> {
  const r = new Map<string, string>();
  for (const a of archivosAbiertos(estado, instante, final)) {
    if (a.nombre.endsWith('.csv') && !a.nombre.endsWith('_CANDIDATURAS.csv')) r.set(a.nombre.split('/').at(-1)!.replace(/\.csv$/, ''), desdeUtf8(a.contenido));
  }
  return r;
}

/**
 * Every expected acta of every sección shard, as JSON, by election and clave: from the shards the state renders
 * now (only those new since its last render) over those it rendered before (`shards`, kept by id).
 */
async function actasDeSecciones(estado: EstadoCorte, final: boolean, shards: Map<string, string>): Promise<Map<string, string>> {
  for (const [id, b] of (await renderizar(estado, { final })).contenidos) if (id.startsWith('seccion/')) shards.set(id, desdeUtf8(b));
  const actas = new Map<string, string>();
  for (const texto of shards.values()) {
    for (const e of SeccionShardSchema.parse(JSON.parse(texto)).elecciones) for (const a of e.actas) actas.set(`${e.codigo}:${a[0]}`, JSON.stringify(a));
  }
  return actas;
}

/**
 * Some log entries become unplaceable (a captura without its figures): the acta leaves the corte, its row goes
 * back to pending. Fuera de catálogo claves already move between elections in `historia`.
 */
function conSalidas(m: CorteModelo): fc.Arbitrary<Historia> {
  return historia(m, 6).chain((h) =>
    fc.array(fc.boolean(), { minLength: 200, maxLength: 200 }).map((rotas) => {
      let i = 0;
      const romper = (a: ActaPublicada): ActaPublicada => (rotas[i++ % rotas.length] && i % 4 === 0 ? { ...a, registro: 'captura', motivoSinActa: null, captura: null } : a);
      return { cortes: h.cortes.map((c) => ({ ...c, entradas: c.entradas.map(romper) })) };
    }),
  );
}

describe('change feed (property over random histories: captures, corrections, fuera de catálogo, actas that leave)', () => {
  it("applying each corte's diff to the previous corte's CSV gives the next corte's CSV byte for byte, and its sección shard actas", async () => {
    const m = modelo();
    let salidas = 0;
    await fc.assert(
      fc.asyncProperty(conSalidas(m), async (h) => {
        const estado = new EstadoCorte(m);
        let instante = FIXTURE_APERTURA_MS;
        // Corte 0: the empty state (every expected acta pending), as a client that starts before the first corte.
        const copia = new Map<string, CsvPartido>([...csvs(estado, instante, false)].map(([k, v]) => [k, partirCsv(v)]));
        const shards = new Map<string, string>();
        const actas = await actasDeSecciones(estado, false, shards);
        let anterior: Diferencias['anterior'] = null;
        let numero = 0;
        for (const { final, cambios } of recorrerHistoria(h, estado)) {
          instante += 15 * 60_000;
          numero++;
          const d: Diferencias = JSON.parse(JSON.stringify(diferenciasCorte(estado, { numero, instante, secuencia: numero, final, anterior, cambios })));
          DiferenciasSchema.parse(d);
          anterior = { numero, secuencia: numero };
          for (const e of d.elecciones) {
            copia.set(e.codigo, aplicarDiferencias(copia.get(e.codigo)!, e));
            for (const f of e.filas) actas.set(`${e.codigo}:${f.clave}`, JSON.stringify(f.acta));
            salidas += e.filas.filter((f) => f.acta[2] === null && e.cambiadas.includes(f.clave)).length;
          }
          const publicados = csvs(estado, instante, final);
          for (const [codigo, texto] of publicados) expect(unirCsv(copia.get(codigo)!), `${codigo}, corte ${numero}`).toBe(texto);
          expect(actas).toEqual(await actasDeSecciones(estado, final, shards));
        }
      }),
      { numRuns: 60 },
    );
    // The histories did make actas leave their rows (pending again after a registration).
    expect(salidas).toBeGreaterThan(0);
  });

  it('carries only what moved: an unchanged re-send is no entry; the fuera de catálogo rows only when one of them moved', () => {
    const m = modelo();
    const estado = new EstadoCorte(m);
    const a = [...m.actaPorClave.values()][3]!;
    const acta: ActaPublicada = {
      clave: a.clave,
      identificacion: { eleccion: a.eleccion.codigo, seccion: a.casilla.seccion, tipo: a.casilla.tipo, id: a.casilla.id, extContigua: a.casilla.extContigua },
      registro: 'sin_acta',
      motivoSinActa: 'PAQUETE_NO_ENTREGADO',
      captura: null,
      mecanismoTraslado: null,
      imagen: null,
      acopioAt: null,
      capturaAt: null,
      verificacionAt: null,
      cotejada: 0,
    };
    const cambios = [{ clave: a.clave, eleccion: a.eleccion.codigo, antes: null, despues: acta }];
    estado.aplicar(cambios);
    const datos = { numero: 1, instante: FIXTURE_APERTURA_MS, secuencia: 1, final: false, anterior: null, cambios };
    const e = diferenciasCorte(estado, datos).elecciones.find((x) => x.codigo === a.eleccion.codigo)!;
    expect(e.nuevas).toEqual([a.clave]);
    expect(e.filas.map((f) => [f.clave, f.indice, f.seccion])).toEqual([[a.clave, a.orden, a.seccion.id]]);
    expect(e.filas[0]!.fila).toContain(',0,-,');
    expect(e.fueraCatalogo).toBeNull();
    const otra = diferenciasCorte(estado, { ...datos, numero: 2, cambios: [{ ...cambios[0]!, antes: acta }] });
    expect(otra.elecciones.every((x) => x.filas.length === 0 && x.nuevas.length === 0 && x.cambiadas.length === 0)).toBe(true);
    // Over the cap, the claves and lines without rows: not applicable, a client takes the zip.
    const grande = diferenciasCorte(estado, datos, 0);
    expect(grande.aplicable).toBe(false);
    expect(grande.elecciones.find((x) => x.codigo === a.eleccion.codigo)).toMatchObject({ nuevas: [a.clave], filas: [], fueraCatalogo: null, resumen: e.resumen });
    expect(diferenciasCorte(estado, datos, 1).aplicable).toBe(true);
  });
});
