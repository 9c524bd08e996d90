/**
 * The CDF parties of a corte: every party and independent column of the catalogue (an independent as a party
 * that is not recognized, so its name and colour travel with its votes), then every coalition with its parties
 * and the contests where it runs.
 */
import type { Catalogo } from '../catalogo/esquema.ts';
import { idCdf } from './cdf-ids.ts';
import { textoEs } from './cdf-texto.ts';
import type { CoalicionCdf, PartidoCdf } from './cdf-tipos.ts';

/** `contiendasDe`: the contest ids whose ballot names the coalition. */
export function partidosCdf(cat: Catalogo, contiendasDe: (coalicion: string) => string[]): (PartidoCdf | CoalicionCdf)[] {
  const partidos = [...cat.partidos]
    .sort((a, b) => a.orden - b.orden)
    .map(
      (p): PartidoCdf => ({
        '@id': idCdf.partido(p.siglas),
        '@type': 'ElectionResults.Party',
        Name: textoEs(p.nombre),
        Abbreviation: textoEs(p.siglas),
        // NIST's HtmlColorString: six lower-case hex digits, no `#`.
        Color: p.color.slice(1).toLowerCase(),
        IsRecognizedParty: p.tipo === 'partido',
      }),
    );
  const coaliciones = cat.coaliciones.map(
    (c): CoalicionCdf => ({
      '@id': idCdf.partido(c.id),
      '@type': 'ElectionResults.Coalition',
      Name: textoEs(c.nombre),
      PartyIds: c.partidos.map(idCdf.partido),
      ContestIds: contiendasDe(c.id),
    }),
  );
  return [...partidos, ...coaliciones];
}
