/**
 * Replays a planned night (plan.ts) through the real HTTP API, as the 145 CATDs' operators and the PREP Casilla
 * phones would, on a simulated clock:
 *
 *   - every step of an acta is a task due at a simulated minute; up to `concurrencia` requests are in flight;
 *   - an acta photographed at the casilla is captured from that photo by its CATD's capturists right away, and its
 *     paper is received (acopio) when it arrives; any other acta is received, scanned at the CATD, then captured;
 *     two captures by two people, a verifier when they differ; a wrong published version is sent back by the
 *     CATD's supervisor (cotejo RECAPTURA) after a corte showed it, recaptured and verified again (COTEJADA 2);
 *   - incidents: sin acta, fuera de catálogo identifications, dropped connections retried with the same
 *     Idempotency-Key, an operator of another CATD trying to receive an acta, someone without the role trying
 *     a step (both must be refused with 403, and are counted);
 *   - cortes follow the simulated clock through the real cron path: the publication window is set to the
 *     simulated night (PUT /api/v1/cortes/configuracion) and the Worker's scheduled handler is invoked once per
 *     simulated minute with that minute as its scheduled time (`/cdn-cgi/local/scheduled?cron=…&time=<ms>`,
 *     miniflare's trigger endpoint under wrangler dev; the older `/__scheduled` of `--test-scheduled` ignores
 *     `time` and would use the real clock); it decides by itself when a corte is due. At the close, the same path
 *     publishes the final corte.
 *
 * The clock runs at `velocidad`× real time while the CATDs keep up. When the API cannot absorb the load (the
 * peak hours on a small machine), the clock waits for the backlog to fall under `retrasoMaxMin` simulated minutes
 * instead of piling up hours of late work: the night keeps its shape, it just takes longer. It also waits at the
 * close until every step is done, so the final corte holds every acta the simulation sent.
 */
import { createRng, type Rng } from '../generador/azar.ts';
import type { Captura } from '../../worker/domain/acta/esquema.ts';
import type { Catalogue, Catd } from '../../worker/domain/catalogo/esquema.ts';
import { ventana } from '../../worker/domain/corte/calendario.ts';
import { PunteroSchema } from '../../worker/domain/corte/shards.ts';
import { Cliente, type Peticion, type Respuesta } from './cliente.ts';
import { imagenActa } from './imagen.ts';
import { ADMIN, idDispositivo, idPuesto, type Credenciales } from './personal.ts';
import { conError, type PlanActa, type PlanFueraCatalogo, type PlanNoche } from './plan.ts';

const MINUTO = 60_000;

export interface OpcionesConductor {
  url: string;
  cat: Catalogue;
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
  /** Called often with the state (progress display). */
  alAvanzar?: (e: EstadoNoche) => void;
}

export type Paso = 'acopio' | 'foto' | 'digitalizacion' | 'captura' | 'verificacion' | 'cotejo' | 'recaptura' | 'fueraCatalogo';

export interface ErrorNoche {
  acta: string;
  paso: string;
  status: number;
  detalle: string;
}

export interface EstadoNoche {
  /** Simulated minutes since the window opened. */
  minuto: number;
  apertura: number;
  cierre: number;
  offsetMinutes: number;
  realMs: number;
  /** Successful requests per step. */
  pasos: Record<Paso, number>;
  actasPlaneadas: number;
  /** Actas whose every planned step is done. */
  actasTerminadas: number;
  verificadas: number;
  sinActa: number;
  /** Refusals the night provoked (wrong CATD, wrong role) and how many were indeed 403. */
  intentos: { ajenos: number; rol: number; rechazados: number };
  reintentos: number;
  repetidas: number;
  conflictos: number;
  correcciones: { trasPublicacion: number; antesDePublicarse: number };
  cortes: { publicados: number; ultimo: number | null; instante: number | null; secuencia: number; ticks: number };
  enVuelo: number;
  pendientes: number;
  /** The clock is waiting for the CATDs (backlog) or for the last steps (close). */
  esperando: boolean;
  errores: ErrorNoche[];
  latencias: number[];
  final: boolean;
}

/** A task due at a simulated minute; ties keep insertion order. */
interface Tarea {
  due: number;
  n: number;
  correr: () => Promise<void>;
}

class Monticulo {
  private a: Tarea[] = [];
  get size(): number {
    return this.a.length;
  }
  peek(): Tarea | undefined {
    return this.a[0];
  }
  private menor(i: number, j: number): boolean {
    const x = this.a[i]!;
    const y = this.a[j]!;
    return x.due < y.due || (x.due === y.due && x.n < y.n);
  }
  push(t: Tarea): void {
    const a = this.a;
    a.push(t);
    let i = a.length - 1;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (!this.menor(i, p)) break;
      [a[i], a[p]] = [a[p]!, a[i]!];
      i = p;
    }
  }
  pop(): Tarea | undefined {
    const a = this.a;
    if (a.length === 0) return undefined;
    const top = a[0]!;
    const last = a.pop()!;
    if (a.length > 0) {
      a[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < a.length && this.menor(l, m)) m = l;
        if (r < a.length && this.menor(r, m)) m = r;
        if (m === i) break;
        [a[i], a[m]] = [a[m]!, a[i]!];
        i = m;
      }
    }
    return top;
  }
}

const dormir = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** ISO 8601 with the entidad's offset, as a CATD terminal would send it. */
export function fechaHora(ms: number, offsetMinutes: number): string {
  const local = new Date(ms + offsetMinutes * MINUTO).toISOString().slice(0, 19);
  const s = offsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(offsetMinutes);
  return `${local}${s}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

function sirve(c: Catd, a: PlanActa): boolean {
  const s = a.esperada.seccion;
  return c.elecciones.includes(a.esperada.eleccion.codigo) && c.territorio === (c.ambito === 'distrito' ? s.distrito : s.municipio);
}

const cuerpoCaptura = (c: Captura) => ({ votos: c.votos, totales: c.totales });

export class Noche {
  readonly o: OpcionesConductor;
  readonly cliente: Cliente;
  readonly estado: EstadoNoche;
  private cola = new Monticulo();
  private n = 0;
  private t0 = performance.now();
  private ultimoReal = performance.now();
  private terminada = false;
  /** Tasks scheduled (or running) per acta: the acta is done when it drops to 0. */
  private vivas = new Map<string, number>();

  constructor(o: OpcionesConductor) {
    this.o = o;
    this.cliente = new Cliente(o.url);
    const offset = o.cat.entidad.utcOffsetMinutes;
    const v = ventana({ jornada: o.jornada, inicioMinutos: 20 * 60, duracionMinutos: o.duracionMin, cadenciaMinutos: o.cadenciaMin }, offset)!;
    this.estado = {
      minuto: 0,
      apertura: v.apertura,
      cierre: v.cierre,
      offsetMinutes: offset,
      realMs: 0,
      pasos: { acopio: 0, foto: 0, digitalizacion: 0, captura: 0, verificacion: 0, cotejo: 0, recaptura: 0, fueraCatalogo: 0 },
      actasPlaneadas: o.plan.actas.length + o.plan.fueraCatalogo.length,
      actasTerminadas: 0,
      verificadas: 0,
      sinActa: 0,
      intentos: { ajenos: 0, rol: 0, rechazados: 0 },
      reintentos: 0,
      repetidas: 0,
      conflictos: 0,
      correcciones: { trasPublicacion: 0, antesDePublicarse: 0 },
      cortes: { publicados: 0, ultimo: null, instante: null, secuencia: 0, ticks: 0 },
      enVuelo: 0,
      pendientes: 0,
      esperando: false,
      errores: [],
      latencias: [],
      final: false,
    };
  }

  private token(id: string): string {
    const t = this.o.credenciales.get(id);
    if (t === undefined) throw new Error(`sin token para ${id}`);
    return t;
  }

  private ahoraMs(): number {
    return this.estado.apertura + Math.round(this.estado.minuto * MINUTO);
  }

  private fecha(): string {
    return fechaHora(this.ahoraMs(), this.estado.offsetMinutes);
  }

  /** Last minute at which a step may happen: the close waits for it. */
  private get tope(): number {
    return this.o.duracionMin - 1;
  }

  private programar(clave: string, due: number, correr: () => Promise<void>): void {
    this.vivas.set(clave, (this.vivas.get(clave) ?? 0) + 1);
    this.cola.push({
      due: Math.min(this.tope, due),
      n: this.n++,
      correr: async () => {
        try {
          await correr();
        } finally {
          const k = this.vivas.get(clave)! - 1;
          if (k === 0) {
            this.vivas.delete(clave);
            this.estado.actasTerminadas++;
          } else this.vivas.set(clave, k);
        }
      },
    });
  }

  private error(acta: string, paso: string, r: Respuesta | null, detalle: string): void {
    this.estado.errores.push({ acta, paso, status: r?.status ?? 0, detalle: detalle + (r ? ` ${JSON.stringify(r.cuerpo).slice(0, 300)}` : '') });
  }

  private async enviar(acta: string, paso: string, p: Peticion, esperados: readonly number[]): Promise<Respuesta | null> {
    let r: Respuesta;
    try {
      r = await this.cliente.post(p);
    } catch (e) {
      this.error(acta, paso, null, `sin respuesta: ${(e as Error).message}`);
      return null;
    }
    this.estado.reintentos += r.reintentos;
    this.estado.conflictos += r.conflictos;
    if (r.repetida) this.estado.repetidas++;
    if (this.estado.latencias.length < 200_000) this.estado.latencias.push(r.ms);
    if (!esperados.includes(r.status)) {
      this.error(acta, paso, r, `HTTP ${r.status}, se esperaba ${esperados.join(' o ')}`);
      return null;
    }
    return r;
  }

  private etapaDe(r: Respuesta): string {
    return String((r.cuerpo as { etapa?: string }).etapa);
  }

  /** Schedules every acta's first steps and the fuera de catálogo identifications. */
  private planificar(): void {
    const { plan } = this.o;
    for (const a of plan.actas) this.planificarActa(a, createRng(this.o.seed).fork(`acta:${a.esperada.clave}`));
    plan.fueraCatalogo.forEach((f, i) => this.planificarFc(f, i));
  }

  /**
   * Everything random about an acta's night is drawn here, once, in a fixed order: the replay makes the same
   * requests for a seed whatever the timing of the answers.
   */
  private planificarActa(a: PlanActa, rng: Rng): void {
    const clave = a.esperada.clave;
    const pasosConCaida: string[] = ['acopio'];
    if (a.resultado.kind === 'captura') pasosConCaida.push('imagen', 'cap1', 'cap2');
    const caida = a.reintento ? { paso: rng.pick(pasosConCaida), modo: rng.chance(0.5) ? ('abortar' as const) : ('perder' as const) } : null;
    const ronda1 = a.resultado.kind === 'captura' ? (a.erronea ?? a.resultado.captura) : null;
    const g: Guion = {
      a,
      caida,
      mecanismo: rng.chance(0.85) ? null : rng.pick(['D', 'F', 'I'] as const),
      escaner: rng.chance(0.8),
      esperas: { dig: rng.int(1, 6), cap1: rng.int(2, 15), cap2: rng.int(1, 8), ver: rng.int(2, 12), cotejo: rng.int(0, 60), recap1: rng.int(2, 15), recap2: rng.int(1, 8) },
      segunda: ronda1 !== null && a.discrepancia ? conError(rng, ronda1) : ronda1,
      otroCatd: rng.pick(this.o.cat.catds.filter((c) => !sirve(c, a))),
      rolConCaptura: a.resultado.kind === 'sin_acta' || rng.chance(0.5),
      otraSeccion: this.otraSeccion(rng, a.esperada.casilla.seccion),
    };
    if (a.intentoAjeno) this.programar(clave, a.llegadaMin, () => this.intentoAjeno(g));
    if (a.intentoRol) this.programar(clave, a.llegadaMin, () => this.intentoRol(g));
    this.programar(clave, a.llegadaMin, () => this.acopio(g));
    if (a.fotoCasillaMin !== null) this.programar(clave, a.fotoCasillaMin, () => this.foto(g));
  }

  private otraSeccion(rng: Rng, propia: number): number {
    const ss = this.o.cat.secciones;
    const i = rng.int(0, ss.length - 2);
    return ss[i]!.id === propia ? ss[ss.length - 1]!.id : ss[i]!.id;
  }

  private caidaDe(g: Guion, paso: string): Peticion['caida'] {
    return g.caida?.paso === paso ? g.caida.modo : undefined;
  }

  private idem(clave: string, paso: string): string {
    return `sim-${this.o.seed}-${clave}-${paso}`;
  }

  private async intentoAjeno(g: Guion): Promise<void> {
    const clave = g.a.esperada.clave;
    this.estado.intentos.ajenos++;
    const r = await this.enviar(clave, 'intento de otro CATD', {
      ruta: '/api/v1/acopio',
      token: this.token(idPuesto(g.otroCatd.id, 'acopio')),
      json: { clave, fechaHora: this.fecha() },
      idempotencia: this.idem(clave, 'ajeno'),
    }, [403]);
    if (r) this.estado.intentos.rechazados++;
  }

  private async intentoRol(g: Guion): Promise<void> {
    const { a } = g;
    const clave = a.esperada.clave;
    this.estado.intentos.rol++;
    let r: Respuesta | null;
    if (g.rolConCaptura) {
      // The CATD's acopio operator tries to capture: wrong role.
      const figuras = a.resultado.kind === 'captura' ? cuerpoCaptura(a.resultado.captura) : { votos: {}, totales: {} };
      r = await this.enviar(clave, 'intento sin el rol', {
        ruta: `/api/v1/actas/${clave}/capturas`,
        token: this.token(idPuesto(a.catd, 'acopio')),
        json: { ...figuras, fechaHora: this.fecha() },
        idempotencia: this.idem(clave, 'rol'),
      }, [403]);
    } else {
      // A PREP Casilla phone of another sección tries to photograph it.
      r = await this.enviar(clave, 'intento de otro PREP Casilla', {
        ruta: `/api/v1/actas/${clave}/imagen?origen=CASILLA&digitalizacion=MOVIL&tipoDocumento=ACTA_PREP&fechaHora=${encodeURIComponent(this.fecha())}`,
        token: this.token(idDispositivo(g.otraSeccion)),
        bytes: imagenActa(clave, `CASILLA de la sección ${g.otraSeccion}`),
        tipo: 'image/png',
        idempotencia: this.idem(clave, 'rol'),
      }, [403]);
    }
    if (r) this.estado.intentos.rechazados++;
  }

  private async acopio(g: Guion): Promise<void> {
    const { a } = g;
    const clave = a.esperada.clave;
    const sinActa = a.resultado.kind === 'sin_acta' ? a.resultado.motivo : null;
    const r = await this.enviar(clave, 'acopio', {
      ruta: '/api/v1/acopio',
      token: this.token(idPuesto(a.catd, 'acopio')),
      json: { clave, fechaHora: this.fecha(), mecanismoTraslado: g.mecanismo, ...(sinActa ? { sinActa } : {}) },
      idempotencia: this.idem(clave, 'acopio'),
      caida: this.caidaDe(g, 'acopio'),
    }, [200, 201]);
    if (r === null) return;
    this.estado.pasos.acopio++;
    if (sinActa) {
      if (this.etapaDe(r) !== 'SIN_ACTA') return this.error(clave, 'acopio', r, 'se esperaba etapa SIN_ACTA');
      this.estado.sinActa++;
      return;
    }
    // Scanned at the CATD only when PREP Casilla did not photograph it.
    if (a.fotoCasillaMin === null) this.programar(clave, this.estado.minuto + g.esperas.dig, () => this.digitalizar(g));
  }

  private async foto(g: Guion): Promise<void> {
    const clave = g.a.esperada.clave;
    const r = await this.enviar(clave, 'foto PREP Casilla', {
      ruta: `/api/v1/actas/${clave}/imagen?origen=CASILLA&digitalizacion=MOVIL&tipoDocumento=ACTA_PREP&fechaHora=${encodeURIComponent(this.fecha())}`,
      token: this.token(idDispositivo(g.a.esperada.casilla.seccion)),
      bytes: imagenActa(clave, 'CASILLA'),
      tipo: 'image/png',
      idempotencia: this.idem(clave, 'foto'),
      caida: this.caidaDe(g, 'imagen'),
    }, [200, 201]);
    if (r === null) return;
    this.estado.pasos.foto++;
    this.programar(clave, this.estado.minuto + g.esperas.cap1, () => this.capturar(g, 1, 'cap1'));
  }

  private async digitalizar(g: Guion): Promise<void> {
    const { a } = g;
    const clave = a.esperada.clave;
    const r = await this.enviar(clave, 'digitalización', {
      ruta: `/api/v1/actas/${clave}/imagen?origen=CATD&digitalizacion=${g.escaner ? 'ESCANER' : 'MOVIL'}&tipoDocumento=ACTA_PREP&fechaHora=${encodeURIComponent(this.fecha())}`,
      token: this.token(idPuesto(a.catd, 'dig')),
      bytes: imagenActa(clave, 'CATD'),
      tipo: 'image/png',
      idempotencia: this.idem(clave, 'digitalizacion'),
      caida: this.caidaDe(g, 'imagen'),
    }, [200]);
    if (r === null) return;
    this.estado.pasos.digitalizacion++;
    this.programar(clave, this.estado.minuto + g.esperas.cap1, () => this.capturar(g, 1, 'cap1'));
  }

  /**
   * Round 1 captures the figures as first verified (the wrong version, when the plan has one; the second
   * capturist mistypes one field when the plan has a mismatch); round 2, after cotejo, the true figures.
   */
  private figurasDe(g: Guion, ronda: 1 | 2, puesto: 'cap1' | 'cap2'): { figuras: Captura; buenas: Captura } {
    const a = g.a;
    if (a.resultado.kind !== 'captura') throw new Error('un acta sin acta no se captura');
    const buenas = ronda === 1 ? (a.erronea ?? a.resultado.captura) : a.resultado.captura;
    return { figuras: ronda === 1 && puesto === 'cap2' ? g.segunda! : buenas, buenas };
  }

  private async capturar(g: Guion, ronda: 1 | 2, puesto: 'cap1' | 'cap2'): Promise<void> {
    const clave = g.a.esperada.clave;
    const paso = ronda === 1 ? 'captura' : 'recaptura';
    const { figuras, buenas } = this.figurasDe(g, ronda, puesto);
    const r = await this.enviar(clave, `${paso} ${puesto}`, {
      ruta: `/api/v1/actas/${clave}/capturas`,
      token: this.token(idPuesto(g.a.catd, puesto)),
      json: { ...cuerpoCaptura(figuras), fechaHora: this.fecha() },
      idempotencia: this.idem(clave, `${paso}-${puesto}`),
      caida: ronda === 1 ? this.caidaDe(g, puesto) : undefined,
    }, [200]);
    if (r === null) return;
    this.estado.pasos[paso]++;
    const etapa = this.etapaDe(r);
    if (puesto === 'cap1') {
      if (etapa !== 'CAPTURA') return this.error(clave, paso, r, 'tras la primera captura se esperaba etapa CAPTURA');
      const espera = ronda === 1 ? g.esperas.cap2 : g.esperas.recap2;
      this.programar(clave, this.estado.minuto + espera, () => this.capturar(g, ronda, 'cap2'));
      return;
    }
    if (JSON.stringify(figuras) === JSON.stringify(buenas)) {
      if (etapa !== 'VERIFICADA') return this.error(clave, paso, r, 'dos capturas iguales: se esperaba VERIFICADA');
      this.verificada(g, ronda, r);
    } else {
      if (etapa !== 'VERIFICACION') return this.error(clave, paso, r, 'capturas distintas: se esperaba VERIFICACION');
      this.programar(clave, this.estado.minuto + g.esperas.ver, () => this.verificar(g, ronda, buenas));
    }
  }

  private async verificar(g: Guion, ronda: 1 | 2, figuras: Captura): Promise<void> {
    const clave = g.a.esperada.clave;
    const r = await this.enviar(clave, 'verificación', {
      ruta: `/api/v1/actas/${clave}/verificacion`,
      token: this.token(idPuesto(g.a.catd, 'ver')),
      json: { resolucion: 'CAPTURA', captura: cuerpoCaptura(figuras), fechaHora: this.fecha() },
      idempotencia: this.idem(clave, `verificacion-${ronda}`),
    }, [200]);
    if (r === null) return;
    this.estado.pasos.verificacion++;
    if (this.etapaDe(r) !== 'VERIFICADA') return this.error(clave, 'verificación', r, 'se esperaba VERIFICADA');
    this.verificada(g, ronda, r);
  }

  private verificada(g: Guion, ronda: 1 | 2, r: Respuesta): void {
    const { a } = g;
    if (ronda === 2) {
      const cotejada = (r.cuerpo as { estado?: { cotejada?: number } }).estado?.cotejada;
      if (cotejada !== 2) return this.error(a.esperada.clave, 'recaptura', r, 'se esperaba COTEJADA 2');
      this.estado.verificadas++;
      return;
    }
    if (a.erronea === null) {
      this.estado.verificadas++;
      return;
    }
    // Published with wrong figures: the supervisor sends it back once a corte has shown it.
    const seq = Number((r.cuerpo as { seq?: number }).seq);
    const espera = Math.max(2 * this.o.cadenciaMin, 20) + g.esperas.cotejo;
    this.programar(a.esperada.clave, this.estado.minuto + espera, () => this.cotejar(g, seq));
  }

  private async cotejar(g: Guion, seqVerificada: number): Promise<void> {
    const clave = g.a.esperada.clave;
    if (this.estado.cortes.secuencia >= seqVerificada) this.estado.correcciones.trasPublicacion++;
    else this.estado.correcciones.antesDePublicarse++;
    const r = await this.enviar(clave, 'cotejo', {
      ruta: `/api/v1/actas/${clave}/cotejo`,
      token: this.token(idPuesto(g.a.catd, 'sup')),
      json: { accion: 'RECAPTURA', motivo: 'Las cifras publicadas no coinciden con la imagen del acta.', fechaHora: this.fecha() },
      idempotencia: this.idem(clave, 'cotejo'),
    }, [200]);
    if (r === null) return;
    this.estado.pasos.cotejo++;
    if (this.etapaDe(r) !== 'CAPTURA') return this.error(clave, 'cotejo', r, 'se esperaba etapa CAPTURA');
    this.programar(clave, this.estado.minuto + g.esperas.recap1, () => this.capturar(g, 2, 'cap1'));
  }

  private planificarFc(f: PlanFueraCatalogo, i: number): void {
    const clave = `fc:${i}`;
    this.programar(clave, f.llegadaMin, async () => {
      const r = await this.enviar(clave, 'acopio fuera de catálogo', {
        ruta: '/api/v1/acopio',
        token: this.token(idPuesto(f.catd, 'acopio')),
        json: { identificacion: f.identificacion, fechaHora: this.fecha() },
        idempotencia: this.idem(clave, `fc-${JSON.stringify(f.identificacion)}`),
      }, [201]);
      if (r === null) return;
      const registro = (r.cuerpo as { estado?: { registro?: string } }).estado?.registro;
      if (registro !== 'fuera_catalogo') return this.error(clave, 'acopio fuera de catálogo', r, 'se esperaba registro fuera_catalogo');
      this.estado.pasos.fueraCatalogo++;
    });
  }

  // ——— cortes on the simulated clock ———

  private async admin(metodo: string, ruta: string, cuerpo: unknown): Promise<Response> {
    return fetch(this.o.url + ruta, {
      method: metodo,
      headers: { authorization: `Bearer ${this.token(ADMIN)}`, 'content-type': 'application/json' },
      body: JSON.stringify(cuerpo),
    });
  }

  async configurarCortes(): Promise<void> {
    const r = await this.admin('PUT', '/api/v1/cortes/configuracion', {
      jornada: this.o.jornada,
      inicioMinutos: 20 * 60,
      duracionMinutos: this.o.duracionMin,
      cadenciaMinutos: this.o.cadenciaMin,
    });
    if (!r.ok) throw new Error(`no se pudo configurar la ventana de cortes: HTTP ${r.status} ${await r.text()}`);
  }

  /** One cron tick at simulated instant `ms` (the scheduled handler decides whether a corte is due). */
  async tick(ms: number): Promise<void> {
    const r = await fetch(`${this.o.url}/cdn-cgi/local/scheduled?cron=${encodeURIComponent('* * * * *')}&time=${ms}`);
    const texto = await r.text();
    if (!r.ok) throw new Error(`el disparador programado respondió HTTP ${r.status}: ${texto.slice(0, 200)}`);
    this.estado.cortes.ticks++;
    await this.leerLatest();
  }

  private etagLatest: string | null = null;

  async leerLatest(): Promise<void> {
    const r = await fetch(`${this.o.url}/datos/latest.json`, { headers: this.etagLatest ? { 'if-none-match': this.etagLatest } : {} });
    if (r.status === 304 || r.status === 404) {
      await r.body?.cancel();
      return;
    }
    if (!r.ok) throw new Error(`/datos/latest.json respondió HTTP ${r.status}`);
    this.etagLatest = r.headers.get('etag');
    const p = PunteroSchema.parse(await r.json());
    const c = this.estado.cortes;
    if (p.numero !== c.ultimo) c.publicados++;
    c.ultimo = p.numero;
    c.instante = p.instante;
    c.secuencia = p.secuencia;
    this.estado.final = p.final;
  }

  private async cron(): Promise<void> {
    let ultimo = -1;
    while (!this.terminada) {
      const m = Math.floor(this.estado.minuto);
      if (m > ultimo && m < this.o.duracionMin) {
        ultimo = m;
        await this.tick(this.estado.apertura + m * MINUTO);
      } else await dormir(5);
    }
  }

  // ——— the clock and the dispatcher ———

  private avanzarReloj(): void {
    const ahora = performance.now();
    const dt = ahora - this.ultimoReal;
    this.ultimoReal = ahora;
    this.estado.realMs = ahora - this.t0;
    const e = this.estado;
    const top = this.cola.peek();
    const retraso = top !== undefined && top.due <= e.minuto ? e.minuto - top.due : 0;
    const tope = this.tope;
    e.esperando = retraso > (this.o.retrasoMaxMin ?? 15) || e.minuto >= tope;
    if (retraso > (this.o.retrasoMaxMin ?? 15)) return;
    e.minuto = Math.min(tope, e.minuto + (dt * this.o.velocidad) / MINUTO);
  }

  /** Runs the whole night; resolves when the final corte is published. */
  async correr(): Promise<EstadoNoche> {
    await this.configurarCortes();
    this.planificar();
    this.t0 = performance.now();
    this.ultimoReal = this.t0;
    let falloCron: unknown = null;
    const cron = this.cron().catch((e: unknown) => {
      falloCron = e;
    });
    const enCurso = new Set<Promise<void>>();
    try {
      let despertar: (() => void) | null = null;
      while (this.cola.size > 0 || enCurso.size > 0) {
        if (falloCron !== null) throw falloCron;
        this.avanzarReloj();
        while (enCurso.size < this.o.concurrencia) {
          const t = this.cola.peek();
          if (t === undefined || t.due > this.estado.minuto) break;
          this.cola.pop();
          const p: Promise<void> = t.correr().finally(() => {
            enCurso.delete(p);
            despertar?.();
          });
          enCurso.add(p);
        }
        this.estado.enVuelo = enCurso.size;
        this.estado.pendientes = this.cola.size;
        this.o.alAvanzar?.(this.estado);
        await new Promise<void>((r) => {
          despertar = r;
          setTimeout(r, 20);
        });
        despertar = null;
      }
    } finally {
      this.terminada = true;
      await Promise.allSettled(enCurso);
      await cron;
    }
    if (falloCron !== null) throw falloCron;
    // Every step is done: the clock reaches the close and the cron publishes the final corte.
    this.estado.minuto = this.o.duracionMin;
    this.estado.esperando = false;
    await this.tick(this.estado.cierre);
    this.estado.realMs = performance.now() - this.t0;
    this.o.alAvanzar?.(this.estado);
    if (!this.estado.final) throw new Error('el cron no publicó el corte final al cierre de la ventana');
    return this.estado;
  }
}

/** An acta's night, drawn in advance. */
interface Guion {
  a: PlanActa;
  caida: { paso: string; modo: 'abortar' | 'perder' } | null;
  mecanismo: 'D' | 'F' | 'I' | null;
  escaner: boolean;
  /** Simulated minutes between consecutive steps. */
  esperas: { dig: number; cap1: number; cap2: number; ver: number; cotejo: number; recap1: number; recap2: number };
  /** What the second capturist of round 1 types. */
  segunda: Captura | null;
  otroCatd: Catd;
  rolConCaptura: boolean;
  otraSeccion: number;
}
