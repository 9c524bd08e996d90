// `npm run replay` end to end: a fresh wrangler dev per replay (workerd, local D1 and R2 in a temporary folder),
// the real HTTP capture API, a corte at the file's instant, our publication read back and compared.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verificarCadena, type FilaBitacora } from '../worker/domain/bitacora/cadena.ts';
import { PunteroSchema } from '../worker/domain/corte/shards.ts';
import { d1Local } from './lib/d1-local.ts';
import { RAIZ, entornoSilencioso } from './lib/local.ts';
import type { Pila } from './lib/pila.ts';
import { main, SALIDA, type Salida } from './replay.ts';

const FIXTURE = path.join(RAIZ, 'data/fixtures/prep-replay/DIP_LOC_2024.csv');
const RESUMEN = '9,9,2,7,77.7777,4,44.4444,44.4444,3,1809,1281,1101,60.8623';
const FIGURAS = 'ACTAS_ESPERADAS,ACTAS_REGISTRADAS,ACTAS_FUERA_CATALOGO,ACTAS_CAPTURADAS,PORCENTAJE_ACTAS_CAPTURADAS,ACTAS_CONTABILIZADAS,PORCENTAJE_ACTAS_CONTABILIZADAS,PORCENTAJE_ACTAS_INCONSISTENCIAS,ACTAS_NO_CONTABILIZADAS,LISTA_NOMINAL_ACTAS_CONTABILIZADAS,TOTAL_VOTOS_C_CS,TOTAL_VOTOS_S_CS,PORCENTAJE_PARTICIPACION_CIUDADANA'.split(',');

let tmp: string;

interface Corrida {
  codigo: number;
  log: string[];
  error: string[];
}

async function correr(args: string[], antesDeParar?: (p: Pila) => Promise<void>): Promise<Corrida> {
  const log: string[] = [];
  const error: string[] = [];
  const out: Salida = { log: (l) => log.push(l), error: (l) => error.push(l) };
  const codigo = await main(args, out, { antesDeParar });
  return { codigo, log, error };
}

/** The row of the summary table for a figure: [nuestro, archivo, sus filas, REGLAS]. */
function filaResumen(log: readonly string[], figura: string): { marca: string; valores: string[] } {
  const l = log.find((x) => new RegExp(`^ {4}. ${figura} `).test(x));
  if (!l) throw new Error(`sin fila ${figura}:\n${log.join('\n')}`);
  const [marca, , ...valores] = l.trim().split(/\s+/);
  return { marca: marca!, valores: valores.slice(0, 4) };
}

beforeAll(() => {
  tmp = mkdtempSync(path.join(os.tmpdir(), 'prep-replay-test-'));
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('npm run replay on a fresh local instance', { timeout: 600_000 }, () => {
  let exacto: Corrida;
  let alterado: Corrida;
  const vistas: { imagen?: Uint8Array; sha?: string; bitacora?: Awaited<ReturnType<typeof verificarCadena>>; puntero?: unknown } = {};

  beforeAll(async () => {
    const texto = readFileSync(FIXTURE, 'utf8');
    expect(texto).toContain(RESUMEN);
    const archivoAlterado = path.join(tmp, 'DIP_LOC_alterado.csv');
    writeFileSync(archivoAlterado, texto.replace(RESUMEN, '9,9,2,7,77.7777,5,55.5555,44.4444,2,1809,1300,1101,60.8623'));
    // Both replays at once: each starts its own instance on its own ports and folder.
    [exacto, alterado] = await Promise.all([
      correr([FIXTURE], async (pila) => {
        // What the instance published, looked at directly: the corte, an acta's image, the audit chain.
        const puntero = PunteroSchema.parse(await (await fetch(`${pila.url}/datos/latest.json`)).json());
        vistas.puntero = puntero;
        const zip = unzipSync(new Uint8Array(await (await fetch(`${pila.url}/${puntero.abiertos.ruta}`)).arrayBuffer()));
        const csv = strFromU8(zip[Object.keys(zip).find((k) => k.endsWith('/DIP_LOC.csv'))!]!);
        const cab = csv.split('\r\n')[4]!.split(',');
        const fila = csv.split('\r\n').find((l) => l.startsWith("'261001B0100,"))!.split(',');
        vistas.sha = fila[cab.indexOf('CODIGO_INTEGRIDAD')];
        vistas.imagen = new Uint8Array(await (await fetch(`${pila.url}/datos/26/imagenes/${vistas.sha}.png`)).arrayBuffer());
        const d1 = d1Local(pila.persistTo);
        vistas.bitacora = await verificarCadena(
          async (desde, limite) => d1.consulta<FilaBitacora>(`SELECT id, at, operador, token, catd, accion, acta, seq, status, detalle, prev_hash, hash FROM bitacora WHERE id > ${Math.trunc(desde)} ORDER BY id LIMIT ${Math.trunc(limite)}`),
          5000,
        );
      }),
      correr([archivoAlterado]),
    ]);
  }, 600_000);

  it('a replay of the hand-written database reproduces its summary exactly (exit 0)', () => {
    expect(exacto.codigo, [...exacto.error, ...exacto.log].join('\n')).toBe(SALIDA.COINCIDE);
    const archivo = RESUMEN.split(',');
    FIGURAS.forEach((f, i) => {
      const r = filaResumen(exacto.log, f);
      expect(r.marca, f).toBe('✓');
      expect(r.valores, f).toEqual([archivo[i], archivo[i], archivo[i], archivo[i]]);
    });
    expect(exacto.log.join('\n')).toMatch(/\n {2}actas \(cada cifra que el archivo y nuestro CSV llevan[^\n]*\): 11 comparadas, 11 coinciden en todo \(194 cifras comparadas\)\n/);
    expect(exacto.log.join('\n')).toMatch(/votos por columna [^\n]*: 9 columnas, 9 coinciden\n/);
    expect(exacto.log.join('\n')).toContain('el archivo consigo mismo: ✓ su resumen es lo que suman sus propias filas');
    expect(exacto.log.at(-1)).toBe('VEREDICTO: COINCIDE — nuestra publicación reproduce el archivo: cada acta y cada cifra del resumen.');
    expect(exacto.error.join('\n')).toMatch(/9 actas enviadas por la API/);
  });

  it('publishes the corte at the file’s instant, with marked placeholder images and an intact audit chain', () => {
    expect(vistas.puntero).toMatchObject({ corte: '02/06/2024 23:00 (UTC-7)', instante: Date.parse('2024-06-02T23:00:00-07:00'), final: false, abiertos: { nombre: 'SIMULACRO_20240602_2300_PREP.zip' } });
    const img = Buffer.from(vistas.imagen!);
    expect(createHash('sha256').update(img).digest('hex')).toBe(vistas.sha);
    expect(img.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    expect(img.toString('latin1')).toContain('IMAGEN DE REEMPLAZO - REPLAY');
    expect(img.toString('utf8')).toContain('No es la imagen del acta 261001B01005');
    expect(vistas.bitacora).toMatchObject({ ok: true });
    // Operators and tokens, then acopio, image and two captures per captured acta, sin acta, FC.
    expect(vistas.bitacora!.ok && vistas.bitacora!.entradas).toBeGreaterThan(30);
  });

  it('one whose summary was deliberately altered is reported as inconsistent with itself; ours still follows REGLAS', () => {
    expect(alterado.codigo, [...alterado.error, ...alterado.log].join('\n')).toBe(SALIDA.COINCIDE);
    const salida = alterado.log.join('\n');
    expect(salida).toContain('el archivo consigo mismo: ✗ NO CONCUERDA: su resumen no es lo que suman sus propias filas');
    expect(salida).toContain('! ACTAS_CONTABILIZADAS: el resumen dice 5; sus filas suman 4');
    expect(salida).toContain('! TOTAL_VOTOS_C_CS: el resumen dice 1300; sus filas suman 1281');
    expect(filaResumen(alterado.log, 'TOTAL_VOTOS_C_CS')).toEqual({ marca: '!', valores: ['1281', '1300', '1281', '1281'] });
    expect(filaResumen(alterado.log, 'ACTAS_ESPERADAS').marca).toBe('✓');
    expect(salida).toContain('El archivo no concuerda consigo mismo (DIP_LOC)');
    expect(salida).toMatch(/VEREDICTO: COINCIDE CON REGLAS — nuestra publicación sigue docs\/REGLAS\.md; 4 diferencias son del archivo/);
  });
});

describe('bad input never crashes: a Spanish message and an exit code, before anything starts', () => {
  const archivo = (nombre: string, contenido: string | Uint8Array) => {
    const f = path.join(tmp, nombre);
    writeFileSync(f, contenido);
    return f;
  };

  it.each([
    ['a missing file', () => [path.join(tmp, 'no-existe.csv')], SALIDA.USO, /el archivo no existe/],
    ['a folder', () => [tmp], SALIDA.USO, /no es un archivo/],
    ['no file at all', () => [], SALIDA.USO, /indique el CSV de resultados/],
    ['an unknown option', () => [FIXTURE, '--rapido'], SALIDA.USO, /opción desconocida: --rapido\n\nuso: npm run replay --/],
    ['a bad option value', () => [FIXTURE, '--entidad', '40'], SALIDA.USO, /^error: --entidad debe ser un entero entre 1 y 32 \(se recibió «40»\)$/],
    ['a non-numeric option value', () => [FIXTURE, '--concurrencia', 'muchas'], SALIDA.USO, /^error: --concurrencia debe ser un entero entre 1 y 32 \(se recibió «muchas»\)$/],
    ['a time zone that is not one', () => [FIXTURE, '--huso', 'Pacífico'], SALIDA.USO, /^error: --huso debe ser un desfase fijo respecto de UTC/],
    ['a binary file', () => [archivo('binario.csv', new Uint8Array(Array.from({ length: 4000 }, (_, i) => (i * 7919) % 256)))], SALIDA.ARCHIVO, /binari/],
    ['an empty file', () => [archivo('vacio.csv', '')], SALIDA.ARCHIVO, /vacío/],
    ['a semicolon-separated file', () => [archivo('pyc.csv', readFileSync(FIXTURE, 'utf8').replaceAll(',', ';'))], SALIDA.ARCHIVO, /punto y coma/],
    ['a truncated file', () => [archivo('truncado.csv', readFileSync(FIXTURE, 'utf8').slice(0, 2500))], SALIDA.ARCHIVO, /truncado/],
    ['a CSV that is not a PREP database', () => [archivo('otro.csv', 'nombre,edad\nAna,30\n')], SALIDA.ARCHIVO, /no parece un CSV de resultados del PREP/],
    ['a file without its corte line', () => [archivo('sin-corte.csv', readFileSync(FIXTURE, 'utf8').replace('02/06/2024 23:00 (UTC-7)', '')), '--huso', 'UTC-7'], SALIDA.ARCHIVO, /no tiene la línea del corte/],
  ])('%s', async (_que, args, codigo, mensaje) => {
    const r = await correr(args());
    expect(r.codigo).toBe(codigo);
    expect(r.error.join('\n')).toMatch(mensaje);
    expect(r.error.join('\n')).not.toMatch(/iniciando una instancia/);
    expect(r.log).toEqual([]);
  });

  it('the command line prints its help with the exit-code policy, and fails cleanly', () => {
    const ayuda = spawnSync(process.execPath, [path.join(RAIZ, 'scripts/replay.ts'), '--help'], { cwd: RAIZ, env: entornoSilencioso, encoding: 'utf8' });
    expect(ayuda.status).toBe(0);
    expect(ayuda.stdout).toContain('Códigos de salida:');
    expect(ayuda.stdout).toContain('DEL ARCHIVO');
    expect(ayuda.stdout).toMatch(/^uso: npm run replay -- <resultados\.csv>/);
    expect(ayuda.stderr).toBe('');
    const mal = spawnSync(process.execPath, [path.join(RAIZ, 'scripts/replay.ts'), path.join(tmp, 'no-existe.csv')], { cwd: RAIZ, env: entornoSilencioso, encoding: 'utf8' });
    expect(mal.status).toBe(SALIDA.USO);
    expect(mal.stderr).toMatch(/no-existe\.csv: el archivo no existe/);
    expect(mal.stderr).not.toMatch(/at .*\.ts:\d+/);
    // An unknown option: the usage on stderr, nothing on stdout, exit 2, no stack trace.
    const desconocida = spawnSync(process.execPath, [path.join(RAIZ, 'scripts/replay.ts'), FIXTURE, '--rapido'], { cwd: RAIZ, env: entornoSilencioso, encoding: 'utf8' });
    expect(desconocida.status).toBe(SALIDA.USO);
    expect(desconocida.stdout).toBe('');
    expect(desconocida.stderr).toMatch(/^error: opción desconocida: --rapido\n\nuso: npm run replay -- /);
    expect(desconocida.stderr).not.toMatch(/at .*\.ts:\d+/);
  });
});
