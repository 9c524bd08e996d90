/**
 * The portal's digest: every file of the assets folder wrangler uploads (dist/client), except what it does not
 * upload (`.assetsignore` and the names listed in it) and the identity file itself, which is written after the
 * digest is taken (it holds the digest).
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { RUTA_IDENTIDAD } from '../../worker/domain/contrato/index.ts';
import { digestoArbol, type Digesto } from './digesto.ts';

export const ARCHIVO_IDENTIDAD = RUTA_IDENTIDAD.slice(1);

/** `.assetsignore` patterns (gitignore-like: a name or path, `*` within a segment) as a test on relative paths. */
function patronesIgnorados(dir: string): ((ruta: string) => boolean)[] {
  const archivo = path.join(dir, '.assetsignore');
  if (!existsSync(archivo)) return [];
  return readFileSync(archivo, 'utf8')
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== '' && !l.startsWith('#'))
    .map((patron) => {
      const cuerpo = patron.replace(/^\//, '').replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '[^/]*');
      // Without a slash a pattern matches a name at any depth, as in .gitignore.
      const re = new RegExp(patron.replace(/^\//, '').includes('/') ? `^${cuerpo}$` : `(^|/)${cuerpo}$`);
      return (ruta: string) => re.test(ruta);
    });
}

export function excluidosDelPortal(dir: string): (ruta: string) => boolean {
  const ignorados = patronesIgnorados(dir);
  return (ruta) => ruta === '.assetsignore' || ruta === ARCHIVO_IDENTIDAD || ignorados.some((p) => p(ruta));
}

export function digestoPortal(dir: string): Digesto {
  return digestoArbol(dir, excluidosDelPortal(dir));
}
