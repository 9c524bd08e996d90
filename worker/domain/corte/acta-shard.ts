/**
 * One acta as its shard publishes it: an expected acta as an `ActaFila` of its sección shard (registered, with
 * its classification and captured figures aligned with its ballot's columns, or its catalogue entry while
 * pending), a fuera de catálogo registration as an `ActaShard` of the entidad shard. The state keeps each
 * acta's JSON between cortes (estado.ts); generar-shards.ts splices it into the shards. A registered expected
 * acta's JSON (`actaJson`) is one `JSON.stringify` of its fields, its casilla's row shared by its actas of every
 * election; `acta-shard.test.ts` checks it is the same text as `JSON.stringify` of the published value, and that the
 * value reads back (`actaDeFila`) as the acta's `ActaShard`.
 */
import { TOTALES, type ActaFila, type ActaShard, type CasillaFila, type ImagenFila, type Valor } from '../contrato/index.ts';
import type { Captura } from '../acta/esquema.ts';
import type { ActaEnCorte } from './acta-corte.ts';
import type { ActaModelo } from './modelo.ts';

const alineado = (r: Readonly<Record<string, Valor>>, columnas: readonly string[]) => columnas.map((c) => r[c] ?? null);

/** `alineado(totales, TOTALES)` with named loads. */
function totalesEnOrden(t: Captura['totales']): (Valor | null)[] {
  return [t.TOTAL_BOLETAS_SOBRANTES ?? null, t.TOTAL_PERSONAS_VOTARON ?? null, t.TOTAL_REP_PARTIDO_CI_VOTARON ?? null, t.TOTAL_VOTOS_SACADOS ?? null, t.TOTAL_VOTOS_ASENTADO ?? null];
}

/**
 * The vote columns of an expected acta in its sección shard, in the order of its `votos` array: its ballot's
 * (one array per ballot), or the union of its sección's ballots in that election for a split casilla's parts.
 */
export function columnasDeBoleta(a: ActaModelo): readonly string[] {
  return a.columnas;
}

/**
 * An acta as its shard publishes it: an expected acta (`a`) as its sección shard's row, registered (`ac`) or
 * pending; a fuera de catálogo registration (`a` null) as the entidad shard's object. `columnas`: the order of
 * its `votos` (its ballot's columns; the election's for fuera de catálogo).
 */
export function actaShard(a: ActaModelo, ac: ActaEnCorte | undefined, columnas: readonly string[]): ActaFila;
export function actaShard(a: null, ac: ActaEnCorte, columnas: readonly string[]): ActaShard;
export function actaShard(a: ActaModelo | null, ac: ActaEnCorte | undefined, columnas: readonly string[]): ActaFila | ActaShard {
  return a === null ? actaCompleta(null, ac, columnas) : filaDeActa(actaCompleta(a, ac, columnas));
}

/** Any acta as an `ActaShard` (what an `ActaFila` expands to). */
export function actaCompleta(a: ActaModelo | null, ac: ActaEnCorte | undefined, columnas: readonly string[]): ActaShard {
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
  const p = ac.acta;
  const k = ac.clasificacion;
  const cap = p.captura;
  return {
    clave: p.clave,
    casilla,
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

/** An expected acta's `ActaShard` as its sección shard's row (the inverse of `actaDeFila`). */
function filaDeActa(x: ActaShard): ActaFila {
  const i = x.imagen;
  const imagen: ImagenFila | null = i === null ? null : [i.sha256, i.mime, i.origen, i.digitalizacion, i.tipoDocumento];
  return [
    x.clave, casillaFila(x.casilla), x.estatus, x.contabilizada, x.observaciones, x.votos, x.totales, x.totalVotosCalculado,
    x.mecanismoTraslado, imagen, x.acopioAt, x.capturaAt, x.verificacionAt, x.cotejada,
  ];
}

function casillaDe(a: ActaModelo): ActaShard['casilla'] {
  const c = a.casilla;
  return {
    clave: a.claveCasilla, seccion: c.seccion, tipo: c.tipo, id: c.id, extContigua: c.extContigua, ubicacion: c.ubicacion,
    listaNominal: c.listaNominal, representantes: c.representantes,
  };
}

/** An expected acta's casilla without its sección (the shard's); its catalogue entry has every field. */
function casillaFila(c: ActaShard['casilla']): CasillaFila {
  return [c.clave!, c.tipo, c.id, c.extContigua, c.ubicacion!, c.listaNominal!, c.representantes!];
}

/** Per catalogue casilla (shared by its actas of every election): its row. */
const casillas = new WeakMap<object, CasillaFila>();

function casillaDeFila(a: ActaModelo): CasillaFila {
  let c = casillas.get(a.casilla);
  if (c === undefined) {
    c = casillaFila(casillaDe(a));
    casillas.set(a.casilla, c);
  }
  return c;
}

/**
 * Exactly `JSON.stringify(actaShard(a, ac, columnas))` for a registered expected acta, built without the
 * intermediate object: one array of its fields, its casilla's row shared, stringified once (the text comes out
 * flat, in one piece: what the state keeps until the acta's sección is rendered).
 */
export function actaJson(a: ActaModelo, ac: ActaEnCorte, columnas: readonly string[]): string {
  const p = ac.acta;
  const k = ac.clasificacion;
  const cap = p.captura;
  const i = p.imagen;
  return JSON.stringify([
    p.clave,
    casillaDeFila(a),
    k.estatus,
    k.contabilizada,
    k.observaciones,
    // Read once with the classification when the capture has exactly these columns in this order.
    cap ? (ac.valores !== null && columnas === a.columnas ? ac.valores : alineado(cap.votos, columnas)) : null,
    cap ? totalesEnOrden(cap.totales) : null,
    cap ? k.totalVotosCalculado : null,
    p.mecanismoTraslado,
    i === null ? null : [i.sha256, i.mime, i.origen, i.digitalizacion, i.tipoDocumento],
    p.acopioAt,
    p.capturaAt,
    p.verificacionAt,
    p.cotejada,
  ]);
}

function identificacion(ac: ActaEnCorte) {
  const i = ac.acta.identificacion;
  return { seccion: i.seccion, tipo: i.tipo, id: i.id, extContigua: i.extContigua };
}
