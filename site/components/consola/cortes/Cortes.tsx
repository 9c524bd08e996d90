/**
 * /consola/cortes/: every corte and what it cost, the publication latency, the window and cadence, and the
 * requests that wait for a second administrator (issue 17). Admin and observador read; only an admin requests,
 * confirms or cancels. Re-read every REFRESCO_MS and after every change.
 */
import { useEffect, useState } from 'preact/hooks';
import { duracion, numero } from '../../../lib/consola/formato.ts';
import { mensajeDeError } from '../../../lib/catd/mensajes.ts';
import { sesionRequerida } from '../../../lib/catd/sesion.ts';
import { listarCortes, listarSolicitudes, type ListaCortes, type Solicitud } from './api.ts';
import FormularioVentana from './FormularioVentana.tsx';
import Solicitudes from './Solicitudes.tsx';
import TablaCortes from './TablaCortes.tsx';

// The latency reads the publication log once per refresh: every 15 s is plenty for a screen of cortes.
const REFRESCO_MS = 15_000;

type Estado =
  | { fase: 'cargando' }
  | { fase: 'sin-permiso' }
  | { fase: 'error'; texto: string }
  | { fase: 'lista'; yo: string; esAdmin: boolean; cortes: ListaCortes; solicitudes: Solicitud[] };

const ms = (x: number | null) => (x === null ? '—' : duracion(x));

export default function Cortes() {
  const [estado, setEstado] = useState<Estado>({ fase: 'cargando' });
  const [aviso, setAviso] = useState('');
  const [version, setVersion] = useState(0);

  useEffect(() => {
    let vivo = true;
    async function leer() {
      try {
        const s = await sesionRequerida();
        const roles: readonly string[] = s.operador.roles;
        if (s.operador.ambito !== 'INSTITUTO' || !(roles.includes('admin') || roles.includes('observador'))) return vivo && setEstado({ fase: 'sin-permiso' });
        const [cortes, sol] = await Promise.all([listarCortes(), listarSolicitudes()]);
        if (vivo) setEstado({ fase: 'lista', yo: s.operador.id, esAdmin: roles.includes('admin'), cortes, solicitudes: sol.solicitudes });
      } catch (e) {
        if (vivo) setEstado({ fase: 'error', texto: mensajeDeError(e) });
      }
    }
    void leer();
    const t = setInterval(leer, REFRESCO_MS);
    return () => {
      vivo = false;
      clearInterval(t);
    };
  }, [version]);

  if (estado.fase === 'cargando') return <p role="status">Cargando cortes…</p>;
  if (estado.fase === 'sin-permiso') {
    return (
      <p class="aviso-catd error" role="alert">
        Esta pantalla es del instituto: su sesión no tiene el rol de administración ni de observación.
      </p>
    );
  }
  if (estado.fase === 'error') {
    return (
      <p class="aviso-catd error" role="alert">
        {estado.texto}
      </p>
    );
  }
  const cambio = (mensaje: string) => {
    setAviso(mensaje);
    setVersion((v) => v + 1);
  };
  const { latencia, cortes, configuracion } = estado.cortes;
  return (
    <div class="consola-cortes" data-listo="si">
      <p class="aviso-catd info" role="status">
        {aviso}
      </p>
      <section aria-labelledby="titulo-latencia">
        <h2 id="titulo-latencia">Latencia de publicación</h2>
        <p class="aclara">De la verificación de cada acta al registro del primer corte que la incluye.</p>
        <dl class="latencia">
          <dt>Mediana (p50)</dt>
          <dd data-latencia="p50">{ms(latencia.p50Ms)}</dd>
          <dt>Percentil 95</dt>
          <dd data-latencia="p95">{ms(latencia.p95Ms)}</dd>
          <dt>Actas verificadas publicadas</dt>
          <dd>{numero(latencia.actas)}</dd>
          <dt>Verificadas aún sin corte</dt>
          <dd>{numero(latencia.pendientes)}</dd>
        </dl>
      </section>
      <Solicitudes solicitudes={estado.solicitudes} yo={estado.yo} esAdmin={estado.esAdmin} alCambiar={cambio} />
      {estado.esAdmin ? (
        <FormularioVentana key={JSON.stringify(configuracion)} actual={configuracion} cerrada={cortes.at(-1)?.final === true} alCambiar={cambio} />
      ) : (
        <p>
          Ventana: {configuracion.jornada ?? 'sin ventana'}; un corte cada {configuracion.cadenciaMinutos} min.
        </p>
      )}
      <section aria-labelledby="titulo-cortes">
        <h2 id="titulo-cortes">Cortes</h2>
        <TablaCortes cortes={cortes} />
      </section>
    </div>
  );
}
