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
    ? {
        clave: a.claveCasilla,
        seccion: a.casilla.seccion,
        tipo: a.casilla.tipo,
        id: a.casilla.id,
        extContigua: a.casilla.extContigua,
        ubicacion: a.casilla.ubicacion,
        listaNominal: a.casilla.listaNominal,
        representantes: a.casilla.representantes,
      }
    : { clave: null, ...identificacion(ac!), ubicacion: null, listaNominal: null, representantes: null };
  if (ac === undefined) {
    return {
      clave: a!.clave, casilla, registrada: false, estatus: null, contabilizada: null, observaciones: [], votos: null,
      totales: null, totalVotosCalculado: null, mecanismoTraslado: null, imagen: null, acopioAt: null, capturaAt: null,
      verificacionAt: null, cotejada: null,
    };
  }
  const p = ac.acta;
  return {
    clave: p.clave,
    casilla,
    registrada: true,
    estatus: ac.clasificacion.estatus,
    contabilizada: ac.clasificacion.contabilizada,
    observaciones: ac.clasificacion.observaciones,
    votos: p.captura ? alineado(p.captura.votos, columnas) : null,
    totales: p.captura ? alineado(p.captura.totales, TOTALES) : null,
    totalVotosCalculado: p.captura ? ac.clasificacion.totalVotosCalculado : null,
    mecanismoTraslado: p.mecanismoTraslado,
    imagen: p.imagen,
    acopioAt: p.acopioAt,
    capturaAt: p.capturaAt,
    verificacionAt: p.verificacionAt,
    cotejada: p.cotejada,
  };
}

/** Per catalogue casilla (shared by its actas of every election): its `casilla` object's JSON. */
const casillas = new WeakMap<object, string>();

function casillaJson(a: ActaModelo): string {
  let j = casillas.get(a.casilla);
  if (j === undefined) {
    const c = a.casilla;
    j = JSON.stringify({
      clave: a.claveCasilla, seccion: c.seccion, tipo: c.tipo, id: c.id, extContigua: c.extContigua, ubicacion: c.ubicacion,
      listaNominal: c.listaNominal, representantes: c.representantes,
    });
    casillas.set(a.casilla, j);
  }
  return j;
}

/** Exactly `JSON.stringify(actaShard(a, ac, columnas))` for a registered expected acta: its casilla's JSON is shared. */
export function actaJson(a: ActaModelo, ac: ActaEnCorte, columnas: readonly string[]): string {
  const p = ac.acta;
  const k = ac.clasificacion;
  const cap = p.captura;
  const resto = JSON.stringify({
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
  });
  return `{"clave":${JSON.stringify(p.clave)},"casilla":${casillaJson(a)},${resto.slice(1)}`;
}

function identificacion(ac: ActaEnCorte) {
  const i = ac.acta.identificacion;
  return { seccion: i.seccion, tipo: i.tipo, id: i.id, extContigua: i.extContigua };
}
