/**
 * What a contingency drill (docs/CONTINGENCIA.md, `npm start -- --contingencia <nombre>`) may change in a night:
 * the conductor lets it act each simulated minute (as the institute's administrator, through the real API, while
 * no step is launched), decide which cron invocations happen, and the steps ask it who does a CATD's post now and
 * whether a step must wait. The drills: contingencia-cron.ts, contingencia-catd.ts; chosen by contingencia-crear.ts.
 */
import type { EstadoNoche } from './estado.ts';
import type { Puesto } from './personal.ts';

export interface Contingencia {
  readonly nombre: string;
  /** Called by the conductor's loop (awaited): the administrator looks and acts at this point of the night. */
  alMinuto(estado: EstadoNoche): Promise<void>;
  /** Whether the cron invokes the scheduled handler at simulated minute `minuto`. */
  cronDispara(minuto: number): boolean;
  /** The operator who does `puesto` of `catd` at `minuto`. */
  operador(catd: string, puesto: Puesto, minuto: number): string;
  /** The minute a step of `catd` due at `minuto` must wait for (nobody covers it), or null: it runs now. */
  aplazar(catd: string, minuto: number): number | null;
  /** After the night (final corte out): the administrator checks the contingency is over. */
  alCierre(estado: EstadoNoche): Promise<void>;
  /** What happened, for the terminal (Spanish). */
  lineas(): string[];
}
