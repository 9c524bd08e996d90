/**
 * The candidaturas CSV of one election (docs/REGLAS.md §7): one row per party, independent or coalition per
 * territory where it runs, with its fórmula. The territory column is ID_DISTRITO_LOCAL or ID_MUNICIPIO, and
 * absent for an entidad-wide election (gubernatura). UTF-8 with BOM, CRLF. It depends on the catalogue only.
 */
import { assertNever } from '../assert.ts';
import type { Catalogo } from '../catalogo/esquema.ts';
import { writeCsv } from '../csv/escribir.ts';
import type { EleccionModelo } from './modelo.ts';

export function columnaTerritorio(em: EleccionModelo): 'ID_DISTRITO_LOCAL' | 'ID_MUNICIPIO' | null {
  switch (em.eleccion.territorio) {
    case 'entidad':
      return null;
    case 'distrito':
      return 'ID_DISTRITO_LOCAL';
    case 'municipio':
      return 'ID_MUNICIPIO';
    default:
      return assertNever(em.eleccion.territorio, 'territorio de elección');
  }
}

export function cabeceraCandidaturas(em: EleccionModelo): string[] {
  const t = columnaTerritorio(em);
  return ['ID_ENTIDAD', ...(t ? [t] : []), 'PARTIDO_CI', 'CANDIDATURA_PROPIETARIA', 'CANDIDATURA_SUPLENTE'];
}

export function csvCandidaturas(cat: Catalogo, em: EleccionModelo): string {
  const conTerritorio = columnaTerritorio(em) !== null;
  const posicion = new Map(em.candidaturas.map((c, i) => [c, i]));
  const pos = (c: string) => posicion.get(c) ?? em.candidaturas.length;
  const filas = cat.candidaturas
    .filter((c) => c.eleccion === em.eleccion.codigo)
    .sort((a, b) => a.territorio - b.territorio || pos(a.partidoCi) - pos(b.partidoCi) || (a.partidoCi < b.partidoCi ? -1 : 1))
    .map((c) => [String(cat.entidad.id), ...(conTerritorio ? [String(c.territorio)] : []), c.partidoCi, c.propietaria, c.suplente]);
  return writeCsv([cabeceraCandidaturas(em), ...filas], { bom: true, eol: '\r\n' });
}
