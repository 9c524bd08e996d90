import { describe, expect, it } from 'vitest';
import { CatalogoSchema, type Catalogo } from './esquema.ts';
import { validarCatalogo } from './validar.ts';

/**
 * A tiny coherent catalogue: 2 distritos, 2 municipios, 3 secciones (sección 2 and 3 in distrito 2),
 * coalitions A (PAN, PRI) and B (MORENA, PT), one independent in municipio 1.
 */
function tiny(): Catalogo {
  const comb = ['PAN_PRI', 'MORENA_PT'];
  const full = [
    { coalicion: 'A', partidos: ['PAN', 'PRI'] },
    { coalicion: 'B', partidos: ['MORENA', 'PT'] },
  ];
  const base = ['PAN', 'PRI', 'MC', 'MORENA', 'PT'];
  const cand = (eleccion: string, territorio: number, partidoCi: string) => ({
    eleccion,
    territorio,
    partidoCi,
    propietaria: 'Ana López Pérez',
    suplente: 'Rosa Díaz Ruiz',
  });
  return {
    entidad: { id: 14, nombre: 'Jalisco', utcOffsetMinutes: -360, sintetico: true },
    elecciones: [
      { codigo: 'GUB', nombre: 'Gubernatura', territorio: 'entidad', tipoActa: '4', boletasEspecial: 750, orden: 1 },
      { codigo: 'DIP_LOC', nombre: 'Diputaciones', territorio: 'distrito', tipoActa: '5', boletasEspecial: 750, orden: 2 },
      { codigo: 'AYUN', nombre: 'Munícipes', territorio: 'municipio', tipoActa: '6', boletasEspecial: 750, orden: 3 },
    ],
    partidos: [
      { siglas: 'PAN', nombre: 'PAN', color: '#0059B3', tipo: 'partido', orden: 1 },
      { siglas: 'PRI', nombre: 'PRI', color: '#E2231A', tipo: 'partido', orden: 2 },
      { siglas: 'MC', nombre: 'MC', color: '#FF8300', tipo: 'partido', orden: 3 },
      { siglas: 'MORENA', nombre: 'Morena', color: '#A3262A', tipo: 'partido', orden: 4 },
      { siglas: 'PT', nombre: 'PT', color: '#B71C1C', tipo: 'partido', orden: 5 },
      { siglas: 'CI_1', nombre: 'Independiente', color: '#7F7F7F', tipo: 'independiente', orden: 6 },
    ],
    coaliciones: [
      { id: 'A', nombre: 'Coalición A', partidos: ['PAN', 'PRI'] },
      { id: 'B', nombre: 'Coalición B', partidos: ['MORENA', 'PT'] },
    ],
    distritos: [
      { id: 1, cabecera: 'Uno' },
      { id: 2, cabecera: 'Dos' },
    ],
    municipios: [
      { id: 1, nombre: 'Municipio uno' },
      { id: 2, nombre: 'Municipio dos' },
    ],
    secciones: [
      { id: 1, distrito: 1, municipio: 1 },
      { id: 2, distrito: 2, municipio: 1 },
      { id: 3, distrito: 2, municipio: 2 },
    ],
    casillas: [
      { seccion: 1, tipo: 'B', id: 1, extContigua: 0, ubicacion: 1, listaNominal: 600, representantes: 4 },
      { seccion: 1, tipo: 'C', id: 1, extContigua: 0, ubicacion: 1, listaNominal: 600, representantes: 4 },
      { seccion: 2, tipo: 'B', id: 1, extContigua: 0, ubicacion: 2, listaNominal: 300, representantes: 2 },
      { seccion: 3, tipo: 'B', id: 1, extContigua: 0, ubicacion: 1, listaNominal: 500, representantes: 3 },
      { seccion: 3, tipo: 'E', id: 1, extContigua: 0, ubicacion: 2, listaNominal: 200, representantes: 1 },
      { seccion: 3, tipo: 'S', id: 1, extContigua: 0, ubicacion: 1, listaNominal: 0, representantes: 5 },
    ],
    boletas: [
      { eleccion: 'GUB', territorio: 0, columnas: [...base, ...comb], coaliciones: full },
      { eleccion: 'DIP_LOC', territorio: 1, columnas: [...base, ...comb], coaliciones: full },
      { eleccion: 'DIP_LOC', territorio: 2, columnas: [...base, 'PAN_PRI'], coaliciones: [full[0]!] },
      { eleccion: 'AYUN', territorio: 1, columnas: [...base, 'CI_1', ...comb], coaliciones: full },
      { eleccion: 'AYUN', territorio: 2, columnas: base, coaliciones: [] },
    ],
    candidaturas: [
      cand('GUB', 0, 'A'),
      cand('GUB', 0, 'B'),
      cand('GUB', 0, 'MC'),
      cand('DIP_LOC', 2, 'A'),
      cand('DIP_LOC', 2, 'MORENA'),
      cand('AYUN', 1, 'CI_1'),
      cand('AYUN', 2, 'PT'),
    ],
    catds: [
      { id: 'CATD-D01', nombre: 'CATD 1', ambito: 'distrito', territorio: 1, elecciones: ['GUB', 'DIP_LOC'] },
      { id: 'CATD-D02', nombre: 'CATD 2', ambito: 'distrito', territorio: 2, elecciones: ['GUB', 'DIP_LOC'] },
      { id: 'CATD-M001', nombre: 'CATD M1', ambito: 'municipio', territorio: 1, elecciones: ['AYUN'] },
      { id: 'CATD-M002', nombre: 'CATD M2', ambito: 'municipio', territorio: 2, elecciones: ['AYUN'] },
    ],
  };
}

/** One kind of problem: how to break the tiny catalogue, and the problem that must come out. */
interface Case {
  name: string;
  breakIt: (c: Catalogo) => void;
  expected: { tabla: string; fila: number; codigo: string; campo?: string };
}

const cases: Case[] = [
  {
    name: 'duplicate elección codigo',
    breakIt: (c) => c.elecciones.push({ ...c.elecciones[0]!, tipoActa: '9' }),
    expected: { tabla: 'elecciones', fila: 4, codigo: 'DUPLICADO', campo: 'codigo' },
  },
  {
    name: 'duplicate tipo de acta',
    breakIt: (c) => (c.elecciones[2]!.tipoActa = '4'),
    expected: { tabla: 'elecciones', fila: 3, codigo: 'DUPLICADO', campo: 'tipoActa' },
  },
  {
    name: 'duplicate partido',
    breakIt: (c) => c.partidos.push({ ...c.partidos[2]! }),
    expected: { tabla: 'partidos', fila: 7, codigo: 'DUPLICADO' },
  },
  {
    name: 'duplicate coalición',
    breakIt: (c) => c.coaliciones.push({ ...c.coaliciones[0]! }),
    expected: { tabla: 'coaliciones', fila: 3, codigo: 'DUPLICADO' },
  },
  {
    name: 'coalición with an unregistered party',
    breakIt: (c) => c.coaliciones[1]!.partidos.push('PES'),
    expected: { tabla: 'coaliciones', fila: 2, codigo: 'PARTIDO_DESCONOCIDO' },
  },
  {
    name: 'coalición with an independent',
    breakIt: (c) => c.coaliciones[1]!.partidos.push('CI_1'),
    expected: { tabla: 'coaliciones', fila: 2, codigo: 'PARTIDO_DESCONOCIDO' },
  },
  {
    name: 'coalición id equal to a party siglas',
    breakIt: (c) => c.coaliciones.push({ id: 'MC', nombre: 'MC', partidos: ['PAN', 'MC'] }),
    expected: { tabla: 'coaliciones', fila: 3, codigo: 'COLUMNA_AMBIGUA' },
  },
  {
    name: 'duplicate distrito',
    breakIt: (c) => c.distritos.push({ id: 2, cabecera: 'Otra' }),
    expected: { tabla: 'distritos', fila: 3, codigo: 'DUPLICADO' },
  },
  {
    name: 'duplicate municipio',
    breakIt: (c) => c.municipios.push({ id: 1, nombre: 'Otra' }),
    expected: { tabla: 'municipios', fila: 3, codigo: 'DUPLICADO' },
  },
  {
    name: 'sección in an unknown distrito',
    breakIt: (c) => (c.secciones[1]!.distrito = 7),
    expected: { tabla: 'secciones', fila: 2, codigo: 'DISTRITO_DESCONOCIDO', campo: 'distrito' },
  },
  {
    name: 'sección in an unknown municipio',
    breakIt: (c) => (c.secciones[2]!.municipio = 9),
    expected: { tabla: 'secciones', fila: 3, codigo: 'MUNICIPIO_DESCONOCIDO', campo: 'municipio' },
  },
  {
    name: 'sección repeated with the same parents',
    breakIt: (c) => c.secciones.push({ id: 1, distrito: 1, municipio: 1 }),
    expected: { tabla: 'secciones', fila: 4, codigo: 'DUPLICADO' },
  },
  {
    name: 'sección in two municipios',
    breakIt: (c) => c.secciones.push({ id: 2, distrito: 2, municipio: 2 }),
    expected: { tabla: 'secciones', fila: 4, codigo: 'SECCION_EN_DOS_MUNICIPIOS' },
  },
  {
    name: 'sección in two distritos',
    breakIt: (c) => c.secciones.push({ id: 1, distrito: 2, municipio: 1 }),
    expected: { tabla: 'secciones', fila: 4, codigo: 'SECCION_EN_DOS_DISTRITOS' },
  },
  {
    name: 'duplicate casilla',
    breakIt: (c) => c.casillas.push({ ...c.casillas[0]!, listaNominal: 100 }),
    expected: { tabla: 'casillas', fila: 7, codigo: 'DUPLICADO' },
  },
  {
    name: 'casilla of an unknown sección',
    breakIt: (c) => c.casillas.push({ ...c.casillas[0]!, seccion: 44 }),
    expected: { tabla: 'casillas', fila: 7, codigo: 'SECCION_DESCONOCIDA', campo: 'seccion' },
  },
  {
    name: 'especial with lista nominal',
    breakIt: (c) => (c.casillas[5]!.listaNominal = 12),
    expected: { tabla: 'casillas', fila: 6, codigo: 'LISTA_NOMINAL_NO_CERO', campo: 'listaNominal' },
  },
  {
    name: 'boleta of an unknown elección',
    breakIt: (c) => c.boletas.push({ ...c.boletas[0]!, eleccion: 'PRES' }),
    expected: { tabla: 'boletas', fila: 6, codigo: 'ELECCION_DESCONOCIDA', campo: 'eleccion' },
  },
  {
    name: 'entidad boleta with a territory other than 0',
    breakIt: (c) => (c.boletas[0]!.territorio = 1),
    expected: { tabla: 'boletas', fila: 1, codigo: 'TERRITORIO_DESCONOCIDO', campo: 'territorio' },
  },
  {
    name: 'distrito boleta in an unknown distrito',
    breakIt: (c) => c.boletas.push({ ...c.boletas[1]!, territorio: 3 }),
    expected: { tabla: 'boletas', fila: 6, codigo: 'TERRITORIO_DESCONOCIDO' },
  },
  {
    name: 'municipio boleta with a distrito-only id (wrong kind)',
    breakIt: (c) => {
      c.distritos.push({ id: 3, cabecera: 'Tres' });
      c.boletas.push({ ...c.boletas[1]!, territorio: 3 }, { ...c.boletas[4]!, territorio: 3 });
    },
    expected: { tabla: 'boletas', fila: 7, codigo: 'TERRITORIO_DESCONOCIDO' },
  },
  {
    name: 'duplicate boleta',
    breakIt: (c) => c.boletas.push({ ...c.boletas[4]! }),
    expected: { tabla: 'boletas', fila: 6, codigo: 'DUPLICADO' },
  },
  {
    name: 'territory of an election with no boleta',
    breakIt: (c) => c.boletas.splice(2, 1),
    expected: { tabla: 'elecciones', fila: 2, codigo: 'BOLETA_FALTANTE' },
  },
  {
    name: 'entidad election with no boleta',
    breakIt: (c) => c.boletas.splice(0, 1),
    expected: { tabla: 'elecciones', fila: 1, codigo: 'BOLETA_FALTANTE' },
  },
  {
    name: 'unknown column',
    breakIt: (c) => c.boletas[4]!.columnas.push('PES'),
    expected: { tabla: 'boletas', fila: 5, codigo: 'COLUMNA_DESCONOCIDA', campo: 'columnas[5]' },
  },
  {
    name: 'combination with an unknown party',
    breakIt: (c) => c.boletas[0]!.columnas.push('PAN_PES'),
    expected: { tabla: 'boletas', fila: 1, codigo: 'COLUMNA_DESCONOCIDA' },
  },
  {
    name: 'repeated column',
    breakIt: (c) => c.boletas[4]!.columnas.push('MC'),
    expected: { tabla: 'boletas', fila: 5, codigo: 'DUPLICADO', campo: 'columnas[5]' },
  },
  {
    name: 'combination of a party not in coalition there',
    breakIt: (c) => c.boletas[2]!.columnas.push('MORENA_PT'),
    expected: { tabla: 'boletas', fila: 3, codigo: 'COMBINACION_FUERA_DE_COALICION', campo: 'columnas[6]' },
  },
  {
    name: 'combination mixing two coalitions',
    breakIt: (c) => c.boletas[0]!.columnas.push('PAN_MORENA'),
    expected: { tabla: 'boletas', fila: 1, codigo: 'COMBINACION_MEZCLA_COALICIONES' },
  },
  {
    name: 'boleta with an unknown coalición',
    breakIt: (c) => c.boletas[4]!.coaliciones.push({ coalicion: 'Z', partidos: ['MC', 'PT'] }),
    expected: { tabla: 'boletas', fila: 5, codigo: 'COALICION_DESCONOCIDA' },
  },
  {
    name: 'boleta coalición with a party outside it',
    breakIt: (c) => (c.boletas[2]!.coaliciones = [{ coalicion: 'A', partidos: ['PAN', 'MC'] }]),
    expected: { tabla: 'boletas', fila: 3, codigo: 'PARTIDO_FUERA_DE_COALICION' },
  },
  {
    name: 'party in two coalitions of one boleta',
    breakIt: (c) => {
      c.coaliciones[1]!.partidos.push('PRI');
      c.boletas[2]!.coaliciones = [
        { coalicion: 'A', partidos: ['PAN', 'PRI'] },
        { coalicion: 'B', partidos: ['MORENA', 'PRI'] },
      ];
    },
    expected: { tabla: 'boletas', fila: 3, codigo: 'PARTIDO_EN_DOS_COALICIONES' },
  },
  {
    name: 'candidatura of an unknown elección',
    breakIt: (c) => c.candidaturas.push({ ...c.candidaturas[0]!, eleccion: 'SEN' }),
    expected: { tabla: 'candidaturas', fila: 8, codigo: 'ELECCION_DESCONOCIDA' },
  },
  {
    name: 'candidatura in an unknown territory',
    breakIt: (c) => c.candidaturas.push({ ...c.candidaturas[6]!, territorio: 8 }),
    expected: { tabla: 'candidaturas', fila: 8, codigo: 'TERRITORIO_DESCONOCIDO' },
  },
  {
    name: 'candidatura of an unknown party',
    breakIt: (c) => (c.candidaturas[2]!.partidoCi = 'PES'),
    expected: { tabla: 'candidaturas', fila: 3, codigo: 'PARTIDO_DESCONOCIDO', campo: 'partidoCi' },
  },
  {
    name: 'candidatura of a coalición absent from that boleta',
    breakIt: (c) => (c.candidaturas[6]!.partidoCi = 'B'),
    expected: { tabla: 'candidaturas', fila: 7, codigo: 'CANDIDATURA_FUERA_DE_BOLETA' },
  },
  {
    name: 'candidatura of an independent from another municipio',
    breakIt: (c) => (c.candidaturas[6]!.partidoCi = 'CI_1'),
    expected: { tabla: 'candidaturas', fila: 7, codigo: 'CANDIDATURA_FUERA_DE_BOLETA' },
  },
  {
    name: 'duplicate candidatura',
    breakIt: (c) => c.candidaturas.push({ ...c.candidaturas[1]! }),
    expected: { tabla: 'candidaturas', fila: 8, codigo: 'DUPLICADO' },
  },
  {
    name: 'duplicate CATD',
    breakIt: (c) => c.catds.push({ ...c.catds[0]! }),
    expected: { tabla: 'catds', fila: 5, codigo: 'DUPLICADO' },
  },
  {
    name: 'CATD of an unknown territory',
    breakIt: (c) => (c.catds[3]!.territorio = 5),
    expected: { tabla: 'catds', fila: 4, codigo: 'TERRITORIO_DESCONOCIDO' },
  },
  {
    name: 'CATD receiving an unknown elección',
    breakIt: (c) => c.catds[0]!.elecciones.push('PRES'),
    expected: { tabla: 'catds', fila: 1, codigo: 'ELECCION_DESCONOCIDA' },
  },
  {
    name: 'CATD serving nothing',
    breakIt: (c) => {
      c.municipios.push({ id: 3, nombre: 'Vacío' });
      c.boletas.push({ eleccion: 'AYUN', territorio: 3, columnas: ['PAN'], coaliciones: [] });
      c.catds.push({ id: 'CATD-M003', nombre: 'CATD M3', ambito: 'municipio', territorio: 3, elecciones: ['AYUN'] });
    },
    expected: { tabla: 'catds', fila: 5, codigo: 'CATD_SIN_CASILLAS' },
  },
];

describe('validarCatalogo', () => {
  it('finds nothing wrong in a coherent catalogue', () => {
    const cat = tiny();
    expect(CatalogoSchema.parse(cat)).toEqual(cat);
    expect(validarCatalogo(cat)).toEqual([]);
  });

  it.each(cases)('$name → $expected.codigo', ({ breakIt, expected }) => {
    const cat = tiny();
    breakIt(cat);
    expect(CatalogoSchema.safeParse(cat).success).toBe(true);
    const problems = validarCatalogo(cat);
    expect(problems).toContainEqual(expect.objectContaining(expected));
    for (const p of problems) expect(p.mensaje.startsWith(`${p.tabla} fila ${p.fila}: `)).toBe(true);
  });

  it('names the row in Spanish', () => {
    const cat = tiny();
    cat.casillas.push({ ...cat.casillas[0]! });
    expect(validarCatalogo(cat)).toEqual([
      {
        tabla: 'casillas',
        fila: 7,
        codigo: 'DUPLICADO',
        mensaje: 'casillas fila 7: la casilla 0001 B 01 00 está duplicada (ya en la fila 1)',
      },
    ]);
  });

  it('returns every problem at once, grouped by table and row', () => {
    const cat = tiny();
    for (const c of cases.slice(0, 12)) c.breakIt(cat);
    cat.catds[1]!.elecciones.push('X');
    cat.casillas[5]!.listaNominal = 3;
    const problems = validarCatalogo(cat);
    const codes = new Set(problems.map((p) => p.codigo));
    for (const c of ['DUPLICADO', 'PARTIDO_DESCONOCIDO', 'COLUMNA_AMBIGUA', 'DISTRITO_DESCONOCIDO', 'LISTA_NOMINAL_NO_CERO', 'ELECCION_DESCONOCIDA']) {
      expect(codes).toContain(c);
    }
    const tablas = ['elecciones', 'partidos', 'coaliciones', 'distritos', 'municipios', 'secciones', 'casillas', 'boletas', 'candidaturas', 'catds'];
    const rank = problems.map((p) => tablas.indexOf(p.tabla) * 1000 + p.fila);
    expect(rank).toEqual([...rank].sort((a, b) => a - b));
  });
});
