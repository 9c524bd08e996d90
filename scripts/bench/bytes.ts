/**
 * Bytes of a published corte and of the portal: every shard of the newest corte (raw, and gzip as the Worker
 * sends JSON to clients that accept it), the open-data zip, the JavaScript of each portal view (from the build,
 * test/e2e/lib/presupuesto.ts), and what the inicio and entidad views transfer in Chromium (when it is installed;
 * otherwise an estimate from the same files).
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { ManifiestoSchema, PunteroSchema } from '../../worker/domain/corte/shards.ts';
import { pesoJs } from '../../test/e2e/lib/presupuesto.ts';

export interface Tamano {
  crudo: number;
  gzip: number;
}

export interface Serie {
  n: number;
  mediana: Tamano;
  max: Tamano;
  total: Tamano;
}

export interface VistaMedida {
  vista: string;
  ruta: string;
  medido: 'Chromium' | 'estimado';
  total: number;
  js: number;
  datos: number;
}

export interface MedidaBytes {
  corte: number;
  entidad: { eleccion: string; tamano: Tamano }[];
  distritos: Serie;
  municipios: Serie;
  secciones: Serie;
  otros: { nombre: string; tamano: Tamano }[];
  zip: { nombre: string; bytes: number };
  portal: { vista: string; js: number }[];
  vistas: VistaMedida[];
}

const gz = (b: Uint8Array) => gzipSync(b).length;

function serie(xs: Tamano[]): Serie {
  const por = (k: keyof Tamano) => [...xs].sort((a, b) => a[k] - b[k]);
  const med = (k: keyof Tamano) => por(k)[Math.floor(xs.length / 2)]?.[k] ?? 0;
  const max = (k: keyof Tamano) => por(k).at(-1)?.[k] ?? 0;
  return {
    n: xs.length,
    mediana: { crudo: med('crudo'), gzip: med('gzip') },
    max: { crudo: max('crudo'), gzip: max('gzip') },
    total: { crudo: xs.reduce((s, x) => s + x.crudo, 0), gzip: xs.reduce((s, x) => s + x.gzip, 0) },
  };
}

async function bajar(url: string): Promise<Uint8Array> {
  const r = await fetch(url, { headers: { 'accept-encoding': 'identity' } });
  if (!r.ok) throw new Error(`GET ${url}: HTTP ${r.status}`);
  return new Uint8Array(await r.arrayBuffer());
}

function htmls(dir: string): string[] {
  const out: string[] = [];
  for (const e of readdirSync(dir)) {
    const p = path.join(dir, e);
    if (statSync(p).isDirectory()) out.push(...htmls(p));
    else if (e.endsWith('.html')) out.push(p);
  }
  return out;
}

/** What a view transfers, measured by Chromium's network events (CDP). */
async function vistasEnNavegador(base: string, vistas: { vista: string; ruta: string }[]): Promise<VistaMedida[] | null> {
  const { CHROMIUM, abrirNavegador, nuevaPagina } = await import('../../test/e2e/lib/navegador.ts');
  if (!existsSync(CHROMIUM)) return null;
  const { medirRed, totales } = await import('../../test/e2e/lib/presupuesto.ts');
  const nav = await abrirNavegador();
  try {
    const out: VistaMedida[] = [];
    for (const v of vistas) {
      const { page, context } = await nuevaPagina(nav);
      const red = await medirRed(page);
      await page.goto(base + v.ruta, { waitUntil: 'networkidle' });
      const t = totales(await red.detener());
      out.push({ ...v, medido: 'Chromium', ...t });
      await context.close();
    }
    return out;
  } finally {
    await nav.close();
  }
}

export async function medirBytes(base: string, clientDir: string): Promise<MedidaBytes> {
  const leer = async (ruta: string) => bajar(`${base}/${ruta}`);
  const latestBytes = await leer('datos/latest.json');
  const puntero = PunteroSchema.parse(JSON.parse(new TextDecoder().decode(latestBytes)));
  const manifiestoBytes = await leer(puntero.manifiesto.ruta);
  const m = ManifiestoSchema.parse(JSON.parse(new TextDecoder().decode(manifiestoBytes)));
  const medidas = new Map<string, Tamano>();
  let i = 0;
  await Promise.all(
    Array.from({ length: 8 }, async () => {
      while (i < m.shards.length) {
        const s = m.shards[i++]!;
        const b = await leer(s.ruta);
        medidas.set(s.id, { crudo: b.length, gzip: gz(b) });
      }
    }),
  );
  const de = (re: RegExp) => [...medidas].filter(([id]) => re.test(id)).map(([, t]) => t);
  const historial = await leer(puntero.historial);
  const portal = htmls(clientDir).map((h) => ({ vista: `/${path.relative(clientDir, h).replace(/index\.html$/, '')}`, js: pesoJs(clientDir, h).total }));
  const vistas = [
    { vista: 'inicio', ruta: '/' },
    { vista: 'entidad (Gubernatura)', ruta: '/eleccion/?e=GUB' },
  ];
  const medidasVistas =
    (await vistasEnNavegador(base, vistas).catch(() => null)) ??
    vistas.map((v) => {
      // Estimate: the page's HTML, CSS and JS (gzip) plus latest.json and the entidad shards it reads.
      const html = path.join(clientDir, v.ruta === '/' ? 'index.html' : 'eleccion/index.html');
      const doc = readFileSync(html);
      const css = [...doc.toString().matchAll(/href="(\/[^"]+\.css)"/g)].reduce((s, x) => s + gz(readFileSync(path.join(clientDir, x[1]!))), 0);
      const shards = v.ruta === '/' ? m.elecciones.map((e) => `${e.codigo}/entidad`) : ['GUB/entidad'];
      const datos = gz(latestBytes) + shards.reduce((s, id) => s + (medidas.get(id)?.gzip ?? 0), 0);
      const js = pesoJs(clientDir, html).total;
      return { ...v, medido: 'estimado' as const, total: gz(doc) + css + js + datos, js, datos };
    });
  return {
    corte: m.numero,
    entidad: m.elecciones.map((e) => ({ eleccion: e.codigo, tamano: medidas.get(`${e.codigo}/entidad`)! })),
    distritos: serie(de(/^[A-Z_]+\/distrito\/\d+$/)),
    municipios: serie(de(/^[A-Z_]+\/municipio\/\d+$/)),
    secciones: serie(de(/^seccion\/\d+$/)),
    otros: [
      { nombre: 'latest.json', tamano: { crudo: latestBytes.length, gzip: gz(latestBytes) } },
      { nombre: 'manifiesto', tamano: { crudo: manifiestoBytes.length, gzip: gz(manifiestoBytes) } },
      { nombre: 'territorios', tamano: medidas.get('territorios') ?? { crudo: 0, gzip: 0 } },
      { nombre: 'historial.json', tamano: { crudo: historial.length, gzip: gz(historial) } },
    ],
    zip: { nombre: m.abiertos.nombre, bytes: m.abiertos.bytes },
    portal,
    vistas: medidasVistas,
  };
}
