/**
 * The data of the end-to-end tests, entered the way election night enters it: a few secciones of one distrito
 * and municipio, and a casilla especial of that distrito; every acta of those casillas in every election taken
 * through the capture API by the CATDs' operators (acopio, a PNG image, two captures, verification when they
 * disagree), including a sin acta and an acta with an Ilegible field. One casilla's actas are held back for a
 * second corte.
 */
import { createHash } from 'node:crypto';
import { COLUMNAS_FIJAS, ILEGIBLE, type Captura, type MotivoSinActa, type Valor } from '../../../worker/domain/acta/esquema.ts';
import { actasEsperadas, type ActaEsperada } from '../../../worker/domain/acta/esperadas.ts';
import type { OperadorNuevo } from '../../../worker/domain/captura/operador-nuevo.ts';
import type { Catalogo } from '../../../worker/domain/catalogo/esquema.ts';
import { crearAzar } from '../../../scripts/generador/azar.ts';
import { Cliente } from '../../../scripts/simulacro/cliente.ts';
import { imprentaDe } from '../../../scripts/simulacro/imagen.ts';
import { ADMIN, idPuesto, personalDeLaNoche, type Puesto } from '../../../scripts/simulacro/personal.ts';

export const sha256 = (b: Uint8Array | string) => createHash('sha256').update(b).digest('hex');

/** The workflow view every write of the capture API answers, as far as these tests read it. */
interface ActaApi {
  clave: string;
  etapa: 'DIGITALIZACION' | 'CAPTURA' | 'VERIFICACION' | 'VERIFICADA' | 'SIN_ACTA';
}

/**
 * The capture API's steps and the admin's "publish a corte now", over the simulacro's HTTP client (idempotency
 * keys, retries on lost races); anything but success throws with the API's answer.
 */
export function api(base: string) {
  const cliente = new Cliente(base);
  let n = 0;
  async function post<T>(token: string, ruta: string, cuerpo: { json: unknown } | { bytes: Uint8Array; tipo: string }): Promise<T> {
    const r = await cliente.post({ ruta, token, idempotencia: `e2e-${++n}`, ...cuerpo });
    if (r.status >= 300) throw new Error(`POST ${ruta} → HTTP ${r.status} (${r.reintentos} reintentos): ${JSON.stringify(r.cuerpo)}`);
    return r.cuerpo as T;
  }
  return {
    recibir: (token: string, clave: string, datos: { sinActa?: MotivoSinActa; mecanismoTraslado?: 'D' | 'F' | 'I' }) =>
      post<ActaApi>(token, '/api/v1/acopio', { json: { clave, ...datos } }),
    digitalizar: (token: string, clave: string, png: Uint8Array) =>
      post<ActaApi>(token, `/api/v1/actas/${clave}/imagen?origen=CATD&digitalizacion=ESCANER&tipoDocumento=ACTA_PREP`, { bytes: png, tipo: 'image/png' }),
    capturar: (token: string, clave: string, captura: Captura) => post<ActaApi>(token, `/api/v1/actas/${clave}/capturas`, { json: captura }),
    verificar: (token: string, clave: string, captura: Captura) =>
      post<ActaApi>(token, `/api/v1/actas/${clave}/verificacion`, { json: { resolucion: 'CAPTURA', captura } }),
    /** Not retried (a corte is not idempotent): one request, its answer. */
    async publicarCorte(token: string): Promise<{ resultado: 'publicado' | 'sin_cambios'; numero: number; manifiesto: string }> {
      const r = await fetch(`${base}/api/v1/cortes`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: '{}' });
      const texto = await r.text();
      if (!r.ok) throw new Error(`POST /api/v1/cortes → HTTP ${r.status}: ${texto}`);
      return JSON.parse(texto) as { resultado: 'publicado' | 'sin_cambios'; numero: number; manifiesto: string };
    },
  };
}
export type Api = ReturnType<typeof api>;

export interface Siembra {
  distrito: number;
  municipio: number;
  secciones: number[];
  /** Every acta of the chosen secciones' casillas, and of the casilla especial, in results-CSV order. */
  actas: ActaEsperada[];
  /** The actas of a casilla especial (votes with especiales ≠ without). */
  especial: ActaEsperada[];
  /** Registered as sin acta at acopio. */
  sinActa: ActaEsperada;
  /** Captured with an Ilegible vote field (both captures agree). */
  ilegible: ActaEsperada;
  /** Captures disagree; a verifier confirms the first one. */
  verificadas: ActaEsperada[];
  /** One casilla's actas, registered only before the second corte. */
  segundoCorte: ActaEsperada[];
  /** Clave → SHA-256 of the PNG uploaded for it. */
  imagenes: Map<string, string>;
  /** Clave → the captured (verified) figures. */
  capturas: Map<string, Captura>;
  /** Claves registered so far (verified or sin acta). */
  registradas: Set<string>;
}

/** The CATD whose operators handle an acta: the distrito's for GUB and diputaciones, the municipio's for munícipes. */
function catdDe(cat: Catalogo, a: ActaEsperada): string {
  const c = cat.catds.find((x) =>
    x.elecciones.includes(a.eleccion.codigo) && (x.ambito === 'distrito' ? x.territorio === a.seccion.distrito : x.territorio === a.seccion.municipio),
  );
  if (!c) throw new Error(`ningún CATD recibe ${a.clave}`);
  return c.id;
}

/**
 * The secciones to capture: the first sección of the catalogue with three or more casillas fixes the distrito and
 * the municipio; then the four secciones of both with most casillas. Plus the first casilla especial of that
 * distrito (or of the entidad, if it has none).
 */
export function planear(cat: Catalogo): Siembra {
  const r = actasEsperadas(cat);
  if (!r.ok) throw new Error(`catálogo sin actas esperadas: ${JSON.stringify(r.error)}`);
  const casillas = new Map<number, number>();
  for (const c of cat.casillas) casillas.set(c.seccion, (casillas.get(c.seccion) ?? 0) + 1);
  const semilla = [...cat.secciones].sort((a, b) => a.id - b.id).find((s) => (casillas.get(s.id) ?? 0) >= 3);
  if (!semilla) throw new Error('ninguna sección con tres casillas');
  const secciones = cat.secciones
    .filter((s) => s.distrito === semilla.distrito && s.municipio === semilla.municipio)
    .sort((a, b) => (casillas.get(b.id) ?? 0) - (casillas.get(a.id) ?? 0) || a.id - b.id)
    .slice(0, 4)
    .map((s) => s.id)
    .sort((a, b) => a - b);
  const especiales = r.value.filter((a) => a.casilla.tipo === 'S');
  const casillaEspecial = (especiales.find((a) => a.seccion.distrito === semilla.distrito) ?? especiales[0])?.claveCasilla;
  if (!casillaEspecial) throw new Error('el catálogo no tiene casillas especiales');
  const actas = r.value.filter((a) => secciones.includes(a.seccion.id) || a.claveCasilla === casillaEspecial);
  const ordinarias = actas.filter((a) => a.claveCasilla !== casillaEspecial);
  const gub = ordinarias.filter((a) => a.eleccion.territorio === 'entidad');
  const dip = ordinarias.filter((a) => a.eleccion.territorio === 'distrito');
  // The last casilla of the last sección waits for the second corte, in every election.
  const ultima = ordinarias.at(-1)!.claveCasilla;
  const segundoCorte = actas.filter((a) => a.claveCasilla === ultima);
  return {
    distrito: semilla.distrito,
    municipio: semilla.municipio,
    secciones,
    actas,
    sinActa: dip[1]!,
    ilegible: gub[0]!,
    verificadas: [gub[2]!, ordinarias.find((a) => a.eleccion.territorio === 'municipio')!],
    especial: actas.filter((a) => a.claveCasilla === casillaEspecial),
    segundoCorte,
    imagenes: new Map(),
    capturas: new Map(),
    registradas: new Set(),
  };
}

/** The simulacro's staff of the CATDs the plan needs (one operator per step) and the admin who publishes cortes. */
export function operadores(cat: Catalogo, plan: Pick<Siembra, 'actas'>): OperadorNuevo[] {
  const catds = new Set(plan.actas.map((a) => catdDe(cat, a)));
  return personalDeLaNoche(cat).filter((o) => o.id === ADMIN || (o.catd !== null && catds.has(o.catd)));
}

export { ADMIN };

/**
 * Plausible figures for an acta: a turnout under its lista nominal (under the approved ballots for a casilla
 * especial, which has no lista of its own), spread over its ballot's columns.
 */
export function figurasPara(a: ActaEsperada, ilegible: readonly string[] = []): Captura {
  const azar = crearAzar(Number.parseInt(sha256(a.clave).slice(0, 8), 16));
  const lista = a.casilla.tipo === 'S' ? a.eleccion.boletasEspecial : a.casilla.listaNominal;
  const total = Math.floor(lista * azar.rango(0.45, 0.7));
  const columnas = [...a.boleta.columnas, ...COLUMNAS_FIJAS];
  const pesos = columnas.map((c) => (c === 'NULOS' ? 2 : c === 'NO_REGISTRADAS' ? 0.2 : c.includes('_') ? 0.6 : azar.rango(1, 12)));
  const suma = pesos.reduce((s, p) => s + p, 0);
  const votos: Record<string, Valor> = {};
  let asignados = 0;
  columnas.forEach((c, i) => {
    const n = Math.floor((total * pesos[i]!) / suma);
    votos[c] = n;
    asignados += n;
  });
  votos.NULOS = (votos.NULOS as number) + (total - asignados);
  for (const c of ilegible) votos[c] = ILEGIBLE;
  const rep = Math.min(2, a.casilla.representantes);
  return {
    votos,
    totales: {
      TOTAL_BOLETAS_SOBRANTES: lista - total,
      TOTAL_PERSONAS_VOTARON: total,
      TOTAL_REP_PARTIDO_CI_VOTARON: rep,
      TOTAL_VOTOS_SACADOS: total + rep,
      TOTAL_VOTOS_ASENTADO: total + rep,
    },
  };
}

/** Takes `actas` through the capture API; records each one's image hash and verified figures in `siembra`. */
export async function capturar(cliente: Api, cat: Catalogo, tokens: ReadonlyMap<string, string>, siembra: Siembra, actas: readonly ActaEsperada[]): Promise<void> {
  const { imagenes, capturas, registradas } = siembra;
  for (const a of actas) {
    const catd = catdDe(cat, a);
    const token = (p: Puesto) => tokens.get(idPuesto(catd, p))!;
    if (a.clave === siembra.sinActa.clave) {
      const v = await cliente.recibir(token('acopio'), a.clave, { sinActa: 'SIN_SOBRE' });
      if (v.etapa !== 'SIN_ACTA') throw new Error(`${a.clave}: etapa ${v.etapa}`);
      registradas.add(a.clave);
      continue;
    }
    await cliente.recibir(token('acopio'), a.clave, { mecanismoTraslado: 'F' });
    const captura = figurasPara(a, a.clave === siembra.ilegible.clave ? [a.boleta.columnas[1]!] : []);
    const imagen = imprentaDe(cat).imagen(a, captura, 'CATD');
    await cliente.digitalizar(token('dig'), a.clave, imagen);
    imagenes.set(a.clave, sha256(imagen));
    await cliente.capturar(token('cap1'), a.clave, captura);
    const discrepa = siembra.verificadas.some((x) => x.clave === a.clave);
    // The second capturist misreads one field; the verifier checks the image and confirms the first capture.
    const segunda = discrepa ? { ...captura, votos: { ...captura.votos, NULOS: (captura.votos.NULOS as number) + 1 } } : captura;
    let v = await cliente.capturar(token('cap2'), a.clave, segunda);
    if (discrepa) {
      if (v.etapa !== 'VERIFICACION') throw new Error(`${a.clave}: capturas distintas y etapa ${v.etapa}`);
      v = await cliente.verificar(token('ver'), a.clave, captura);
    }
    if (v.etapa !== 'VERIFICADA') throw new Error(`${a.clave}: etapa ${v.etapa}`);
    capturas.set(a.clave, captura);
    registradas.add(a.clave);
  }
}

/**
 * What a corte must say of the actas matching `filtro`, from what was captured (every captured acta here counts:
 * none exceeds its lista nominal, and the Ilegible one still has numbers).
 */
export function verdad(s: Siembra, filtro: (a: ActaEsperada) => boolean) {
  const actas = s.actas.filter(filtro);
  const capturadas = actas.filter((a) => s.capturas.has(a.clave));
  const ordinarias = capturadas.filter((a) => a.casilla.tipo !== 'S');
  const votos = (a: ActaEsperada) => Object.values(s.capturas.get(a.clave)!.votos).reduce<number>((t, v) => t + (typeof v === 'number' ? v : 0), 0);
  return {
    esperadas: actas.length,
    registradas: actas.filter((a) => s.registradas.has(a.clave)).length,
    contabilizadas: capturadas.length,
    votosConEspeciales: capturadas.reduce((t, a) => t + votos(a), 0),
    votosSinEspeciales: ordinarias.reduce((t, a) => t + votos(a), 0),
    listaNominal: ordinarias.reduce((t, a) => t + a.casilla.listaNominal, 0),
  };
}
