// `npm run catalogue` against a real local D1 (wrangler + workerd SQLite) in a temporary directory.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { catalogoAArchivos } from '../worker/domain/catalogo/archivos/escribir.ts';
import { archivosACatalogo } from '../worker/domain/catalogo/archivos/leer.ts';
import { catalogoConPartes } from '../test/ejemplos/partes.ts';
import { consultarD1, leerCarpeta, main, leerCatalogoLocal, type BaseLocal, type Salida } from './catalogue.ts';
import { cerrarD1Local } from './lib/d1-sesion.ts';
import { RAIZ, entornoSilencioso } from './lib/local.ts';

const EJEMPLO = path.join(RAIZ, 'data/fixtures/catalogo-ejemplo');
let tmp: string;
let d1: BaseLocal;

function correr(args: string[]): { code: number; out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  const salida: Salida = { log: (l) => out.push(l), error: (l) => err.push(l) };
  return { code: main(args, salida, d1), out, err };
}

function catalogoDe(carpeta: string) {
  const c = leerCarpeta(carpeta);
  if ('problema' in c) throw new Error(c.problema.mensaje);
  const r = archivosACatalogo(c.archivos);
  if (!r.ok) throw new Error(r.error.map((p) => p.mensaje).join('\n'));
  return r.value;
}

/** A copy of the example folder with `cambio` applied to one file's text. */
function copia(nombre: string, archivo?: string, cambio?: (t: string) => string): string {
  const dir = path.join(tmp, nombre);
  cpSync(EJEMPLO, dir, { recursive: true });
  if (archivo && cambio) writeFileSync(path.join(dir, archivo), cambio(readFileSync(path.join(dir, archivo), 'utf8')));
  return dir;
}

beforeAll(() => {
  tmp = mkdtempSync(path.join(os.tmpdir(), 'prep-catalogo-'));
  d1 = { persistDir: path.join(tmp, 'wrangler') };
});
afterAll(() => {
  cerrarD1Local(d1.persistDir);
  rmSync(tmp, { recursive: true, force: true });
});

describe('npm run catalogue against the local D1', { timeout: 120_000 }, () => {
  it('imports the example folder, and a second import changes nothing and says so', () => {
    const a = correr(['import', EJEMPLO]);
    expect(a.err).toEqual([]);
    expect(a.code).toBe(0);
    expect(a.out[0]).toMatch(/^catálogo cargado en \d+ ms\. Sonora \(entidad 26\): 2 elecciones, 2 distritos, 3 municipios, 5 secciones, 13 casillas, 26 actas esperadas, 5 CATD$/);
    expect(leerCatalogoLocal(d1).catalogue).toEqual(catalogoDe(EJEMPLO));
    const [{ n }] = consultarD1(d1, 'SELECT count(*) AS n FROM acta_esperada')[0] as [{ n: number }];
    expect(n).toBe(26);

    const b = correr(['import', EJEMPLO]);
    expect(b.code).toBe(0);
    expect(b.out).toEqual([expect.stringMatching(/^el catálogo ya está cargado: sin cambios\. Sonora/)]);
  });

  it('refuses a folder with problems, lists them with archivo:línea:columna, and writes nothing', () => {
    const antes = leerCatalogoLocal(d1).catalogue;
    const malo = copia('malo', 'casillas.csv', (t) => t.replace("'261001C0100,1001,C,1,0,1,599,8", "'261001C0100,1001,Z,1,0,1,-599,8"));
    const r = correr(['import', malo]);
    expect(r.code).toBe(1);
    expect(r.err).toEqual([
      `${path.join(malo, 'casillas.csv')}:3:19: TIPO_CASILLA: se esperaba B, C, E, S o M; se leyó «Z»`,
      `${path.join(malo, 'casillas.csv')}:3:27: LISTA_NOMINAL: se esperaba un entero ≥ 0; se leyó «-599»`,
      'catálogo rechazado: 2 problema(s); no se escribió nada.',
    ]);
    expect(leerCatalogoLocal(d1).catalogue).toEqual(antes);
  });

  it('replaces a changed catalogue before the first corte in one step and prints what changed', () => {
    const otro = copia('otro', 'casillas.csv', (t) =>
      t
        .replace("'262002C0200,2002,C,2,0,1,608,8\r\n", '')
        .replace("'261002B0100,1002,B,1,0,1,520,7", "'261002B0100,1002,B,1,0,1,530,7")
        .concat("'262002C0300,2002,C,3,0,1,300,8\r\n"),
    );
    const r = correr(['import', otro]);
    expect(r.code).toBe(0);
    expect(r.out).toEqual([
      expect.stringMatching(/^catálogo reemplazado en \d+ ms\. Sonora .* 13 casillas, 26 actas esperadas/),
      '  casillas agregadas: 1: 262002C0300',
      '  casillas quitadas: 1: 262002C0200',
      '  casillas cambiadas: 1: 261002B0100',
    ]);
    expect(leerCatalogoLocal(d1).catalogue).toEqual(catalogoDe(otro));
  });

  it('exports what it imported: export ∘ import is the identity, byte for byte', () => {
    expect(correr(['import', EJEMPLO]).code).toBe(0);
    const destino = path.join(tmp, 'exportado');
    const r = correr(['export', destino]);
    expect(r.code).toBe(0);
    const csv = readdirSync(EJEMPLO).filter((f) => f.endsWith('.csv')).sort();
    expect(readdirSync(destino).sort()).toEqual(csv);
    for (const f of csv) expect(readFileSync(path.join(destino, f)).equals(readFileSync(path.join(EJEMPLO, f))), f).toBe(true);
    // A folder with other CSV files is refused.
    writeFileSync(path.join(destino, 'otro.csv'), 'x\n');
    expect(correr(['export', destino])).toMatchObject({ code: 1, err: [expect.stringMatching(/otros archivos CSV \(otro\.csv\)/)] });
  });

  it('imports a folder with partes.csv (split secciones), reads the parts back from D1 and exports them byte for byte', () => {
    const origen = path.join(tmp, 'con-partes');
    mkdirSync(origen);
    for (const a of catalogoAArchivos(catalogoConPartes)) writeFileSync(path.join(origen, a.nombre), a.texto);
    // Its own database: the shared one's catalogue is what the tests below expect.
    const propia: BaseLocal = { persistDir: path.join(tmp, 'wrangler-partes') };
    const corre = (args: string[]) => {
      const out: string[] = [];
      return { code: main(args, { log: (l) => out.push(l), error: (l) => out.push(l) }, propia), out };
    };
    try {
      const esperadas = catalogoConPartes.casillas.length * catalogoConPartes.elecciones.length + 2;
      expect(corre(['import', origen])).toMatchObject({ code: 0, out: [expect.stringMatching(new RegExp(`^catálogo cargado .*, ${esperadas} actas esperadas,`))] });
      expect(leerCatalogoLocal(propia).catalogue).toEqual(catalogoDe(origen));
      expect(corre(['import', origen]).out).toEqual([expect.stringMatching(/^el catálogo ya está cargado: sin cambios/)]);
      const destino = path.join(tmp, 'con-partes-exportado');
      expect(corre(['export', destino]).code).toBe(0);
      expect(readFileSync(path.join(destino, 'partes.csv'), 'utf8')).toBe(readFileSync(path.join(origen, 'partes.csv'), 'utf8'));
    } finally {
      cerrarD1Local(propia.persistDir);
    }
  });

  it('refuses any change after the first corte: the catalogue is frozen at puesta en ceros', () => {
    // Published actas before the first corte do not freeze it (the cortes' table decides once it exists)…
    consultarD1(d1, "INSERT INTO acta_publicacion (seq, clave, eleccion, payload) VALUES (1, '261001B01005', 'DIP_LOC', '{}')");
    consultarD1(d1, "INSERT INTO operador (id, nombre, ambito, catd, activo, creado_at) VALUES ('op-guaymas', 'Operador Guaymas', 'CATD', 'CATD-M029', 1, 0)");
    const sinCatd = copia('sin-catd', 'catds.csv', (t) => t.replace('CATD-M029,CATD municipal Guaymas,municipio,29,AYUN\r\n', ''));
    const reemplazo = correr(['import', sinCatd]);
    expect(reemplazo.code).toBe(0);
    expect(reemplazo.out.slice(-2)).toEqual(['  CATD: 1 quitadas', '  aviso: 1 operador(es) de CATD que ya no existen: op-guaymas (CATD-M029)']);
    expect(correr(['import', EJEMPLO]).code).toBe(0);
    // …the first corte does.
    consultarD1(
      d1,
      `INSERT INTO corte (numero, secuencia, instante, final, manifiesto_sha256, manifiesto_ruta, anterior_sha256, puntero, historial,
         actas_procesadas, shards_escritos, shards_reusados, bytes_escritos, milisegundos, modo, motivo, publicado_at)
       VALUES (1, 1, 0, 0, '${'a'.repeat(64)}', 'manifiestos/a.json', NULL, '{}', '{}', 1, 0, 0, 0, 0, 'completo', 'programado', 0)`,
    );
    const antes = leerCatalogoLocal(d1).catalogue;
    const otro = copia('congelado', 'distritos.csv', (t) => t.replace('Ciudad Obregón', 'Cd. Obregón'));
    const r = correr(['import', otro]);
    expect(r.code).toBe(3);
    expect(r.err).toEqual([expect.stringMatching(/^el catálogo está congelado desde la puesta en ceros: ya se publicó un corte \(tabla corte\)/)]);
    expect(leerCatalogoLocal(d1).catalogue).toEqual(antes);
    // The same catalogue again is still a no-op, not an error.
    expect(correr(['import', EJEMPLO]).code).toBe(0);
  });
});

describe('bad input never crashes npm run catalogue', () => {
  it('an empty folder, a missing folder, a file instead of a folder', () => {
    const vacia = path.join(tmp, 'vacia');
    mkdirSync(vacia, { recursive: true });
    expect(correr(['import', vacia])).toMatchObject({ code: 1, err: [expect.stringMatching(/la carpeta no tiene archivos CSV del catálogo/), 'catálogo rechazado: 1 problema(s); no se escribió nada.'] });
    expect(correr(['import', path.join(tmp, 'no-existe')])).toMatchObject({ code: 2, err: [expect.stringMatching(/la carpeta no existe$/)] });
    expect(correr(['import', path.join(EJEMPLO, 'casillas.csv')])).toMatchObject({ code: 2, err: [expect.stringMatching(/no es una carpeta/)] });
  });

  it('a binary file, a truncated file, a file with semicolons', () => {
    const binario = copia('binario');
    writeFileSync(path.join(binario, 'casillas.csv'), Buffer.from([0x50, 0x4b, 3, 4, 20, 0, 0, 0, 8, 0]));
    expect(correr(['import', binario]).err[0]).toMatch(/casillas\.csv:1:1: no es un archivo de texto CSV: parece un archivo ZIP/);
    const truncado = copia('truncado', 'catds.csv', (t) => t.slice(0, t.indexOf('Cajeme') + 3));
    expect(correr(['import', truncado]).err[0]).toMatch(/catds\.csv:4:1: la fila tiene 2 campos y el encabezado 5 \(¿archivo truncado\?\)/);
    const puntoycoma = copia('puntoycoma', 'municipios.csv', (t) => t.replaceAll(',', ';'));
    expect(correr(['import', puntoycoma])).toMatchObject({ code: 1, err: [expect.stringMatching(/municipios\.csv:1:1: el archivo está separado por punto y coma/), expect.any(String)] });
  });

  it('--help prints the usage on stdout and exits 0, for the script and for each subcommand', () => {
    const general = correr(['--help']);
    expect(general).toMatchObject({ code: 0, err: [] });
    expect(general.out.join('\n')).toMatch(/^uso: npm run catalogue -- <subcomando> \[opciones\]\n[\s\S]*from-prep/);
    const fromPrep = correr(['from-prep', '--help']);
    expect(fromPrep).toMatchObject({ code: 0, err: [] });
    expect(fromPrep.out.join('\n')).toMatch(/^uso: npm run catalogue -- from-prep <resultados\.csv>[\s\S]*--boletas-especial N[\s\S]*-h, --help/);
    expect(correr(['import', '-h'])).toMatchObject({ code: 0, err: [], out: [expect.stringMatching(/^uso: npm run catalogue -- import <carpeta>/)] });
  });

  it('an unknown option: the usage on stderr, exit 2; a bad option value: one line, exit 2', () => {
    expect(correr(['from-prep', 'a.csv', '--out', 'o', '--rapido'])).toMatchObject({
      code: 2,
      out: [],
      err: [expect.stringMatching(/^error: opción desconocida: --rapido\n\nuso: npm run catalogue -- from-prep /)],
    });
    expect(correr(['export', '--rapido', 'x'])).toMatchObject({ code: 2, err: [expect.stringMatching(/^error: opción desconocida: --rapido\n\nuso: npm run catalogue -- export <carpeta>/)] });
    expect(correr(['from-prep', 'a.csv', '--out', 'o', '--entidad', 'catorce'])).toMatchObject({ code: 2, err: ['error: --entidad debe ser un entero entre 1 y 32 (se recibió «catorce»)'] });
    expect(correr(['from-prep', 'a.csv', '--out', 'o', '--boletas-especial', '-5'])).toMatchObject({ code: 2, err: [expect.stringMatching(/--boletas-especial/)] });
    expect(correr(['from-prep', 'a.csv', '--out', 'o', '--huso', 'hora del Pacífico'])).toMatchObject({ code: 2, err: [expect.stringMatching(/^error: --huso debe ser un desfase fijo respecto de UTC.*«hora del Pacífico»\)$/)] });
  });

  it('the command line: help on stdout (exit 0), an unknown option on stderr (exit 2), never a stack trace', () => {
    const script = path.join(RAIZ, 'scripts/catalogue.ts');
    const ayuda = spawnSync(process.execPath, [script, '--help'], { cwd: RAIZ, env: entornoSilencioso, encoding: 'utf8' });
    expect(ayuda.status).toBe(0);
    expect(ayuda.stdout).toMatch(/^uso: npm run catalogue -- <subcomando>/);
    expect(ayuda.stderr).toBe('');
    const mal = spawnSync(process.execPath, [script, 'import', '--rapido', EJEMPLO], { cwd: RAIZ, env: entornoSilencioso, encoding: 'utf8' });
    expect(mal.status).toBe(2);
    expect(mal.stdout).toBe('');
    expect(mal.stderr).toMatch(/^error: opción desconocida: --rapido\n\nuso: npm run catalogue -- import <carpeta>/);
    expect(mal.stderr).not.toMatch(/at .*\.ts:\d+/);
  });

  it('usage errors', () => {
    expect(correr([]).code).toBe(2);
    expect(correr(['importar', 'x']).code).toBe(2);
    expect(correr(['from-prep', 'x.csv'])).toMatchObject({ code: 2 });
    expect(correr(['from-prep', path.join(tmp, 'no.csv'), '--out', path.join(tmp, 'o')])).toMatchObject({ code: 2, err: [expect.stringMatching(/el archivo no existe/)] });
    expect(correr(['from-prep', 'a.csv', '--out'])).toMatchObject({ code: 2, err: [expect.stringMatching(/falta el valor de --out/)] });
  });
});

describe('npm run catalogue -- from-prep', () => {
  const prep = (anio: string, n: string) => path.join(RAIZ, 'data/fixtures/prep', anio, `${n}_${anio}.csv`);

  it('writes a catalogue folder that imports', () => {
    const out = path.join(tmp, 'derivado');
    const r = correr(['from-prep', prep('2021', 'DIP_LOC'), prep('2021', 'DIP_LOC_CANDIDATURAS'), prep('2021', 'AYUN'), prep('2021', 'AYUN_CANDIDATURAS'), '--out', out]);
    expect(r.err).toEqual([]);
    expect(r.code).toBe(0);
    const avisos = r.out.filter((l) => l.startsWith('aviso: '));
    expect(avisos).toHaveLength(4);
    // Every warning is placed (file:line:column) and names its rule code.
    for (const l of avisos) expect(l).toMatch(/^aviso: .+\.csv:\d+:\d+: .+ \[[A-Z][A-Z0-9_]*\]$/);
    expect(r.out.at(-1)).toMatch(/^catálogo derivado en .*SONORA \(entidad 26\): 2 elecciones, 2 distritos, 3 municipios, 5 secciones, 12 casillas/);
    expect(catalogoDe(out).casillas).toHaveLength(12);
  });

  it('lists the problems of a bad database and writes nothing', () => {
    const out = path.join(tmp, 'nada');
    const malo = path.join(tmp, 'malo.csv');
    writeFileSync(malo, 'GUBERNATURA\n01/06/2027 20:00 (UTC-6)\nSECCION,TIPO_CASILLA,ID_CASILLA,PAN\n');
    const r = correr(['from-prep', malo, '--out', out]);
    expect(r.code).toBe(1);
    expect(r.err.at(-1)).toMatch(/no se pudo derivar el catálogo: \d problema\(s\); no se escribió nada\./);
    expect(() => readdirSync(out)).toThrow();
  });
});
