/** The rehearsal's summary as the operator reads it (es-MX numbers), and as JSON for the institute's records. */
import type { ResultadoCapturas } from './capturas.ts';
import type { Resumen } from './medicion.ts';

export interface ResultadoEnsayo {
  base: string;
  inicio: string;
  segundos: number;
  lectores: number;
  cadaS: number;
  actasPorSegundo: number;
  lecturas: Resumen;
  escrituras: Resumen | null;
  capturas: ResultadoCapturas | null;
}

const n0 = new Intl.NumberFormat('es-MX', { maximumFractionDigits: 0 });
const n1 = new Intl.NumberFormat('es-MX', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
const pct = new Intl.NumberFormat('es-MX', { style: 'percent', maximumFractionDigits: 1 });

function linea(nombre: string, r: Resumen): string {
  const estados = Object.entries(r.estados)
    .sort()
    .map(([k, v]) => `${k}: ${n0.format(v)}`)
    .join(', ');
  return `${nombre}: ${n0.format(r.solicitudes)} solicitudes (${n1.format(r.porSegundo)}/s); latencia p50 ${n0.format(r.p50)} ms, p90 ${n0.format(r.p90)} ms, p99 ${n0.format(r.p99)} ms, máx. ${n0.format(r.max)} ms; errores: ${n0.format(r.errores)}; respuestas: ${estados || 'ninguna'}`;
}

export function textoEnsayo(r: ResultadoEnsayo): string[] {
  const out = [
    `Ensayo contra ${r.base}: ${n0.format(r.segundos)} s, ${n0.format(r.lectores)} lectores (una visita cada ${n1.format(r.cadaS)} s), ${r.capturas ? `${n1.format(r.actasPorSegundo)} actas/s` : 'sin capturas'}`,
    linea('Lecturas', r.lecturas),
    r.lecturas.aciertosCache === null
      ? 'Caché del borde: desconocido (ninguna respuesta trae cf-cache-status ni Cache-Status)'
      : `Caché del borde: ${pct.format(r.lecturas.aciertosCache)} de aciertos (de ${n0.format(r.lecturas.conEstadoCache)} respuestas con cf-cache-status o Cache-Status)`,
  ];
  if (r.escrituras && r.capturas) {
    out.push(linea('Escrituras', r.escrituras));
    const fallidas = Object.entries(r.capturas.fallidas).map(([k, v]) => `${k} (${n0.format(v)})`);
    out.push(
      `Actas: ${n0.format(r.capturas.verificadas)} verificadas de ${n0.format(r.capturas.enCola)} en la cola de acopio; reintentos: ${n0.format(r.capturas.reintentos)}${fallidas.length ? `; detenidas: ${fallidas.join(', ')}` : ''}`,
    );
  }
  return out;
}
