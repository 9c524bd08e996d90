/**
 * The session a work screen needs: read once (a 401 leaves for the sign-in form, saying why), with a Spanish
 * message when the operator lacks the screen's role. Shared by the acopio and digitalización screens.
 */
import { useEffect, useState } from 'preact/hooks';
import { ErrorCatd } from '../../../lib/catd/api.ts';
import { mensajeDeError } from '../../../lib/catd/mensajes.ts';
import { NOMBRE_ROL } from '../../../lib/catd/roles.ts';
import { sesionRequerida } from '../../../lib/catd/sesion.ts';
import type { Rol, Sesion } from '../../../lib/catd/tipos.ts';

export function useSesionDeRol(rol: Rol): { sesion: Sesion | null; error: string | null } {
  const [sesion, setSesion] = useState<Sesion | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    sesionRequerida()
      .then((s) => {
        if (s.operador.roles.includes(rol)) setSesion(s);
        else setError(`El operador ${s.operador.id} no tiene el rol de ${NOMBRE_ROL[rol]}: esta pantalla no es para su puesto.`);
      })
      // A 401 has already sent the page to the sign-in form.
      .catch((e) => setError(e instanceof ErrorCatd && e.status === 401 ? null : mensajeDeError(e)));
  }, [rol]);
  return { sesion, error };
}
