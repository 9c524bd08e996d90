/**
 * The vote columns of published results files, classified: parties, independent candidacies and coalition
 * combination columns (docs/REGLAS.md §3). A column is a combination when its name splits at `_` into two or more
 * other columns of the files (PAN_PRI_PRD); older files abbreviate a party with a long name inside
 * combinations (NUEVA_ALIANZA → NA in PRI_PVEM_NA, ENCUENTRO_SOCIAL → PES in PT_MORENA_PES): such a party takes
 * the short siglas in the catalogue, so every combination reads as parties joined by `_`, and the replay maps
 * the file's column to the catalogue's with `renombre`.
 *
 * Prefixes real files put on combination columns are read off before splitting: `C_` (C_PAN_PRI_PRD, IEEC
 * Campeche, CEE Nuevo León, IEE Puebla) and `CC_`, candidatura común: votes marked for several parties that
 * nominate one common candidate. The catalogue has no separate notion of candidatura común; for the tally it
 * behaves like a coalition's combination column (the votes go to the common candidate and are split among the
 * parties that nominated them), so CC_PAN_PRI becomes the combination PAN_PRI of the coalition of PAN and PRI,
 * with a warning that says so. A column that still cannot be read as parties (a combination with an
 * independent, two file columns that would be one catalogue column) is kept as a party of its own named by the
 * column, with a warning: the ballot still has every column of the file.
 */
import type { ProblemaArchivo } from '../../../worker/domain/catalogo/archivos/problemas.ts';
import { err, ok, type Result } from '../../../worker/domain/resultado.ts';

export interface PartidoDerivado {
  siglas: string;
  /** Column as the files name it. */
  columna: string;
  nombre: string;
  tipo: 'partido' | 'independiente';
}

export interface Clasificacion {
  /** Parties and independents in order of first appearance. */
  partidos: PartidoDerivado[];
  /** Catalogue combination column → its parties (catalogue siglas), in name order. */
  combinaciones: Map<string, string[]>;
  /** File column (normalized) → catalogue column, for every vote column. */
  renombre: Map<string, string>;
  /** Explanations of every renaming (Spanish), each about one file column, with its rule code. */
  avisos: AvisoColumna[];
  /** Columns that cannot be named in the catalogue (Spanish messages). */
  problemas: string[];
}

/** A warning about one vote column (normalized name): the derivation places it at the column's header cell. */
export interface AvisoColumna {
  columna: string;
  codigo: 'SIGLAS_ABREVIADAS' | 'COMBINACION_PREFIJO' | 'COMBINACION_SIGLAS' | 'COLUMNA_COMO_PARTIDO';
  mensaje: string;
}

/** Prefixes of combination columns, with the rule a warning names. */
const PREFIJOS: Record<string, string> = {
  C: 'prefijo C_ de combinación de coalición',
  COA: 'prefijo COA_ de combinación de coalición',
  CC: 'prefijo CC_ de candidatura común: se trata como combinación de una coalición',
};

/** The tokens a column is made of, without a combination prefix (C_PAN_PRI → PAN, PRI). */
function nucleo(columna: string): string[] {
  const t = columna.split('_');
  return t.length >= 3 && PREFIJOS[t[0]!] !== undefined ? t.slice(1) : t;
}

const INDEPENDIENTE = /^(CI|CAND_IND|CAND_INDEP|IND|INDEPENDIENTE|CANDIDATO_INDEPENDIENTE|CANDIDATURA_INDEPENDIENTE)(_?\d+)?$/;

export function esIndependiente(columna: string): boolean {
  return INDEPENDIENTE.test(columna) || /^CI_/.test(columna) || /^CAND_IND/.test(columna);
}

/** Abbreviations a long party name takes inside combination columns: its initials, and with a leading P. */
function abreviaturas(columna: string): string[] {
  const partes = columna.split('_').filter(Boolean);
  if (partes.length < 2) return [];
  const iniciales = partes.map((p) => p[0]).join('');
  return [iniciales, `P${iniciales}`];
}

/**
 * Splits a column's tokens into ≥ 2 distinct base columns (exact names, possibly spanning several tokens, or
 * their abbreviations). Returns the base columns in order, or null.
 */
function segmentar(tokens: readonly string[], unidades: ReadonlyMap<string, string>, excluir: string): string[] | null {
  const memo = new Map<number, string[] | null>();
  const desde = (i: number): string[] | null => {
    if (i === tokens.length) return [];
    if (memo.has(i)) return memo.get(i)!;
    let mejor: string[] | null = null;
    for (let j = tokens.length; j > i && !mejor; j--) {
      const trozo = tokens.slice(i, j).join('_');
      const base = unidades.get(trozo);
      if (base === undefined || base === excluir) continue;
      const resto = desde(j);
      if (resto && !resto.includes(base)) mejor = [base, ...resto];
    }
    memo.set(i, mejor);
    return mejor;
  };
  const r = desde(0);
  return r && r.length >= 2 ? r : null;
}

/** Classifies every vote column (normalized names, in order of first appearance across the files). */
export function clasificarColumnas(columnas: readonly string[]): Clasificacion {
  const todas = [...new Set(columnas)];
  const conjunto = new Set(todas);
  const avisos: AvisoColumna[] = [];
  const problemas: string[] = [];
  const tokens = nucleo;
  const combinacionDe = new Map<string, string[]>();
  const atomicas = new Set<string>();
  // Units a combination may be made of: the parties found so far, and the short forms of long party names
  // (initials, with or without a leading P) that are no column themselves.
  const unidades = (conAbreviaturas: boolean) => {
    const m = new Map<string, string>();
    if (conAbreviaturas) {
      const conteo = new Map<string, number>();
      for (const a of atomicas) for (const x of abreviaturas(a)) conteo.set(x, (conteo.get(x) ?? 0) + 1);
      for (const a of atomicas) for (const x of abreviaturas(a)) if (!conjunto.has(x) && conteo.get(x) === 1) m.set(x, a);
    }
    for (const a of atomicas) m.set(a, a);
    return m;
  };
  // Shorter names first: a combination is made of parties with fewer `_` parts than itself, or abbreviated.
  const largos = [...new Set(todas.map((c) => tokens(c).length))].sort((a, b) => a - b);
  for (const largo of largos) {
    const deEsteLargo = todas.filter((c) => tokens(c).length === largo);
    const exactas = unidades(false);
    const pendientes: string[] = [];
    for (const c of deEsteLargo) {
      const seg = segmentar(tokens(c), exactas, c);
      if (seg) combinacionDe.set(c, seg);
      else pendientes.push(c);
    }
    for (const c of pendientes) atomicas.add(c);
    if (largo < 2) continue;
    const conAbreviaturas = unidades(true);
    for (const c of pendientes) {
      const seg = segmentar(tokens(c), conAbreviaturas, c);
      if (!seg) continue;
      combinacionDe.set(c, seg);
      atomicas.delete(c);
    }
  }
  const abreviadas = unidades(true);
  // A base column that turned out to be a combination of other bases is not a party.
  const partidosCols = todas.filter((c) => atomicas.has(c));
  // Filled below; a column kept as a party takes its own name, or a numbered one when that name is taken.
  const destino = new Map<string, string>();
  const comoPartido = (c: string, motivo: string) => {
    let propio = c;
    for (let n = 2; destino.has(propio); n++) propio = `${c}_${n}`;
    partidosCols.push(c);
    siglas.set(c, propio);
    renombre.set(c, propio);
    destino.set(propio, c);
    avisos.push({ columna: c, codigo: 'COLUMNA_COMO_PARTIDO', mensaje: `la columna ${c} ${motivo}: se conserva como un partido propio llamado ${propio}` });
  };
  const siglas = new Map(partidosCols.map((c) => [c, c]));
  // The short form a long party takes inside combinations becomes its siglas.
  const enOrden = todas.filter((c) => combinacionDe.has(c)).map((c) => [c, combinacionDe.get(c)!] as const);
  for (const [c, seg] of enOrden) {
    const partes = tokens(c);
    let i = 0;
    for (const base of seg) {
      const largo = base.split('_').length;
      const abrev = [...abreviadas].find(([u, b]) => b === base && u !== base && partes[i] === u)?.[0];
      if (abrev && siglas.get(base) === base) {
        siglas.set(base, abrev);
        avisos.push({ columna: base, codigo: 'SIGLAS_ABREVIADAS', mensaje: `la columna ${base} se llama ${abrev} en el catálogo, como en la combinación ${c}` });
      }
      i += abrev ? 1 : largo;
    }
  }
  const renombre = new Map<string, string>(partidosCols.map((c) => [c, siglas.get(c)!]));
  // Two file columns must never land on one catalogue column: the later one is kept as a party (comoPartido).
  for (const [c, d] of renombre) destino.set(d, c);
  const combinaciones = new Map<string, string[]>();
  for (const [c, seg] of enOrden) {
    const ps = seg.map((b) => siglas.get(b)!);
    const nombre = ps.join('_');
    if (seg.some((b) => esIndependiente(b))) {
      comoPartido(c, `combina una candidatura independiente (${seg.filter(esIndependiente).join(', ')}) y no es una combinación de coalición`);
    } else if (destino.has(nombre)) {
      comoPartido(c, `sería la misma columna ${nombre} del catálogo que ${destino.get(nombre) ?? nombre}`);
    } else {
      const prefijo = PREFIJOS[c.split('_')[0]!];
      const conPrefijo = prefijo !== undefined && nucleo(c).length < c.split('_').length;
      if (nombre !== c) {
        const regla = conPrefijo ? prefijo : 'una combinación lleva las siglas de sus partidos en el catálogo';
        avisos.push({ columna: c, codigo: conPrefijo ? 'COMBINACION_PREFIJO' : 'COMBINACION_SIGLAS', mensaje: `la combinación ${c} se llama ${nombre} en el catálogo (${regla})` });
      }
      combinaciones.set(nombre, ps);
      renombre.set(c, nombre);
      destino.set(nombre, c);
    }
  }
  const partidos: PartidoDerivado[] = partidosCols.map((c) => ({
    siglas: siglas.get(c)!,
    columna: c,
    nombre: c.replace(/_/g, ' '),
    tipo: esIndependiente(c) ? 'independiente' : 'partido',
  }));
  return { partidos, combinaciones, renombre, avisos, problemas };
}

/** Colours of the national parties (public identity); everything else gets a fixed palette by position. */
const COLORES: Record<string, string> = {
  PAN: '#0059B3',
  PRI: '#E4032D',
  PRD: '#FFCC00',
  PVEM: '#50B747',
  PT: '#D92027',
  MC: '#FF8300',
  MORENA: '#B5261E',
  NA: '#00A4AC',
  PANAL: '#00A4AC',
  PES: '#5B2C83',
  RSP: '#E6007E',
  FXM: '#E5007E',
};
const PALETA = ['#1F77B4', '#8C564B', '#9467BD', '#17BECF', '#BCBD22', '#E377C2', '#2CA02C', '#7F7F7F'];
export const COLOR_INDEPENDIENTE = '#6D6E71';

export function colorDe(p: PartidoDerivado, i: number): string {
  if (p.tipo === 'independiente') return COLOR_INDEPENDIENTE;
  return COLORES[p.siglas] ?? PALETA[i % PALETA.length]!;
}

/** Groups of parties joined by combination columns (connected components), each in party order. */
export function componentes(combinaciones: Iterable<readonly string[]>, ordenPartido: ReadonlyMap<string, number>): string[][] {
  const padre = new Map<string, string>();
  const raiz = (x: string): string => {
    let r = x;
    while (padre.get(r) !== r) r = padre.get(r)!;
    padre.set(x, r);
    return r;
  };
  for (const ps of combinaciones) {
    for (const p of ps) if (!padre.has(p)) padre.set(p, p);
    for (const p of ps.slice(1)) padre.set(raiz(p), raiz(ps[0]!));
  }
  const grupos = new Map<string, string[]>();
  for (const p of padre.keys()) {
    const r = raiz(p);
    grupos.set(r, [...(grupos.get(r) ?? []), p]);
  }
  const rango = (p: string) => ordenPartido.get(p) ?? Number.MAX_SAFE_INTEGER;
  return [...grupos.values()]
    .map((g) => g.sort((a, b) => rango(a) - rango(b) || (a < b ? -1 : 1)))
    .sort((a, b) => rango(a[0]!) - rango(b[0]!));
}

/** The vote columns of every results file, classified once for all the elections, with what a ballot needs. */
export interface ColumnasDeVoto {
  clasificacion: Clasificacion;
  /** File column (normalized) → catalogue column. */
  catCol: (nombre: string) => string;
  /** Siglas of the parties and independents (what is not a combination). */
  esPartido: ReadonlySet<string>;
  /** Party siglas → its position (coalitions list their parties in this order). */
  ordenPartido: ReadonlyMap<string, number>;
}

/**
 * Classifies the vote columns of all the files together: a combination in one election's file names the
 * parties of another's, and a party keeps one siglas in the whole catalogue. Each warning is placed by
 * `lugar` (the column's header cell in the first file that has it).
 */
export function clasificarColumnasDeVoto(
  nombres: readonly string[],
  avisos: ProblemaArchivo[],
  lugar: (columna: string) => Pick<ProblemaArchivo, 'archivo' | 'linea' | 'columna'>,
): Result<ColumnasDeVoto, ProblemaArchivo[]> {
  const clas = clasificarColumnas(nombres);
  for (const a of clas.avisos) avisos.push({ ...lugar(a.columna), campo: a.columna, codigo: a.codigo, mensaje: a.mensaje });
  if (clas.problemas.length > 0) return err(clas.problemas.map((m) => ({ archivo: '.', codigo: 'COLUMNA', mensaje: m })));
  return ok({
    clasificacion: clas,
    catCol: (nombre) => clas.renombre.get(nombre)!,
    esPartido: new Set(clas.partidos.map((p) => p.siglas)),
    ordenPartido: new Map(clas.partidos.map((p, i) => [p.siglas, i])),
  });
}

/**
 * Spellings of one party that differ between institutes, and even between a results file and its own
 * candidaturas file (IEE Puebla 2018: MORENA in the results, MOR in the candidaturas). Each group is one party.
 */
const SINONIMOS: readonly (readonly string[])[] = [
  ['MORENA', 'MOR'],
  ['PVEM', 'PV', 'VERDE'],
  ['PANAL', 'NA', 'NUEVA_ALIANZA'],
  ['PES', 'ES', 'ENCUENTRO_SOCIAL', 'PES_SOCIAL'],
  ['FXM', 'FM', 'FPM'],
  ['MC', 'MOVIMIENTO_CIUDADANO'],
  ['NAPPN', 'NA_PPN'],
];

/** The number of an independent's column (CI1, CI_01, CAND_IND_1, IND_1 → 1), or undefined. */
function numeroDeIndependiente(nombre: string): number | undefined {
  const m = /^(?:CI|CAND_IND|CAND_INDEP|IND|INDEPENDIENTE|CANDIDATO_INDEPENDIENTE|CANDIDATURA_INDEPENDIENTE)_?(\d+)$/.exec(nombre);
  return m ? Number(m[1]) : undefined;
}

/**
 * The file column another file calls `nombre` (normalized): itself, or the column of the same party under a
 * known other spelling (SINONIMOS), or the independent with the same number (CI1 ↔ CAND_IND_1). Returns the
 * column with the rule applied (Spanish), or undefined.
 */
export function columnaEquivalente(nombre: string, columnas: ReadonlySet<string>): { columna: string; regla?: string } | undefined {
  if (columnas.has(nombre)) return { columna: nombre };
  const grupo = SINONIMOS.find((g) => g.includes(nombre));
  const sinonimo = grupo?.find((x) => x !== nombre && columnas.has(x));
  if (sinonimo) return { columna: sinonimo, regla: `${nombre} y ${sinonimo} son el mismo partido (siglas de ${grupo!.join(' / ')})` };
  const n = numeroDeIndependiente(nombre);
  if (n === undefined) return undefined;
  const ind = [...columnas].filter((c) => numeroDeIndependiente(c) === n);
  if (ind.length === 1) return { columna: ind[0]!, regla: `${nombre} y ${ind[0]} son la candidatura independiente número ${n}` };
  return undefined;
}
