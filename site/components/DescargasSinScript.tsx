/**
 * Datos abiertos for a reader without JavaScript (issue 15): the newest corte's downloads (its zip with SHA-256 and
 * size, its manifest, each election's CSVs in both layouts, its NIST report), from the pointer alone. The Worker
 * renders it into the page's <noscript> (worker/api/portal-sin-script.ts); the list of every corte stays with the
 * page's island, which needs JavaScript.
 */
import type { Puntero } from '../../worker/domain/contrato/index.ts';
import { nombreCorte } from '../lib/corte.ts';
import { enlacesCsv } from '../lib/csvEleccion.ts';
import EnlacesCsv from './EnlacesCsv.tsx';
import { bytes, fechaHora } from '../lib/formato.ts';

const nombreArchivo = (ruta: string) => ruta.slice(ruta.lastIndexOf('/') + 1);

export default function DescargasSinScript({ p }: { p: Puntero }) {
  const csv = enlacesCsv(p);
  return (
    <section class="sin-script" data-sin-script="descargas" aria-labelledby="descargas-sin-script">
      <h2 id="descargas-sin-script">Descargas del corte más reciente</h2>
      {p.simulacro ? <p class="sintetico">{p.simulacro}</p> : null}
      <p>
        {nombreCorte(p.numero, p.final)}: {fechaHora(p.instante, p.entidad.utcOffsetMinutes)}. Sin JavaScript esta página no se actualiza sola: recárgala para ver
        el corte más reciente.
      </p>
      <ul>
        <li>
          Base de datos:{' '}
          <a href={`/${p.abiertos.ruta}`} download={p.abiertos.nombre} data-zip>
            {p.abiertos.nombre} ({bytes(p.abiertos.bytes)})
          </a>
          , SHA-256 <code class="sha">{p.abiertos.sha256}</code>
        </li>
        <li>
          <a href={`/${p.manifiesto.ruta}`} data-manifiesto>
            Manifiesto del corte
          </a>
          , SHA-256 <code class="sha">{p.manifiesto.sha256}</code>
        </li>
        {csv.map((e) => (
          <EnlacesCsv key={e.codigo} e={e} antes={`${e.nombre}, CSV:`} />
        ))}
        {p.cdf ? (
          <li>
            <a href={`/${p.cdf}`} download={nombreArchivo(p.cdf)} data-cdf>
              Resultados en NIST SP 1500-100 (JSON)
            </a>
          </li>
        ) : null}
      </ul>
    </section>
  );
}
