/**
 * The results CSV of one election (docs/REGLAS.md §7): UTF-8 with BOM, CRLF, two title lines (election name, corte
 * instant), the summary header and row (the 13 figures), the data header and one row per expected acta in
 * catalogue order — registered or not — then the fuera de catálogo rows with `-` keys.
 *
 * Rows are rendered one acta at a time and kept by the corte state (EstadoCorte), so a corte renders only the
 * rows of the actas that changed; the file is their concatenation.
 *
 * Cells: integers; `Ilegible` / `Sin dato` for unreadable / empty captured fields; `-` where a field does not
 * apply or has no data yet. Keys carry a leading apostrophe (`'140338B01004`).
 */
import { assertNever } from '../assert.ts';
import { observacionesTexto } from '../acta/clasificar.ts';
import type { ActaPublicada } from '../acta/publicada.ts';
import { ILEGIBLE, SIN_DATO, type Total, type Valor } from '../acta/esquema.ts';
import { csvField } from '../csv/escribir.ts';
import { claveActaPublicada, csvKey } from '../claves/clave.ts';
import { FIGURAS } from '../contrato/index.ts';
import type { Conteo } from '../conteo/conteo.ts';
import { figuras } from '../conteo/figuras.ts';
import { figurasFila } from '../conteo/figuras-csv.ts';
import { formatCorte, formatFechaHora } from '../tiempo/central.ts';
import type { ActaEnCorte } from './acta-corte.ts';
import type { ActaModelo, CorteModelo, EleccionModelo } from './modelo.ts';

export const EOL = '\r\n';
export const BOM = '\uFEFF';
export const GUION = '-';

/** Columns before the captured totals. */
export const COLUMNAS_CATALOGO = [
  'CLAVE_CASILLA',
  'CLAVE_ACTA',
  'ID_ENTIDAD',
  'ENTIDAD',
  'ID_DISTRITO_LOCAL',
  'DISTRITO_LOCAL',
  'ID_MUNICIPIO',
  'MUNICIPIO',
  'SECCION',
  'ID_CASILLA',
  'TIPO_CASILLA',
  'EXT_CONTIGUA',
  'UBICACION_CASILLA',
  'TIPO_ACTA',
] as const;

/** Captured totals before the vote columns (TOTAL_VOTOS_ASENTADO comes after them). */
export const TOTALES_INICIALES = ['TOTAL_BOLETAS_SOBRANTES', 'TOTAL_PERSONAS_VOTARON', 'TOTAL_REP_PARTIDO_CI_VOTARON', 'TOTAL_VOTOS_SACADOS'] as const satisfies readonly Total[];

/** Columns after the vote columns. */
export const COLUMNAS_FINALES = [
  'TOTAL_VOTOS_ASENTADO',
  'TOTAL_VOTOS_CALCULADO',
  'LISTA_NOMINAL',
  'REPRESENTANTES_PP_CI',
  'OBSERVACIONES',
  'CONTABILIZADA',
  'MECANISMOS_TRASLADO',
  'CODIGO_INTEGRIDAD',
  'FECHA_HORA_ACOPIO',
  'FECHA_HORA_CAPTURA',
  'FECHA_HORA_VERIFICACION',
  'ORIGEN',
  'DIGITALIZACION',
  'TIPO_DOCUMENTO',
  'COTEJADA',
] as const;

/** The data header of an election's results CSV. */
export function cabeceraDatos(em: EleccionModelo): string[] {
  return [...COLUMNAS_CATALOGO, ...TOTALES_INICIALES, ...em.columnas, ...COLUMNAS_FINALES];
}

/** A captured value as a CSV cell (absent: `-`). */
export function valorCelda(v: Valor | undefined): string {
  if (v === undefined) return GUION;
  if (typeof v === 'number') return String(v);
  switch (v) {
    case ILEGIBLE:
      return 'Ilegible';
    case SIN_DATO:
      return 'Sin dato';
    default:
      return assertNever(v, 'valor capturado');
  }
}

/** TIPO_DOCUMENTO as published (docs/REGLAS.md §2). */
export function tipoDocumentoTexto(t: NonNullable<ActaPublicada['imagen']>['tipoDocumento']): string {
  switch (t) {
    case 'ACTA_PREP':
      return 'Acta PREP';
    case 'ACTA_CONSEJO':
      return 'Acta Consejo';
    case 'ACTA_CONSEJO_S':
      return 'Acta Consejo S';
    case 'COPIA_RPPCI':
      return 'Copia RPPCI';
    case 'COPIA_PE':
      return 'Copia PE';
    case 'REPRESENTACION_ACTA':
      return 'Representación de Acta';
    default:
      return assertNever(t, 'tipo de documento');
  }
}

/** The catalogue cells of an expected acta (CLAVE_CASILLA … TIPO_ACTA), joined; cached per acta. */
const prefijos = new WeakMap<ActaModelo, string>();

function celdasCatalogo(modelo: CorteModelo, a: ActaModelo): string {
  let p = prefijos.get(a);
  if (p === undefined) {
    const e = modelo.entidad;
    p = [
      csvKey(a.claveCasilla),
      // A split casilla's part n is `CLAVE_ACTA-n` inside the system; the CSV publishes the institute's key.
      csvKey(claveActaPublicada(a.clave)),
      String(e.id),
      csvField(e.nombre),
      String(a.seccion.distrito),
      csvField(modelo.distritoPorId.get(a.seccion.distrito)?.cabecera ?? GUION),
      String(a.seccion.municipio),
      csvField(modelo.municipioPorId.get(a.seccion.municipio)?.nombre ?? GUION),
      String(a.casilla.seccion),
      String(a.casilla.id),
      a.casilla.tipo,
      String(a.casilla.extContigua),
      String(a.casilla.ubicacion),
      a.eleccion.tipoActa,
    ].join(',');
    prefijos.set(a, p);
  }
  return p;
}

/** Catalogue cells of a fuera de catálogo row: `-` keys and territory, the identification as read. */
function celdasFueraCatalogo(modelo: CorteModelo, ac: ActaEnCorte): string {
  const i = ac.acta.identificacion;
  const e = modelo.entidad;
  return [GUION, GUION, String(e.id), csvField(e.nombre), GUION, GUION, GUION, GUION, String(i.seccion), String(i.id), i.tipo, String(i.extContigua), GUION, ac.eleccion.eleccion.tipoActa].join(',');
}

/** Minute prefixes already formatted ("DD/MM/YYYY HH:MM"), per offset: a night has a few thousand. */
const minutos = new Map<number, Map<number, string>>();
let minutosGuardados = 0;
/** ":00" … ":59". */
const SEGUNDOS = Array.from({ length: 60 }, (_, i) => `:${i < 10 ? '0' : ''}${i}`);

function fecha(ms: number | null, offset: number): string {
  if (ms === null) return GUION;
  const minuto = Math.floor(ms / 60_000);
  let porOffset = minutos.get(offset);
  if (porOffset === undefined) minutos.set(offset, (porOffset = new Map()));
  let prefijo = porOffset.get(minuto);
  if (prefijo === undefined) {
    if (minutosGuardados > 50_000) {
      minutos.clear();
      minutos.set(offset, (porOffset = new Map()));
      minutosGuardados = 0;
    }
    prefijo = formatFechaHora(minuto * 60_000, offset).slice(0, 16);
    porOffset.set(minuto, prefijo);
    minutosGuardados++;
  }
  return prefijo + SEGUNDOS[Math.floor((ms - minuto * 60_000) / 1000)]!;
}

/** TIPO_DOCUMENTO cells (a handful of values). */
const celdasTipoDocumento = new Map<string, string>();

function celdaTipoDocumento(t: NonNullable<ActaPublicada['imagen']>['tipoDocumento']): string {
  let c = celdasTipoDocumento.get(t);
  if (c === undefined) celdasTipoDocumento.set(t, (c = csvField(tipoDocumentoTexto(t))));
  return c;
}

/** MECANISMOS_TRASLADO: the mechanism; empty when the acopio recorded none; `-` before the acopio. */
function mecanismo(acta: ActaPublicada): string {
  if (acta.mecanismoTraslado !== null) return acta.mecanismoTraslado;
  return acta.acopioAt === null ? GUION : '';
}

/** The row of an expected acta that is not registered: catalogue columns, `-` everywhere else. */
export function filaPendiente(modelo: CorteModelo, em: EleccionModelo, a: ActaModelo): string {
  const guiones = (n: number) => Array<string>(n).fill(GUION).join(',');
  return [
    celdasCatalogo(modelo, a),
    guiones(TOTALES_INICIALES.length + em.columnas.length + 2),
    String(a.casilla.listaNominal),
    String(a.casilla.representantes),
    guiones(COLUMNAS_FINALES.length - 4),
  ].join(',');
}

/**
 * The row of a registered acta (expected or fuera de catálogo): one join of every cell but the catalogue's
 * (joined once per acta, `celdasCatalogo`). The ~50 cells from TOTAL_BOLETAS_SOBRANTES to REPRESENTANTES_PP_CI
 * go in as numbers where they are numbers: the join writes them natively, cheaper than a string per cell and
 * than `JSON.stringify` of them with its quotes taken out again.
 */
export function filaRegistrada(modelo: CorteModelo, ac: ActaEnCorte): string {
  const a = ac.esperada;
  const p = ac.acta;
  const off = modelo.entidad.utcOffsetMinutes;
  const xs = celdasDe(1 + TOTALES_INICIALES.length + ac.eleccion.columnas.length + COLUMNAS_FINALES.length);
  xs[0] = a !== null ? celdasCatalogo(modelo, a) : celdasFueraCatalogo(modelo, ac);
  let i = ponerCifras(xs, 1, ac);
  const obs = ac.clasificacion.observaciones;
  const img = p.imagen;
  xs[i++] = obs.length === 0 ? '' : csvField(observacionesTexto(obs));
  xs[i++] = ac.clasificacion.contabilizada;
  xs[i++] = mecanismo(p);
  xs[i++] = img ? img.sha256 : GUION;
  xs[i++] = fecha(p.acopioAt, off);
  xs[i++] = fecha(p.capturaAt, off);
  xs[i++] = fecha(p.verificacionAt, off);
  xs[i++] = img ? img.origen : GUION;
  xs[i++] = img ? img.digitalizacion : GUION;
  xs[i++] = img ? celdaTipoDocumento(img.tipoDocumento) : GUION;
  xs[i] = p.cotejada;
  return xs.join(',');
}

/** Puts the cells from TOTAL_BOLETAS_SOBRANTES to REPRESENTANTES_PP_CI into `xs` from `i` on; returns where they end. */
function ponerCifras(xs: (number | string)[], i: number, ac: ActaEnCorte): number {
  const a = ac.esperada;
  const c = ac.acta.captura;
  const cols = ac.eleccion.columnas;
  for (const t of TOTALES_INICIALES) xs[i++] = c ? cifra(c.totales[t]) : GUION;
  if (c !== null && a !== null && ac.valores !== null) {
    // The fields read once in the ballot's order (`ActaEnCorte.valores`), placed at their election columns.
    for (let j = 0; j < cols.length; j++) xs[i + j] = GUION;
    const pos = a.posiciones;
    const vs = ac.valores;
    for (let k = 0; k < vs.length; k++) xs[i + pos[k]!] = cifra(vs[k]);
    i += cols.length;
  } else for (const col of cols) xs[i++] = c ? cifra(c.votos[col]) : GUION;
  xs[i++] = c ? cifra(c.totales.TOTAL_VOTOS_ASENTADO) : GUION;
  xs[i++] = c ? cifra(ac.clasificacion.totalVotosCalculado) : GUION;
  xs[i++] = a !== null ? cifra(a.casilla.listaNominal) : GUION;
  xs[i++] = a !== null ? cifra(a.casilla.representantes) : GUION;
  return i;
}

/** A numeric cell: a finite number as itself (joined as `String` writes it), anything else its text. */
function cifra(v: Valor | undefined): number | string {
  return typeof v === 'number' && Number.isFinite(v) ? v : valorCelda(v);
}

/** Scratch cells of `filaRegistrada`, one list per length (every cell is written on each use). */
const listasCeldas: (number | string)[][] = [];

function celdasDe(n: number): (number | string)[] {
  let xs = listasCeldas[n];
  if (xs === undefined) listasCeldas[n] = xs = Array.from({ length: n }, () => GUION);
  return xs;
}

/** Order of fuera de catálogo rows: by clave, numbers compared as numbers (FC-2 before FC-10). */
export function compararClavesFc(a: string, b: string): number {
  return a.localeCompare(b, 'en', { numeric: true }) || (a < b ? -1 : a > b ? 1 : 0);
}

export interface EntradaCsvResultados {
  modelo: CorteModelo;
  eleccion: EleccionModelo;
  /** One rendered row per expected acta, in catalogue order. */
  filas: readonly string[];
  /** Rendered fuera de catálogo rows, already in order. */
  filasFueraCatalogo: readonly string[];
  /** The election's entidad tally (fuera de catálogo included). */
  conteo: Conteo;
  instante: number;
  final: boolean;
}

/**
 * What comes before the rows (BOM, title lines, summary, data header; ends in EOL): the part of the file that
 * changes in every corte whatever its actas (instant, figures).
 */
export function cabeceraCsvResultados(i: Omit<EntradaCsvResultados, 'filas' | 'filasFueraCatalogo'>): string {
  const off = i.modelo.entidad.utcOffsetMinutes;
  const lineas = [
    csvField(i.eleccion.eleccion.nombre),
    csvField(formatCorte(i.instante, off)),
    FIGURAS.join(','),
    figurasFila(figuras(i.conteo, { final: i.final })).join(','),
    cabeceraDatos(i.eleccion).join(','),
  ];
  return BOM + lineas.join(EOL) + EOL;
}

/** The whole file as text (BOM included). */
export function csvResultados(i: EntradaCsvResultados): string {
  const partes = [cabeceraCsvResultados(i)];
  if (i.filas.length > 0) partes.push(i.filas.join(EOL), EOL);
  if (i.filasFueraCatalogo.length > 0) partes.push(i.filasFueraCatalogo.join(EOL), EOL);
  return partes.join('');
}

/** Number of columns of every data row of the election's CSV. */
export function anchoDatos(em: EleccionModelo): number {
  return COLUMNAS_CATALOGO.length + TOTALES_INICIALES.length + em.columnas.length + COLUMNAS_FINALES.length;
}
