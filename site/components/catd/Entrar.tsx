/**
 * The sign-in form: operator id and access key, labelled and with the autocomplete names a password manager
 * looks for. The key goes only in the POST body; the session cookie that comes back is HttpOnly. Until this
 * island runs, the submit button is disabled, so pressing Enter early can never send the form the browser's way
 * (which could put the key in a URL). Errors are the API's, said in Spanish, in an alert region; the focus goes
 * to the field to fix.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { ErrorCatd } from '../../lib/catd/api.ts';
import { mensajeDeError, mensajeDeMotivo } from '../../lib/catd/mensajes.ts';
import { esMotivo, volverSeguro } from '../../lib/catd/navegacion.ts';
import { entrar, sesionActual } from '../../lib/catd/sesion.ts';
import type { Ambito } from '../../lib/catd/tipos.ts';

/** Where an operator starts when no screen asked for the sign-in: a PREP Casilla device on its own screen. */
const inicioDe = (ambito: Ambito): string | null => (ambito === 'CASILLA' ? '/catd/casilla/' : null);

/** After signing in: the screen that asked, else the operator's start; the institute starts at its console. */
const destinoDe = (volver: string | null, ambito: Ambito): string =>
  volver === null && ambito === 'INSTITUTO' ? '/consola/' : volverSeguro(volver ?? inicioDe(ambito));

interface Aviso {
  tipo: 'error' | 'info';
  texto: string;
}

export default function Entrar() {
  const [listo, setListo] = useState(false);
  const [enviando, setEnviando] = useState(false);
  const [aviso, setAviso] = useState<Aviso | null>(null);
  const operador = useRef<HTMLInputElement>(null);
  const clave = useRef<HTMLInputElement>(null);

  useEffect(() => {
    const q = new URLSearchParams(location.search);
    const motivo = q.get('motivo');
    // Arriving without a session, or after signing out, is no error; a session that ended on its own is.
    if (esMotivo(motivo)) setAviso({ tipo: motivo === 'CERRADA' || motivo === 'SESION_AUSENTE' ? 'info' : 'error', texto: mensajeDeMotivo(motivo) });
    setListo(true);
    // Already signed in (another tab, the Back button): straight to the screen. Not after a bounce, so a server
    // that disagrees with itself can never send the operator round in circles.
    if (motivo === null) {
      sesionActual()
        .then((s) => s && location.replace(destinoDe(q.get('volver'), s.operador.ambito)))
        .catch(() => {});
    }
  }, []);

  async function enviar(ev: Event) {
    ev.preventDefault();
    const id = operador.current!.value.trim();
    const secreto = clave.current!.value.trim();
    setEnviando(true);
    setAviso(null);
    try {
      const s = await entrar(id, secreto);
      // replace: Back from the screen must not land on the form again.
      location.replace(destinoDe(new URLSearchParams(location.search).get('volver'), s.operador.ambito));
    } catch (e) {
      setAviso({ tipo: 'error', texto: mensajeDeError(e) });
      setEnviando(false);
      // A wrong key is retyped; anything else (network, too many attempts) keeps what was typed.
      if (e instanceof ErrorCatd && e.code === 'CREDENCIALES_INVALIDAS') clave.current!.select();
      clave.current!.focus();
    }
  }

  return (
    <form class="entrar" method="post" onSubmit={enviar} aria-describedby="entrar-ayuda" data-listo={listo ? 'si' : 'no'}>
      <p id="entrar-ayuda">
        Use el identificador de operador y la clave de acceso que le entregó la coordinación del PREP. La clave no se
        guarda en este equipo salvo que usted lo pida a su gestor de contraseñas.
      </p>
      <div class={`aviso-catd${aviso ? ` ${aviso.tipo}` : ''}`} role="alert" data-aviso={aviso?.tipo}>
        {aviso?.texto}
      </div>
      <label for="operador">Operador</label>
      <input
        ref={operador}
        id="operador"
        name="operador"
        type="text"
        autocomplete="username"
        autocapitalize="none"
        spellcheck={false}
        required
        maxLength={40}
        // biome-ignore lint/a11y/noAutofocus: the sign-in screen has one task; the operator starts typing at once.
        autoFocus
      />
      <label for="clave">Clave de acceso</label>
      <input
        ref={clave}
        id="clave"
        name="clave"
        type="password"
        autocomplete="current-password"
        autocapitalize="none"
        spellcheck={false}
        required
        maxLength={200}
        aria-describedby="clave-ayuda"
      />
      <p id="clave-ayuda" class="ayuda">Empieza con «prep_». Solo se envía al servidor del PREP, al entrar.</p>
      <button type="submit" disabled={!listo || enviando}>
        {enviando ? 'Entrando…' : 'Entrar'}
      </button>
    </form>
  );
}
