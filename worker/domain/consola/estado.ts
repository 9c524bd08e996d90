/**
 * What the operations console shows (GET /api/v1/consola/estado), built from the counters the capture batches keep
 * (worker/db/consola-contadores.ts) — pure: the rows in, the figures out. The zod schemas are the route's
 * response shape and the screen's.
 *
 * The console's steps (`paso`): an acta waits at DIGITALIZACION, CAPTURA, VERIFICACION or COTEJO (verified, not yet
 * reviewed by a supervisor), or is done: VERIFICADA (reviewed) or SIN_ACTA. From them:
 *   registradas   every acta the workflow knows (a PREP Casilla image registers one before its package arrives)
 *   recibidas     …whose package was received at the CATD (acopio)
 *   digitalizadas …with an image and past digitization (CAPTURA onwards)
 *   capturadas    …whose capture round completed (VERIFICACION onwards)
 *   verificadas   …verified (COTEJO and VERIFICADA)
 */
import { z } from 'zod';

export const PASOS_PENDIENTES = ['DIGITALIZACION', 'CAPTURA', 'VERIFICACION', 'COTEJO'] as const;
export const PasoPendienteSchema = z.enum(PASOS_PENDIENTES);
export type PasoPendiente = z.infer<typeof PasoPendienteSchema>;
export const PasoConsolaSchema = z.enum([...PASOS_PENDIENTES, 'VERIFICADA', 'SIN_ACTA']);
export type PasoConsola = z.infer<typeof PasoConsolaSchema>;

const N = z.number().int().min(0);

export const MasAntiguaSchema = z.object({ clave: z.string(), /** Since when it waits (epoch ms). */ desde: z.number().int() });
export type MasAntigua = z.infer<typeof MasAntiguaSchema>;

export const FigurasSchema = z.object({
    registradas: N,
    recibidas: N,
    digitalizadas: N,
    capturadas: N,
    verificadas: N,
    sinActa: N,
    pendientes: z.record(PasoPendienteSchema, N),
    /** The acta that waits longest at each step (null: nothing waits there). */
    masAntigua: z.record(PasoPendienteSchema, MasAntiguaSchema.nullable()),
  });
export type Figuras = z.infer<typeof FigurasSchema>;

/** A counter row (D1 consola_contador). */
export interface FilaContador {
  catd: string;
  eleccion: string;
  paso: PasoConsola;
  recibida: boolean;
  n: number;
}

/** The oldest acta of a CATD, election and step (index seek over acta_consola). */
export interface FilaMasAntigua extends MasAntigua {
  catd: string;
  eleccion: string;
  paso: PasoPendiente;
}

export function figurasVacias(): Figuras {
  const pendientes = { DIGITALIZACION: 0, CAPTURA: 0, VERIFICACION: 0, COTEJO: 0 };
  return {
    registradas: 0,
    recibidas: 0,
    digitalizadas: 0,
    capturadas: 0,
    verificadas: 0,
    sinActa: 0,
    pendientes,
    masAntigua: { DIGITALIZACION: null, CAPTURA: null, VERIFICACION: null, COTEJO: null },
  };
}

/** Which cumulative figures an acta at `paso` counts in. */
const CUENTA_EN: Readonly<Record<PasoConsola, readonly ('digitalizadas' | 'capturadas' | 'verificadas' | 'sinActa')[]>> = {
  DIGITALIZACION: [],
  CAPTURA: ['digitalizadas'],
  VERIFICACION: ['digitalizadas', 'capturadas'],
  COTEJO: ['digitalizadas', 'capturadas', 'verificadas'],
  VERIFICADA: ['digitalizadas', 'capturadas', 'verificadas'],
  SIN_ACTA: ['sinActa'],
};

const esPendiente = (p: PasoConsola): p is PasoPendiente => (PASOS_PENDIENTES as readonly string[]).includes(p);

/** Adds `n` actas at `paso` to `f` (in place: the caller owns `f`). */
export function sumar(f: Figuras, paso: PasoConsola, recibida: boolean, n: number): void {
  f.registradas += n;
  if (recibida) f.recibidas += n;
  for (const k of CUENTA_EN[paso]) f[k] += n;
  if (esPendiente(paso)) f.pendientes[paso] += n;
}

/** Keeps the older of the two (ties: the smaller clave, so the result does not depend on the order of rows). */
export function masAntigua(a: MasAntigua | null, b: MasAntigua | null): MasAntigua | null {
  if (a === null) return b;
  if (b === null) return a;
  if (a.desde !== b.desde) return a.desde < b.desde ? a : b;
  return a.clave <= b.clave ? a : b;
}

/** The sum of several figures (the entidad's, a CATD's over its elections). */
export function acumular(todas: readonly Figuras[]): Figuras {
  const t = figurasVacias();
  for (const f of todas) {
    for (const k of ['registradas', 'recibidas', 'digitalizadas', 'capturadas', 'verificadas', 'sinActa'] as const) t[k] += f[k];
    for (const p of PASOS_PENDIENTES) {
      t.pendientes[p] += f.pendientes[p];
      t.masAntigua[p] = masAntigua(t.masAntigua[p], f.masAntigua[p]);
    }
  }
  return t;
}

/** Figures per CATD and election, keyed `catd\u0000eleccion`. */
export function figurasPorCatdEleccion(contadores: readonly FilaContador[], antiguas: readonly FilaMasAntigua[]): Map<string, Figuras> {
  const out = new Map<string, Figuras>();
  const de = (catd: string, eleccion: string): Figuras => {
    const k = claveCatdEleccion(catd, eleccion);
    let f = out.get(k);
    if (f === undefined) out.set(k, (f = figurasVacias()));
    return f;
  };
  for (const c of contadores) sumar(de(c.catd, c.eleccion), c.paso, c.recibida, c.n);
  for (const a of antiguas) {
    const f = de(a.catd, a.eleccion);
    f.masAntigua[a.paso] = masAntigua(f.masAntigua[a.paso], { clave: a.clave, desde: a.desde });
  }
  return out;
}

export const claveCatdEleccion = (catd: string, eleccion: string): string => `${catd}\u0000${eleccion}`;
