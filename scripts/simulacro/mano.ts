/**
 * What people did by hand at the CATD screens during `npm start`, for the reconciliation (conciliacion.ts): which
 * actas are theirs, what the final corte must show for them, and how their work compares with the simulacro's
 * ground truth. Their actas are the hand-operated CATD's (demo.ts) plus any other acta a demo operator wrote to (the
 * PREP Casilla phone photographs every election's acta of its casillas; someone may receive an acta the plan never
 * sends). Figures typed by a person may differ from the truth and actas left unfinished are pending: both are
 * reported, neither fails the night.
 */
import type { Captura } from '../../worker/domain/acta/esquema.ts';
import type { ActaEsperada } from '../../worker/domain/acta/esperadas.ts';
import { ActaPublicadaSchema, type ActaPublicada } from '../../worker/domain/acta/publicada.ts';
import type { Catalogo } from '../../worker/domain/catalogo/esquema.ts';
import { catdDe, type PlanNoche } from './plan.ts';
import type { PlanVerdad } from './verdad.ts';

/** The CATD left to people and every operator id they may sign in as. */
export interface AMano {
  catd: string;
  operadores: readonly string[];
}

export type ConsultaD1 = <T = Record<string, unknown>>(sql: string) => T[];

/** A list of strings as a SQL literal for `json_each` (claves and operator ids: no quote survives JSON + doubling). */
export const listaSql = (xs: Iterable<string>) => `'${JSON.stringify([...xs]).replaceAll("'", "''")}'`;

/** Every expected acta the hand-operated CATD receives, whether the plan sends it or not. */
export function clavesDelCatd(cat: Catalogo, plan: PlanNoche, catd: string): Set<string> {
  const claves = new Set(plan.actas.filter((a) => a.catd === catd).map((a) => a.esperada.clave));
  for (const e of plan.noLlegan) if (catdDe(cat.catds, e).id === catd) claves.add(e.clave);
  return claves;
}

/** The actas that are people's: the CATD's, and any acta the audit log shows a demo operator acting on. */
export function actasAMano(cat: Catalogo, plan: PlanNoche, m: AMano, d1: ConsultaD1): Set<string> {
  const claves = clavesDelCatd(cat, plan, m.catd);
  const tocadas = d1<{ acta: string }>(
    `SELECT DISTINCT acta FROM bitacora WHERE acta IS NOT NULL AND operador IN (SELECT value FROM json_each(${listaSql(m.operadores)}))`,
  );
  for (const t of tocadas) claves.add(t.acta);
  return claves;
}

/** Each acta's newest entry in the publication log with seq ≤ `secuencia` (what a corte at that sequence holds). */
export function publicadasEn(d1: ConsultaD1, claves: ReadonlySet<string>, secuencia: number): Map<string, ActaPublicada> {
  if (claves.size === 0) return new Map();
  const filas = d1<{ clave: string; payload: string }>(
    `SELECT a.clave, a.payload FROM acta_publicacion a WHERE a.clave IN (SELECT value FROM json_each(${listaSql(claves)}))
       AND a.seq = (SELECT max(b.seq) FROM acta_publicacion b WHERE b.clave = a.clave AND b.seq <= ${Math.floor(secuencia)})`,
  );
  return new Map(filas.map((f) => [f.clave, ActaPublicadaSchema.parse(JSON.parse(f.payload))]));
}

/**
 * The plan the final corte must equal: the script's actas as planned, and people's actas as the publication log
 * had them at the corte (what they typed; not yet verified: expected but not counted, like an acta that never came).
 */
export function planConLoHechoAMano(plan: PlanNoche, aMano: ReadonlySet<string>, publicadas: ReadonlyMap<string, ActaPublicada>): PlanVerdad {
  const actas: PlanVerdad['actas'][number][] = plan.actas.filter((a) => !aMano.has(a.esperada.clave));
  const noLlegan: ActaEsperada[] = plan.noLlegan.filter((e) => !aMano.has(e.clave));
  const esperadas = [...plan.actas.map((a) => a.esperada), ...plan.noLlegan].filter((e) => aMano.has(e.clave));
  for (const e of esperadas) {
    const p = publicadas.get(e.clave);
    if (p?.registro === 'captura' && p.captura !== null) actas.push({ esperada: e, resultado: { tipo: 'captura', captura: p.captura } });
    else if (p?.registro === 'sin_acta' && p.motivoSinActa !== null) actas.push({ esperada: e, resultado: { tipo: 'sin_acta', motivo: p.motivoSinActa } });
    else noLlegan.push(e);
  }
  const fcAMano = [...publicadas.values()].filter((p) => p.registro === 'fuera_catalogo' && aMano.has(p.clave));
  return { actas, noLlegan, fueraCatalogo: [...plan.fueraCatalogo, ...fcAMano.map((p) => ({ identificacion: p.identificacion }))] };
}

/** Same figures, whatever the order of the fields. */
export function mismasCifras(a: Captura, b: Captura): boolean {
  const orden = (r: Record<string, unknown>) => JSON.stringify(Object.entries(r).sort(([x], [y]) => x.localeCompare(y)));
  return orden(a.votos) === orden(b.votos) && orden(a.totales) === orden(b.totales);
}

export interface ResumenAMano {
  catd: string;
  /** Actas of the CATD the plan sends with figures: the ones people were to capture. */
  porCapturar: number;
  /** Verified (published) by the final corte, and how many equal the simulacro's ground truth. */
  verificadas: number;
  coinciden: number;
  /** Not verified by the final corte, by workflow stage now. */
  pendientes: Record<string, number>;
  /** Actas people registered that the plan never sends (received by hand, fuera de catálogo). */
  fueraDelGuion: number;
  /** Actas of other CATDs a demo operator acted on (the PREP Casilla phone). */
  deOtrosCatd: number;
  /** Steps of the script answered 409 because people got there first. */
  yaHechos: number;
}

export interface EntradaResumen {
  plan: PlanNoche;
  catd: string;
  aMano: ReadonlySet<string>;
  delCatd: ReadonlySet<string>;
  publicadas: ReadonlyMap<string, ActaPublicada>;
  /** Current workflow stage of each acta in D1. */
  etapas: ReadonlyMap<string, string>;
  yaHechos: number;
}

export function resumirAMano(x: EntradaResumen): ResumenAMano {
  const r: ResumenAMano = { catd: x.catd, porCapturar: 0, verificadas: 0, coinciden: 0, pendientes: {}, fueraDelGuion: 0, deOtrosCatd: 0, yaHechos: x.yaHechos };
  const enPlan = new Set(x.plan.actas.map((a) => a.esperada.clave));
  for (const a of x.plan.actas) {
    if (a.catd !== x.catd || a.resultado.tipo !== 'captura') continue;
    r.porCapturar++;
    const p = x.publicadas.get(a.esperada.clave);
    if (p?.registro === 'captura' && p.captura !== null) {
      r.verificadas++;
      if (mismasCifras(p.captura, a.resultado.captura)) r.coinciden++;
    } else {
      const etapa = x.etapas.get(a.esperada.clave) ?? 'SIN_REGISTRO';
      r.pendientes[etapa] = (r.pendientes[etapa] ?? 0) + 1;
    }
  }
  for (const clave of x.aMano) {
    if (!enPlan.has(clave) && x.etapas.has(clave)) r.fueraDelGuion++;
    else if (enPlan.has(clave) && !x.delCatd.has(clave)) r.deOtrosCatd++;
  }
  return r;
}

const ETAPA: Record<string, string> = {
  DIGITALIZACION: 'en digitalización',
  CAPTURA: 'en captura',
  VERIFICACION: 'en verificación',
  VERIFICADA: 'verificadas después del corte final',
  SIN_ACTA: 'sin acta',
  SIN_REGISTRO: 'sin registrar',
};

/** `n` and the noun in singular or plural: "1 acta", "3 actas". */
export function cuantos(n: number, uno: string, varios: string): string {
  return `${new Intl.NumberFormat('es-MX').format(n)} ${n === 1 ? uno : varios}`;
}

export function lineasAMano(r: ResumenAMano): string[] {
  const nf = new Intl.NumberFormat('es-MX');
  const pendientes = Object.entries(r.pendientes).sort(([, a], [, b]) => b - a);
  const totalPendientes = pendientes.reduce((s, [, n]) => s + n, 0);
  const lineas = [
    `Captura a mano en ${r.catd}:`,
    `  · ${nf.format(r.verificadas)} de ${nf.format(r.porCapturar)} actas capturadas y verificadas a mano antes del corte final; ` +
      `${nf.format(r.coinciden)} coinciden con la verdad del simulacro${r.verificadas > r.coinciden ? `, ${nf.format(r.verificadas - r.coinciden)} no` : ''}.`,
  ];
  if (totalPendientes > 0) {
    lineas.push(`  · ${nf.format(totalPendientes)} pendientes (no es un error): ${pendientes.map(([e, n]) => `${nf.format(n)} ${ETAPA[e] ?? e}`).join(', ')}.`);
  }
  const otros = [
    r.fueraDelGuion ? `${cuantos(r.fueraDelGuion, 'acta registrada', 'actas registradas')} a mano fuera del guion` : '',
    r.deOtrosCatd ? `${cuantos(r.deOtrosCatd, 'acta', 'actas')} de otros CATD en las que actuó un operador de demostración` : '',
    r.yaHechos ? `${cuantos(r.yaHechos, 'paso del guion que ya se había hecho', 'pasos del guion que ya se habían hecho')} a mano (409)` : '',
  ].filter(Boolean);
  if (otros.length > 0) lineas.push(`  · además: ${otros.join('; ')}.`);
  return lineas;
}
