/**
 * The simulated clock. It runs at `velocidad`× real time while the CATDs keep up. When the API cannot absorb the
 * load (the peak hours on a small machine), it waits for the backlog to fall under `retrasoMaxMin` simulated
 * minutes instead of piling up hours of late work: the night keeps its shape, it just takes longer. It stops at
 * the last minute a step may happen (`tope`), where the close waits for the last steps.
 */
import type { EstadoNoche } from './estado.ts';

export const MINUTO = 60_000;

/** ISO 8601 with the entidad's offset, as a CATD terminal would send it. */
export function fechaHora(ms: number, offsetMinutes: number): string {
  const local = new Date(ms + offsetMinutes * MINUTO).toISOString().slice(0, 19);
  const s = offsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(offsetMinutes);
  return `${local}${s}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

export class Reloj {
  private readonly estado: EstadoNoche;
  private readonly velocidad: number;
  private readonly retrasoMaxMin: number;
  /** Last minute at which a step may happen. */
  readonly tope: number;
  private t0 = performance.now();
  private ultimoReal = performance.now();

  /** Writes the simulated minute, the real time elapsed and whether it waits into `estado`. */
  constructor(estado: EstadoNoche, o: { velocidad: number; retrasoMaxMin: number; tope: number }) {
    this.estado = estado;
    this.velocidad = o.velocidad;
    this.retrasoMaxMin = o.retrasoMaxMin;
    this.tope = o.tope;
  }

  /** Simulated minutes since the window opened. */
  get minuto(): number {
    return this.estado.minuto;
  }

  /** The simulated instant, epoch ms. */
  ahoraMs(): number {
    return this.estado.apertura + Math.round(this.estado.minuto * MINUTO);
  }

  /** The simulated instant as a terminal sends it. */
  fecha(): string {
    return fechaHora(this.ahoraMs(), this.estado.offsetMinutes);
  }

  /** Real time starts now. */
  arrancar(): void {
    this.t0 = performance.now();
    this.ultimoReal = this.t0;
  }

  /**
   * Moves the clock by the real time since the last call, unless the earliest pending task (due at simulated
   * minute `proxima`) is more than `retrasoMaxMin` late.
   */
  avanzar(proxima: number | undefined): void {
    const ahora = performance.now();
    const dt = ahora - this.ultimoReal;
    this.ultimoReal = ahora;
    const e = this.estado;
    e.realMs = ahora - this.t0;
    const retraso = proxima !== undefined && proxima <= e.minuto ? e.minuto - proxima : 0;
    e.esperando = retraso > this.retrasoMaxMin || e.minuto >= this.tope;
    if (retraso > this.retrasoMaxMin) return;
    e.minuto = Math.min(this.tope, e.minuto + (dt * this.velocidad) / MINUTO);
  }

  /** Every step is done: the clock jumps to the close (`duracionMin`). */
  cerrar(duracionMin: number): void {
    this.estado.minuto = duracionMin;
    this.estado.esperando = false;
  }

  /** Records the real time elapsed since `arrancar`. */
  medir(): void {
    this.estado.realMs = performance.now() - this.t0;
  }
}
