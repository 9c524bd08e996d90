/**
 * One operator's administration: its live keys (revoke one, or all, each after a confirmation), a new key (hours
 * within its ámbito's ceiling), and for a PREP Casilla device the casillas it is bound to. Every change goes
 * through the API, which records it in the audit chain under the signed-in administrator.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { mensajeDeError } from '../../../lib/catd/mensajes.ts';
import { emitir, revocarTodos, revocarToken, vincularCasillas, type Operador, type SecretoEmitido } from './api.ts';
import { NOMBRE_AMBITO, NOMBRE_ROL, VIGENCIA, cuando, listaDeCasillas } from './textos.ts';

interface Props {
  operador: Operador;
  alCambiar: (aviso: string) => void;
  alEmitir: (s: SecretoEmitido) => void;
}

type Confirmacion = { tipo: 'token'; id: string } | { tipo: 'todos' } | null;

export default function DetalleOperador({ operador: o, alCambiar, alEmitir }: Props) {
  const [error, setError] = useState<string | null>(null);
  const [ocupado, setOcupado] = useState(false);
  const [confirmar, setConfirmar] = useState<Confirmacion>(null);
  const botonConfirmar = useRef<HTMLButtonElement>(null);
  const vigencia = VIGENCIA[o.ambito];

  useEffect(() => {
    if (confirmar !== null) botonConfirmar.current?.focus();
  }, [confirmar]);

  async function hacer(accion: () => Promise<void>) {
    setOcupado(true);
    setError(null);
    try {
      await accion();
    } catch (e) {
      setError(mensajeDeError(e));
    } finally {
      setOcupado(false);
      setConfirmar(null);
    }
  }

  function emitirClave(ev: Event) {
    ev.preventDefault();
    const texto = String(new FormData(ev.currentTarget as HTMLFormElement).get('horas') ?? '').trim();
    void hacer(async () => alEmitir(await emitir(o.id, texto === '' ? null : Number(texto))));
  }

  function confirmado() {
    const c = confirmar;
    if (c === null) return;
    void hacer(async () => {
      const r = c.tipo === 'token' ? await revocarToken(o.id, c.id) : await revocarTodos(o.id);
      alCambiar(r.revocados.length === 0 ? `${o.id} no tenía claves vigentes: no se revocó nada.` : `Revocadas ${r.revocados.length} clave(s) de ${o.id}.`);
    });
  }

  function guardarCasillas(ev: Event) {
    ev.preventDefault();
    const casillas = listaDeCasillas(String(new FormData(ev.currentTarget as HTMLFormElement).get('casillas') ?? ''));
    void hacer(async () => {
      await vincularCasillas(o.id, casillas);
      alCambiar(`Casillas de ${o.id} guardadas (${casillas.length}).`);
    });
  }

  return (
    <section class="detalle-operador" aria-labelledby="detalle-titulo" data-operador={o.id}>
      <h2 id="detalle-titulo" tabindex={-1}>
        {o.nombre} ({o.id})
      </h2>
      <dl class="ficha">
        <dt>Ámbito</dt>
        <dd>{NOMBRE_AMBITO[o.ambito]}{o.catd ? ` · ${o.catd}` : ''}</dd>
        <dt>Roles</dt>
        <dd>{o.roles.map((r) => NOMBRE_ROL[r]).join(', ')}</dd>
        <dt>Último uso</dt>
        <dd>{cuando(o.ultimoUsoAt)}</dd>
      </dl>
      <div class={`aviso-catd${error ? ' error' : ''}`} role="alert">
        {error}
      </div>

      <h3>Claves vigentes</h3>
      {o.tokensVigentes.length === 0 ? (
        <p>No tiene claves vigentes.</p>
      ) : (
        <table class="tabla-consola">
          <thead>
            <tr>
              <th scope="col">Token</th>
              <th scope="col">Emitida</th>
              <th scope="col">Vence</th>
              <th scope="col">
                <span class="sr">Acción</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {o.tokensVigentes.map((t) => (
              <tr key={t.id}>
                <td>
                  <code>{t.id}</code>
                </td>
                <td>{cuando(t.emitidoAt)}</td>
                <td>{cuando(t.expiraAt)}</td>
                <td>
                  <button type="button" class="secundario" disabled={ocupado} onClick={() => setConfirmar({ tipo: 'token', id: t.id })}>
                    Revocar <span class="sr">el token {t.id}</span>
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <p>
        <button type="button" class="secundario" disabled={ocupado} onClick={() => setConfirmar({ tipo: 'todos' })}>
          Revocar todas sus claves
        </button>
      </p>
      {confirmar !== null && (
        <div class="confirmar" role="group" aria-labelledby="confirmar-texto">
          <p id="confirmar-texto">
            {confirmar.tipo === 'todos'
              ? `¿Revocar todas las claves de ${o.id}? Sus sesiones abiertas terminan en su siguiente solicitud.`
              : `¿Revocar el token ${confirmar.id} de ${o.id}? La sesión abierta con él termina en su siguiente solicitud.`}
          </p>
          <button type="button" ref={botonConfirmar} disabled={ocupado} onClick={confirmado}>
            Sí, revocar
          </button>{' '}
          <button type="button" class="secundario" onClick={() => setConfirmar(null)}>
            Cancelar
          </button>
        </div>
      )}

      <h3>Emitir una clave</h3>
      <form class="formulario en-linea" onSubmit={emitirClave}>
        <label for="emitir-horas">Vigencia en horas</label>
        <input
          id="emitir-horas"
          name="horas"
          type="number"
          min="0.25"
          step="0.25"
          max={vigencia.maxima}
          placeholder={String(vigencia.omision)}
          aria-describedby="emitir-ayuda"
        />
        <button type="submit" disabled={ocupado || !o.activo}>
          Emitir clave
        </button>
        <p id="emitir-ayuda" class="ayuda">
          Por omisión {vigencia.omision} h; a lo más {vigencia.maxima} h para el ámbito {NOMBRE_AMBITO[o.ambito]}. La clave se muestra una sola vez.
        </p>
      </form>

      {o.ambito === 'CASILLA' && (
        <>
          <h3>Casillas del dispositivo</h3>
          <form class="formulario" onSubmit={guardarCasillas}>
            <label for="casillas-dispositivo">Claves de casilla (reemplazan a las actuales)</label>
            <textarea id="casillas-dispositivo" name="casillas" rows={3} required defaultValue={o.casillas.join('\n')} key={o.casillas.join()} />
            <button type="submit" disabled={ocupado}>
              Guardar casillas
            </button>
          </form>
        </>
      )}
    </section>
  );
}
