/**
 * The data of one view for the newest corte. Subscribes to the shared `latest` poller; when a new corte appears
 * (or the view's territory changes) it loads that view's shards and swaps them in at once. While the next corte
 * loads, and when loading fails, the previous data stays on screen: the view never flashes empty.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { NoExiste, textoDeError } from './fallas.ts';
import type { EstadoSondeo, Sondeo } from './sondeo.ts';

export interface VistaCorte<P, T> {
  /** The data of this view, or null while the first load for this view is pending. */
  datos: T | null;
  /** The pointer `datos` was loaded from: show its instant, not the newest pointer's, next to the figures. */
  corte: P | null;
  /** The poller's state: when the server last answered, and the last network error. */
  sondeo: EstadoSondeo<P>;
  /** True while a newer corte (or another territory) is being loaded. */
  actualizando: boolean;
  /**
   * Why the last load failed, a plain Spanish sentence (the data shown, if any, is the previous one); null when
   * it succeeded or when what the view names does not exist (that is `noExiste`, not a failure to retry).
   */
  errorCarga: string | null;
  /** The view names an election, territory or sección this corte does not publish, with what exists instead. */
  noExiste: NoExiste | null;
}

interface Fallo {
  error: unknown;
  clave: string;
  corteId: string;
}

interface Cargado<P, T> {
  datos: T;
  corte: P;
  clave: string;
  corteId: string;
}

/**
 * @param clave identifies what the view shows (election, territory…); a new clave clears the data
 * @param cargar loads the view's data for a pointer; it may throw
 * @param idDe identifies a pointer's corte (e.g. its manifest's hash)
 */
export function useCorte<P, T>(
  sondeo: Sondeo<P>,
  clave: string,
  cargar: (puntero: P) => Promise<T>,
  idDe: (puntero: P) => string,
): VistaCorte<P, T> {
  const [estado, setEstado] = useState(sondeo.estado);
  const [cargado, setCargado] = useState<Cargado<P, T> | null>(null);
  const [fallo, setFallo] = useState<Fallo | null>(null);
  const cargarRef = useRef(cargar);
  cargarRef.current = cargar;

  useEffect(() => sondeo.suscribir(setEstado), [sondeo]);

  const puntero = estado.puntero;
  const corteId = puntero ? idDe(puntero) : null;
  const vigente = cargado !== null && cargado.clave === clave && cargado.corteId === corteId;

  useEffect(() => {
    if (!puntero || corteId === null || vigente) return;
    let activo = true;
    cargarRef.current(puntero).then(
      (datos) => {
        if (!activo) return;
        setCargado({ datos, corte: puntero, clave, corteId });
        setFallo(null);
      },
      (error: unknown) => {
        if (activo) setFallo({ error, clave, corteId });
      },
    );
    return () => {
      activo = false;
    };
    // A failed load is retried each time the server answers again (confirmadoEn changes).
  }, [corteId, clave, vigente, estado.confirmadoEn]);

  const mismaVista = cargado !== null && cargado.clave === clave;
  const error = fallo?.clave === clave ? fallo.error : null;
  const noExiste = error instanceof NoExiste ? error : null;
  // A corte that does not have what the view names is settled, not still loading.
  const resuelto = noExiste !== null && fallo?.corteId === corteId;
  return {
    datos: mismaVista ? cargado.datos : null,
    corte: mismaVista ? cargado.corte : null,
    sondeo: estado,
    actualizando: puntero !== null && !vigente && !resuelto,
    errorCarga: error === null || noExiste ? null : textoDeError(error),
    noExiste,
  };
}
