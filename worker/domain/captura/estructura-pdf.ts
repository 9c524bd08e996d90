/**
 * A PDF acta without active content (ISO 32000): the `%PDF-x.y` header, `%%EOF` as its last non-blank bytes, and
 * no name anywhere that runs code, opens files or embeds them (/JavaScript, /JS, /Launch, /EmbeddedFile, /AA,
 * /RichMedia …, also written with #xx escapes, such as /J#61vaScript), nor encryption, which would hide them.
 * Names are read as a reader reads them: strings and comments are skipped, and so is every stream's data, whose
 * /Length must be right; the data of an object stream (/Type /ObjStm, where PDF 1.5 keeps dictionaries) is
 * inflated and read the same way. A scanned acta needs none of this; the file is never rewritten.
 */
import { Unzlib } from 'fflate';
import { rechazo, type RechazoImagen } from './imagen-rechazo.ts';

/** Names whose presence alone refuses the file (the action types and entries that run or carry something). */
const PROHIBIDOS = new Set([
  'JavaScript', 'JS', 'Launch', 'EmbeddedFile', 'EmbeddedFiles', 'FileAttachment', 'AA', 'RichMedia', 'XFA',
  'SubmitForm', 'ImportData', 'GoToE', 'GoToR',
]);
// Not /OpenAction itself: scanners use it to open at a page and zoom; an OpenAction that runs code names /JS.
/** Stream filters an object stream may use for us to read it: only Flate. */
const OTROS_FILTROS = new Set(['LZWDecode', 'ASCII85Decode', 'ASCIIHexDecode', 'RunLengthDecode', 'CCITTFaxDecode', 'JBIG2Decode', 'DCTDecode', 'JPXDecode', 'Crypt', 'DecodeParms']);
/** What an object stream may inflate to, at most (a bomb is refused, not expanded). */
const INFLADO_MAXIMO = 16 * 1024 * 1024;
const PIEZA = 4096;

const BLANCO = new Set([0x00, 0x09, 0x0a, 0x0c, 0x0d, 0x20]);
const DELIMITADOR = new Set([0x28, 0x29, 0x3c, 0x3e, 0x5b, 0x5d, 0x7b, 0x7d, 0x2f, 0x25]);
const esRegular = (c: number) => !BLANCO.has(c) && !DELIMITADOR.has(c);
const latin1 = new TextDecoder('latin1');
const texto = (b: Uint8Array) => latin1.decode(b);

/** Decodes a name's #xx escapes (PDF 1.2): /J#61vaScript is /JavaScript. */
function nombre(crudo: string): string {
  return crudo.replace(/#([0-9a-fA-F]{2})/g, (_, h: string) => String.fromCharCode(Number.parseInt(h, 16)));
}

/** What the dictionary being read says about the stream that may follow it. */
interface Diccionario {
  tokens: string[];
  largo: number | null;
}

class Lector {
  private i = 0;
  private dic: Diccionario = { tokens: [], largo: null };
  private readonly b: Uint8Array;
  private readonly base: number;
  private readonly resolverLargo: (objeto: number, generacion: number) => number | null;
  constructor(b: Uint8Array, base: number, resolverLargo: (objeto: number, generacion: number) => number | null) {
    this.b = b;
    this.base = base;
    this.resolverLargo = resolverLargo;
  }

  leer(): RechazoImagen | null {
    const b = this.b;
    while (this.i < b.length) {
      const c = b[this.i]!;
      if (c === 0x25) this.saltarHasta((x) => x === 0x0a || x === 0x0d);
      else if (c === 0x28) this.saltarCadena();
      else if (c === 0x3c && b[this.i + 1] === 0x3c) this.i += 2;
      else if (c === 0x3c) this.saltarHasta((x) => x === 0x3e);
      else if (c === 0x2f) {
        const r = this.leerNombre();
        if (r !== null) return r;
      } else if (esRegular(c)) {
        const r = this.leerPalabra();
        if (r !== null) return r;
      } else this.i++;
    }
    return null;
  }

  private saltarHasta(fin: (c: number) => boolean): void {
    while (this.i < this.b.length && !fin(this.b[this.i]!)) this.i++;
    this.i++;
  }

  /** A literal string: balanced parentheses, backslash escapes. */
  private saltarCadena(): void {
    let nivel = 0;
    do {
      const c = this.b[this.i]!;
      if (c === 0x5c) this.i++;
      else if (c === 0x28) nivel++;
      else if (c === 0x29) nivel--;
      this.i++;
    } while (nivel > 0 && this.i < this.b.length);
  }

  private token(): string {
    const inicio = this.i;
    while (this.i < this.b.length && esRegular(this.b[this.i]!)) this.i++;
    return texto(this.b.subarray(inicio, this.i));
  }

  private leerNombre(): RechazoImagen | null {
    const posicion = this.base + this.i;
    this.i++;
    const n = nombre(this.token());
    if (n === 'Encrypt') return rechazo('PDF_CIFRADO', posicion, 'El PDF está cifrado: su contenido no puede revisarse.');
    if (PROHIBIDOS.has(n)) return rechazo('PDF_ACCION_PROHIBIDA', posicion, `El PDF contiene /${n} (contenido activo o archivos incrustados).`);
    this.dic.tokens.push(`/${n}`);
    return null;
  }

  private leerPalabra(): RechazoImagen | null {
    const t = this.token();
    const d = this.dic;
    if (t === 'obj' || t === 'endobj') this.dic = { tokens: [], largo: null };
    else if (t === 'stream') return this.leerFlujo();
    else {
      d.tokens.push(t);
      const [a, n, g, r] = d.tokens.slice(-4);
      if (d.tokens.at(-2) === '/Length' && /^\d+$/.test(t)) d.largo = Number(t);
      else if (a === '/Length' && r === 'R') d.largo = this.resolverLargo(Number(n), Number(g));
    }
    return null;
  }

  /** `stream` EOL, exactly /Length bytes, optional EOL, `endstream`: the data is skipped or, for an object stream, read. */
  private leerFlujo(): RechazoImagen | null {
    const b = this.b;
    const posicion = this.base + this.i;
    if (b[this.i] === 0x0d && b[this.i + 1] === 0x0a) this.i += 2;
    else if (b[this.i] === 0x0a) this.i++;
    else return rechazo('PDF_ESTRUCTURA', posicion, 'Tras «stream» falta el fin de línea.');
    const { largo, tokens } = this.dic;
    const inicio = this.i;
    if (largo === null || inicio + largo > b.length) return rechazo('PDF_ESTRUCTURA', posicion, 'Un flujo no declara una longitud (/Length) válida.');
    let fin = inicio + largo;
    while (fin < b.length && BLANCO.has(b[fin]!)) fin++;
    if (texto(b.subarray(fin, fin + 9)) !== 'endstream') return rechazo('PDF_ESTRUCTURA', posicion, 'La longitud de un flujo (/Length) no lleva a «endstream».');
    this.i = fin + 9;
    this.dic = { tokens: [], largo: null };
    const esObjetos = tokens.some((t, k) => t === '/Type' && tokens[k + 1] === '/ObjStm');
    return esObjetos ? this.leerObjetos(b.subarray(inicio, inicio + largo), tokens, posicion) : null;
  }

  private leerObjetos(datos: Uint8Array, tokens: string[], posicion: number): RechazoImagen | null {
    if (!tokens.includes('/FlateDecode') || tokens.some((t) => OTROS_FILTROS.has(t.slice(1)))) {
      return rechazo('PDF_FLUJO_NO_INSPECCIONABLE', posicion, 'Un flujo de objetos usa un filtro que no se revisa (solo FlateDecode).');
    }
    const plano = inflar(datos);
    if (plano === null) return rechazo('PDF_FLUJO_NO_INSPECCIONABLE', posicion, 'Un flujo de objetos no se puede descomprimir o descomprime a demasiados bytes.');
    return new Lector(plano, posicion, this.resolverLargo).leer();
  }
}

/** zlib data inflated, stopping as soon as it passes INFLADO_MAXIMO (a bomb is not expanded); null: refused. */
function inflar(datos: Uint8Array): Uint8Array | null {
  const partes: Uint8Array[] = [];
  let total = 0;
  const u = new Unzlib((parte) => {
    total += parte.length;
    if (total > INFLADO_MAXIMO) throw new RangeError('demasiado');
    partes.push(parte);
  });
  try {
    // Small input pieces: fflate inflates each push at once, and DEFLATE expands at most ~1032×.
    for (let i = 0; i < datos.length; i += PIEZA) u.push(datos.subarray(i, i + PIEZA), i + PIEZA >= datos.length);
    if (datos.length === 0) u.push(datos, true);
  } catch {
    return null;
  }
  const plano = new Uint8Array(total);
  let k = 0;
  for (const p of partes) {
    plano.set(p, k);
    k += p.length;
  }
  return plano;
}

/** `N G obj <integer> endobj` anywhere in the file: an indirect /Length. */
function resolutor(texto: string): (objeto: number, generacion: number) => number | null {
  return (objeto, generacion) => {
    const m = new RegExp(`(?:^|[^0-9])${objeto}\\s+${generacion}\\s+obj\\s*(\\d+)\\s*endobj`).exec(texto);
    return m === null ? null : Number(m[1]);
  };
}

/** null: a PDF with its header, its end, and no active content. */
export function revisarPdf(b: Uint8Array): RechazoImagen | null {
  const cabecera = texto(b.subarray(0, 8));
  if (!/^%PDF-[12]\.\d$/.test(cabecera)) return rechazo('PDF_ENCABEZADO', 0, 'No empieza con %PDF-1.x ni %PDF-2.x.');
  let fin = b.length;
  while (fin > 0 && BLANCO.has(b[fin - 1]!)) fin--;
  if (texto(b.subarray(Math.max(0, fin - 5), fin)) !== '%%EOF') return rechazo('PDF_SIN_EOF', fin, 'No termina con %%EOF.');
  return new Lector(b, 0, resolutor(texto(b))).leer();
}
