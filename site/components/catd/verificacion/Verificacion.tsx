/**
 * The verification screen: the verifier's queue (their CATD, oldest first); the oldest acta they may verify is
 * opened — its image beside its captures compared field by field — and, once resolved (or sent back to capture),
 * the next one. An acta this person captured, or one no longer in verificación, is set aside for the session.
 */
import { camposDeFormulario, type CampoFormulario } from '../../../lib/catd/captura/campos.ts';
import { leerBoleta } from '../../../lib/catd/captura/cola.ts';
import type { BoletaActa } from '../../../lib/catd/captura/tipos.ts';
import { INICIO_CATD } from '../../../lib/catd/navegacion.ts';
import type { CapturaRonda } from '../../../lib/catd/verificacion/comparar.ts';
import { enviarVerificacion, leerCapturas, leerColaVerificacion, type CuerpoVerificacion } from '../../../lib/catd/verificacion/datos.ts';
import { useSesionDeRol } from '../acopio/useSesionDeRol.ts';
import ImagenActa, { acotarZoom } from '../captura/ImagenActa.tsx';
import ListaCola from '../captura/ListaCola.tsx';
import { useColaDeActas, type ActaAbierta } from '../useColaDeActas.ts';
import Comparacion from './Comparacion.tsx';

interface Abierta extends ActaAbierta {
  boleta: BoletaActa;
  campos: CampoFormulario[];
  capturas: CapturaRonda[];
}

/** Why this person cannot verify the acta now, or null. */
function motivoParaOmitir(b: BoletaActa, capturas: readonly CapturaRonda[]): string | null {
  if (b.etapa !== 'VERIFICACION') return `El acta ${b.clave} ya no está en verificación.`;
  if (b.capturadaPorUsted) return `Usted capturó el acta ${b.clave}: la verifica otra persona.`;
  if (capturas.length < 2) return `El acta ${b.clave} no tiene dos capturas que comparar.`;
  return null;
}

export default function Verificacion() {
  const { sesion, error: errorSesion } = useSesionDeRol('verificacion');
  const { cola, abierta, nota, error, enviando, zoom, setZoom, omitidas, abrir, leerCola, enviar } = useColaDeActas<Abierta>(sesion !== null, {
    leerCola: leerColaVerificacion,
    abrir: async (clave) => {
      const boleta = await leerBoleta(clave);
      const capturas = boleta.ronda === null ? [] : await leerCapturas(clave, boleta.ronda);
      return motivoParaOmitir(boleta, capturas) ?? { clave, boleta, campos: camposDeFormulario(boleta), capturas, llave: crypto.randomUUID() };
    },
  });
  const mandar = (cuerpo: CuerpoVerificacion) =>
    enviar(async (a, reintento) => {
      const r = await enviarVerificacion(a.clave, cuerpo, a.llave, reintento);
      return r.etapa === 'VERIFICADA' ? `Acta ${a.clave} verificada.` : `Acta ${a.clave} enviada a recaptura.`;
    });

  if (sesion === null) {
    return (
      <div class="aviso-catd" role={errorSesion ? 'alert' : 'status'} data-aviso={errorSesion ? 'error' : undefined}>
        {errorSesion ?? 'Comprobando su sesión…'} {errorSesion ? <a href={INICIO_CATD}>Volver al inicio</a> : null}
      </div>
    );
  }
  const b = abierta?.boleta;
  return (
    <div class="captura verificacion" data-sesion={sesion.operador.id}>
      <p class="ayuda">
        {sesion.operador.nombre} ({sesion.operador.id}){sesion.operador.catd ? ` · ${sesion.operador.catd}` : ''} · <a href={INICIO_CATD}>Volver al inicio</a>
      </p>
      <div class="aviso-catd info" role="status" data-nota>
        {nota}
      </div>
      <div class="aviso-catd error" role="alert">
        {error}
      </div>
      {abierta !== null && b !== undefined ? (
        <section aria-labelledby="acta-en-verificacion">
          <h2 id="acta-en-verificacion">
            Acta {b.clave} · {b.eleccion.nombre}
            {b.ronda !== null && b.ronda > 1 ? ` · ronda ${b.ronda}` : ''}
          </h2>
          <div class="area">
            <ImagenActa clave={b.clave} zoom={zoom} cambiarZoom={(d) => setZoom((z) => (d === null ? 1 : acotarZoom(z + d)))} />
            <Comparacion key={b.clave} clave={b.clave} campos={abierta.campos} capturas={abierta.capturas} enviando={enviando} enviar={(c) => void mandar(c)} />
          </div>
        </section>
      ) : (
        <p role="status" data-sin-acta>
          {cola === null ? 'Leyendo la cola de verificación…' : 'No hay actas por verificar por ahora.'}
        </p>
      )}
      <ListaCola
        cola={cola}
        actual={b?.clave ?? null}
        omitidas={omitidas}
        elegir={(clave) => void abrir(clave)}
        actualizar={() => void leerCola(abierta === null)}
        titulo="Cola de verificación"
        vacia="No hay actas por verificar. La cola se revisa sola cada 15 segundos."
      />
    </div>
  );
}
