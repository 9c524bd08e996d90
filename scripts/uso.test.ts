// Every command-line script answers --help, an unknown option and a bad value the same way, run as the CLI runs
// it (`node scripts/x.ts …`, same Node, separate process): usage on stdout and 0; the error and the usage on
// stderr and 2; one line on stderr and 2. Never a stack trace, and nothing is done (no build, no D1, no server).
import { spawn } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { RAIZ, entornoSilencioso } from './lib/local.ts';

interface Salida {
  status: number | null;
  stdout: string;
  stderr: string;
}

function ejecutar(script: string, args: readonly string[]): Promise<Salida> {
  return new Promise((resolve, reject) => {
    const hijo = spawn(process.execPath, [path.join(RAIZ, 'scripts', script), ...args], { cwd: RAIZ, env: entornoSilencioso });
    let stdout = '';
    let stderr = '';
    hijo.stdout.on('data', (b: Buffer) => (stdout += b.toString()));
    hijo.stderr.on('data', (b: Buffer) => (stderr += b.toString()));
    hijo.on('error', reject);
    hijo.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

/** Per script: how it is invoked in the usage line, an unknown option, and a bad value with its message. */
const SCRIPTS = [
  { script: 'start.ts', comando: 'npm start --', antes: [], malo: ['--seed', 'abc'], mensaje: '--seed debe ser un entero entre 0 y 2147483647 (se recibió «abc»)' },
  { script: 'seed.ts', comando: 'npm run seed --', antes: [], malo: ['--seed', 'abc'], mensaje: '--seed debe ser un entero entre 0 y 2147483647 (se recibió «abc»)' },
  { script: 'operators.ts', comando: 'npm run operators -- token', antes: ['token'], malo: ['--limite', '0'], mensaje: '--limite debe ser un entero entre 1 y 1000000 (se recibió «0»)' },
  { script: 'verify.ts', comando: 'npm run verify -- <URL base | carpeta>', antes: ['./corte'], malo: null, mensaje: null },
  { script: 'audit-verify.ts', comando: 'npm run audit:verify --', antes: [], malo: null, mensaje: null },
  { script: 'bench/index.ts', comando: 'npm run bench --', antes: [], malo: ['--clientes', '-2'], mensaje: '--clientes debe ser un entero entre 1 y 256 (se recibió «-2»)' },
  { script: 'vigia.ts', comando: 'npm run vigia -- <URL base>', antes: ['http://localhost:8787'], malo: ['--cada-s', '0'], mensaje: '--cada-s debe ser un número mayor que 0 y no mayor que 3600 (se recibió «0»)' },
  {
    script: 'informe.ts',
    comando: 'npm run informe --',
    antes: [],
    malo: ['--desde', 'ayer'],
    mensaje: '--desde no es una fecha y hora (AAAA-MM-DD[THH:MM], hora local de la entidad, o con zona: …Z, …-06:00): «ayer»',
  },
  { script: 'puesta-en-ceros.ts', comando: 'npm run puesta-en-ceros --', antes: [], malo: null, mensaje: null },
  { script: 'bench-corte.ts', comando: 'npm run bench:corte --', antes: [], malo: ['--repeticiones', '0'], mensaje: '--repeticiones debe ser un entero entre 1 y 100 (se recibió «0»)' },
] as const;

const sinTraza = (s: Salida) => expect(`${s.stdout}${s.stderr}`).not.toMatch(/\n\s+at /);

describe('the command-line scripts', { timeout: 60_000, concurrent: true }, () => {
  it.each(SCRIPTS)('$script --help prints its usage on stdout and exits 0', async ({ script, comando, antes }) => {
    const r = await ejecutar(script, [...antes.filter((a) => !a.startsWith('.')), '--help']);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout.split('\n')[0]).toBe(`uso: ${comando} [opciones]`);
    expect(r.stdout).toMatch(/-h, --help\s+muestra esta ayuda/);
  });

  it.each(SCRIPTS)('$script refuses an unknown option with the usage on stderr and exit code 2', async ({ script, comando, antes }) => {
    const r = await ejecutar(script, [...antes, '--no-existe']);
    expect(r.stdout).toBe('');
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(new RegExp(`^error: opción desconocida: --no-existe\\n\\nuso: ${comando.replace(/[|<>]/g, '\\$&')} \\[opciones\\]`));
    sinTraza(r);
  });

  it.each(SCRIPTS.filter((s) => s.malo !== null))('$script refuses a bad value in one line and exit code 2', async ({ script, antes, malo, mensaje }) => {
    const r = await ejecutar(script, [...antes, ...malo!]);
    expect(r.stdout).toBe('');
    expect(r.status).toBe(2);
    expect(r.stderr).toBe(`error: ${mensaje}\n`);
  });

  it('operators lists its subcommands on --help and refuses a missing or unknown one with exit code 2', async () => {
    const ayuda = await ejecutar('operators.ts', ['--help']);
    expect(ayuda.status).toBe(0);
    expect(ayuda.stdout).toMatch(/^uso: npm run operators -- <subcomando> \[opciones\]\n/);
    for (const s of ['crear', 'token', 'revocar', 'listar']) expect(ayuda.stdout).toMatch(new RegExp(`\\n  ${s} +\\S`));
    const sin = await ejecutar('operators.ts', []);
    expect(sin.status).toBe(2);
    expect(sin.stderr).toMatch(/^error: falta el subcomando\n\nuso: npm run operators/);
    const otro = await ejecutar('operators.ts', ['borrar']);
    expect(otro.status).toBe(2);
    expect(otro.stderr).toMatch(/^error: subcomando desconocido: borrar\n/);
  });

  it('verify needs exactly one source', async () => {
    const sin = await ejecutar('verify.ts', []);
    expect(sin.status).toBe(2);
    expect(sin.stderr).toMatch(/^error: falta <URL base \| carpeta>\n\nuso: npm run verify/);
    const dos = await ejecutar('verify.ts', ['./a', './b']);
    expect(dos.status).toBe(2);
    expect(dos.stderr).toMatch(/^error: argumento inesperado: \.\/b\n/);
    sinTraza(dos);
  });
});
