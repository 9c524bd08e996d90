/**
 * Reads a QR code from a camera frame: with the browser's BarcodeDetector where it really supports QR
 * (getSupportedFormats() includes 'qr_code'; Chrome on Linux exposes the API without formats), else with the small
 * pure-JS decoder of the `qr` package, loaded only when the camera is opened on this screen.
 */
export type LectorQr = (fuente: HTMLCanvasElement) => Promise<string | null>;

interface Detector {
  detect(fuente: CanvasImageSource): Promise<{ rawValue: string }[]>;
}
interface ClaseDetector {
  new (o: { formats: string[] }): Detector;
  getSupportedFormats(): Promise<string[]>;
}

async function nativo(): Promise<LectorQr | null> {
  const Clase = (globalThis as { BarcodeDetector?: ClaseDetector }).BarcodeDetector;
  if (Clase === undefined) return null;
  try {
    if (!(await Clase.getSupportedFormats()).includes('qr_code')) return null;
    const d = new Clase({ formats: ['qr_code'] });
    return async (c) => (await d.detect(c))[0]?.rawValue ?? null;
  } catch {
    return null;
  }
}

async function javascript(): Promise<LectorQr> {
  const { decodeQR } = await import('qr/decode.js');
  return async (c) => {
    const ctx = c.getContext('2d', { willReadFrequently: true });
    if (ctx === null) return null;
    const img = ctx.getImageData(0, 0, c.width, c.height);
    try {
      return decodeQR({ width: img.width, height: img.height, data: img.data });
    } catch {
      // No QR in this frame (or not yet in focus): the next frame is tried.
      return null;
    }
  };
}

/** The reader and which one it is (shown to the operator, and checked by the tests). */
export async function crearLector(): Promise<{ leer: LectorQr; motor: 'nativo' | 'javascript' }> {
  const n = await nativo();
  return n ? { leer: n, motor: 'nativo' } : { leer: await javascript(), motor: 'javascript' };
}
