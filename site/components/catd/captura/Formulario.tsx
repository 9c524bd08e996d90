/**
 * The capture form of ONE acta, built from its own ballot, keyboard first: digits; Enter (or Tab) to the next
 * field, Shift+Enter back; I marks the field Ilegible and S Sin dato; + and - zoom the image; Enter on the last
 * field sends. Obvious slips are listed before sending and a second Enter sends the figures as they are. The
 * figures are kept as a draft in sessionStorage (a reload keeps them); the send is one POST with an
 * Idempotency-Key, repeated with the same key when the connection is cut.
 */
import type { JSX } from 'preact';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { ErrorCatd } from '../../../lib/catd/api.ts';
import { avisosDe, sumaDeVotos, type Aviso } from '../../../lib/catd/captura/avisos.ts';
import { borrarBorrador, conContenido, firmaDe, guardarBorrador, leerBorrador, type Borrador } from '../../../lib/catd/captura/borrador.ts';
import { camposDeFormulario, type CampoFormulario } from '../../../lib/catd/captura/campos.ts';
import { cuerpoCaptura, enviarCaptura, reintentable } from '../../../lib/catd/captura/envio.ts';
import type { ActaTrasCaptura, BoletaActa } from '../../../lib/catd/captura/tipos.ts';
import { esMarca, marcaDeTecla, soloDigitos, textoDe, type Entrada } from '../../../lib/catd/captura/valores.ts';
import { entero } from '../../../lib/catd/formato.ts';
import { ILEGIBLE, SIN_DATO } from '../../../../worker/domain/contrato/index.ts';
import { mensajeDeError } from '../../../lib/catd/mensajes.ts';
import { PASO_ZOOM } from './ImagenActa.tsx';

export interface Resolucion {
  clave: string;
  tipo: 'info' | 'error';
  texto: string;
}

interface Props {
  boleta: BoletaActa;
  operador: string;
  cambiarZoom: (delta: number) => void;
  alResolver: (r: Resolucion) => void;
}

const almacen = () => sessionStorage;

function textoResultado(r: ActaTrasCaptura): string {
  if (r.etapa === 'VERIFICADA') return `Acta ${r.clave}: captura registrada; coincide con la otra captura y el acta quedó verificada.`;
  if (r.etapa === 'VERIFICACION') return `Acta ${r.clave}: captura registrada; es distinta de otra captura y el acta pasa a verificación.`;
  return `Acta ${r.clave}: captura registrada; falta la captura de otra persona.`;
}

function useBorrador(operador: string, clave: string, campos: readonly CampoFormulario[]) {
  const inicial = useMemo<Borrador>(() => leerBorrador(almacen(), operador, clave) ?? { entradas: {}, envio: null }, [operador, clave]);
  const [entradas, setEntradas] = useState<Record<string, Entrada>>(() => {
    const e: Record<string, Entrada> = {};
    for (const c of campos) e[c.clave] = inicial.entradas[c.clave] ?? '';
    return e;
  });
  const envio = useRef(inicial.envio);
  useEffect(() => {
    const b = { entradas, envio: envio.current };
    if (conContenido(b)) guardarBorrador(almacen(), operador, clave, b);
    else borrarBorrador(almacen(), operador, clave);
  }, [entradas]);
  return { entradas, setEntradas, envio };
}

export default function Formulario({ boleta, operador, cambiarZoom, alResolver }: Props) {
  const { clave } = boleta;
  const campos = useMemo(() => camposDeFormulario(boleta), [boleta]);
  const { entradas, setEntradas, envio } = useBorrador(operador, clave, campos);
  const [avisos, setAvisos] = useState<{ firma: string; lista: Aviso[] } | null>(null);
  const [estado, setEstado] = useState<'editando' | 'enviando' | 'reintentando'>('editando');
  const [error, setError] = useState<string | null>(null);
  const refs = useRef<(HTMLInputElement | null)[]>([]);
  /** The field the marking buttons act on: the one focused last. */
  const ultimo = useRef(0);

  useEffect(() => {
    refs.current[0]?.focus();
    refs.current[0]?.select();
  }, []);

  const enfocar = (i: number) => {
    const el = refs.current[Math.max(0, Math.min(campos.length - 1, i))];
    el?.focus();
    el?.select();
  };

  function fijar(c: string, v: Entrada) {
    setEntradas((e) => ({ ...e, [c]: v }));
    setAvisos(null);
    setError(null);
  }

  async function enviar() {
    if (estado !== 'editando') return;
    const firma = firmaDe(entradas);
    const lista = avisosDe(campos, entradas, boleta.limite);
    if (lista.length > 0 && avisos?.firma !== firma) {
      setAvisos({ firma, lista });
      return;
    }
    // The same figures sent again (after a cut, or a reload) keep their key: the API answers with the stored result.
    if (envio.current?.firma !== firma) envio.current = { llave: crypto.randomUUID(), firma };
    guardarBorrador(almacen(), operador, clave, { entradas, envio: envio.current });
    setEstado('enviando');
    setError(null);
    try {
      const r = await enviarCaptura(clave, cuerpoCaptura(campos, entradas), envio.current.llave, () => setEstado('reintentando'));
      borrarBorrador(almacen(), operador, clave);
      alResolver({ clave, tipo: 'info', texto: textoResultado(r) });
    } catch (e) {
      if (e instanceof ErrorCatd && e.status === 409) {
        borrarBorrador(almacen(), operador, clave);
        alResolver({ clave, tipo: 'error', texto: `El acta ${clave} cambió mientras la capturaba y su captura no se registró: ${e.message} Pasa a la siguiente acta.` });
        return;
      }
      if (e instanceof ErrorCatd && e.status === 401) return;
      setError(reintentable(e) ? `${mensajeDeError(e)} Pulse Enter para enviarla de nuevo: no se registrará dos veces.` : mensajeDeError(e));
      setEstado('editando');
    }
  }

  function alTeclear(i: number, ev: JSX.TargetedKeyboardEvent<HTMLInputElement>) {
    if (ev.ctrlKey || ev.metaKey || ev.altKey) return;
    const c = campos[i]!.clave;
    const k = ev.key;
    if (k === 'Enter') {
      ev.preventDefault();
      if (ev.shiftKey) enfocar(i - 1);
      else if (i === campos.length - 1) void enviar();
      else enfocar(i + 1);
      return;
    }
    if (k === '+' || k === '=' || k === '-') {
      ev.preventDefault();
      cambiarZoom(k === '-' ? -PASO_ZOOM : PASO_ZOOM);
      return;
    }
    const marca = marcaDeTecla(k);
    if (marca !== null) {
      ev.preventDefault();
      fijar(c, marca);
      return;
    }
    if (esMarca(entradas[c] ?? '')) {
      // A marked field: a digit starts a figure over it, Backspace or Delete empties it, nothing else types in it.
      if (/^\d$/.test(k)) fijar(c, k);
      else if (k === 'Backspace' || k === 'Delete') fijar(c, '');
      else if (k.length !== 1) return;
      ev.preventDefault();
    }
  }

  function alEscribir(c: string, ev: JSX.TargetedEvent<HTMLInputElement>) {
    const v = soloDigitos(ev.currentTarget.value);
    // Keep the input showing exactly the field's value (a stripped letter would otherwise stay on screen).
    ev.currentTarget.value = v;
    fijar(c, v);
  }

  const revisar = new Set((avisos?.lista ?? []).map((a) => a.campo));
  const suma = sumaDeVotos(campos, entradas);
  const fila = (c: CampoFormulario, i: number) => {
    const e = entradas[c.clave] ?? '';
    const id = `campo-${c.clave}`;
    return (
      <div class={`campo${revisar.has(c.clave) ? ' revisar' : ''}`} key={c.clave} data-campo={c.clave}>
        <label for={id}>
          {c.nombre}
          {c.nombre !== c.clave ? <span class="columna">{c.clave}</span> : null}
        </label>
        <input
          id={id}
          ref={(el) => {
            refs.current[i] = el;
          }}
          class={`cifra${esMarca(e) ? ' marcado' : ''}`}
          type="text"
          inputMode="numeric"
          autoComplete="off"
          spellcheck={false}
          aria-describedby="teclas-captura"
          value={textoDe(e)}
          data-valor={e}
          onKeyDown={(ev) => alTeclear(i, ev)}
          onFocus={() => {
            ultimo.current = i;
          }}
          onInput={(ev) => alEscribir(c.clave, ev)}
        />
      </div>
    );
  };
  const votos = campos.filter((c) => c.grupo === 'voto');
  const totales = campos.filter((c) => c.grupo === 'total');

  return (
    <form
      class="formulario-captura"
      data-acta={clave}
      data-estado={estado}
      onSubmit={(ev) => {
        ev.preventDefault();
        void enviar();
      }}
      aria-label={`Captura del acta ${clave}`}
    >
      <p id="teclas-captura" class="ayuda">
        Dígitos; <kbd>Enter</kbd> o <kbd>Tab</kbd>: campo siguiente (<kbd>Mayús</kbd>+<kbd>Enter</kbd>: anterior); <kbd>I</kbd>: Ilegible;{' '}
        <kbd>S</kbd>: Sin dato; <kbd>+</kbd> <kbd>−</kbd>: acercar o alejar la imagen; <kbd>Enter</kbd> en el último campo envía.
      </p>
      <fieldset>
        <legend>Votos</legend>
        {votos.map((c) => fila(c, campos.indexOf(c)))}
        <p class="suma" data-suma={suma}>
          Suma de los votos capturados: <strong>{entero(suma)}</strong>
        </p>
      </fieldset>
      <fieldset>
        <legend>Totales del acta</legend>
        {totales.map((c) => fila(c, campos.indexOf(c)))}
      </fieldset>
      <div class="marcar" role="group" aria-label="Marcar el campo actual">
        {[ILEGIBLE, SIN_DATO].map((m) => (
          <button
            key={m}
            type="button"
            class="secundario"
            aria-keyshortcuts={m === ILEGIBLE ? 'I' : 'S'}
            // Pressing with a finger or the mouse must not take the focus from the field being marked.
            onPointerDown={(ev) => ev.preventDefault()}
            onClick={() => {
              fijar(campos[ultimo.current]!.clave, m);
              enfocar(ultimo.current);
            }}
          >
            {textoDe(m)} <kbd>{m === ILEGIBLE ? 'I' : 'S'}</kbd>
          </button>
        ))}
      </div>
      <div class="aviso-catd" role="alert" data-avisos={avisos?.lista.length ?? 0}>
        {avisos ? (
          <>
            <strong>Revise antes de enviar:</strong>
            <ul>
              {avisos.lista.map((a) => (
                <li key={a.texto}>{a.texto}</li>
              ))}
            </ul>
            Si así dice el acta, pulse <kbd>Enter</kbd> otra vez para enviarla tal cual; si no, corrija el campo.
          </>
        ) : null}
      </div>
      <div class="aviso-catd error" role="alert" data-error={error ? 'si' : undefined}>
        {error}
      </div>
      <p>
        <button type="submit" disabled={estado !== 'editando'}>
          {estado === 'enviando' ? 'Enviando…' : estado === 'reintentando' ? 'Sin respuesta; reintentando…' : 'Enviar captura'}
        </button>
      </p>
    </form>
  );
}
