/**
 * A corte's results in the NIST SP 1500-100 Election Results Reporting Common Data Format, version 2 (JSON;
 * schema in data/nist/): one ElectionReport with the entidad's territories as GpUnits, its parties, independents
 * and coalitions, and one Election holding every contest of the night (see cdf-contiendas.ts). Pure: built from
 * the corte's state with the same arithmetic as its shards, so its counts are the published summary's. The
 * mapping of PREP concepts onto CDF fields is in docs/CORTES.md.
 */
import { leyendaDe, type Entorno } from '../contrato/index.ts';
import type { EstadoCorte } from '../corte/estado.ts';
import type { CorteModelo } from '../corte/modelo.ts';
import { idCdf } from './cdf-ids.ts';
import { candidatosCdf } from './cdf-candidatos.ts';
import { contiendasCdf, territoriosDecididos } from './cdf-contiendas.ts';
import { partidosCdf } from './cdf-partidos.ts';
import { textoEs } from './cdf-texto.ts';
import type { ContiendaCdf, ReporteCdf } from './cdf-tipos.ts';
import { unidadesCdf } from './cdf-unidades.ts';
import { fechaHoraIso, fechaIso } from './fecha-iso.ts';

export interface DatosCdf {
  instante: number;
  final: boolean;
  entorno: Entorno;
  /** Sección-level GpUnits and votes (`precinct-level`); without them, entidad, distritos and municipios only. */
  conSecciones: boolean;
}

/**
 * Election day, as a local date: the PREP opens on it between 18:00 and 20:00 and publishes for at most 24 h
 * (docs/REGLAS.md §6), so 20 h before a corte of the default window (20:00 + 24 h) is always on it.
 */
const ANTES_DE_LA_JORNADA_MS = 20 * 3_600_000;

export function reporteCdf(estado: EstadoCorte, d: DatosCdf): ReporteCdf {
  const m = estado.modelo;
  const off = m.entidad.utcOffsetMinutes;
  const contiendas: ContiendaCdf[] = [];
  for (const em of m.elecciones) contiendas.push(...contiendasCdf(estado, em, { final: d.final, conSecciones: d.conSecciones, orden: contiendas.length + 1 }));
  const candidatos = m.elecciones.flatMap((em) => candidatosCdf(m.catalogo, em.eleccion.codigo, new Set(territoriosDecididos(em))));
  const jornada = fechaIso(d.instante - ANTES_DE_LA_JORNADA_MS, off);
  const leyenda = leyendaDe(d.entorno);
  return {
    '@type': 'ElectionResults.ElectionReport',
    Format: d.conSecciones ? 'precinct-level' : 'summary-contest',
    GeneratedDate: fechaHoraIso(d.instante, off),
    Issuer: `Programa de Resultados Electorales Preliminares (PREP), ${m.entidad.nombre}`,
    IssuerAbbreviation: 'PREP',
    VendorApplicationId: 'prep-edge',
    SequenceStart: 1,
    SequenceEnd: 1,
    // PREP results are preliminary by law: never certified, complete only at the final corte.
    Status: d.final ? 'unofficial-complete' : 'unofficial-partial',
    IsTest: d.entorno === 'pruebas',
    ...(leyenda !== null ? { TestType: 'simulacro' } : {}),
    Notes: [
      leyenda,
      m.entidad.sintetico ? 'Catálogo sintético: casillas y cifras generadas.' : null,
      'VoteCounts por candidatura (coalición con sus combinaciones); candidatos no registrados en la selección IsWriteIn; votos nulos en OtherCounts.Overvotes; SubUnitsReported / TotalSubUnits: actas contabilizadas / esperadas. Las actas fuera de catálogo cuentan solo en la entidad.',
    ]
      .filter((x) => x !== null)
      .join(' '),
    GpUnit: unidadesCdf(m, d.conSecciones),
    Party: partidosCdf(m.catalogo, (coalicion) => contiendasDeCoalicion(m).get(coalicion) ?? []),
    Election: [
      {
        '@type': 'ElectionResults.Election',
        ElectionScopeId: idCdf.entidad(m.entidad.id),
        Name: textoEs(`Proceso electoral local ${jornada.slice(0, 4)}, ${m.entidad.nombre}`),
        Type: 'general',
        StartDate: jornada,
        EndDate: jornada,
        Candidate: candidatos,
        Contest: contiendas,
      },
    ],
  };
}

/** The contests whose ballot names each coalition (a coalition may run in some territories only). */
function contiendasDeCoalicion(m: CorteModelo): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const em of m.elecciones) {
    for (const t of territoriosDecididos(em)) {
      for (const c of em.boletas.get(t)!.coaliciones) {
        const xs = out.get(c.coalicion) ?? [];
        xs.push(idCdf.contienda(em.eleccion.codigo, t));
        out.set(c.coalicion, xs);
      }
    }
  }
  return out;
}
