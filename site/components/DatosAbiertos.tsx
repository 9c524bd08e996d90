/**
 * Island of /datos-abiertos/: every published corte, newest first, with its zip (name, SHA-256, size) and its
 * manifest, each manifest naming the SHA-256 of the previous one (the chain back to the first corte). A night has
 * hundreds of cortes: a page of them at a time, newest first, with "Mostrar más".
 */
import { useState } from 'preact/hooks';
import { bytes, entero, fechaHora } from '../lib/formato.ts';
import type { CortePublicado } from '../lib/modelo.ts';
import { idCorte, sondeo } from '../lib/publicacion.ts';
import { cargarHistorial } from '../lib/publicacionHistorial.ts';
import { rangoTexto, visibles } from '../lib/tabla.ts';
import { useCorte } from '../lib/useCorte.ts';
import { etiquetaCorte } from '../lib/corte.ts';
import EstadoCorte from './EstadoCorte.tsx';
import Huella from './Huella.tsx';

const POR_PAGINA = 10;

export default function DatosAbiertos() {
  const vista = useCorte(sondeo, 'historial', cargarHistorial, idCorte);
  const cortes = vista.datos ?? [];
  const ultimo: CortePublicado | undefined = cortes[0];
  const [mostrados, setMostrados] = useState(POR_PAGINA);
  const n = visibles(cortes.length, mostrados);
  return (
    <section class="descargas" aria-labelledby="descargas-titulo">
      <h2 id="descargas-titulo">Descargas por corte</h2>
      <EstadoCorte
        instante={ultimo?.instante ?? null}
        offsetMinutes={ultimo?.offsetMinutes ?? null}
        numero={ultimo?.numero}
        final={ultimo?.final}
        confirmadoEn={vista.sondeo.confirmadoEn}
        error={vista.sondeo.error ?? (vista.datos ? null : vista.errorCarga)}
        actualizando={vista.actualizando}
        sinPublicacion={vista.sondeo.sinPublicacion}
      />
      {cortes.length > 0 ? (
        <ol id="lista-cortes" class="cortes" aria-label="Cortes publicados, del más reciente al primero" reversed>
          {cortes.slice(0, n).map((c) => (
            <li key={c.numero} data-corte={c.numero}>
              <h3>
                {etiquetaCorte(c.numero, c.final)} · {fechaHora(c.instante, c.offsetMinutes)}
              </h3>
              <dl class="ficha apilada">
                <dt>Base de datos</dt>
                <dd>
                  {c.zip ? (
                    <a href={c.zip.url} download={c.zip.nombre} data-zip>
                      {c.zip.nombre} ({bytes(c.zip.bytes)})
                    </a>
                  ) : (
                    'Sin archivo'
                  )}
                </dd>
                {c.zip ? (
                  <>
                    <dt>SHA-256 del zip</dt>
                    <dd>
                      <Huella codigo={c.zip.sha256} datos={{ 'data-sha-zip': true }} />
                    </dd>
                  </>
                ) : null}
                <dt>
                  <a href={c.manifiesto.url}>Manifiesto</a>
                </dt>
                <dd>
                  <Huella codigo={c.manifiesto.sha256} datos={{ 'data-sha-manifiesto': true }} />
                </dd>
                <dt>Manifiesto anterior</dt>
                <dd>{c.anterior ? <Huella codigo={c.anterior} /> : 'Ninguno: es el primer corte de la cadena'}</dd>
              </dl>
            </li>
          ))}
        </ol>
      ) : null}
      {cortes.length > POR_PAGINA ? (
        <div class="paginas-tabla">
          <p role="status" data-rango>
            Se muestran {rangoTexto(n, cortes.length)} cortes
          </p>
          {n < cortes.length ? (
            <button type="button" class="boton" aria-controls="lista-cortes" onClick={() => setMostrados(n + POR_PAGINA)}>
              Mostrar {entero(Math.min(POR_PAGINA, cortes.length - n))} cortes anteriores
            </button>
          ) : null}
        </div>
      ) : null}
    </section>
  );
}
