/** Who is signed in at this workstation and until when (the device's local time, es-MX). */
import { duracion, fechaHoraLocal } from '../../lib/catd/formato.ts';
import { NOMBRE_AMBITO, NOMBRE_ROL } from '../../lib/catd/roles.ts';
import type { Sesion } from '../../lib/catd/tipos.ts';

export default function Operador({ sesion }: { sesion: Sesion }) {
  const op = sesion.operador;
  return (
    <section aria-labelledby="quien">
      <h2 id="quien">Sesión de {op.nombre}</h2>
      <dl class="ficha">
        <dt>Operador</dt>
        <dd data-operador-nombre>{op.nombre}</dd>
        <dt>Identificador</dt>
        <dd data-operador-id>{op.id}</dd>
        <dt>{op.catd ? 'CATD' : 'Ámbito'}</dt>
        <dd data-operador-catd>{op.catd ?? NOMBRE_AMBITO[op.ambito] ?? op.ambito}</dd>
        <dt>Roles</dt>
        <dd data-operador-roles={op.roles.join(',')}>{op.roles.map((r) => NOMBRE_ROL[r] ?? r).join(', ')}</dd>
        <dt>La sesión vence</dt>
        <dd>
          <time dateTime={new Date(sesion.expiraAt).toISOString()} data-expira={sesion.expiraAt}>
            {fechaHoraLocal(sesion.expiraAt)}
          </time>{' '}
          (en {duracion(sesion.expiraAt - Date.now())})
        </dd>
      </dl>
    </section>
  );
}
