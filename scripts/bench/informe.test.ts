import { describe, expect, it } from 'vitest';
import { informe, metasIssue16, PREVIO, type Largos, type Maquina } from './informe.ts';
import { archivoMasGrande, type MedidaNoche, type MedidaReplay } from './largos.ts';
import type { MedidaNucleo } from './nucleo.ts';
import type { ResultadoCarga } from './carga.ts';
import type { MedidaWorkerd } from './workerd.ts';

const carga = (porSegundo: number, p99: number): ResultadoCarga => ({
  solicitudes: 1000,
  segundos: 1000 / porSegundo,
  porSegundo,
  p50: p99 / 2,
  p99,
  fallidas: 0,
  reintentos: 0,
  conflictos: 0,
  respuestasRepetidas: 0,
  estados: {},
});

const nucleo = (nombre: string, completoMs: number, inc1Ms: number): MedidaNucleo => ({
  nombre,
  entidades: 1,
  actas: 32_709,
  completoMs,
  abiertosMs: 100,
  inc1Ms,
  inc1PrimeroMs: inc1Ms * 1.4,
  sucesivos: 5,
  inc10Ms: completoMs / 3,
  abiertosInc1Ms: 90,
  shards: 4224,
  mbShards: 37,
  shardsInc1: 447,
  shardsInc10: 2581,
  heapMb: 10,
  repeticiones: 3,
});

const corte = { modo: 'completo', actasProcesadas: 1, shardsEscritos: 1, shardsReusados: 0, mbEscritos: 1, msCorte: 1, msInvocacion: 1 };
const tamano = { crudo: 1000, gzip: 500 };
const serie = { n: 1, mediana: tamano, max: tamano, total: tamano };
const workerd = {
  actasEsperadas: 32_709,
  precargadas: 32_383,
  pendientes: 326,
  clientes: 8,
  completo: corte,
  incremental: corte,
  acopioImagen: carga(140, 110),
  captura: carga(400, 80),
  capturaConConsolas: carga(380, 85),
  lecturasConsola: { consolas: 10, lecturas: 20, p50: 5, p99: 9, fallidas: 0 },
  ping: carga(700, 30),
  escrituras: { esperadas: 652, enD1: 652, perdidas: 0, duplicadas: 0, detalle: 'bien' },
  bytes: {
    corte: 2,
    entidad: [],
    distritos: serie,
    municipios: serie,
    secciones: serie,
    otros: [],
    zip: { nombre: 'z.zip', bytes: 1 },
    portal: [],
    vistas: [{ vista: 'entidad', ruta: '/eleccion/?e=GUB', total: 40 * 1024, js: 20 * 1024, datos: 10 * 1024, medido: 'Chromium' }],
  },
  segundosPreparacion: 20,
} as unknown as MedidaWorkerd;

const noche = (segundos: number, codigo = 0, ok = true): MedidaNoche => ({
  comando: 'npm start -- --salir',
  segundos,
  codigo,
  registro: '.state/bench-noche.log',
  simulacro: { segundos: segundos - 60, segundosPreparacion: 50, segundosHastaConciliacion: segundos - 5, actas: 32_313, solicitudes: 130_036, cortes: 280, conciliacion: { ok } },
});

const replay = (segundos: number, codigo = 0): MedidaReplay => ({
  comando: 'npm run replay -- a.csv b.csv',
  segundos,
  codigo,
  registro: '.state/bench-replay.log',
  carpeta: 'IEE-PUE_2019_GUB_20190603_0915',
  filas: 7697,
  envio: '7,696 actas enviadas por la API en 150.0 s (51.3 actas/s, …): …',
});

const rapido = [nucleo('Jalisco (generateJalisco), SHA-256 node:crypto', 140, 6), nucleo('National (32 entidades)', 2900, 140)];
const meta = (metas: ReturnType<typeof metasIssue16>, empieza: string) => metas.find((m) => m.meta.startsWith(empieza))!;

describe('the targets of issue 16', () => {
  it('are met only under their limits, each with its previous figure beside it', () => {
    const metas = metasIssue16(rapido, workerd, { noche: noche(7 * 60 + 59), replay: replay(179) });
    expect(metas.every((m) => m.ok)).toBe(true);
    expect(meta(metas, '`npm start`').previo).toBe(PREVIO.noche);
    expect(meta(metas, 'Replay').previo).toBe(PREVIO.replay);
    expect(meta(metas, 'Replay').medido).toContain('2 min 59 s');
    expect(meta(metas, '`npm start`').medido).toMatch(/^7 min 59 s the whole command \(32,313 actas, 130,036 requests, 280 cortes/);

    const lentos = metasIssue16(
      [nucleo('Jalisco (generateJalisco), SHA-256 node:crypto', 151, 6), nucleo('National (32 entidades)', 3001, 140)],
      { ...workerd, captura: carga(349, 80) } as MedidaWorkerd,
      { noche: noche(8 * 60 + 1), replay: replay(181) },
    );
    for (const m of ['`npm start`', 'Replay', 'Capture', 'Jalisco full', 'National full']) expect(meta(lentos, m).ok, m).toBe(false);
  });

  it('a night that does not reconcile or a replay that does not match is not met, however fast', () => {
    const metas = metasIssue16(rapido, workerd, { noche: noche(300, 1, false), replay: replay(60, 1) });
    expect(meta(metas, '`npm start`').ok).toBe(false);
    expect(meta(metas, '`npm start`').medido).toContain('**failed**');
    expect(meta(metas, 'Replay').ok).toBe(false);
    expect(meta(metas, 'Replay').medido).toContain('**exit 1**');
  });

  it('says what was skipped, and the incremental target needs both scales', () => {
    const metas = metasIssue16([rapido[0]!], workerd, { noche: null, replay: null });
    expect(meta(metas, '`npm start`')).toMatchObject({ ok: false, medido: 'not measured (--sin-noche)' });
    expect(meta(metas, 'Replay')).toMatchObject({ ok: false, medido: 'not measured (--sin-replay)' });
    expect(meta(metas, 'Incremental').ok).toBe(false);
  });

  it('the section has the targets table with a previous column', () => {
    const m: Maquina = {
      cpu: 'x',
      memoriaGb: 1,
      sistema: 'y',
      node: 'v24',
      wrangler: '4',
      workerd: '1',
      fecha: '2026-12-05 04:00 UTC',
      comando: 'npm run bench',
      commit: 'abc',
      cargaInicio: 1,
      cargaFin: 1,
      segundos: 600,
    };
    const largos: Largos = { noche: noche(400), replay: replay(150) };
    const { markdown, metas } = informe(m, rapido, workerd, null, largos);
    expect(markdown).toContain('### Targets (issue 16)');
    expect(markdown).toContain('| target | previous | measured | |');
    expect(markdown).toContain(`| ${PREVIO.noche} | 6 min 40 s the whole command`);
    expect(metas).toHaveLength(8);
  });
});

describe('the largest real file of the corpus', () => {
  it('is IEE Puebla 2019 Gubernatura, results before candidaturas', () => {
    const a = archivoMasGrande();
    expect(a.carpeta).toBe('IEE-PUE_2019_GUB_20190603_0915');
    expect(a.archivos).toEqual(['PUE_GUB_ext_2019.csv.gz', 'PUE_GUB_CANDIDATURAS_ext_2019.csv.gz']);
    expect(a.filas).toBeGreaterThan(7500);
  });
});
