/**
 * A whole simulacro on a running local stack: the plan of the night, the staff, the replay through the HTTP API
 * with cortes on the simulated clock (conductor.ts), and the reconciliation (conciliacion.ts). `npm start` runs it
 * on the project's stack, with one CATD left to people at the screens (demo.ts); the test runs a short one on a
 * temporary stack, without.
 */
import { generarJalisco } from '../generador/generar.ts';
import type { Catalogo } from '../../worker/domain/catalogo/esquema.ts';
import { sembrarLocal } from '../seed.ts';
import { conciliar, type Conciliacion } from './conciliacion.ts';
import { Noche } from './conductor.ts';
import { crearContingencia } from './contingencia-crear.ts';
import type { NombreContingencia } from './contingencia-plan.ts';
import type { EstadoNoche } from './estado.ts';
import { operadoresDemo, personalDemo, type Demo } from './demo.ts';
import type { AMano } from './mano.ts';
import { crearPersonal, type Credenciales } from './personal.ts';
import { planNoche, recortarPlan, type PlanNoche } from './plan.ts';

/** The 24 hours in about 5 minutes. */
export const VELOCIDAD_PREDETERMINADA = 288;
export const CONCURRENCIA_PREDETERMINADA = 8;
export const CADENCIA_PREDETERMINADA = 5;
/** Election day of the synthetic Jalisco 2024 night. */
export const JORNADA = '2024-06-02';
export const DURACION_MIN = 24 * 60;

export interface NochePlaneada {
  cat: Catalogo;
  plan: PlanNoche;
}

/** The catalogue (seed `semillaCatalogo`) and the night (seed `seed`), cut to about `actas` actas if given. */
export function prepararNoche(seed: number, opciones: { actas?: number; semillaCatalogo?: number } = {}): NochePlaneada {
  const cat = generarJalisco(opciones.semillaCatalogo ?? 2024);
  const completo = planNoche(cat, seed, DURACION_MIN);
  return { cat, plan: opciones.actas === undefined ? completo : recortarPlan(completo, opciones.actas) };
}

/**
 * Migrations, catalogue and staff into the local D1 at `persistTo` (before the server starts); with a `demo`, its
 * operators too (their keys are among the credentials returned).
 */
export async function prepararDatos(persistTo: string, cat: Catalogo, semillaCatalogo = 2024, demo: Demo | null = null): Promise<Credenciales> {
  await sembrarLocal(semillaCatalogo, persistTo);
  return crearPersonal(persistTo, cat, demo ? personalDemo(demo) : []);
}

/** What the simulacro and its reconciliation need to know about a CATD left to people. */
export function aManoDe(demo: Demo): AMano {
  return { catd: demo.catd.id, operadores: operadoresDemo() };
}

export interface OpcionesSimulacro {
  /** The address people use (printed in the reconciliation: `npm run verify -- <url>`). */
  url: string;
  /** Where the night's own requests go (Pila.urlApi: past wrangler's dev proxy); default `url`. */
  urlApi?: string;
  d1: <T = Record<string, unknown>>(sql: string) => T[];
  noche: NochePlaneada;
  credenciales: Credenciales;
  seed: number;
  velocidad?: number;
  concurrencia?: number;
  cadenciaMin?: number;
  alAvanzar?: (e: EstadoNoche) => void;
  /** A CATD whose capture is left to people (`npm start`); default none. */
  aMano?: AMano | null;
  /** A contingency drill (docs/CONTINGENCIA.md); default none. */
  contingencia?: NombreContingencia | null;
}

export interface ResultadoSimulacro {
  estado: EstadoNoche;
  conciliacion: Conciliacion;
  /** What the drill did and what the console showed (empty without a drill). */
  contingencia: string[];
}

export async function simular(o: OpcionesSimulacro): Promise<ResultadoSimulacro> {
  // A copy: a drill adds the secrets it issues mid-night (the relief of a dark CATD).
  const credenciales = new Map(o.credenciales);
  const cadenciaMin = o.cadenciaMin ?? CADENCIA_PREDETERMINADA;
  const velocidad = o.velocidad ?? VELOCIDAD_PREDETERMINADA;
  const contingencia = o.contingencia
    ? crearContingencia(o.contingencia, { url: o.urlApi ?? o.url, plan: o.noche.plan, credenciales, velocidad, cadenciaMin, duracionMin: DURACION_MIN })
    : null;
  const noche = new Noche({
    url: o.urlApi ?? o.url,
    cat: o.noche.cat,
    plan: o.noche.plan,
    credenciales,
    seed: o.seed,
    velocidad,
    concurrencia: o.concurrencia ?? CONCURRENCIA_PREDETERMINADA,
    cadenciaMin,
    jornada: JORNADA,
    duracionMin: DURACION_MIN,
    alAvanzar: o.alAvanzar,
    catdAMano: o.aMano?.catd ?? null,
    contingencia,
  });
  const estado = await noche.correr();
  const conciliacion = await conciliar({ url: o.url, urlApi: o.urlApi, cat: o.noche.cat, plan: o.noche.plan, estado, d1: o.d1, aMano: o.aMano ?? null });
  return { estado, conciliacion, contingencia: contingencia?.lineas() ?? [] };
}
