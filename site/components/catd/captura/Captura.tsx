/**
 * The captura screen: the operator's queue at step captura (its CATD, oldest first); the oldest acta it has not
 * captured yet is taken (or one chosen from the list), its image shown beside a form built from its own ballot.
 * After each capture — or a 409, when someone else changed the acta — the next acta of the queue is taken; the
 * queue is read again when it runs out, every 15 s while empty and every 30 s for the list.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { ErrorCatd } from '../../../lib/catd/api.ts';
import { olvidarAjenos } from '../../../lib/catd/captura/borrador.ts';
import { leerBoleta, leerColaCaptura, motivoParaOmitir, siguiente } from '../../../lib/catd/captura/cola.ts';
import type { BoletaActa } from '../../../lib/catd/captura/tipos.ts';
import { entero } from '../../../lib/catd/formato.ts';
import { mensajeDeError } from '../../../lib/catd/mensajes.ts';
import { INICIO_CATD } from '../../../lib/catd/navegacion.ts';
import { sesionRequerida } from '../../../lib/catd/sesion.ts';
import type { ElementoCola, Sesion } from '../../../lib/catd/tipos.ts';
import Formulario, { type Resolucion } from './Formulario.tsx';
import ImagenActa, { acotarZoom } from './ImagenActa.tsx';
import ListaCola from './ListaCola.tsx';

/** A 401 has already sent the page away: nothing to show for it. */
const mensaje = (e: unknown) => (e instanceof ErrorCatd && e.status === 401 ? null : mensajeDeError(e));

function Ficha({ b }: { b: BoletaActa }) {
  const i = b.identificacion;
  return (
    <p class="ficha-acta" data-acta-actual={b.clave}>
      <strong>Acta {b.clave}</strong> · {b.eleccion.nombre}
      {i ? ` · sección ${i.seccion}, casilla ${i.tipo}${i.id}${i.extContigua ? `-${i.extContigua}` : ''}` : ''}
      {b.listaNominal !== null ? ` · lista nominal ${entero(b.listaNominal)}` : ''}
      {b.limite !== null ? ` · límite de votos ${entero(b.limite)}` : ''}
      {b.ronda !== null && b.ronda > 1 ? ` · ronda ${b.ronda}` : ''}
    </p>
  );
}

export default function Captura() {
  const [sesion, setSesion] = useState<Sesion | null>(null);
  const [cola, setCola] = useState<ElementoCola[] | null>(null);
  const [boleta, setBoleta] = useState<BoletaActa | null>(null);
  const [cargando, setCargando] = useState<string | null>(null);
  const [nota, setNota] = useState<Omit<Resolucion, 'clave'> | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [zoom, setZoom] = useState(1);
  const omitidas = useRef(new Set<string>());

  /**
   * Opens one acta: 'omitida' when this person cannot capture it (set aside for the session), 'fallo' when it could
   * not be read now (a cut connection: tried again with the next reading of the queue).
   */
  async function abrir(clave: string): Promise<'abierta' | 'omitida' | 'fallo'> {
    setCargando(clave);
    try {
      const b = await leerBoleta(clave);
      const motivo = motivoParaOmitir(b);
      if (motivo !== null) {
        omitidas.current.add(clave);
        setNota({ tipo: 'info', texto: motivo });
        return 'omitida';
      }
      setZoom(1);
      setError(null);
      setBoleta(b);
      return 'abierta';
    } catch (e) {
      setError(mensaje(e));
      if (!(e instanceof ErrorCatd) || (e.status !== 403 && e.status !== 404)) return 'fallo';
      omitidas.current.add(clave);
      return 'omitida';
    } finally {
      setCargando(null);
    }
  }

  /** Takes the oldest acta of `c` not set aside; none left (or the connection failed): no acta on screen. */
  async function tomar(c: readonly ElementoCola[]): Promise<void> {
    for (let a = siguiente(c, omitidas.current); a !== null; a = siguiente(c, omitidas.current)) {
      const r = await abrir(a.clave);
      if (r === 'abierta') return;
      if (r === 'fallo') break;
    }
    setBoleta(null);
  }

  async function leerCola(tomarSiguiente: boolean): Promise<void> {
    try {
      const c = await leerColaCaptura();
      setCola(c);
      if (tomarSiguiente) await tomar(c);
    } catch (e) {
      setError(mensaje(e));
    }
  }

  function resuelta(r: Resolucion) {
    omitidas.current.add(r.clave);
    setNota({ tipo: r.tipo, texto: r.texto });
    setBoleta(null);
    const resto = (cola ?? []).filter((a) => a.clave !== r.clave);
    setCola(resto);
    // The queue already read says what comes next; it is read again only when it runs out.
    if (siguiente(resto, omitidas.current) !== null) void tomar(resto);
    else void leerCola(true);
  }

  useEffect(() => {
    sesionRequerida()
      .then((s) => {
        olvidarAjenos(sessionStorage, s.operador.id);
        setSesion(s);
        return leerCola(true);
      })
      .catch((e) => setError(mensaje(e)));
  }, []);

  // The list is read again every 30 s; with nothing on screen, every 15 s, taking the first acta that arrives.
  useEffect(() => {
    if (sesion === null) return;
    const t = setInterval(() => document.visibilityState === 'visible' && void leerCola(boleta === null), boleta === null ? 15_000 : 30_000);
    return () => clearInterval(t);
  }, [sesion, boleta]);

  if (sesion === null) {
    return (
      <div class="aviso-catd" role={error ? 'alert' : 'status'} data-aviso={error ? 'error' : undefined}>
        {error ?? 'Comprobando su sesión…'}
      </div>
    );
  }
  if (!sesion.operador.roles.includes('captura')) {
    return (
      <div class="aviso-catd error" role="alert" data-sin-rol>
        Su operador no tiene el rol de captura. <a href={INICIO_CATD}>Volver al inicio</a>
      </div>
    );
  }
  return (
    <div class="captura" data-sesion={sesion.operador.id}>
      <p class="ayuda">
        {sesion.operador.nombre} ({sesion.operador.id}){sesion.operador.catd ? ` · ${sesion.operador.catd}` : ''} · <a href={INICIO_CATD}>Volver al inicio</a>
      </p>
      <div class={`aviso-catd${nota?.tipo === 'error' ? ' error' : ' info'}`} role="status" data-nota={nota?.tipo}>
        {nota?.texto}
      </div>
      <div class="aviso-catd error" role="alert">
        {error}
      </div>
      {boleta !== null ? (
        <section class="area-captura" aria-labelledby="acta-en-captura">
          <h2 id="acta-en-captura" class="sr-only">
            Acta en captura
          </h2>
          <Ficha b={boleta} />
          <div class="area">
            <ImagenActa clave={boleta.clave} zoom={zoom} cambiarZoom={(d) => setZoom((z) => (d === null ? 1 : acotarZoom(z + d)))} />
            <Formulario
              key={boleta.clave}
              boleta={boleta}
              operador={sesion.operador.id}
              cambiarZoom={(d) => setZoom((z) => acotarZoom(z + d))}
              alResolver={resuelta}
            />
          </div>
        </section>
      ) : (
        <p role="status" data-sin-acta>
          {cargando !== null ? `Abriendo el acta ${cargando}…` : cola === null ? 'Leyendo la cola de captura…' : 'No hay actas por capturar por ahora.'}
        </p>
      )}
      <ListaCola
        cola={cola}
        actual={boleta?.clave ?? null}
        omitidas={omitidas.current}
        elegir={(clave) => void abrir(clave)}
        actualizar={() => void leerCola(boleta === null)}
      />
    </div>
  );
}
