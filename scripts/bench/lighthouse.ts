/**
 * `npm run bench:lighthouse`: Lighthouse's mobile scores (its default: a mid-range phone, simulated slow 4G) of every
 * public view of the portal, against a local stack (wrangler dev, local D1 and R2, the Worker frozen) holding the
 * example election with a corte published by the cron (test/e2e/lib/pila-ejemplo.ts). Issue 15's budget: each
 * category ≥ 95 and CLS ≤ 0.05 on every view. Prints a Markdown table, the command that produced it, and what each
 * view lost points on; writes nothing (docs/BENCHMARKS.md takes the table by hand). Debian's Chromium, headless.
 * Serves a copy of dist/client (so a build running meanwhile cannot pull files from under it), or a portal built
 * into a folder of its own when there is none or `--construir` asks. Options: `npm run bench:lighthouse -- --help`.
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse, { type Result } from 'lighthouse';
import { catalogoEjemplo, fixtureActas } from '../../test/ejemplos/eleccion.ts';
import { pilaConCorteDelCron } from '../../test/e2e/lib/pila-ejemplo.ts';
import { argumentosOSalir, interfaz } from '../lib/argumentos.ts';
import { RAIZ } from '../lib/local.ts';
import { construirPortal } from '../lib/pila.ts';
import { commitMedido } from './commit.ts';

const USO = interfaz({
  comando: 'npm run bench:lighthouse --',
  descripcion:
    'Puntajes de Lighthouse (móvil) de cada vista pública del portal contra una pila local con un corte publicado;\n' +
    'imprime una tabla en Markdown y lo que cada vista perdió.',
  opciones: {
    construir: { tipo: 'bandera', ayuda: 'construir el portal en una carpeta propia aunque exista dist/client' },
    chromium: { tipo: 'texto', omision: '/usr/bin/chromium', valor: 'RUTA', ayuda: 'el navegador' },
    informes: { tipo: 'texto', valor: 'DIR', ayuda: 'guardar ahí el informe JSON de Lighthouse de cada vista' },
  },
});

const CATEGORIAS = ['performance', 'accessibility', 'best-practices', 'seo'] as const;
const PRESUPUESTO = { puntaje: 95, cls: 0.05 };
const BANDERAS = ['--headless=new', '--no-sandbox'];

/** A counted GUB acta of the fixture with its image: its sección, distrito and municipio are the views' territory. */
function vistas(): { nombre: string; ruta: string }[] {
  const acta = fixtureActas.find((f) => f.acta.identificacion.eleccion === 'GUB' && f.acta.imagen)!.acta;
  const s = acta.identificacion.seccion;
  const seccion = catalogoEjemplo.secciones.find((x) => x.id === s)!;
  return [
    { nombre: 'inicio', ruta: '/' },
    { nombre: 'entidad (Gubernatura)', ruta: '/eleccion/?e=GUB' },
    { nombre: 'distrito', ruta: `/eleccion/?e=GUB&d=${seccion.distrito}` },
    { nombre: 'municipio', ruta: `/eleccion/?e=GUB&m=${seccion.municipio}` },
    { nombre: 'sección', ruta: `/eleccion/?e=GUB&d=${seccion.distrito}&s=${s}` },
    { nombre: 'acta', ruta: `/eleccion/?e=GUB&d=${seccion.distrito}&s=${s}&a=${acta.clave}` },
    { nombre: 'consulta', ruta: `/consulta/?s=${s}` },
    { nombre: 'datos abiertos', ruta: '/datos-abiertos/' },
    { nombre: 'acerca', ruta: '/acerca/' },
  ];
}

interface Medida {
  nombre: string;
  ruta: string;
  puntajes: Record<(typeof CATEGORIAS)[number], number>;
  cls: number;
  /** Audits that cost points: `categoría: título (valor mostrado)`. */
  perdidas: string[];
}

/** The portal to serve, in a folder of its own (removed at the end). */
function portal(construir: boolean): { cliente: string; temporal: string } {
  const temporal = mkdtempSync(path.join(tmpdir(), 'prep-bench-lighthouse-'));
  const cliente = path.join(temporal, 'client');
  const dist = path.join(RAIZ, 'dist/client');
  if (!construir && existsSync(path.join(dist, 'index.html'))) cpSync(dist, cliente, { recursive: true });
  else construirPortal(temporal);
  return { cliente, temporal };
}

function perdidas(lhr: Result): string[] {
  const out: string[] = [];
  for (const c of CATEGORIAS) {
    for (const ref of lhr.categories[c]?.auditRefs ?? []) {
      const a = lhr.audits[ref.id];
      if (!a || ref.weight === 0 || a.score === null || a.score >= 0.9) continue;
      out.push(`${c}: ${a.title}${a.displayValue ? ` (${a.displayValue})` : ''}`);
    }
  }
  return out;
}

async function medir(url: string, puerto: number, v: { nombre: string; ruta: string }, informes: string | undefined): Promise<Medida> {
  const r = await lighthouse(url + v.ruta, { port: puerto, output: 'json', logLevel: 'error', onlyCategories: [...CATEGORIAS] });
  if (!r) throw new Error(`Lighthouse no devolvió resultado para ${v.ruta}`);
  const lhr = r.lhr;
  if (lhr.runtimeError) throw new Error(`${v.ruta}: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
  if (informes) writeFileSync(path.join(informes, `${v.nombre.replace(/\W+/g, '-')}.json`), JSON.stringify(lhr));
  const puntajes = Object.fromEntries(CATEGORIAS.map((c) => [c, Math.round((lhr.categories[c]?.score ?? 0) * 100)])) as Medida['puntajes'];
  return { ...v, puntajes, cls: lhr.audits['cumulative-layout-shift']?.numericValue ?? Number.NaN, perdidas: perdidas(lhr) };
}

function tabla(medidas: readonly Medida[]): string {
  const marca = (ok: boolean, x: string) => (ok ? x : `**${x}**`);
  const filas = medidas.map((m) => {
    const p = CATEGORIAS.map((c) => marca(m.puntajes[c] >= PRESUPUESTO.puntaje, String(m.puntajes[c])));
    return `| ${m.nombre} | \`${m.ruta}\` | ${p.join(' | ')} | ${marca(m.cls <= PRESUPUESTO.cls, m.cls.toFixed(3))} |`;
  });
  return ['| view | path | performance | accessibility | best practices | SEO | CLS |', '|---|---|---:|---:|---:|---:|---:|', ...filas].join('\n');
}

const { valores: v } = argumentosOSalir(process.argv.slice(2), USO);
const t0 = performance.now();
const aviso = (t: string) => console.error(`[${((performance.now() - t0) / 1000).toFixed(0).padStart(4)} s] ${t}`);
const comando = `npm run bench:lighthouse${process.argv.length > 2 ? ` -- ${process.argv.slice(2).join(' ')}` : ''}`;
if (v.informes) mkdirSync(v.informes, { recursive: true });

aviso(v.construir || !existsSync(path.join(RAIZ, 'dist/client/index.html')) ? 'portal: construyendo' : 'portal: copia de dist/client');
const { cliente, temporal } = portal(v.construir);
/** Every view, one after another, in one headless Chromium (Lighthouse clears its storage before each). */
async function medirVistas(url: string): Promise<Medida[]> {
  const navegador = await chromeLauncher.launch({ chromePath: v.chromium, chromeFlags: BANDERAS });
  try {
    const out: Medida[] = [];
    for (const vista of vistas()) {
      aviso(`lighthouse ${vista.ruta}`);
      out.push(await medir(url, navegador.port, vista, v.informes));
    }
    return out;
  } finally {
    navegador.kill();
  }
}

async function medirEnPila(): Promise<Medida[]> {
  try {
    aviso('pila: elección de ejemplo con un corte del cron');
    const pila = await pilaConCorteDelCron(temporal, cliente, { congelar: true });
    try {
      return await medirVistas(pila.url);
    } finally {
      await pila.parar();
    }
  } finally {
    rmSync(temporal, { recursive: true, force: true });
  }
}

const medidas = await medirEnPila();
console.log(tabla(medidas));
console.log();
console.log(
  `Lighthouse 12.2.3, mobile defaults (simulated throttling), Debian Chromium \`${BANDERAS.join(' ')}\`; the example election, one cron corte; commit ${commitMedido()}; ${Math.round((performance.now() - t0) / 1000)} s.`,
);
console.log(`Command: \`${comando}\``);
console.log();
for (const m of medidas) if (m.perdidas.length) console.log(`- ${m.nombre}: ${m.perdidas.join('; ')}`);
