/**
 * The placeholder image a replay uploads for each acta: a small grayscale PNG that says, in pixels and in its
 * text chunks, that it is NOT the acta — "IMAGEN DE REEMPLAZO — REPLAY" — with the acta's key and where its
 * figures came from. Its SHA-256 becomes the published CODIGO_INTEGRIDAD, so every acta gets its own bytes (the
 * key is drawn and written in the metadata). Deterministic: the same lines give the same bytes. Pure (no I/O).
 */
import { deflateSync } from 'node:zlib';
import { strToU8 } from 'fflate';

export const MARCA_REEMPLAZO = 'IMAGEN DE REEMPLAZO — REPLAY';

export interface DatosImagen {
  /** CLAVE_ACTA, or the FC-<n> key of a fuera de catálogo registration. */
  clave: string;
  /** Where the figures came from: `archivo:línea`. */
  origen: string;
  /** CODIGO_INTEGRIDAD the file published for this acta (the real image's SHA-256), if any. */
  codigoArchivo: string | null;
}

/** 5×7 glyphs, one 5-bit row per number (MSB on the left). */
const GLIFOS: Record<string, readonly number[]> = {
  A: [14, 17, 17, 31, 17, 17, 17], B: [30, 17, 17, 30, 17, 17, 30], C: [14, 17, 16, 16, 16, 17, 14],
  D: [28, 18, 17, 17, 17, 18, 28], E: [31, 16, 16, 30, 16, 16, 31], F: [31, 16, 16, 30, 16, 16, 16],
  G: [14, 17, 16, 23, 17, 17, 15], H: [17, 17, 17, 31, 17, 17, 17], I: [14, 4, 4, 4, 4, 4, 14],
  J: [7, 2, 2, 2, 2, 18, 12], K: [17, 18, 20, 24, 20, 18, 17], L: [16, 16, 16, 16, 16, 16, 31],
  M: [17, 27, 21, 21, 17, 17, 17], N: [17, 17, 25, 21, 19, 17, 17], O: [14, 17, 17, 17, 17, 17, 14],
  P: [30, 17, 17, 30, 16, 16, 16], Q: [14, 17, 17, 17, 21, 18, 13], R: [30, 17, 17, 30, 20, 18, 17],
  S: [15, 16, 16, 14, 1, 1, 30], T: [31, 4, 4, 4, 4, 4, 4], U: [17, 17, 17, 17, 17, 17, 14],
  V: [17, 17, 17, 17, 17, 10, 4], W: [17, 17, 17, 21, 21, 21, 10], X: [17, 17, 10, 4, 10, 17, 17],
  Y: [17, 17, 17, 10, 4, 4, 4], Z: [31, 1, 2, 4, 8, 16, 31],
  '0': [14, 17, 19, 21, 25, 17, 14], '1': [4, 12, 4, 4, 4, 4, 14], '2': [14, 17, 1, 2, 4, 8, 31],
  '3': [31, 2, 4, 2, 1, 17, 14], '4': [2, 6, 10, 18, 31, 2, 2], '5': [31, 16, 30, 1, 1, 17, 14],
  '6': [6, 8, 16, 30, 17, 17, 14], '7': [31, 1, 2, 4, 8, 8, 8], '8': [14, 17, 17, 14, 17, 17, 14],
  '9': [14, 17, 17, 15, 1, 2, 12],
  '-': [0, 0, 0, 31, 0, 0, 0], ':': [0, 12, 12, 0, 12, 12, 0], '.': [0, 0, 0, 0, 0, 12, 12],
  '/': [0, 1, 2, 4, 8, 16, 0], '_': [0, 0, 0, 0, 0, 0, 31], ' ': [0, 0, 0, 0, 0, 0, 0],
};

const ANCHO = 460;
const ALTO = 168;
const FONDO = 0xf2;
const TINTA = 0x10;

/** Text as drawable glyphs: accents folded, lower case raised, anything else a space. */
function glifos(texto: string): string {
  return texto
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toUpperCase()
    .replace(/—/g, '-')
    .split('')
    .map((c) => (GLIFOS[c] ? c : ' '))
    .join('');
}

function dibujarTexto(px: Uint8Array, texto: string, x0: number, y0: number, escala: number): void {
  let x = x0;
  for (const c of glifos(texto)) {
    const g = GLIFOS[c]!;
    for (let fila = 0; fila < 7; fila++) {
      for (let col = 0; col < 5; col++) {
        if (((g[fila]! >> (4 - col)) & 1) === 0) continue;
        for (let dy = 0; dy < escala; dy++) {
          for (let dx = 0; dx < escala; dx++) {
            const xx = x + col * escala + dx;
            const yy = y0 + fila * escala + dy;
            if (xx >= 0 && xx < ANCHO && yy >= 0 && yy < ALTO) px[yy * ANCHO + xx] = TINTA;
          }
        }
      }
    }
    x += 6 * escala;
  }
}

/** Pixels: a hatched border (a placeholder, at a glance) and four lines of text. */
function pixeles(d: DatosImagen): Uint8Array {
  const px = new Uint8Array(ANCHO * ALTO).fill(FONDO);
  const borde = 10;
  for (let y = 0; y < ALTO; y++) {
    for (let x = 0; x < ANCHO; x++) {
      const enBorde = x < borde || y < borde || x >= ANCHO - borde || y >= ALTO - borde;
      if (enBorde && ((x + y) >> 3) % 2 === 0) px[y * ANCHO + x] = TINTA;
    }
  }
  dibujarTexto(px, 'IMAGEN DE REEMPLAZO', 20, 22, 3);
  dibujarTexto(px, 'REPLAY - NO ES EL ACTA', 20, 54, 3);
  dibujarTexto(px, d.clave, 20, 92, 3);
  dibujarTexto(px, d.origen.slice(-68), 20, 128, 1);
  dibujarTexto(px, 'NPM RUN REPLAY', 20, 142, 1);
  return px;
}

// ---- PNG encoding --------------------------------------------------------------------------------------------

const TABLA_CRC = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

/** CRC-32 (ISO 3309), as PNG chunks use it. */
export function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of bytes) c = TABLA_CRC[(c ^ b) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function u32(n: number): Uint8Array {
  return new Uint8Array([(n >>> 24) & 0xff, (n >>> 16) & 0xff, (n >>> 8) & 0xff, n & 0xff]);
}

function unir(partes: readonly Uint8Array[]): Uint8Array {
  const unido = new Uint8Array(partes.reduce((s, p) => s + p.length, 0));
  let i = 0;
  for (const p of partes) {
    unido.set(p, i);
    i += p.length;
  }
  return unido;
}

function bloquePng(tipo: string, datos: Uint8Array): Uint8Array {
  const cuerpo = unir([strToU8(tipo), datos]);
  return unir([u32(datos.length), cuerpo, u32(crc32(cuerpo))]);
}

/** Latin-1 bytes of ASCII text (tEXt chunks are Latin-1; only ASCII is written there). */
function ascii(texto: string): Uint8Array {
  return new Uint8Array([...glifosAscii(texto)].map((c) => c.charCodeAt(0)));
}

function glifosAscii(texto: string): string {
  return texto
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/—/g, '-')
    .replace(/[^\x20-\x7e]/g, '?');
}

/** tEXt: ASCII keyword and text. */
function texto(clave: string, valor: string): Uint8Array {
  return bloquePng('tEXt', unir([ascii(clave), new Uint8Array([0]), ascii(valor)]));
}

/** iTXt: the same in UTF-8 (keeps the accents and the dash). */
function textoUtf8(clave: string, valor: string): Uint8Array {
  return bloquePng('iTXt', unir([ascii(clave), new Uint8Array([0, 0, 0, 0, 0]), strToU8(valor)]));
}

const FIRMA = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** The placeholder PNG of one acta. */
export function imagenReemplazo(d: DatosImagen): Uint8Array {
  const px = pixeles(d);
  // Scanlines with filter byte 0 (none).
  const crudo = new Uint8Array((ANCHO + 1) * ALTO);
  for (let y = 0; y < ALTO; y++) crudo.set(px.subarray(y * ANCHO, (y + 1) * ANCHO), y * (ANCHO + 1) + 1);
  const ihdr = unir([u32(ANCHO), u32(ALTO), new Uint8Array([8, 0, 0, 0, 0])]);
  const descripcion =
    `No es la imagen del acta ${d.clave}: es una imagen de reemplazo generada por «npm run replay» al reproducir una base de datos ` +
    `del PREP publicada (${d.origen}).` +
    (d.codigoArchivo ? ` El CODIGO_INTEGRIDAD que el archivo publicó para el acta es ${d.codigoArchivo}.` : '');
  return unir([
    FIRMA,
    bloquePng('IHDR', ihdr),
    texto('Title', MARCA_REEMPLAZO),
    textoUtf8('Title', MARCA_REEMPLAZO),
    texto('Description', descripcion),
    textoUtf8('Description', descripcion),
    texto('Software', 'prep-edge npm run replay'),
    // Native zlib at its default level: ~2 KB like fflate's level 9, at a tenth of the CPU (one image per acta).
    bloquePng('IDAT', new Uint8Array(deflateSync(crudo))),
    bloquePng('IEND', new Uint8Array(0)),
  ]);
}

export const DIMENSIONES_REEMPLAZO = { ancho: ANCHO, alto: ALTO } as const;
