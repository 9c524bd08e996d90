import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { formatProblema } from '../../../worker/domain/catalogo/archivos/problemas.ts';
import { archivosACatalogo } from '../../../worker/domain/catalogo/archivos/leer.ts';
import { catalogoAArchivos } from '../../../worker/domain/catalogo/archivos/escribir.ts';
import { catalogoDesdePrep, derivarCatalogo, type OpcionesDesdePrep } from './derivar.ts';
import { leerFuentes } from './fuentes.ts';

const raiz = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const enc = (s: string) => new TextEncoder().encode(s);

/** The hand-written Sonora database of data/fixtures/prep in one naming style (2018, 2021 or 2024). */
function estilo(anio: string) {
  return ['DIP_LOC', 'DIP_LOC_CANDIDATURAS', 'AYUN', 'AYUN_CANDIDATURAS'].map((n) => {
    const nombre = `${n}_${anio}.csv`;
    return { nombre, bytes: new Uint8Array(readFileSync(path.join(raiz, 'data/fixtures/prep', anio, nombre))) };
  });
}

function derivar(archivos: { nombre: string; bytes: Uint8Array }[], opts: OpcionesDesdePrep = {}) {
  const r = catalogoDesdePrep(archivos, opts);
  if (!r.ok) throw new Error(r.error.map(formatProblema).join('\n'));
  return r.value;
}

function problemas(archivos: { nombre: string; bytes: Uint8Array }[], opts: OpcionesDesdePrep = {}): string[] {
  const r = catalogoDesdePrep(archivos, opts);
  expect(r.ok).toBe(false);
  return r.ok ? [] : r.error.map(formatProblema);
}

describe('from-prep on the hand-written Sonora database', () => {
  it('yields the same catalogue from the 2018, 2021 and 2024 naming styles', () => {
    const c2024 = derivar(estilo('2024')).catalogue;
    expect(derivar(estilo('2021')).catalogue).toEqual(c2024);
    expect(derivar(estilo('2018')).catalogue).toEqual(c2024);
  });

  it('makes every expected acta a casilla, registered or not, and leaves the fuera de catálogo rows out', () => {
    const c = derivar(estilo('2024')).catalogue;
    expect(c.entidad).toEqual({ id: 26, nombre: 'SONORA', utcOffsetMinutes: -420, sintetico: false });
    expect(c.casillas).toHaveLength(12);
    expect(c.casillas.map((x) => `${x.seccion}${x.tipo}${x.id}.${x.extContigua}`)).toEqual([
      '1001B1.0', '1001C1.0', '1002B1.0', '1002S1.0', '1500B1.0', '1500E1.0', '1500E1.1', '2001B1.0', '2001C1.0', '2002B1.0', '2002C1.0', '2002C2.0',
    ]);
    expect(c.casillas.find((x) => x.seccion === 1500 && x.extContigua === 1)).toEqual({
      seccion: 1500, tipo: 'E', id: 1, extContigua: 1, ubicacion: 2, listaNominal: 299, representantes: 5,
    });
    expect(c.secciones).toEqual([
      { id: 1001, distrito: 1, municipio: 30 },
      { id: 1002, distrito: 1, municipio: 30 },
      { id: 1500, distrito: 1, municipio: 29 },
      { id: 2001, distrito: 2, municipio: 18 },
      { id: 2002, distrito: 2, municipio: 18 },
    ]);
    expect(c.distritos).toEqual([{ id: 1, cabecera: 'HERMOSILLO CENTRO' }, { id: 2, cabecera: 'CIUDAD OBREGÓN' }]);
    expect(c.elecciones).toEqual([
      { codigo: 'DIP_LOC', nombre: 'DIPUTACIONES LOCALES', territorio: 'distrito', tipoActa: '5', boletasEspecial: 750, orden: 1 },
      { codigo: 'AYUN', nombre: 'AYUNTAMIENTOS', territorio: 'municipio', tipoActa: '6', boletasEspecial: 750, orden: 2 },
    ]);
  });

  it('applies a vote column to a territory when one of its rows holds a value other than -', () => {
    const c = derivar(estilo('2024')).catalogue;
    const boleta = (e: string, t: number) => c.boletas.find((b) => b.eleccion === e && b.territorio === t)!;
    expect(boleta('AYUN', 18)).toEqual({ eleccion: 'AYUN', territorio: 18, columnas: ['PAN', 'PRI', 'PRD', 'PVEM', 'PT', 'MC', 'MORENA', 'CI_1'], coaliciones: [] });
    expect(boleta('AYUN', 29).columnas).toEqual(['PAN', 'PRI', 'PRD', 'PVEM', 'PT', 'MC', 'MORENA', 'PAN_PRI', 'PVEM_PT_MORENA', 'PVEM_PT', 'PVEM_MORENA', 'PT_MORENA']);
    expect(boleta('AYUN', 29).coaliciones).toEqual([
      { coalicion: 'C_PAN_PRI_PRD', partidos: ['PAN', 'PRI'] },
      { coalicion: 'C_PVEM_PT_MORENA', partidos: ['PVEM', 'PT', 'MORENA'] },
    ]);
    // Distrito 2 has no registered acta: its ballot comes from the candidaturas (PT_MORENA as a coalition).
    expect(boleta('DIP_LOC', 2)).toEqual({
      eleccion: 'DIP_LOC',
      territorio: 2,
      columnas: ['PAN', 'PRI', 'PRD', 'PVEM', 'PT', 'MC', 'MORENA', 'PT_MORENA'],
      coaliciones: [{ coalicion: 'C_PVEM_PT_MORENA', partidos: ['PT', 'MORENA'] }],
    });
    expect(c.coaliciones.map((x) => [x.id, x.partidos.join('+')])).toEqual([
      ['C_PAN_PRI_PRD', 'PAN+PRI+PRD'],
      ['C_PVEM_PT_MORENA', 'PVEM+PT+MORENA'],
    ]);
    expect(c.partidos.map((p) => `${p.siglas}:${p.tipo}`)).toEqual([
      'PAN:partido', 'PRI:partido', 'PRD:partido', 'PVEM:partido', 'PT:partido', 'MC:partido', 'MORENA:partido', 'CI_1:independiente',
    ]);
  });

  it('maps the candidaturas to parties and coalitions, and generates the CATDs it says it did', () => {
    const d = derivar(estilo('2024'));
    expect(d.catalogue.candidaturas.filter((x) => x.eleccion === 'AYUN' && x.territorio === 29).map((x) => x.partidoCi)).toEqual([
      'C_PAN_PRI_PRD', 'PRD', 'C_PVEM_PT_MORENA', 'MC',
    ]);
    expect(d.catalogue.catds.map((x) => `${x.id}:${x.elecciones.join('+')}`)).toEqual([
      'CATD-D01:DIP_LOC', 'CATD-D02:DIP_LOC', 'CATD-M018:AYUN', 'CATD-M029:AYUN', 'CATD-M030:AYUN',
    ]);
    expect(d.avisos.map((a) => a.codigo)).toEqual(['HUSO', 'BOLETA', 'CATD', 'BOLETAS_ESPECIAL']);
    expect(d.columnas[1]).toMatchObject({ eleccion: 'AYUN', archivo: 'AYUN_2024.csv', renombre: { PAN: 'PAN', CI_1: 'CI_1', PT_MORENA: 'PT_MORENA' } });
  });

  it('the derived catalogue goes through the catalogue files unchanged', () => {
    const c = derivar(estilo('2018')).catalogue;
    const r = archivosACatalogo(catalogoAArchivos(c).map((a) => ({ nombre: a.nombre, bytes: enc(a.texto) })));
    expect(r.ok && r.value).toEqual(c);
  });

  it('takes the options: election codes, time zone, approved ballots for especiales', () => {
    const c = derivar(estilo('2021'), { codigos: ['DIPL', 'MUN'], huso: 'UTC-6', boletasEspecial: 1500 }).catalogue;
    expect(c.elecciones.map((e) => [e.codigo, e.boletasEspecial])).toEqual([['DIPL', 1500], ['MUN', 1500]]);
    expect(c.entidad.utcOffsetMinutes).toBe(-360);
    expect(c.catds[0]!.elecciones).toEqual(['DIPL']);
  });
});

// ---- small hand-made files for the other cases -------------------------------------------------------------

const ENC = 'CLAVE_CASILLA,ID_ENTIDAD,ENTIDAD,ID_DISTRITO_FEDERAL,DISTRITO_FEDERAL,SECCION,ID_CASILLA,TIPO_CASILLA,EXT_CONTIGUA,UBICACION_CASILLA,TIPO_ACTA';
function resultados(nombre: string, votos: string[], filas: string[][], corte = '02/06/2024 20:00 (UTC-6)') {
  const texto = [nombre, corte, 'ACTAS_ESPERADAS', String(filas.length), '', [ENC, ...votos, 'NO_REGISTRADAS', 'NULOS', 'LISTA_NOMINAL', 'REPRESENTANTES_PP_CI'].join(','), ...filas.map((f) => f.join(','))].join('\n');
  return { nombre: `${nombre}.csv`, bytes: enc(`${texto}\n`) };
}
/** A row: entidad, distrito, sección, tipo+id, then the vote cells, lista nominal. */
function fila(entidad: number, distrito: number, seccion: number, tipoId: string, votos: string[], ln = 500): string[] {
  const tipo = tipoId[0]!;
  const id = Number(tipoId.slice(1));
  const clave = `'${String(entidad).padStart(2, '0')}${String(seccion).padStart(4, '0')}${tipo}${String(id).padStart(2, '0')}00`;
  const registrada = votos.some((v) => v !== '-');
  return [clave, String(entidad), `ENTIDAD ${entidad}`, String(distrito), `DTO ${distrito}`, String(seccion), String(id), tipo, '0', '1', '1', ...votos, registrada ? '0' : '-', registrada ? '3' : '-', String(ln), '4'];
}

describe('from-prep on other files', () => {
  const V18 = ['PAN', 'PRI', 'NUEVA_ALIANZA', 'MORENA', 'ENCUENTRO_SOCIAL', 'CAND_IND_01', 'PRI_NA', 'MORENA_PES'];
  const nacional = resultados('PRESIDENCIA DE LA REPÚBLICA', V18, [
    fila(1, 1, 100, 'B1', ['10', '9', '8', '7', '6', '5', '1', '2']),
    fila(1, 2, 200, 'B1', ['-', '-', '-', '-', '-', '-', '-', '-']),
    fila(2, 1, 100, 'B1', ['1', '2', '3', '4', '5', '-', '0', '0']),
    fila(2, 1, 101, 'S1', ['-', '-', '-', '-', '-', '-', '-', '-'], 0),
  ]);

  it('asks which entidad of a national file, then derives one (2018 abbreviations, no municipios)', () => {
    expect(problemas([nacional])).toEqual([
      '.: los archivos tienen filas de 2 entidades (1: 2, 2: 2): elija una con --entidad N',
    ]);
    const d = derivar([nacional], { entidad: 2 });
    expect(d.catalogue.entidad).toEqual({ id: 2, nombre: 'ENTIDAD 2', utcOffsetMinutes: -360, sintetico: false });
    expect(d.catalogue.elecciones).toEqual([{ codigo: 'PRES', nombre: 'PRESIDENCIA DE LA REPÚBLICA', territorio: 'entidad', tipoActa: '1', boletasEspecial: 750, orden: 1 }]);
    expect(d.catalogue.casillas.map((c) => `${c.seccion}${c.tipo}`)).toEqual(['100B', '101S']);
    expect(d.catalogue.municipios).toEqual([{ id: 1, nombre: 'Municipio no publicado en los archivos' }]);
    expect(d.catalogue.boletas).toEqual([
      { eleccion: 'PRES', territorio: 0, columnas: ['PAN', 'PRI', 'NA', 'MORENA', 'PES', 'PRI_NA', 'MORENA_PES'], coaliciones: [
        { coalicion: 'C_MORENA_PES', partidos: ['MORENA', 'PES'] },
        { coalicion: 'C_PRI_NA', partidos: ['PRI', 'NA'] },
      ] },
    ]);
    // CAND_IND_01 has no vote in entidad 2: it is not part of its catalogue.
    expect(d.catalogue.partidos.map((p) => p.siglas)).toEqual(['PAN', 'PRI', 'NA', 'MORENA', 'PES']);
    expect(d.columnas[0]!.renombre).toMatchObject({ NUEVA_ALIANZA: 'NA', ENCUENTRO_SOCIAL: 'PES' });
    expect(d.avisos.map((a) => a.mensaje)).toEqual(
      expect.arrayContaining([
        'ningún archivo trae ID_MUNICIPIO (este): todas las secciones quedan en un municipio 1 «Municipio no publicado en los archivos»',
        'la columna NUEVA_ALIANZA se llama NA en el catálogo, como en la combinación PRI_NA',
        'la columna CAND_IND_01 no tiene ningún voto en la entidad: queda fuera del catálogo',
      ]),
    );
  });

  it('warns of a sección in two distritos and a casilla whose lista nominal differs between files, where they are (first appearance kept)', () => {
    const aviso = (archivos: ReturnType<typeof resultados>[], codigo: string) => derivar(archivos).avisos.filter((x) => x.codigo === codigo).map(formatProblema);
    const a = resultados('DIPUTACIONES FEDERALES', ['PAN'], [fila(5, 1, 10, 'B1', ['3']), fila(5, 2, 10, 'C1', ['4'])]);
    expect(aviso([a], 'SECCION_EN_DOS_DISTRITOS')).toEqual([
      'DIPUTACIONES FEDERALES.csv:8:26: la sección 10 está en el distrito 2 aquí y en el 1 en DIPUTACIONES FEDERALES.csv:7: queda en el 1 (regla: el territorio de su primera aparición) para todas las elecciones',
    ]);
    const b1 = resultados('SENADURÍAS', ['PAN'], [fila(5, 1, 10, 'B1', ['3'], 500)]);
    const b2 = resultados('DIPUTACIONES FEDERALES', ['PAN'], [fila(5, 1, 10, 'B1', ['3'], 510).map((v, i) => (i === 10 ? '3' : v))]);
    expect(aviso([b1, b2], 'CASILLA_DISTINTA')).toEqual(['DIPUTACIONES FEDERALES.csv:7:53: la casilla 0010 B 01 00 tiene LISTA_NOMINAL 510 aquí y 500 en SENADURÍAS.csv:7: se usa 500 (regla: primera aparición)']);
  });

  it('takes the votes from abroad (tipo M, sección N/A) as casilla M of sección 0 in a territory of its own', () => {
    const extranjero = fila(5, 1, 10, 'M1', ['1']).map((v, i) => ([0, 3, 4, 5, 6].includes(i) ? (i === 0 ? '-' : 'N/A') : v));
    const d = derivar([resultados('SENADURÍAS', ['PAN'], [fila(5, 1, 10, 'B1', ['3']), extranjero])]);
    expect(d.catalogue.casillas.map((c) => [c.seccion, c.tipo, c.id])).toEqual([[0, 'M', 0], [10, 'B', 1]]);
    const s0 = d.catalogue.secciones.find((s) => s.id === 0)!;
    expect(d.catalogue.distritos.find((x) => x.id === s0.distrito)?.cabecera).toBe('Voto desde el extranjero');
    expect(d.avisos.find((a) => a.codigo === 'SIN_SECCION')).toBeUndefined();
  });

  it('leaves out, and says so, expected actas without a sección that are not the votes from abroad', () => {
    const anticipado = fila(5, 1, 10, 'B2', ['1']).map((v, i) => ([0, 3, 4, 5, 6].includes(i) ? (i === 0 ? '-' : 'N/A') : v));
    const d = derivar([resultados('SENADURÍAS', ['PAN'], [fila(5, 1, 10, 'B1', ['3']), anticipado])]);
    expect(d.catalogue.casillas).toHaveLength(1);
    expect(d.avisos.find((a) => a.codigo === 'SIN_SECCION')).toEqual({
      archivo: 'SENADURÍAS.csv',
      linea: 8,
      columna: 1,
      codigo: 'SIN_SECCION',
      mensaje: '1 acta(s) esperada(s) sin sección (N/A: voto desde el extranjero, anticipado o en prisión) quedan fuera del catálogo',
    });
  });

  it('reports bad values with their column', () => {
    const a = resultados('DIPUTACIONES FEDERALES', ['PAN'], [fila(5, 1, 10, 'X1', ['3'])]);
    expect(problemas([a])).toEqual(['DIPUTACIONES FEDERALES.csv:7:39: TIPO_CASILLA: se esperaba B, C, E, S o M; se leyó «X»']);
  });

  it('gives a territory without any registered acta and without candidaturas every vote column of the header, with a warning', () => {
    const a = resultados('DIPUTACIONES FEDERALES', ['PAN', 'PRI'], [fila(5, 1, 10, 'B1', ['3', '4']), fila(5, 2, 20, 'B1', ['-', '-'])]);
    const d = derivar([a]);
    expect(d.catalogue.boletas.find((b) => b.territorio === 2)?.columnas).toEqual(['PAN', 'PRI']);
    expect(d.avisos.map(formatProblema)).toContainEqual(expect.stringContaining('el distrito 2 no tiene actas con votos ni candidaturas en los archivos: su boleta lleva todas las columnas de votos del encabezado'));
  });

  it('gives a coalition the name its candidaturas call it by', () => {
    const a = resultados('DIPUTACIONES FEDERALES', ['PAN', 'PRI', 'MC', 'PAN_PRI'], [fila(5, 1, 10, 'B1', ['3', '4', '5', '1']), fila(5, 2, 20, 'B1', ['3', '4', '5', '-'])]);
    const c = { nombre: 'c.csv', bytes: enc('ID_ENTIDAD,ID_DISTRITO_FEDERAL,PARTIDO_CI,CANDIDATURA_PROPIETARIA,CANDIDATURA_SUPLENTE\n5,1,Fuerza por México,Ana,Bea\n5,1,MC,Carla,Dora\n5,2,PAN,Eva,Fer\n') };
    const d = derivar([a, c]);
    expect(d.catalogue.coaliciones).toEqual([{ id: 'FUERZA_POR_MEXICO', nombre: 'FUERZA POR MEXICO', partidos: ['PAN', 'PRI'] }]);
    expect(d.catalogue.candidaturas.map((x) => `${x.territorio}:${x.partidoCi}`)).toEqual(['1:FUERZA_POR_MEXICO', '1:MC', '2:PAN']);
    const malo = { nombre: 'c.csv', bytes: enc('ID_ENTIDAD,ID_DISTRITO_FEDERAL,PARTIDO_CI,CANDIDATURA_PROPIETARIA,CANDIDATURA_SUPLENTE\n5,2,PVEM,Eva,Fer\n') };
    expect(derivar([a, malo]).avisos.map(formatProblema)).toContain('c.csv:2:5: un PARTIDO_CI que no es una columna de votos ni una coalición de la boleta de su territorio se ignora');
  });

  it('infers the territory of an election it does not know by name', () => {
    const a = resultados('CONSULTA ESTATAL', ['SI', 'NO'], [fila(5, 1, 10, 'B1', ['3', '4']), fila(5, 2, 20, 'B1', ['1', '2'])]);
    const d = derivar([a]);
    expect(d.catalogue.elecciones[0]).toMatchObject({ codigo: 'CE', territorio: 'entidad' });
  });

  it('refuses files it cannot read, and files in the wrong order', () => {
    const cand = { nombre: 'c.csv', bytes: enc('PARTIDO_CI,CANDIDATURA_PROPIETARIA\nPAN,Ana\n') };
    expect(problemas([cand])).toEqual(['c.csv: un CSV de candidaturas va justo después del CSV de resultados de su elección']);
    expect(problemas([{ nombre: 'x.csv', bytes: enc('a,b\n1,2\n') }])).toEqual([
      'x.csv: no parece un CSV de resultados del PREP (nombre de la elección, corte, resumen y encabezado con SECCION y TIPO_CASILLA) ni de candidaturas (PARTIDO_CI, CANDIDATURA_PROPIETARIA)',
    ]);
    expect(problemas([{ nombre: 'x.zip', bytes: Uint8Array.from([0x50, 0x4b, 3, 4, 0]) }])).toEqual([
      'x.zip:1:1: no es un archivo de texto CSV: parece un archivo ZIP (o una hoja de Excel .xlsx): descomprímalo o guárdelo como «CSV UTF-8»',
    ]);
    expect(problemas([])).toEqual(['.: no se indicó ningún CSV de resultados']);
  });

  it('needs a corte line (or --huso) for the time zone', () => {
    const a = resultados('SENADURÍAS', ['PAN'], [fila(5, 1, 10, 'B1', ['3'])], 'sin corte');
    expect(problemas([a])).toEqual(['SENADURÍAS.csv:1:1: no se encontró la línea del corte (DD/MM/AAAA HH:MM (UTC-6)) para saber el huso horario: indíquelo con --huso']);
    expect(derivar([a], { huso: 'UTC-8' }).catalogue.entidad.utcOffsetMinutes).toBe(-480);
  });

  it('derives the same from files read once and reused, without changing what was read (the replay reads them once for both)', () => {
    const archivos = estilo('2024');
    const lectura = leerFuentes(archivos);
    const antes = structuredClone(lectura);
    const primera = derivarCatalogo(lectura, { boletasEspecial: 900 });
    expect(primera).toEqual(catalogoDesdePrep(archivos, { boletasEspecial: 900 }));
    expect(derivarCatalogo(lectura, { boletasEspecial: 900 })).toEqual(primera);
    expect(lectura).toEqual(antes);
  });
});
