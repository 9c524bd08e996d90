/**
 * The banner of a `pruebas` publication: the portal's bytes are the same in `pruebas` and `produccion` (the build
 * rehearsed in a simulacro is the one deployed for the night, docs/CONTROL-DE-CAMBIOS.md), so whether a page
 * says SIMULACRO is read at run time from the `latest` pointer the portal polls anyway (the same poller, no
 * request of its own), which names its environment. Hidden until the pointer says `pruebas`: a production page never flashes the word.
 */
import { VERSION_SHARDS } from '../../worker/domain/contrato/index.ts';
import { sondeo } from './publicacion.ts';

/** The legend to show for a pointer, or null (production, or not a pointer of this version). */
export function leyendaDePuntero(json: unknown): string | null {
  if (typeof json !== 'object' || json === null) return null;
  const p = json as { tipo?: unknown; version?: unknown; entorno?: unknown; simulacro?: unknown };
  if (p.tipo !== 'puntero' || p.version !== VERSION_SHARDS || p.entorno === 'produccion') return null;
  return typeof p.simulacro === 'string' && p.simulacro !== '' ? p.simulacro : 'SIMULACRO / PRUEBA';
}

/**
 * Shows `banda` with the legend while the published pointer is a simulacro's, hides it otherwise. It listens to
 * the portal's own poller of `latest` (one request for the page's views and the banner alike).
 */
export function vigilarSimulacro(banda: HTMLElement): () => void {
  return sondeo.suscribir((estado) => {
    const leyenda = estado.puntero === null ? null : leyendaDePuntero(estado.puntero);
    const texto = banda.querySelector('[data-simulacro-texto]');
    if (texto && leyenda !== null) texto.textContent = leyenda;
    banda.hidden = leyenda === null;
  });
}
