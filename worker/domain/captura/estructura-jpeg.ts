/**
 * A JPEG's whole structure, walked marker by marker (ITU T.81 B.1): SOI, segments whose lengths fit the file, a
 * frame (SOFn) before the first scan, the entropy-coded data of each scan (stuffed 0xFF00 and RSTn inside), EOI.
 * After EOI only zero padding or further complete JPEGs (the extra pictures of a phone's MPF file) may follow: a
 * JPEG header followed by anything else (`<html><script>…`) is refused. Nothing is decoded or re-encoded.
 */
import { err, ok, type Result } from '../resultado.ts';
import { rechazo, type RechazoImagen } from './imagen-rechazo.ts';

const EOI = 0xd9;
const SOS = 0xda;

/** SOF0–SOF15 except DHT (C4), JPG (C8) and DAC (CC). */
const esSof = (m: number) => m >= 0xc0 && m <= 0xcf && m !== 0xc4 && m !== 0xc8 && m !== 0xcc;
/** Markers without a length: RST0–RST7 and TEM. */
const sinLongitud = (m: number) => (m >= 0xd0 && m <= 0xd7) || m === 0x01;

/** From just after an SOS header to the next marker that ends the scan (stuffed bytes and RSTn stay inside). */
function finDeEntropia(b: Uint8Array, i: number): number {
  while (i < b.length - 1) {
    if (b[i] !== 0xff) {
      i++;
      continue;
    }
    const siguiente = b[i + 1]!;
    if (siguiente === 0x00 || (siguiente >= 0xd0 && siguiente <= 0xd7)) i += 2;
    else return i;
  }
  return b.length;
}

/** One JPEG from `inicio`: where its EOI ends. */
function recorrer(b: Uint8Array, inicio: number): Result<number, RechazoImagen> {
  if (b[inicio] !== 0xff || b[inicio + 1] !== 0xd8) return err(rechazo('JPEG_ESTRUCTURA', inicio, 'No empieza con SOI (FFD8).'));
  let i = inicio + 2;
  let marco = false;
  let barrido = false;
  for (;;) {
    if (i >= b.length) return err(rechazo('JPEG_TRUNCADO', i, 'El archivo termina antes de EOI.'));
    if (b[i] !== 0xff) return err(rechazo('JPEG_ESTRUCTURA', i, 'Se esperaba un marcador (FF).'));
    while (i < b.length && b[i] === 0xff) i++;
    if (i >= b.length) return err(rechazo('JPEG_TRUNCADO', i, 'El archivo termina antes de EOI.'));
    const m = b[i++]!;
    if (m === EOI) return marco && barrido ? ok(i) : err(rechazo('JPEG_SIN_IMAGEN', i - 2, 'Termina sin marco (SOF) ni barrido (SOS).'));
    if (m === 0x00 || m === 0xd8) return err(rechazo('JPEG_ESTRUCTURA', i - 2, `Marcador FF${m.toString(16).padStart(2, '0').toUpperCase()} fuera de lugar.`));
    if (sinLongitud(m)) continue;
    if (i + 2 > b.length) return err(rechazo('JPEG_TRUNCADO', i, 'El archivo termina dentro de un segmento.'));
    const largo = (b[i]! << 8) | b[i + 1]!;
    if (largo < 2) return err(rechazo('JPEG_ESTRUCTURA', i, 'Segmento con longitud menor que 2.'));
    if (i + largo > b.length) return err(rechazo('JPEG_TRUNCADO', i, 'Un segmento declara más bytes de los que tiene el archivo.'));
    if (esSof(m)) marco = true;
    i += largo;
    if (m === SOS) {
      if (!marco) return err(rechazo('JPEG_ESTRUCTURA', i - largo - 2, 'Barrido (SOS) antes del marco (SOF).'));
      barrido = true;
      i = finDeEntropia(b, i);
    }
  }
}

/** null: a clean JPEG (one picture, or several back to back, with at most zero padding after the last). */
export function revisarJpeg(b: Uint8Array): RechazoImagen | null {
  const primero = recorrer(b, 0);
  if (!primero.ok) return primero.error;
  let i = primero.value;
  while (i < b.length) {
    if (b[i] === 0x00) {
      i++;
      continue;
    }
    if (b[i] !== 0xff || b[i + 1] !== 0xd8) return rechazo('JPEG_DATOS_TRAS_EOI', i, 'Hay bytes después del fin de la imagen (EOI).');
    const otro = recorrer(b, i);
    if (!otro.ok) return rechazo('JPEG_DATOS_TRAS_EOI', otro.error.posicion, `Tras EOI sigue algo que no es una imagen JPEG completa: ${otro.error.detalle}`);
    i = otro.value;
  }
  return null;
}
