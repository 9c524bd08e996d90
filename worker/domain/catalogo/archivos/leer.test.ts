import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { generarJalisco } from '../../../../scripts/generador/generar.ts';
import { catalogoEjemplo } from '../../../../test/ejemplos/eleccion.ts';
import { normalizarCatalogo } from './normalizar.ts';
import { formatProblema } from './problemas.ts';
import { archivosACatalogo, type ArchivoEntrada } from './leer.ts';
import { catalogoAArchivos } from './escribir.ts';

const raiz = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');
const EJEMPLO = path.join(raiz, 'data/fixtures/catalogo-ejemplo');

const enc = new TextEncoder();
const dec = new TextDecoder('utf-8', { ignoreBOM: true });

/** The example folder as name → text (BOM and CRLF included). */
function ejemplo(): Map<string, string> {
  return new Map(readdirSync(EJEMPLO).map((n) => [n, dec.decode(readFileSync(path.join(EJEMPLO, n)))]));
}

function entradas(archivos: Map<string, string | Uint8Array>): ArchivoEntrada[] {
  return [...archivos].map(([nombre, t]) => ({ nombre, bytes: typeof t === 'string' ? enc.encode(t) : t }));
}

/** Replaces one exact line (without its line end) of a file. */
function cambiar(archivos: Map<string, string>, archivo: string, antes: string, despues: string): Map<string, string> {
  const t = archivos.get(archivo)!;
  expect(t, `${archivo} contains ${antes}`).toContain(antes);
  return new Map(archivos).set(archivo, t.replace(antes, despues));
}

function problemas(archivos: Map<string, string | Uint8Array>): string[] {
  const r = archivosACatalogo(entradas(archivos));
  expect(r.ok).toBe(false);
  return r.ok ? [] : r.error.map(formatProblema);
}

/** `archivo:línea:columna CODIGO` of every problem: for the cross-reference checks, whose wording is validar.ts's. */
function donde(archivos: Map<string, string | Uint8Array>): string[] {
  const r = archivosACatalogo(entradas(archivos));
  expect(r.ok).toBe(false);
  return r.ok ? [] : r.error.map((p) => `${p.archivo}:${p.linea}:${p.columna} ${p.codigo}`);
}

function catalogo(archivos: Map<string, string | Uint8Array>) {
  const r = archivosACatalogo(entradas(archivos));
  if (!r.ok) throw new Error(r.error.map(formatProblema).join('\n'));
  return r.value;
}

describe('import of the example folder', () => {
  it('reads every table of the Sonora example', () => {
    const c = catalogo(ejemplo());
    expect(c.entidad).toEqual({ id: 26, nombre: 'Sonora', utcOffsetMinutes: -420, sintetico: true });
    expect(c.elecciones.map((e) => [e.codigo, e.territorio, e.tipoActa])).toEqual([
      ['DIP_LOC', 'distrito', '5'],
      ['AYUN', 'municipio', '6'],
    ]);
    expect(c.casillas).toHaveLength(13);
    expect(new Set(c.casillas.map((x) => x.tipo))).toEqual(new Set(['B', 'C', 'E', 'S', 'M']));
    expect(c.casillas.find((x) => x.seccion === 1500 && x.extContigua === 1)).toEqual({
      seccion: 1500,
      tipo: 'E',
      id: 1,
      extContigua: 1,
      ubicacion: 2,
      listaNominal: 299,
      representantes: 5,
    });
    expect(c.boletas.find((b) => b.eleccion === 'DIP_LOC' && b.territorio === 2)).toEqual({
      eleccion: 'DIP_LOC',
      territorio: 2,
      columnas: ['PAN', 'PRI', 'PRD', 'PVEM', 'PT', 'MC', 'MORENA', 'PT_MORENA'],
      coaliciones: [{ coalicion: 'SHHS', partidos: ['PT', 'MORENA'] }],
    });
    expect(c.candidaturas.filter((x) => x.eleccion === 'AYUN' && x.territorio === 18).map((x) => x.partidoCi)).toEqual([
      'PAN', 'PRI', 'PRD', 'PVEM', 'PT', 'MC', 'MORENA', 'CI_1',
    ]);
    expect(c.catds.map((x) => x.id)).toEqual(['CATD-D01', 'CATD-D02', 'CATD-M018', 'CATD-M029', 'CATD-M030']);
  });

  it('reads the same catalogue without BOM, with LF, quoted cells, blank lines and lower-case codes', () => {
    const variantes = new Map(
      [...ejemplo()].map(([n, t]) => {
        let v = t.replace(/^\uFEFF/, '').replaceAll('\r\n', '\n');
        if (n === 'casillas.csv') v = `${v.replace(/^'26(\d{4})([A-Z])/gm, "'26$1$2").replaceAll(',B,', ',b,')}\n,,,,,,,\n`;
        if (n === 'distritos.csv') v = v.replace('1,Hermosillo Centro', '"1","Hermosillo Centro"');
        if (n === 'entidad.csv') v = v.replace('UTC-7', 'UTC-07:00');
        return [n, v] as const;
      }),
    );
    expect(catalogo(variantes)).toEqual(catalogo(ejemplo()));
  });

  it('export ∘ import reproduces the example folder byte for byte', () => {
    const archivos = ejemplo();
    const salida = catalogoAArchivos(catalogo(archivos));
    expect(salida.map((a) => a.nombre).sort()).toEqual([...archivos.keys()].filter((n) => n.endsWith('.csv')).sort());
    for (const a of salida) expect(a.texto, a.nombre).toBe(archivos.get(a.nombre));
  });

  it('import ∘ export is the identity on catalogues (the domain fixture, in canonical order)', () => {
    const files = new Map(catalogoAArchivos(catalogoEjemplo).map((a) => [a.nombre, a.texto]));
    expect(catalogo(files)).toEqual(normalizarCatalogo(catalogoEjemplo));
  });

  it('the shipped Jalisco default round-trips through the files unchanged', () => {
    const jalisco = generarJalisco(2024);
    const files = new Map(catalogoAArchivos(jalisco).map((a) => [a.nombre, a.texto]));
    const leido = catalogo(files);
    expect(leido).toEqual(jalisco);
    expect(catalogoAArchivos(leido).map((a) => a.texto)).toEqual([...files.values()]);
  });

  it('ignores files that are not CSV (a README)', () => {
    expect(catalogo(new Map(ejemplo()).set('notas.txt', 'hola'))).toEqual(catalogo(ejemplo()));
  });
});

describe('every problem, with file, line and column, and no catalogue', () => {
  const e = ejemplo;

  it('a non-integer or negative lista nominal', () => {
    let a = cambiar(e(), 'casillas.csv', "'261001C0100,1001,C,1,0,1,599,8", "'261001C0100,1001,C,1,0,1,59.9,8");
    a = cambiar(a, 'casillas.csv', "'262001B0100,2001,B,1,0,1,700,9", "'262001B0100,2001,B,1,0,1,-700,9");
    expect(problemas(a)).toEqual([
      'casillas.csv:3:27: LISTA_NOMINAL: se esperaba un entero ≥ 0; se leyó «59.9»',
      'casillas.csv:10:27: LISTA_NOMINAL: se esperaba un entero ≥ 0; se leyó «-700»',
    ]);
  });

  it('an unknown casilla type', () => {
    const a = cambiar(e(), 'casillas.csv', "'261001M0100,1001,M,1,0,1,0,4", "'261001X0100,1001,X,1,0,1,0,4");
    expect(problemas(a)).toEqual(['casillas.csv:4:19: TIPO_CASILLA: se esperaba B, C, E, S o M; se leyó «X»']);
  });

  it('duplicate keys', () => {
    const a = cambiar(e(), 'casillas.csv', "'262002C0200,2002,C,2,0,1,608,8", "'262002C0100,2002,C,1,0,1,608,8");
    const b = cambiar(e(), 'partidos.csv', 'CI_1,', 'MC,');
    expect(donde(a)).toEqual(['casillas.csv:14:1 DUPLICADO']);
    expect(problemas(a)[0]).toMatch(/2002 C 01 00 .*duplicada.*fila 12/);
    expect(donde(b)).toContain('partidos.csv:9:1 DUPLICADO');
  });

  it('unknown references', () => {
    let a = cambiar(e(), 'secciones.csv', '2002,2,18', '2002,3,18');
    a = cambiar(a, 'casillas.csv', "'261002S0100,1002,S,1,0,1,0,6", "'261003S0100,1003,S,1,0,1,0,6");
    a = cambiar(a, 'catds.csv', 'CATD-M018,CATD municipal Cajeme,municipio,18,AYUN', 'CATD-M018,CATD municipal Cajeme,municipio,18,AYUN+GUB');
    a = cambiar(a, 'boletas_coaliciones.csv', 'AYUN,29,FYCS,PAN+PRI', 'AYUN,29,FYCX,PAN+PRI');
    expect(donde(a)).toEqual([
      'boletas_coaliciones.csv:5:9 COALICION_DESCONOCIDA',
      // FYCS's candidatura in Guaymas no longer matches a coalition of that ballot.
      'candidaturas_AYUN.csv:10:7 CANDIDATURA_FUERA_DE_BOLETA',
      'casillas.csv:6:14 SECCION_DESCONOCIDA',
      'catds.csv:4:46 ELECCION_DESCONOCIDA',
      'secciones.csv:6:6 DISTRITO_DESCONOCIDO',
    ]);
    const textos = problemas(a);
    expect(textos[0]).toMatch(/^boletas_coaliciones\.csv:5:9: .*FYCX/);
    expect(textos[2]).toMatch(/^casillas\.csv:6:14: .*1003/);
    expect(textos[3]).toMatch(/^catds\.csv:4:46: .*GUB/);
    expect(textos[4]).toMatch(/^secciones\.csv:6:6: .*distrito 3/);
  });

  it('a sección in two municipios or two distritos', () => {
    const a = new Map(e()).set('secciones.csv', `${e().get('secciones.csv')!}1500,2,30\r\n`);
    expect(donde(a)).toEqual(['secciones.csv:7:6 SECCION_EN_DOS_DISTRITOS', 'secciones.csv:7:8 SECCION_EN_DOS_MUNICIPIOS']);
    expect(problemas(a)).toEqual([
      expect.stringMatching(/^secciones\.csv:7:6: .*1500.* 1 .* 2/),
      expect.stringMatching(/^secciones\.csv:7:8: .*1500.* 29 .* 30/),
    ]);
  });

  it('a combination column naming a party that is not in that territory’s coalition', () => {
    const a = cambiar(e(), 'boletas.csv', 'AYUN,29,PAN_PRI\r\n', 'AYUN,29,PAN_PRD\r\n');
    expect(donde(a)).toEqual(['boletas.csv:40:9 COMBINACION_FUERA_DE_COALICION']);
    expect(problemas(a)[0]).toMatch(/PAN_PRD.*PRD/);
  });

  it('a territory with no ballot', () => {
    const sin = (archivo: string, prefijo: string) => e().get(archivo)!.split('\r\n').filter((l) => !l.startsWith(prefijo)).join('\r\n');
    const a = new Map(e())
      .set('boletas.csv', sin('boletas.csv', 'AYUN,29,'))
      .set('boletas_coaliciones.csv', sin('boletas_coaliciones.csv', 'AYUN,29,'))
      .set('candidaturas_AYUN.csv', sin('candidaturas_AYUN.csv', '26,29,'));
    expect(donde(a)).toEqual(['elecciones.csv:3:1 BOLETA_FALTANTE']);
    expect(problemas(a)[0]).toMatch(/AYUN.* 29/);
  });

  it('a CATD serving nothing', () => {
    const a = new Map(e()).set('municipios.csv', `${e().get('municipios.csv')!}31,Huatabampo\r\n`);
    const b = cambiar(a, 'catds.csv', 'CATD-M029,CATD municipal Guaymas,municipio,29,AYUN', 'CATD-M029,CATD municipal Guaymas,municipio,31,AYUN');
    expect(donde(b)).toEqual(['catds.csv:5:44 CATD_SIN_CASILLAS', 'elecciones.csv:3:1 BOLETA_FALTANTE']);
    expect(problemas(b)[0]).toMatch(/CATD-M029.* 31/);
  });

  it('a row left out for its own problem does not echo as dangling references elsewhere', () => {
    const a = cambiar(e(), 'secciones.csv', '1500,1,29', '1500,1,veintinueve');
    expect(problemas(a)).toEqual(['secciones.csv:4:8: ID_MUNICIPIO: se esperaba un entero ≥ 1; se leyó «veintinueve»']);
  });

  it('a CLAVE_CASILLA that does not match its parts', () => {
    const a = cambiar(e(), 'casillas.csv', "'262001C0100,2001,C", "'262001C0200,2001,C");
    expect(problemas(a)).toEqual(['casillas.csv:11:1: CLAVE_CASILLA 262001C0200 no corresponde a la casilla (se esperaba 262001C0100)']);
  });

  it('several problems in several files all at once, sorted by file and line', () => {
    let a = cambiar(e(), 'casillas.csv', "'261001C0100,1001,C,1,0,1,599,8", "'261001C0100,1001,C,1,0,1,x,8");
    a = cambiar(a, 'entidad.csv', '26,Sonora,UTC-7,1', '26,Sonora,hora del Pacífico,1');
    a = cambiar(a, 'elecciones.csv', 'AYUN,Ayuntamientos,municipio', 'AYUN,Ayuntamientos,region');
    expect(problemas(a)).toEqual([
      'casillas.csv:3:27: LISTA_NOMINAL: se esperaba un entero ≥ 0; se leyó «x»',
      'elecciones.csv:3:20: TERRITORIO: se esperaba entidad, distrito o municipio; se leyó «region»',
      'entidad.csv:2:11: HUSO_HORARIO: se esperaba un desfase fijo respecto de UTC, como UTC-6 o UTC+5:30; se leyó «hora del Pacífico»',
    ]);
  });
});

describe('bad files never crash', () => {
  const e = ejemplo;

  it('an empty folder', () => {
    expect(problemas(new Map())).toEqual([
      '.: la carpeta no tiene archivos CSV del catálogo; se esperan entidad.csv, elecciones.csv, partidos.csv, coaliciones.csv, distritos.csv, municipios.csv, secciones.csv, casillas.csv, boletas.csv, boletas_coaliciones.csv, catds.csv, partes.csv y, opcionalmente, candidaturas_<ELECCION>.csv',
    ]);
  });

  it('a missing file, an unknown file, an empty file', () => {
    const a = new Map(e());
    a.delete('secciones.csv');
    a.set('casilla.csv', 'SECCION\n').set('catds.csv', '');
    expect(problemas(a)).toEqual([
      'casilla.csv: archivo desconocido; los archivos del catálogo son entidad.csv, elecciones.csv, partidos.csv, coaliciones.csv, distritos.csv, municipios.csv, secciones.csv, casillas.csv, boletas.csv, boletas_coaliciones.csv, catds.csv, partes.csv y candidaturas_<ELECCION>.csv',
      'catds.csv: el archivo está vacío: debe empezar con el encabezado ID_CATD,NOMBRE,AMBITO,ID_TERRITORIO,ELECCIONES',
      'secciones.csv: falta el archivo secciones.csv (Secciones: cada una en un distrito local y un municipio.)',
    ]);
  });

  it('a truncated CSV: an open quote, or a last row cut short', () => {
    const t = e().get('catds.csv')!;
    const abierto = new Map(e()).set('catds.csv', `${t.slice(0, t.indexOf('CATD-D02'))}CATD-D02,"CATD distrital 02 Ciudad Obr`);
    expect(problemas(abierto)).toEqual(['catds.csv:3:10: las comillas abiertas aquí no se cierran antes del fin del archivo (¿archivo truncado?)']);
    const cortado = new Map(e()).set('catds.csv', `${t.slice(0, t.indexOf('CATD-D02'))}CATD-D02,CATD distrital 02`);
    expect(problemas(cortado)).toEqual(['catds.csv:3:1: la fila tiene 2 campos y el encabezado 5 (¿archivo truncado?)']);
  });

  it('a file separated by semicolons', () => {
    const a = new Map(e()).set('secciones.csv', e().get('secciones.csv')!.replaceAll(',', ';'));
    expect(problemas(a)).toEqual([
      'secciones.csv:1:1: el archivo está separado por punto y coma (;); se espera coma (,): expórtelo como «CSV (delimitado por comas)»',
    ]);
  });

  it('a binary file, and a file saved as Latin-1', () => {
    const a = new Map<string, string | Uint8Array>(e()).set('casillas.csv', Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0, 0, 0]));
    expect(problemas(a)).toEqual([
      'casillas.csv:1:1: no es un archivo de texto CSV: parece un archivo ZIP (o una hoja de Excel .xlsx): descomprímalo o guárdelo como «CSV UTF-8»',
    ]);
    const latin1 = Uint8Array.from([...'ID_DISTRITO_LOCAL,DISTRITO_LOCAL\n1,Hermosillo\n2,Ciudad Obreg\xf3n\n'].map((ch) => ch.charCodeAt(0)));
    const b = new Map<string, string | Uint8Array>(e()).set('distritos.csv', latin1);
    expect(problemas(b)).toEqual(['distritos.csv:3:15: el archivo no está en UTF-8 (byte 0xF3): guárdelo como «CSV UTF-8»']);
  });

  it('unknown, repeated and missing columns', () => {
    const a = new Map(e())
      .set('municipios.csv', 'ID_MUNICIPIO,NOMBRE_MUNICIPIO\r\n18,Cajeme\r\n')
      .set('distritos.csv', 'ID_DISTRITO_LOCAL,DISTRITO_LOCAL,DISTRITO_LOCAL\r\n1,a,a\r\n');
    expect(problemas(a)).toEqual([
      'distritos.csv:1:34: la columna DISTRITO_LOCAL aparece dos veces en el encabezado',
      'municipios.csv:1:1: falta la columna MUNICIPIO en el encabezado',
      'municipios.csv:1:14: columna desconocida «NOMBRE_MUNICIPIO»; las columnas de este archivo son ID_MUNICIPIO, MUNICIPIO',
    ]);
  });

  it('candidaturas of an unknown election, or with the territory column of another kind', () => {
    const a = new Map(e())
      .set('candidaturas_GUB.csv', 'ID_ENTIDAD,PARTIDO_CI,CANDIDATURA_PROPIETARIA,CANDIDATURA_SUPLENTE\r\n')
      .set('candidaturas_AYUN.csv', e().get('candidaturas_AYUN.csv')!.replace('ID_MUNICIPIO', 'ID_DISTRITO_LOCAL'));
    expect(problemas(a)).toEqual([
      'candidaturas_AYUN.csv:1:1: falta la columna ID_MUNICIPIO en el encabezado',
      'candidaturas_AYUN.csv:1:12: la elección AYUN es por municipio: su columna de territorio es ID_MUNICIPIO, no ID_DISTRITO_LOCAL',
      'candidaturas_GUB.csv: candidaturas de la elección GUB, que no está en elecciones.csv (el archivo se llama candidaturas_<ELECCION>.csv)',
    ]);
  });
});
