/**
 * What Chromium does with the report: print it to PDF, and take a picture of its first screen (for the README).
 * playwright-core drives Debian's Chromium (it never downloads a browser). Offline: the document makes no
 * request, and any attempt is aborted.
 */
import { chromium, type Page } from 'playwright-core';

export const CHROMIUM = process.env.PREP_CHROMIUM ?? '/usr/bin/chromium';

async function conPagina<T>(html: string, viewport: { width: number; height: number }, f: (p: Page) => Promise<T>): Promise<T> {
  const navegador = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
  try {
    const pagina = await navegador.newPage({ locale: 'es-MX', viewport });
    await pagina.route('**/*', (r) => r.abort());
    await pagina.setContent(html, { waitUntil: 'load' });
    return await f(pagina);
  } finally {
    await navegador.close();
  }
}

export function imprimirPdf(html: string): Promise<Uint8Array> {
  return conPagina(html, { width: 1000, height: 1400 }, (p) =>
    p.pdf({ format: 'A4', printBackground: true, margin: { top: '14mm', bottom: '14mm', left: '12mm', right: '12mm' } }),
  );
}

/** A PNG of the first `alto` pixels of the report at `ancho` pixels wide. */
export function capturaPng(html: string, ancho = 1000, alto = 1300): Promise<Uint8Array> {
  return conPagina(html, { width: ancho, height: alto }, (p) => p.screenshot({ type: 'png' }));
}
