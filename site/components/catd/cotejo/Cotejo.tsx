/**
 * The supervisor's cotejo screen: the queue of verified actas not yet cotejadas (their CATD, oldest first); the
 * oldest is opened — its image beside the figures it was verified with and its timeline — and, once decided
 * (accepted, or sent to recaptura / redigitalización), the next one.
 */
import { camposDeFormulario, type CampoFormulario } from '../../../lib/catd/captura/campos.ts';
import { leerBoleta } from '../../../lib/catd/captura/cola.ts';
import type { CuerpoCaptura } from '../../../lib/catd/captura/tipos.ts';
import { enviarCotejo, leerActa, leerColaCotejo, leerHistorial, type CuerpoCotejo, type EventoHistorial } from '../../../lib/catd/cotejo/datos.ts';
import { INICIO_CATD } from '../../../lib/catd/navegacion.ts';
import { useSesionDeRol } from '../acopio/useSesionDeRol.ts';
import ImagenActa, { acotarZoom } from '../captura/ImagenActa.tsx';
import ListaCola from '../captura/ListaCola.tsx';
import CifrasVerificadas from './CifrasVerificadas.tsx';
import Decision from './Decision.tsx';
import Historial from './Historial.tsx';
import { useColaDeActas, type ActaAbierta } from '../useColaDeActas.ts';

interface Abierta extends ActaAbierta {
  eleccion: string;
  campos: CampoFormulario[];
  captura: CuerpoCaptura;
  eventos: EventoHistorial[];
}

const TRAS: Readonly<Record<CuerpoCotejo['accion'], string>> = {
  ACEPTAR: 'aceptada en el cotejo',
  RECAPTURA: 'enviada a recaptura',
  REDIGITALIZACION: 'enviada a redigitalización',
};

export default function Cotejo() {
  const { sesion, error: errorSesion } = useSesionDeRol('supervisor');
  const { cola, abierta, nota, error, enviando, zoom, setZoom, omitidas, abrir, leerCola, enviar } = useColaDeActas<Abierta>(sesion !== null, {
    leerCola: leerColaCotejo,
    abrir: async (clave) => {
      const [boleta, acta, eventos] = await Promise.all([leerBoleta(clave), leerActa(clave), leerHistorial(clave)]);
      const verificada = acta.estado?.verificada ?? null;
      if (acta.etapa !== 'VERIFICADA' || verificada === null || acta.estado?.cotejada !== 0) return `El acta ${clave} ya no espera cotejo.`;
      return { clave, eleccion: boleta.eleccion.nombre, campos: camposDeFormulario(boleta), captura: verificada.captura, eventos, llave: crypto.randomUUID() };
    },
  });
  const mandar = (cuerpo: CuerpoCotejo) =>
    enviar(async (a, reintento) => {
      await enviarCotejo(a.clave, cuerpo, a.llave, reintento);
      return `Acta ${a.clave} ${TRAS[cuerpo.accion]}.`;
    });

  if (sesion === null) {
    return (
      <div class="aviso-catd" role={errorSesion ? 'alert' : 'status'} data-aviso={errorSesion ? 'error' : undefined}>
        {errorSesion ?? 'Comprobando su sesión…'} {errorSesion ? <a href={INICIO_CATD}>Volver al inicio</a> : null}
      </div>
    );
  }
  return (
    <div class="captura verificacion cotejo" data-sesion={sesion.operador.id}>
      <p class="ayuda">
        {sesion.operador.nombre} ({sesion.operador.id}){sesion.operador.catd ? ` · ${sesion.operador.catd}` : ''} · <a href={INICIO_CATD}>Volver al inicio</a>
      </p>
      <div class="aviso-catd info" role="status" data-nota>
        {nota}
      </div>
      <div class="aviso-catd error" role="alert">
        {error}
      </div>
      {abierta !== null ? (
        <section aria-labelledby="acta-en-cotejo">
          <h2 id="acta-en-cotejo">
            Acta {abierta.clave} · {abierta.eleccion}
          </h2>
          <div class="area">
            <ImagenActa clave={abierta.clave} zoom={zoom} cambiarZoom={(d) => setZoom((z) => (d === null ? 1 : acotarZoom(z + d)))} />
            <div class="comparacion">
              <Decision key={abierta.clave} clave={abierta.clave} enviando={enviando} enviar={(c) => void mandar(c)} />
              <CifrasVerificadas campos={abierta.campos} captura={abierta.captura} />
              <Historial eventos={abierta.eventos} />
            </div>
          </div>
        </section>
      ) : (
        <p role="status" data-sin-acta>
          {cola === null ? 'Leyendo la cola de cotejo…' : 'No hay actas por cotejar por ahora.'}
        </p>
      )}
      <ListaCola
        cola={cola}
        actual={abierta?.clave ?? null}
        omitidas={omitidas}
        elegir={(clave) => void abrir(clave)}
        actualizar={() => void leerCola(abierta === null)}
        titulo="Cola de cotejo"
        vacia="No hay actas por cotejar. La cola se revisa sola cada 15 segundos."
      />
    </div>
  );
}
