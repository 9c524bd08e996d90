/**
 * The institute's notice (`datos/aviso.json`, contract: worker/domain/contrato/aviso.ts) on every portal page:
 * read on load and every minute (a 304 while unchanged), shown in a bar fixed to the bottom of the window so
 * that it never moves the page under the reader's finger, and removed when the institute withdraws it.
 */
import { RUTA_AVISO, type Aviso } from '../../worker/domain/contrato/index.ts';

const CADA_MS = 60_000;
const hora = new Intl.DateTimeFormat('es-MX', { hour: '2-digit', minute: '2-digit' });

function esAviso(x: unknown): x is Aviso {
  const a = x as Partial<Aviso> | null;
  return a?.tipo === 'aviso' && (a.texto === null || typeof a.texto === 'string') && typeof a.instante === 'number';
}

/** Puts `aviso` into the bar (or hides the bar); text only, never markup. */
export function mostrarAviso(barra: HTMLElement, aviso: Aviso): void {
  if (aviso.texto === null) {
    barra.hidden = true;
    document.body.style.paddingBottom = '';
    return;
  }
  barra.dataset.nivel = aviso.nivel;
  barra.querySelector('[data-aviso-texto]')!.textContent = aviso.texto;
  const cuando = barra.querySelector<HTMLTimeElement>('[data-aviso-hora]')!;
  cuando.dateTime = new Date(aviso.instante).toISOString();
  cuando.textContent = hora.format(aviso.instante);
  barra.hidden = false;
  // The end of the page stays readable above the bar (padding at the bottom moves nothing on screen).
  document.body.style.paddingBottom = `${barra.offsetHeight}px`;
}

async function leer(barra: HTMLElement): Promise<void> {
  try {
    const r = await fetch(`/${RUTA_AVISO}`, { cache: 'no-cache', headers: { accept: 'application/json' } });
    if (!r.ok) return;
    const json: unknown = await r.json();
    if (esAviso(json)) mostrarAviso(barra, json);
  } catch {
    // Without a connection the last notice shown stays; the next minute tries again.
  }
}

export function vigilarAviso(barra: HTMLElement): void {
  void leer(barra);
  setInterval(() => void leer(barra), CADA_MS);
}
