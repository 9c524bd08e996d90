/**
 * Replays a planned night (plan.ts) through the real HTTP API, as the 145 CATDs' operators and the PREP Casilla
 * phones would, on a simulated clock. The conductor composes the parts and runs the dispatcher:
 *   - estado.ts: what the night knows (counters, errors, the clock's position);
 *   - reloj.ts: the simulated clock, which waits for the CATDs when the API falls behind;
 *   - agenda.ts: every step of an acta is a task due at a simulated minute; up to `concurrencia` run at once;
 *   - escenario.ts, guion.ts, pasos.ts, intentos.ts: what each acta goes through, incidents included;
 *   - envios.ts over cliente.ts: the requests, with their Idempotency-Key and retries;
 *   - cron.ts: cortes on the simulated clock through the Worker's real scheduled handler.
 * At the close the clock waits until every step is done, so the final corte holds every acta the night sent.
 */
import type { Catalogo } from '../../worker/domain/catalogo/esquema.ts';
import { ventana } from '../../worker/domain/corte/calendario.ts';
import { Agenda } from './agenda.ts';
import { Cliente } from './cliente.ts';
import type { Contexto } from './contexto.ts';
import type { Contingencia } from './contingencia.ts';
import { acompanarConPausas } from './contingencia-disparos.ts';
import { Cron } from './cron.ts';
import { Envios } from './envios.ts';
import { planificar } from './escenario.ts';
import { estadoInicial, type EstadoNoche } from './estado.ts';
import { Imprenta } from './imagen.ts';
import { ADMIN, ADMIN_CONFIRMA, type Credenciales } from './personal.ts';
import type { PlanNoche } from './plan.ts';
import { Reloj } from './reloj.ts';

/** How late (simulated minutes) the earliest pending step may run before the clock waits for the CATDs. */
const RETRASO_MAXIMO_MIN = 15;
/** The dispatcher looks again at least this often (real ms), even when no request has finished. */
const VISTAZO_MS = 20;

export interface OpcionesConductor {
  url: string;
  cat: Catalogo;
  plan: PlanNoche;
  credenciales: Credenciales;
  seed: number;
  /** Simulated time per real time (288: 24 h in 5 min; 1: real time). */
  velocidad: number;
  concurrencia: number;
  cadenciaMin: number;
  /** Election day (local date). */
  jornada: string;
  /** Publication window length in minutes (24 h). */
  duracionMin: number;
  retrasoMaxMin?: number;
  /** The CATD whose actas people capture at the screens (contexto.ts); default none. */
  catdAMano?: string | null;
  /** Called often with the state (progress display). */
  alAvanzar?: (e: EstadoNoche) => void;
  /** A contingency drill (contingencia.ts): acts each loop, may stop the cron and reassign a CATD's posts. */
  contingencia?: Contingencia | null;
}

export class Noche {
  readonly estado: EstadoNoche;
  private readonly o: OpcionesConductor;
  private readonly ctx: Contexto;
  private readonly cron: Cron;

  constructor(o: OpcionesConductor) {
    this.o = o;
    const offset = o.cat.entidad.utcOffsetMinutes;
    const v = ventana({ jornada: o.jornada, inicioMinutos: 20 * 60, duracionMinutos: o.duracionMin, cadenciaMinutos: o.cadenciaMin }, offset)!;
    const estado = estadoInicial(v, offset, o.plan.actas.length + o.plan.fueraCatalogo.length);
    // The last minute at which a step may happen: later steps are due then, and the close waits for them.
    const tope = o.duracionMin - 1;
    const envios = new Envios(new Cliente(o.url), o.credenciales, estado);
    this.estado = estado;
    this.ctx = {
      envios,
      agenda: new Agenda(tope, () => estado.actasTerminadas++),
      reloj: new Reloj(estado, { velocidad: o.velocidad, retrasoMaxMin: o.retrasoMaxMin ?? RETRASO_MAXIMO_MIN, tope }),
      estado,
      seed: o.seed,
      cadenciaMin: o.cadenciaMin,
      imprenta: new Imprenta(o.cat),
      catdAMano: o.catdAMano ?? null,
      contingencia: o.contingencia ?? null,
    };
    this.cron = new Cron({ url: o.url, tokenAdmin: envios.token(ADMIN), tokenConfirma: envios.token(ADMIN_CONFIRMA), jornada: o.jornada, duracionMin: o.duracionMin, cadenciaMin: o.cadenciaMin }, estado);
  }

  /** Runs the whole night; resolves when the final corte is published. */
  async correr(): Promise<EstadoNoche> {
    const { agenda, reloj } = this.ctx;
    await this.cron.configurar();
    planificar(this.ctx, this.o.plan, this.o.cat);
    reloj.arrancar();
    let terminada = false;
    let falloCron: unknown = null;
    const c = this.o.contingencia;
    const acompanar = c ? acompanarConPausas(this.cron, this.estado, this.o.duracionMin, (m) => c.cronDispara(m), () => terminada) : this.cron.acompanar(() => terminada);
    const cron = acompanar.catch((e: unknown) => {
      falloCron = e;
    });
    const enCurso = new Set<Promise<void>>();
    try {
      let despertar: (() => void) | null = null;
      while (agenda.pendientes > 0 || enCurso.size > 0) {
        if (falloCron !== null) throw falloCron;
        reloj.avanzar(agenda.proxima()?.vence);
        // The drill's administrator acts before anything due now is launched (e.g. the relief exists first).
        if (c) await c.alMinuto(this.estado);
        this.lanzarVencidas(enCurso, () => despertar?.());
        this.estado.enVuelo = enCurso.size;
        this.estado.pendientes = agenda.pendientes;
        this.o.alAvanzar?.(this.estado);
        await new Promise<void>((r) => {
          despertar = r;
          setTimeout(r, VISTAZO_MS);
        });
        despertar = null;
      }
    } finally {
      terminada = true;
      await Promise.allSettled(enCurso);
      await cron;
    }
    if (falloCron !== null) throw falloCron;
    return this.cerrar();
  }

  /** Starts the tasks that are due, while fewer than `concurrencia` are in flight. */
  private lanzarVencidas(enCurso: Set<Promise<void>>, alTerminar: () => void): void {
    const { agenda, reloj } = this.ctx;
    while (enCurso.size < this.o.concurrencia) {
      const t = agenda.proxima();
      if (t === undefined || t.vence > reloj.minuto) return;
      agenda.tomar();
      const p: Promise<void> = t.correr().finally(() => {
        enCurso.delete(p);
        alTerminar();
      });
      enCurso.add(p);
    }
  }

  /** Every step is done: the clock reaches the close and the cron publishes the final corte. */
  private async cerrar(): Promise<EstadoNoche> {
    this.ctx.reloj.cerrar(this.o.duracionMin);
    await this.cron.dispararFinal(this.estado.cierre);
    this.ctx.reloj.medir();
    this.o.alAvanzar?.(this.estado);
    if (!this.estado.final) throw new Error('el cron no publicó el corte final al cierre de la ventana');
    await this.o.contingencia?.alCierre(this.estado);
    return this.estado;
  }
}
