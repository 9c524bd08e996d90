/**
 * The console's whole answer (GET /api/v1/consola/estado), pure: what one refresh read from D1 (worker/db/consola.ts)
 * → figures per CATD and election, the entidad's totals, the PREP Casilla devices, the alerts. The zod schema is
 * the route's response and what the screen reads.
 */
import { z } from 'zod';
import { ConfigCortesSchema, type ConfigCortes } from '../corte/calendario.ts';
import { AlertaSchema, alertas, type ConteoEventos, type TasasVigiladas } from './alertas.ts';
import { acumular, claveCatdEleccion, FigurasSchema, figurasPorCatdEleccion, figurasVacias, type FilaContador, type FilaMasAntigua } from './estado.ts';
import { TIPOS_EVENTO, type TipoEvento } from './eventos.ts';
import { UmbralesSchema, type Umbrales } from './umbrales.ts';

export interface CatdCatalogo {
  id: string;
  nombre: string;
  elecciones: string[];
}

export interface FilaEvento {
  catd: string;
  tipo: TipoEvento;
  n: number;
}

/** What one refresh read (worker/db/consola.ts). */
export interface LecturaConsola {
  catds: CatdCatalogo[];
  contadores: FilaContador[];
  antiguas: FilaMasAntigua[];
  actividad: { operador: string; catd: string | null; vistoAt: number }[];
  /** Counted in SQL (thousands of devices): the counts, and only the first MAX_DISPOSITIVOS in the list's order. */
  dispositivos: { total: number; vistos: number; silenciosos: number; lista: { id: string; nombre: string; vistoAt: number | null }[] };
  eventosRecientes: FilaEvento[];
  eventosNoche: FilaEvento[];
  cortes: {
    config: ConfigCortes;
    ultimoTurno: number | null;
    offsetMinutos: number | null;
    finalPublicado: boolean;
    lease: { titular: string | null; vence: number };
    ultimo: { numero: number; instante: number; publicadoAt: number; final: boolean } | null;
  };
  bitacora: { hastaId: number; verificadaAt: number | null; rotaId: number | null; motivo: string | null };
}

/** The pseudo-CATD of actas no CATD covers (a catalogue gap): shown, so no acta goes uncounted. */
export const SIN_CATD = '';
/** At most this many devices are listed one by one (silent first); the counts cover all. */
export const MAX_DISPOSITIVOS = 200;

const EleccionFigurasSchema = z.object({ eleccion: z.string(), figuras: FigurasSchema });
const DispositivoSchema = z.object({ id: z.string(), nombre: z.string(), vistoAt: z.number().int().nullable(), silencioso: z.boolean() });

export const EstadoConsolaSchema = z.object({
  /** Server time of this answer (epoch ms): ages are measured from it. */
  ahora: z.number().int(),
  umbrales: UmbralesSchema,
  alertas: z.array(AlertaSchema),
  entidad: z.object({
    figuras: FigurasSchema,
    elecciones: z.array(EleccionFigurasSchema),
    dispositivos: z.object({
      total: z.number().int(),
      vistos: z.number().int(),
      silenciosos: z.number().int(),
      lista: z.array(DispositivoSchema),
    }),
  }),
  catds: z.array(
    z.object({
      id: z.string(),
      nombre: z.string(),
      ultimaActividad: z.number().int().nullable(),
      figuras: FigurasSchema,
      elecciones: z.array(EleccionFigurasSchema),
    }),
  ),
  cortes: z.object({
    config: ConfigCortesSchema,
    ultimo: z.object({ numero: z.number().int(), instante: z.number().int(), publicadoAt: z.number().int(), final: z.boolean() }).nullable(),
  }),
  bitacora: z.object({ hastaId: z.number().int(), verificadaAt: z.number().int().nullable(), rotaId: z.number().int().nullable() }),
});
export type EstadoConsola = z.infer<typeof EstadoConsolaSchema>;

export function construirEstado(l: LecturaConsola, ahora: number, u: Umbrales): EstadoConsola {
  const porCatd = figurasPorCatdEleccion(l.contadores, l.antiguas);
  const catds = filasCatd(l, porCatd);
  const todas = catds.flatMap((c) => c.elecciones);
  const elecciones = [...new Set(todas.map((e) => e.eleccion))].sort().map((eleccion) => ({
    eleccion,
    figuras: acumular(todas.filter((e) => e.eleccion === eleccion).map((e) => e.figuras)),
  }));
  const lista = dispositivos(l, ahora, u);
  const { total, vistos, silenciosos } = l.dispositivos;
  const estado: EstadoConsola = {
    ahora,
    umbrales: u,
    alertas: [],
    entidad: {
      figuras: acumular(catds.map((c) => c.figuras)),
      elecciones,
      dispositivos: { total, vistos, silenciosos, lista: lista.slice(0, MAX_DISPOSITIVOS) },
    },
    catds,
    cortes: { config: l.cortes.config, ultimo: l.cortes.ultimo },
    bitacora: { hastaId: l.bitacora.hastaId, verificadaAt: l.bitacora.verificadaAt, rotaId: l.bitacora.rotaId },
  };
  estado.alertas = alertas(
    {
      ahora,
      catds: catds.filter((c) => c.id !== SIN_CATD),
      tasas: tasas(l),
      cortes: l.cortes,
      bitacora: l.bitacora,
    },
    u,
  );
  return estado;
}

/** Every catalogue CATD × each of its elections (zeros included), plus any CATD or election only the counters know. */
function filasCatd(l: LecturaConsola, porCatd: Map<string, ReturnType<typeof figurasVacias>>): EstadoConsola['catds'] {
  const ultima = new Map<string, number>();
  for (const a of l.actividad) if (a.catd !== null) ultima.set(a.catd, Math.max(ultima.get(a.catd) ?? a.vistoAt, a.vistoAt));
  const elecciones = new Map<string, Set<string>>(l.catds.map((c) => [c.id, new Set(c.elecciones)]));
  const nombres = new Map(l.catds.map((c) => [c.id, c.nombre]));
  for (const c of [...l.contadores, ...l.antiguas]) {
    if (!elecciones.has(c.catd)) elecciones.set(c.catd, new Set());
    elecciones.get(c.catd)!.add(c.eleccion);
  }
  return [...elecciones.entries()]
    .sort(([a], [b]) => (a === SIN_CATD ? 1 : b === SIN_CATD ? -1 : a < b ? -1 : a > b ? 1 : 0))
    .map(([id, es]) => {
      const filas = [...es].sort().map((eleccion) => ({ eleccion, figuras: porCatd.get(claveCatdEleccion(id, eleccion)) ?? figurasVacias() }));
      return {
        id,
        nombre: nombres.get(id) ?? (id === SIN_CATD ? 'Sin CATD asignado' : id),
        ultimaActividad: ultima.get(id) ?? null,
        figuras: acumular(filas.map((f) => f.figuras)),
        elecciones: filas,
      };
    });
}

/**
 * A device is silent when never seen or last seen at or before this instant. The SQL that counts them and picks the
 * listed ones (worker/db/consola.ts) takes the same bound, so the counts and the flags agree.
 */
export const silencioDesde = (ahora: number, u: Umbrales): number => ahora - u.silencioMin * 60_000;

/** Silent first, then the longest quiet, then by id — the order the SQL's LIMIT follows too. */
function dispositivos(l: LecturaConsola, ahora: number, u: Umbrales): EstadoConsola['entidad']['dispositivos']['lista'] {
  const desde = silencioDesde(ahora, u);
  const silencioso = (v: number | null) => v === null || v <= desde;
  return l.dispositivos.lista
    .map((d) => ({ ...d, silencioso: silencioso(d.vistoAt) }))
    .sort((a, b) => Number(b.silencioso) - Number(a.silencioso) || (a.vistoAt ?? -1) - (b.vistoAt ?? -1) || (a.id < b.id ? -1 : 1));
}

const ceros = (): ConteoEventos => ({ RONDA: 0, DISCREPANCIA: 0, DECISION: 0, DEVOLUCION: 0 });

/** Event counts per CATD and for the whole entidad (catd null). */
function tasas(l: LecturaConsola): TasasVigiladas[] {
  const por = new Map<string | null, TasasVigiladas>();
  const de = (catd: string | null) => {
    let t = por.get(catd);
    if (t === undefined) por.set(catd, (t = { catd, reciente: ceros(), noche: ceros() }));
    return t;
  };
  de(null);
  for (const [filas, campo] of [[l.eventosRecientes, 'reciente'], [l.eventosNoche, 'noche']] as const) {
    for (const f of filas) {
      if (!TIPOS_EVENTO.includes(f.tipo)) continue;
      de(null)[campo][f.tipo] += f.n;
      if (f.catd !== SIN_CATD) de(f.catd)[campo][f.tipo] += f.n;
    }
  }
  return [...por.values()];
}
