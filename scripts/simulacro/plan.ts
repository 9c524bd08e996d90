/**
 * The synthetic election night a simulacro replays: for every expected acta, what is written on it (the ground
 * truth), when it reaches its CATD, whether PREP Casilla photographed it first, and which incidents happen to it
 * (sin acta, ilegible and sin dato fields, excede lista nominal, capture mismatches, corrections after publication,
 * retries after dropped connections, attempts from the wrong CATD). Pure and deterministic for a seed.
 */
import { createRng, type Rng } from '../generador/azar.ts';
import { actasEsperadas, type ActaEsperada } from '../../worker/domain/acta/esperadas.ts';
import { ILEGIBLE, SIN_DATO, type Captura, type MotivoSinActa, type Valor } from '../../worker/domain/acta/esquema.ts';
import type { Catalogue, Catd } from '../../worker/domain/catalogo/esquema.ts';
import type { Identificacion } from '../../worker/domain/acta/publicada.ts';

export type Resultado = { kind: 'captura'; captura: Captura } | { kind: 'sin_acta'; motivo: MotivoSinActa };

export interface PlanActa {
  esperada: ActaEsperada;
  catd: string;
  /** Minutes after the publication window opens when the paper acta is received (acopio). */
  llegadaMin: number;
  /** Minutes after opening when PREP Casilla sends its photo (before acopio), or null. */
  fotoCasillaMin: number | null;
  /** What the acta says: the figures every verified capture must end up with. */
  resultado: Resultado;
  /** The second capture differs from the first; a verifier resolves it to the truth. */
  discrepancia: boolean;
  /** Published first with these wrong figures, then corrected (cotejo) to `resultado`. */
  erronea: Captura | null;
  /** One request of this acta is sent again as if the connection had dropped. */
  reintento: boolean;
  /** An operator of another CATD tries to receive it first (must be refused). */
  intentoAjeno: boolean;
  /** Someone without the role (or a PREP Casilla device of another casilla) tries one of its steps (must be refused). */
  intentoRol: boolean;
}

export interface PlanFueraCatalogo {
  identificacion: Identificacion;
  catd: string;
  llegadaMin: number;
}

export interface PlanNoche {
  actas: PlanActa[];
  /** Expected actas that never arrive during the night. */
  noLlegan: ActaEsperada[];
  fueraCatalogo: PlanFueraCatalogo[];
}

/** Shares of incidents per acta, close to what published PREP databases show. */
export const TASAS = {
  noLlega: 0.012,
  sinActa: 0.008,
  fotoCasilla: 0.5,
  excede: 0.004,
  ilegible: 0.01,
  sinDato: 0.006,
  todosIlegibles: 0.001,
  todosVacios: 0.0008,
  discrepancia: 0.03,
  correccion: 0.004,
  reintento: 0.02,
  intentoAjeno: 0.006,
  intentoRol: 0.004,
  fueraCatalogoPorMil: 0.4,
} as const;

/** Relative arrivals per hour after opening (20:00): first actas soon, peak around midnight, long tail. */
const LLEGADAS_POR_HORA = [3, 8, 13, 16, 15, 12, 9, 6, 4, 3, 2.5, 2, 1.6, 1.3, 1, 0.8, 0.6, 0.5, 0.4, 0.3, 0.3, 0.2, 0.2, 0.1];

const MOTIVOS: readonly MotivoSinActa[] = ['PAQUETE_NO_ENTREGADO', 'CASILLA_NO_INSTALADA', 'SIN_SOBRE', 'CONTINGENCIA_URNA_ELECTRONICA'];

/** Approximately normal (Irwin–Hall of 4 uniforms): no transcendental Math, so identical on every engine. */
function normal(rng: Rng, mean: number, sd: number): number {
  const s = rng.next() + rng.next() + rng.next() + rng.next() - 2;
  return mean + sd * s * 1.7320508;
}

function llegada(rng: Rng, duracionMin: number): number {
  const hora = rng.weightedIndex(LLEGADAS_POR_HORA);
  return Math.min(duracionMin - 1, Math.floor((hora + rng.next()) * 60));
}

/** Stable support of each party in a territory: a baseline with regional noise. */
function preferencias(rng: Rng, columnas: readonly string[]): Map<string, number> {
  const base: Record<string, number> = { MC: 30, MORENA: 28, PAN: 12, PRI: 6, PVEM: 5, PT: 4, PRD: 1.5, HAGAMOS: 3, FUTURO: 3 };
  const pesos = new Map<string, number>();
  for (const c of columnas) {
    const partes = c.split('_').length;
    const w = partes > 1 ? 0.6 / partes : (base[c] ?? 4);
    pesos.set(c, Math.max(0.05, w * (0.7 + 0.6 * rng.next())));
  }
  return pesos;
}

function repartir(rng: Rng, total: number, pesos: Map<string, number>): Map<string, number> {
  const cols = [...pesos.keys()];
  const w = cols.map((c) => pesos.get(c)! * (0.8 + 0.4 * rng.next()));
  const suma = w.reduce((a, b) => a + b, 0);
  const votos = new Map<string, number>();
  let asignados = 0;
  cols.forEach((c, i) => {
    const v = Math.floor((total * w[i]!) / suma);
    votos.set(c, v);
    asignados += v;
  });
  votos.set(cols[0]!, votos.get(cols[0]!)! + (total - asignados));
  return votos;
}

function votantes(rng: Rng, e: ActaEsperada): number {
  const ln = e.casilla.tipo === 'S' ? e.eleccion.boletasEspecial : e.casilla.listaNominal;
  const participacion = Math.min(0.95, Math.max(0.2, normal(rng, e.casilla.tipo === 'S' ? 0.55 : 0.6, 0.08)));
  return Math.floor(ln * participacion);
}

/** Honest figures of one acta; `excede` writes more votes than the casilla can have. */
function capturaVerdadera(rng: Rng, e: ActaEsperada, pesos: Map<string, number>, excede: boolean): Captura {
  const limite = (e.casilla.tipo === 'S' ? e.eleccion.boletasEspecial : e.casilla.listaNominal) + e.casilla.representantes;
  const total = excede ? limite + 1 + rng.int(0, 40) : votantes(rng, e);
  const nulos = Math.floor(total * rng.range(0.01, 0.04));
  const noReg = rng.chance(0.3) ? rng.int(0, 2) : 0;
  const validos = Math.max(0, total - nulos - noReg);
  const votos: Record<string, Valor> = Object.fromEntries(repartir(rng, validos, pesos));
  votos.NO_REGISTRADAS = noReg;
  votos.NULOS = nulos;
  const sumaVotos = validos + nulos + noReg;
  const rep = rng.int(0, e.casilla.representantes);
  return {
    votos,
    totales: {
      TOTAL_BOLETAS_SOBRANTES: Math.max(0, (e.casilla.tipo === 'S' ? e.eleccion.boletasEspecial : e.casilla.listaNominal) - sumaVotos),
      TOTAL_PERSONAS_VOTARON: sumaVotos,
      TOTAL_REP_PARTIDO_CI_VOTARON: rep,
      TOTAL_VOTOS_SACADOS: sumaVotos,
      // Now and then the total written on the acta disagrees with its own votes, as on real actas.
      TOTAL_VOTOS_ASENTADO: rng.chance(0.05) ? Math.max(0, sumaVotos + rng.int(-3, 3)) : sumaVotos,
    },
  };
}

/** Replaces some vote fields with Ilegible / Sin dato, or all of them. */
function degradar(rng: Rng, c: Captura, modo: 'ilegible' | 'sinDato' | 'todosIlegibles' | 'todosVacios'): Captura {
  const votos = { ...c.votos };
  const cols = Object.keys(votos);
  if (modo === 'todosIlegibles' || modo === 'todosVacios') {
    for (const k of cols) votos[k] = modo === 'todosIlegibles' ? ILEGIBLE : SIN_DATO;
  } else {
    const n = rng.int(1, Math.min(2, cols.length - 1));
    for (const k of rng.shuffle(cols).slice(0, n)) votos[k] = modo === 'ilegible' ? ILEGIBLE : SIN_DATO;
  }
  return { ...c, votos };
}

/** A plausible typing mistake: one vote field off by a few. */
export function conError(rng: Rng, c: Captura): Captura {
  const numericos = Object.entries(c.votos).filter(([, v]) => typeof v === 'number');
  if (numericos.length === 0) return { ...c, totales: { ...c.totales, TOTAL_VOTOS_ASENTADO: 0 } };
  const [k, v] = rng.pick(numericos) as [string, number];
  return { ...c, votos: { ...c.votos, [k]: v + rng.int(1, 9) } };
}

/** The CATD that receives an expected acta: the one serving its election and its distrito or municipio. */
export function catdDe(catds: readonly Catd[], e: ActaEsperada): Catd {
  const found = catds.find(
    (c) =>
      c.elecciones.includes(e.eleccion.codigo) &&
      c.territorio === (c.ambito === 'distrito' ? e.seccion.distrito : e.seccion.municipio),
  );
  if (!found) throw new Error(`ningún CATD recibe el acta ${e.clave}`);
  return found;
}

function resultado(rng: Rng, e: ActaEsperada, pesos: Map<string, number>): Resultado {
  if (rng.chance(TASAS.sinActa)) return { kind: 'sin_acta', motivo: rng.weighted(MOTIVOS, (m) => (m === 'CONTINGENCIA_URNA_ELECTRONICA' ? 0.2 : 1)) };
  const limitada = e.casilla.tipo !== 'M';
  const base = capturaVerdadera(rng, e, pesos, limitada && rng.chance(TASAS.excede));
  const r = rng.next();
  let acc = TASAS.todosIlegibles;
  if (r < acc) return { kind: 'captura', captura: degradar(rng, base, 'todosIlegibles') };
  if (r < (acc += TASAS.todosVacios)) return { kind: 'captura', captura: degradar(rng, base, 'todosVacios') };
  if (r < (acc += TASAS.ilegible)) return { kind: 'captura', captura: degradar(rng, base, 'ilegible') };
  if (r < (acc += TASAS.sinDato)) return { kind: 'captura', captura: degradar(rng, base, 'sinDato') };
  return { kind: 'captura', captura: base };
}

export function planNoche(cat: Catalogue, seed: number, duracionMin = 24 * 60): PlanNoche {
  const esperadas = actasEsperadas(cat);
  if (!esperadas.ok) throw new Error('catálogo sin actas esperadas');
  const rng = createRng(seed).fork('noche');
  // Incidents added later draw from their own stream, so the rest of the night stays as it was for a seed.
  const rngRol = createRng(seed).fork('intento-rol');
  const pesosPorBoleta = new Map<string, Map<string, number>>();
  const actas: PlanActa[] = [];
  const noLlegan: ActaEsperada[] = [];
  for (const e of esperadas.value) {
    const llave = `${e.eleccion.codigo}/${e.territorio}`;
    if (!pesosPorBoleta.has(llave)) pesosPorBoleta.set(llave, preferencias(rng, e.boleta.columnas));
    if (rng.chance(TASAS.noLlega)) {
      noLlegan.push(e);
      continue;
    }
    const llegadaMin = llegada(rng, duracionMin);
    const res = resultado(rng, e, pesosPorBoleta.get(llave)!);
    const foto = res.kind === 'captura' && rng.chance(TASAS.fotoCasilla) ? Math.max(0, llegadaMin - rng.int(10, 120)) : null;
    actas.push({
      esperada: e,
      catd: catdDe(cat.catds, e).id,
      llegadaMin,
      fotoCasillaMin: foto,
      resultado: res,
      discrepancia: res.kind === 'captura' && rng.chance(TASAS.discrepancia),
      erronea: res.kind === 'captura' && rng.chance(TASAS.correccion) ? conError(rng, res.captura) : null,
      reintento: rng.chance(TASAS.reintento),
      intentoAjeno: rng.chance(TASAS.intentoAjeno),
      intentoRol: rngRol.chance(TASAS.intentoRol),
    });
  }
  return { actas, noLlegan, fueraCatalogo: fueraDeCatalogo(rng, cat, actas, duracionMin) };
}

/** Actas whose identification matches nothing expected (a sección that does not exist, a casilla not approved). */
function fueraDeCatalogo(rng: Rng, cat: Catalogue, actas: readonly PlanActa[], duracionMin: number): PlanFueraCatalogo[] {
  const n = Math.max(1, Math.round((actas.length * TASAS.fueraCatalogoPorMil) / 1000));
  const existentes = new Set(cat.casillas.map((c) => `${c.seccion}${c.tipo}${c.id}/${c.extContigua}`));
  const out: PlanFueraCatalogo[] = [];
  for (let i = 0; out.length < n && i < n * 20; i++) {
    const base = rng.pick(actas);
    const id = rng.int(20, 40);
    if (existentes.has(`${base.esperada.casilla.seccion}C${id}/0`)) continue;
    out.push({
      identificacion: { eleccion: base.esperada.eleccion.codigo, seccion: base.esperada.casilla.seccion, tipo: 'C', id, extContigua: 0 },
      catd: base.catd,
      llegadaMin: llegada(rng, duracionMin),
    });
  }
  return out;
}

/** What makes an acta of the plan worth including in a short simulacro: each incident it exercises. */
function incidentes(a: PlanActa): string[] {
  const r: string[] = [];
  if (a.resultado.kind === 'sin_acta') r.push('sin_acta');
  else {
    const votos = Object.values(a.resultado.captura.votos);
    if (votos.every((v) => v === ILEGIBLE)) r.push('todos_ilegibles');
    else if (votos.every((v) => typeof v !== 'number')) r.push('todos_vacios');
    else {
      if (votos.includes(ILEGIBLE)) r.push('ilegible');
      if (votos.includes(SIN_DATO)) r.push('sin_dato');
    }
  }
  if (a.fotoCasillaMin !== null) r.push('foto_casilla');
  if (a.discrepancia) r.push('discrepancia');
  if (a.erronea !== null) r.push('correccion');
  if (a.reintento) r.push('reintento');
  if (a.intentoAjeno) r.push('intento_ajeno');
  if (a.intentoRol) r.push('intento_rol');
  return r;
}

/**
 * A short night of about `n` actas (for tests and quick rehearsals): whole secciones, first those holding an
 * incident kind not yet covered (so every kind of incident the plan has still happens), then more secciones in
 * catalogue order until `n` actas. The actas left out become expected actas that never arrive; fuera de
 * catálogo identifications are kept only in the chosen secciones (at least one is kept).
 */
export function recortarPlan(plan: PlanNoche, n: number): PlanNoche {
  const porSeccion = new Map<number, PlanActa[]>();
  for (const a of plan.actas) {
    const s = a.esperada.casilla.seccion;
    const lista = porSeccion.get(s) ?? [];
    lista.push(a);
    porSeccion.set(s, lista);
  }
  const elegidas = new Set<number>();
  let total = 0;
  const elegir = (s: number) => {
    if (elegidas.has(s)) return;
    elegidas.add(s);
    total += porSeccion.get(s)!.length;
  };
  const cubiertos = new Set<string>();
  for (const [s, actas] of porSeccion) {
    const nuevos = actas.flatMap(incidentes).filter((k) => !cubiertos.has(k));
    if (nuevos.length === 0) continue;
    elegir(s);
    for (const k of nuevos) cubiertos.add(k);
  }
  for (const s of porSeccion.keys()) {
    if (total >= n) break;
    elegir(s);
  }
  const actas = plan.actas.filter((a) => elegidas.has(a.esperada.casilla.seccion));
  const fuera = plan.actas.filter((a) => !elegidas.has(a.esperada.casilla.seccion)).map((a) => a.esperada);
  const fc = plan.fueraCatalogo.filter((f) => elegidas.has(f.identificacion.seccion));
  return {
    actas,
    noLlegan: [...plan.noLlegan, ...fuera],
    fueraCatalogo: fc.length > 0 ? fc : plan.fueraCatalogo.slice(0, 1),
  };
}
