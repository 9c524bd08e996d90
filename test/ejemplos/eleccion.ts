/**
 * A small hand-written election: the fixture every domain test builds on, and documentation of the catalogue
 * and of every way an acta can end up at a corte. The figures are invented (the entidad is marked synthetic).
 *
 * Geography (entidad 14 Jalisco, UTC-6):
 *
 *   distrito 1 (Guadalajara)                   distrito 2 (Zapopan)
 *   ├─ municipio 39 Guadalajara                └─ municipio 120 Zapopan
 *   │   ├─ sección 338: B1, C1, C2                 ├─ sección 2301: B1, M1
 *   │   └─ sección 339: B1, S1                     └─ sección 2302: B1, C1, S1
 *   └─ municipio 98 San Pedro Tlaquepaque
 *       ├─ sección 1120: B1, E1, E1 ext 1
 *       └─ sección 1121: B1, C1
 *
 * 15 casillas × 3 elections = 45 expected actas. Every casilla type: B básica, C contigua, E extraordinaria
 * (one with an ext contigua), S especial (lista nominal 0, 750 approved ballots per election), M (no lista
 * nominal of its own: never "excede").
 *
 * Parties PAN, PRI, PRD, PVEM, PT, MC, MORENA and one independent (CI_1, Zapopan munícipes only).
 * Coalitions:
 *   FCXJ "Fuerza y Corazón por Jalisco" (PAN, PRI, PRD): everywhere except the ayuntamiento of Zapopan.
 *   SHHJ "Sigamos Haciendo Historia en Jalisco" (PVEM, PT, MORENA): full for gubernatura, distrito 1 and
 *        Guadalajara; partial in Tlaquepaque (PT, MORENA) and Zapopan (PVEM, MORENA); absent in distrito 2.
 */
import { claveCasilla, parseClaveCasilla } from '../../worker/domain/claves/clave.ts';
import type { ActaPublicada } from '../../worker/domain/acta/publicada.ts';
import type { Captura, MotivoSinActa, Valor } from '../../worker/domain/acta/esquema.ts';
import type { EstatusActa } from '../../worker/domain/acta/clasificar.ts';
import type { Boleta, Candidatura, Casilla, Catalogo } from '../../worker/domain/catalogo/esquema.ts';

// ---------------------------------------------------------------------------------------------------------------
// Ballots: the vote columns of each election in each territory (NO_REGISTRADAS and NULOS are implicit).

const PARTIDOS = ['PAN', 'PRI', 'PRD', 'PVEM', 'PT', 'MC', 'MORENA'];
const FCXJ = { coalicion: 'FCXJ', partidos: ['PAN', 'PRI', 'PRD'] };
const FCXJ_COMBINACIONES = ['PAN_PRI_PRD', 'PAN_PRI', 'PAN_PRD', 'PRI_PRD'];
const SHHJ = { coalicion: 'SHHJ', partidos: ['PVEM', 'PT', 'MORENA'] };
const SHHJ_COMBINACIONES = ['PVEM_PT_MORENA', 'PVEM_PT', 'PVEM_MORENA', 'PT_MORENA'];

/** Both coalitions complete: 7 parties + 4 + 4 combinations. */
const COLUMNAS_COMPLETAS = [...PARTIDOS, ...FCXJ_COMBINACIONES, ...SHHJ_COMBINACIONES];

const boletas: Boleta[] = [
  { eleccion: 'GUB', territorio: 0, columnas: COLUMNAS_COMPLETAS, coaliciones: [FCXJ, SHHJ] },
  { eleccion: 'DIP_LOC', territorio: 1, columnas: COLUMNAS_COMPLETAS, coaliciones: [FCXJ, SHHJ] },
  // Distrito 2: SHHJ absent; PVEM, PT and MORENA run on their own.
  { eleccion: 'DIP_LOC', territorio: 2, columnas: [...PARTIDOS, ...FCXJ_COMBINACIONES], coaliciones: [FCXJ] },
  { eleccion: 'AYUN', territorio: 39, columnas: COLUMNAS_COMPLETAS, coaliciones: [FCXJ, SHHJ] },
  // Tlaquepaque: SHHJ partial (PT, MORENA); PVEM on its own.
  {
    eleccion: 'AYUN',
    territorio: 98,
    columnas: [...PARTIDOS, ...FCXJ_COMBINACIONES, 'PT_MORENA'],
    coaliciones: [FCXJ, { coalicion: 'SHHJ', partidos: ['PT', 'MORENA'] }],
  },
  // Zapopan: no FCXJ; SHHJ partial (PVEM, MORENA); an independent candidate.
  {
    eleccion: 'AYUN',
    territorio: 120,
    columnas: [...PARTIDOS, 'CI_1', 'PVEM_MORENA'],
    coaliciones: [{ coalicion: 'SHHJ', partidos: ['PVEM', 'MORENA'] }],
  },
];

// ---------------------------------------------------------------------------------------------------------------
// Candidaturas: one row per coalition, party outside a coalition, or independent, per territory.

const cand = (eleccion: string, territorio: number, partidoCi: string, propietaria: string, suplente: string): Candidatura => ({
  eleccion,
  territorio,
  partidoCi,
  propietaria,
  suplente,
});

const candidaturas: Candidatura[] = [
  cand('GUB', 0, 'FCXJ', 'Laura Haro Ramírez', 'Laura Haro Ramírez'),
  cand('GUB', 0, 'SHHJ', 'Claudia Delgadillo González', 'Claudia Delgadillo González'),
  cand('GUB', 0, 'MC', 'Pablo Lemus Navarro', 'Pablo Lemus Navarro'),
  cand('DIP_LOC', 1, 'FCXJ', 'Ana Torres Ruiz', 'Beatriz Luna Soto'),
  cand('DIP_LOC', 1, 'SHHJ', 'Carlos Méndez Ortiz', 'David Rangel Peña'),
  cand('DIP_LOC', 1, 'MC', 'Elena Vargas Cruz', 'Fernanda Ibarra Gil'),
  cand('DIP_LOC', 2, 'FCXJ', 'Gabriel Núñez Flores', 'Héctor Salas Mora'),
  cand('DIP_LOC', 2, 'PVEM', 'Irene Campos Vega', 'Julia Ochoa León'),
  cand('DIP_LOC', 2, 'PT', 'Karla Ríos Medina', 'Lucía Paredes Sáenz'),
  cand('DIP_LOC', 2, 'MORENA', 'Manuel Cortés Díaz', 'Nicolás Aguirre Lara'),
  cand('DIP_LOC', 2, 'MC', 'Olga Fuentes Rojas', 'Paula Estrada Ríos'),
  cand('AYUN', 39, 'FCXJ', 'Quirino Bravo Silva', 'Raúl Chávez Mena'),
  cand('AYUN', 39, 'SHHJ', 'Sofía Zamora Ponce', 'Teresa Acosta Rubio'),
  cand('AYUN', 39, 'MC', 'Ulises Pineda Trejo', 'Víctor Herrera Cano'),
  cand('AYUN', 98, 'FCXJ', 'Ximena Robles Duarte', 'Yolanda Cabrera Villa'),
  cand('AYUN', 98, 'PVEM', 'Zoe Maldonado Ávila', 'Alma Gallegos Pérez'),
  cand('AYUN', 98, 'SHHJ', 'Bruno Castañeda Rey', 'César Montes Lugo'),
  cand('AYUN', 98, 'MC', 'Diana Serrano Vidal', 'Eva Barrera Nieto'),
  cand('AYUN', 120, 'PAN', 'Fausto Quintero Lira', 'Germán Solís Ochoa'),
  cand('AYUN', 120, 'PRI', 'Hilda Navarro Tapia', 'Inés Cervantes Mejía'),
  cand('AYUN', 120, 'PRD', 'Jorge Espinoza Valle', 'Kevin Lozano Arias'),
  cand('AYUN', 120, 'PT', 'Lorena Guzmán Peña', 'Marta Ibáñez Rosas'),
  cand('AYUN', 120, 'SHHJ', 'Noé Carrillo Fierro', 'Óscar Padilla Esquivel'),
  cand('AYUN', 120, 'MC', 'Patricia Sandoval Luna', 'Rebeca Tovar Juárez'),
  cand('AYUN', 120, 'CI_1', 'Sergio Valdés Ortega', 'Tomás Ulloa Campos'),
];

// ---------------------------------------------------------------------------------------------------------------
// Casillas: lista nominal and representantes per casilla (especiales and M have lista nominal 0).

const casilla = (
  seccion: number,
  tipo: Casilla['tipo'],
  id: number,
  listaNominal: number,
  representantes: number,
  extContigua = 0,
  ubicacion: 1 | 2 = 1,
): Casilla => ({ seccion, tipo, id, extContigua, ubicacion, listaNominal, representantes });

const casillas: Casilla[] = [
  casilla(338, 'B', 1, 612, 9),
  casilla(338, 'C', 1, 611, 9),
  casilla(338, 'C', 2, 610, 8),
  casilla(339, 'B', 1, 540, 7),
  casilla(339, 'S', 1, 0, 6),
  casilla(1120, 'B', 1, 480, 7),
  casilla(1120, 'E', 1, 350, 5, 0, 2),
  casilla(1120, 'E', 1, 349, 5, 1, 2),
  casilla(1121, 'B', 1, 701, 9),
  casilla(1121, 'C', 1, 700, 9),
  casilla(2301, 'B', 1, 655, 8),
  casilla(2301, 'M', 1, 0, 4),
  casilla(2302, 'B', 1, 520, 7),
  casilla(2302, 'C', 1, 519, 7),
  casilla(2302, 'S', 1, 0, 5),
];

export const catalogoEjemplo: Catalogo = {
  entidad: { id: 14, nombre: 'Jalisco', utcOffsetMinutes: -360, sintetico: true },
  elecciones: [
    { codigo: 'GUB', nombre: 'Gubernatura', territorio: 'entidad', tipoActa: '4', boletasEspecial: 750, orden: 1 },
    { codigo: 'DIP_LOC', nombre: 'Diputaciones Locales', territorio: 'distrito', tipoActa: '5', boletasEspecial: 750, orden: 2 },
    { codigo: 'AYUN', nombre: 'Munícipes', territorio: 'municipio', tipoActa: '6', boletasEspecial: 750, orden: 3 },
  ],
  partidos: [
    { siglas: 'PAN', nombre: 'Partido Acción Nacional', color: '#0059B3', tipo: 'partido', orden: 1 },
    { siglas: 'PRI', nombre: 'Partido Revolucionario Institucional', color: '#E4032D', tipo: 'partido', orden: 2 },
    { siglas: 'PRD', nombre: 'Partido de la Revolución Democrática', color: '#FFCC00', tipo: 'partido', orden: 3 },
    { siglas: 'PVEM', nombre: 'Partido Verde Ecologista de México', color: '#50B747', tipo: 'partido', orden: 4 },
    { siglas: 'PT', nombre: 'Partido del Trabajo', color: '#D92027', tipo: 'partido', orden: 5 },
    { siglas: 'MC', nombre: 'Movimiento Ciudadano', color: '#FF8300', tipo: 'partido', orden: 6 },
    { siglas: 'MORENA', nombre: 'Morena', color: '#B5261E', tipo: 'partido', orden: 7 },
    { siglas: 'CI_1', nombre: 'Candidatura Independiente 1', color: '#6D6E71', tipo: 'independiente', orden: 8 },
  ],
  coaliciones: [
    { id: 'FCXJ', nombre: 'Fuerza y Corazón por Jalisco', partidos: ['PAN', 'PRI', 'PRD'] },
    { id: 'SHHJ', nombre: 'Sigamos Haciendo Historia en Jalisco', partidos: ['PVEM', 'PT', 'MORENA'] },
  ],
  distritos: [
    { id: 1, cabecera: 'Guadalajara' },
    { id: 2, cabecera: 'Zapopan' },
  ],
  municipios: [
    { id: 39, nombre: 'Guadalajara' },
    { id: 98, nombre: 'San Pedro Tlaquepaque' },
    { id: 120, nombre: 'Zapopan' },
  ],
  secciones: [
    { id: 338, distrito: 1, municipio: 39 },
    { id: 339, distrito: 1, municipio: 39 },
    { id: 1120, distrito: 1, municipio: 98 },
    { id: 1121, distrito: 1, municipio: 98 },
    { id: 2301, distrito: 2, municipio: 120 },
    { id: 2302, distrito: 2, municipio: 120 },
  ],
  casillas,
  boletas,
  candidaturas,
  catds: [
    { id: 'CATD-D01', nombre: 'CATD Distrital 01 Guadalajara', ambito: 'distrito', territorio: 1, elecciones: ['GUB', 'DIP_LOC', 'AYUN'] },
    { id: 'CATD-D02', nombre: 'CATD Distrital 02 Zapopan', ambito: 'distrito', territorio: 2, elecciones: ['GUB', 'DIP_LOC'] },
    { id: 'CATD-M120', nombre: 'CATD Municipal 120 Zapopan', ambito: 'municipio', territorio: 120, elecciones: ['AYUN'] },
  ],
};

// ---------------------------------------------------------------------------------------------------------------
// Registered actas: every way an acta can stand at a corte.

const I = 'ILEGIBLE' as const;
const S = 'SIN_DATO' as const;

/** The vote fields of the ballot of `eleccion` in `territorio`: every field `relleno`, then `valores` on top. */
function votos(eleccion: string, territorio: number, valores: Readonly<Record<string, Valor>>, relleno: Valor = 0): Record<string, Valor> {
  const boleta = boletas.find((b) => b.eleccion === eleccion && b.territorio === territorio);
  if (!boleta) throw new Error(`fixture: no ballot ${eleccion}/${territorio}`);
  const campos = [...boleta.columnas, 'NO_REGISTRADAS', 'NULOS'];
  for (const k of Object.keys(valores)) if (!campos.includes(k)) throw new Error(`fixture: ${k} is not on ${eleccion}/${territorio}`);
  return Object.fromEntries(campos.map((c) => [c, valores[c] ?? relleno]));
}

/** Captured totals consistent with the votes (they never decide the classification). */
function captura(v: Record<string, Valor>, boletasRecibidas: number): Captura {
  const total = Object.values(v).reduce<number>((a, x) => a + (typeof x === 'number' ? x : 0), 0);
  return {
    votos: v,
    totales: {
      TOTAL_BOLETAS_SOBRANTES: Math.max(0, boletasRecibidas - total),
      TOTAL_PERSONAS_VOTARON: total,
      TOTAL_REP_PARTIDO_CI_VOTARON: 0,
      TOTAL_VOTOS_SACADOS: total,
      TOTAL_VOTOS_ASENTADO: total,
    },
  };
}

const TIPO_ACTA: Readonly<Record<string, string>> = { GUB: '4', DIP_LOC: '5', AYUN: '6' };
/** 2 June 2024, 20:00 in Jalisco: publication opens. */
export const FIXTURE_APERTURA_MS = Date.UTC(2024, 5, 3, 2, 0, 0);
const MINUTO = 60_000;

/** A fake but well-formed integrity code (real ones are the SHA-256 of the image). */
const sha = (n: number) => n.toString(16).padStart(4, '0').repeat(16);

export interface FixtureActa {
  /** What this acta shows. */
  descripcion: string;
  acta: ActaPublicada;
  /** Hand-written expectations: its classification and OBSERVACIONES text. */
  esperado: { estatus: EstatusActa; observaciones: string; totalVotosCalculado: number };
}

let n = 0;
function registrada(
  eleccion: string,
  clave: string,
  registro: { captura: Captura } | { sinActa: MotivoSinActa },
  descripcion: string,
  esperado: FixtureActa['esperado'],
): FixtureActa {
  n += 1;
  const cc = parseClaveCasilla(clave);
  if (!cc.ok) throw new Error(`fixture: bad clave ${clave}`);
  const { seccion, tipo, id, extContigua } = cc.value;
  const acopioAt = FIXTURE_APERTURA_MS + n * 3 * MINUTO;
  const conCaptura = 'captura' in registro;
  return {
    descripcion,
    esperado,
    acta: {
      clave: clave + TIPO_ACTA[eleccion]!,
      identificacion: { eleccion, seccion, tipo, id, extContigua },
      registro: conCaptura ? 'captura' : 'sin_acta',
      motivoSinActa: conCaptura ? null : registro.sinActa,
      captura: conCaptura ? registro.captura : null,
      mecanismoTraslado: n % 3 === 0 ? 'F' : null,
      imagen: conCaptura
        ? {
            sha256: sha(n),
            mime: 'image/jpeg',
            origen: n % 2 === 0 ? 'CASILLA' : 'CATD',
            digitalizacion: n % 2 === 0 ? 'MOVIL' : 'ESCANER',
            tipoDocumento: 'ACTA_PREP',
          }
        : null,
      acopioAt,
      capturaAt: acopioAt + MINUTO,
      verificacionAt: acopioAt + 2 * MINUTO,
      cotejada: 0,
    },
  };
}

function fueraDeCatalogo(
  eleccion: string,
  identificacion: Omit<ActaPublicada['identificacion'], 'eleccion'>,
  c: Captura | null,
  descripcion: string,
  totalVotosCalculado: number,
): FixtureActa {
  n += 1;
  const acopioAt = FIXTURE_APERTURA_MS + n * 3 * MINUTO;
  return {
    descripcion,
    esperado: { estatus: 'FUERA_CATALOGO', observaciones: 'Fuera de catálogo', totalVotosCalculado },
    acta: {
      clave: `FC-${n}`,
      identificacion: { eleccion, ...identificacion },
      registro: 'fuera_catalogo',
      motivoSinActa: null,
      captura: c,
      mecanismoTraslado: null,
      imagen: { sha256: sha(n), mime: 'image/jpeg', origen: 'CATD', digitalizacion: 'ESCANER', tipoDocumento: 'ACTA_PREP' },
      acopioAt,
      capturaAt: c ? acopioAt + MINUTO : null,
      verificacionAt: c ? acopioAt + 2 * MINUTO : null,
      cotejada: 0,
    },
  };
}

const cc = (seccion: number, tipo: Casilla['tipo'], id: number, extContigua = 0) => claveCasilla(14, { seccion, tipo, id, extContigua });

/** Ordinary votes of a gubernatura acta: 530 in all. */
const GUB_ORDINARIOS = {
  PAN: 101, PRI: 45, PRD: 12, PVEM: 20, PT: 25, MC: 130, MORENA: 160,
  PAN_PRI_PRD: 6, PAN_PRI: 4, PAN_PRD: 1, PRI_PRD: 2,
  PVEM_PT_MORENA: 5, PVEM_PT: 1, PVEM_MORENA: 3, PT_MORENA: 4,
  NO_REGISTRADAS: 1, NULOS: 10,
};

/**
 * The registered actas of the fixture, in registration order. Not registered (pending): every other expected
 * acta, e.g. GUB of 142302C0100.
 */
export const fixtureActas: readonly FixtureActa[] = [
  // ---- Gubernatura (one ballot for the whole entidad) -------------------------------------------------------
  registrada('GUB', cc(338, 'B', 1), { captura: captura(votos('GUB', 0, GUB_ORDINARIOS), 612) },
    'ordinary acta: counts', { estatus: 'CONTABILIZADA', observaciones: '', totalVotosCalculado: 530 }),
  registrada('GUB', cc(338, 'C', 1),
    { captura: captura(votos('GUB', 0, { PAN: 150, PRI: 60, PRD: 20, PVEM: 30, PT: 40, MC: 140, MORENA: 170, NULOS: 10 }), 611) },
    'total exactly lista nominal + representantes (611 + 9 = 620): counts',
    { estatus: 'CONTABILIZADA', observaciones: '', totalVotosCalculado: 620 }),
  registrada('GUB', cc(338, 'C', 2),
    { captura: captura(votos('GUB', 0, { PAN: 150, PRI: 60, PRD: 20, PVEM: 30, PT: 40, MC: 140, MORENA: 170, NULOS: 9 }), 610) },
    'total one above lista nominal + representantes (610 + 8 = 618): excede',
    { estatus: 'EXCEDE_LISTA_NOMINAL', observaciones: 'Excede Lista Nominal', totalVotosCalculado: 619 }),
  registrada('GUB', cc(339, 'B', 1),
    { captura: captura(votos('GUB', 0, { PAN: 90, PRI: 40, PRD: I, PVEM: 15, PT: 20, MC: 110, MORENA: 140, NULOS: 8 }), 540) },
    'one Ilegible field (PRD) counts as 0; the acta counts',
    { estatus: 'CONTABILIZADA', observaciones: 'Ilegible', totalVotosCalculado: 423 }),
  registrada('GUB', cc(339, 'S', 1),
    { captura: captura(votos('GUB', 0, { PAN: 200, PRI: 80, PRD: 26, PVEM: 40, PT: 50, MC: 160, MORENA: 190, NULOS: 10 }), 750) },
    'casilla especial exactly at boletas especial + representantes (750 + 6 = 756): counts, in TOTAL_VOTOS_C_CS only',
    { estatus: 'CONTABILIZADA', observaciones: '', totalVotosCalculado: 756 }),
  registrada('GUB', cc(1120, 'B', 1),
    { captura: captura(votos('GUB', 0, { PAN: 70, PRI: 30, PRD: 10, PVEM: 12, PT: 18, MC: 95, MORENA: 120, PAN_PRI: I, PVEM_MORENA: S, NULOS: 6 }), 480) },
    'an Ilegible (PAN_PRI) and a Sin dato (PVEM_MORENA) field: both listed, the acta counts',
    { estatus: 'CONTABILIZADA', observaciones: 'Ilegible, Sin dato', totalVotosCalculado: 361 }),
  registrada('GUB', cc(1120, 'E', 1), { captura: captura(votos('GUB', 0, {}, I), 350) },
    'every vote field Ilegible', { estatus: 'TODOS_ILEGIBLES', observaciones: 'Todos los campos ilegibles', totalVotosCalculado: 0 }),
  registrada('GUB', cc(1120, 'E', 1, 1), { captura: captura(votos('GUB', 0, {}, S), 349) },
    'every vote field Sin dato (extraordinaria with ext contigua 1)',
    { estatus: 'TODOS_VACIOS', observaciones: 'Todos los campos vacíos', totalVotosCalculado: 0 }),
  registrada('GUB', cc(1121, 'B', 1), { captura: captura(votos('GUB', 0, { PAN: I, MORENA: I, NULOS: I }, S), 701) },
    'Ilegible and Sin dato fields with no number at all: todos vacíos',
    { estatus: 'TODOS_VACIOS', observaciones: 'Todos los campos vacíos', totalVotosCalculado: 0 }),
  registrada('GUB', cc(1121, 'C', 1), { sinActa: 'PAQUETE_NO_ENTREGADO' },
    'sin acta: the package was not delivered (captured, not counted, not an inconsistency)',
    { estatus: 'SIN_ACTA', observaciones: 'Sin acta por paquete no entregado', totalVotosCalculado: 0 }),
  registrada('GUB', cc(2301, 'B', 1),
    { captura: captura(votos('GUB', 0, { PAN: 150, PRI: 60, PRD: I, PVEM: 40, PT: 50, MC: 160, MORENA: 200, NULOS: 10 }), 655) },
    'excede (670 > 655 + 8) and an Ilegible field: both observations',
    { estatus: 'EXCEDE_LISTA_NOMINAL', observaciones: 'Excede Lista Nominal, Ilegible', totalVotosCalculado: 670 }),
  registrada('GUB', cc(2301, 'M', 1),
    { captura: captura(votos('GUB', 0, { PAN: 30, PRI: 10, PRD: 5, PVEM: 5, PT: 5, MC: 25, MORENA: 35, NULOS: 5 }), 0) },
    'casilla without lista nominal of its own (M): 120 votes > 0 + 4, never excede; counts in both totals',
    { estatus: 'CONTABILIZADA', observaciones: '', totalVotosCalculado: 120 }),
  registrada('GUB', cc(2302, 'S', 1),
    { captura: captura(votos('GUB', 0, { PAN: 200, PRI: 80, PRD: 26, PVEM: 40, PT: 50, MC: 160, MORENA: 190, NULOS: 10 }), 750) },
    'casilla especial one above boletas especial + representantes (756 > 750 + 5): excede',
    { estatus: 'EXCEDE_LISTA_NOMINAL', observaciones: 'Excede Lista Nominal', totalVotosCalculado: 756 }),
  registrada('GUB', cc(2302, 'B', 1), { captura: captura(votos('GUB', 0, {}), 520) },
    'every field 0: counts, with total 0', { estatus: 'CONTABILIZADA', observaciones: '', totalVotosCalculado: 0 }),
  fueraDeCatalogo('GUB', { seccion: 9998, tipo: 'B', id: 1, extContigua: 0 },
    captura({ PAN: 12, MC: 20, MORENA: 25, NULOS: 3 }, 500),
    'identification matches no expected acta: registered, never counted; its figures are published', 60),

  // ---- Diputaciones locales (ballot per distrito) -----------------------------------------------------------
  registrada('DIP_LOC', cc(338, 'B', 1), { sinActa: 'CASILLA_NO_INSTALADA' },
    'sin acta: casilla not installed', { estatus: 'SIN_ACTA', observaciones: 'Sin acta por casilla no instalada', totalVotosCalculado: 0 }),
  registrada('DIP_LOC', cc(339, 'B', 1),
    { captura: captura(votos('DIP_LOC', 1, { PAN: 80, PRI: 50, PRD: 10, PVEM: 15, PT: 20, MC: 100, MORENA: 120, PAN_PRI: 3, PT_MORENA: 2, NULOS: 7 }), 540) },
    'distrito 1 ballot (both coalitions)', { estatus: 'CONTABILIZADA', observaciones: '', totalVotosCalculado: 407 }),
  registrada('DIP_LOC', cc(2301, 'B', 1), { sinActa: 'SIN_SOBRE' },
    'sin acta: no envelope', { estatus: 'SIN_ACTA', observaciones: 'Sin acta por sin sobre', totalVotosCalculado: 0 }),
  registrada('DIP_LOC', cc(2302, 'B', 1), { sinActa: 'CONTINGENCIA_URNA_ELECTRONICA' },
    'sin acta: electronic urn contingency',
    { estatus: 'SIN_ACTA', observaciones: 'Sin acta por contingencia en urna electrónica', totalVotosCalculado: 0 }),
  registrada('DIP_LOC', cc(2302, 'C', 1),
    { captura: captura(votos('DIP_LOC', 2, { PAN: 70, PRI: 40, PRD: 8, PVEM: 25, PT: 30, MC: 120, MORENA: 110, PAN_PRI_PRD: 4, NO_REGISTRADAS: 2, NULOS: 9 }), 519) },
    'distrito 2 ballot (SHHJ absent: PVEM, PT, MORENA on their own)',
    { estatus: 'CONTABILIZADA', observaciones: '', totalVotosCalculado: 418 }),

  // ---- Munícipes (ballot per municipio) ---------------------------------------------------------------------
  registrada('AYUN', cc(338, 'B', 1),
    { captura: captura(votos('AYUN', 39, { PAN: 95, PRI: 40, PRD: 10, PVEM: 18, PT: 22, MC: 140, MORENA: 150, PRI_PRD: 1, PVEM_PT_MORENA: 4, NULOS: 12 }), 612) },
    'Guadalajara ballot (both coalitions)', { estatus: 'CONTABILIZADA', observaciones: '', totalVotosCalculado: 492 }),
  registrada('AYUN', cc(1120, 'B', 1),
    { captura: captura(votos('AYUN', 98, { PAN: 60, PRI: 35, PRD: 9, PVEM: 14, PT: 21, MC: 90, MORENA: 115, PAN_PRD: 2, PT_MORENA: 5, NULOS: 6 }), 480) },
    'Tlaquepaque ballot (SHHJ partial: PT, MORENA; PVEM on its own)',
    { estatus: 'CONTABILIZADA', observaciones: '', totalVotosCalculado: 357 }),
  registrada('AYUN', cc(2301, 'B', 1),
    { captura: captura(votos('AYUN', 120, { PAN: 70, PRI: 30, PRD: 6, PVEM: 16, PT: 19, MC: 160, MORENA: 130, CI_1: 45, PVEM_MORENA: 3, NO_REGISTRADAS: 1, NULOS: 8 }), 655) },
    'Zapopan ballot (no FCXJ, SHHJ partial: PVEM, MORENA; an independent)',
    { estatus: 'CONTABILIZADA', observaciones: '', totalVotosCalculado: 488 }),
  fueraDeCatalogo('AYUN', { seccion: 2301, tipo: 'C', id: 7, extContigua: 0 }, null,
    'a casilla that does not exist (C7 of sección 2301), registered without figures', 0),
];
