/**
 * A second look at a JSON text JSON.parse accepted, for what JSON.parse lets through silently: a key repeated in one
 * object (the last one wins, so two readers of the same bytes can see different values), the key "__proto__" (an
 * object built from the parsed value by assignment, as schema validators do, drops it into its prototype instead
 * of keeping it), escaped lone UTF-16 surrogates ("\ud800": not Unicode, no UTF-8 writer can store it as sent), and
 * nesting deeper than any request of the API needs. Keys are compared as decoded ("__pro\u0074o__" is "__proto__").
 * One pass, no recursion (a deeply nested text cannot exhaust the stack).
 */

export type MotivoJson = 'CLAVE_DUPLICADA' | 'CLAVE_PROHIBIDA' | 'SUSTITUTO_SUELTO' | 'DEMASIADO_PROFUNDO';

export interface ProblemaJson {
  motivo: MotivoJson;
  /** Where: the keys and indexes from the root to the object or value at fault (as zod's issue paths). */
  ruta: (string | number)[];
  clave?: string;
}

export const PROFUNDIDAD_MAXIMA = 32;
const CLAVES_PROHIBIDAS = new Set(['__proto__']);
const SUSTITUTO_SUELTO = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

interface Marco {
  objeto: boolean;
  ruta: (string | number)[];
  claves: Set<string>;
  esperaClave: boolean;
  clave: string;
  indice: number;
}

/** Index just past the string token that starts (with its quote) at `i`. */
function finDeCadena(texto: string, i: number): number {
  let j = i + 1;
  // Bounded by the text's end, though a text JSON.parse accepted closes every string.
  while (j < texto.length) {
    const c = texto.charCodeAt(j);
    if (c === 0x5c) j += 2;
    else if (c === 0x22) return j + 1;
    else j += 1;
  }
  return texto.length;
}

const rutaDelValor = (m: Marco | undefined): (string | number)[] =>
  m === undefined ? [] : [...m.ruta, m.objeto ? m.clave : m.indice];

/** The first problem of `texto` (a text JSON.parse accepted), or null. */
export function revisarJson(texto: string, profundidadMaxima = PROFUNDIDAD_MAXIMA): ProblemaJson | null {
  const pila: Marco[] = [];
  for (let i = 0; i < texto.length; ) {
    const c = texto.charCodeAt(i);
    const arriba = pila[pila.length - 1];
    if (c === 0x22) {
      const fin = finDeCadena(texto, i);
      const token = texto.slice(i, fin);
      const decodificada = token.includes('\\') ? (JSON.parse(token) as string) : token.slice(1, -1);
      if (arriba?.objeto && arriba.esperaClave) {
        const problema = revisarClave(arriba, decodificada);
        if (problema !== null) return problema;
      } else if (SUSTITUTO_SUELTO.test(decodificada)) {
        return { motivo: 'SUSTITUTO_SUELTO', ruta: rutaDelValor(arriba) };
      }
      i = fin;
      continue;
    }
    if (c === 0x7b || c === 0x5b) {
      if (pila.length >= profundidadMaxima) return { motivo: 'DEMASIADO_PROFUNDO', ruta: rutaDelValor(arriba) };
      pila.push({ objeto: c === 0x7b, ruta: rutaDelValor(arriba), claves: new Set(), esperaClave: true, clave: '', indice: 0 });
    } else if (c === 0x7d || c === 0x5d) {
      pila.pop();
    } else if (c === 0x2c && arriba !== undefined) {
      if (arriba.objeto) arriba.esperaClave = true;
      else arriba.indice += 1;
    }
    i += 1;
  }
  return null;
}

function revisarClave(m: Marco, clave: string): ProblemaJson | null {
  if (SUSTITUTO_SUELTO.test(clave)) return { motivo: 'SUSTITUTO_SUELTO', ruta: m.ruta, clave };
  if (CLAVES_PROHIBIDAS.has(clave)) return { motivo: 'CLAVE_PROHIBIDA', ruta: m.ruta, clave };
  if (m.claves.has(clave)) return { motivo: 'CLAVE_DUPLICADA', ruta: m.ruta, clave };
  m.claves.add(clave);
  m.clave = clave;
  m.esperaClave = false;
  return null;
}
