/**
 * The printed form of one election's acta for one ballot, drawn once and shared by every acta of that ballot:
 * title, entidad and election, the labels of the casilla's identification, one row per vote column of the
 * ballot (emblem colours and siglas, coalition combinations, independents, no registrados, nulos), the total,
 * the boletas/personas/votos totals and the SIMULACRO stamp. It says where each figure is written (`campos`)
 * and where the casilla's data and the QR go; imagen.ts fills them in per acta.
 */
import type { Boleta, Eleccion, Partido } from '../../worker/domain/catalogo/esquema.ts';
import { COLUMNAS_FIJAS, type Total } from '../../worker/domain/contrato/index.ts';
import { anchoTexto } from './fuente.ts';
import { Lienzo } from './lienzo.ts';

/** Palette indices every form uses; 7… are the parties' colours (paleta.ts). */
export const COLOR = { papel: 0, impresion: 1, linea: 2, mancha: 3, sello: 4, pluma: 5, gris: 6 } as const;

export const ANCHO_ACTA = 640;
const MARGEN = 16;
const FILA = 24;
/** Where the QR (quiet zone included) sits: top right. */
const QR = { x: ANCHO_ACTA - MARGEN - 116, y: 8, lado: 116 };
/** The box each figure is written in. */
const CAJA = { x: ANCHO_ACTA - MARGEN - 112, ancho: 112, alto: 20 };

export interface Caja {
  x: number;
  y: number;
  ancho: number;
  alto: number;
}

export interface Formulario {
  /** The printed form, never drawn on again. */
  lienzo: Lienzo;
  /** A canvas of the same size each acta of this form is drawn on, then encoded (imagen.ts is synchronous). */
  trabajo: Lienzo;
  /** Figure boxes by vote column (PAN, PAN_PRI, NO_REGISTRADAS, NULOS …) and by total. */
  campos: Map<string, Caja>;
  /** Value positions of the casilla's identification. */
  casilla: { seccion: Caja; tipo: Caja; numero: Caja; ext: Caja; territorio: Caja };
  qr: Caja;
  clave: Caja;
}

/** How the form names what a party, coalition or fixed column is. */
export interface Rotulos {
  partido: (siglas: string) => Partido | undefined;
  /** Palette index of a party's colour. */
  color: (siglas: string) => number;
  entidad: string;
}

/** The totals in the acta's order: the total of votes closes the vote rows, then boletas, personas and votos. */
const ORDEN_TOTALES: readonly Total[] = [
  'TOTAL_VOTOS_ASENTADO',
  'TOTAL_BOLETAS_SOBRANTES',
  'TOTAL_PERSONAS_VOTARON',
  'TOTAL_REP_PARTIDO_CI_VOTARON',
  'TOTAL_VOTOS_SACADOS',
];
const ETIQUETA_TOTAL: Record<Total, string> = {
  TOTAL_VOTOS_ASENTADO: 'TOTAL DE VOTOS',
  TOTAL_BOLETAS_SOBRANTES: 'BOLETAS SOBRANTES',
  TOTAL_PERSONAS_VOTARON: 'PERSONAS QUE VOTARON',
  TOTAL_REP_PARTIDO_CI_VOTARON: 'REPRESENTANTES QUE VOTARON SIN ESTAR EN LA LISTA NOMINAL',
  TOTAL_VOTOS_SACADOS: 'VOTOS SACADOS DE LAS URNAS',
};
const ETIQUETA_FIJA: Record<(typeof COLUMNAS_FIJAS)[number], string> = {
  NO_REGISTRADAS: 'CANDIDATURAS NO REGISTRADAS',
  NULOS: 'VOTOS NULOS',
};

/** Writes a line at scale 2, or at scale 1 when it does not fit in `ancho`, cut to fit. */
function linea(l: Lienzo, x: number, y: number, texto: string, ancho: number, color: number): void {
  if (anchoTexto(texto) * 2 <= ancho) {
    l.texto(x, y, texto, color, 2);
    return;
  }
  const caben = Math.floor((ancho + 1) / 6);
  const t = [...texto];
  l.texto(x, y + 4, t.length > caben ? `${t.slice(0, caben - 1).join('')}.` : texto, color, 1);
}

/** Number of rows (vote columns, fixed columns, the total row, the four other totals). */
const filas = (b: Boleta) => b.columnas.length + COLUMNAS_FIJAS.length + ORDEN_TOTALES.length;
const INICIO_TABLA = 220;

export function altoActa(b: Boleta): number {
  return INICIO_TABLA + 18 + filas(b) * FILA + 32;
}

function encabezado(l: Lienzo, e: Eleccion, r: Rotulos): void {
  const util = QR.x - MARGEN - 8;
  linea(l, MARGEN, 14, 'ACTA DE ESCRUTINIO Y CÓMPUTO DE CASILLA', util, COLOR.impresion);
  l.texto(MARGEN, 36, 'ELECCIÓN DE', COLOR.gris, 1);
  linea(l, MARGEN, 46, e.nombre.toUpperCase(), util, COLOR.impresion);
  l.texto(MARGEN, 68, 'ENTIDAD FEDERATIVA', COLOR.gris, 1);
  linea(l, MARGEN, 78, r.entidad.toUpperCase(), util, COLOR.impresion);
}

function bloqueCasilla(l: Lienzo, e: Eleccion): Formulario['casilla'] {
  const y = 100;
  const ancho = QR.x - MARGEN - 8;
  l.marco(MARGEN - 4, y, ancho + 4, 64, COLOR.linea);
  // Label and left edge of each cell; the casilla's type is the longest value (M EXTRANJERO).
  const celdas = [
    ['SECCIÓN', 0],
    ['TIPO DE CASILLA', 88],
    ['NÚMERO', 260],
    ['EXT. CONTIGUA', 352],
  ] as const;
  const cajas = celdas.map(([t, dx]) => {
    l.texto(MARGEN + dx, y + 6, t, COLOR.gris, 1);
    return { x: MARGEN + dx, y: y + 16, ancho: 80, alto: 14 };
  });
  const territorio = e.territorio === 'municipio' ? 'MUNICIPIO' : 'DISTRITO ELECTORAL LOCAL';
  l.texto(MARGEN, y + 36, territorio, COLOR.gris, 1);
  return { seccion: cajas[0]!, tipo: cajas[1]!, numero: cajas[2]!, ext: cajas[3]!, territorio: { x: MARGEN, y: y + 46, ancho, alto: 14 } };
}

function sello(l: Lienzo): void {
  const y = 176;
  l.marco(MARGEN - 4, y, 236, 36, COLOR.sello, 3);
  l.texto(MARGEN + 6, y + 8, 'SIMULACRO', COLOR.sello, 3);
  l.texto(MARGEN + 244, y + 8, 'DOCUMENTO DE PRUEBA DEL PREP,', COLOR.sello, 1);
  l.texto(MARGEN + 244, y + 20, 'SIN VALIDEZ OFICIAL', COLOR.sello, 1);
}

/** The emblem area of a vote column: one colour square per party in it (a coalition shows all of them). */
function emblema(l: Lienzo, y: number, columna: string, r: Rotulos): void {
  const partes = columna.split('_').filter((p) => r.partido(p) !== undefined);
  const siglas = r.partido(columna) ? [columna] : partes;
  const lado = siglas.length === 1 ? 16 : 10;
  siglas.forEach((s, i) => {
    const x = MARGEN + i * (lado + 2);
    const cy = y + Math.floor((FILA - lado) / 2);
    l.rect(x, cy, lado, lado, r.color(s));
    l.marco(x, cy, lado, lado, COLOR.impresion);
  });
}

function rotuloColumna(columna: string, r: Rotulos): { grande: string; chico: string } {
  const p = r.partido(columna);
  if (p?.tipo === 'independiente') return { grande: 'INDEPENDIENTE', chico: p.nombre.replace(/^Candidatura independiente:\s*/i, '').toUpperCase() };
  if (p) return { grande: p.siglas, chico: p.nombre.toUpperCase() === p.siglas ? '' : p.nombre.toUpperCase() };
  if (columna in ETIQUETA_FIJA) return { grande: ETIQUETA_FIJA[columna as keyof typeof ETIQUETA_FIJA], chico: '' };
  return { grande: columna.split('_').join('+'), chico: '' };
}

/** One row: emblem, label and the empty box; returns the box. */
function fila(l: Lienzo, y: number, grande: string, chico: string): Caja {
  const x = MARGEN + 66;
  const util = CAJA.x - x - 8;
  const ancho = anchoTexto(grande) * 2;
  if (ancho <= util) {
    l.texto(x, y + 5, grande, COLOR.impresion, 2);
    if (chico && ancho + 8 + anchoTexto(chico) <= util) l.texto(x + ancho + 8, y + 9, chico, COLOR.gris, 1);
  } else linea(l, x, y + 5, grande, util, COLOR.impresion);
  l.rect(MARGEN - 4, y + FILA - 1, ANCHO_ACTA - 2 * MARGEN + 8, 1, COLOR.linea);
  const caja = { x: CAJA.x, y: y + 2, ancho: CAJA.ancho, alto: CAJA.alto };
  l.marco(caja.x, caja.y, caja.ancho, caja.alto, COLOR.impresion);
  return caja;
}

/** Draws the form of `boleta` (election `e`). */
export function dibujarFormulario(e: Eleccion, boleta: Boleta, r: Rotulos): Formulario {
  const l = new Lienzo(ANCHO_ACTA, altoActa(boleta));
  encabezado(l, e, r);
  const casilla = bloqueCasilla(l, e);
  sello(l);
  l.texto(MARGEN, INICIO_TABLA, 'PARTIDO POLÍTICO, COALICIÓN O CANDIDATURA', COLOR.gris, 1);
  l.texto(CAJA.x, INICIO_TABLA, 'VOTOS (CON NÚMERO)', COLOR.gris, 1);
  l.rect(MARGEN - 4, INICIO_TABLA + 12, ANCHO_ACTA - 2 * MARGEN + 8, 2, COLOR.impresion);
  const campos = new Map<string, Caja>();
  let y = INICIO_TABLA + 18;
  for (const c of [...boleta.columnas, ...COLUMNAS_FIJAS]) {
    emblema(l, y, c, r);
    const { grande, chico } = rotuloColumna(c, r);
    campos.set(c, fila(l, y, grande, chico));
    y += FILA;
  }
  for (const t of ORDEN_TOTALES) {
    // A rule above the total of votes and above the other totals, as the printed acta separates them.
    if (t === 'TOTAL_VOTOS_ASENTADO' || t === 'TOTAL_BOLETAS_SOBRANTES') l.rect(MARGEN - 4, y - 2, ANCHO_ACTA - 2 * MARGEN + 8, 2, COLOR.impresion);
    campos.set(t, fila(l, y, ETIQUETA_TOTAL[t], ''));
    y += FILA;
  }
  l.texto(MARGEN, y + 14, 'PREP · SIMULACRO · IMAGEN SINTÉTICA GENERADA PARA ENSAYAR LA CAPTURA', COLOR.sello, 1);
  const qr = { x: QR.x, y: QR.y, ancho: QR.lado, alto: QR.lado };
  return { lienzo: l, trabajo: l.copia(), campos, casilla, qr, clave: { x: QR.x, y: QR.y + QR.lado + 2, ancho: QR.lado, alto: 8 } };
}
