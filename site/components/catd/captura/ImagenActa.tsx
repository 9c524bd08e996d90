/**
 * The acta's current image (GET /api/v1/actas/{clave}/imagen, same origin: the session cookie goes with it) in a
 * scrollable viewer, zoomed with a CSS transform: buttons here, or the + and - keys from any field of the form.
 */
import { useState } from 'preact/hooks';

export const ZOOM_MIN = 1;
export const ZOOM_MAX = 4;
export const PASO_ZOOM = 0.25;

/** A zoom kept within its bounds, to the quarter. */
export function acotarZoom(z: number): number {
  return Math.min(ZOOM_MAX, Math.max(ZOOM_MIN, Math.round(z / PASO_ZOOM) * PASO_ZOOM));
}

const porcentaje = new Intl.NumberFormat('es-MX', { style: 'percent', maximumFractionDigits: 0 });

interface Props {
  clave: string;
  zoom: number;
  cambiarZoom: (delta: number | null) => void;
}

export default function ImagenActa({ clave, zoom, cambiarZoom }: Props) {
  const [fallo, setFallo] = useState(false);
  return (
    <div class="visor-acta">
      <div class="controles-zoom">
        <button type="button" class="secundario" onClick={() => cambiarZoom(PASO_ZOOM)} disabled={zoom >= ZOOM_MAX} aria-keyshortcuts="+">
          Acercar <kbd>+</kbd>
        </button>
        <button type="button" class="secundario" onClick={() => cambiarZoom(-PASO_ZOOM)} disabled={zoom <= ZOOM_MIN} aria-keyshortcuts="-">
          Alejar <kbd>−</kbd>
        </button>
        <button type="button" class="secundario" onClick={() => cambiarZoom(null)} disabled={zoom === ZOOM_MIN}>
          Ajustar
        </button>
        <span class="ayuda" data-zoom={zoom}>
          {porcentaje.format(zoom)}
        </span>
      </div>
      <div class="visor" tabIndex={0} role="region" aria-label={`Imagen del acta ${clave}, desplazable`}>
        {fallo ? (
          <p class="aviso-catd error" role="alert">
            No se pudo cargar la imagen del acta {clave}. Recargue la página; si sigue sin verse, avise a digitalización.
          </p>
        ) : (
          <img
            src={`/api/v1/actas/${encodeURIComponent(clave)}/imagen`}
            alt={`Acta ${clave} digitalizada`}
            style={{ transform: `scale(${zoom})` }}
            onError={() => setFallo(true)}
            data-imagen-acta={clave}
          />
        )}
      </div>
    </div>
  );
}
