/**
 * The CDF candidates of one election: each fórmula of the catalogue's candidaturas in a territory where the
 * election is decided is two candidates, its propietaria (top of the ticket) and its suplente, both under the
 * party or coalition that nominated them.
 */
import type { Catalogo } from '../catalogo/esquema.ts';
import { idCdf } from './cdf-ids.ts';
import { textoEs } from './cdf-texto.ts';
import type { CandidatoCdf } from './cdf-tipos.ts';

export function candidatosCdf(cat: Catalogo, eleccion: string, territorios: ReadonlySet<number>): CandidatoCdf[] {
  const postulantes = new Set([...cat.partidos.map((p) => p.siglas), ...cat.coaliciones.map((c) => c.id)]);
  return cat.candidaturas
    .filter((c) => c.eleccion === eleccion && territorios.has(c.territorio))
    .flatMap((c) => {
      const partido = postulantes.has(c.partidoCi) ? { PartyId: idCdf.partido(c.partidoCi) } : {};
      const uno = (cargo: 'propietaria' | 'suplente', nombre: string): CandidatoCdf => ({
        '@id': idCdf.candidato(eleccion, c.territorio, c.partidoCi, cargo),
        '@type': 'ElectionResults.Candidate',
        BallotName: textoEs(nombre),
        IsTopTicket: cargo === 'propietaria',
        ...partido,
      });
      return [uno('propietaria', c.propietaria), uno('suplente', c.suplente)];
    });
}
