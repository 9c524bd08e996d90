/**
 * One operator's administration: its live keys (revoke one, or all, each after a confirmation), a new key (hours
 * within its ámbito's ceiling), for a PREP Casilla device the casillas it is bound to, and for a CATD operator its
 * CATD (moved to a dark CATD's scope for the night and back, after a confirmation: docs/CONTINGENCIA.md §3). Every
 * change goes through the API, which records it in the audit chain under the signed-in administrator.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { mensajeDeError } from '../../../lib/catd/mensajes.ts';
import { emitir, reasignarCatd, revocarTodos, revocarToken, vincularCasillas, type Operador, type SecretoEmitido } from './api.ts';
import { NOMBRE_AMBITO, NOMBRE_ROL, VIGENCIA, cuando, listaDeCasillas } from './textos.ts';

interface Props {
  operador: Operador;
  /** The CATDs the form suggests (those of the listed operators); the API accepts any CATD of the catalogue. */
  catds: readonly string[];
  alCambiar: (aviso: string) => void;
  alEmitir: (s: SecretoEmitido) => void;
}

type Confirmacion = { tipo: 'token'; id: string } | { tipo: 'todos' } | { tipo: 'catd'; catd: string } | null;

export default function DetalleOperador({ operador: o, catds, alCambiar, alEmitir }: Props) {
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
    if (c.tipo === 'catd') {
      void hacer(async () => {
        const r = await reasignarCatd(o.id, c.catd);
        alCambiar(r.cambio ? `${o.id} ahora es del ${r.despues} (antes del ${r.antes}).` : `${o.id} ya era del ${r.despues}: no se cambió nada.`);
      });
      return;
    }
    void hacer(async () => {
      const r = c.tipo === 'token' ? await revocarToken(o.id, c.id) : await revocarTodos(o.id);
      alCambiar(r.revocados.length === 0 ? `${o.id} no tenía claves vigentes: no se revocó nada.` : `Revocadas ${r.revocados.length} clave(s) de ${o.id}.`);
    });
  }

  function pedirCambioDeCatd(ev: Event) {
    ev.preventDefault();
    const catd = String(new FormData(ev.currentTarget as HTMLFormElement).get('catd') ?? '').trim().toUpperCase();
    if (catd !== '') setConfirmar({ tipo: 'catd', catd });
  }

  function guardarCasillas(ev: Event) {
    ev.preventDefault();
    const casillas = listaDeCasillas(String(new FormData(ev.currentTarget as HTMLFormElement).get('casillas') ?? ''));
    void hacer(async () => {
      await vincularCasillas(o.id, casillas);
      alCambiar(`Casillas de ${o.id} guardadas (${casillas.length}).`);
    });
  }

  // Asked right below the action it confirms, and focused (the button the person clicked may be far above).
  const pregunta = (c: Exclude<Confirmacion, null>) => (
    <div class="confirmar" role="group" aria-labelledby="confirmar-texto">
      <p id="confirmar-texto">{textoConfirmacion(o, c)}</p>
      <button type="button" ref={botonConfirmar} disabled={ocupado} onClick={confirmado}>
        {c.tipo === 'catd' ? 'Sí, cambiar de CATD' : 'Sí, revocar'}
      </button>{' '}
      <button type="button" class="secundario" onClick={() => setConfirmar(null)}>
        Cancelar
      </button>
    </div>
  );

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
      {confirmar !== null && confirmar.tipo !== 'catd' && pregunta(confirmar)}

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

      {o.ambito === 'CATD' && (
        <>
          <h3>Cambiar CATD</h3>
          {/* Keyed by the CATD: once it changes, the field starts empty again. */}
          <form class="formulario en-linea" onSubmit={pedirCambioDeCatd} key={o.catd}>
            <label for="cambiar-catd">Nuevo CATD</label>
            <input id="cambiar-catd" name="catd" type="text" required list="catds-conocidos" placeholder={o.catd ?? ''} autocomplete="off" aria-describedby="cambiar-catd-ayuda" />
            <datalist id="catds-conocidos">
              {catds.map((c) => (
                <option value={c} key={c} />
              ))}
            </datalist>
            <button type="submit" class="secundario" disabled={ocupado || !o.activo}>
              Cambiar CATD
            </button>
            <p id="cambiar-catd-ayuda" class="ayuda">
              Para cubrir un CATD sin conexión o sin sede: el operador recibe, digitaliza o captura las actas del CATD que indique, y se regresa
              al suyo al terminar. Sus claves y sesiones siguen vigentes.
            </p>
          </form>
          {confirmar?.tipo === 'catd' && pregunta(confirmar)}
        </>
      )}

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

/** What the administrator confirms, said in full: who, what changes, and when it takes effect. */
function textoConfirmacion(o: Operador, c: Exclude<Confirmacion, null>): string {
  switch (c.tipo) {
    case 'todos':
      return `¿Revocar todas las claves de ${o.id}? Sus sesiones abiertas terminan en su siguiente solicitud.`;
    case 'token':
      return `¿Revocar el token ${c.id} de ${o.id}? La sesión abierta con él termina en su siguiente solicitud.`;
    case 'catd':
      return `¿Cambiar a ${o.id} del ${o.catd ?? 'CATD actual'} al ${c.catd}? Desde su siguiente solicitud solo alcanza las actas del ${c.catd}; queda en la bitácora.`;
  }
}
