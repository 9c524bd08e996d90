/** What every step of the night works with: where to send, where to schedule the next step, the clock, the state. */
import type { Captura } from '../../worker/domain/acta/esquema.ts';
import type { Agenda } from './agenda.ts';
import type { Contingencia } from './contingencia.ts';
import type { Envios } from './envios.ts';
import type { EstadoNoche } from './estado.ts';
import type { Imprenta } from './imagen.ts';
import type { Reloj } from './reloj.ts';

export interface Contexto {
  envios: Envios;
  agenda: Agenda;
  reloj: Reloj;
  estado: EstadoNoche;
  /** The night's seed: part of every Idempotency-Key, so two nights never share one. */
  seed: number;
  /** Minutes between cortes: a supervisor sends back a wrong acta once a corte has shown it. */
  cadenciaMin: number;
  /** Draws each acta's photo from its ballot's form and the figures on its paper. */
  imprenta: Imprenta;
  /**
   * The CATD left to people (`npm start`): its actas are received and digitized but never captured by the script;
   * and while people work, a 409 on a step of the script means they got there first (pasos.ts). Null: none.
   */
  catdAMano: string | null;
  /** A contingency drill (`--contingencia`): who does a CATD's post now, and whether its step must wait. */
  contingencia?: Contingencia | null;
}

/** The Idempotency-Key of one step of an acta: the same on every retry of that step. */
export function idem(ctx: Contexto, clave: string, paso: string): string {
  return `sim-${ctx.seed}-${clave}-${paso}`;
}

/** The body of a capture: only the figures (the API refuses unknown fields). */
export const cuerpoCaptura = (c: Captura) => ({ votos: c.votos, totales: c.totales });
