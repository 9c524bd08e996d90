/**
 * One sección of one election: its figures and votes, and every casilla's acta with its status; each acta links
 * to its detail (image, integrity code, observations, times). As of a past corte (`corte`, CorteAnterior.tsx) the
 * actas are those that corte published, and their links keep it.
 */
import { entero } from '../lib/formato.ts';
import type { VistaSeccion as Datos } from '../lib/modelo.ts';
import { Enlace, padreDe } from '../lib/ruta.ts';
import { casillaTexto, estatusTexto } from '../lib/textos.ts';
import Ayuda from './Ayuda.tsx';
import Desplazable from './Desplazable.tsx';
import Resultados from './Resultados.tsx';

/** `corte`: the past corte the figures are of (none: the newest). */
export default function VistaSeccion({ datos, corte }: { datos: Datos; corte?: number }) {
  const donde = `Sección ${datos.seccion}`;
  const padre = padreDe(datos.eleccion.territorio, datos);
  return (
    <>
      <p>
        Distrito local {datos.distrito.id} ({datos.distrito.nombre}) · Municipio de {datos.municipio.nombre}
      </p>
      <h2>Casillas y actas</h2>
      <Desplazable etiqueta={`Actas de la sección ${datos.seccion}`} id="tabla-actas">
        <table id="tabla-actas">
          <caption>Actas de la sección {datos.seccion}: estado y total de votos (cada casilla lleva a su acta)</caption>
          <thead>
            <tr>
              <th scope="col">Casilla</th>
              <th scope="col">
                Estado
                <Ayuda termino="acta-contabilizada" />
              </th>
              <th scope="col" class="num">
                Total de votos
              </th>
            </tr>
          </thead>
          <tbody>
            {datos.actas.map((a) => {
              const est = estatusTexto(a.estatus);
              return (
                <tr key={a.clave} data-clave={a.clave}>
                  <th scope="row">
                    <Enlace ruta={{ vista: 'acta', e: datos.eleccion.codigo, s: datos.seccion, a: a.clave, padre, corte }}>
                      <span class="sr-only">Acta de la casilla </span>
                      {casillaTexto(a.casilla)}
                    </Enlace>
                    <Ayuda termino={a.casilla.tipo === 'S' ? 'casilla-especial' : undefined} />
                  </th>
                  <td>
                    <span class={`estatus ${est.clase}`}>{est.texto}</span>
                    <Ayuda termino={a.estatus === 'FUERA_CATALOGO' ? 'fuera-de-catalogo' : undefined} />
                  </td>
                  <td class="num">{a.totalVotosCalculado === null ? '-' : entero(a.totalVotosCalculado)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </Desplazable>
      <h2>Resultados de la sección</h2>
      <Resultados datos={datos} catalogo={datos.catalogo} donde={donde} prefijo={`s-${datos.seccion}`} />
    </>
  );
}
