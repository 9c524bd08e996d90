/**
 * Island of /datos-abiertos/: every published corte, newest first, with its zip (name, SHA-256, size) and its
 * manifest, each manifest naming the SHA-256 of the previous one (the chain back to the first corte).
 */
import { bytes, fechaHora } from '../lib/formato.ts';
import type { CortePublicado } from '../lib/modelo.ts';
import { cargarHistorial, idCorte, sondeo } from '../lib/publicacion.ts';
import { useCorte } from '../lib/useCorte.ts';
import EstadoCorte from './EstadoCorte.tsx';

export default function DatosAbiertos() {
  const vista = useCorte(sondeo, 'historial', cargarHistorial, idCorte);
  const cortes = vista.datos ?? [];
  const ultimo: CortePublicado | undefined = cortes[0];
  return (
    <section aria-labelledby="descargas-titulo">
      <h2 id="descargas-titulo">Descargas por corte</h2>
      <EstadoCorte
        instante={ultimo?.instante ?? null}
        offsetMinutes={ultimo?.offsetMinutes ?? null}
        numero={ultimo?.numero}
        confirmadoEn={vista.sondeo.confirmadoEn}
        error={vista.sondeo.error ?? (vista.datos ? null : vista.errorCarga)}
        actualizando={vista.actualizando}
        sinPublicacion={vista.sondeo.sinPublicacion}
      />
      {cortes.length > 0 ? (
        <ol id="lista-cortes" class="cortes" aria-label="Cortes publicados, del más reciente al primero" reversed>
          {cortes.map((c) => (
            <li key={c.numero} data-corte={c.numero}>
              <h3>
                Corte {c.numero} · {fechaHora(c.instante, c.offsetMinutes)}
              </h3>
              <dl class="ficha">
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
                      <code class="hash" data-sha-zip>
                        {c.zip.sha256}
                      </code>
                    </dd>
                  </>
                ) : null}
                <dt>
                  <a href={c.manifiesto.url}>Manifiesto</a>
                </dt>
                <dd>
                  <code class="hash" data-sha-manifiesto>
                    {c.manifiesto.sha256}
                  </code>
                </dd>
                <dt>Manifiesto anterior</dt>
                <dd>{c.anterior ? <code class="hash">{c.anterior}</code> : 'Ninguno: es el primer corte de la cadena'}</dd>
              </dl>
            </li>
          ))}
        </ol>
      ) : null}
    </section>
  );
}
