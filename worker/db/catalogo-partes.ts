/**
 * The catalogue's parts of split casillas (docs/catalogo.md, partes.csv) read back from D1: they are the expected
 * actas whose key is `CLAVE_ACTA-n`, each with its own distrito, municipio and, when it has one, lista nominal
 * (data/migrations/0014_parte_lista_nominal.sql). Shared by the corte's catalogue read and the catalogue script.
 */
import { parteDeClave } from '../domain/claves/clave.ts';

/** The part rows with their casilla's fields. A key scan of acta_esperada; ordinary catalogues return no row. */
export const PARTES_SQL = `SELECT ae.clave_acta, ae.eleccion, ae.distrito, ae.municipio, ae.lista_nominal,
  c.seccion, c.tipo, c.id_casilla, c.ext_contigua
  FROM acta_esperada ae JOIN casilla c ON c.clave = ae.casilla
  WHERE ae.clave_acta GLOB '*-[2-9]' ORDER BY ae.clave_acta`;

/** Rows of PARTES_SQL → the catalogue's `partes` (unparsed: the caller parses the whole catalogue at its edge). */
export function partesDeFilas(filas: readonly Record<string, unknown>[]): Record<string, unknown>[] {
  return filas.map((f) => ({
    seccion: f.seccion,
    tipo: f.tipo,
    id: f.id_casilla,
    extContigua: f.ext_contigua,
    eleccion: f.eleccion,
    parte: parteDeClave(String(f.clave_acta)).parte,
    distrito: f.distrito,
    municipio: f.municipio,
    ...(f.lista_nominal === null || f.lista_nominal === undefined ? {} : { listaNominal: f.lista_nominal }),
  }));
}
