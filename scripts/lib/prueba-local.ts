/**
 * For the scripts' tests: a temporary local D1 with the migrations and the fixture catalogue, and a way to run a
 * script as the CLI runs it (`node scripts/x.ts …`, same Node, separate process).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { guionSqlCatalogo } from '../../worker/db/catalogo-carga.ts';
import { catalogoEjemplo } from '../../test/ejemplos/eleccion.ts';
import { d1Local, ejecutarArchivoD1Local, type D1Local } from './d1-local.ts';
import { cerrarD1Local } from './d1-sesion.ts';
import { RAIZ, entornoSilencioso } from './local.ts';

/**
 * A fresh local D1 in a temporary directory; `borrar()` removes it. The tests run the scripts as child processes
 * on the same folder, each with its own workerd: this process closes its own after every call, so that one
 * workerd at a time has the SQLite file open (one left open here was seen, under load, to lose a child's write).
 */
export function d1Temporal(): D1Local & { borrar: () => void } {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'prep-script-'));
  const d1 = d1Local(path.join(dir, 'state'));
  const aSolas = <T,>(f: () => T): T => {
    try {
      return f();
    } finally {
      cerrarD1Local(d1.persistTo);
    }
  };
  const archivo = path.join(dir, 'catalogo.sql');
  writeFileSync(archivo, guionSqlCatalogo(catalogoEjemplo));
  aSolas(() => {
    d1.migrar();
    ejecutarArchivoD1Local(d1.persistTo, archivo);
  });
  return {
    persistTo: d1.persistTo,
    consulta: <T,>(sql: string) => aSolas(() => d1.consulta<T>(sql)),
    lote: (sentencias) => aSolas(() => d1.lote(sentencias)),
    migrar: () => aSolas(() => d1.migrar()),
    borrar: () => rmSync(dir, { recursive: true, force: true }),
  };
}

export interface Salida {
  status: number;
  stdout: string;
  stderr: string;
}

export function ejecutar(script: string, args: string[], persistTo: string): Salida {
  const r = spawnSync(process.execPath, [path.join(RAIZ, 'scripts', script), ...args, '--persist-to', persistTo], {
    cwd: RAIZ,
    env: entornoSilencioso,
    encoding: 'utf8',
  });
  return { status: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}
