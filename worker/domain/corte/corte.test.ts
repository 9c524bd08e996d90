import fc from 'fast-check';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseCsv } from '../csv/leer.ts';
import { FIXTURE_APERTURA_MS, fixtureActas, catalogoEjemplo } from '../../../test/ejemplos/eleccion.ts';
import { desdeUtf8 } from './bytes.ts';
import { archivosAbiertos, prepararCorte } from './corte.ts';
import { anchoDatos } from './csv-resultados.ts';
import { EstadoCorte } from './estado.ts';
import { historia, recorrerHistoria } from '../../../test/ejemplos/historias.ts';
import { construirModelo, type CorteModelo } from './modelo.ts';
import { gruposDeSecciones, renderizar } from './generar-shards.ts';
import { direccionShard, grupoDeSeccion, resultadosDeFila, SECCIONES_POR_GRUPO } from '../contrato/index.ts';
import { EntidadShardSchema, GrupoSeccionesShardSchema, SeccionShardSchema, TerritorioShardSchema, TerritoriosShardSchema } from './shards.ts';
import { compararResumen, leerCsvResultados, recalcular } from './verificar-csv.ts';

const GOLDEN = path.join(path.dirname(fileURLToPath(import.meta.url)), 'golden');
const INSTANTE = FIXTURE_APERTURA_MS + 60 * 60_000;

function modelo(): CorteModelo {
  const m = construirModelo(catalogoEjemplo);
  if (!m.ok) throw new Error(JSON.stringify(m.error));
  return m.value;
}

function estadoFixture(): EstadoCorte {
  return EstadoCorte.completo(modelo(), fixtureActas.map((f) => f.acta)).estado;
}

function bytesCsv(estado: EstadoCorte, codigo: string, final = false): Uint8Array {
  const archivos = [...archivosAbiertos(estado, INSTANTE, final)];
  return archivos.find((x) => x.nombre.endsWith(`/${codigo}.csv`))!.contenido;
}

function csvDe(estado: EstadoCorte, codigo: string, final = false): string {
  return desdeUtf8(bytesCsv(estado, codigo, final));
}

describe('results CSV of the fixture election (docs/REGLAS.md §7)', () => {
  for (const codigo of ['GUB', 'DIP_LOC', 'AYUN']) {
    it(`${codigo}: byte for byte the golden file`, () => {
      const archivo = path.join(GOLDEN, `fixture-${codigo}.csv`);
      const bytes = bytesCsv(estadoFixture(), codigo);
      expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      if (process.env.UPDATE_GOLDEN === '1') writeFileSync(archivo, bytes);
      expect(Buffer.from(bytes).equals(readFileSync(archivo))).toBe(true);
    });
  }

  it('has the BOM, the two title lines, CRLF, apostrophe keys, -, Ilegible, Sin dato and truncated percentages', () => {
    const csv = csvDe(estadoFixture(), 'GUB');
    const lineas = csv.slice(1).split('\r\n');
    expect(csv.startsWith('\uFEFFGubernatura\r\n02/06/2024 21:00 (UTC-6)\r\n')).toBe(true);
    expect(csv.replaceAll('\r\n', '')).not.toContain('\n');
    // 14 of 15 expected actas captured: 93.3333… truncated; 7 of 15 counted: 46.6666… (rounding would give 46.6667).
    expect(lineas[3]!.split(',').slice(0, 8)).toEqual(['15', '15', '1', '14', '93.3333', '7', '46.6666', '53.3333']);
    expect(lineas[5]!.startsWith("'140338B0100,'140338B01004,14,Jalisco,1,Guadalajara,39,Guadalajara,338,1,B,0,1,4,")).toBe(true);
    expect(csv).toContain(',Ilegible,');
    expect(csv).toContain(',Sin dato,');
    expect(csv).toContain(',"Excede Lista Nominal, Ilegible",0,');
    // Expected but not registered (GUB of 142302C0100): catalogue columns, then `-` everywhere but LN / representantes.
    const pendiente = lineas.find((l) => l.startsWith("'142302C0100"))!;
    expect(pendiente.split(',').filter((c) => c === '-')).toHaveLength(pendiente.split(',').length - 16);
    expect(pendiente).toContain(',519,7,-,-,');
    // Fuera de catálogo last, with `-` keys and CONTABILIZADA 2.
    expect(lineas.at(-2)!.startsWith('-,-,14,Jalisco,-,-,-,-,9998,1,B,0,-,4,')).toBe(true);
    expect(lineas.at(-2)).toContain(',Fuera de catálogo,2,');
    expect(lineas.at(-1)).toBe('');
  });

  it('reads back with the RFC 4180 parser: the header width on every row, one row per expected acta, fuera de catálogo last', () => {
    const estado = estadoFixture();
    for (const em of estado.modelo.elecciones) {
      const r = parseCsv(csvDe(estado, em.eleccion.codigo));
      expect(r.ok).toBe(true);
      if (!r.ok) return;
      const [titulo, corte, cabResumen, resumen, cabecera, ...filas] = r.value;
      expect(titulo!.fields.map((f) => f.value)).toEqual([em.eleccion.nombre]);
      expect(corte!.fields.map((f) => f.value)).toEqual(['02/06/2024 21:00 (UTC-6)']);
      expect(cabResumen!.fields).toHaveLength(13);
      expect(resumen!.fields).toHaveLength(13);
      expect(cabecera!.fields).toHaveLength(anchoDatos(em));
      for (const f of filas) expect(f.fields).toHaveLength(anchoDatos(em));
      const claves = filas.map((f) => f.fields[1]!.value);
      const fc = claves.filter((c) => c === '-').length;
      expect(claves.slice(0, em.actas.length)).toEqual(em.actas.map((a) => `'${a.clave}`));
      expect(claves).toHaveLength(em.actas.length + fc);
    }
  });

  it('its summary row is what its rows add up to, and the final corte switches participation to TOTAL_VOTOS_C_CS', () => {
    const estado = estadoFixture();
    for (const final of [false, true]) {
      for (const em of estado.modelo.elecciones) {
        const leido = leerCsvResultados(csvDe(estado, em.eleccion.codigo, final));
        if (!leido.ok) throw new Error(leido.error.mensaje);
        const r = recalcular(leido.value, { final });
        if (!r.ok) throw new Error(r.error.mensaje);
        expect(compararResumen(leido.value, r.value)).toBeNull();
      }
    }
    const participacion = (final: boolean) => csvDe(estado, 'GUB', final).split('\r\n')[3]!.split(',')[12];
    // 2054 / 2763 votes without especiales vs 2810 / 2763 with them (docs/REGLAS.md §5).
    expect(participacion(false)).toBe('74.3394');
    expect(participacion(true)).toBe('101.7010');
  });
});

describe('shards of the fixture election', () => {
  it('every shard parses with its schema; rows expand to the territory figures', async () => {
    const estado = estadoFixture();
    const r = await renderizar(estado, { final: false });
    const porId = new Map([...r.contenidos].map(([id, b]) => [id, JSON.parse(desdeUtf8(b)) as unknown]));
    expect(TerritoriosShardSchema.safeParse(porId.get('territorios')).success).toBe(true);
    for (const [id, json] of porId) {
      if (id.startsWith('seccion/')) expect(SeccionShardSchema.safeParse(json).error).toBeUndefined();
      if (/\/(distrito|municipio)\//.test(id)) expect(TerritorioShardSchema.safeParse(json).error).toBeUndefined();
    }
    const gub = EntidadShardSchema.parse(porId.get('GUB/entidad'));
    expect(gub.resultados.figuras.ACTAS_ESPERADAS).toBe(15);
    expect(gub.fueraCatalogo.map((a) => a.clave)).toEqual(['FC-15']);
    const d1 = TerritorioShardSchema.parse(porId.get('GUB/distrito/1'));
    expect(resultadosDeFila(gub.distritos[0]!, gub).figuras).toEqual(d1.resultados.figuras);
    const d1Ref = r.shards.find((s) => s.id === 'GUB/distrito/1')!;
    expect(gub.distritos[0]!.h).toBe(d1Ref.sha256.slice(0, 20));
    expect(d1Ref.ruta).toBe(`datos/14/GUB/distrito/1/${gub.distritos[0]!.h}.json`);
  });

  it('a corte with no change renders nothing new; a change re-renders its sección, its group and the entidad shards, its parents only when its figures move', async () => {
    const estado = estadoFixture();
    await renderizar(estado, { final: false });
    expect((await renderizar(estado, { final: false })).nuevos).toEqual([]);
    const acta = fixtureActas[0]!.acta;
    const otra = { ...acta, cotejada: 1 as const };
    estado.aplicar([{ antes: acta, despues: otra }]);
    const ids = (await renderizar(estado, { final: false })).nuevos.map((n) => n.id).sort();
    // Its parents' rows carry its figures, not its shard's address (shard version 6): they keep their bytes.
    expect(ids).toEqual(['AYUN/entidad', 'DIP_LOC/entidad', 'GUB/entidad', 'seccion/338', 'secciones/3']);
    const votos = Object.fromEntries(Object.entries(otra.captura!.votos).map(([k, v], i) => [k, i === 0 && typeof v === 'number' ? v + 1 : v]));
    estado.aplicar([{ antes: otra, despues: { ...otra, captura: { ...otra.captura!, votos } } }]);
    const movidos = (await renderizar(estado, { final: false })).nuevos.map((n) => n.id).filter((id) => /\/(distrito|municipio)\//.test(id));
    expect(movidos.sort()).toEqual([`${acta.identificacion.eleccion}/distrito/1`, `${acta.identificacion.eleccion}/municipio/39`]);
  });

  it('the same state gives the same manifest bytes; a manifest names its predecessor', async () => {
    const d = { numero: 1, instante: INSTANTE, secuencia: 24, final: false, anterior: null, cambios: [] };
    const a = await prepararCorte(estadoFixture(), d);
    const b = await prepararCorte(estadoFixture(), d);
    expect(a.manifiesto.sha256).toBe(b.manifiesto.sha256);
    expect(a.abiertos.sha256).toBe(b.abiertos.sha256);
    const anterior = { numero: 1, sha256: a.manifiesto.sha256, ruta: a.manifiesto.ruta, secuencia: 24 };
    const c = await prepararCorte(estadoFixture(), { ...d, numero: 2, anterior });
    expect(c.manifiesto.valor.anterior).toEqual({ numero: 1, sha256: a.manifiesto.sha256, ruta: a.manifiesto.ruta });
    expect(c.puntero.manifiesto.sha256).toBe(c.manifiesto.sha256);
    expect(c.manifiesto.ruta).toBe(`datos/14/manifiestos/${c.manifiesto.sha256}.json`);
    // Its shard list is joined from cached entries: still exactly JSON.stringify of the manifest.
    expect(desdeUtf8(c.manifiesto.contenido)).toBe(JSON.stringify(c.manifiesto.valor));
  });
});

describe('groups of secciones (shard version 5: a sección from a link without its parents)', () => {
  it('every sección of the catalogue is one row of its group, addressing its shard; the pointer lists the groups by number', async () => {
    const d = { numero: 1, instante: INSTANTE, secuencia: 24, final: false, anterior: null, cambios: [] };
    const c = await prepararCorte(estadoFixture(), d);
    const porId = new Map(c.shards.map((s) => [s.id, s]));
    const leer = (id: string) => JSON.parse(desdeUtf8(c.contenidos.get(id)!)) as unknown;
    const grupos = c.shards.filter((s) => s.id.startsWith('secciones/'));
    const secciones = modelo().secciones.map((s) => s.id);
    // The fixture's secciones 338, 1121, 2302 …: one group each hundred, the pointer's index the group's number.
    expect(grupos.map((g) => g.id).sort()).toEqual([...new Set(secciones.map((s) => `secciones/${grupoDeSeccion(s)}`))].sort());
    expect(c.puntero.secciones.porGrupo).toBe(SECCIONES_POR_GRUPO);
    for (const [g, h] of c.puntero.secciones.grupos.entries()) {
      const ref = porId.get(`secciones/${g}`);
      expect(h).toBe(ref ? direccionShard(ref.sha256) : null);
    }
    const filas = grupos.flatMap((g) => {
      const v = GrupoSeccionesShardSchema.parse(leer(g.id));
      expect(g.id).toBe(`secciones/${v.grupo}`);
      expect(v.catalogo).toEqual(EntidadShardSchema.parse(leer('GUB/entidad')).catalogo);
      return v.secciones;
    });
    expect(filas.map((f) => f.id).sort((a, b) => a - b)).toEqual(secciones);
    for (const f of filas) expect(f.h).toBe(direccionShard(porId.get(`seccion/${f.id}`)!.sha256));
  });

  it('a group keeps its bytes while none of its secciones moves (the final flag alone moves none of them)', async () => {
    const estado = estadoFixture();
    const antes = await renderizar(estado, { final: false });
    const grupos = (r: { shards: { id: string; sha256: string }[] }) => r.shards.filter((s) => s.id.startsWith('secciones/'));
    const final = await renderizar(estado, { final: true });
    // Every sección shard says `final`, so every address and every group moves; then nothing does.
    expect(grupos(final).every((g, i) => g.sha256 !== grupos(antes)[i]!.sha256)).toBe(true);
    const otra = await renderizar(estado, { final: true });
    expect(otra.nuevos.filter((n) => n.id.startsWith('secciones/'))).toEqual([]);
    expect(grupos(otra)).toEqual(grupos(final));
  });
});

describe('shard hashes of the fixture election (golden table)', () => {
  it('byte for byte the golden table (SHA-256 per shard) after a full, an incremental and the final corte', async () => {
    const archivo = path.join(GOLDEN, 'fixture-shards.json');
    const estado = estadoFixture();
    const tabla = (r: { shards: { id: string; sha256: string }[] }) => Object.fromEntries(r.shards.map((s) => [s.id, s.sha256]));
    const completo = tabla(await renderizar(estado, { final: false }));
    estado.aplicar([{ antes: fixtureActas[0]!.acta, despues: { ...fixtureActas[0]!.acta, cotejada: 1 } }]);
    const incremental = tabla(await renderizar(estado, { final: false }));
    const final = tabla(await renderizar(estado, { final: true }));
    const texto = `${JSON.stringify({ completo, incremental, final }, null, 2)}\n`;
    if (process.env.UPDATE_GOLDEN === '1') writeFileSync(archivo, texto);
    expect(texto).toBe(readFileSync(archivo, 'utf8'));
  });
});

/** Every shard's bytes and every CSV of a state, as text. */
interface Publicado {
  shards: Map<string, string>;
  csv: string[];
}

describe('incremental ≡ full (property over random histories of captures and corrections)', () => {
  it('after every corte, the incremental state and a full rebuild publish byte-identical shards and CSVs', async () => {
    const m = modelo();
    await fc.assert(
      fc.asyncProperty(historia(m, 5), async (h) => {
        const incremental = new EstadoCorte(m);
        const visto: Publicado = { shards: new Map(), csv: [] };
        for (const { final, completo } of recorrerHistoria(h, incremental)) {
          const r = await renderizar(incremental, { final });
          for (const [id, b] of r.contenidos) visto.shards.set(id, desdeUtf8(b));
          visto.csv = [...archivosAbiertos(incremental, INSTANTE, final)].map((a) => desdeUtf8(a.contenido));
          const rc = await renderizar(completo, { final });
          const full = new Map([...rc.contenidos].map(([id, b]) => [id, desdeUtf8(b)]));
          expect(rc.shards).toEqual(r.shards);
          // The groups of secciones (shard version 5) are among the shards compared.
          expect(r.shards.filter((s) => s.id.startsWith('secciones/'))).toHaveLength(gruposDeSecciones(m).size);
          expect(visto.shards).toEqual(full);
          expect([...archivosAbiertos(completo, INSTANTE, final)].map((a) => desdeUtf8(a.contenido))).toEqual(visto.csv);
        }
      }),
      { numRuns: 100 },
    );
  });

  it('every shard built from cached fragments is exactly JSON.stringify of its own value', async () => {
    const m = modelo();
    await fc.assert(
      fc.asyncProperty(historia(m, 5), async (h) => {
        const estado = new EstadoCorte(m);
        const log = new Map<string, (typeof h.cortes)[number]['entradas'][number]>();
        for (const corte of h.cortes) {
          const ahora = new Map(corte.entradas.map((a) => [a.clave, a]));
          estado.aplicar([...ahora.values()].map((despues) => ({ antes: log.get(despues.clave) ?? null, despues })));
          for (const a of corte.entradas) log.set(a.clave, a);
          const r = await renderizar(estado, { final: corte.final });
          for (const b of r.contenidos.values()) {
            const texto = desdeUtf8(b);
            expect(JSON.stringify(JSON.parse(texto))).toBe(texto);
          }
        }
      }),
      { numRuns: 50 },
    );
  });
});
