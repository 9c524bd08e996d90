/**
 * PREP Casilla on the CAE's phone (360 px first): choose one of the casillas the device is bound to and the
 * election whose acta it is, photograph the acta, and it is sent — or, without signal, it waits in the phone
 * (IndexedDB) and goes by itself when the connection returns, with the Idempotency-Key it got when taken. The
 * screen lists what waits and what was sent (with the server's SHA-256 and time). If the session ends while
 * photos wait, it says so and offers to sign in again; back on this screen they are sent, once each.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { ErrorCatd, SIN_CONEXION } from '../../../lib/catd/api.ts';
import { almacenFotos, guardarDispositivo, leerDispositivo } from '../../../lib/catd/casilla/almacen-idb.ts';
import { ColaFotos, esperaTras, type Exclusivo } from '../../../lib/catd/casilla/cola.ts';
import { contextoDe, leerCatalogo, leerSesionCasilla } from '../../../lib/catd/casilla/contexto.ts';
import { enviarFoto } from '../../../lib/catd/casilla/envio.ts';
import { PAGINA, registrarServicio } from '../../../lib/catd/casilla/servicio.ts';
import type { ContextoDispositivo, Foto } from '../../../lib/catd/casilla/tipos.ts';
import { sha256Hex, tipoPorContenido } from '../../../lib/catd/digitalizacion/archivo.ts';
import { mensajeDeError, mensajeDeMotivo } from '../../../lib/catd/mensajes.ts';
import { irAEntrar, rutaEntrar } from '../../../lib/catd/navegacion.ts';
import ListaFotos from './ListaFotos.tsx';
import Toma from './Toma.tsx';

/** One queue runner per device, across tabs, where the browser has Web Locks. */
const exclusivo: Exclusivo = <T,>(f: () => Promise<T>): Promise<T> =>
  navigator.locks ? (navigator.locks.request('prep-casilla-cola', f) as Promise<T>) : f();
const cola = new ColaFotos(almacenFotos, enviarFoto, Date.now, exclusivo);

/** `activa`: signed in; `sin_conexion`: unknown, no signal; otherwise the code the session ended with. */
type EstadoSesion = 'comprobando' | 'activa' | 'sin_conexion' | { fin: string };

function validarOperador(s: Awaited<ReturnType<typeof leerSesionCasilla>>): string | null {
  const op = s.sesion.operador;
  if (op.ambito !== 'CASILLA' || !op.roles.includes('digitalizacion')) return `El operador ${op.id} no es un dispositivo PREP Casilla: esta pantalla no es para su puesto.`;
  if (s.casillas.length === 0) return `El dispositivo ${op.id} no tiene casillas asignadas. Pida a la coordinación que se las asigne.`;
  return null;
}

export default function Casilla() {
  const [ctx, setCtx] = useState<ContextoDispositivo | null>(null);
  const [sesion, setSesion] = useState<EstadoSesion>('comprobando');
  const [fotos, setFotos] = useState<Foto[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [aviso, setAviso] = useState<string | null>(null);
  const [enLinea, setEnLinea] = useState(true);
  const temporizador = useRef<number | undefined>(undefined);
  const ctxRef = useRef<ContextoDispositivo | null>(null);
  const sesionRef = useRef<EstadoSesion>('comprobando');
  const sinSenal = useRef(0);

  const fijarSesion = (s: EstadoSesion) => {
    sesionRef.current = s;
    setSesion(s);
  };
  const releer = async () => {
    if (ctxRef.current) setFotos(await cola.fotos(ctxRef.current.operador));
  };

  /** Reads the session; the context is refreshed (and kept) when it is there. False when it is not. */
  async function comprobarSesion(): Promise<boolean> {
    const previo = ctxRef.current ?? (await leerDispositivo().catch(() => null));
    try {
      const s = await leerSesionCasilla();
      const problema = validarOperador(s);
      if (problema) {
        setError(problema);
        return false;
      }
      const nuevo = contextoDe(s.sesion, s.casillas, await leerCatalogo(), previo);
      await guardarDispositivo(nuevo);
      ctxRef.current = nuevo;
      setCtx(nuevo);
      fijarSesion('activa');
      return true;
    } catch (e) {
      const sinSenal = e instanceof ErrorCatd && e.code === SIN_CONEXION;
      if (!previo) {
        if (e instanceof ErrorCatd && e.status === 401) irAEntrar(e.code);
        else setError(sinSenal ? 'Sin señal, y este teléfono aún no se ha usado como PREP Casilla: conéctese para entrar la primera vez.' : mensajeDeError(e));
        return false;
      }
      ctxRef.current = previo;
      setCtx(previo);
      fijarSesion(e instanceof ErrorCatd && e.status === 401 ? { fin: e.code } : sinSenal ? 'sin_conexion' : sesionRef.current);
      return false;
    }
  }

  /** Sends what is due (everything when `forzar`), then schedules the next try of what still waits. */
  async function enviar(forzar: boolean): Promise<void> {
    window.clearTimeout(temporizador.current);
    if (sesionRef.current !== 'activa' && !(await comprobarSesion())) {
      await releer();
      // Without signal (or with bars but no data, when no online event will come): look again, backing off.
      if (sesionRef.current === 'sin_conexion') temporizador.current = window.setTimeout(() => void enviar(false), esperaTras(++sinSenal.current));
      return;
    }
    sinSenal.current = 0;
    const c = ctxRef.current;
    if (!c) return;
    const r = await cola.vaciar(c.operador, forzar);
    if (r.sinSesion !== null) fijarSesion({ fin: r.sinSesion });
    await releer();
    if (r.sinSesion === null && r.siguienteAt !== null) {
      temporizador.current = window.setTimeout(() => void enviar(false), Math.max(500, r.siguienteAt - Date.now()));
    }
  }

  useEffect(() => {
    void registrarServicio();
    // Ask the browser not to evict the waiting photos under storage pressure (granted silently or not at all).
    void navigator.storage?.persist?.().catch(() => false);
    setEnLinea(navigator.onLine);
    const alVolver = () => {
      setEnLinea(true);
      void enviar(true);
    };
    const alPerder = () => setEnLinea(false);
    window.addEventListener('online', alVolver);
    window.addEventListener('offline', alPerder);
    void comprobarSesion().then(async () => {
      await releer();
      if (ctxRef.current) void enviar(true);
    });
    return () => {
      window.removeEventListener('online', alVolver);
      window.removeEventListener('offline', alPerder);
      window.clearTimeout(temporizador.current);
    };
  }, []);

  async function tomar(clave: string, archivo: File): Promise<void> {
    const c = ctxRef.current;
    if (!c) return;
    setAviso(null);
    try {
      const datos = await archivo.arrayBuffer();
      const mime = tipoPorContenido(new Uint8Array(datos));
      if (mime !== 'image/jpeg' && mime !== 'image/png') {
        setAviso('La foto no es JPEG ni PNG: tómela otra vez con la cámara.');
        return;
      }
      await cola.tomar({ id: crypto.randomUUID(), operador: c.operador, clave, mime, sha256: await sha256Hex(datos), datos });
    } catch {
      setAviso('No se pudo guardar la foto en el teléfono: tómela otra vez.');
      return;
    }
    await releer();
    void enviar(false);
  }

  if (ctx === null) {
    return (
      <div class={`aviso-catd${error ? ' error' : ''}`} role={error ? 'alert' : 'status'}>
        {error ?? 'Comprobando su sesión…'}
      </div>
    );
  }
  const esperando = fotos.filter((f) => f.estado === 'esperando').length;
  const fin = typeof sesion === 'object' ? sesion.fin : null;
  return (
    <div class="casilla" data-sesion={ctx.operador} data-estado-sesion={typeof sesion === 'object' ? 'fin' : sesion} data-listo="si">
      <p class="ayuda">
        {ctx.nombre} · {ctx.operador}
      </p>
      {fin !== null && (
        <div class="aviso-catd error" role="alert" data-aviso="sesion">
          <p>
            {mensajeDeMotivo(fin)}{' '}
            {esperando > 0 && `${esperando === 1 ? 'Una foto espera' : `${esperando} fotos esperan`} en este teléfono y se enviarán al entrar.`}
          </p>
          <p>
            <a class="boton" href={rutaEntrar(fin, PAGINA)}>
              Entrar de nuevo
            </a>
          </p>
        </div>
      )}
      <div class="aviso-catd" role="status" data-conexion={enLinea ? 'si' : 'no'}>
        {!enLinea || sesion === 'sin_conexion' ? 'Sin señal: las fotos esperan en este teléfono y se enviarán solas al volver la conexión.' : ''}
      </div>
      <div class={`aviso-catd${aviso ? ' error' : ''}`} role="alert">
        {aviso}
      </div>
      {error && (
        <div class="aviso-catd error" role="alert">
          {error}
        </div>
      )}
      <Toma ctx={ctx} tomar={tomar} />
      <ListaFotos
        fotos={fotos}
        elecciones={ctx.elecciones}
        reintentar={(f) => void cola.reintentar(f).then(() => enviar(true))}
        descartar={(f) => void cola.descartar(f).then(releer)}
      />
    </div>
  );
}
