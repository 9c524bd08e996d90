/**
 * "Compartir" (issue 15): the phone's own share sheet (Web Share) where the browser has one; elsewhere the page's
 * address is copied to the clipboard and a live region says so. The title is the page's current one, which the
 * view keeps naming the election and territory shown.
 */
import { useState } from 'preact/hooks';

type Estado = 'copiado' | 'fallo' | null;

const MENSAJES: Record<Exclude<Estado, null>, string> = {
  copiado: 'Enlace copiado',
  fallo: 'No se pudo copiar el enlace; cópialo de la barra de direcciones.',
};

async function compartir(): Promise<Estado> {
  const datos = { title: document.title, url: location.href };
  if (typeof navigator.share === 'function') {
    // Closing the share sheet rejects with AbortError: nothing to say then.
    await navigator.share(datos).catch(() => undefined);
    return null;
  }
  try {
    await navigator.clipboard.writeText(datos.url);
    return 'copiado';
  } catch {
    return 'fallo';
  }
}

export default function Compartir() {
  const [estado, setEstado] = useState<Estado>(null);
  return (
    <div class="compartir">
      <button type="button" class="compartir-boton" onClick={() => compartir().then(setEstado)}>
        Compartir
      </button>
      <span role="status" aria-live="polite" class="compartir-aviso">
        {estado ? MENSAJES[estado] : ''}
      </span>
    </div>
  );
}
