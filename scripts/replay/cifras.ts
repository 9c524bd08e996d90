/**
 * One acta compared figure by figure (docs/REGLAS.md §3, §4, §7): every figure column of our results CSV that the
 * file's row also carries — each vote column (renamed as the catalogue does), the five captured totals,
 * TOTAL_VOTOS_CALCULADO, LISTA_NOMINAL, REPRESENTANTES_PP_CI, OBSERVACIONES and CONTABILIZADA — ours against the
 * file's and against what REGLAS give for the file's own figures (plan.ts, `cifrasReglas`). A difference of the
 * file names the rule its cell breaks, so the report can group thousands of them by rule. Pure.
 */
import { TOTALES } from '../../worker/domain/acta/esquema.ts';
import { MOTIVOS_SIN_ACTA } from '../../worker/domain/contrato/index.ts';
import { observacionTexto, type Observacion } from '../../worker/domain/acta/clasificar.ts';
import type { ActaReplay } from './plan.ts';
import { esNoAplica, leerCelda } from './valores.ts';

export type Juicio = 'coincide' | 'archivo' | 'nuestra';

export interface DiferenciaCifra {
  /** The column of our CSV (a vote column by its catalogue name). */
  campo: string;
  nuestro: string;
  archivo: string;
  reglas: string;
  juicio: Exclude<Juicio, 'coincide'>;
  /** The rule the file breaks (or, for ours, the rule ours breaks): the report groups by it. */
  regla: string;
  /** What the values alone do not say (its observations, why it was not sent…); empty when nothing. */
  explicacion: string;
}

/** A figure or count as comparable text: `0012` → `12`, `33.33330` → `33.3333`, `40.0000` → `40`, `-` stays. */
export function normalizarCifra(texto: string): string {
  const t = texto.trim().replace(/%$/, '').trim();
  if (/^\d+$/.test(t)) return t.replace(/^0+(?=\d)/, '');
  const m = /^(\d+)\.(\d*)$/.exec(t);
  if (m) {
    const entero = m[1]!.replace(/^0+(?=\d)/, '');
    const dec = m[2]!.replace(/0+$/, '');
    return dec === '' ? entero : `${entero}.${dec}`;
  }
  return t;
}

/** A vote or total cell as comparable text: `-` (also empty, N/A), an integer, `Ilegible`, `Sin dato`, or as written. */
export function celdaComparable(texto: string): string {
  const c = leerCelda(texto);
  if (c.tipo === 'no_aplica') return '-';
  if (c.tipo === 'invalida') return texto.trim();
  return typeof c.valor === 'number' ? String(c.valor) : c.valor === 'ILEGIBLE' ? 'Ilegible' : 'Sin dato';
}

const plegar = (t: string) =>
  t
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();

/**
 * OBSERVACIONES as a comparable set: each observation folded (case, accents, punctuation: `['Sin dato']`,
 * `SIN DATO`), in any order (`Sin dato,Ilegible`); empty and `-` are none.
 */
export function observacionesComparables(texto: string): string {
  if (esNoAplica(texto)) return '';
  return [...new Set(texto.split(/[,;]/).map(plegar).filter((x) => x !== ''))].sort().join(' | ');
}

/** Every observation REGLAS §4 can write, folded: the vocabulary a file's OBSERVACIONES is read against. */
const VOCABULARIO = new Set(
  (
    [
      { tipo: 'EXCEDE_LISTA_NOMINAL' },
      { tipo: 'ILEGIBLE', campos: [] },
      { tipo: 'SIN_DATO', campos: [] },
      { tipo: 'TODOS_ILEGIBLES' },
      { tipo: 'TODOS_VACIOS' },
      { tipo: 'FUERA_CATALOGO' },
      ...MOTIVOS_SIN_ACTA.map((motivo) => ({ tipo: 'SIN_ACTA' as const, motivo })),
    ] satisfies Observacion[]
  ).map((o) => plegar(observacionTexto(o))),
);

const TOTALES_CAPTURADOS: readonly string[] = TOTALES;
const DE_CATALOGO = new Set(['LISTA_NOMINAL', 'REPRESENTANTES_PP_CI']);

/** How two cells of a column are compared. */
function iguales(campo: string, a: string, b: string): boolean {
  if (campo === 'OBSERVACIONES') return observacionesComparables(a) === observacionesComparables(b);
  if (campo === 'CONTABILIZADA') return a.trim() === b.trim() || (esNoAplica(a) && esNoAplica(b));
  // TOTAL_VOTOS_CALCULADO: `-` adds nothing, as 0 (a file's uncaptured row may write either).
  if (campo === 'TOTAL_VOTOS_CALCULADO') return (esNoAplica(a) ? '0' : celdaComparable(a)) === (esNoAplica(b) ? '0' : celdaComparable(b));
  return celdaComparable(a) === celdaComparable(b);
}

function juzgar(campo: string, nuestro: string, archivo: string, reglas: string): Juicio {
  if (!iguales(campo, nuestro, reglas)) return 'nuestra';
  if (!iguales(campo, archivo, reglas)) return 'archivo';
  return 'coincide';
}

/** Rows repeating a CLAVE_ACTA (plan.ts `duplicadas`): why only the first is sent. */
export const REGLA_DUPLICADA =
  'CLAVE_ACTA repetida: el catálogo tiene un acta por CLAVE_ACTA, en el territorio de su primera fila (docs/catalogo.md; una sección dividida entre dos territorios aún no pertenece a cada uno por elección): la fila repetida no se envía';

/** A rule whose differences the values say all about. */
const solo = (regla: string) => ({ regla, explicacion: '' });

/** The rule a file's cell breaks, and this acta's case. */
export function reglaDelArchivo(a: ActaReplay, campo: string, archivo: string, reglas: string): { regla: string; explicacion: string } {
  const r = a.registro;
  if (r.tipo === 'ilegible') {
    return { regla: 'REGLAS §3: cada campo lleva un entero ≤ 99,999, Ilegible o Sin dato, y solo los de la boleta de su territorio; una fila que no lo cumple no se puede enviar y se publica como no registrada', explicacion: `no se envió: ${r.problemas.join('; ')}` };
  }
  if (campo === 'CONTABILIZADA') {
    const porReglas = a.reglas.observaciones && a.reglas.observaciones !== '-' ? [`por REGLAS: ${a.reglas.observaciones}`] : [];
    const suyas = a.archivoDice.observaciones && !esNoAplica(a.archivoDice.observaciones) ? [`su OBSERVACIONES: «${a.archivoDice.observaciones}»`] : [];
    return { regla: 'REGLAS §4: CONTABILIZADA es la del estatus que dan las cifras de su fila', explicacion: [...porReglas, ...suyas].join('; ') };
  }
  if (campo === 'OBSERVACIONES') {
    const partes = observacionesComparables(archivo).split(' | ').filter((x) => x !== '');
    if (partes.every((p) => VOCABULARIO.has(p))) return solo('REGLAS §4: OBSERVACIONES nombra cada observación que dan las cifras de su fila');
    return solo('REGLAS §4: OBSERVACIONES con los textos fijos de REGLAS (Excede Lista Nominal, Ilegible, Sin dato, Todos los campos ilegibles / vacíos, Sin acta por <motivo>, Fuera de catálogo); el archivo escribe los suyos');
  }
  if (r.tipo === 'sin_acta' && !DE_CATALOGO.has(campo)) {
    return solo('REGLAS §4 y §7: un acta sin acta no se captura y lleva «-» en cada cifra capturada y en TOTAL_VOTOS_CALCULADO');
  }
  if (r.tipo === 'pendiente' && !DE_CATALOGO.has(campo)) {
    return solo('REGLAS §7: un acta esperada no registrada (CONTABILIZADA «-», sin votos) lleva «-» en cada cifra capturada');
  }
  if (DE_CATALOGO.has(campo)) {
    if (r.tipo === 'fuera_catalogo') return solo('REGLAS §7: una fila fuera de catálogo lleva «-» en LISTA_NOMINAL y REPRESENTANTES_PP_CI');
    if (esNoAplica(archivo)) {
      return solo('REGLAS §7: toda acta esperada, registrada o no, lleva LISTA_NOMINAL y REPRESENTANTES_PP_CI del catálogo; el archivo la deja vacía (el catálogo derivado usa 0, docs/catalogo.md)');
    }
    return solo('REGLAS §7: LISTA_NOMINAL y REPRESENTANTES_PP_CI de un acta esperada son los del catálogo (derivado del archivo, docs/catalogo.md)');
  }
  if (campo === 'TOTAL_VOTOS_CALCULADO') {
    return solo('REGLAS §4: TOTAL_VOTOS_CALCULADO es la suma de sus campos de votos (Ilegible y Sin dato como 0): se calcula, no se captura');
  }
  if (esNoAplica(archivo) && reglas === '0') {
    return solo('REGLAS §3: cada campo de la boleta de su territorio lleva un entero, Ilegible o Sin dato; el archivo deja «-» (se capturó 0, que no suma)');
  }
  if (esNoAplica(archivo) && reglas === 'Sin dato' && TOTALES_CAPTURADOS.includes(campo)) {
    return solo('REGLAS §3: cada uno de los cinco totales lleva un entero, Ilegible o Sin dato; el archivo deja «-» (se capturó Sin dato)');
  }
  return solo('REGLAS §3 y §7: una cifra capturada se publica como se capturó de su fila');
}

/**
 * The figures of one acta: `nuestra(columna)` is our CSV's cell (undefined: our CSV has no such column). Compared:
 * CONTABILIZADA and TOTAL_VOTOS_CALCULADO always; every other figure column the file carries. Not compared: the
 * captured figures of a fuera de catálogo acta that could not be captured (no ballot: its note says why).
 */
export function compararCifras(a: ActaReplay, nuestra: (columna: string) => string | undefined): { comparadas: number; diferencias: DiferenciaCifra[] } {
  const sinCaptura = a.registro.tipo === 'fuera_catalogo' && a.registro.captura === null;
  const reglasDe = (c: string) => a.cifrasReglas[c] ?? (c === 'CONTABILIZADA' ? a.reglas.contabilizada : c === 'TOTAL_VOTOS_CALCULADO' ? a.reglas.totalVotosCalculado : undefined);
  const archivoDe = (c: string) => (c === 'CONTABILIZADA' ? a.archivoDice.contabilizada : c === 'TOTAL_VOTOS_CALCULADO' ? a.archivoDice.totalVotosCalculado : a.archivoDice.cifras[c]);
  // In the file's order (votes, then totals, then CONTABILIZADA), the two always compared last if it lacks them.
  const columnas = new Set([...Object.keys(a.archivoDice.cifras), 'TOTAL_VOTOS_CALCULADO', 'CONTABILIZADA']);
  const diferencias: DiferenciaCifra[] = [];
  let comparadas = 0;
  for (const campo of columnas) {
    if (sinCaptura && !DE_CATALOGO.has(campo) && campo !== 'OBSERVACIONES' && campo !== 'CONTABILIZADA') continue;
    const reglas = reglasDe(campo);
    const nuestro = nuestra(campo);
    const archivo = archivoDe(campo);
    if (reglas === undefined || nuestro === undefined || archivo === undefined) continue;
    comparadas++;
    const juicio = juzgar(campo, nuestro, archivo, reglas);
    if (juicio === 'coincide') continue;
    const base = { campo, nuestro, archivo, reglas, juicio };
    if (juicio === 'archivo') diferencias.push({ ...base, ...reglaDelArchivo(a, campo, archivo, reglas) });
    else diferencias.push({ ...base, regla: reglaNuestra(a, campo), explicacion: '' });
  }
  return { comparadas, diferencias };
}

/** Why ours differs (the replay exits 1): what REGLAS require of ours. */
function reglaNuestra(a: ActaReplay, campo: string): string {
  if (a.registro.tipo === 'sin_seccion') return 'el catálogo no admite actas sin sección (N/A) y la réplica no la registra';
  if (campo === 'CONTABILIZADA' || campo === 'OBSERVACIONES') return 'REGLAS §4: nuestra clasificación no es la de las cifras de su fila';
  if (campo === 'TOTAL_VOTOS_CALCULADO') return 'REGLAS §4: nuestro TOTAL_VOTOS_CALCULADO no es la suma de sus campos de votos';
  return 'REGLAS §3 y §7: nuestra publicación no es la cifra capturada de su fila';
}
