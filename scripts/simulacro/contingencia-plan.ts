/**
 * The drills of docs/CONTINGENCIA.md, planned (pure): which CATD goes dark and when, when the cron stops and
 * resumes, who takes over a dark CATD's steps, and when the administrator publishes by hand. The drills
 * (contingencia-cron.ts, contingencia-catd.ts) act on these decisions through the real API.
 */
import type { OperadorNuevo } from '../../worker/domain/captura/operador-nuevo.ts';
import { idPuesto, type Puesto } from './personal.ts';
import type { PlanNoche } from './plan.ts';

export const CONTINGENCIAS = ['cron-detenido', 'catd-caido'] as const;
export type NombreContingencia = (typeof CONTINGENCIAS)[number];

/** The simulated minute by which the fraction `f` of these arrivals has arrived (0 with none). */
export function minutoDeFraccion(llegadas: readonly number[], f: number): number {
  if (llegadas.length === 0) return 0;
  const orden = [...llegadas].sort((a, b) => a - b);
  return Math.floor(orden[Math.floor(f * (orden.length - 1))]!);
}

// --- cron-detenido -------------------------------------------------------------------------------------------

export interface PlanCronDetenido {
  /** The cron invokes nothing from minute `desde` to `hasta` (excluded). */
  desde: number;
  hasta: number;
  /** The vigía's threshold: a corte older than this means the cortes stalled (its default, 15 min at cadence 5). */
  maxEdadMin: number;
}

/**
 * The cron stops once a third of the night's actas arrived (work is flowing, cortes are expected) and stays down
 * long enough for the vigía to notice and the administrator to publish by hand more than once.
 */
export function planCronDetenido(plan: PlanNoche, cadenciaMin: number, duracionMin: number): PlanCronDetenido {
  const maxEdadMin = 3 * cadenciaMin;
  const desde = Math.max(2 * cadenciaMin, minutoDeFraccion(plan.actas.map((a) => a.llegadaMin), 1 / 3));
  const hasta = Math.min(desde + Math.max(6 * cadenciaMin, 45), duracionMin - 2 * cadenciaMin);
  return { desde: Math.min(desde, hasta), hasta, maxEdadMin };
}

/**
 * Whether the administrator publishes by hand at minute `minuto`: once the vigía raised the stall (`detectadoEn`),
 * while the cron is still down, one corte per cadence — the cadence the portal promises.
 */
export function debePublicarAMano(p: PlanCronDetenido, cadenciaMin: number, minuto: number, detectadoEn: number | null, ultimaAMano: number | null): boolean {
  if (detectadoEn === null || minuto < detectadoEn || minuto >= p.hasta) return false;
  return ultimaAMano === null || minuto - ultimaAMano >= cadenciaMin;
}

// --- catd-caido ----------------------------------------------------------------------------------------------

export interface PlanCatdCaido {
  catd: string;
  /** Actas of the plan it receives, and those with figures to capture. */
  actas: number;
  porCapturar: number;
  /** Its staff stops at `caida`; from `reasignacion` on, relief operators do its steps. */
  caida: number;
  reasignacion: number;
}

/** How long the console's silent-CATD alert takes by default, and the coordination's time to decide and act. */
export const SILENCIO_MIN = 10;
export const DECISION_MIN = 10;

/**
 * The CATD with the most actas to capture (ties: the lowest id) goes dark once a third of its actas arrived: the
 * hardest case for the relief, with work already in its queues and more still coming. Null: a night without actas.
 */
export function planCatdCaido(plan: PlanNoche): PlanCatdCaido | null {
  const porCatd = new Map<string, { actas: number; porCapturar: number; llegadas: number[] }>();
  for (const a of plan.actas) {
    const c = porCatd.get(a.catd) ?? { actas: 0, porCapturar: 0, llegadas: [] };
    c.actas++;
    if (a.resultado.tipo === 'captura') c.porCapturar++;
    c.llegadas.push(a.llegadaMin);
    porCatd.set(a.catd, c);
  }
  const elegido = [...porCatd].sort(([ia, a], [ib, b]) => b.porCapturar - a.porCapturar || ia.localeCompare(ib))[0];
  if (elegido === undefined) return null;
  const [catd, c] = elegido;
  const caida = minutoDeFraccion(c.llegadas, 1 / 3);
  return { catd, actas: c.actas, porCapturar: c.porCapturar, caida, reasignacion: caida + SILENCIO_MIN + DECISION_MIN };
}

/** The relief of each post: the CCV's staff for capture, verification and cotejo (they may act on any acta). */
const RELEVO_CCV: Partial<Record<Puesto, { id: string; rol: 'captura' | 'verificacion' | 'supervisor' }>> = {
  cap1: { id: 'ccv-captura-1', rol: 'captura' },
  cap2: { id: 'ccv-captura-2', rol: 'captura' },
  ver: { id: 'ccv-verificacion', rol: 'verificacion' },
  sup: { id: 'ccv-supervisor', rol: 'supervisor' },
};

/**
 * Acopio and digitalización need the paper, which the CCV never sees: the packages go to another CATD's building,
 * whose people receive and scan them as operators of the dark CATD's scope, issued for the night (the scope
 * travels with the credential, not with the building).
 */
export const idRelevoCatd = (catd: string, puesto: 'acopio' | 'dig') => `relevo-${catd.toLowerCase()}-${puesto}`;

/** The operators the administrator creates to relieve the dark CATD (each creation is an audit entry). */
export function operadoresDeRelevo(p: PlanCatdCaido): OperadorNuevo[] {
  return [
    { id: idRelevoCatd(p.catd, 'acopio'), nombre: `Relevo de ${p.catd}: acopio`, ambito: 'CATD', catd: p.catd, roles: ['acopio'], casillas: [] },
    { id: idRelevoCatd(p.catd, 'dig'), nombre: `Relevo de ${p.catd}: digitalización`, ambito: 'CATD', catd: p.catd, roles: ['digitalizacion'], casillas: [] },
    ...Object.values(RELEVO_CCV).map((r) => ({ id: r!.id, nombre: `CCV: ${r!.rol} (relevo de ${p.catd})`, ambito: 'CCV' as const, catd: null, roles: [r!.rol], casillas: [] })),
  ];
}

/** Who does post `puesto` of `catd` at `minuto`: its own staff, or once reassigned, the relief. */
export function operadorDe(p: PlanCatdCaido, catd: string, puesto: Puesto, minuto: number): string {
  if (catd !== p.catd || minuto < p.reasignacion) return idPuesto(catd, puesto);
  if (puesto === 'acopio' || puesto === 'dig') return idRelevoCatd(catd, puesto);
  return RELEVO_CCV[puesto]!.id;
}

/** A step of the dark CATD due while nobody covers it waits until the reassignment; others run now (null). */
export function aplazarHasta(p: PlanCatdCaido, catd: string, minuto: number): number | null {
  return catd === p.catd && minuto >= p.caida && minuto < p.reasignacion ? p.reasignacion : null;
}
