/**
 * The console's state, read again every few seconds while the tab is visible (and at once on coming back to it).
 * A failed read keeps the last figures on screen and says so: the table never empties or flashes.
 */
import { useEffect, useState } from 'preact/hooks';
import { ErrorCatd } from '../catd/api.ts';
import { mensajeDeError } from '../catd/mensajes.ts';
import { leerEstadoConsola } from './estado.ts';
import type { EstadoConsola } from './tipos.ts';

export const CADA_MS = 5_000;

export interface LecturaConsola {
  estado: EstadoConsola | null;
  error: string | null;
  /** The API refused this operator (not admin/observador of the institute). */
  sinAcceso: boolean;
}

export function useEstadoConsola(activo: boolean): LecturaConsola {
  const [lectura, setLectura] = useState<LecturaConsola>({ estado: null, error: null, sinAcceso: false });
  useEffect(() => {
    if (!activo) return;
    let vigente = true;
    let enCurso = false;
    const leer = async () => {
      if (enCurso) return;
      enCurso = true;
      try {
        const estado = await leerEstadoConsola(location.search);
        if (vigente) setLectura({ estado, error: null, sinAcceso: false });
      } catch (e) {
        // A 401 has already sent the page to the sign-in form.
        if (!vigente || (e instanceof ErrorCatd && e.status === 401)) return;
        const sinAcceso = e instanceof ErrorCatd && e.status === 403;
        setLectura((l) => ({ ...l, error: mensajeDeError(e), sinAcceso }));
      } finally {
        enCurso = false;
      }
    };
    void leer();
    const visible = () => document.visibilityState === 'visible';
    const t = setInterval(() => visible() && void leer(), CADA_MS);
    const alVolver = () => visible() && void leer();
    document.addEventListener('visibilitychange', alVolver);
    return () => {
      vigente = false;
      clearInterval(t);
      document.removeEventListener('visibilitychange', alVolver);
    };
  }, [activo]);
  return lectura;
}
