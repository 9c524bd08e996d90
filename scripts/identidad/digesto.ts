/**
 * The digest of a tree of files, in the one format an auditor can recompute with coreutils alone:
 * SHA-256 of the lines `<sha256 of the file>  <path>\n` (exactly what `sha256sum` prints), one per file, paths
 * relative with `/`, sorted byte by byte (`LC_ALL=C sort`). So, in the tree's folder:
 *   find . -type f <exclusions> -printf '%P\n' | LC_ALL=C sort | xargs sha256sum | sha256sum
 * The digest depends on the files' paths and bytes only (not on dates, permissions or where the tree lives).
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

export interface ArchivoDigerido {
  ruta: string;
  sha256: string;
}

export interface Digesto {
  sha256: string;
  archivos: ArchivoDigerido[];
}

export function sha256(bytes: Uint8Array | string): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** Every file under `dir` (relative paths with `/`), byte-sorted, without those `excluir` names. */
export function listarArchivos(dir: string, excluir: (ruta: string) => boolean = () => false): string[] {
  const rutas = readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)).split(path.sep).join('/'))
    .filter((r) => !excluir(r));
  return rutas.sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b)));
}

/** The `sha256sum` listing of the files, then its own SHA-256. */
export function digestoDeArchivos(archivos: readonly ArchivoDigerido[]): string {
  return sha256(archivos.map((a) => `${a.sha256}  ${a.ruta}\n`).join(''));
}

export function digestoArbol(dir: string, excluir?: (ruta: string) => boolean): Digesto {
  const archivos = listarArchivos(dir, excluir).map((ruta) => ({ ruta, sha256: sha256(readFileSync(path.join(dir, ruta))) }));
  return { sha256: digestoDeArchivos(archivos), archivos };
}
