/**
 * One acta as its shard publishes it (`ActaShard` of the contract): a registered acta with its classification
 * and captured figures aligned with its ballot's columns, or an expected acta's catalogue entry while pending.
 * The state keeps each acta's JSON between cortes (estado.ts); generar-shards.ts splices it into the shards.
 * A registered expected acta's JSON (`actaJson`) reuses its casilla's, rendered once per casilla for the actas of
 * every election; `acta-shard.test.ts` checks it is the same text as `JSON.stringify` of the published object.
 */
import { COLUMNAS_FIJAS, TOTALES, type ActaShard, type Valor } from '../contrato/index.ts';
import type { ActaEnCorte } from './acta-corte.ts';
import type { ActaModelo } from './modelo.ts';

const alineado = (r: Readonly<Record<string, Valor>>, columnas: readonly string[]) => columnas.map((c) => r[c] ?? null);

const columnasPorBoleta = new WeakMap<object, readonly string[]>();

/** The vote columns of an expected acta's ballot, in the order of its `votos` array (one array per ballot). */
export function columnasDeBoleta(a: ActaModelo): readonly string[] {
  let c = columnasPorBoleta.get(a.boleta);
  if (c === undefined) columnasPorBoleta.set(a.boleta, (c = [...a.boleta.columnas, ...COLUMNAS_FIJAS]));
  return c;
}

/**
 * An acta as published: registered (`ac`), or its catalogue entry while pending. `columnas`: the order of its
 * `votos` (its ballot's columns; the election's columns for fuera de catálogo).
 */
export function actaShard(a: ActaModelo | null, ac: ActaEnCorte | undefined, columnas: readonly string[]): ActaShard {
  const casilla = a
    ? casillaDe(a)
    : { clave: null, ...identificacion(ac!), ubicacion: null, listaNominal: null, representantes: null };
  if (ac === undefined) {
    return {
      clave: a!.clave, casilla, registrada: false, estatus: null, contabilizada: null, observaciones: [], votos: null,
      totales: null, totalVotosCalculado: null, mecanismoTraslado: null, imagen: null, acopioAt: null, capturaAt: null,
      verificacionAt: null, cotejada: null,
    };
  }
  return { clave: ac.acta.clave, casilla, ...camposRegistrada(ac, columnas) };
}

/** What a registered acta publishes after its `clave` and `casilla`, in the contract's key order. */
function camposRegistrada(ac: ActaEnCorte, columnas: readonly string[]): Omit<ActaShard, 'clave' | 'casilla'> {
  const p = ac.acta;
  const k = ac.clasificacion;
  const cap = p.captura;
  return {
    registrada: true,
    estatus: k.estatus,
    contabilizada: k.contabilizada,
    observaciones: k.observaciones,
    votos: cap ? alineado(cap.votos, columnas) : null,
    totales: cap ? alineado(cap.totales, TOTALES) : null,
    totalVotosCalculado: cap ? k.totalVotosCalculado : null,
    mecanismoTraslado: p.mecanismoTraslado,
    imagen: p.imagen,
    acopioAt: p.acopioAt,
    capturaAt: p.capturaAt,
    verificacionAt: p.verificacionAt,
    cotejada: p.cotejada,
  };
}

function casillaDe(a: ActaModelo): ActaShard['casilla'] {
  const c = a.casilla;
  return {
    clave: a.claveCasilla, seccion: c.seccion, tipo: c.tipo, id: c.id, extContigua: c.extContigua, ubicacion: c.ubicacion,
    listaNominal: c.listaNominal, representantes: c.representantes,
  };
}

/** Per catalogue casilla (shared by its actas of every election): its `casilla` object's JSON. */
const casillas = new WeakMap<object, string>();

function casillaJson(a: ActaModelo): string {
  let j = casillas.get(a.casilla);
  if (j === undefined) {
    j = JSON.stringify(casillaDe(a));
    casillas.set(a.casilla, j);
  }
  return j;
}

/** Exactly `JSON.stringify(actaShard(a, ac, columnas))` for a registered expected acta: its casilla's JSON is shared. */
export function actaJson(a: ActaModelo, ac: ActaEnCorte, columnas: readonly string[]): string {
  const resto = JSON.stringify(camposRegistrada(ac, columnas));
  return `{"clave":${JSON.stringify(ac.acta.clave)},"casilla":${casillaJson(a)},${resto.slice(1)}`;
}

function identificacion(ac: ActaEnCorte) {
  const i = ac.acta.identificacion;
  return { seccion: i.seccion, tipo: i.tipo, id: i.id, extContigua: i.extContigua };
}
