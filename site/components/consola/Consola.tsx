/**
 * The institute's operations console (issue 17), live: alerts at the top, the entidad's totals per election, the
 * table per CATD × election, the PREP Casilla devices. Read every 5 s without reloading; the last figures stay on
 * screen while a read is on its way or has failed. For admin and observador operators of the institute.
 */
import { useEffect, useState } from 'preact/hooks';
import { ErrorCatd } from '../../lib/catd/api.ts';
import { mensajeDeError } from '../../lib/catd/mensajes.ts';
import { ENTRAR } from '../../lib/catd/navegacion.ts';
import { salir, sesionRequerida } from '../../lib/catd/sesion.ts';
import type { Sesion } from '../../lib/catd/tipos.ts';
import { horaDe } from '../../lib/consola/formato.ts';
import type { EstadoConsola } from '../../lib/consola/tipos.ts';
import { CADA_MS, useEstadoConsola } from '../../lib/consola/useEstadoConsola.ts';
import Alertas from './Alertas.tsx';
import Dispositivos from './Dispositivos.tsx';
import TablaFiguras, { type Fila } from './TablaFiguras.tsx';

const mensaje = (e: unknown) => (e instanceof ErrorCatd && e.status === 401 ? null : mensajeDeError(e));

function filasCatd(e: EstadoConsola): Fila[] {
  return e.catds.flatMap((c) =>
    c.elecciones.map((x) => ({
      clave: `${c.id}|${x.eleccion}`,
      titulo: c.id === '' ? c.nombre : c.id,
      detalle: c.id === '' ? undefined : c.nombre,
      subtitulo: x.eleccion,
      figuras: x.figuras,
      ultimaActividad: c.ultimaActividad,
      datos: { catd: c.id, eleccion: x.eleccion },
    })),
  );
}

function filasEntidad(e: EstadoConsola): Fila[] {
  return [
    ...e.entidad.elecciones.map((x) => ({ clave: x.eleccion, titulo: x.eleccion, figuras: x.figuras, datos: { eleccion: x.eleccion } })),
    { clave: '*', titulo: 'Total', figuras: e.entidad.figuras, datos: { eleccion: '*' } },
  ];
}

function Tablero({ e }: { e: EstadoConsola }) {
  return (
    <>
      <Alertas alertas={e.alertas} ahora={e.ahora} />
      <section aria-labelledby="entidad-titulo">
        <h2 id="entidad-titulo">Entidad</h2>
        <TablaFiguras id="tabla-entidad" titulo="Actas de la entidad por elección" encabezados={['Elección']} filas={filasEntidad(e)} ahora={e.ahora} conActividad={false} />
        <p class="pie">
          {e.cortes.ultimo
            ? `Último corte: número ${e.cortes.ultimo.numero}${e.cortes.ultimo.final ? ' (final)' : ''}, publicado a las ${horaDe(e.cortes.ultimo.publicadoAt)}`
            : 'Aún no se publica ningún corte.'}{' '}
          {e.bitacora.rotaId !== null
            ? `Bitácora rota en la entrada ${e.bitacora.rotaId}.`
            : e.bitacora.verificadaAt !== null
              ? `Bitácora verificada hasta la entrada ${e.bitacora.hastaId} a las ${horaDe(e.bitacora.verificadaAt)}`
              : 'Bitácora aún sin verificar.'}
        </p>
      </section>
      <section aria-labelledby="catd-titulo">
        <h2 id="catd-titulo">Por CATD y elección</h2>
        <TablaFiguras id="tabla-catd" titulo="Actas por CATD y elección" encabezados={['CATD', 'Elección']} filas={filasCatd(e)} ahora={e.ahora} conActividad />
      </section>
      <Dispositivos d={e.entidad.dispositivos} ahora={e.ahora} />
    </>
  );
}

export default function Consola() {
  const [sesion, setSesion] = useState<Sesion | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [saliendo, setSaliendo] = useState(false);
  const { estado, error: errorLectura, sinAcceso } = useEstadoConsola(sesion !== null);

  useEffect(() => {
    sesionRequerida()
      .then(setSesion)
      .catch((e) => setError(mensaje(e)));
  }, []);

  async function cerrar() {
    setSaliendo(true);
    try {
      await salir();
    } catch (e) {
      if (!(e instanceof ErrorCatd && e.status === 401)) {
        setError(mensajeDeError(e));
        setSaliendo(false);
        return;
      }
    }
    location.replace(`${ENTRAR}?motivo=CERRADA`);
  }

  if (sesion === null) {
    return (
      <div class="aviso-catd" role={error ? 'alert' : 'status'}>
        {error ?? 'Comprobando su sesión…'}
      </div>
    );
  }
  return (
    <div data-sesion={sesion.operador.id} data-actualizado={estado?.ahora ?? ''}>
      <p class="operador">
        {sesion.operador.nombre} ({sesion.operador.id}) ·{' '}
        <button type="button" class="secundario" onClick={cerrar} disabled={saliendo}>
          {saliendo ? 'Cerrando sesión…' : 'Cerrar sesión'}
        </button>
      </p>
      {sinAcceso ? (
        <div class="aviso-catd error" role="alert">
          Su operador no tiene acceso a la consola (requiere el rol admin u observador del instituto). <a href="/catd/">Ir a la estación del CATD</a>.
        </div>
      ) : null}
      {error || (errorLectura && !sinAcceso) ? (
        <div class="aviso-catd error" role="alert">
          {error ?? `No se pudo actualizar: ${errorLectura}`} {estado ? 'Se muestran las últimas cifras leídas.' : ''}
        </div>
      ) : null}
      {estado ? (
        <>
          <p class="actualizado" role="status">
            Cifras de las {horaDe(estado.ahora)} (hora del servidor); se actualizan cada {CADA_MS / 1000} s.
          </p>
          <Tablero e={estado} />
        </>
      ) : sinAcceso ? null : (
        <p role="status">Leyendo el estado…</p>
      )}
    </div>
  );
}
