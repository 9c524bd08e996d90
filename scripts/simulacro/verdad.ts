/**
 * The simulation's own ground truth and its comparison with a published corte. The truth is computed from the
 * plan alone (what each acta says, which never arrived, which are fuera de catálogo) with the domain core's
 * classification and tallies (worker/domain/acta/clasificar.ts, worker/domain/conteo/conteo.ts) — never from what the
 * system stored or published — and compared, figure by figure, with the shards of the corte: every election, the
 * entidad, every distrito and municipio (their own shards and their rows in the entidad shard) and every
 * sección row.
 */
import { clasificarActa } from '../../worker/domain/acta/clasificar.ts';
import type { Catalogo } from '../../worker/domain/catalogo/esquema.ts';
import { desdeUtf8 } from '../../worker/domain/corte/bytes.ts';
import { EntidadShardSchema, ManifiestoSchema, PunteroSchema, TerritorioShardSchema, type Manifiesto } from '../../worker/domain/corte/shards.ts';
import { CONTEO, FIGURAS, filasDeSecciones, RUTA_LATEST_RAIZ, type FilaCompacta } from '../../worker/domain/contrato/index.ts';
import { conteoVacio, sumarActa, sumarEsperada, type Conteo } from '../../worker/domain/conteo/conteo.ts';
import { figuras } from '../../worker/domain/conteo/figuras.ts';
import type { ActaEsperada } from '../../worker/domain/acta/esperadas.ts';
import type { PlanActa, PlanFueraCatalogo } from './plan.ts';

export interface ConteosEleccion {
  entidad: Conteo;
  distritos: Map<number, Conteo>;
  municipios: Map<number, Conteo>;
  secciones: Map<number, Conteo>;
}

export type Verdad = Map<string, ConteosEleccion>;

/**
 * What the truth is computed from: a night's plan (PlanNoche fits), or one where the actas people captured by hand
 * carry what they typed (mano.ts).
 */
export interface PlanVerdad {
  actas: readonly Pick<PlanActa, 'esperada' | 'resultado'>[];
  noLlegan: readonly ActaEsperada[];
  fueraCatalogo: readonly Pick<PlanFueraCatalogo, 'identificacion'>[];
}

/** The tallies the final corte must show if every acta the plan sends is published as the plan says. */
export function verdadDelPlan(cat: Catalogo, plan: PlanVerdad): Verdad {
  const seccionDe = new Map(cat.secciones.map((s) => [s.id, s]));
  const verdad: Verdad = new Map();
  for (const e of cat.elecciones) {
    verdad.set(e.codigo, {
      entidad: conteoVacio(),
      distritos: new Map(cat.distritos.map((d) => [d.id, conteoVacio()])),
      municipios: new Map(cat.municipios.map((m) => [m.id, conteoVacio()])),
      secciones: new Map(cat.secciones.map((s) => [s.id, conteoVacio()])),
    });
  }
  const destinos = (eleccion: string, seccion: number): Conteo[] => {
    const v = verdad.get(eleccion)!;
    const s = seccionDe.get(seccion)!;
    return [v.entidad, v.distritos.get(s.distrito)!, v.municipios.get(s.municipio)!, v.secciones.get(seccion)!];
  };
  for (const a of plan.actas) {
    const e = a.esperada;
    const clasificacion =
      a.resultado.tipo === 'sin_acta'
        ? clasificarActa({ tipo: 'sin_acta', motivo: a.resultado.motivo })
        : clasificarActa({ tipo: 'captura', captura: a.resultado.captura, casilla: e.casilla, boletasEspecial: e.eleccion.boletasEspecial });
    const entrada = {
      clasificacion,
      votos: a.resultado.tipo === 'captura' ? a.resultado.captura.votos : null,
      tipo: e.casilla.tipo,
      listaNominal: e.casilla.listaNominal,
      boleta: e.boleta,
    };
    for (const t of destinos(e.eleccion.codigo, e.casilla.seccion)) sumarActa(t, entrada);
  }
  for (const e of plan.noLlegan) for (const t of destinos(e.eleccion.codigo, e.casilla.seccion)) sumarEsperada(t);
  // A fuera de catálogo registration counts (as registrada, never as capturada) in the entidad only.
  for (const f of plan.fueraCatalogo) {
    sumarActa(verdad.get(f.identificacion.eleccion)!.entidad, {
      clasificacion: clasificarActa({ tipo: 'fuera_catalogo', captura: null }),
      tipo: f.identificacion.tipo,
      listaNominal: 0,
    });
  }
  return verdad;
}

export interface Diferencia {
  donde: string;
  que: string;
  publicado: unknown;
  esperado: unknown;
}

export interface Comparacion {
  manifiesto: Manifiesto;
  /** Territories (entidad, distritos, municipios) and sección rows compared, over every election. */
  territorios: number;
  secciones: number;
  diferencias: Diferencia[];
}

const igual = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

function ordenado(r: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.entries(r).sort(([a], [b]) => a.localeCompare(b)));
}

/** Compares full results (13 figures, votes per column and per candidatura) with a tally. */
function compararResultados(
  donde: string,
  pub: { figuras: Record<string, number>; votos: Record<string, number>; candidaturas: Record<string, number> },
  t: Conteo,
  final: boolean,
  dif: Diferencia[],
): void {
  const f = figuras(t, { final });
  for (const k of FIGURAS) if (pub.figuras[k] !== f[k]) dif.push({ donde, que: k, publicado: pub.figuras[k], esperado: f[k] });
  if (!igual(ordenado(pub.votos), ordenado(t.votos))) dif.push({ donde, que: 'votos por columna', publicado: pub.votos, esperado: t.votos });
  if (!igual(ordenado(pub.candidaturas), ordenado(t.candidaturas))) {
    dif.push({ donde, que: 'votos por candidatura', publicado: pub.candidaturas, esperado: t.candidaturas });
  }
}

/** Compares a compact row (counters and votes per candidatura) with a tally. */
function compararFila(donde: string, fila: FilaCompacta & { id: number }, tabla: { columnas: string[]; candidaturas: string[] }, t: Conteo | undefined, dif: Diferencia[]): void {
  if (t === undefined) {
    dif.push({ donde, que: 'territorio', publicado: fila.id, esperado: 'ninguno con ese id' });
    return;
  }
  CONTEO.forEach((k, i) => {
    if (fila.t[i] !== t[k]) dif.push({ donde, que: k, publicado: fila.t[i], esperado: t[k] });
  });
  const candidaturas: Record<string, number> = {};
  tabla.candidaturas.forEach((cand, i) => {
    if (fila.c[i]) candidaturas[cand] = fila.c[i]!;
  });
  if (fila.c.length !== tabla.candidaturas.length || !igual(ordenado(candidaturas), ordenado(t.candidaturas))) {
    dif.push({ donde, que: 'votos por candidatura', publicado: candidaturas, esperado: t.candidaturas });
  }
}

/** Reads an object of the publication by its key (`datos/…`); null when absent. */
export type Lector = (ruta: string) => Promise<Uint8Array | null>;

async function json(leer: Lector, ruta: string): Promise<unknown> {
  const b = await leer(ruta);
  if (b === null) throw new Error(`no existe /${ruta}`);
  return JSON.parse(desdeUtf8(b));
}

/** The manifest of the corte `latest.json` points to. */
export async function leerManifiesto(leer: Lector): Promise<Manifiesto> {
  const puntero = PunteroSchema.parse(await json(leer, RUTA_LATEST_RAIZ));
  return ManifiestoSchema.parse(await json(leer, puntero.manifiesto.ruta));
}

/**
 * Compares the corte `latest.json` points to with the truth (or with the truth as of that corte's change
 * sequence, when it depends on what people had done by then).
 */
export async function compararConCorte(laVerdad: Verdad | ((m: Manifiesto) => Verdad), leer: Lector): Promise<Comparacion> {
  const manifiesto = await leerManifiesto(leer);
  const verdad = typeof laVerdad === 'function' ? laVerdad(manifiesto) : laVerdad;
  const dif: Diferencia[] = [];
  const final = manifiesto.final;
  let territorios = 0;
  let secciones = 0;
  const rutaDe = new Map(manifiesto.shards.map((s) => [s.id, s.ruta]));
  for (const eleccion of manifiesto.elecciones) {
    const v = verdad.get(eleccion.codigo);
    if (v === undefined) {
      dif.push({ donde: eleccion.codigo, que: 'elección', publicado: eleccion.codigo, esperado: 'no está en el catálogo' });
      continue;
    }
    const rutaEntidad = rutaDe.get(`${eleccion.codigo}/entidad`);
    if (rutaEntidad === undefined) {
      dif.push({ donde: eleccion.codigo, que: 'shard de entidad', publicado: null, esperado: `${eleccion.codigo}/entidad` });
      continue;
    }
    const ent = EntidadShardSchema.parse(await json(leer, rutaEntidad));
    compararResultados(`${eleccion.codigo} entidad`, ent.resultados, v.entidad, final, dif);
    territorios++;
    for (const [nivel, filas, tallies] of [
      ['distrito', ent.distritos, v.distritos],
      ['municipio', ent.municipios, v.municipios],
    ] as const) {
      const vistos = new Set<number>();
      for (const fila of filas) {
        vistos.add(fila.id);
        compararFila(`${eleccion.codigo} entidad, fila ${nivel} ${fila.id}`, fila, ent, tallies.get(fila.id), dif);
        const ruta = rutaDe.get(`${eleccion.codigo}/${nivel}/${fila.id}`);
        if (ruta === undefined) {
          dif.push({ donde: `${eleccion.codigo} ${nivel} ${fila.id}`, que: 'shard', publicado: null, esperado: 'un shard' });
          continue;
        }
        const sh = TerritorioShardSchema.parse(await json(leer, ruta));
        const t = tallies.get(fila.id)!;
        if (t === undefined) continue;
        compararResultados(`${eleccion.codigo} ${nivel} ${fila.id}`, sh.resultados, t, final, dif);
        territorios++;
        for (const s of filasDeSecciones(sh)) {
          compararFila(`${eleccion.codigo} ${nivel} ${fila.id}, sección ${s.id}`, s, sh, v.secciones.get(s.id), dif);
          secciones++;
        }
      }
      for (const [id, t] of tallies) {
        if (!vistos.has(id) && t.esperadas > 0) dif.push({ donde: `${eleccion.codigo} ${nivel} ${id}`, que: 'fila en el shard de entidad', publicado: null, esperado: 'una fila' });
      }
    }
  }
  if (manifiesto.elecciones.length !== verdad.size) {
    dif.push({ donde: 'manifiesto', que: 'elecciones', publicado: manifiesto.elecciones.map((e) => e.codigo), esperado: [...verdad.keys()] });
  }
  return { manifiesto, territorios, secciones, diferencias: dif };
}
