/**
 * The synthetic election night a simulacro replays: for every expected acta, what is written on it (the ground
 * truth), when it reaches its CATD, whether PREP Casilla photographed it first, and which incidents happen to it
 * (sin acta, ilegible and sin dato fields, excede lista nominal, capture mismatches, corrections after publication,
 * retries after dropped connections, attempts from the wrong CATD). Pure and deterministic for a seed.
 */
import { crearAzar, type Azar } from '../generador/azar.ts';
import { actasEsperadas, type ActaEsperada } from '../../worker/domain/acta/esperadas.ts';
import { ILEGIBLE, SIN_DATO, type Captura, type MotivoSinActa, type Valor } from '../../worker/domain/acta/esquema.ts';
import type { Catalogo, Catd } from '../../worker/domain/catalogo/esquema.ts';
import type { Identificacion } from '../../worker/domain/acta/publicada.ts';

export type Resultado = { tipo: 'captura'; captura: Captura } | { tipo: 'sin_acta'; motivo: MotivoSinActa };

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
function normal(azar: Azar, media: number, desviacion: number): number {
  const s = azar.siguiente() + azar.siguiente() + azar.siguiente() + azar.siguiente() - 2;
  return media + desviacion * s * 1.7320508;
}

function llegada(azar: Azar, duracionMin: number): number {
  const hora = azar.indicePonderado(LLEGADAS_POR_HORA);
  return Math.min(duracionMin - 1, Math.floor((hora + azar.siguiente()) * 60));
}

/** Stable support of each party in a territory: a baseline with regional noise. */
function preferencias(azar: Azar, columnas: readonly string[]): Map<string, number> {
  const base: Record<string, number> = { MC: 30, MORENA: 28, PAN: 12, PRI: 6, PVEM: 5, PT: 4, PRD: 1.5, HAGAMOS: 3, FUTURO: 3 };
  const pesos = new Map<string, number>();
  for (const c of columnas) {
    const partes = c.split('_').length;
    const w = partes > 1 ? 0.6 / partes : (base[c] ?? 4);
    pesos.set(c, Math.max(0.05, w * (0.7 + 0.6 * azar.siguiente())));
  }
  return pesos;
}

function repartir(azar: Azar, total: number, pesos: Map<string, number>): Map<string, number> {
  const columnas = [...pesos.keys()];
  const w = columnas.map((c) => pesos.get(c)! * (0.8 + 0.4 * azar.siguiente()));
  const suma = w.reduce((a, b) => a + b, 0);
  const votos = new Map<string, number>();
  let asignados = 0;
  columnas.forEach((c, i) => {
    const v = Math.floor((total * w[i]!) / suma);
    votos.set(c, v);
    asignados += v;
  });
  votos.set(columnas[0]!, votos.get(columnas[0]!)! + (total - asignados));
  return votos;
}

function votantes(azar: Azar, e: ActaEsperada): number {
  const ln = e.casilla.tipo === 'S' ? e.eleccion.boletasEspecial : e.casilla.listaNominal;
  const participacion = Math.min(0.95, Math.max(0.2, normal(azar, e.casilla.tipo === 'S' ? 0.55 : 0.6, 0.08)));
  return Math.floor(ln * participacion);
}

/** Honest figures of one acta; `excede` writes more votes than the casilla can have. */
function capturaVerdadera(azar: Azar, e: ActaEsperada, pesos: Map<string, number>, excede: boolean): Captura {
  const limite = (e.casilla.tipo === 'S' ? e.eleccion.boletasEspecial : e.casilla.listaNominal) + e.casilla.representantes;
  const total = excede ? limite + 1 + azar.entero(0, 40) : votantes(azar, e);
  const nulos = Math.floor(total * azar.rango(0.01, 0.04));
  const noReg = azar.conProbabilidad(0.3) ? azar.entero(0, 2) : 0;
  const validos = Math.max(0, total - nulos - noReg);
  const votos: Record<string, Valor> = Object.fromEntries(repartir(azar, validos, pesos));
  votos.NO_REGISTRADAS = noReg;
  votos.NULOS = nulos;
  const sumaVotos = validos + nulos + noReg;
  const rep = azar.entero(0, e.casilla.representantes);
  return {
    votos,
    totales: {
      TOTAL_BOLETAS_SOBRANTES: Math.max(0, (e.casilla.tipo === 'S' ? e.eleccion.boletasEspecial : e.casilla.listaNominal) - sumaVotos),
      TOTAL_PERSONAS_VOTARON: sumaVotos,
      TOTAL_REP_PARTIDO_CI_VOTARON: rep,
      TOTAL_VOTOS_SACADOS: sumaVotos,
      // Now and then the total written on the acta disagrees with its own votes, as on real actas.
      TOTAL_VOTOS_ASENTADO: azar.conProbabilidad(0.05) ? Math.max(0, sumaVotos + azar.entero(-3, 3)) : sumaVotos,
    },
  };
}

/** Replaces some vote fields with Ilegible / Sin dato, or all of them. */
function degradar(azar: Azar, c: Captura, modo: 'ilegible' | 'sinDato' | 'todosIlegibles' | 'todosVacios'): Captura {
  const votos = { ...c.votos };
  const columnas = Object.keys(votos);
  if (modo === 'todosIlegibles' || modo === 'todosVacios') {
    for (const k of columnas) votos[k] = modo === 'todosIlegibles' ? ILEGIBLE : SIN_DATO;
  } else {
    const n = azar.entero(1, Math.min(2, columnas.length - 1));
    for (const k of azar.barajar(columnas).slice(0, n)) votos[k] = modo === 'ilegible' ? ILEGIBLE : SIN_DATO;
  }
  return { ...c, votos };
}

/** A plausible typing mistake: one vote field off by a few. */
export function conError(azar: Azar, c: Captura): Captura {
  const numericos = Object.entries(c.votos).filter(([, v]) => typeof v === 'number');
  if (numericos.length === 0) return { ...c, totales: { ...c.totales, TOTAL_VOTOS_ASENTADO: 0 } };
  const [k, v] = azar.elegir(numericos) as [string, number];
  return { ...c, votos: { ...c.votos, [k]: v + azar.entero(1, 9) } };
}

/** The CATD that receives an expected acta: the one serving its election and its distrito or municipio. */
export function catdDe(catds: readonly Catd[], e: ActaEsperada): Catd {
  const encontrado = catds.find(
    (c) =>
      c.elecciones.includes(e.eleccion.codigo) &&
      c.territorio === (c.ambito === 'distrito' ? e.seccion.distrito : e.seccion.municipio),
  );
  if (!encontrado) throw new Error(`ningún CATD recibe el acta ${e.clave}`);
  return encontrado;
}

function resultado(azar: Azar, e: ActaEsperada, pesos: Map<string, number>): Resultado {
  if (azar.conProbabilidad(TASAS.sinActa)) return { tipo: 'sin_acta', motivo: azar.ponderado(MOTIVOS, (m) => (m === 'CONTINGENCIA_URNA_ELECTRONICA' ? 0.2 : 1)) };
  const limitada = e.casilla.tipo !== 'M';
  const base = capturaVerdadera(azar, e, pesos, limitada && azar.conProbabilidad(TASAS.excede));
  const r = azar.siguiente();
  let acumulada = TASAS.todosIlegibles;
  if (r < acumulada) return { tipo: 'captura', captura: degradar(azar, base, 'todosIlegibles') };
  if (r < (acumulada += TASAS.todosVacios)) return { tipo: 'captura', captura: degradar(azar, base, 'todosVacios') };
  if (r < (acumulada += TASAS.ilegible)) return { tipo: 'captura', captura: degradar(azar, base, 'ilegible') };
  if (r < (acumulada += TASAS.sinDato)) return { tipo: 'captura', captura: degradar(azar, base, 'sinDato') };
  return { tipo: 'captura', captura: base };
}

export function planNoche(cat: Catalogo, seed: number, duracionMin = 24 * 60): PlanNoche {
  const esperadas = actasEsperadas(cat);
  if (!esperadas.ok) throw new Error('catálogo sin actas esperadas');
  const azar = crearAzar(seed).derivar('noche');
  // Incidents added later draw from their own stream, so the rest of the night stays as it was for a seed.
  const azarRol = crearAzar(seed).derivar('intento-rol');
  const pesosPorBoleta = new Map<string, Map<string, number>>();
  const actas: PlanActa[] = [];
  const noLlegan: ActaEsperada[] = [];
  for (const e of esperadas.value) {
    const llave = `${e.eleccion.codigo}/${e.territorio}`;
    if (!pesosPorBoleta.has(llave)) pesosPorBoleta.set(llave, preferencias(azar, e.boleta.columnas));
    if (azar.conProbabilidad(TASAS.noLlega)) {
      noLlegan.push(e);
      continue;
    }
    const llegadaMin = llegada(azar, duracionMin);
    const res = resultado(azar, e, pesosPorBoleta.get(llave)!);
    const foto = res.tipo === 'captura' && azar.conProbabilidad(TASAS.fotoCasilla) ? Math.max(0, llegadaMin - azar.entero(10, 120)) : null;
    actas.push({
      esperada: e,
      catd: catdDe(cat.catds, e).id,
      llegadaMin,
      fotoCasillaMin: foto,
      resultado: res,
      discrepancia: res.tipo === 'captura' && azar.conProbabilidad(TASAS.discrepancia),
      erronea: res.tipo === 'captura' && azar.conProbabilidad(TASAS.correccion) ? conError(azar, res.captura) : null,
      reintento: azar.conProbabilidad(TASAS.reintento),
      intentoAjeno: azar.conProbabilidad(TASAS.intentoAjeno),
      intentoRol: azarRol.conProbabilidad(TASAS.intentoRol),
    });
  }
  return { actas, noLlegan, fueraCatalogo: fueraDeCatalogo(azar, cat, actas, duracionMin) };
}

/** Actas whose identification matches nothing expected (a sección that does not exist, a casilla not approved). */
function fueraDeCatalogo(azar: Azar, cat: Catalogo, actas: readonly PlanActa[], duracionMin: number): PlanFueraCatalogo[] {
  const n = Math.max(1, Math.round((actas.length * TASAS.fueraCatalogoPorMil) / 1000));
  const existentes = new Set(cat.casillas.map((c) => `${c.seccion}${c.tipo}${c.id}/${c.extContigua}`));
  const out: PlanFueraCatalogo[] = [];
  for (let i = 0; out.length < n && i < n * 20; i++) {
    const base = azar.elegir(actas);
    const id = azar.entero(20, 40);
    if (existentes.has(`${base.esperada.casilla.seccion}C${id}/0`)) continue;
    out.push({
      identificacion: { eleccion: base.esperada.eleccion.codigo, seccion: base.esperada.casilla.seccion, tipo: 'C', id, extContigua: 0 },
      catd: base.catd,
      llegadaMin: llegada(azar, duracionMin),
    });
  }
  return out;
}

/** What makes an acta of the plan worth including in a short simulacro: each incident it exercises. */
function incidentes(a: PlanActa): string[] {
  const r: string[] = [];
  if (a.resultado.tipo === 'sin_acta') r.push('sin_acta');
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
