/**
 * Island of /datos-abiertos/: every published corte, newest first, with its zip (name, SHA-256, size) and its
 * manifest, each manifest naming the SHA-256 of the previous one (the chain back to the first corte).
 */
import { bytes, fechaHora } from '../lib/format.ts';
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
        <div class="tabla-desplazable" tabIndex={0} role="region" aria-label="Cortes publicados">
          <table id="tabla-cortes">
            <caption>Cortes publicados, del más reciente al primero</caption>
            <thead>
              <tr>
                <th scope="col">Corte</th>
                <th scope="col">Base de datos (zip)</th>
                <th scope="col">SHA-256 del zip</th>
                <th scope="col">Manifiesto y cadena</th>
              </tr>
            </thead>
            <tbody>
              {cortes.map((c) => (
                <tr key={c.numero} data-corte={c.numero}>
                  <th scope="row">
                    {c.numero} · {fechaHora(c.instante, c.offsetMinutes)}
                  </th>
                  <td>
                    {c.zip ? (
                      <a href={c.zip.url} download={c.zip.nombre} data-zip>
                        {c.zip.nombre} ({bytes(c.zip.bytes)})
                      </a>
                    ) : (
                      'Sin archivo'
                    )}
                  </td>
                  <td>{c.zip ? <code class="hash">{c.zip.sha256}</code> : '-'}</td>
                  <td>
                    <a href={c.manifiesto.url}>Manifiesto</a> <code class="hash">{c.manifiesto.sha256}</code>
                    <span class="sub">
                      {c.anterior ? (
                        <>
                          {' '}
                          Anterior: <code class="hash">{c.anterior}</code>
                        </>
                      ) : (
                        ' Primer corte de la cadena'
                      )}
                    </span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  );
}
