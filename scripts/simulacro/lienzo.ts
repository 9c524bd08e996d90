/**
 * A 16-colour canvas stored the way a 4-bit indexed PNG stores its pixels: one filter byte (0, none) then two
 * pixels per byte on every row. Drawing writes straight into that buffer, so an image is encoded by deflating
 * it as it is, and a form drawn once is reused for every acta by copying its buffer.
 */
import { ALTO_GLIFO, AVANCE, glifo } from './fuente.ts';

export class Lienzo {
  readonly ancho: number;
  readonly alto: number;
  /** Bytes per row, the filter byte included. */
  readonly paso: number;
  readonly filas: Uint8Array;

  constructor(ancho: number, alto: number, filas?: Uint8Array) {
    this.ancho = ancho;
    this.alto = alto;
    this.paso = 1 + Math.ceil(ancho / 2);
    this.filas = filas ?? new Uint8Array(this.paso * alto);
  }

  /** An independent copy (the per-acta drawing never touches the shared form). */
  copia(): Lienzo {
    return new Lienzo(this.ancho, this.alto, this.filas.slice());
  }

  /** Makes this canvas a copy of `otro` (same size) without allocating: a scratch canvas reused per acta. */
  copiarDe(otro: Lienzo): void {
    if (otro.filas.length !== this.filas.length) throw new Error('lienzos de distinto tamaño');
    this.filas.set(otro.filas);
  }

  punto(x: number, y: number, color: number): void {
    if (x < 0 || y < 0 || x >= this.ancho || y >= this.alto) return;
    const i = y * this.paso + 1 + (x >> 1);
    const b = this.filas[i]!;
    this.filas[i] = x & 1 ? (b & 0xf0) | color : (b & 0x0f) | (color << 4);
  }

  leer(x: number, y: number): number {
    const b = this.filas[y * this.paso + 1 + (x >> 1)]!;
    return x & 1 ? b & 0x0f : b >> 4;
  }

  rect(x: number, y: number, ancho: number, alto: number, color: number): void {
    for (let j = y; j < y + alto; j++) for (let i = x; i < x + ancho; i++) this.punto(i, j, color);
  }

  /** A frame `grosor` pixels thick inside the rectangle. */
  marco(x: number, y: number, ancho: number, alto: number, color: number, grosor = 1): void {
    this.rect(x, y, ancho, grosor, color);
    this.rect(x, y + alto - grosor, ancho, grosor, color);
    this.rect(x, y, grosor, alto, color);
    this.rect(x + ancho - grosor, y, grosor, alto, color);
  }

  /** Writes `texto` with its capitals' top-left at (x, y), each font pixel a square of `escala`; returns the width. */
  texto(x: number, y: number, texto: string, color: number, escala = 1): number {
    let cx = x;
    for (const c of texto) {
      for (const [gx, gy] of glifo(c)) this.rect(cx + gx * escala, y + gy * escala, escala, escala, color);
      cx += AVANCE * escala;
    }
    return cx - x - escala;
  }
}

/** Height in pixels of a line of capitals written at `escala`. */
export const altoTexto = (escala: number): number => ALTO_GLIFO * escala;
