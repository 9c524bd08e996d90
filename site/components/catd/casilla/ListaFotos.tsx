/**
 * What the phone holds: photos waiting to be sent (with why the last try failed and when the next one is), photos
 * the server refused (to retry or discard: never dropped silently) and photos sent, each with the SHA-256 computed
 * here and, once sent, the one the server computed and its time (es-MX).
 */
import { nombreCasilla } from '../../../lib/catd/casilla/contexto.ts';
import type { EleccionActa, Foto } from '../../../lib/catd/casilla/tipos.ts';

const hora = new Intl.DateTimeFormat('es-MX', { hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' });

interface Props {
  fotos: Foto[];
  elecciones: EleccionActa[];
  reintentar: (f: Foto) => void;
  descartar: (f: Foto) => void;
}

function Fila({ f, elecciones, children }: { f: Foto; elecciones: EleccionActa[]; children?: preact.ComponentChildren }) {
  const casilla = f.clave.slice(0, 11);
  const eleccion = elecciones.find((e) => e.tipoActa === f.clave.slice(11));
  return (
    <li data-clave={f.clave} data-estado={f.estado} data-idem={f.id}>
      <strong>{f.clave}</strong>
      <span class="ayuda">
        {' '}
        {nombreCasilla(casilla)}
        {eleccion ? ` · ${eleccion.nombre}` : ''}
      </span>
      <dl class="ficha">
        <dt>Tomada</dt>
        <dd>
          <time dateTime={new Date(f.tomadaAt).toISOString()}>{hora.format(f.tomadaAt)}</time>
        </dd>
        <dt>SHA-256 (teléfono)</dt>
        <dd>
          <code data-sha-local>{f.sha256}</code>
        </dd>
        {children}
      </dl>
    </li>
  );
}

export default function ListaFotos({ fotos, elecciones, reintentar, descartar }: Props) {
  const esperando = fotos.filter((f) => f.estado === 'esperando');
  const rechazadas = fotos.filter((f) => f.estado === 'rechazada');
  const enviadas = fotos.filter((f) => f.estado === 'enviada').reverse();
  return (
    <>
      <section aria-labelledby="esperando-titulo">
        <h2 id="esperando-titulo">
          Esperando envío <span data-cuenta="esperando">({esperando.length})</span>
        </h2>
        {esperando.length === 0 ? (
          <p class="ayuda">Ninguna foto espera en este teléfono.</p>
        ) : (
          <ul class="fotos" aria-label="Fotos que esperan envío">
            {esperando.map((f) => (
              <Fila key={f.id} f={f} elecciones={elecciones}>
                {f.mensaje && (
                  <>
                    <dt>Último intento</dt>
                    <dd>{f.mensaje}</dd>
                  </>
                )}
              </Fila>
            ))}
          </ul>
        )}
      </section>
      {rechazadas.length > 0 && (
        <section aria-labelledby="rechazadas-titulo">
          <h2 id="rechazadas-titulo">
            Rechazadas por el servidor <span data-cuenta="rechazada">({rechazadas.length})</span>
          </h2>
          <ul class="fotos">
            {rechazadas.map((f) => (
              <Fila key={f.id} f={f} elecciones={elecciones}>
                <dt>Motivo</dt>
                <dd>{f.mensaje}</dd>
                <dt>Acciones</dt>
                <dd class="acciones">
                  <button type="button" onClick={() => reintentar(f)}>
                    Enviar otra vez
                  </button>
                  <button type="button" class="secundario" onClick={() => descartar(f)}>
                    Descartar
                  </button>
                </dd>
              </Fila>
            ))}
          </ul>
        </section>
      )}
      <section aria-labelledby="enviadas-titulo">
        <h2 id="enviadas-titulo">
          Enviadas <span data-cuenta="enviada">({enviadas.length})</span>
        </h2>
        {enviadas.length === 0 ? (
          <p class="ayuda">Aún no se ha enviado ninguna foto desde este teléfono.</p>
        ) : (
          <ul class="fotos" aria-label="Fotos enviadas">
            {enviadas.map((f) => (
              <Fila key={f.id} f={f} elecciones={elecciones}>
                <dt>SHA-256 (servidor)</dt>
                <dd>
                  <code data-sha-servidor>{f.servidor?.sha256}</code>{' '}
                  {f.servidor?.sha256 === f.sha256 ? '✓ coincide' : '✗ no coincide'}
                </dd>
                <dt>Recibida</dt>
                <dd data-recibida>{f.servidor?.at ? hora.format(f.servidor.at) : 'ya estaba registrada'}</dd>
              </Fila>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}
