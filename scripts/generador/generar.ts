/**
 * Deterministic synthetic catalogues (docs/REGLAS.md §9): the real Jalisco 2024 facts (municipios, distritos,
 * parties, coalitions) with generated secciones and casillas that hit the real totals exactly, and a
 * national-scale set of 32 entidades for benchmarks. Pure: no I/O and no `node:` imports, so it runs in Node
 * and in workerd; the same seed always gives the same catalogue, byte for byte.
 */
import type {
  Casilla,
  Catalogo,
  Catd,
  Distrito,
  Eleccion,
  Entidad,
  Partido,
  Seccion,
} from '../../worker/domain/catalogo/esquema.ts';
import coalicionesJson from '../../data/jalisco/coaliciones.json' with { type: 'json' };
import distritosJson from '../../data/jalisco/distritos.json' with { type: 'json' };
import municipioDistritosJson from '../../data/jalisco/municipio-distritos.json' with { type: 'json' };
import municipiosJson from '../../data/jalisco/municipios.json' with { type: 'json' };
import partidosJson from '../../data/jalisco/partidos.json' with { type: 'json' };
import { repartir } from './repartir.ts';
import { construirBoletas, type PlanCoalicion, type Independiente } from './boletas.ts';
import { formula } from './nombres.ts';
import { crearAzar, type Azar } from './azar.ts';

export { combinaciones, type PlanCoalicion as CoalicionPlan } from './boletas.ts';

/** A municipio with its population (weights casillas) and the share of it in each distrito. */
export interface DatosMunicipio {
  id: number;
  nombre: string;
  pob: number;
  distritos: readonly { distrito: number; share: number }[];
}

export interface ParametrosEntidad {
  entidad: Entidad;
  elecciones: readonly Eleccion[];
  /** Parties only (tipo 'partido'); independents are generated. */
  partidos: readonly Partido[];
  coaliciones: readonly PlanCoalicion[];
  distritos: readonly Distrito[];
  municipios: readonly DatosMunicipio[];
  /** Exact casillas per type; B is also the number of secciones (one básica each). */
  casillas: { B: number; C: number; E: number; S: number };
  /** Exact Σ lista nominal (especiales have 0). */
  listaNominal: number;
  /** Municipios with one independent candidacy for munícipes. */
  independientes: number;
}

/** Lista nominal bounds per casilla: INE caps a casilla at 750 voters; below ~100 a sección would be merged. */
const LN_MIN = 100;
const LN_MAX = 750;
/** Highest sección number the CLAVE_CASILLA format allows (4 digits). */
const SECCION_MAX = 9999;
/** Most contiguas one sección gets (ids stay two digits). */
const C_MAX_POR_SECCION = 60;

export const ELECCIONES: readonly Eleccion[] = [
  { codigo: 'GUB', nombre: 'Gubernatura', territorio: 'entidad', tipoActa: '4', boletasEspecial: 750, orden: 1 },
  {
    codigo: 'DIP_LOC',
    nombre: 'Diputaciones locales de mayoría relativa',
    territorio: 'distrito',
    tipoActa: '5',
    boletasEspecial: 750,
    orden: 2,
  },
  { codigo: 'AYUN', nombre: 'Munícipes', territorio: 'municipio', tipoActa: '6', boletasEspecial: 750, orden: 3 },
];

// ---------------------------------------------------------------------------------------------------------
// Secciones: how many per municipio, in which distrito, urbana or not, and their casillas.

interface PlanSeccion {
  municipio: number;
  distrito: number;
  urbana: boolean;
  contiguas: number;
  /** Extraordinarias as [id, extContigua], in CSV order. */
  extraordinarias: [number, number][];
  especiales: number;
}

/** Share of a municipio's secciones that are urbanas: big cities almost all, villages a minority. */
function probabilidadUrbana(pob: number): number {
  if (pob >= 500_000) return 0.97;
  if (pob >= 150_000) return 0.85;
  if (pob >= 50_000) return 0.6;
  if (pob >= 20_000) return 0.4;
  return 0.25;
}

/** pob^0.875 with sqrt only (exact in every engine): small municipios get more secciones per head, as in reality. */
const potencia78 = (x: number): number => x / Math.sqrt(Math.sqrt(Math.sqrt(x)));

/**
 * Each municipio's split over its distritos. The mapping's shares are of *area*, but distritos are drawn to
 * hold similar populations (a small urban distrito is as populous as a huge rural one), so the area shares are
 * only the starting point of an iterative proportional fitting: rows = municipio population, columns = equal
 * distrito population, on the mapping's municipio–distrito pairs. It ends on the rows, so each municipio's
 * split sums to 1 exactly; distritos come out as balanced as the pairs allow.
 */
function repartoEquilibrado(p: ParametrosEntidad): number[][] {
  const x = p.municipios.map((m) => m.distritos.map((d) => d.share * m.pob));
  const objetivo = p.municipios.reduce((a, m) => a + m.pob, 0) / p.distritos.length;
  for (let vuelta = 0; vuelta < 60; vuelta++) {
    const porDistrito = new Map<number, number>();
    p.municipios.forEach((m, i) => {
      m.distritos.forEach((d, j) => {
        porDistrito.set(d.distrito, (porDistrito.get(d.distrito) ?? 0) + x[i]![j]!);
      });
    });
    p.municipios.forEach((m, i) => {
      m.distritos.forEach((d, j) => {
        x[i]![j]! *= objetivo / porDistrito.get(d.distrito)!;
      });
    });
    x.forEach((fila, i) => {
      const suma = fila.reduce((a, v) => a + v, 0);
      fila.forEach((v, j) => {
        fila[j] = (v * p.municipios[i]!.pob) / suma;
      });
    });
  }
  return x.map((fila, i) => fila.map((v) => v / p.municipios[i]!.pob));
}

/**
 * Secciones of every municipio, split over its distritos by (population-balanced) share, each distrito of the
 * municipio getting ≥ 1 when there are enough; each sección urbana with the municipio's probability.
 */
function planearSecciones(p: ParametrosEntidad, ln: readonly number[], azar: Azar): PlanSeccion[][] {
  const maximos = ln.map((l) => Math.max(1, Math.floor(l / (LN_MIN * 1.5))));
  const cuantas = repartir(p.casillas.B, p.municipios.map((m) => potencia78(m.pob)), 1, maximos);
  const repartos = repartoEquilibrado(p);
  const planes = p.municipios.map((m, i) => {
    const n = cuantas[i]!;
    const porDistrito = repartir(n, repartos[i]!, n >= m.distritos.length ? 1 : 0);
    return m.distritos.flatMap((d, j) =>
      Array.from({ length: porDistrito[j]! }, () => ({
        municipio: m.id,
        distrito: d.distrito,
        urbana: azar.conProbabilidad(probabilidadUrbana(m.pob)),
        contiguas: 0,
        extraordinarias: [] as [number, number][],
        especiales: 0,
      })),
    );
  });
  cubrirDistritosVacios(p, planes);
  return planes;
}

/** A distrito left without secciones takes one from a municipio that lies in it and has some to spare. */
function cubrirDistritosVacios(p: ParametrosEntidad, planes: PlanSeccion[][]): void {
  for (const d of p.distritos) {
    if (planes.some((ss) => ss.some((s) => s.distrito === d.id))) continue;
    const donante = planes
      .map((ss, i) => ({ ss, m: p.municipios[i]! }))
      .filter(({ m, ss }) => m.distritos.some((x) => x.distrito === d.id) && ss.length >= 2)
      .sort((a, b) => b.ss.length - a.ss.length)[0];
    if (!donante) throw new Error(`generador: el distrito ${d.id} no puede recibir ninguna sección`);
    donante.ss[donante.ss.length - 1]!.distrito = d.id;
    donante.ss.sort((a, b) => a.distrito - b.distrito);
  }
}

/**
 * Extraordinarias: groups (E1, sometimes E1 C1, sometimes E2) placed mostly in no urbana secciones, never
 * where the municipio's lista nominal could not give every casilla the minimum.
 */
function ubicarExtraordinarias(p: ParametrosEntidad, planes: PlanSeccion[][], ln: readonly number[], azar: Azar): void {
  const todas = planes.flatMap((ss, m) => ss.map((s) => ({ s, m })));
  const holgura = planes.map((ss, m) => Math.floor(ln[m]! / LN_MIN) - ss.length);
  const pesos: number[] = todas.map(({ s }) => (s.urbana ? 0.06 : 1));
  let faltan = p.casillas.E;
  while (faltan > 0) {
    const grupo = grupoExtraordinarias(azar).slice(0, faltan);
    const k = azar.indicePonderado(pesos);
    const { s, m } = todas[k]!;
    pesos[k] = 0;
    if (holgura[m]! < grupo.length) continue;
    holgura[m] = holgura[m]! - grupo.length;
    s.extraordinarias = grupo;
    faltan -= grupo.length;
  }
}

function grupoExtraordinarias(azar: Azar): [number, number][] {
  const cuantosIds = azar.conProbabilidad(0.08) ? 2 : 1;
  const grupo: [number, number][] = [];
  for (let id = 1; id <= cuantosIds; id++) {
    const ultimaExtension = azar.conProbabilidad(0.1) ? azar.entero(1, 2) : 0;
    for (let e = 0; e <= ultimaExtension; e++) grupo.push([id, e]);
  }
  return grupo;
}

/** Especiales: in the big municipios (≥ 100,000 inhabitants, else the 3 biggest), in urbana secciones. */
function ubicarEspeciales(p: ParametrosEntidad, planes: PlanSeccion[][], azar: Azar): void {
  let grandes = p.municipios.map((m, i) => ({ m, i })).filter(({ m }) => m.pob >= 100_000);
  if (grandes.length === 0) grandes = p.municipios.map((m, i) => ({ m, i })).sort((a, b) => b.m.pob - a.m.pob).slice(0, 3);
  const cuantas = repartir(p.casillas.S, grandes.map(({ m }) => m.pob), p.casillas.S >= grandes.length ? 1 : 0);
  grandes.forEach(({ i }, j) => {
    const urbanas = planes[i]!.filter((s) => s.urbana);
    const candidatas = azar.barajar(urbanas.length > 0 ? urbanas : planes[i]!);
    for (let k = 0; k < cuantas[j]!; k++) candidatas[k % candidatas.length]!.especiales++;
  });
}

/**
 * Contiguas: per municipio enough so that its lista nominal fits under 750 per casilla (with headroom), the
 * rest where casillas are wanted in proportion to population; inside a municipio mostly in urbana secciones,
 * a few very large ones (new housing developments).
 */
function ubicarContiguas(p: ParametrosEntidad, planes: PlanSeccion[][], ln: readonly number[], azar: Azar): void {
  const sinEspeciales = p.casillas.B + p.casillas.C + p.casillas.E;
  const base = planes.map((ss) => ss.reduce((a, s) => a + 1 + s.extraordinarias.length, 0));
  const minimos = ln.map((l, m) => Math.max(0, Math.ceil(l / (LN_MAX - 30)) - base[m]!));
  const maximos = ln.map((l, m) => Math.max(minimos[m]!, Math.floor(l / LN_MIN) - base[m]!));
  const deseadas = ln.map((l, m) => Math.max(0, (l * sinEspeciales) / p.listaNominal - base[m]!) + 0.05);
  const porMunicipio = repartir(p.casillas.C, deseadas, minimos, maximos);
  planes.forEach((ss, m) => {
    const w = ss.map((s) => (s.urbana ? azar.rango(0.4, 1.2) + (azar.conProbabilidad(0.04) ? azar.rango(2, 6) : 0) : azar.rango(0.05, 0.5)));
    const porSeccion = repartir(porMunicipio[m]!, w, 0, C_MAX_POR_SECCION);
    ss.forEach((s, j) => {
      s.contiguas = porSeccion[j]!;
    });
  });
}

// ---------------------------------------------------------------------------------------------------------
// Casillas: numbering, lista nominal, representantes.

/** Sección numbers in blocks per municipio (ordered by municipio, then distrito), with a few gaps as in reality. */
function numerarSecciones(planes: PlanSeccion[][], azar: Azar): { plan: PlanSeccion; id: number }[] {
  const total = planes.reduce((a, ss) => a + ss.length, 0);
  if (total > SECCION_MAX) throw new Error(`generador: ${total} secciones exceden ${SECCION_MAX}`);
  const out: { plan: PlanSeccion; id: number }[] = [];
  let siguiente = 1;
  for (const ss of planes) {
    for (const plan of [...ss].sort((a, b) => a.distrito - b.distrito)) {
      const restantes = total - out.length;
      if (siguiente + restantes <= SECCION_MAX && azar.conProbabilidad(0.004)) siguiente++;
      out.push({ plan, id: siguiente++ });
    }
  }
  return out;
}

/** The casillas of one sección in CSV order (B, C, E, S; id; extContigua), lista nominal still 0. */
function casillasDeSeccion(id: number, s: PlanSeccion, azar: Azar): Casilla[] {
  const ubicacion = s.urbana ? 1 : 2;
  const casilla = (tipo: Casilla['tipo'], n: number, ultimaExtension = 0): Casilla => ({
    seccion: id,
    tipo,
    id: n,
    extContigua: ultimaExtension,
    ubicacion,
    listaNominal: 0,
    representantes: azar.entero(1, 9),
  });
  return [
    casilla('B', 1),
    ...Array.from({ length: s.contiguas }, (_, i) => casilla('C', i + 1)),
    ...s.extraordinarias.map(([n, ultimaExtension]) => casilla('E', n, ultimaExtension)),
    ...Array.from({ length: s.especiales }, (_, i) => casilla('S', i + 1)),
  ];
}

/**
 * Lista nominal of every casilla of one municipio, summing exactly to its share: the básica and contiguas of a
 * sección get near-equal lists (INE splits a sección's list alphabetically), extraordinarias their own size.
 */
function asignarListaNominal(casillas: readonly Casilla[], total: number, azar: Azar): void {
  const conLista = casillas.filter((c) => c.tipo !== 'S');
  const porSeccion = new Map<number, number>();
  for (const c of conLista) if (c.tipo !== 'E') porSeccion.set(c.seccion, (porSeccion.get(c.seccion) ?? 0) + 1);
  const nivel = new Map<number, number>();
  for (const [s, n] of porSeccion) nivel.set(s, n === 1 ? azar.rango(0.25, 1.15) : azar.rango(0.8, 1.2));
  const pesos = conLista.map((c) => (c.tipo === 'E' ? azar.rango(0.4, 1.1) : nivel.get(c.seccion)! * azar.rango(0.97, 1.03)));
  const ln = repartir(total, pesos, LN_MIN, LN_MAX);
  conLista.forEach((c, i) => {
    c.listaNominal = ln[i]!;
  });
}

// ---------------------------------------------------------------------------------------------------------
// The whole entidad.

function catds(p: ParametrosEntidad): Catd[] {
  const pad = (n: number, w: number) => String(n).padStart(w, '0');
  return [
    ...p.distritos.map((d) => ({
      id: `CATD-D${pad(d.id, 2)}`,
      nombre: `CATD distrital ${pad(d.id, 2)} ${d.cabecera}`,
      ambito: 'distrito' as const,
      territorio: d.id,
      elecciones: p.elecciones.filter((e) => e.territorio !== 'municipio').map((e) => e.codigo),
    })),
    ...p.municipios.map((m) => ({
      id: `CATD-M${pad(m.id, 3)}`,
      nombre: `CATD municipal ${m.nombre}`,
      ambito: 'municipio' as const,
      territorio: m.id,
      elecciones: p.elecciones.filter((e) => e.territorio === 'municipio').map((e) => e.codigo),
    })),
  ];
}

/** Independent candidacies for munícipes in a few mid-sized municipios, as CI_1, CI_2 … after the parties. */
function independientes(p: ParametrosEntidad, azar: Azar): { partidos: Partido[]; candidatos: Independiente[] } {
  const candidatas = p.municipios.filter((m) => m.pob >= 20_000);
  const elegidos = azar
    .barajar(candidatas.length >= p.independientes ? candidatas : p.municipios)
    .slice(0, p.independientes)
    .sort((a, b) => a.id - b.id);
  const ordenMaximo = Math.max(...p.partidos.map((x) => x.orden));
  const candidatos = elegidos.map((m, i) => ({ siglas: `CI_${i + 1}`, municipio: m.id, ...formula(azar) }));
  const partidos = candidatos.map((c, i) => ({
    siglas: c.siglas,
    nombre: `Candidatura independiente: ${c.propietaria}`,
    color: '#7F7F7F',
    tipo: 'independiente' as const,
    orden: ordenMaximo + i + 1,
  }));
  return { partidos, candidatos };
}

export function generarEntidad(p: ParametrosEntidad, seed: number): Catalogo {
  const azar = crearAzar(seed);
  const ln = repartir(p.listaNominal, p.municipios.map((m) => m.pob), LN_MIN);
  const planes = planearSecciones(p, ln, azar.derivar('secciones'));
  ubicarExtraordinarias(p, planes, ln, azar.derivar('extraordinarias'));
  ubicarEspeciales(p, planes, azar.derivar('especiales'));
  ubicarContiguas(p, planes, ln, azar.derivar('contiguas'));

  const numeradas = numerarSecciones(planes, azar.derivar('numeracion'));
  const secciones: Seccion[] = numeradas.map(({ plan, id }) => ({ id, distrito: plan.distrito, municipio: plan.municipio }));
  const azarCasillas = azar.derivar('casillas');
  const porMunicipio = new Map<number, Casilla[]>();
  const casillas: Casilla[] = [];
  for (const { plan, id } of numeradas) {
    const cs = casillasDeSeccion(id, plan, azarCasillas);
    casillas.push(...cs);
    const lista = porMunicipio.get(plan.municipio) ?? [];
    porMunicipio.set(plan.municipio, lista);
    lista.push(...cs);
  }
  const azarListas = azar.derivar('lista-nominal');
  p.municipios.forEach((m, i) => {
    asignarListaNominal(porMunicipio.get(m.id) ?? [], ln[i]!, azarListas);
  });

  const ind = independientes(p, azar.derivar('independientes'));
  const partidos = [...p.partidos, ...ind.partidos].sort((a, b) => a.orden - b.orden);
  const { boletas, candidaturas } = construirBoletas(
    {
      elecciones: p.elecciones,
      partidos,
      coaliciones: p.coaliciones,
      distritos: p.distritos.map((d) => d.id),
      municipios: p.municipios.map((m) => m.id),
      independientes: ind.candidatos,
    },
    azar.derivar('boletas'),
  );

  return {
    entidad: { ...p.entidad },
    elecciones: p.elecciones.map((e) => ({ ...e })),
    partidos,
    coaliciones: p.coaliciones.map((c) => ({ ...c.coalicion, partidos: [...c.coalicion.partidos] })),
    distritos: p.distritos.map((d) => ({ id: d.id, cabecera: d.cabecera })),
    municipios: p.municipios.map((m) => ({ id: m.id, nombre: m.nombre })),
    secciones,
    casillas,
    boletas,
    candidaturas,
    catds: catds(p),
  };
}

// ---------------------------------------------------------------------------------------------------------
// Jalisco 2024.

/** Jalisco 2024 totals (docs/REGLAS.md §9). */
export const JALISCO_2024 = { casillas: { B: 3785, C: 6783, E: 281, S: 54 }, listaNominal: 6_619_342 } as const;

/** The 125 municipios with their distritos (derived once from the boundary files by scripts/generador/derivar-distritos.ts). */
export function municipiosJalisco(): DatosMunicipio[] {
  const reparto = municipioDistritosJson as Record<string, { distrito: number; share: number }[]>;
  return municipiosJson.map((m) => ({ ...m, distritos: reparto[String(m.id)] ?? [] }));
}

function partidosJalisco(): Partido[] {
  return partidosJson.map((p) => ({ ...p, tipo: 'partido' as const }));
}

function coalicionesJalisco(): PlanCoalicion[] {
  const [fyc, shhj] = coalicionesJson;
  return [
    // Fuerza y Corazón por Jalisco: in every distrito and in 124 of the 125 municipios.
    { coalicion: fyc!, pParcial: 0, pAusente: 0, ausenteEnMunicipios: 1 },
    // Sigamos Haciendo Historia en Jalisco: full in most places, partial (always with MORENA) or absent elsewhere.
    { coalicion: shhj!, ancla: 'MORENA', pParcial: 0.3, pAusente: 0.08, ausenteEnMunicipios: 0 },
  ];
}

export function parametrosJalisco(): ParametrosEntidad {
  return {
    entidad: { id: 14, nombre: 'Jalisco', utcOffsetMinutes: -360, sintetico: true },
    elecciones: ELECCIONES,
    partidos: partidosJalisco(),
    coaliciones: coalicionesJalisco(),
    distritos: distritosJson.map((d) => ({ id: d.id, cabecera: d.cabecera })),
    municipios: municipiosJalisco(),
    casillas: { ...JALISCO_2024.casillas },
    listaNominal: JALISCO_2024.listaNominal,
    independientes: 2,
  };
}

/** The shipped catalogue: real Jalisco geography and parties, synthetic casillas with the real 2024 totals. */
export function generarJalisco(seed = 2024): Catalogo {
  return generarEntidad(parametrosJalisco(), seed);
}

// ---------------------------------------------------------------------------------------------------------
// National scale, for benchmarks.

/** INE 2024: casillas installed nationwide. */
export const NACIONAL_CASILLAS = 170_648;
/** Average lista nominal per casilla nationwide (≈ 98.3 million over the casillas with a list). */
const NACIONAL_LN_POR_CASILLA = 576;

/** [nombre, UTC offset in minutes, municipios, distritos locales, relative number of casillas]. Plausible, not official. */
const ESTADOS: readonly [string, number, number, number, number][] = [
  ['Aguascalientes', -360, 11, 18, 1750],
  ['Baja California', -480, 7, 17, 5030],
  ['Baja California Sur', -420, 5, 16, 1180],
  ['Campeche', -360, 13, 21, 1310],
  ['Coahuila', -360, 38, 16, 3990],
  ['Colima', -360, 10, 16, 1080],
  ['Chiapas', -360, 124, 24, 7000],
  ['Chihuahua', -360, 67, 22, 5180],
  ['Ciudad de México', -360, 16, 33, 13400],
  ['Durango', -360, 39, 15, 2580],
  ['Guanajuato', -360, 46, 22, 7610],
  ['Guerrero', -360, 85, 28, 5220],
  ['Hidalgo', -360, 84, 18, 3900],
  ['Jalisco', -360, 125, 20, 10400],
  ['México', -360, 125, 45, 20500],
  ['Michoacán', -360, 113, 24, 6230],
  ['Morelos', -360, 36, 12, 2620],
  ['Nayarit', -420, 20, 18, 1710],
  ['Nuevo León', -360, 51, 26, 7700],
  ['Oaxaca', -360, 570, 25, 5900],
  ['Puebla', -360, 217, 26, 7760],
  ['Querétaro', -360, 18, 15, 2920],
  ['Quintana Roo', -300, 11, 15, 2210],
  ['San Luis Potosí', -360, 58, 15, 3700],
  ['Sinaloa', -420, 20, 24, 4250],
  ['Sonora', -420, 72, 21, 3900],
  ['Tabasco', -360, 17, 21, 3130],
  ['Tamaulipas', -360, 43, 22, 4980],
  ['Tlaxcala', -360, 60, 15, 1740],
  ['Veracruz', -360, 212, 30, 10850],
  ['Yucatán', -360, 106, 15, 2950],
  ['Zacatecas', -360, 58, 18, 2300],
];

/**
 * Invented geography: Zipf-like municipio populations in shuffled order, laid end to end and cut into
 * distritos of equal population; a municipio's share in a distrito is the overlap.
 */
function geografiaSintetica(
  nMunicipios: number,
  nDistritos: number,
  pobTotal: number,
  azar: Azar,
): { municipios: DatosMunicipio[]; distritos: Distrito[] } {
  const brutas = azar.barajar(Array.from({ length: nMunicipios }, (_, i) => azar.rango(0.7, 1.3) / (i + 1)));
  const escala = pobTotal / brutas.reduce((a, b) => a + b, 0);
  const poblaciones = brutas.map((r) => Math.max(1000, Math.round(r * escala)));
  const total = poblaciones.reduce((a, b) => a + b, 0);
  const ancho = total / nDistritos;
  const aportes = Array.from({ length: nDistritos }, () => new Map<number, number>());
  let inicio = 0;
  const municipios = poblaciones.map((pob, i) => {
    const fin = inicio + pob;
    const distritos: { distrito: number; share: number }[] = [];
    for (let d = Math.floor(inicio / ancho); d < nDistritos && d * ancho < fin; d++) {
      const traslape = Math.min(fin, (d + 1) * ancho) - Math.max(inicio, d * ancho);
      if (traslape <= 0) continue;
      distritos.push({ distrito: d + 1, share: traslape / pob });
      aportes[d]!.set(i, traslape);
    }
    inicio = fin;
    return { id: i + 1, nombre: `Municipio ${i + 1}`, pob, distritos };
  });
  // Cabecera: the municipio that contributes most people to the distrito.
  const distritos = aportes.map((c, d) => {
    const [mayor] = [...c].sort((a, b) => b[1] - a[1] || a[0] - b[0]);
    return { id: d + 1, cabecera: municipios[mayor![0]]!.nombre };
  });
  return { municipios, distritos };
}

const PARTIDOS_NACIONALES = partidosJalisco().filter((p) => p.orden <= 7);

const COALICIONES_NACIONALES: PlanCoalicion[] = [
  {
    coalicion: { id: 'FYC', nombre: 'Fuerza y Corazón por México', partidos: ['PAN', 'PRI', 'PRD'] },
    pParcial: 0,
    pAusente: 0,
    ausenteEnMunicipios: 1,
  },
  {
    coalicion: { id: 'SHH', nombre: 'Sigamos Haciendo Historia', partidos: ['PVEM', 'PT', 'MORENA'] },
    ancla: 'MORENA',
    pParcial: 0.3,
    pAusente: 0.08,
    ausenteEnMunicipios: 0,
  },
];

/** The parameters of one national entidad with `casillas` casillas, split by type like Jalisco's. */
function parametrosNacionales(id: number, casillas: number, azar: Azar): ParametrosEntidad {
  const [nombre, utcOffsetMinutes, nMun, nDist] = ESTADOS[id - 1]!;
  const S = Math.max(1, Math.round((casillas * 54) / 10_903));
  const E = Math.round((casillas * 281) / 10_903);
  const B = Math.round((casillas * 3785) / 10_903);
  const C = casillas - B - E - S;
  const geo =
    id === 14
      ? { municipios: municipiosJalisco(), distritos: distritosJson.map((d) => ({ id: d.id, cabecera: d.cabecera })) }
      : geografiaSintetica(nMun, nDist, casillas * 766, azar);
  return {
    entidad: { id, nombre, utcOffsetMinutes, sintetico: true },
    elecciones: ELECCIONES,
    partidos: PARTIDOS_NACIONALES,
    coaliciones: COALICIONES_NACIONALES,
    distritos: geo.distritos,
    municipios: geo.municipios,
    casillas: { B, C, E, S },
    listaNominal: (casillas - S) * NACIONAL_LN_POR_CASILLA,
    independientes: 2,
  };
}

/** 32 synthetic entidades with 170,648 casillas in all (INE 2024 scale), for benchmarks. */
export function generarNacional(seed = 2024): Catalogo[] {
  const azar = crearAzar(seed);
  const porEstado = repartir(NACIONAL_CASILLAS, ESTADOS.map((e) => e[4]), 1);
  return porEstado.map((n, i) => generarEntidad(parametrosNacionales(i + 1, n, azar.derivar(`geo-${i + 1}`)), seed * 33 + i + 1));
}
