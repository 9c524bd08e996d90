/**
 * The terminal view of a running simulacro: simulated time and a progress bar, actas by step, cortes published,
 * refusals and retries, the portal URL. On a terminal it redraws in place a few times a second; otherwise (CI,
 * tests, a log file) it prints one line every few seconds.
 */
import { formatCorte } from '../../worker/domain/tiempo/central.ts';
import type { EstadoNoche } from './estado.ts';

const nf = new Intl.NumberFormat('es-MX');
const n = (x: number) => nf.format(x);

function reloj(ms: number): string {
  const s = Math.floor(ms / 1000);
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

function barra(fraccion: number, ancho = 28): string {
  const llenos = Math.max(0, Math.min(ancho, Math.round(fraccion * ancho)));
  return '█'.repeat(llenos) + '░'.repeat(ancho - llenos);
}

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
  const tty = salida.isTTY === true;
  let dibujadas = 0;
  let ultimo = 0;
  let ultimoTexto = '';
  const dibujar = (e: EstadoNoche) => {
    const ancho = tty ? (salida.columns ?? 120) : Infinity;
    const lineas = lineasProgreso(e, portal, velocidad).map((l) => (l.length > ancho ? `${l.slice(0, ancho - 1)}…` : l));
    const texto = lineas.join('\n');
    if (texto === ultimoTexto) return;
    ultimoTexto = texto;
    if (tty) {
      if (dibujadas > 0) salida.write(`\x1b[${dibujadas}A`);
      salida.write(lineas.map((l) => `\x1b[2K${l}\n`).join(''));
      dibujadas = lineas.length;
    } else {
      salida.write(`${lineas.slice(0, 3).join('\n  ')}\n`);
    }
  };
  return {
    mostrar(e) {
      const ahora = performance.now();
      if (ahora - ultimo < (tty ? 200 : 10_000)) return;
      ultimo = ahora;
      dibujar(e);
    },
    terminar(e) {
      dibujar(e);
    },
  };
}
