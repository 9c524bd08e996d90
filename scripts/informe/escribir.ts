/**
 * `escribirInforme`: reads the local D1 and R2 of a night, computes the report and writes its HTML and its PDF.
 * The one entry point for the command line (scripts/informe.ts) and for whoever ends a simulacro with the report.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { persistDe } from '../lib/d1-local.ts';
import { calcularInforme } from './calculo.ts';
import { leerDesde } from './desde.ts';
import { htmlInforme } from './html.ts';
import { leerDatos } from './lectura.ts';
import { capturaPng, imprimirPdf } from './navegador.ts';
import { abrirR2Local } from './r2-local.ts';
import type { Informe } from './tipos.ts';

export interface OpcionesInforme {
  /** The local state (D1 and R2) to read; default: the project's (.state/wrangler). */
  persistTo?: string;
  /** The HTML file to write; the PDF goes beside it with the extension .pdf. */
  salida: string;
  /**
   * Only what happened from this instant on: epoch ms, or text as `--desde` takes it (scripts/informe/desde.ts,
   * local time of the entidad). The reconciliation always covers the whole night.
   */
  desde?: number | string | null;
  /** Also print the PDF (default true). */
  pdf?: boolean;
  /** Also a PNG of the report's first screen here (the README's picture). */
  png?: string;
  /** Default: now. */
  generadoEn?: number;
}

export interface InformeEscrito {
  informe: Informe;
  html: string;
  pdf: string | null;
}

/** Where the PDF of an HTML report goes: `informe.html` → `informe.pdf`. */
export const rutaPdf = (salida: string): string => `${salida.replace(/\.html?$/i, '')}.pdf`;

export async function escribirInforme(o: OpcionesInforme): Promise<InformeEscrito> {
  const persistTo = persistDe(o.persistTo);
  const r2 = abrirR2Local(persistTo);
  const datos = await leerDatos(persistTo, r2).finally(() => r2.cerrar());
  const desde = typeof o.desde === 'string' ? leerDesde(o.desde, datos.entidad.utcOffsetMinutes) : (o.desde ?? null);
  if (desde !== null && typeof desde === 'object') throw new Error(desde.error);
  const informe = calcularInforme(datos, { desde });
  const html = htmlInforme(informe, { generadoEn: o.generadoEn ?? Date.now(), origen: `${path.basename(path.dirname(persistTo))}/${path.basename(persistTo)}` });
  mkdirSync(path.dirname(path.resolve(o.salida)), { recursive: true });
  writeFileSync(o.salida, html);
  let pdf: string | null = null;
  if (o.pdf ?? true) {
    pdf = rutaPdf(o.salida);
    writeFileSync(pdf, await imprimirPdf(html));
  }
  if (o.png) writeFileSync(o.png, await capturaPng(html));
  return { informe, html: o.salida, pdf };
}
