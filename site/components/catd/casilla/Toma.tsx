/**
 * Taking a photo: the casilla (one of the device's; preselected when it has only one), the election whose acta it
 * is, and the camera (a file input that opens the rear camera on a phone). The clave being photographed is shown
 * in full before the photo, so the CAE can compare it with the acta.
 */
import { useState } from 'preact/hooks';
import { claveActa, nombreCasilla } from '../../../lib/catd/casilla/contexto.ts';
import type { ContextoDispositivo } from '../../../lib/catd/casilla/tipos.ts';

interface Props {
  ctx: ContextoDispositivo;
  tomar: (clave: string, archivo: File) => Promise<void>;
}

export default function Toma({ ctx, tomar }: Props) {
  const [casilla, setCasilla] = useState(ctx.casillas.length === 1 ? ctx.casillas[0]! : '');
  const [tipoActa, setTipoActa] = useState('');
  const eleccion = ctx.elecciones.find((e) => e.tipoActa === tipoActa) ?? null;
  const clave = casilla !== '' && eleccion ? claveActa(casilla, eleccion) : null;
  return (
    <section class="toma" aria-labelledby="toma-titulo">
      <h2 id="toma-titulo">Fotografiar un acta</h2>
      <label for="casilla">Casilla</label>
      <select id="casilla" value={casilla} onChange={(e) => setCasilla((e.target as HTMLSelectElement).value)}>
        {ctx.casillas.length > 1 && <option value="">Elija la casilla…</option>}
        {ctx.casillas.map((c) => (
          <option key={c} value={c}>
            {nombreCasilla(c)} ({c})
          </option>
        ))}
      </select>
      <label for="eleccion">Acta de la elección</label>
      {ctx.elecciones.length === 0 ? (
        <p class="ayuda" id="eleccion">
          Aún no se publica el catálogo de elecciones. Conéctese y recargue la página cuando la coordinación lo indique.
        </p>
      ) : (
        <select id="eleccion" value={tipoActa} onChange={(e) => setTipoActa((e.target as HTMLSelectElement).value)}>
          <option value="">Elija la elección…</option>
          {ctx.elecciones.map((e) => (
            <option key={e.tipoActa} value={e.tipoActa}>
              {e.nombre}
            </option>
          ))}
        </select>
      )}
      <p class="clave-toma" aria-live="polite">
        {clave ? (
          <>
            Clave del acta: <strong data-clave-toma={clave}>{clave}</strong>
          </>
        ) : (
          'Elija la casilla y la elección para tomar la foto.'
        )}
      </p>
      <label class={`boton-archivo${clave ? '' : ' inactivo'}`}>
        Tomar foto del acta
        <input
          type="file"
          accept="image/*"
          capture="environment"
          disabled={clave === null}
          onChange={(e) => {
            const i = e.target as HTMLInputElement;
            const a = i.files?.[0];
            if (a && clave) void tomar(clave, a);
            i.value = '';
          }}
        />
      </label>
    </section>
  );
}
