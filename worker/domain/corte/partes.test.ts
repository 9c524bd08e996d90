/**
 * The corte of a catalogue with split casillas (catalogue `partes`, test/ejemplos/partes.ts): part 2 of
 * 1121 B 01's AYUN acta counts in municipio 39 (its sección is in 98), part 2 of 2302 C 01's DIP_LOC acta in
 * distrito 1 (its sección is in 2). Each part counts in its own territory; its sección shard keeps every acta.
 */
import { unzipSync, zipSync } from 'fflate';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ActaPublicada } from '../acta/publicada.ts';
import { fixtureActas, FIXTURE_APERTURA_MS } from '../../../test/ejemplos/eleccion.ts';
import { entradaEsperada, historia, recorrerHistoria } from '../../../test/ejemplos/historias.ts';
import { catalogoConPartes } from '../../../test/ejemplos/partes.ts';
import { publicarEnMemoria } from '../../../test/ejemplos/publicacion-memoria.ts';
import { rehacerValor } from '../../../test/ejemplos/falsificacion.ts';
import { CONTEO, RUTA_LATEST_RAIZ, rutaAbiertos, rutaManifiesto, resultadosDeFila, tablaDeBloque, filasDeSecciones } from '../contrato/index.ts';
import { desdeUtf8, sha256Hex, utf8 } from './bytes.ts';
import { archivosAbiertos } from './corte.ts';
import { EstadoCorte } from './estado.ts';
import { renderizar } from './generar-shards.ts';
import { leeme } from './leeme.ts';
import { construirModelo, PRIMERA_UNIDAD_EXTRA, type CorteModelo } from './modelo.ts';
import { EntidadShardSchema, ManifiestoSchema, PunteroSchema, SeccionShardSchema, TerritorioShardSchema, type EntidadShard, type SeccionShard, type TerritorioShard } from './shards.ts';
import { compararResumen, leerCsvResultados, recalcular } from './verificar-csv.ts';
import { verificarCorte, type Fuente } from './verificar.ts';

const AYUN_1121 = '141121B01006';
const DIP_2302 = '142302C01005';
const INSTANTE = FIXTURE_APERTURA_MS + 60 * 60_000;

function modelo(): CorteModelo {
  const m = construirModelo(catalogoConPartes);
  if (!m.ok) throw new Error(JSON.stringify(m.error));
  return m.value;
}

/** A counted capture of an acta of the model: its ballot's fields, `valores` on top of zeros. */
function capturaDe(m: CorteModelo, clave: string, valores: Record<string, number>, cotejada: 0 | 1 = 0): ActaPublicada {
  const a = m.actaPorClave.get(clave)!;
  const votos = Object.fromEntries([...a.boleta.columnas, 'NO_REGISTRADAS', 'NULOS'].map((c) => [c, valores[c] ?? 0]));
  const total = Object.values(votos).reduce((x, y) => x + y, 0);
  const totales = { TOTAL_BOLETAS_SOBRANTES: 0, TOTAL_PERSONAS_VOTARON: total, TOTAL_REP_PARTIDO_CI_VOTARON: 0, TOTAL_VOTOS_SACADOS: total, TOTAL_VOTOS_ASENTADO: total };
  const c = a.casilla;
  return {
    clave,
    identificacion: { eleccion: a.eleccion.codigo, seccion: c.seccion, tipo: c.tipo, id: c.id, extContigua: c.extContigua },
    registro: 'captura',
    motivoSinActa: null,
    captura: { votos, totales },
    mecanismoTraslado: null,
    imagen: null,
    acopioAt: FIXTURE_APERTURA_MS,
    capturaAt: FIXTURE_APERTURA_MS + 60_000,
    verificacionAt: null,
    cotejada,
  };
}

/** The fixture's actas and captures of both casillas' two parts (PVEM_PT_MORENA is only on municipio 39's ballot). */
function actasNoche(m: CorteModelo): ActaPublicada[] {
  const fijas = fixtureActas.map((f) => f.acta).filter((a) => a.clave !== AYUN_1121 && a.clave !== DIP_2302);
  return [
    ...fijas,
    capturaDe(m, AYUN_1121, { PAN: 100, MC: 50, PT_MORENA: 7 }),
    capturaDe(m, `${AYUN_1121}-2`, { MC: 3, PVEM_PT_MORENA: 2, NULOS: 1 }),
    capturaDe(m, DIP_2302, { PAN: 40, MORENA: 30 }),
    capturaDe(m, `${DIP_2302}-2`, { PAN: 5, PVEM_PT: 4 }),
  ];
}

async function shardsDe(estado: EstadoCorte): Promise<Map<string, unknown>> {
  const r = await renderizar(estado, { final: false });
  return new Map([...r.contenidos].map(([id, b]) => [id, JSON.parse(desdeUtf8(b)) as unknown]));
}

const suma = (filas: readonly { t: readonly number[]; c: readonly number[] }[], nt: number, nc: number) => {
  const t = Array<number>(nt).fill(0);
  const c = Array<number>(nc).fill(0);
  for (const f of filas) {
    f.t.forEach((x, i) => {
      t[i]! += x;
    });
    f.c.forEach((x, i) => {
      c[i]! += x;
    });
  }
  return { t, c };
};

describe('model of a catalogue with parts', () => {
  it('one unit per sección (its id), and one more per part counted outside its sección’s territory', () => {
    const m = modelo();
    expect(m.unidades.slice(0, m.secciones.length).map((u) => u.id)).toEqual(m.secciones.map((s) => s.id));
    expect(m.unidades.slice(m.secciones.length)).toEqual([
      { id: PRIMERA_UNIDAD_EXTRA, seccion: 2302, distrito: 1, municipio: 120 },
      { id: PRIMERA_UNIDAD_EXTRA + 1, seccion: 1121, distrito: 1, municipio: 39 },
    ]);
    expect(m.actaPorClave.get(`${AYUN_1121}-2`)!.unidad).toBe(PRIMERA_UNIDAD_EXTRA + 1);
    expect(m.actaPorClave.get(AYUN_1121)!.unidad).toBe(1121);
    // The ordinary catalogue has exactly its secciones.
    const o = construirModelo({ ...catalogoConPartes, partes: [] });
    expect(o.ok && o.value.unidades.map((u) => u.id)).toEqual(m.secciones.map((s) => s.id));
  });
});

describe('shards of a catalogue with parts', () => {
  let shards: Map<string, unknown>;
  let sinParte: Map<string, unknown>;
  beforeAll(async () => {
    const m = modelo();
    const actas = actasNoche(m);
    shards = await shardsDe(EstadoCorte.completo(m, actas).estado);
    sinParte = await shardsDe(EstadoCorte.completo(m, actas.filter((a) => a.clave !== `${AYUN_1121}-2`)).estado);
  });
  const territorio = (id: string, de = shards) => TerritorioShardSchema.parse(de.get(id));
  const entidad = (codigo: string): EntidadShard => EntidadShardSchema.parse(shards.get(`${codigo}/entidad`));
  const seccion = (id: number): SeccionShard => SeccionShardSchema.parse(shards.get(`seccion/${id}`));

  it('every parent is the sum of its rows, at every level and in every election', () => {
    for (const codigo of ['GUB', 'DIP_LOC', 'AYUN']) {
      const e = entidad(codigo);
      const n = e.candidaturas.length;
      for (const [nivel, filas] of [['distrito', e.distritos], ['municipio', e.municipios]] as const) {
        for (const f of filas) {
          const t = territorio(`${codigo}/${nivel}/${f.id}`);
          const s = suma(filasDeSecciones(t), CONTEO.length, n);
          expect(resultadosDeFila(s, t).figuras).toEqual(t.resultados.figuras);
          expect(resultadosDeFila(s, t).candidaturas).toEqual(t.resultados.candidaturas);
          expect(resultadosDeFila(f, e).figuras).toEqual(t.resultados.figuras);
        }
      }
      // Both partitions of the entidad's expected actas add up to the same tally.
      expect(suma(e.distritos, CONTEO.length, n)).toEqual(suma(e.municipios, CONTEO.length, n));
      // Each sección's block is the sum of its rows in the distritos, and in the municipios.
      for (const nivel of ['distrito', 'municipio'] as const) {
        const filas = (nivel === 'distrito' ? e.distritos : e.municipios).flatMap((f) => filasDeSecciones(territorio(`${codigo}/${nivel}/${f.id}`)));
        for (const id of [338, 339, 1120, 1121, 2301, 2302]) {
          const b = seccion(id).elecciones.find((x) => x.codigo === codigo)!;
          const propias = filas.filter((f) => f.id === id);
          expect(suma(propias, CONTEO.length, n)).toEqual({ t: b.t, c: b.c });
        }
      }
    }
  });

  it('municipio 39’s AYUN total has part 2’s votes, municipio 98’s has none of them', () => {
    const votos = (id: string, de: Map<string, unknown>) => territorio(id, de).resultados.votos;
    expect(votos('AYUN/municipio/39', shards).MC).toBe((votos('AYUN/municipio/39', sinParte).MC ?? 0) + 3);
    expect(votos('AYUN/municipio/39', shards).PVEM_PT_MORENA).toBe((votos('AYUN/municipio/39', sinParte).PVEM_PT_MORENA ?? 0) + 2);
    expect(votos('AYUN/municipio/98', shards)).toEqual(votos('AYUN/municipio/98', sinParte));
    expect(votos('AYUN/municipio/98', shards).PVEM_PT_MORENA).toBeUndefined();
    // Its row in municipio 39 has part 2 only: one expected acta, lista nominal 4.
    const fila = filasDeSecciones(territorio('AYUN/municipio/39')).find((f) => f.id === 1121)!;
    expect(fila.t[CONTEO.indexOf('esperadas')]).toBe(1);
    expect(fila.t[CONTEO.indexOf('listaNominalContabilizadas')]).toBe(4);
    expect(filasDeSecciones(territorio('AYUN/municipio/98')).find((f) => f.id === 1121)!.t[CONTEO.indexOf('esperadas')]).toBe(2);
    // An extra unit has rows only in the elections it has actas of.
    expect(territorio('GUB/municipio/39').secciones.map(([id]) => id)).toEqual([338, 339]);
    expect(territorio('AYUN/municipio/39').secciones.map(([id]) => id)).toEqual([338, 339, 1121]);
    expect(territorio('DIP_LOC/distrito/1').secciones.map(([id]) => id)).toEqual([338, 339, 1120, 1121, 2302]);
    expect(territorio('GUB/distrito/1').secciones.map(([id]) => id)).toEqual([338, 339, 1120, 1121]);
  });

  it('the sección shard has both parts, their votes on the union of their ballots’ columns', () => {
    const s = seccion(1121);
    const b = s.elecciones.find((x) => x.codigo === 'AYUN')!;
    expect(b.actas.map((a) => a[0])).toEqual(['141121B01006', '141121B01006-2', '141121C01006']);
    const columnas = tablaDeBloque(s, b).columnas;
    expect(columnas).toContain('PVEM_PT_MORENA');
    expect(columnas).toContain('PT_MORENA');
    const voto = (clave: string, col: string) => b.actas.find((a) => a[0] === clave)![5]![columnas.indexOf(col)];
    expect(voto('141121B01006', 'PVEM_PT_MORENA')).toBeNull();
    expect(voto('141121B01006', 'PT_MORENA')).toBe(7);
    expect(voto('141121B01006-2', 'PVEM_PT_MORENA')).toBe(2);
    expect(voto('141121B01006-2', 'PT_MORENA')).toBe(0);
    // The block's votes add both parts' (and the other counted actas').
    expect(b.actas.find((a) => a[0] === '141121B01006-2')![3]).toBe(1);
    expect(b.v[columnas.indexOf('MC')]).toBe(sumaContadas(b.actas, columnas, 'MC'));
    expect(b.v[columnas.indexOf('PVEM_PT_MORENA')]).toBe(2);
    // An ordinary sección's block keeps its ballot's columns.
    const s1120 = seccion(1120);
    expect(tablaDeBloque(s1120, s1120.elecciones.find((x) => x.codigo === 'AYUN')!).columnas).not.toContain('PVEM_PT_MORENA');
  });
});

/** Σ of a column over a block's counted actas (their `votos`, null as 0). */
function sumaContadas(actas: SeccionShard['elecciones'][number]['actas'], columnas: readonly string[], col: string): number {
  const i = columnas.indexOf(col);
  return actas.filter((a) => a[3] === 1).reduce((x, a) => x + (typeof a[5]?.[i] === 'number' ? (a[5][i] as number) : 0), 0);
}

describe('results CSV of a catalogue with parts', () => {
  it('part 2 is its own row, with the institute’s CLAVE_ACTA and its own territory; the rows add up to the summary', () => {
    const m = modelo();
    const estado = EstadoCorte.completo(m, actasNoche(m)).estado;
    const archivos = [...archivosAbiertos(estado, INSTANTE, false)];
    const texto = (codigo: string) => desdeUtf8(archivos.find((x) => x.nombre.endsWith(`/${codigo}.csv`))!.contenido);
    const ayun = texto('AYUN').split('\r\n');
    const filas = ayun.filter((l) => l.startsWith(`'141121B0100,'${AYUN_1121},`));
    expect(filas).toHaveLength(2);
    expect(filas[0]).toContain(',1,Guadalajara,98,San Pedro Tlaquepaque,1121,1,B,0,1,6,');
    expect(filas[1]).toContain(',1,Guadalajara,39,Guadalajara,1121,1,B,0,1,6,');
    expect(filas[1]).toContain(',4,9,');
    expect(texto('AYUN')).not.toContain('-2,');
    // CSV order (esperadas'): a part follows its casilla, wherever it counts.
    const dip = texto('DIP_LOC').split('\r\n');
    const i2 = dip.findIndex((l) => l.startsWith(`'142302C0100,'${DIP_2302},14,Jalisco,1,Guadalajara,120,Zapopan,2302,`));
    const i1 = dip.findIndex((l) => l.startsWith(`'142302C0100,'${DIP_2302},14,Jalisco,2,Zapopan,120,Zapopan,2302,`));
    expect(i1).toBeGreaterThan(0);
    expect(i2).toBe(i1 + 1);
    for (const codigo of ['GUB', 'DIP_LOC', 'AYUN']) {
      const leido = leerCsvResultados(texto(codigo));
      if (!leido.ok) throw new Error(leido.error.mensaje);
      const r = recalcular(leido.value, { final: false });
      if (!r.ok) throw new Error(r.error.mensaje);
      expect(compararResumen(leido.value, r.value)).toBeNull();
      expect(leido.value.filas.filter((f) => f.fields[1]!.value !== '-')).toHaveLength(m.eleccionPorCodigo.get(codigo)!.actas.length);
    }
  });
});

describe('LEEME of a catalogue with parts', () => {
  it('explains the rows of a split casilla in the elections that have parts only', () => {
    const m = modelo();
    expect(leeme(catalogoConPartes, m.eleccionPorCodigo.get('AYUN')!)).toContain('una fila por parte');
    expect(leeme(catalogoConPartes, m.eleccionPorCodigo.get('GUB')!)).not.toContain('una fila por parte');
  });
});

describe('incremental ≡ full with parts (property over random histories)', () => {
  it('after every corte, the incremental state and a full rebuild publish byte-identical shards and CSVs', async () => {
    const m = modelo();
    const partes = [...m.actaPorClave.values()].filter((a) => a.parte > 1);
    // Every history captures both parts (and may correct them): the uniform pick alone seldom would.
    const conPartes = fc.tuple(historia(m, 5), fc.tuple(...partes.map(entradaEsperada))).map(([h, ps]) => ({ cortes: [{ ...h.cortes[0]!, entradas: [...ps, ...h.cortes[0]!.entradas] }, ...h.cortes.slice(1)] }));
    await fc.assert(
      fc.asyncProperty(conPartes, async (h) => {
        const incremental = new EstadoCorte(m);
        const visto = new Map<string, string>();
        for (const { final, completo } of recorrerHistoria(h, incremental)) {
          const r = await renderizar(incremental, { final });
          for (const [id, b] of r.contenidos) visto.set(id, desdeUtf8(b));
          const rc = await renderizar(completo, { final });
          expect(rc.shards).toEqual(r.shards);
          expect(visto).toEqual(new Map([...rc.contenidos].map(([id, b]) => [id, desdeUtf8(b)])));
          const csv = (e: EstadoCorte) => [...archivosAbiertos(e, INSTANTE, final)].map((a) => desdeUtf8(a.contenido));
          expect(csv(completo)).toEqual(csv(incremental));
        }
      }),
      { numRuns: 60 },
    );
  });
});

describe('verificarCorte with parts', () => {
  let publicado: Map<string, Uint8Array>;
  beforeAll(async () => {
    const m = modelo();
    const actas = actasNoche(m);
    publicado = await publicarEnMemoria(m, [
      { actas: actas.slice(0, 12), instante: FIXTURE_APERTURA_MS },
      { actas: actas.slice(12), instante: FIXTURE_APERTURA_MS + 5 * 60_000 },
      { actas: [capturaDe(m, `${AYUN_1121}-2`, { MC: 4, PVEM_PT_MORENA: 2, NULOS: 1 }, 1)], instante: FIXTURE_APERTURA_MS + 10 * 60_000 },
    ]);
  });
  const fuente = (o: Map<string, Uint8Array>): Fuente => ({ leer: async (ruta) => o.get(ruta) ?? null });

  it('passes on a night of three cortes', async () => {
    const informe = await verificarCorte(fuente(publicado));
    expect(informe.primerFallo).toBeNull();
    expect(informe.comprobaciones.find((c) => c.que === 'CSV 20240602_2010_PREP_AYUN/AYUN.csv')!.detalle).toContain('filas iguales a sus actas');
  });

  it('fails when part 2’s row in the CSV is forged, even with every hash above it redone', async () => {
    const o = await rehacer(publicado, (m, o) => {
      const archivos = unzipSync(o.get(m.abiertos.ruta)!);
      const nombre = Object.keys(archivos).find((n) => n.endsWith('/AYUN.csv'))!;
      const lineas = desdeUtf8(archivos[nombre]!).split('\r\n');
      const i = lineas.findIndex((l) => l.startsWith(`'141121B0100,'${AYUN_1121},14,Jalisco,1,Guadalajara,39,`));
      const celdas = lineas[i]!.split(',');
      // MC of part 2 (4 → 5), with TOTAL_VOTOS_CALCULADO and the summary left as they are.
      const mc = 18 + modelo().eleccionPorCodigo.get('AYUN')!.columnas.indexOf('MC');
      expect(celdas[mc]).toBe('4');
      celdas[mc] = '5';
      lineas[i] = celdas.join(',');
      archivos[nombre] = utf8(lineas.join('\r\n')) as Uint8Array<ArrayBuffer>;
      return { abiertos: zipSync(archivos), nombre, csv: archivos[nombre]! };
    });
    const informe = await verificarCorte(fuente(o));
    expect(informe.ok).toBe(false);
    expect(informe.primerFallo!.que).toBe('CSV 20240602_2010_PREP_AYUN/AYUN.csv');
    expect(informe.primerFallo!.detalle).toContain(`CLAVE_ACTA '${AYUN_1121}`);
  });

  it('fails when part 2’s row in municipio 39 is forged, even with its parent’s row and every hash above it redone', async () => {
    const o = await rehacerValor(publicado, 'AYUN/municipio/39', (shard) => {
      const fila = (shard as TerritorioShard).secciones.find(([id]) => id === 1121)!;
      fila[2] = fila[2].map((x) => (x > 0 ? x + 1 : x));
    });
    const informe = await verificarCorte(fuente(o));
    expect(informe.primerFallo!.que).toBe('shards');
    expect(informe.primerFallo!.detalle).toContain('shard AYUN/municipio/39: sus resultados no son la suma de sus filas de sección');
  });

  it('fails when the sección shard’s tally leaves a part out, with every address and hash above it redone', async () => {
    const o = await rehacerValor(publicado, 'seccion/1121', (shard) => {
      const b = (shard as SeccionShard).elecciones.find((x) => x.codigo === 'AYUN')!;
      b.t = b.t.map((x, i) => (CONTEO[i] === 'esperadas' ? x - 1 : x));
    });
    const informe = await verificarCorte(fuente(o));
    expect(informe.primerFallo!.que).toBe('shards');
    expect(informe.primerFallo!.detalle).toContain('shard seccion/1121: las cifras de AYUN no son la suma de sus filas');
  });
});

/** The newest corte with its zip replaced, and every hash above it (manifest, pointer) redone: a forgery. */
async function rehacer(
  original: Map<string, Uint8Array>,
  cambiar: (m: ReturnType<typeof ManifiestoSchema.parse>, o: Map<string, Uint8Array>) => { abiertos: Uint8Array; nombre: string; csv: Uint8Array },
): Promise<Map<string, Uint8Array>> {
  const o = new Map(original);
  const p = PunteroSchema.parse(JSON.parse(desdeUtf8(o.get(RUTA_LATEST_RAIZ)!)));
  const m = ManifiestoSchema.parse(JSON.parse(desdeUtf8(o.get(p.manifiesto.ruta)!)));
  const { abiertos: zip, nombre, csv } = cambiar(m, o);
  const shaZip = await sha256Hex(zip);
  const archivos = await Promise.all(m.abiertos.archivos.map(async (a) => (a.nombre === nombre ? { ...a, sha256: await sha256Hex(csv), bytes: csv.length } : a)));
  const abiertos = { ...m.abiertos, ruta: rutaAbiertos(14, shaZip, m.abiertos.nombre), sha256: shaZip, bytes: zip.length, archivos };
  o.set(abiertos.ruta, zip);
  const nuevo = utf8(JSON.stringify({ ...m, abiertos }));
  const sha = await sha256Hex(nuevo);
  o.set(rutaManifiesto(14, sha), nuevo);
  const np = { ...p, manifiesto: { ruta: rutaManifiesto(14, sha), sha256: sha }, abiertos: { ruta: abiertos.ruta, nombre: abiertos.nombre, sha256: shaZip, bytes: zip.length } };
  o.set(RUTA_LATEST_RAIZ, utf8(JSON.stringify(np)));
  return o;
}
