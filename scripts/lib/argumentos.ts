/**
 * The command-line arguments of the local scripts, on top of node:util's parseArgs: typed options (integer,
 * number, text, flag) checked with a one-line message, positional arguments, subcommands, `--help`, and the usage
 * text built from the same definition. Messages are in Spanish, like everything the scripts print.
 * Exit codes: 0 after `--help`, 2 for a usage error (a script's own failures use 1).
 */
import { parseArgs } from 'node:util';

interface Base {
  /** One line for the usage text. */
  ayuda: string;
  /** The value's name in the usage text (N, DIR …). */
  valor?: string;
}
export interface OpcionEntero extends Base {
  tipo: 'entero';
  min: number;
  max: number;
  omision?: number;
}
export interface OpcionNumero extends Base {
  tipo: 'numero';
  /** Values must be greater than this (exclusive) … */
  mayorQue: number;
  /** … and at most this (inclusive). */
  max: number;
  omision?: number;
}
export interface OpcionTexto extends Base {
  tipo: 'texto';
  omision?: string;
}
export interface OpcionBandera extends Base {
  tipo: 'bandera';
}
export type Opcion = OpcionEntero | OpcionNumero | OpcionTexto | OpcionBandera;
export type Opciones = Record<string, Opcion>;

/** A flag is a boolean; an option with a default always has a value; any other may be absent. */
type ValorDe<O extends Opcion> = O extends OpcionBandera
  ? boolean
  : O extends { omision: infer D }
    ? D
    : O extends OpcionTexto
      ? string | undefined
      : number | undefined;
export type Valores<O extends Opciones> = { [K in keyof O]: ValorDe<O[K]> };

export interface Interfaz<O extends Opciones> {
  /** How the script is run, e.g. `npm run seed --`. */
  comando: string;
  /** What it does, in a line or two. */
  descripcion: string;
  /** Positional arguments as the usage line shows them (`<URL base | carpeta>`), and how many it takes. */
  posicionales?: { texto: string; min: number; max: number };
  opciones: O;
  ejemplos?: readonly string[];
}

/** The result of reading the arguments: the values, or what to print and the exit code instead. */
export type Lectura<O extends Opciones> =
  | { tipo: 'valores'; valores: Valores<O>; posicionales: string[] }
  | { tipo: 'salida'; codigo: 0 | 2; texto: string };

/** Identity: fixes the option types of a definition written apart from the call that reads it. */
export function interfaz<O extends Opciones>(i: Interfaz<O>): Interfaz<O> {
  return i;
}

const AYUDA: Opcion = { tipo: 'bandera', ayuda: 'muestra esta ayuda' };

function columnas(filas: readonly (readonly [string, string])[]): string[] {
  const ancho = Math.max(...filas.map(([a]) => a.length));
  return filas.map(([a, b]) => `  ${a.padEnd(ancho)}  ${b}`);
}

function omisionDe(o: Opcion): string {
  return 'omision' in o && o.omision !== undefined ? ` (por omisión: ${o.omision})` : '';
}

/** The usage text of a script. */
export function textoDeUso<O extends Opciones>(i: Interfaz<O>): string {
  const pos = i.posicionales ? ` ${i.posicionales.texto}` : '';
  const filas = Object.entries(i.opciones).map(([nombre, o]): [string, string] => {
    const valor = o.tipo === 'bandera' ? '' : ` ${o.valor ?? (o.tipo === 'texto' ? 'TEXTO' : 'N')}`;
    return [`--${nombre}${valor}`, o.ayuda + omisionDe(o)];
  });
  filas.push(['-h, --help', AYUDA.ayuda]);
  const lineas = [`uso: ${i.comando}${pos} [opciones]`, '', i.descripcion, '', 'opciones:', ...columnas(filas)];
  if (i.ejemplos?.length) lineas.push('', 'ejemplos:', ...i.ejemplos.map((e) => `  ${e}`));
  return lineas.join('\n');
}

/** The option a parseArgs error is about (its messages quote it: `Unknown option '--x'`). */
function opcionDelError(mensaje: string): string {
  const m = /'(-{1,2}[^' ]+)/.exec(mensaje);
  return m?.[1] ?? '';
}

/** parseArgs's errors, said in Spanish; null when it is not one of them. */
function errorDeParseArgs(e: unknown, opciones: Opciones): string | null {
  const codigo = (e as { code?: string }).code;
  const mensaje = e instanceof Error ? e.message : String(e);
  const opcion = opcionDelError(mensaje);
  if (codigo === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') return `opción desconocida: ${opcion}`;
  if (codigo === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
    return opciones[opcion.replace(/^-+/, '')]?.tipo === 'bandera' ? `${opcion} no lleva valor` : `falta el valor de ${opcion}`;
  }
  return null;
}

/** A number written in full: digits, a sign, and for `numero` a decimal point (no 1e3, 0x10, blanks or ""). */
function numeroDe(texto: string, entero: boolean): number | null {
  return (entero ? /^-?\d+$/ : /^-?\d+(\.\d+)?$/).test(texto) ? Number(texto) : null;
}

/** The option's value from its text; a one-line message when it is not valid. */
function convertir(nombre: string, o: Opcion, texto: string): number | string | { error: string } {
  if (o.tipo === 'texto' || o.tipo === 'bandera') return texto;
  const n = numeroDe(texto, o.tipo === 'entero');
  if (o.tipo === 'entero') {
    if (n === null || !Number.isSafeInteger(n) || n < o.min || n > o.max) {
      return { error: `--${nombre} debe ser un entero entre ${o.min} y ${o.max} (se recibió «${texto}»)` };
    }
    return n;
  }
  if (n === null || !(n > o.mayorQue && n <= o.max)) {
    return { error: `--${nombre} debe ser un número mayor que ${o.mayorQue} y no mayor que ${o.max} (se recibió «${texto}»)` };
  }
  return n;
}

/**
 * `--actas -5` as `--actas=-5`: parseArgs refuses a value that starts with a dash as ambiguous, but a negative
 * number after an option that takes a value can only be that value (and gets the range message it deserves).
 */
function unirNegativos(argv: readonly string[], opciones: Opciones): string[] {
  const out: string[] = [];
  for (let k = 0; k < argv.length; k++) {
    const a = argv[k]!;
    const o = a.startsWith('--') ? opciones[a.slice(2)] : undefined;
    const siguiente = argv[k + 1];
    if (o !== undefined && o.tipo !== 'bandera' && siguiente !== undefined && /^-\d/.test(siguiente)) {
      out.push(`${a}=${siguiente}`);
      k++;
    } else out.push(a);
  }
  return out;
}

function errorDeUso<O extends Opciones>(i: Interfaz<O>, mensaje: string): Lectura<O> {
  return { tipo: 'salida', codigo: 2, texto: `error: ${mensaje}\n\n${textoDeUso(i)}` };
}

/** Reads `argv` (without node and the script) as `i` defines it. */
export function leerArgumentos<O extends Opciones>(argv: readonly string[], i: Interfaz<O>): Lectura<O> {
  const opciones: Record<string, { type: 'string' | 'boolean'; short?: string }> = { help: { type: 'boolean', short: 'h' } };
  for (const [nombre, o] of Object.entries(i.opciones)) opciones[nombre] = { type: o.tipo === 'bandera' ? 'boolean' : 'string' };
  let leido: ReturnType<typeof parseArgs>;
  try {
    leido = parseArgs({ args: unirNegativos(argv, i.opciones), options: opciones, allowPositionals: true, strict: true });
  } catch (e) {
    const mensaje = errorDeParseArgs(e, i.opciones);
    if (mensaje === null) throw e;
    return errorDeUso(i, mensaje);
  }
  if (leido.values.help === true) return { tipo: 'salida', codigo: 0, texto: textoDeUso(i) };
  const pos = i.posicionales ?? { texto: '', min: 0, max: 0 };
  if (leido.positionals.length > pos.max) return errorDeUso(i, `argumento inesperado: ${leido.positionals[pos.max]}`);
  if (leido.positionals.length < pos.min) return errorDeUso(i, `falta ${pos.texto}`);
  const valores: Record<string, unknown> = {};
  for (const [nombre, o] of Object.entries(i.opciones)) {
    const crudo = leido.values[nombre];
    if (o.tipo === 'bandera') valores[nombre] = crudo === true;
    else if (crudo === undefined) valores[nombre] = o.omision;
    else {
      const v = convertir(nombre, o, String(crudo));
      if (typeof v === 'object') return { tipo: 'salida', codigo: 2, texto: `error: ${v.error}` };
      valores[nombre] = v;
    }
  }
  return { tipo: 'valores', valores: valores as Valores<O>, posicionales: leido.positionals };
}

export interface Salida {
  log(texto: string): void;
  error(texto: string): void;
}

const consola: Salida = { log: (t) => console.log(t), error: (t) => console.error(t) };

/** Prints what a reading that ended in a message says (help on stdout, errors on stderr); returns the exit code. */
export function responder(l: { codigo: 0 | 2; texto: string }, salida: Salida = consola): number {
  if (l.codigo === 0) salida.log(l.texto);
  else salida.error(l.texto);
  return l.codigo;
}

/** For a script's top level: the values, or the help or usage error printed and the process ended (0 or 2). */
export function argumentosOSalir<O extends Opciones>(argv: readonly string[], i: Interfaz<O>): { valores: Valores<O>; posicionales: string[] } {
  const l = leerArgumentos(argv, i);
  if (l.tipo === 'salida') process.exit(responder(l));
  return l;
}

export interface Subcomandos {
  comando: string;
  descripcion: string;
  /** Name → what it does. */
  subcomandos: Record<string, string>;
}

/** The usage text of a script with subcommands. */
export function textoDeSubcomandos(s: Subcomandos): string {
  return [
    `uso: ${s.comando} <subcomando> [opciones]`,
    '',
    s.descripcion,
    '',
    'subcomandos:',
    ...columnas(Object.entries(s.subcomandos)),
    '',
    `\`${s.comando} <subcomando> --help\` muestra las opciones de cada uno.`,
  ].join('\n');
}

/** The subcommand (the first argument) and the arguments that follow it; or what to print and the exit code. */
export function elegirSubcomando(argv: readonly string[], s: Subcomandos): { tipo: 'subcomando'; nombre: string; resto: string[] } | { tipo: 'salida'; codigo: 0 | 2; texto: string } {
  const [primero, ...resto] = argv;
  if (primero === '--help' || primero === '-h') return { tipo: 'salida', codigo: 0, texto: textoDeSubcomandos(s) };
  const error = (m: string) => ({ tipo: 'salida' as const, codigo: 2 as const, texto: `error: ${m}\n\n${textoDeSubcomandos(s)}` });
  if (primero === undefined || primero.startsWith('-')) return error('falta el subcomando');
  if (!Object.hasOwn(s.subcomandos, primero)) return error(`subcomando desconocido: ${primero}`);
  return { tipo: 'subcomando', nombre: primero, resto };
}
