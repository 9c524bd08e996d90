/**
 * The workstation's home once signed in: who is signed in (name, id, CATD, roles), when the session ends, the
 * sign-out button, and the operator's work queues (how many actas wait at each of its steps and since when the
 * oldest one waits), read again every 30 s. Any 401 on the way leaves for the sign-in form, saying why; the
 * session is also re-checked the moment it expires.
 */
import { useEffect, useState } from 'preact/hooks';
import { ErrorCatd } from '../../lib/catd/api.ts';
import { leerColas, type ResumenCola } from '../../lib/catd/colas.ts';
import { mensajeDeError } from '../../lib/catd/mensajes.ts';
import { ENTRAR } from '../../lib/catd/navegacion.ts';
import { salir, sesionRequerida } from '../../lib/catd/sesion.ts';
import type { Sesion } from '../../lib/catd/tipos.ts';
import Colas from './Colas.tsx';
import Operador from './Operador.tsx';

const CADA_MS = 30_000;

/** A 401 has already sent the page away: nothing to show for it. */
const mensaje = (e: unknown) => (e instanceof ErrorCatd && e.status === 401 ? null : mensajeDeError(e));

function useColas(sesion: Sesion | null) {
  const [colas, setColas] = useState<ResumenCola[] | null>(null);
  const [leidasEn, setLeidasEn] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const leer = async (s: Sesion) => {
    try {
      setColas(await leerColas(s.operador));
      setLeidasEn(Date.now());
      setError(null);
    } catch (e) {
      setError(mensaje(e));
    }
  };
  useEffect(() => {
    if (sesion === null) return;
    void leer(sesion);
    const visible = () => document.visibilityState === 'visible';
    const t = setInterval(() => visible() && void leer(sesion), CADA_MS);
    // Back to this tab after a while: read at once rather than show stale counts until the next tick.
    const alVolver = () => visible() && void leer(sesion);
    document.addEventListener('visibilitychange', alVolver);
    // The moment the session ends, ask again: the answer is a 401 that takes the operator to the form.
    const fin = setTimeout(() => void sesionRequerida().catch(() => {}), Math.max(0, sesion.expiraAt - Date.now()) + 1000);
    return () => {
      clearInterval(t);
      clearTimeout(fin);
      document.removeEventListener('visibilitychange', alVolver);
    };
  }, [sesion]);
  return { colas, leidasEn, error, actualizar: () => sesion && leer(sesion) };
}

export default function InicioCatd() {
  const [sesion, setSesion] = useState<Sesion | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [saliendo, setSaliendo] = useState(false);
  const colas = useColas(sesion);

  useEffect(() => {
    const comprobar = () =>
      sesionRequerida()
        .then(setSesion)
        .catch((e) => setError(mensaje(e)));
    void comprobar();
    // Restored from the back-forward cache (Back after signing out on a shared desk): ask the server again, so a
    // closed session is not shown as if it were open.
    const alMostrar = (e: PageTransitionEvent) => e.persisted && void comprobar();
    addEventListener('pageshow', alMostrar);
    return () => removeEventListener('pageshow', alMostrar);
  }, []);

  async function cerrar() {
    setSaliendo(true);
    try {
      await salir();
      location.replace(`${ENTRAR}?motivo=CERRADA`);
    } catch (e) {
      // Already gone server-side: signed out all the same.
      if (e instanceof ErrorCatd && e.status === 401) location.replace(`${ENTRAR}?motivo=CERRADA`);
      else setError(mensajeDeError(e));
      setSaliendo(false);
    }
  }

  if (sesion === null) {
    return (
      <div class="aviso-catd" role={error ? 'alert' : 'status'} data-aviso={error ? 'error' : undefined}>
        {error ?? 'Comprobando su sesión…'}
      </div>
    );
  }
  return (
    <div data-sesion={sesion.operador.id}>
      <Operador sesion={sesion} />
      <p>
        <button type="button" class="secundario" onClick={cerrar} disabled={saliendo}>
          {saliendo ? 'Cerrando sesión…' : 'Cerrar sesión'}
        </button>
      </p>
      {error ? (
        <div class="aviso-catd error" role="alert">
          {error}
        </div>
      ) : null}
      <Colas {...colas} />
    </div>
  );
}
