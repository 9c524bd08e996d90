/**
 * What a view shows when its link names something the publication does not have (an election, a distrito or
 * municipio, a sección, an acta): that it does not exist — not that the connection failed — and links to what
 * does exist instead.
 */
import { type NoExiste, QUE_HACER_NO_EXISTE, queOcurrio } from '../lib/fallas.ts';

export default function Inexistente({ falla }: { falla: NoExiste }) {
  return (
    <div class="no-existe" role="alert" data-no-existe={falla.que}>
      <p>
        <strong>{queOcurrio({ tipo: 'no-existe', que: falla.que, id: falla.id })}</strong>
      </p>
      {falla.alternativas.length > 0 ? (
        <>
          <p>{QUE_HACER_NO_EXISTE}</p>
          <ul>
            {falla.alternativas.map((a) => (
              <li key={a.href}>
                <a href={a.href}>{a.texto}</a>
              </li>
            ))}
          </ul>
        </>
      ) : (
        <p>
          Revisa el enlace o vuelve al <a href="/">inicio</a>.
        </p>
      )}
    </div>
  );
}
