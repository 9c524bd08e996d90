/**
 * A corte's CDF export as the object it publishes: its bytes (compact JSON, UTF-8) at `rutaCdf`, addressed by
 * their SHA-256 like the open data beside it. Every corte publishes the entidad, distritos and municipios
 * (`summary-contest`); the final corte adds the secciones (`precinct-level`). Measured on the synthetic Jalisco
 * night (3,785 secciones): 0.72 MB (44 KB gzip) in 7 ms of CPU without secciones, 5.6 MB (329 KB gzip) in ~130 ms
 * with them, plus its SHA-256 and Brotli copy: every few minutes that would add about a third to a corte, once
 * it is worth it. The secciones' figures of any corte are in its open-data CSVs and sección shards.
 */
import { rutaCdf, type ArchivoRef, type Entorno } from '../contrato/index.ts';
import { sha256Hex, utf8 } from '../corte/bytes.ts';
import type { EstadoCorte } from '../corte/estado.ts';
import { reporteCdf } from './cdf.ts';

export async function cdfPublicable(estado: EstadoCorte, instante: number, final: boolean, entorno: Entorno): Promise<ArchivoRef & { contenido: Uint8Array }> {
  const contenido = utf8(JSON.stringify(reporteCdf(estado, { instante, final, entorno, conSecciones: final })));
  const sha256 = await sha256Hex(contenido);
  return { ruta: rutaCdf(estado.modelo.entidad.id, sha256), sha256, bytes: contenido.length, contenido };
}
