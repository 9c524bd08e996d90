/**
 * Island of the home page: the elections of the newest corte, each with its instant, actas contabilizadas,
 * participation and leading candidaturas, linking to its full view.
 */
import { entero, porcentaje } from '../lib/formato.ts';
import type { VistaInicio } from '../lib/modelo.ts';
import { barrasPorCandidatura } from '../lib/barras.ts';
import { idCorte, sondeo } from '../lib/publicacion.ts';
import { cargarInicio } from '../lib/publicacionInicio.ts';
import { hrefDe } from '../lib/ruta.ts';
import { useCorte } from '../lib/useCorte.ts';
import Ayuda from './Ayuda.tsx';
import Barras from './Barras.tsx';
import EstadoCorte from './EstadoCorte.tsx';
import Respuesta, { RespuestaCargando } from './Respuesta.tsx';
import { principal } from '../lib/respuesta.ts';

const PRIMEROS = 3;

function Tarjetas({ datos }: { datos: VistaInicio }) {
  return (
    <ul class="tarjetas">
      {datos.elecciones.map((r) => {
        const f = r.figuras;
        const barras = barrasPorCandidatura(r.candidaturas, {}, r.catalogo).slice(0, PRIMEROS);
        return (
          <li key={r.eleccion.codigo} class="tarjeta" data-eleccion={r.eleccion.codigo}>
            <h2>
              <a href={hrefDe({ vista: 'entidad', e: r.eleccion.codigo })}>{r.eleccion.nombre}</a>
            </h2>
            <dl class="cifras">
              <div class="cifra" data-cifra="contabilizadas">
                <dt>
                  Actas contabilizadas
                  <Ayuda termino="acta-contabilizada" />
                </dt>
                <dd>
                  <strong>{porcentaje(f.PORCENTAJE_ACTAS_CONTABILIZADAS)}</strong>
                  <span class="sub">
                    {entero(f.ACTAS_CONTABILIZADAS)} de {entero(f.ACTAS_ESPERADAS)}
                  </span>
                </dd>
              </div>
              <div class="cifra" data-cifra="participacion">
                <dt>
                  Participación ciudadana
                  <Ayuda termino="participacion" />
                </dt>
                <dd>
                  <strong>{porcentaje(f.PORCENTAJE_PARTICIPACION_CIUDADANA)}</strong>
                </dd>
              </div>
            </dl>
            {barras.length > 0 ? (
              <Barras
                titulo={`Candidaturas con más votos (de ${entero(f.TOTAL_VOTOS_C_CS)} votos)`}
                columna="Candidatura"
                barras={barras}
                total={f.TOTAL_VOTOS_C_CS}
              />
            ) : (
              <p>Aún no hay actas contabilizadas.</p>
            )}
            <p>
              <a href={hrefDe({ vista: 'entidad', e: r.eleccion.codigo })}>
                Ver todos los resultados<span class="sr-only"> de {r.eleccion.nombre}</span>
              </a>
            </p>
          </li>
        );
      })}
    </ul>
  );
}

export default function Inicio() {
  const vista = useCorte(sondeo, 'inicio', cargarInicio, idCorte);
  const corte = vista.corte ? vista.datos?.corte : undefined;
  const primera = vista.datos ? principal(vista.datos.elecciones) : undefined;
  const sinDatos = vista.sondeo.sinPublicacion || vista.sondeo.error || vista.errorCarga;
  // Until the data arrives, the answer and the cards keep their place (a skeleton the answer's size, then a
  // screen-tall block), so the status line above never moves and what follows stays off screen.
  return (
    <section aria-label="Resultados del corte más reciente">
      <EstadoCorte
        instante={corte?.instante ?? null}
        offsetMinutes={corte?.offsetMinutes ?? null}
        numero={corte?.numero}
        final={corte?.final}
        confirmadoEn={vista.sondeo.confirmadoEn}
        error={vista.sondeo.error ?? (vista.datos ? null : vista.errorCarga)}
        actualizando={vista.actualizando}
        sinPublicacion={vista.sondeo.sinPublicacion}
      />
      {vista.datos && primera ? (
        <Respuesta eleccion={primera.eleccion} donde={vista.datos.corte.entidad.nombre} resultados={primera} catalogo={primera.catalogo} corte={vista.datos.corte} />
      ) : vista.datos || sinDatos ? null : (
        <RespuestaCargando />
      )}
      {vista.datos ? (
        <>
          <h2 id="elecciones-titulo">Elecciones en {vista.datos.corte.entidad.nombre}</h2>
          {vista.datos.corte.entidad.sintetico ? <p class="sintetico">Datos sintéticos de prueba: no corresponden a una elección real.</p> : null}
          <Tarjetas datos={vista.datos} />
        </>
      ) : sinDatos ? null : (
        <p class="cargando-cuerpo">Cargando…</p>
      )}
    </section>
  );
}
