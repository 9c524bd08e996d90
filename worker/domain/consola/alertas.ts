/**
 * The console's alerts (issue 17), pure: from what the console read (counters, last activity, event rates, the
 * corte job's state, the audit chain's last check) and the thresholds (umbrales.ts), the list of things a
 * coordinator must look at now, the most serious and oldest first.
 *   CATD_SILENCIOSO    a CATD has actas waiting and none of its operators wrote for N minutes
 *   ACTA_DETENIDA      the oldest acta at a step of a CATD and election has waited more than N minutes
 *   TASA_DISCREPANCIA  captures that disagree, recently, well above the night's usual rate
 *   TASA_DEVOLUCION    verifiers and supervisors sending actas back, likewise
 *   CORTE_RETRASADO    a corte is due (the cron's own rule) and its turn started N minutes ago
 *   CORTE_FALLIDO      a corte run took the lease and its lease expired without being released
 *   BITACORA_ROTA      the audit chain's check found a broken entry
 *   BITACORA_SIN_VERIFICAR  the chain has not been checked within N minutes
 */
import { z } from 'zod';
import { decidir, type ConfigCortes } from '../corte/calendario.ts';
import { type Figuras, PASOS_PENDIENTES, type PasoPendiente } from './estado.ts';
import type { Umbrales } from './umbrales.ts';

export const TipoAlertaSchema = z.enum([
  'CATD_SILENCIOSO',
  'ACTA_DETENIDA',
  'TASA_DISCREPANCIA',
  'TASA_DEVOLUCION',
  'CORTE_RETRASADO',
  'CORTE_FALLIDO',
  'BITACORA_ROTA',
  'BITACORA_SIN_VERIFICAR',
]);
export type TipoAlerta = z.infer<typeof TipoAlertaSchema>;

export const AlertaSchema = z.object({
  tipo: TipoAlertaSchema,
  gravedad: z.enum(['critica', 'aviso']),
  /** The CATD it concerns (null: the entidad, the cortes, the audit chain). */
  catd: z.string().nullable(),
  mensaje: z.string(),
  /** Since when the condition holds, epoch ms (null: unknown, e.g. a chain never verified). */
  desde: z.number().int().nullable(),
  datos: z.record(z.string(), z.union([z.string(), z.number(), z.null()])),
});
export type Alerta = z.infer<typeof AlertaSchema>;

/** A CATD as the alerts see it: its figures over all its elections and per election, and its last write. */
export interface CatdVigilado {
  id: string;
  nombre: string;
  ultimaActividad: number | null;
  /** Per election (ACTA_DETENIDA names the election). */
  elecciones: { eleccion: string; figuras: Figuras }[];
}

export interface ConteoEventos {
  RONDA: number;
  DISCREPANCIA: number;
  DECISION: number;
  DEVOLUCION: number;
}

/** Events of one scope (a CATD, or null: the entidad): in the recent window and over the whole night. */
export interface TasasVigiladas {
  catd: string | null;
  reciente: ConteoEventos;
  noche: ConteoEventos;
}

export interface CortesVigilados {
  config: ConfigCortes;
  /** The entidad's UTC offset (null: no catalogue, no window). */
  offsetMinutos: number | null;
  ultimoTurno: number | null;
  finalPublicado: boolean;
  lease: { titular: string | null; vence: number };
}

export interface BitacoraVigilada {
  verificadaAt: number | null;
  rotaId: number | null;
  motivo: string | null;
}

export interface Vigilancia {
  ahora: number;
  catds: readonly CatdVigilado[];
  tasas: readonly TasasVigiladas[];
  cortes: CortesVigilados;
  bitacora: BitacoraVigilada;
}

const MINUTO = 60_000;
const minutos = (ms: number): number => Math.floor(ms / MINUTO);
/** "12 min", or "menos de 1 min" (thresholds may be fractions of a minute). */
const enMinutos = (ms: number): string => (ms < MINUTO ? 'menos de 1 min' : `${minutos(ms)} min`);

export function alertas(v: Vigilancia, u: Umbrales): Alerta[] {
  const todas = [
    ...v.catds.flatMap((c) => [...silencio(c, v.ahora, u), ...detenidas(c, v.ahora, u)]),
    ...v.tasas.flatMap((t) => tasas(t, v.ahora, u)),
    ...cortes(v.cortes, v.ahora, u),
    ...bitacora(v.bitacora, v.ahora, u),
  ];
  return todas.sort(orden);
}

function orden(a: Alerta, b: Alerta): number {
  if (a.gravedad !== b.gravedad) return a.gravedad === 'critica' ? -1 : 1;
  const da = a.desde ?? Number.NEGATIVE_INFINITY;
  const db = b.desde ?? Number.NEGATIVE_INFINITY;
  if (da !== db) return da - db;
  return `${a.tipo} ${a.catd ?? ''} ${a.mensaje}` < `${b.tipo} ${b.catd ?? ''} ${b.mensaje}` ? -1 : 1;
}

function pendientesDe(c: CatdVigilado): { total: number; masAntigua: number | null } {
  let total = 0;
  let masAntigua: number | null = null;
  for (const { figuras } of c.elecciones) {
    for (const p of PASOS_PENDIENTES) {
      total += figuras.pendientes[p];
      const d = figuras.masAntigua[p]?.desde;
      if (d !== undefined && (masAntigua === null || d < masAntigua)) masAntigua = d;
    }
  }
  return { total, masAntigua };
}

/** Silent since its last write, or — never seen — since its oldest waiting acta arrived. */
function silencio(c: CatdVigilado, ahora: number, u: Umbrales): Alerta[] {
  const p = pendientesDe(c);
  if (p.total === 0) return [];
  const desde = c.ultimaActividad ?? p.masAntigua;
  if (desde === null || ahora - desde < u.silencioMin * MINUTO) return [];
  const hace = minutos(ahora - desde);
  const visto = c.ultimaActividad === null ? 'sin actividad registrada' : `sin actividad hace ${enMinutos(ahora - desde)}`;
  return [
    {
      tipo: 'CATD_SILENCIOSO',
      gravedad: 'critica',
      catd: c.id,
      mensaje: `${c.nombre}: ${visto}, con ${p.total} actas pendientes.`,
      desde,
      datos: { minutos: hace, pendientes: p.total, ultimaActividad: c.ultimaActividad },
    },
  ];
}

const NOMBRE_PASO: Readonly<Record<PasoPendiente, string>> = {
  DIGITALIZACION: 'digitalización',
  CAPTURA: 'captura',
  VERIFICACION: 'verificación',
  COTEJO: 'cotejo',
};

function detenidas(c: CatdVigilado, ahora: number, u: Umbrales): Alerta[] {
  const out: Alerta[] = [];
  for (const { eleccion, figuras } of c.elecciones) {
    for (const paso of PASOS_PENDIENTES) {
      const a = figuras.masAntigua[paso];
      const limite = (paso === 'COTEJO' ? u.detenidaCotejoMin : u.detenidaMin) * MINUTO;
      if (a === null || ahora - a.desde <= limite) continue;
      const hace = minutos(ahora - a.desde);
      out.push({
        tipo: 'ACTA_DETENIDA',
        gravedad: paso === 'COTEJO' ? 'aviso' : 'critica',
        catd: c.id,
        mensaje: `${c.nombre}: el acta ${a.clave} (${eleccion}) lleva ${enMinutos(ahora - a.desde)} en ${NOMBRE_PASO[paso]}.`,
        desde: a.desde,
        datos: { clave: a.clave, eleccion, paso, minutos: hace, pendientes: figuras.pendientes[paso] },
      });
    }
  }
  return out;
}

type Tasa = { tipo: 'TASA_DISCREPANCIA' | 'TASA_DEVOLUCION'; num: keyof ConteoEventos; den: keyof ConteoEventos; que: string };
const TASAS: readonly Tasa[] = [
  { tipo: 'TASA_DISCREPANCIA', num: 'DISCREPANCIA', den: 'RONDA', que: 'capturas que no coinciden' },
  { tipo: 'TASA_DEVOLUCION', num: 'DEVOLUCION', den: 'DECISION', que: 'actas devueltas por verificación o cotejo' },
];

/** The rate's recent value and the ceiling of the usual, or null when the window has too few events to judge. */
export function juzgarTasa(reciente: [number, number], antes: [number, number], u: Umbrales): { tasa: number; limite: number; referencia: number | null } | null {
  const [rn, rd] = reciente;
  if (rd < u.minimoVentana) return null;
  const [an, ad] = antes;
  const referencia = ad >= u.minimoNoche ? an / ad : null;
  const limite = referencia === null ? u.tasaSinReferencia : Math.max(referencia * u.factorTasa, referencia + u.margenTasa);
  return { tasa: rn / rd, limite, referencia };
}

const pct = (x: number): string => `${Math.round(x * 100)} %`;

function tasas(t: TasasVigiladas, ahora: number, u: Umbrales): Alerta[] {
  const out: Alerta[] = [];
  for (const d of TASAS) {
    const r: [number, number] = [t.reciente[d.num], t.reciente[d.den]];
    // "Usual" is the night before the window: the window itself must not dilute its own reference.
    const a: [number, number] = [Math.max(0, t.noche[d.num] - r[0]), Math.max(0, t.noche[d.den] - r[1])];
    const j = juzgarTasa(r, a, u);
    if (j === null || j.tasa <= j.limite) continue;
    const donde = t.catd === null ? 'Entidad' : t.catd;
    const usual = j.referencia === null ? `sin referencia previa (límite ${pct(j.limite)})` : `lo usual en la noche: ${pct(j.referencia)}`;
    out.push({
      tipo: d.tipo,
      gravedad: 'aviso',
      catd: t.catd,
      mensaje: `${donde}: ${pct(j.tasa)} de ${d.que} en los últimos ${u.ventanaTasaMin} min (${r[0]} de ${r[1]}); ${usual}.`,
      desde: ahora - u.ventanaTasaMin * MINUTO,
      datos: { tasa: j.tasa, limite: j.limite, referencia: j.referencia, eventos: r[0], total: r[1] },
    });
  }
  return out;
}

function cortes(c: CortesVigilados, ahora: number, u: Umbrales): Alerta[] {
  const out: Alerta[] = [];
  if (c.lease.titular !== null && c.lease.vence < ahora) {
    out.push({
      tipo: 'CORTE_FALLIDO',
      gravedad: 'critica',
      catd: null,
      mensaje: `Un corte en curso dejó de responder (su turno venció hace ${minutos(ahora - c.lease.vence)} min sin terminar).`,
      desde: c.lease.vence,
      datos: { titular: c.lease.titular, vence: c.lease.vence },
    });
  }
  if (c.offsetMinutos === null) return out;
  // The cron's own rule says whether a corte is due now; it is late once its turn started long enough ago.
  const d = decidir(c.config, c.offsetMinutos, ahora, { ultimoTurno: c.ultimoTurno, finalPublicado: c.finalPublicado });
  if (d.tipo === 'corte' && ahora - d.turno > u.retrasoCorteMin * MINUTO) {
    const cual = d.final ? 'El corte final' : 'El corte programado';
    out.push({
      tipo: 'CORTE_RETRASADO',
      gravedad: 'critica',
      catd: null,
      mensaje: `${cual} debió publicarse hace ${minutos(ahora - d.turno)} min y no se ha publicado.`,
      desde: d.turno,
      datos: { turno: d.turno, final: d.final ? 1 : 0, minutos: minutos(ahora - d.turno) },
    });
  }
  return out;
}

function bitacora(b: BitacoraVigilada, ahora: number, u: Umbrales): Alerta[] {
  if (b.rotaId !== null) {
    return [
      {
        tipo: 'BITACORA_ROTA',
        gravedad: 'critica',
        catd: null,
        mensaje: `La cadena de la bitácora está rota en la entrada ${b.rotaId}${b.motivo ? ` (${b.motivo})` : ''}.`,
        desde: b.verificadaAt,
        datos: { entrada: b.rotaId, motivo: b.motivo },
      },
    ];
  }
  if (b.verificadaAt !== null && ahora - b.verificadaAt <= u.bitacoraMin * MINUTO) return [];
  const cuando = b.verificadaAt === null ? 'nunca se ha verificado' : `no se verifica desde hace ${minutos(ahora - b.verificadaAt)} min`;
  return [
    {
      tipo: 'BITACORA_SIN_VERIFICAR',
      gravedad: 'aviso',
      catd: null,
      mensaje: `La cadena de la bitácora ${cuando}.`,
      desde: b.verificadaAt,
      datos: { verificadaAt: b.verificadaAt },
    },
  ];
}
