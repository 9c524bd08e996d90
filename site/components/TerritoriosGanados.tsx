/**
 * "Distritos / municipios donde va adelante" on the entidad view (issue 15): per candidatura, how many of the
 * view's distritos or municipios it leads, from the leaders' map's own count (lib/ganados.ts), with the ties and
 * the territories without votes in rows of their own so the rows add up to every territory. Part of the view's
 * first load, so it is kept to a plain table.
 */
import { entero } from '../lib/formato.ts';
import { territoriosGanados } from '../lib/ganados.ts';
import type { VistaTerritorio } from '../lib/modelo.ts';

const PLURAL = { distrito: 'Distritos', municipio: 'Municipios' } as const;

function Fila({ nombre, n, lider }: { nombre: string; n: number; lider: string }) {
  return (
    <tr data-lider={lider} data-territorios={n}>
      <th scope="row">{nombre}</th>
      <td class="num">{entero(n)}</td>
    </tr>
  );
}

export default function TerritoriosGanados({ datos }: { datos: VistaTerritorio }) {
  const nivel = datos.hijos[0]?.nivel;
  if (datos.nivel !== 'entidad' || (nivel !== 'distrito' && nivel !== 'municipio')) return null;
  const g = territoriosGanados(datos.hijos, datos.catalogo);
  const titulo = PLURAL[nivel];
  return (
    <table class="ganados" data-ganados={nivel} style={{ maxWidth: "28rem", margin: "0.75rem 0" }}>
      <caption>{titulo} donde va adelante cada candidatura</caption>
      <thead>
        <tr>
          <th scope="col">Candidatura</th>
          <th scope="col" class="num">
            {titulo}
          </th>
        </tr>
      </thead>
      <tbody>
        {g.lideres.map((l) => (
          <Fila key={l.id} nombre={l.nombre} n={l.territorios} lider={l.id} />
        ))}
        {g.empates > 0 ? <Fila nombre="Empate en el primer lugar" n={g.empates} lider="empate" /> : null}
        {g.sinVotos > 0 ? <Fila nombre="Sin votos contabilizados todavía" n={g.sinVotos} lider="sin-votos" /> : null}
      </tbody>
      <tfoot>
        <Fila nombre="Total" n={g.total} lider="total" />
      </tfoot>
    </table>
  );
}
