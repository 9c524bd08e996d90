/**
 * What the configuration hash takes from wrangler.toml: the whole file's SHA-256, and the Worker's name and
 * ENTORNO of its top level (the configuration of the local D1 and R2 the scripts work on).
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { RAIZ } from '../lib/local.ts';

/** The text before the first table header: the top level of the file. */
function nivelSuperior(toml: string): string {
  return toml.split(/^\[/m)[0] ?? '';
}

/** The `[vars]` table of the top level (not `[env.x.vars]`). */
function vars(toml: string): string {
  return toml.split(/^\[vars\]\s*$/m)[1]?.split(/^\[/m)[0] ?? '';
}

const campo = (bloque: string, n: string) => new RegExp(`^${n}\\s*=\\s*"([^"]*)"`, 'm').exec(bloque)?.[1];

export function leerWrangler(archivo = path.join(RAIZ, 'wrangler.toml')): { nombre: string; entorno: string; sha256: string } {
  const bytes = readFileSync(archivo);
  const toml = bytes.toString('utf8');
  return {
    nombre: campo(nivelSuperior(toml), 'name') ?? '',
    // The Worker reads any value other than "produccion" (or none) as pruebas (wrangler.toml).
    entorno: campo(vars(toml), 'ENTORNO') === 'produccion' ? 'produccion' : 'pruebas',
    sha256: createHash('sha256').update(bytes).digest('hex'),
  };
}
