/**
 * A whole night replayed corte by corte (`npm run replay -- --noche <carpeta> …`): what each corte's file asks of the
 * capture API, given what was already sent for the cortes before it.
 *
 *   an acta registered for the first time        → the full capture path (acopio, image, two captures)
 *   an acta captured before with other figures   → the correction path (docs/CAPTURA.md): cotejo RECAPTURA, then
 *                                                  two captures of the new figures (COTEJADA 2)
 *   an acta with the figures already sent        → nothing
 *   anything the API cannot undo or redo (an acta the file no longer registers, one that disappears, a sin acta
 *   that becomes captured or the reverse, another motivo, a fuera de catálogo whose figures change)
 *                                                → reported as the file's behaviour, never silently; nothing sent
 *
 * Pure: plans in, decisions out. scripts/replay.ts sends them.
 */
import type { Captura } from '../../worker/domain/acta/esquema.ts';
import type { Identificacion } from '../../worker/domain/acta/publicada.ts';
import type { OperadorNuevo } from '../../worker/domain/captura/operador-nuevo.ts';
import type { ActaReplay, PlanReplay, Registro } from './plan.ts';

/** The supervisor who sends a corrected acta back (cotejo RECAPTURA): no capturist may do it. */
export const SUPERVISOR: OperadorNuevo = { id: 'replay-cotejo', nombre: 'Réplica: supervisor de cotejo', ambito: 'CCV', catd: null, roles: ['supervisor'], casillas: [] };

/** What the server holds for an acta, keyed by `claveNoche`: the last version of it that was sent. */
export type Enviadas = ReadonlyMap<string, ActaReplay>;

export interface Correccion {
  acta: ActaReplay;
  antes: ActaReplay;
}

export interface Irreproducible {
  /** The acta as this corte's file has it (null: the file no longer has the row). */
  acta: ActaReplay | null;
  antes: ActaReplay;
  motivo: string;
}

export interface DiferenciaCorte {
  nuevas: ActaReplay[];
  correcciones: Correccion[];
  sinCambio: number;
  irreproducibles: Irreproducible[];
}

const REGISTRADA = new Set<Registro['tipo']>(['captura', 'sin_acta', 'fuera_catalogo']);

/** Whether the file registers the acta (so the API holds it once sent). */
export const registrada = (a: ActaReplay) => REGISTRADA.has(a.registro.tipo) && a.catd !== null;

const claveIdentificacion = (i: Identificacion) => `${i.seccion}|${i.tipo}|${i.id}|${i.extContigua}`;

/**
 * The acta's identity across cortes: its CLAVE_ACTA; a fuera de catálogo row has none (and usually no keys
 * either), so its published image's CODIGO_INTEGRIDAD, which does not change from one corte to the next.
 */
export function claveNoche(a: ActaReplay): string {
  if (a.clave !== null) return `${a.eleccion}|${a.clave}`;
  return `${a.eleccion}|FC|${a.codigoArchivo ?? claveIdentificacion(a.identificacion)}`;
}

function mismaCaptura(a: Captura | null, b: Captura | null): boolean {
  if (a === null || b === null) return a === b;
  const claves = (o: Record<string, unknown>) => Object.keys(o).sort();
  const igual = (x: Record<string, unknown>, y: Record<string, unknown>) => {
    const kx = claves(x);
    return kx.length === claves(y).length && kx.every((k) => x[k] === y[k]);
  };
  return igual(a.votos, b.votos) && igual(a.totales, b.totales);
}

/** What changed for an acta the server already holds (null: nothing to send). */
function cambioDe(antes: ActaReplay, ahora: ActaReplay): 'igual' | 'correccion' | string {
  const a = antes.registro;
  const b = ahora.registro;
  if (!registrada(ahora)) return `el archivo ya no la registra (${descripcion(b)}; antes ${descripcion(a)}): la API no deshace un registro`;
  if (a.tipo === 'captura' && b.tipo === 'captura') return mismaCaptura(a.captura, b.captura) ? 'igual' : 'correccion';
  if (a.tipo === 'sin_acta' && b.tipo === 'sin_acta') return a.motivo === b.motivo ? 'igual' : `cambia el motivo de sin acta (${a.motivo} → ${b.motivo}): la API no corrige un sin acta`;
  if (a.tipo === 'fuera_catalogo' && b.tipo === 'fuera_catalogo') {
    return mismaCaptura(a.captura, b.captura) ? 'igual' : 'cambian las cifras de un acta fuera de catálogo: la réplica no la corrige';
  }
  return `pasa de ${descripcion(a)} a ${descripcion(b)}: la API no convierte una en otra`;
}

function descripcion(r: Registro): string {
  switch (r.tipo) {
    case 'captura':
      return 'capturada';
    case 'sin_acta':
      return 'sin acta';
    case 'fuera_catalogo':
      return 'fuera de catálogo';
    case 'pendiente':
      return 'sin registrar';
    case 'ilegible':
      return 'con valores que no se pueden enviar';
    case 'sin_seccion':
      return 'sin sección';
  }
}

/**
 * REGLAS §7 for one corte of a night: an expected acta's LISTA_NOMINAL and REPRESENTANTES_PP_CI are the catalogue's,
 * and the catalogue imported is the last corte's (`ultimo`). A corte's own derivation takes 0 representantes for an
 * acta its file has not captured yet (the row leaves the cell empty); what our CSV must say is the imported one's.
 */
export function conCatalogoDe(plan: PlanReplay, ultimo: PlanReplay): PlanReplay {
  if (plan === ultimo) return plan;
  const deCatalogo = (a: ActaReplay): ActaReplay => {
    const casilla = a.clave === null ? undefined : ultimo.modelo.actaPorClave.get(a.clave)?.casilla;
    if (casilla === undefined || !('REPRESENTANTES_PP_CI' in a.cifrasReglas)) return a;
    return { ...a, cifrasReglas: { ...a.cifrasReglas, LISTA_NOMINAL: String(casilla.listaNominal), REPRESENTANTES_PP_CI: String(casilla.representantes) } };
  };
  return { ...plan, elecciones: plan.elecciones.map((e) => ({ ...e, actas: e.actas.map(deCatalogo) })) };
}

/** This corte's file against what the server holds. */
export function diferenciaCorte(enviadas: Enviadas, plan: PlanReplay): DiferenciaCorte {
  const d: DiferenciaCorte = { nuevas: [], correcciones: [], sinCambio: 0, irreproducibles: [] };
  const vistas = new Set<string>();
  for (const e of plan.elecciones) {
    for (const a of e.actas) {
      const k = claveNoche(a);
      vistas.add(k);
      const antes = enviadas.get(k);
      if (antes === undefined) {
        if (registrada(a)) d.nuevas.push(a);
        continue;
      }
      const c = cambioDe(antes, a);
      if (c === 'igual') d.sinCambio++;
      else if (c === 'correccion') d.correcciones.push({ acta: a, antes });
      else d.irreproducibles.push({ acta: a, antes, motivo: c });
    }
  }
  for (const [k, antes] of enviadas) {
    if (!vistas.has(k)) d.irreproducibles.push({ acta: null, antes, motivo: 'desaparece del archivo: la API no deshace un registro' });
  }
  d.nuevas = conIdentificacionLibre(enviadas, d.nuevas);
  return d;
}

/**
 * A new fuera de catálogo acta registered by a synthetic identification (sección 0: the plan numbers them in the
 * file's order) may get the number an earlier corte already gave another one: it takes the next free one.
 */
function conIdentificacionLibre(enviadas: Enviadas, nuevas: readonly ActaReplay[]): ActaReplay[] {
  const usadas = new Set([...enviadas.values()].filter((a) => a.clave === null).map((a) => `${a.eleccion}|${claveIdentificacion(a.identificacion)}`));
  const sintetica = (eleccion: string, i: number): Identificacion => ({ eleccion, seccion: 0, tipo: 'B', id: i % 100, extContigua: Math.floor(i / 100) % 100 });
  return nuevas.map((a) => {
    if (a.clave !== null) return a;
    const k = (i: Identificacion) => `${a.eleccion}|${claveIdentificacion(i)}`;
    let identificacion = a.identificacion;
    if (usadas.has(k(identificacion))) {
      let n = 0;
      while (usadas.has(k(sintetica(a.eleccion, n)))) n++;
      identificacion = sintetica(a.eleccion, n);
    }
    usadas.add(k(identificacion));
    return identificacion === a.identificacion ? a : { ...a, identificacion, notas: [...a.notas, `otra acta fuera de catálogo de un corte anterior ya tenía su identificación: se registró como sección 0, casilla B ${identificacion.id}, ext ${identificacion.extContigua}`] };
  });
}

/** What the server holds after this corte's sends (the failed ones are left as they were). */
export function trasEnviar(enviadas: Enviadas, d: DiferenciaCorte, fallidas: ReadonlySet<ActaReplay>): Map<string, ActaReplay> {
  const m = new Map(enviadas);
  for (const a of [...d.nuevas, ...d.correcciones.map((c) => c.acta)]) if (!fallidas.has(a)) m.set(claveNoche(a), a);
  return m;
}

/** The plan of one corte's sends: only its new and corrected actas, each corrected one with its cotejo's instant. */
export interface PlanEnvio extends PlanReplay {
  correcciones: ReadonlyMap<ActaReplay, number>;
  /** The operator who sends corrected actas back (cotejo, supervisor). */
  supervisor: string;
}

export const esPlanEnvio = (p: PlanReplay): p is PlanEnvio => 'correcciones' in p;

/** The reason the supervisor gives for sending an acta back. */
export const motivoCorreccion = (corte: string) => `el corte ${corte} del archivo trae otras cifras para esta acta`;

export function planEnvio(plan: PlanReplay, d: DiferenciaCorte, operadores: PlanReplay['operadores'], supervisor: string): PlanEnvio {
  const correcciones = new Map(d.correcciones.map((c) => [c.acta, instanteCotejo(c, plan.corte.ms)]));
  const enviar = new Set([...d.nuevas, ...correcciones.keys()]);
  // A new fuera de catálogo acta may carry a renumbered identification: the copy in `nuevas` is the one sent.
  const porClave = new Map(d.nuevas.map((a) => [claveNoche(a), a]));
  return {
    ...plan,
    operadores,
    elecciones: plan.elecciones.map((e) => ({
      ...e,
      actas: e.actas.map((a) => porClave.get(claveNoche(a)) ?? a).filter((a) => enviar.has(a)),
    })),
    correcciones,
    supervisor,
  };
}

/** A corrected acta's instant of cotejo: after the figures it corrects were verified, never after the corte. */
function instanteCotejo(c: Correccion, corteMs: number): number {
  return Math.min(corteMs, Math.max(c.antes.tiempos.verificacion, c.acta.tiempos.captura));
}
