/**
 * The data of one view for the newest corte. Subscribes to the shared `latest` poller; when a new corte appears
 * (or the view's territory changes) it loads that view's shards and swaps them in at once. While the next corte
 * loads, and when loading fails, the previous data stays on screen: the view never flashes empty.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
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
  /** Why the last load failed (the data shown, if any, is the previous one). */
  errorCarga: string | null;
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
  const [errorCarga, setErrorCarga] = useState<string | null>(null);
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
        setErrorCarga(null);
      },
      (e: unknown) => {
        if (activo) setErrorCarga(e instanceof Error ? e.message : String(e));
      },
    );
    return () => {
      activo = false;
    };
    // A failed load is retried each time the server answers again (confirmadoEn changes).
  }, [corteId, clave, vigente, estado.confirmadoEn]);

  const mismaVista = cargado !== null && cargado.clave === clave;
  return {
    datos: mismaVista ? cargado.datos : null,
    corte: mismaVista ? cargado.corte : null,
    sondeo: estado,
    actualizando: puntero !== null && !vigente,
    errorCarga,
  };
}
