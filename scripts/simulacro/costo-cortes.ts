/**
 * What the night's cortes cost the Worker, from the corte log in D1 (each corte records its own wall-clock ms):
 * locally the Worker, D1 and R2 share one workerd thread, so while a corte runs no capture is answered. Shown
 * beside the night's duration, it says how much of the night was publishing rather than capturing.
 */
import { minutosYSegundos } from '../lib/formato.ts';

export interface CostoCortes {
  cortes: number;
  segundos: number;
  /** The longest corte (usually the first, full one). */
  maximoSegundos: number;
}

export function costoCortes(d1: <T = Record<string, unknown>>(sql: string) => T[]): CostoCortes {
  const [f] = d1<{ n: number; ms: number | null; mx: number | null }>('SELECT count(*) AS n, sum(milisegundos) AS ms, max(milisegundos) AS mx FROM corte');
  return { cortes: Number(f?.n ?? 0), segundos: Number(f?.ms ?? 0) / 1000, maximoSegundos: Number(f?.mx ?? 0) / 1000 };
}

/** `Cortes: 280 en 3 min 2 s del hilo del Worker (16 % de la noche); el más largo, 9.1 s.` */
export function lineaCostoCortes(c: CostoCortes, segundosNoche: number): string {
  const parte = segundosNoche > 0 ? Math.round((100 * c.segundos) / segundosNoche) : 0;
  return (
    `Cortes: ${c.cortes.toLocaleString('es-MX')} en ${minutosYSegundos(c.segundos, Math.round)} del hilo del Worker (${parte} % de la noche); ` +
    `el más largo, ${c.maximoSegundos.toLocaleString('es-MX', { maximumFractionDigits: 1 })} s.`
  );
}
