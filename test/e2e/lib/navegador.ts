/**
 * Debian's Chromium driven by playwright-core (which never downloads a browser), plus the checks every view
 * gets: axe-core finds no violations, and screenshots at phone and desktop sizes kept under test-results/.
 */
import AxeBuilder from '@axe-core/playwright';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { RAIZ } from '../../../scripts/lib/local.ts';

export const CHROMIUM = process.env.PREP_CHROMIUM ?? '/usr/bin/chromium';
export const CAPTURAS = path.join(RAIZ, 'test-results', 'e2e');

export const TAMANOS = {
  movil: { width: 360, height: 740 },
  escritorio: { width: 1280, height: 800 },
} as const;

export function abrirNavegador(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

/** What the browser refused under the pages' Content-Security-Policy, per context (the console says so). */
const refusadoPorCsp = new WeakMap<BrowserContext, string[]>();

/** A page in its own context (axe-core needs pages created from a context), phone-sized by default, es-MX. */
export async function nuevaPagina(
  navegador: Browser,
  opciones: { acceptDownloads?: boolean; javaScriptEnabled?: boolean } = {},
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await navegador.newContext({
    viewport: TAMANOS.movil,
    locale: 'es-MX',
    acceptDownloads: opciones.acceptDownloads ?? false,
    javaScriptEnabled: opciones.javaScriptEnabled ?? true,
  });
  const refusado: string[] = [];
  refusadoPorCsp.set(context, refusado);
  context.on('console', (m) => {
    if (/Content Security Policy/i.test(m.text())) refusado.push(`CSP: ${m.text()}`);
  });
  return { context, page: await context.newPage() };
}

/**
 * axe-core over the whole page (WCAG 2.x A/AA rules and best practices); returns the violations, readable, and
 * whatever the page's security headers made the browser refuse so far (a script, style or fetch the CSP blocks).
 */
export async function violacionesAxe(page: Page): Promise<string[]> {
  const r = await new AxeBuilder({ page }).analyze();
  return [
    ...r.violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).slice(0, 5).join(' | ')}`),
    ...(refusadoPorCsp.get(page.context()) ?? []),
  ];
}

/** Full-page screenshots of the current page at 360×740 and 1280×800: test-results/e2e/<nombre>-<tamaño>.png */
export async function capturar(page: Page, nombre: string): Promise<string[]> {
  mkdirSync(CAPTURAS, { recursive: true });
  const previo = page.viewportSize();
  const archivos: string[] = [];
  for (const [tamano, vp] of Object.entries(TAMANOS)) {
    await page.setViewportSize(vp);
    const archivo = path.join(CAPTURAS, `${nombre}-${tamano}-${vp.width}x${vp.height}.png`);
    await page.screenshot({ path: archivo, fullPage: true });
    archivos.push(archivo);
  }
  if (previo) await page.setViewportSize(previo);
  return archivos;
}

/** Page width exceeding the viewport means horizontal scrolling at that size (a table may scroll inside itself). */
export async function desbordaHorizontal(page: Page): Promise<boolean> {
  return page.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth + 1);
}
