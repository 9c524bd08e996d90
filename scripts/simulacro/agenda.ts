/**
 * The night's work: tasks due at a simulated minute, earliest first (ties keep the order they were scheduled in),
 * and per acta the number of its tasks still scheduled or running, so the night knows when an acta is done.
 */
import { Monticulo } from './monticulo.ts';

export interface Tarea {
  /** Simulated minute at which it is due. */
  vence: number;
  /** Scheduling order: breaks ties between tasks due at the same minute. */
  orden: number;
  correr: () => Promise<void>;
}

export class Agenda {
  private readonly cola = new Monticulo<Tarea>((x, y) => x.vence < y.vence || (x.vence === y.vence && x.orden < y.orden));
  private orden = 0;
  /** Tasks scheduled (or running) per acta: the acta is done when it drops to 0. */
  private readonly vivas = new Map<string, number>();
  private readonly tope: number;
  private readonly alTerminarActa: () => void;

  /** `tope`: the last minute a task may be due at (later ones are due then); `alTerminarActa`: an acta is done. */
  constructor(tope: number, alTerminarActa: () => void) {
    this.tope = tope;
    this.alTerminarActa = alTerminarActa;
  }

  /** Schedules one step of the acta `clave`. */
  programar(clave: string, vence: number, correr: () => Promise<void>): void {
    this.vivas.set(clave, (this.vivas.get(clave) ?? 0) + 1);
    this.cola.meter({
      vence: Math.min(this.tope, vence),
      orden: this.orden++,
      correr: async () => {
        try {
          await correr();
        } finally {
          this.terminada(clave);
        }
      },
    });
  }

  private terminada(clave: string): void {
    const k = this.vivas.get(clave)! - 1;
    if (k > 0) {
      this.vivas.set(clave, k);
      return;
    }
    this.vivas.delete(clave);
    this.alTerminarActa();
  }

  get pendientes(): number {
    return this.cola.tamano;
  }

  /** The earliest task, left in the queue. */
  proxima(): Tarea | undefined {
    return this.cola.primero();
  }

  /** The earliest task, taken out of the queue. */
  tomar(): Tarea | undefined {
    return this.cola.sacar();
  }
}
