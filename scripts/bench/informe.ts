/** The `npm run bench` section of docs/BENCHMARKS.md, and the targets of issue 16 with whether each is met. */
import { minutosYSegundos } from '../lib/formato.ts';
import type { Conciliacion } from '../simulacro/conciliacion.ts';
import type { CifrasNoche } from '../simulacro/resumen.ts';
import type { MedidaNoche, MedidaReplay } from './largos.ts';
import { RONDAS_CAPTURA, type ResultadoCarga } from './carga.ts';
import type { MedidaNucleo } from './nucleo.ts';
import type { MedidaWorkerd } from './workerd.ts';

export interface Maquina {
  cpu: string;
  memoriaGb: number;
  sistema: string;
  node: string;
  wrangler: string;
  workerd: string;
  fecha: string;
  comando: string;
  commit: string;
  cargaInicio: number;
  cargaFin: number;
  segundos: number;
}

const f0 = (n: number) => Math.round(n).toLocaleString('en-US');
const f1 = (n: number) => n.toLocaleString('en-US', { maximumFractionDigits: 1, minimumFractionDigits: 1 });
const kb = (b: number) => `${(b / 1024).toLocaleString('en-US', { maximumFractionDigits: 1, minimumFractionDigits: 1 })} KB`;
const mb = (b: number) => `${(b / 1e6).toLocaleString('en-US', { maximumFractionDigits: 2, minimumFractionDigits: 2 })} MB`;
const si = (ok: boolean) => (ok ? '**met**' : '**not met**');

function filaCarga(nombre: string, r: ResultadoCarga): string {
  return `| ${nombre} | ${f0(r.solicitudes)} | ${f1(r.porSegundo)} | ${f1(r.p50)} | ${f1(r.p99)} | ${f0(r.reintentos)} | ${f0(r.conflictos)} | ${f0(r.fallidas)} |`;
}

/**
 * What `npm start` left in .state/simulacro.json (another run, shown apart with its own date): its settings,
 * the figures of `resumenNoche` and the reconciliation, as scripts/start.ts writes them.
 */
export interface SimulacroPrevio {
  fecha: string;
  datos: CifrasNoche & {
    seed: number;
    velocidad: number;
    limiteActas: number | null;
    cadenciaMin: number;
    concurrencia: number;
    conciliacion: Conciliacion;
  };
}

/** The long measurements of issue 16 (largos.ts); null: skipped with --sin-noche / --sin-replay. */
export interface Largos {
  noche: MedidaNoche | null;
  replay: MedidaReplay | null;
}

/** One row of the targets table: what is asked, what was measured before (`previo`), now, and whether it is met. */
export interface Meta {
  meta: string;
  previo: string;
  medido: string;
  ok: boolean;
}

/**
 * The figures beside each target before issue 16: issue 6's `npm run bench` of 2026-11-25 (commit d59dee0), its
 * separate `npm start` of the same day, and the replay of IEE Puebla 2019 GUB on a quiet machine (2026-12-04, commit
 * de21575), as docs/BENCHMARKS.md recorded them.
 */
export const PREVIO = {
  noche: '18 min 59 s for the night alone (idle machine, 2026-11-25); 29 min 56 s before the reconciliation on a shared one',
  replay: '6 min 33 s (IEE Puebla 2019 GUB, 7,696 rows, quiet machine, 2026-12-04)',
  captura: '174.8 vs 647.8 req/s (27 %), capture p99 92 ms',
  jaliscoCompleto: '641 ms (shards)',
  nacionalCompleto: '7.8 s (shards)',
  incremental: 'Jalisco 1/16.1, national 1/8.9',
  vistaEntidad: '41.3 KB',
  escrituras: '0 lost, 0 duplicated',
} as const;

const LIMITE_NOCHE_S = 8 * 60;
const LIMITE_REPLAY_S = 3 * 60;

function metaNoche(n: MedidaNoche | null): Meta {
  const meta = '`npm start` (the whole default Jalisco night, reconciled) ≤ 8 min on 2 cores';
  if (n === null) return { meta, previo: PREVIO.noche, medido: 'not measured (--sin-noche)', ok: false };
  const s = n.simulacro as { segundos?: number; segundosPreparacion?: number; segundosHastaConciliacion?: number; actas?: number; solicitudes?: number; cortes?: number; conciliacion?: { ok?: boolean } } | null;
  const limpia = n.codigo === 0 && s?.conciliacion?.ok === true;
  const detalle =
    s === null
      ? `exit ${n.codigo}, no .state/simulacro.json`
      : `${f0(s.actas ?? 0)} actas, ${f0(s.solicitudes ?? 0)} requests, ${f0(s.cortes ?? 0)} cortes; preparation ${minutosYSegundos(s.segundosPreparacion ?? 0)}, ` +
        `night ${minutosYSegundos(s.segundos ?? 0)}, up to the reconciliation ${minutosYSegundos(s.segundosHastaConciliacion ?? 0)}; reconciliation ${limpia ? 'clean' : `**failed** (exit ${n.codigo})`}`;
  return { meta, previo: PREVIO.noche, medido: `${minutosYSegundos(n.segundos)} the whole command (${detalle})`, ok: limpia && n.segundos <= LIMITE_NOCHE_S };
}

function metaReplay(r: MedidaReplay | null): Meta {
  const meta = 'Replay of a 7,500-acta real file ≤ 3 min (`npm run replay`, the corpus\'s largest file)';
  if (r === null) return { meta, previo: PREVIO.replay, medido: 'not measured (--sin-replay)', ok: false };
  const coincide = r.codigo === 0;
  return {
    meta,
    previo: PREVIO.replay,
    medido: `${minutosYSegundos(r.segundos)} the whole command (${r.carpeta}, ${f0(r.filas)} lines${r.envio ? `; ${r.envio.replace(/:.*$/, '')}` : ''}; ${coincide ? 'exit 0, matches' : `**exit ${r.codigo}**`})`,
    ok: coincide && r.segundos <= LIMITE_REPLAY_S,
  };
}

/** The targets of issue 16 (and issue 6's two that stay), each with its previous figure. */
export function metasIssue16(nucleo: readonly MedidaNucleo[], w: MedidaWorkerd, largos: Largos): Meta[] {
  const jal = nucleo.find((x) => x.nombre.startsWith('Jalisco') && x.nombre.includes('node:crypto'))!;
  const nac = nucleo.find((x) => x.nombre.startsWith('National'));
  const vistaEntidad = w.bytes.vistas.find((x) => x.ruta.startsWith('/eleccion/'));
  const ratio = w.captura.porSegundo / w.ping.porSegundo;
  return [
    metaNoche(largos.noche),
    metaReplay(largos.replay),
    {
      meta: 'Capture ≥ 50 % of the no-op route’s requests/s, with p99 ≤ 100 ms',
      previo: PREVIO.captura,
      medido: `${f1(w.captura.porSegundo)} vs ${f1(w.ping.porSegundo)} req/s (${f0(ratio * 100)} %), capture p99 ${f0(w.captura.p99)} ms`,
      ok: ratio >= 0.5 && w.captura.p99 <= 100,
    },
    {
      meta: 'Jalisco full corte in the domain core ≤ 150 ms',
      previo: PREVIO.jaliscoCompleto,
      medido: `${f0(jal.completoMs)} ms (shards); ${f0(jal.completoMs + jal.abiertosMs)} ms with the open-data zip`,
      ok: jal.completoMs <= 150,
    },
    {
      meta: 'National full corte in the domain core ≤ 3 s',
      previo: PREVIO.nacionalCompleto,
      medido: nac ? `${f1(nac.completoMs / 1000)} s (shards); ${f1((nac.completoMs + nac.abiertosMs) / 1000)} s with the open-data zips` : 'not measured (--sin-nacional)',
      ok: nac !== undefined && nac.completoMs <= 3000,
    },
    {
      meta: 'Incremental corte with 1 % changed ≤ 1/20 of full, at both scales (domain core)',
      previo: PREVIO.incremental,
      medido: `Jalisco 1/${f1(jal.completoMs / jal.inc1Ms)}${nac ? `, national 1/${f1(nac.completoMs / nac.inc1Ms)}` : ', national not measured'} (shards, cortes in a row); the first after the full one: Jalisco 1/${f1(jal.completoMs / jal.inc1PrimeroMs)}${nac ? `, national 1/${f1(nac.completoMs / nac.inc1PrimeroMs)}` : ''}`,
      ok: nac !== undefined && jal.inc1Ms * 20 <= jal.completoMs && nac.inc1Ms * 20 <= nac.completoMs,
    },
    {
      meta: 'Entidad view ≤ 100 KB transferred (issue 6)',
      previo: PREVIO.vistaEntidad,
      medido: vistaEntidad ? `${kb(vistaEntidad.total)} (${vistaEntidad.medido}: ${kb(vistaEntidad.js)} JS, ${kb(vistaEntidad.datos)} data)` : 'not measured',
      ok: vistaEntidad !== undefined && vistaEntidad.total <= 100 * 1024,
    },
    {
      meta: 'Lost or duplicated writes under load = 0 (issue 6)',
      previo: PREVIO.escrituras,
      medido: `${w.escrituras.perdidas} lost, ${w.escrituras.duplicadas} duplicated (${f0(w.escrituras.enD1)} captures in D1 for ${f0(w.escrituras.esperadas)} answered 200)`,
      ok: w.escrituras.perdidas === 0 && w.escrituras.duplicadas === 0,
    },
  ];
}

export function informe(
  m: Maquina,
  nucleo: readonly MedidaNucleo[],
  w: MedidaWorkerd,
  sim: SimulacroPrevio | null = null,
  largos: Largos = { noche: null, replay: null },
): { markdown: string; metas: string[] } {
  const metas = metasIssue16(nucleo, w, largos);
  const ratio = w.captura.porSegundo / w.ping.porSegundo;
  const b = w.bytes;
  const md: string[] = [];
  md.push('## The whole system, side by side (`npm run bench`)');
  md.push('');
  md.push(
    `Measured ${m.fecha} with \`${m.comando}\` (commit ${m.commit}) on ${m.cpu}, ${m.memoriaGb} GB RAM, ${m.sistema}; Node ${m.node}, wrangler ${m.wrangler} (workerd ${m.workerd}). ` +
      `The run took ${minutosYSegundos(m.segundos)}. Load average when it started / ended: ${f1(m.cargaInicio)} / ${f1(m.cargaFin)} ` +
      `(on 2 vCPUs, anything above ~1 means other processes shared the machine and every figure below is slower than on an idle one).`,
  );
  md.push('');
  md.push('### Targets (issue 16)');
  md.push('');
  md.push('"Previous": the figures before issue 16 (the targets table of issue 6, its `npm start`, and the replay section below).');
  md.push('');
  md.push('| target | previous | measured | |');
  md.push('|---|---|---|---|');
  for (const x of metas) md.push(`| ${x.meta} | ${x.previo} | ${x.medido} | ${si(x.ok)} |`);
  md.push('');
  md.push('### Corte in the domain core (CPU ms, no I/O)');
  md.push('');
  md.push(
    'Every expected acta verified (synthetic, `scripts/bench/corte-sintetico.ts`); "shards" = classification, tallies, shard JSON, UTF-8 and SHA-256 ' +
      '(everything `renderizar` hands to R2); "zip" = the results CSVs and the zip of the open data, which every corte carries whole. ' +
      `An incremental figure is the median of ${nucleo[0]?.sucesivos ?? 0} incremental cortes in a row on the same state, each with other actas changed (a night's cortes follow each other); "first" is the first of them, right after the full corte. ` +
      'Median of the repetitions; national = the 32 entidades of `generarNacional` one after another (one corte per entidad, as one Worker publishes one entidad), summed. ' +
      'Measured with `scripts/bench-corte.ts`.',
  );
  md.push('');
  md.push('| scale | actas | full: shards | full: zip | incr. 1 %: shards (first) | incr. 1 %: zip | incr. 10 %: shards | 1 % / full | 10 % / full | shards written full / 1 % / 10 % | heap kept | reps |');
  md.push('|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
  for (const x of nucleo) {
    md.push(
      `| ${x.nombre} | ${f0(x.actas)} | ${f0(x.completoMs)} | ${f0(x.abiertosMs)} | ${f1(x.inc1Ms)} (${f1(x.inc1PrimeroMs)}) | ${f0(x.abiertosInc1Ms)} | ${f1(x.inc10Ms)} | ` +
        `1/${f1(x.completoMs / x.inc1Ms)} | 1/${f1(x.completoMs / x.inc10Ms)} | ${f0(x.shards)} / ${f0(x.shardsInc1)} / ${f0(x.shardsInc10)} | ${f0(x.heapMb)} MB | ${x.repeticiones} |`,
    );
  }
  md.push('');
  md.push('### Corte through the scheduled handler, local workerd with D1 and R2, Jalisco scale');
  md.push('');
  md.push(
    `The synthetic Jalisco catalogue (${f0(w.actasEsperadas)} expected actas) with ${f0(w.precargadas)} verified actas preloaded into the publication log ` +
      `(\`acta_publicacion\`, the corte's input), then the cron path (\`scheduled()\` at a time inside the window, through wrangler dev's trigger endpoint). ` +
      `The incremental corte follows the ${f0(w.pendientes)} actas captured through the API below. Stack preparation (build, catalogue, staff, preload): ${f0(w.segundosPreparacion)} s.`,
  );
  md.push('');
  md.push('| corte | mode | actas read | shards written / reused | MB written to R2 | ms (corte, its own log) | ms (scheduled invocation, wall) |');
  md.push('|---|---|---:|---:|---:|---:|---:|');
  for (const [n, c] of [['full', w.completo], ['incremental', w.incremental]] as const) {
    md.push(`| ${n} | ${c.modo} | ${f0(c.actasProcesadas)} | ${f0(c.shardsEscritos)} / ${f0(c.shardsReusados)} | ${f1(c.mbEscritos)} | ${f0(c.msCorte)} | ${f0(c.msInvocacion)} |`);
  }
  md.push('');
  md.push(`### Capture API on local workerd, ${w.clientes} concurrent clients`);
  md.push('');
  md.push(
    `${f0(w.pendientes)} actas, each received and scanned (acopio, imagen), then captured twice by two capturists (the second capture verifies it). ` +
      'Every request carries an Idempotency-Key; one in 50 loses its connection on purpose (aborted, or its answer thrown away) and is retried with the same key; ' +
      'a 409 `CONFLICTO_CONCURRENTE` (the API lost its own retries against concurrent writers) is retried too. Latency is what the client saw, retries included. ' +
      'The no-op route `GET /api/v1/ping` runs through the same Worker and API middleware and touches no binding. ' +
      `The first half's captures and the no-op route ran in ${RONDAS_CAPTURA} alternating rounds (no-op, captures, no-op, …), each rate over its own rounds, so that a change in the machine's load weighs on both.`,
  );
  md.push('');
  md.push('| route | requests | req/s | p50 ms | p99 ms | retries | 409 conflicts | failed |');
  md.push('|---|---:|---:|---:|---:|---:|---:|---:|');
  md.push(filaCarga(`\`POST /api/v1/actas/{clave}/capturas\` (first half of the actas, in ${RONDAS_CAPTURA} rounds)`, w.captura));
  md.push(filaCarga(`… the other half, with ${w.lecturasConsola.consolas} consoles open`, w.capturaConConsolas));
  md.push(filaCarga('`POST /api/v1/acopio` + `POST …/imagen`', w.acopioImagen));
  md.push(filaCarga(`\`GET /api/v1/ping\` (no-op, in rounds between the first half's)`, w.ping));
  md.push('');
  md.push(
    'A capture is one D1 round trip when the isolate remembers the operator\'s credential and the acta (one write batch guarded by the credential, the rate count, the acta\'s version, the audit tip and the sequence), ' +
      'otherwise two (the credential lookup, which also counts the request for the rate limit, with the acta\'s snapshot; then the write batch with its audit entry: docs/CAPTURA.md); ' +
      'the no-op route makes none. Locally, the Worker, D1 and R2 share one workerd thread, and each D1 call costs about half of what a whole no-op request costs (measured: ~0.7 ms per call, ~1.5 ms per no-op request), ' +
      'so the ratio is bounded by the round trips a write needs. Writes of one isolate chain over the predicted audit tip and sequence instead of racing for them ' +
      '(docs/CAPTURA.md), so lost races are rare and retries above are the deliberately dropped connections.',
  );
  md.push('');
  md.push(
    `With ${w.lecturasConsola.consolas} operations consoles open (each reading \`GET /api/v1/consola/estado\` every 5 s, as /consola/ does; ` +
      `${f0(w.lecturasConsola.lecturas)} reads, p50 ${f1(w.lecturasConsola.p50)} ms, p99 ${f1(w.lecturasConsola.p99)} ms, ${f0(w.lecturasConsola.fallidas)} failed), ` +
      `capture p99 was ${f1(w.capturaConConsolas.p99)} ms against ${f1(w.captura.p99)} ms alone (×${(w.capturaConConsolas.p99 / w.captura.p99).toFixed(2)}), ` +
      `and ${f1(w.capturaConConsolas.porSegundo)} against ${f1(w.captura.porSegundo)} captures/s. The console reads counters kept inside the capture batches (docs/CONSOLA.md), never the actas.`,
  );
  md.push('');
  md.push(
    `Capture / no-op: ${f0(ratio * 100)} % of the requests per second. Writes: ${w.escrituras.perdidas} lost, ${w.escrituras.duplicadas} duplicated ` +
      `(${f0(w.escrituras.enD1)} capture rows in D1 for ${f0(w.escrituras.esperadas)} captures answered 200; ${w.escrituras.detalle}).`,
  );
  md.push('');
  md.push(`### Bytes (corte ${b.corte} of the run above)`);
  md.push('');
  md.push('gzip: Node zlib at its default level, as the Worker compresses JSON for clients that accept it (`CompressionStream`).');
  md.push('');
  md.push('| object | count | raw | gzip |');
  md.push('|---|---:|---:|---:|');
  for (const e of b.entidad) md.push(`| entidad shard ${e.eleccion} | 1 | ${kb(e.tamano.crudo)} | ${kb(e.tamano.gzip)} |`);
  for (const [n, s] of [['distrito shards', b.distritos], ['municipio shards', b.municipios], ['sección shards', b.secciones]] as const) {
    md.push(`| ${n} (median / largest / all) | ${f0(s.n)} | ${kb(s.mediana.crudo)} / ${kb(s.max.crudo)} / ${mb(s.total.crudo)} | ${kb(s.mediana.gzip)} / ${kb(s.max.gzip)} / ${mb(s.total.gzip)} |`);
  }
  for (const o of b.otros) md.push(`| ${o.nombre} | 1 | ${kb(o.tamano.crudo)} | ${kb(o.tamano.gzip)} |`);
  md.push(`| open-data zip \`${b.zip.nombre}\` | 1 | ${mb(b.zip.bytes)} | (zip) |`);
  md.push('');
  md.push('| portal view | JavaScript (gzip, from the build) |');
  md.push('|---|---:|');
  for (const p of b.portal) md.push(`| \`${p.vista}\` | ${kb(p.js)} |`);
  md.push('');
  md.push('| page | transferred | of which JS | of which /datos/ | how |');
  md.push('|---|---:|---:|---:|---|');
  for (const x of b.vistas) md.push(`| ${x.vista} \`${x.ruta}\` | ${kb(x.total)} | ${kb(x.js)} | ${kb(x.datos)} | ${x.medido === 'Chromium' ? 'Chromium, network events (on the wire)' : 'estimate from the files (no Chromium)'} |`);
  if (sim !== null) {
    const d = sim.datos;
    md.push('');
    md.push('### The last simulacro (`npm start`, a separate run)');
    md.push('');
    md.push(
      `From \`.state/simulacro.json\`, written ${sim.fecha} by \`npm start\` (seed ${d.seed}, ×${d.velocidad}, cortes every ${d.cadenciaMin} simulated minutes, ` +
        `${d.concurrencia} requests in flight${d.limiteActas ? `, cut to ~${d.limiteActas} actas` : ', the whole night'}) on this machine: ` +
        `${f0(d.actas)} actas and ${f0(d.solicitudes)} API requests in ${minutosYSegundos(d.segundos)} ` +
        `(${f1(d.actasPorSegundo)} actas/s, ${f1(d.solicitudesPorSegundo)} requests/s; client-side latency p50 ${f0(d.latenciaP50Ms)} ms, p99 ${f0(d.latenciaP99Ms)} ms), ` +
        `${f0(d.cortes)} cortes published through the scheduled handler, ${f0(d.rechazos403)} attempts refused with 403, ${f0(d.reintentos)} retries ` +
        `(${f0(d.conflictos)} after a 409 lost race), ${f0(d.correccionesTrasPublicacion)} corrections of published actas. ` +
        `Reconciliation: ${d.conciliacion.ok ? 'clean' : '**failed**'}.`,
    );
    md.push('');
    for (const c of d.conciliacion.comprobaciones) md.push(`- ${c.ok ? '✓' : '✗'} ${c.que}: ${c.detalle}`);
  }
  return { markdown: md.join('\n'), metas: metas.map((x) => `${x.ok ? '✓' : '✗'} ${x.meta}: ${x.medido}`) };
}
