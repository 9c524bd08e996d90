/**
 * The terminal view of a running simulacro: simulated time and a progress bar, actas by step, cortes published,
 * refusals and retries, the portal URL. On a terminal it redraws in place a few times a second; otherwise (CI,
 * tests, a log file) it prints one line every few seconds.
 */
import { formatCorte } from '../../worker/domain/tiempo/central.ts';
import { barra, numero as n, reloj } from '../lib/formato.ts';
import { pantalla, terminalDe } from '../lib/pantalla.ts';
import type { EstadoNoche } from './estado.ts';

export function lineasProgreso(e: EstadoNoche, portal: string, velocidad: number): string[] {
  const ahora = e.apertura + e.minuto * 60_000;
  const total = e.cierre - e.apertura;
  const fraccion = Math.min(1, (e.minuto * 60_000) / total);
  const espera = e.esperando ? (e.minuto >= (total / 60_000) - 1 ? '  (cierre: esperando los últimos pasos)' : '  (el reloj espera a los CATD)') : '';
  const c = e.cortes;
  const corte = c.ultimo === null ? 'ninguno aún' : `nº ${c.ultimo}, ${formatCorte(c.instante!, e.offsetMinutes).slice(11, 16)}${e.final ? ' FINAL' : ''}`;
  const p = e.pasos;
  return [
    `${formatCorte(ahora, e.offsetMinutes)} ▕${barra(fraccion)}▏ ${String(Math.floor(fraccion * 100)).padStart(3)} %  real ${reloj(e.realMs)}  ×${velocidad}${espera}`,
    `actas ${n(e.actasTerminadas)}/${n(e.actasPlaneadas)} · acopio ${n(p.acopio)} · fotos casilla ${n(p.foto)} · escaneos CATD ${n(p.digitalizacion)} · capturas ${n(p.captura)} · verificaciones ${n(p.verificacion)} · cotejos ${n(p.cotejo)} · fuera de catálogo ${n(p.fueraCatalogo)}`,
    `cortes ${n(c.publicados)} (último: ${corte}) · rechazados 403: ${n(e.intentos.rechazados)}/${n(e.intentos.ajenos + e.intentos.rol)} · reintentos ${n(e.reintentos)} · conflictos 409 ${n(e.conflictos)} · en vuelo ${e.enVuelo} · errores ${n(e.errores.length)}`,
    `portal: ${portal}`,
  ];
}

export interface Progreso {
  mostrar(e: EstadoNoche): void;
  terminar(e: EstadoNoche): void;
}

export function progresoTerminal(portal: string, velocidad: number, salida: NodeJS.WriteStream = process.stdout): Progreso {
  const p = pantalla(terminalDe(salida), { lineasPlanas: 3 });
  return {
    mostrar: (e) => p.mostrar(() => lineasProgreso(e, portal, velocidad)),
    terminar: (e) => p.terminar(lineasProgreso(e, portal, velocidad)),
  };
}
