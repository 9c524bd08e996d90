/** PREP Casilla devices: how many exist, have been seen, are silent; the silent ones by name. */
import { haceCuanto, numero } from '../../lib/consola/formato.ts';
import type { EstadoConsola } from '../../lib/consola/tipos.ts';

export default function Dispositivos({ d, ahora }: { d: EstadoConsola['entidad']['dispositivos']; ahora: number }) {
  const silenciosos = d.lista.filter((x) => x.silencioso);
  return (
    <section aria-labelledby="dispositivos-titulo">
      <h2 id="dispositivos-titulo">Dispositivos PREP Casilla</h2>
      <p data-dispositivos={`${d.total}/${d.vistos}/${d.silenciosos}`}>
        {numero(d.total)} activos · {numero(d.vistos)} han enviado alguna imagen · {numero(d.silenciosos)} en silencio.
      </p>
      {silenciosos.length > 0 ? (
        <ul class="silenciosos">
          {silenciosos.map((x) => (
            <li key={x.id}>
              {x.nombre} ({x.id}): {x.vistoAt === null ? 'nunca visto' : `visto ${haceCuanto(x.vistoAt, ahora)}`}
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
