/**
 * The supervisor's cotejo screen: the queue of verified actas not yet cotejadas (their CATD, oldest first); the
 * oldest is opened — its image beside the figures it was verified with and its timeline — and, once decided
 * (accepted, or sent to recaptura / redigitalización), the next one.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { ErrorCatd } from '../../../lib/catd/api.ts';
import { camposDeFormulario, type CampoFormulario } from '../../../lib/catd/captura/campos.ts';
import { leerBoleta, siguiente } from '../../../lib/catd/captura/cola.ts';
import type { CuerpoCaptura } from '../../../lib/catd/captura/tipos.ts';
import { enviarCotejo, leerActa, leerColaCotejo, leerHistorial, type CuerpoCotejo, type EventoHistorial } from '../../../lib/catd/cotejo/datos.ts';
import { mensajeDeError } from '../../../lib/catd/mensajes.ts';
import { INICIO_CATD } from '../../../lib/catd/navegacion.ts';
import type { ElementoCola } from '../../../lib/catd/tipos.ts';
import { useSesionDeRol } from '../acopio/useSesionDeRol.ts';
import ImagenActa, { acotarZoom } from '../captura/ImagenActa.tsx';
import ListaCola from '../captura/ListaCola.tsx';
import CifrasVerificadas from './CifrasVerificadas.tsx';
import Decision from './Decision.tsx';
import Historial from './Historial.tsx';

const mensaje = (e: unknown) => (e instanceof ErrorCatd && e.status === 401 ? null : mensajeDeError(e));

interface Abierta {
  clave: string;
  eleccion: string;
  campos: CampoFormulario[];
  captura: CuerpoCaptura;
  eventos: EventoHistorial[];
  /** One Idempotency-Key per opened acta: a cut send is repeated with it, never recorded twice. */
  llave: string;
}

const TRAS: Readonly<Record<CuerpoCotejo['accion'], string>> = {
  ACEPTAR: 'aceptada en el cotejo',
  RECAPTURA: 'enviada a recaptura',
  REDIGITALIZACION: 'enviada a redigitalización',
};

export default function Cotejo() {
  const { sesion, error: errorSesion } = useSesionDeRol('supervisor');
  const [cola, setCola] = useState<ElementoCola[] | null>(null);
  const [abierta, setAbierta] = useState<Abierta | null>(null);
  const [nota, setNota] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [enviando, setEnviando] = useState(false);
  const [zoom, setZoom] = useState(1);
  const omitidas = useRef(new Set<string>());

  async function abrir(clave: string): Promise<boolean> {
    try {
      const [boleta, acta, eventos] = await Promise.all([leerBoleta(clave), leerActa(clave), leerHistorial(clave)]);
      const verificada = acta.estado?.verificada ?? null;
      if (acta.etapa !== 'VERIFICADA' || verificada === null || acta.estado?.cotejada !== 0) {
        omitidas.current.add(clave);
        setNota(`El acta ${clave} ya no espera cotejo.`);
        return false;
      }
      setError(null);
      setZoom(1);
      setAbierta({ clave, eleccion: boleta.eleccion.nombre, campos: camposDeFormulario(boleta), captura: verificada.captura, eventos, llave: crypto.randomUUID() });
      return true;
    } catch (e) {
      setError(mensaje(e));
      omitidas.current.add(clave);
      return false;
    }
  }

  async function tomar(c: readonly ElementoCola[]): Promise<void> {
    for (let a = siguiente(c, omitidas.current); a !== null; a = siguiente(c, omitidas.current)) if (await abrir(a.clave)) return;
    setAbierta(null);
  }

  async function leerCola(tomarSiguiente: boolean): Promise<void> {
    try {
      const c = await leerColaCotejo();
      setCola(c);
      if (tomarSiguiente) await tomar(c);
    } catch (e) {
      setError(mensaje(e));
    }
  }

  async function enviar(cuerpo: CuerpoCotejo) {
    if (abierta === null) return;
    const { clave, llave } = abierta;
    setEnviando(true);
    try {
      await enviarCotejo(clave, cuerpo, llave, (n) => setNota(`Sin respuesta del servidor; reintento ${n}…`));
      setNota(`Acta ${clave} ${TRAS[cuerpo.accion]}.`);
      omitidas.current.add(clave);
      const resto = (cola ?? []).filter((a) => a.clave !== clave);
      setCola(resto);
      await (siguiente(resto, omitidas.current) !== null ? tomar(resto) : leerCola(true));
    } catch (e) {
      setError(mensaje(e));
    } finally {
      setEnviando(false);
    }
  }

  useEffect(() => {
    if (sesion !== null) void leerCola(true);
  }, [sesion]);

  useEffect(() => {
    if (sesion === null) return;
    const t = setInterval(() => document.visibilityState === 'visible' && void leerCola(abierta === null), abierta === null ? 15_000 : 30_000);
    return () => clearInterval(t);
  }, [sesion, abierta]);

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
              <Decision key={abierta.clave} clave={abierta.clave} enviando={enviando} enviar={(c) => void enviar(c)} />
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
        omitidas={omitidas.current}
        elegir={(clave) => void abrir(clave)}
        actualizar={() => void leerCola(abierta === null)}
        titulo="Cola de cotejo"
        vacia="No hay actas por cotejar. La cola se revisa sola cada 15 segundos."
      />
    </div>
  );
}
