/**
 * Inicio for a reader without JavaScript (issue 15): the newest corte's answer block and, per election, its
 * actas contabilizadas, participation and every candidatura's votes as a table. The Worker renders it from the
 * shards into the page's <noscript> (worker/api/portal-sin-script.ts), so it carries no script and no inline style
 * (the page's CSP allows neither); without JavaScript the page does not update itself, so it says to reload.
 */
import { entero, fechaHora, participacionDe, porcentaje } from '../lib/formato.ts';
import type { ResumenEleccion, VistaInicio } from '../lib/modelo.ts';
import { nombreCorte } from '../lib/corte.ts';
import { barrasPorCandidatura } from '../lib/barras.ts';
import { principal } from '../lib/respuesta.ts';
import { hrefDe } from '../lib/ruta.ts';
import { EncabezadoVotos } from './Barras.tsx';
import Respuesta from './Respuesta.tsx';

function Votos({ r }: { r: ResumenEleccion }) {
  const total = r.figuras.TOTAL_VOTOS_C_CS;
  const filas = barrasPorCandidatura(r.candidaturas, r.votos, r.catalogo);
  if (filas.length === 0) return <p>Aún no hay actas contabilizadas.</p>;
  return (
    <table>
      <caption>Votos por candidatura (de {entero(total)} votos)</caption>
      <EncabezadoVotos columna="Candidatura" />
      <tbody>
        {filas.map((b) => (
          <tr key={b.clave} data-candidatura={b.clave}>
            <th scope="row">
              {b.etiqueta}
              {b.detalle ? <span class="sub"> · {b.detalle}</span> : null}
            </th>
            <td class="num">{entero(b.votos)}</td>
            <td class="num">{porcentaje(participacionDe(b.votos, total))}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function Eleccion({ r }: { r: ResumenEleccion }) {
  const f = r.figuras;
  return (
    <section class="tarjeta" data-eleccion={r.eleccion.codigo} aria-labelledby={`sin-script-${r.eleccion.codigo}`}>
      <h2 id={`sin-script-${r.eleccion.codigo}`}>{r.eleccion.nombre}</h2>
      <p>
        Actas contabilizadas: <strong data-cifra="contabilizadas">{porcentaje(f.PORCENTAJE_ACTAS_CONTABILIZADAS)}</strong> ({entero(f.ACTAS_CONTABILIZADAS)} de{' '}
        {entero(f.ACTAS_ESPERADAS)}). Participación ciudadana: <strong data-cifra="participacion">{porcentaje(f.PORCENTAJE_PARTICIPACION_CIUDADANA)}</strong>.
      </p>
      <Votos r={r} />
      <p>
        <a href={hrefDe({ vista: 'entidad', e: r.eleccion.codigo })}>
          Resultados por territorio<span class="sr-only"> de {r.eleccion.nombre}</span> (requiere JavaScript)
        </a>
      </p>
    </section>
  );
}

export default function InicioSinScript({ datos, simulacro }: { datos: VistaInicio; simulacro: string | null }) {
  const { corte } = datos;
  const primera = principal(datos.elecciones);
  return (
    <div class="sin-script" data-sin-script="inicio">
      {simulacro ? <p class="sintetico">{simulacro}</p> : null}
      <p>
        {nombreCorte(corte.numero, corte.final)}: {fechaHora(corte.instante, corte.offsetMinutes)}. Sin JavaScript esta página no se actualiza
        sola: recárgala para ver el corte más reciente.
      </p>
      {primera ? <Respuesta eleccion={primera.eleccion} donde={corte.entidad.nombre} resultados={primera} catalogo={primera.catalogo} corte={corte} /> : null}
      {datos.elecciones.map((r) => (
        <Eleccion key={r.eleccion.codigo} r={r} />
      ))}
    </div>
  );
}
