/**
 * The verification screen: the verifier's queue (their CATD, oldest first); the oldest acta they may verify is
 * opened — its image beside its captures compared field by field — and, once resolved (or sent back to capture),
 * the next one. An acta this person captured, or one no longer in verificación, is set aside for the session.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { ErrorCatd } from '../../../lib/catd/api.ts';
import { camposDeFormulario, type CampoFormulario } from '../../../lib/catd/captura/campos.ts';
import { leerBoleta, siguiente } from '../../../lib/catd/captura/cola.ts';
import type { BoletaActa } from '../../../lib/catd/captura/tipos.ts';
import { mensajeDeError } from '../../../lib/catd/mensajes.ts';
import { INICIO_CATD } from '../../../lib/catd/navegacion.ts';
import type { ElementoCola } from '../../../lib/catd/tipos.ts';
import type { CapturaRonda } from '../../../lib/catd/verificacion/comparar.ts';
import { enviarVerificacion, leerCapturas, leerColaVerificacion, type CuerpoVerificacion } from '../../../lib/catd/verificacion/datos.ts';
import { useSesionDeRol } from '../acopio/useSesionDeRol.ts';
import ImagenActa, { acotarZoom } from '../captura/ImagenActa.tsx';
import ListaCola from '../captura/ListaCola.tsx';
import Comparacion from './Comparacion.tsx';

const mensaje = (e: unknown) => (e instanceof ErrorCatd && e.status === 401 ? null : mensajeDeError(e));

interface Abierta {
  boleta: BoletaActa;
  campos: CampoFormulario[];
  capturas: CapturaRonda[];
  /** One Idempotency-Key per opened acta: a cut send is repeated with it, never recorded twice. */
  llave: string;
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
  const [cola, setCola] = useState<ElementoCola[] | null>(null);
  const [abierta, setAbierta] = useState<Abierta | null>(null);
  const [nota, setNota] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [enviando, setEnviando] = useState(false);
  const [zoom, setZoom] = useState(1);
  const omitidas = useRef(new Set<string>());

  async function abrir(clave: string): Promise<boolean> {
    try {
      const boleta = await leerBoleta(clave);
      const capturas = boleta.ronda === null ? [] : await leerCapturas(clave, boleta.ronda);
      const motivo = motivoParaOmitir(boleta, capturas);
      if (motivo !== null) {
        omitidas.current.add(clave);
        setNota(motivo);
        return false;
      }
      setError(null);
      setZoom(1);
      setAbierta({ boleta, campos: camposDeFormulario(boleta), capturas, llave: crypto.randomUUID() });
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
      const c = await leerColaVerificacion();
      setCola(c);
      if (tomarSiguiente) await tomar(c);
    } catch (e) {
      setError(mensaje(e));
    }
  }

  async function enviar(cuerpo: CuerpoVerificacion) {
    if (abierta === null) return;
    const clave = abierta.boleta.clave;
    setEnviando(true);
    try {
      const r = await enviarVerificacion(clave, cuerpo, abierta.llave, (n) => setNota(`Sin respuesta del servidor; reintento ${n}…`));
      setNota(r.etapa === 'VERIFICADA' ? `Acta ${clave} verificada.` : `Acta ${clave} enviada a recaptura.`);
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
            <Comparacion key={b.clave} clave={b.clave} campos={abierta.campos} capturas={abierta.capturas} enviando={enviando} enviar={(c) => void enviar(c)} />
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
        omitidas={omitidas.current}
        elegir={(clave) => void abrir(clave)}
        actualizar={() => void leerCola(abierta === null)}
        titulo="Cola de verificación"
        vacia="No hay actas por verificar. La cola se revisa sola cada 15 segundos."
      />
    </div>
  );
}
