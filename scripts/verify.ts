/**
 * `npm run verify -- <URL base | carpeta> [--save <carpeta>] [--puntero <ruta>]`
 *
 * Verifies a published corte as an outsider would: downloads it (or reads a folder saved before), checks every
 * shard and file against the SHA-256 in the manifest, walks the manifest chain back to the first corte, and
 * recomputes every summary figure from the CSV rows. Prints what matches and the first thing that does not;
 * exits 1 when something does not match, 2 when the source cannot be read at all (or the arguments are wrong).
 *   npm run verify -- http://localhost:8787
 *   npm run verify -- http://localhost:8787 --save ./corte-guardado
 *   npm run verify -- ./corte-guardado
 *   npm run verify -- http://localhost:8787 --bitacora [--persist-to DIR]
 * With --bitacora it also reads the audit log of the local D1 (as `npm run audit:verify` does) and checks that it
 * still extends the tip every manifest of the chain recorded: deleting the newest entries is detected.
 * The checking logic is worker/domain/corte/verificar.ts (pure, unit-tested); this file only moves bytes.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { interfaz, leerArgumentos, responder } from './lib/argumentos.ts';
import { esRutaPublica } from '../worker/domain/contrato/index.ts';
import { verificarCorte, type Fuente, type Informe, type LectorBitacora } from '../worker/domain/corte/verificar.ts';
import { leerPagina } from './audit-verify.ts';
import { OPCION_PERSIST_TO, d1Local, persistDe } from './lib/d1-local.ts';

/** Objects of a corte served over HTTP at `<base>/<ruta>` (404: absent). */
export function fuenteHttp(base: string, pedir: typeof fetch = fetch): Fuente {
  const raiz = base.replace(/\/+$/, '');
  return {
    async leer(ruta) {
      const r = await pedir(`${raiz}/${ruta}`);
      if (r.status === 404) return null;
      if (!r.ok) throw new Error(`GET ${raiz}/${ruta}: HTTP ${r.status}`);
      return new Uint8Array(await r.arrayBuffer());
    },
  };
}

/** Objects saved in a folder under their keys (`<carpeta>/datos/14/…`). */
export function fuenteCarpeta(carpeta: string): Fuente {
  return {
    async leer(ruta) {
      if (!esRutaPublica(ruta)) return null;
      try {
        return new Uint8Array(await readFile(path.join(carpeta, ...ruta.split('/'))));
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
        throw e;
      }
    },
  };
}

/** The same source, saving every object it reads into `carpeta` (a saved corte verifies on its own later). */
export function guardando(fuente: Fuente, carpeta: string): Fuente {
  return {
    async leer(ruta) {
      const bytes = await fuente.leer(ruta);
      if (bytes !== null && esRutaPublica(ruta)) {
        const destino = path.join(carpeta, ...ruta.split('/'));
        await mkdir(path.dirname(destino), { recursive: true });
        await writeFile(destino, bytes);
      }
      return bytes;
    },
  };
}

export function lineasInforme(informe: Informe): string[] {
  const lineas = informe.comprobaciones.map((c) => `${c.ok ? '✓' : '✗'} ${c.que}: ${c.detalle}`);
  lineas.push(
    informe.primerFallo === null
      ? 'TODO COINCIDE: cada hash, la cadena de manifiestos y cada cifra del resumen.'
      : `PRIMER FALLO: ${informe.primerFallo.que}: ${informe.primerFallo.detalle}`,
  );
  return lineas;
}

const USO = interfaz({
  comando: 'npm run verify --',
  descripcion:
    'Verifica un corte publicado: cada hash, la cadena de manifiestos hasta el primer corte y cada cifra del resumen\n' +
    'recalculada de los CSV. Código de salida 0 si todo coincide, 1 si algo no coincide, 2 si no se puede leer.',
  posicionales: { texto: '<URL base | carpeta>', min: 1, max: 1 },
  opciones: {
    save: { tipo: 'texto', valor: 'DIR', ayuda: 'guarda lo descargado en esta carpeta (se verifica después por sí sola)' },
    puntero: { tipo: 'texto', valor: 'RUTA', ayuda: 'el puntero del que parte (por omisión: datos/latest.json)' },
    bitacora: { tipo: 'bandera', ayuda: 'comprueba además que la bitácora de la D1 local extiende la punta que registra cada manifiesto' },
    'persist-to': OPCION_PERSIST_TO,
  },
  ejemplos: [
    'npm run verify -- http://localhost:8787',
    'npm run verify -- http://localhost:8787 --save ./corte-guardado',
    'npm run verify -- ./corte-guardado',
    'npm run verify -- http://localhost:8787 --bitacora',
  ],
});

/**
 * `escribir` gets the report's lines (stdout from the command line); `escribirError` the usage errors (stderr).
 * `pedir`: how to GET over HTTP (tests pass their own).
 */
export async function main(
  args: readonly string[],
  escribir: (linea: string) => void = (l) => console.log(l),
  pedir: typeof fetch = fetch,
  escribirError: (linea: string) => void = (l) => console.error(l),
  bitacoraLocal: (persistTo: string) => LectorBitacora = lectorLocal,
): Promise<number> {
  const l = leerArgumentos(args, USO);
  if (l.tipo === 'salida') return responder(l, { log: escribir, error: escribirError });
  const origen = l.posicionales[0]!;
  const { save: guardar, puntero, bitacora: conBitacora } = l.valores;
  const bitacora = conBitacora === true ? bitacoraLocal(persistDe(l.valores['persist-to'])) : undefined;
  let fuente = /^https?:\/\//.test(origen) ? fuenteHttp(origen, pedir) : fuenteCarpeta(origen);
  if (guardar !== undefined) fuente = guardando(fuente, guardar);
  escribir(`Verificando ${origen}${guardar ? ` (guardando en ${guardar})` : ''}`);
  try {
    const informe = await verificarCorte(fuente, { puntero, bitacora });
    for (const l of lineasInforme(informe)) escribir(l);
    return informe.ok ? 0 : 1;
  } catch (e) {
    escribir(`No se pudo leer el corte: ${(e as Error).message}`);
    return 2;
  }
}

/** The audit log of the local D1 (wrangler's state under `persistTo`), page by page. */
function lectorLocal(persistTo: string): LectorBitacora {
  const d1 = d1Local(persistTo);
  return async (desde, limite) => leerPagina(d1, desde, limite);
}

if (import.meta.main) process.exit(await main(process.argv.slice(2)));
