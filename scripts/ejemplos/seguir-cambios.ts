/**
 * `node scripts/ejemplos/seguir-cambios.ts <URL base> [--carpeta DIR] [--cada SEGUNDOS]`
 *
 * An example for newsrooms and difusores (docs/CORTES.md, "The change feed"): keeps a local copy of each election's results CSV
 * up to date by downloading, per corte, only its change feed (`diferencias/<sha>.json`, a few KB) instead of the
 * open-data zip. The first run downloads the zip of the newest corte; every later run reads `latest.json` (and
 * `historial.json` when more than one corte behind) and applies the diff of each corte published since the one it
 * last saw, in order (`aplicarDiferencias` of the publication contract), printing what changed. Each diff is checked against the
 * SHA-256 in its name; a gap in the chain, a diff older than the change feed or one without rows (a corte that
 * moved too many actas) falls back to the zip.
 *   node scripts/ejemplos/seguir-cambios.ts https://prep.example.mx --carpeta ./prep
 *   node scripts/ejemplos/seguir-cambios.ts http://localhost:8787 --cada 60
 * Files in the folder: `<ELECCION>.csv` (byte for byte the corte's CSV) and `seguimiento.json` (the corte seen).
 */
import { unzipSync } from 'fflate';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import {
  aplicarDiferencias,
  esAplicable,
  partirCsv,
  RUTA_LATEST_RAIZ,
  shaDeRuta,
  unirCsv,
  type CsvPartido,
  type Diferencias,
  type DiferenciasClaves,
  type Historial,
  type Puntero,
} from '../../worker/domain/contrato/index.ts';

/** GET of a published object by its key (`datos/…`). */
export type Pedir = (ruta: string) => Promise<Uint8Array>;

/** Where the copy lives: text files by name (null: absent). */
export interface Carpeta {
  leer(nombre: string): Promise<string | null>;
  escribir(nombre: string, texto: string): Promise<void>;
}

/** What the folder remembers between runs. */
interface Seguimiento {
  entidad: number;
  numero: number;
  elecciones: string[];
}

const SEGUIMIENTO = 'seguimiento.json';
/** Published CSVs start with a BOM: keep it, so the copy is byte for byte the published file. */
const texto = (b: Uint8Array) => new TextDecoder('utf-8', { ignoreBOM: true }).decode(b);

export function pedirHttp(base: string): Pedir {
  const raiz = base.replace(/\/+$/, '');
  return async (ruta) => {
    const r = await fetch(`${raiz}/${ruta}`);
    if (!r.ok) throw new Error(`GET ${raiz}/${ruta}: HTTP ${r.status}`);
    return new Uint8Array(await r.arrayBuffer());
  };
}

export function carpetaLocal(dir: string): Carpeta {
  return {
    async leer(nombre) {
      try {
        return await readFile(path.join(dir, nombre), 'utf8');
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
        throw e;
      }
    },
    async escribir(nombre, contenido) {
      await mkdir(dir, { recursive: true });
      await writeFile(path.join(dir, nombre), contenido);
    },
  };
}

async function sha256(b: Uint8Array): Promise<string> {
  const h = new Uint8Array(await crypto.subtle.digest('SHA-256', b as Uint8Array<ArrayBuffer>));
  return [...h].map((x) => x.toString(16).padStart(2, '0')).join('');
}

const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;

/** The newest corte's CSVs from its zip: the starting copy. */
async function copiaInicial(pedir: Pedir, p: Puntero): Promise<{ csv: Map<string, CsvPartido>; bytes: number }> {
  const zip = await pedir(p.abiertos.ruta);
  const csv = new Map<string, CsvPartido>();
  for (const [nombre, b] of Object.entries(unzipSync(zip))) {
    const codigo = nombre.split('/').at(-1)!.replace(/\.csv$/, '');
    if (p.elecciones.some((e) => e.codigo === codigo)) csv.set(codigo, partirCsv(texto(b)));
  }
  return { csv, bytes: zip.length };
}

/** A diff, checked against the SHA-256 its key names. */
async function diferencia(pedir: Pedir, ruta: string): Promise<{ d: Diferencias | DiferenciasClaves; bytes: number }> {
  const b = await pedir(ruta);
  if ((await sha256(b)) !== shaDeRuta(ruta)) throw new Error(`${ruta}: su contenido no tiene el SHA-256 de su nombre`);
  return { d: JSON.parse(texto(b)) as Diferencias | DiferenciasClaves, bytes: b.length };
}

/**
 * The keys of the diffs after corte `visto` up to the pointer's, oldest first: the pointer names the newest one,
 * so a client one corte behind (polling every minute) reads no history; further behind, `historial.json`.
 */
async function rutasDiferencias(pedir: Pedir, p: Puntero, visto: number, contar: (bytes: number) => void): Promise<string[]> {
  if (p.numero === visto + 1) return [p.diferencias];
  const b = await pedir(p.historial);
  contar(b.length);
  const h = JSON.parse(texto(b)) as Historial;
  return h.cortes.filter((c) => c.numero > visto && c.numero <= p.numero).map((c) => c.diferencias);
}

/** What moved in one corte, per election that moved (with its new summary figures). */
function lineaCorte(d: Diferencias): string {
  const partes = d.elecciones
    .filter((e) => e.filas.length > 0 || e.fueraCatalogo !== null)
    .map((e) => {
      const fc = e.fueraCatalogo ? `, ${e.fueraCatalogo.filas.length} fuera de catálogo` : '';
      return `${e.codigo} ${e.nuevas.length} nuevas, ${e.cambiadas.length} cambiadas${fc} (resumen: ${e.resumen})`;
    });
  return `corte ${d.numero}: ${partes.length > 0 ? partes.join('; ') : 'ningún acta cambió'}`;
}

/**
 * One round: brings the folder's copy to the newest corte. Returns what it prints. `pedir` reads the
 * publication (HTTP in use; a Map in the tests).
 */
export async function seguir(pedir: Pedir, carpeta: Carpeta): Promise<string[]> {
  const salida: string[] = [];
  const p = JSON.parse(texto(await pedir(RUTA_LATEST_RAIZ))) as Puntero;
  const guardado = await carpeta.leer(SEGUIMIENTO);
  const visto = guardado === null ? null : (JSON.parse(guardado) as Seguimiento);
  if (visto !== null && visto.entidad === p.entidad.id && visto.numero === p.numero) return [`sin cambios: la copia está en el corte ${p.numero} (${p.corte})`];
  let csv: Map<string, CsvPartido> | null = null;
  let bytes = 0;
  if (visto !== null && visto.entidad === p.entidad.id && visto.numero < p.numero) {
    csv = new Map();
    for (const codigo of visto.elecciones) {
      const t = await carpeta.leer(`${codigo}.csv`);
      if (t !== null) csv.set(codigo, partirCsv(t));
    }
    let numero = visto.numero;
    for (const ruta of await rutasDiferencias(pedir, p, visto.numero, (n) => (bytes += n))) {
      const { d, bytes: n } = await diferencia(pedir, ruta);
      bytes += n;
      if (!esAplicable(d) || d.anterior?.numero !== numero || d.elecciones.some((e) => !csv!.has(e.codigo))) {
        salida.push(`corte ${d.numero}: su diferencia no se puede aplicar a la copia del corte ${numero}; se descarga el zip`);
        csv = null;
        break;
      }
      for (const e of d.elecciones) csv.set(e.codigo, aplicarDiferencias(csv.get(e.codigo)!, e));
      salida.push(lineaCorte(d));
      numero = d.numero;
    }
    if (csv !== null && numero !== p.numero) csv = null;
  }
  if (csv === null) {
    const inicial = await copiaInicial(pedir, p);
    csv = inicial.csv;
    bytes += inicial.bytes;
    salida.push(`copia completa del corte ${p.numero} (${p.corte}) desde el zip ${p.abiertos.nombre}`);
  }
  for (const [codigo, c] of csv) await carpeta.escribir(`${codigo}.csv`, unirCsv(c));
  await carpeta.escribir(SEGUIMIENTO, JSON.stringify({ entidad: p.entidad.id, numero: p.numero, elecciones: [...csv.keys()] } satisfies Seguimiento));
  salida.push(`copia al corte ${p.numero} (${p.corte}); descargados ${kb(bytes)} además de latest.json`);
  return salida;
}

async function main(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { carpeta: { type: 'string', default: './prep-copia' }, cada: { type: 'string' } } });
  const base = positionals[0];
  const cada = values.cada === undefined ? 0 : Number(values.cada);
  if (base === undefined || !/^https?:\/\//.test(base) || !(cada >= 0)) {
    console.error('uso: node scripts/ejemplos/seguir-cambios.ts <URL base> [--carpeta DIR] [--cada SEGUNDOS]');
    return 2;
  }
  const pedir = pedirHttp(base);
  const carpeta = carpetaLocal(values.carpeta);
  for (;;) {
    try {
      for (const l of await seguir(pedir, carpeta)) console.log(l);
    } catch (e) {
      console.error(`no se pudo actualizar: ${(e as Error).message}`);
      if (cada === 0) return 1;
    }
    if (cada === 0) return 0;
    await new Promise((r) => setTimeout(r, cada * 1000));
  }
}

if (import.meta.main) process.exit(await main(process.argv.slice(2)));
