/**
 * The CLAVE_ACTA typed (or read from the QR) at acopio, checked as it is typed: its shape (2 digits entidad,
 * 4 sección, 1 casilla type, 2 number, 2 ext contigua, then the election's 1–2 character TIPO_ACTA), the entidad of
 * this catalogue and a known acta type, then optionally `-n` (2 to 9): part n of the acta of a sección split
 * between territories (docs/CAPTURA.md; the API says whether the catalogue has that part). A site-side restatement of worker/domain/claves/clave.ts, which carries
 * zod (the portal may import only the publication contract, and zod would not fit the screen's budget).
 */
import { TIPOS_CASILLA } from '../../../../worker/domain/contrato/index.ts';

/**
 * What the screen knows of the catalogue; null when it could not learn it (then only the shape is checked). The
 * acta types are those the screen has seen (possibly not all): an unknown one is a warning, never a refusal.
 */
export interface ReglasClave {
  entidad: number | null;
  tiposActa: readonly string[] | null;
}

export type EstadoClave =
  | { estado: 'vacia' }
  | { estado: 'incompleta'; mensaje: string }
  | { estado: 'invalida'; mensaje: string }
  | {
      estado: 'valida';
      clave: string;
      seccion: number;
      tipo: string;
      casilla: number;
      extContigua: number;
      tipoActa: string;
      /** 1 for the plain key; n for `CLAVE_ACTA-n`. */
      parte: number;
      /** Sendable, but worth a second look (an acta type not seen in this catalogue). */
      aviso?: string;
    };

/** Upper case, no blanks, no leading spreadsheet apostrophe. */
export function normalizarClave(texto: string): string {
  const t = texto.trim().toUpperCase().replace(/\s+/g, '');
  return t.startsWith("'") ? t.slice(1) : t;
}

const PARTES = [
  { hasta: 2, nombre: 'la entidad (2 dígitos)', re: /^\d$/ },
  { hasta: 6, nombre: 'la sección (4 dígitos)', re: /^\d$/ },
  { hasta: 7, nombre: `el tipo de casilla (${TIPOS_CASILLA.join(', ')})`, re: new RegExp(`^[${TIPOS_CASILLA.join('')}]$`) },
  { hasta: 9, nombre: 'el número de casilla (2 dígitos)', re: /^\d$/ },
  { hasta: 11, nombre: 'la extensión contigua (2 dígitos)', re: /^\d$/ },
] as const;

const LARGO_CASILLA = 11;

/** The first character that cannot be part of a clave, named by the part it falls in; null if none. */
function errorDeForma(c: string): string | null {
  for (let i = 0; i < Math.min(c.length, LARGO_CASILLA); i++) {
    const parte = PARTES.find((p) => i < p.hasta)!;
    if (!parte.re.test(c[i]!)) return `El carácter ${i + 1} («${c[i]}») no corresponde a ${parte.nombre}.`;
  }
  const [tipoActa, parte] = separarParte(c.slice(LARGO_CASILLA));
  if (tipoActa.length > 2 || !/^[0-9A-Z]*$/.test(tipoActa)) return 'El tipo de acta son 1 o 2 letras o dígitos al final de la clave.';
  if (parte === null) return null;
  if (tipoActa === '') return 'El tipo de acta va antes del guion de la parte (p. ej. 141121B01006-2).';
  if (!/^[2-9]?$/.test(parte)) return 'Tras el guion va el número de parte, un dígito de 2 a 9 (p. ej. 141121B01006-2).';
  return null;
}

/** The acta type and the part number after its `-` (null when there is no `-`). */
function separarParte(cola: string): [string, string | null] {
  const guion = cola.indexOf('-');
  return guion < 0 ? [cola, null] : [cola.slice(0, guion), cola.slice(guion + 1)];
}

function errorDeEntidad(c: string, reglas: ReglasClave): string | null {
  if (c.length < 2) return null;
  const entidad = Number(c.slice(0, 2));
  if (entidad < 1 || entidad > 32) return `La entidad ${c.slice(0, 2)} no existe (01 a 32).`;
  if (reglas.entidad !== null && entidad !== reglas.entidad) {
    return `La clave es de la entidad ${c.slice(0, 2)}; este PREP es de la entidad ${String(reglas.entidad).padStart(2, '0')}.`;
  }
  return null;
}

function errorDeRango(c: string): string | null {
  if (c.length < 9 || c[6] === 'M') return null;
  if (c.slice(2, 6) === '0000') return 'La sección 0000 solo existe en casillas M (voto desde el extranjero).';
  if (c.slice(7, 9) === '00') return 'La casilla 00 solo existe en casillas M (voto desde el extranjero).';
  return null;
}

/** Whether `tipoActa` is known, and whether it could still become one by typing more. */
function tipoConocido(tipoActa: string, tipos: readonly string[] | null): 'si' | 'prefijo' | 'no' {
  if (tipos === null) return tipoActa.length >= 1 ? 'si' : 'prefijo';
  if (tipos.includes(tipoActa)) return 'si';
  return tipos.some((t) => t.startsWith(tipoActa)) ? 'prefijo' : 'no';
}

export function revisarClave(texto: string, reglas: ReglasClave): EstadoClave {
  const c = normalizarClave(texto);
  if (c === '') return { estado: 'vacia' };
  const error = errorDeForma(c) ?? errorDeEntidad(c, reglas) ?? errorDeRango(c);
  if (error !== null) return { estado: 'invalida', mensaje: error };
  const faltan = LARGO_CASILLA - c.length;
  if (faltan > 0) return { estado: 'incompleta', mensaje: `Faltan ${faltan} caracteres de la casilla y el tipo de acta.` };
  const [tipoActa, parte] = separarParte(c.slice(LARGO_CASILLA));
  if (parte === '') return { estado: 'incompleta', mensaje: 'Falta el número de parte (2 a 9) tras el guion.' };
  const conocido = tipoConocido(tipoActa, reglas.tiposActa);
  if (conocido === 'prefijo') return { estado: 'incompleta', mensaje: 'Falta el tipo de acta al final de la clave.' };
  const aviso =
    conocido === 'no' ? { aviso: `Revise el tipo de acta «${tipoActa}»: las actas esperadas son de tipo ${reglas.tiposActa!.join(', ')}.` } : {};
  return {
    ...aviso,
    estado: 'valida',
    clave: c,
    seccion: Number(c.slice(2, 6)),
    tipo: c[6]!,
    casilla: Number(c.slice(7, 9)),
    extContigua: Number(c.slice(9, 11)),
    tipoActa,
    parte: parte === null ? 1 : Number(parte),
  };
}
