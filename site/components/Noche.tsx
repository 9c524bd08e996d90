/**
 * The night over time (issue 15): on an election's entidad view, a small SVG line chart of % actas contabilizadas
 * and of the leading candidaturas' shares across the cortes of the historial, with the same figures as a table.
 * Its code loads on demand (Eleccion.tsx, perezoso) and its data after the view's, so the view's first load does
 * not grow; its box is reserved from the start (.noche), so nothing moves when it arrives.
 */
import Desplazable from './Desplazable.tsx';
import { estiloDe } from '../lib/geoLideres.ts';
import { CAJA, coordenadas, lineasDe, type PuntoNoche } from '../lib/historia.ts';
import { fechaHora, porcentaje, porcentajeCorto } from '../lib/formato.ts';
import { nombreCandidatura, type Catalogo } from '../lib/opciones.ts';
import { idCorte, sondeo } from '../lib/publicacion.ts';
import { cargarHistoria } from '../lib/publicacionHistoria.ts';
import { useCorte } from '../lib/useCorte.ts';

interface Props {
  eleccion: string;
  catalogo: Catalogo;
}

interface Serie {
  id: string;
  nombre: string;
  color: string;
  /** Dashes tell the lines apart without their colour. */
  trazo: string;
  valores: number[];
}

const TRAZOS = ['', '6 3', '2 3', '8 3 2 3'];
const CONTABILIZADAS = 'contabilizadas';

function seriesDe(puntos: readonly PuntoNoche[], catalogo: Catalogo): Serie[] {
  const lineas = lineasDe(puntos).map((id, i) => ({
    id,
    nombre: nombreCandidatura(id, catalogo),
    color: estiloDe(id, catalogo, i).color,
    trazo: TRAZOS[(i + 1) % TRAZOS.length]!,
    valores: puntos.map((p) => p.porcentajes[id] ?? 0),
  }));
  return [{ id: CONTABILIZADAS, nombre: 'Actas contabilizadas', color: '#1a1a1a', trazo: TRAZOS[0]!, valores: puntos.map((p) => p.contabilizadas) }, ...lineas];
}

function Grafica({ puntos, series }: { puntos: readonly PuntoNoche[]; series: Serie[] }) {
  const base = CAJA.alto - CAJA.abajo;
  const x = coordenadas(puntos.map(() => 0)).map((c) => c.x);
  return (
    <svg class="noche-grafica" viewBox={`0 0 ${CAJA.ancho} ${CAJA.alto}`} role="img" aria-label="Gráfica de la noche; sus cifras están en la tabla.">
      {[0, 50, 100].map((v) => {
        const y = coordenadas([v])[0]!.y;
        return (
          <g key={v}>
            <line x1={CAJA.izquierda} x2={CAJA.ancho - CAJA.derecha} y1={y} y2={y} class="noche-guia" />
            <text x={CAJA.izquierda - 4} y={y + 3} text-anchor="end" class="noche-eje">
              {porcentajeCorto(v).replace(/[.,]00/, '')}
            </text>
          </g>
        );
      })}
      {puntos.map((p, i) => (
        <text key={p.numero} x={x[i]} y={base + 14} text-anchor="middle" class="noche-eje">
          {p.numero}
        </text>
      ))}
      {series.map((s) => {
        const c = coordenadas(s.valores);
        return (
          <g key={s.id} data-serie={s.id}>
            <polyline points={c.map((q) => `${q.x},${q.y}`).join(' ')} fill="none" stroke={s.color} stroke-width="2" stroke-dasharray={s.trazo || undefined} />
            {c.map((q, i) => (
              <circle key={i} cx={q.x} cy={q.y} r="2.5" fill={s.color} data-corte={puntos[i]!.numero} data-valor={s.valores[i]} />
            ))}
          </g>
        );
      })}
    </svg>
  );
}

function Leyenda({ series }: { series: Serie[] }) {
  return (
    <ul class="noche-leyenda">
      {series.map((s) => (
        <li key={s.id}>
          <svg width="24" height="8" aria-hidden="true">
            <line x1="0" x2="24" y1="4" y2="4" stroke={s.color} stroke-width="2" stroke-dasharray={s.trazo || undefined} />
          </svg>{' '}
          {s.nombre}
        </li>
      ))}
    </ul>
  );
}

function Tabla({ puntos, series, offsetMinutes }: { puntos: readonly PuntoNoche[]; series: Serie[]; offsetMinutes: number }) {
  return (
    <details class="noche-tabla">
      <summary>Ver como tabla</summary>
      <Desplazable etiqueta="Avance de la noche por corte" id="noche-tabla">
        <table>
          <caption>Avance de la noche por corte</caption>
          <thead>
            <tr>
              <th scope="col">Corte</th>
              {series.map((s) => (
                <th key={s.id} scope="col">
                  {s.nombre}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {puntos.map((p, i) => (
              <tr key={p.numero} data-corte={p.numero}>
                <th scope="row">
                  {p.final ? 'Final' : p.numero} · <span class="fecha">{fechaHora(p.instante, offsetMinutes)}</span>
                </th>
                {series.map((s) => (
                  <td key={s.id} class="num" data-serie={s.id}>
                    {porcentaje(s.valores[i]!)}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </Desplazable>
    </details>
  );
}

export default function Noche({ eleccion, catalogo }: Props) {
  const vista = useCorte(sondeo, `historia:${eleccion}`, (p) => cargarHistoria(p, eleccion), idCorte);
  const d = vista.datos;
  const series = d ? seriesDe(d.puntos, catalogo) : [];
  return (
    <section class="noche" aria-labelledby="noche-titulo">
      <h2 id="noche-titulo">La noche, corte por corte</h2>
      {d && d.puntos.length > 0 ? (
        <figure>
          <Grafica puntos={d.puntos} series={series} />
          <Leyenda series={series} />
          <figcaption>
            Porcentaje de actas contabilizadas y porcentaje de votos de las candidaturas que han ido adelante, por número de corte
            {d.puntos.length < d.de ? `; se muestran ${d.puntos.length} de ${d.de} cortes, espaciados de manera uniforme` : ''}.
          </figcaption>
          <Tabla puntos={d.puntos} series={series} offsetMinutes={vista.corte?.entidad.utcOffsetMinutes ?? 0} />
        </figure>
      ) : (
        <p class="cargando-cuerpo">{vista.errorCarga ?? 'Cargando…'}</p>
      )}
    </section>
  );
}

