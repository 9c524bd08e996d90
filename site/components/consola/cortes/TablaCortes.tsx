/** Every published corte, newest first: instant, sequence, actas, duration, shards, bytes and problems. */
import { numero } from '../../../lib/consola/formato.ts';
import type { CorteFila } from './api.ts';
import { bytes, fechaHora, MOTIVO, segundos } from './textos.ts';

export default function TablaCortes({ cortes }: { cortes: CorteFila[] }) {
  if (cortes.length === 0) return <p>Aún no se ha publicado ningún corte.</p>;
  return (
    <div class="tabla-desplazable" tabIndex={0} role="region" aria-labelledby="titulo-tabla-cortes">
      <table>
        <caption id="titulo-tabla-cortes">Cortes publicados (el más reciente primero)</caption>
        <thead>
          <tr>
            <th scope="col">Corte</th>
            <th scope="col">Instante</th>
            <th scope="col" class="num">Secuencia</th>
            <th scope="col" class="num">Actas</th>
            <th scope="col" class="num">Duración</th>
            <th scope="col" class="num">Shards escritos</th>
            <th scope="col" class="num">Shards reusados</th>
            <th scope="col" class="num">Bytes escritos</th>
            <th scope="col" class="num">Problemas</th>
          </tr>
        </thead>
        <tbody>
          {[...cortes].reverse().map((c) => (
            <tr key={c.numero} data-corte={c.numero}>
              <th scope="row" class="titulo-fila">
                {numero(c.numero)}
                {c.final ? ' (final)' : ''}
                <span class="detalle-fila">
                  {MOTIVO[c.motivo]}, {c.modo}
                  {c.solicitadoPor ? `; pedido por ${c.solicitadoPor}` : ''}
                  {c.confirmadoPor ? `, confirmado por ${c.confirmadoPor}` : ''}
                </span>
              </th>
              <td>
                {fechaHora(c.instante)}
                <span class="detalle-fila">publicado {fechaHora(c.publicadoAt)}</span>
              </td>
              <td class="num">{numero(c.secuencia)}</td>
              <td class="num">{numero(c.actas)}</td>
              <td class="num">{segundos(c.milisegundos)}</td>
              <td class="num">{numero(c.shardsEscritos)}</td>
              <td class="num">{numero(c.shardsReusados)}</td>
              <td class="num">{bytes(c.bytesEscritos)}</td>
              <td class="num">{numero(c.problemas)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
