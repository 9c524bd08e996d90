/** partes.csv (split secciones): written only when there are parts, read back exactly, every problem located. */
import { describe, expect, it } from 'vitest';
import { catalogoEjemplo } from '../../../../test/ejemplos/eleccion.ts';
import { catalogoConPartes } from '../../../../test/ejemplos/partes.ts';
import { catalogoAArchivos } from './escribir.ts';
import { archivosACatalogo } from './leer.ts';
import { normalizarCatalogo } from './normalizar.ts';
import { formatProblema } from './problemas.ts';

const enc = new TextEncoder();
const ENCABEZADO = '\uFEFFSECCION,TIPO_CASILLA,ID_CASILLA,EXT_CONTIGUA,ELECCION,PARTE,ID_DISTRITO_LOCAL,ID_MUNICIPIO,LISTA_NOMINAL\r\n';

function archivos(cat = catalogoConPartes): Map<string, string> {
  return new Map(catalogoAArchivos(cat).map((a) => [a.nombre, a.texto]));
}

function leer(files: Map<string, string>) {
  return archivosACatalogo([...files].map(([nombre, t]) => ({ nombre, bytes: enc.encode(t) })));
}

/** The files of the example with partes.csv replaced by these data rows. */
function conPartes(...filas: string[]): Map<string, string> {
  return archivos().set('partes.csv', ENCABEZADO + filas.map((f) => `${f}\r\n`).join(''));
}

function problemas(files: Map<string, string>): string[] {
  const r = leer(files);
  expect(r.ok).toBe(false);
  return r.ok ? [] : r.error.map(formatProblema);
}

describe('partes.csv', () => {
  it('is written after catds.csv, one row per part, an absent lista nominal as an empty cell', () => {
    const files = archivos();
    expect([...files.keys()].slice(10, 13)).toEqual(['catds.csv', 'partes.csv', 'candidaturas_GUB.csv']);
    expect(files.get('partes.csv')).toBe(`${ENCABEZADO}1121,B,1,0,AYUN,2,1,39,4\r\n2302,C,1,0,DIP_LOC,2,1,120,\r\n`);
  });

  it('round-trips exactly: import ∘ export is the identity, and writing again gives the same bytes', () => {
    const files = archivos();
    const r = leer(files);
    if (!r.ok) throw new Error(r.error.map(formatProblema).join('\n'));
    expect(r.value).toEqual(normalizarCatalogo(catalogoConPartes));
    expect(r.value.partes).toHaveLength(2);
    expect('listaNominal' in r.value.partes![1]!).toBe(false);
    expect(catalogoAArchivos(r.value).map((a) => [a.nombre, a.texto])).toEqual([...files]);
  });

  it('is not written for an ordinary catalogue, which reads back without partes', () => {
    const files = archivos(catalogoEjemplo);
    expect(files.has('partes.csv')).toBe(false);
    expect([...archivos({ ...catalogoEjemplo, partes: [] })]).toEqual([...files]);
    const r = leer(files);
    expect(r.ok && 'partes' in r.value).toBe(false);
  });

  it('a header-only partes.csv is no parts at all', () => {
    const r = leer(archivos(catalogoEjemplo).set('partes.csv', ENCABEZADO));
    expect(r.ok && r.value).toEqual(normalizarCatalogo(catalogoEjemplo));
  });

  it('reports bad cells with file, line and column', () => {
    expect(problemas(conPartes('1121,B,1,0,AYUN,1,1,39,4', '2302,C,1,0,DIP_LOC,2,1,120,-3'))).toEqual([
      'partes.csv:2:17: PARTE: se esperaba un entero de 2 a 9; se leyó «1»',
      'partes.csv:3:28: LISTA_NOMINAL: se esperaba un entero ≥ 0; se leyó «-3»',
    ]);
  });

  it('reports parts of unknown casillas, in unknown municipios, and numbered with gaps', () => {
    const r = leer(conPartes('1121,B,7,0,AYUN,2,1,39,4', '2302,C,1,0,DIP_LOC,2,1,777,', '2302,C,1,0,AYUN,3,1,39,'));
    expect(r.ok).toBe(false);
    const donde = r.ok ? [] : r.error.map((p) => `${p.archivo}:${p.linea}:${p.columna} ${p.codigo} ${p.campo ?? ''}`);
    expect(donde).toEqual([
      'partes.csv:2:1 CASILLA_DESCONOCIDA SECCION',
      'partes.csv:3:24 MUNICIPIO_DESCONOCIDO ID_MUNICIPIO',
      'partes.csv:4:17 PARTE_SIN_ANTERIOR PARTE',
    ]);
  });

  it('a row left out for its own problem does not echo as a gap in the numbering', () => {
    expect(problemas(conPartes('2302,C,1,0,AYUN,dos,1,39,', '2302,C,1,0,AYUN,3,1,39,'))).toEqual([
      'partes.csv:2:17: PARTE: se esperaba un entero de 2 a 9; se leyó «dos»',
    ]);
  });

  it('reports a missing required column once, naming it', () => {
    const sinParte = archivos().set('partes.csv', `${ENCABEZADO.replace(',PARTE', '')}1121,B,1,0,AYUN,1,39,4\r\n`);
    expect(problemas(sinParte).join('\n')).toMatch(/^partes\.csv:1:1: .*PARTE/);
  });
});
