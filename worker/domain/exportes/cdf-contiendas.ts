/**
 * The CDF contests of one election: one CandidateContest per territory where it is decided (the gubernatura
 * over the entidad, a diputación per distrito, an ayuntamiento per municipio: each territory with a ballot),
 * one CandidateSelection per candidatura on that ballot (a coalition with the parties that form it there) and
 * one write-in selection for candidatos no registrados, each with its votes at every unit of
 * `unidadesDeContienda`; votos nulos in OtherCounts.Overvotes, the nearest place the schema has for them.
 */
import type { Boleta, Catalogo } from '../catalogo/esquema.ts';
import { candidaturaDeColumna } from '../conteo/candidaturas.ts';
import type { EstadoCorte } from '../corte/estado.ts';
import type { EleccionModelo } from '../corte/modelo.ts';
import { idCdf } from './cdf-ids.ts';
import type { ConteoVotosCdf, ContiendaCdf, SeleccionCdf } from './cdf-tipos.ts';
import { unidadesDeContienda, type UnidadContienda } from './cdf-unidades-contienda.ts';

export interface OpcionesContiendas {
  final: boolean;
  conSecciones: boolean;
  /** First SequenceOrder of this election's contests (contests are numbered across the report). */
  orden: number;
}

/** The territories where an election is decided: those with a ballot of it (0 for the entidad). */
export function territoriosDecididos(em: EleccionModelo): number[] {
  return [...em.boletas.keys()].sort((a, b) => a - b);
}

export function contiendasCdf(estado: EstadoCorte, em: EleccionModelo, o: OpcionesContiendas): ContiendaCdf[] {
  return territoriosDecididos(em).map((t, i) => contienda(estado, em, t, o.orden + i, o));
}

function contienda(estado: EstadoCorte, em: EleccionModelo, territorio: number, orden: number, o: OpcionesContiendas): ContiendaCdf {
  const codigo = em.eleccion.codigo;
  const unidades = unidadesDeContienda(estado, em, territorio, o.final, o.conSecciones);
  const propia = unidades[0]!;
  const boleta = em.boletas.get(territorio)!;
  const selecciones = candidaturasDeContienda(em, boleta, propia).map((c, i) => seleccion(estado.modelo.catalogo, em, territorio, boleta, c, i + 1, unidades));
  const noRegistradas: SeleccionCdf = {
    '@id': idCdf.noRegistradas(codigo, territorio),
    '@type': 'ElectionResults.CandidateSelection',
    SequenceOrder: selecciones.length + 1,
    IsWriteIn: true,
    VoteCounts: unidades.map((u) => conteoVotos(u.gpUnitId, u.resultados.votos.NO_REGISTRADAS)),
  };
  const f = propia.resultados.figuras;
  return {
    '@id': idCdf.contienda(codigo, territorio),
    '@type': 'ElectionResults.CandidateContest',
    Name: nombreContienda(estado, em, territorio),
    Abbreviation: `${codigo}-${territorio}`,
    ElectionDistrictId: propia.gpUnitId,
    VotesAllowed: 1,
    NumberElected: 1,
    SequenceOrder: orden,
    SubUnitsReported: f.ACTAS_CONTABILIZADAS,
    TotalSubUnits: f.ACTAS_ESPERADAS,
    CountStatus: [{ '@type': 'ElectionResults.CountStatus', Type: 'total', Status: o.final ? 'completed' : 'in-process' }],
    ContestSelection: [...selecciones, noRegistradas],
    OtherCounts: unidades.map((u) => ({ '@type': 'ElectionResults.OtherCounts', GpUnitId: u.gpUnitId, Overvotes: u.resultados.votos.NULOS ?? 0 })),
  };
}

/**
 * The candidaturas of the ballot (the election's display order), then any other with votes at the contest's unit
 * (a column the catalogue left off the ballot counts as its own candidatura): no vote is left out of the report.
 */
function candidaturasDeContienda(em: EleccionModelo, boleta: Boleta, propia: UnidadContienda): string[] {
  const enBoleta = new Set(candidaturaDeColumna(boleta).values());
  const lista = em.candidaturas.filter((c) => enBoleta.has(c));
  const otras = Object.keys(propia.resultados.candidaturas).filter((c) => !enBoleta.has(c));
  return [...lista, ...otras];
}

function seleccion(cat: Catalogo, em: EleccionModelo, territorio: number, boleta: Boleta, candidatura: string, orden: number, unidades: readonly UnidadContienda[]): SeleccionCdf {
  const codigo = em.eleccion.codigo;
  const formula = cat.candidaturas.some((c) => c.eleccion === codigo && c.territorio === territorio && c.partidoCi === candidatura);
  const coalicion = boleta.coaliciones.find((c) => c.coalicion === candidatura);
  const esPartido = cat.partidos.some((p) => p.siglas === candidatura);
  const postulantes = coalicion ? coalicion.partidos : esPartido ? [candidatura] : [];
  return {
    '@id': idCdf.seleccion(codigo, territorio, candidatura),
    '@type': 'ElectionResults.CandidateSelection',
    SequenceOrder: orden,
    ...(formula ? { CandidateIds: [idCdf.candidato(codigo, territorio, candidatura, 'propietaria'), idCdf.candidato(codigo, territorio, candidatura, 'suplente')] } : {}),
    ...(postulantes.length > 0 ? { EndorsementPartyIds: postulantes.map(idCdf.partido) } : {}),
    VoteCounts: unidades.map((u) => conteoVotos(u.gpUnitId, u.resultados.candidaturas[candidatura])),
  };
}

const conteoVotos = (gpUnitId: string, n: number | undefined): ConteoVotosCdf => ({ '@type': 'ElectionResults.VoteCounts', GpUnitId: gpUnitId, Type: 'total', Count: n ?? 0 });

function nombreContienda(estado: EstadoCorte, em: EleccionModelo, territorio: number): string {
  const m = estado.modelo;
  const e = em.eleccion;
  if (e.territorio === 'distrito') return `${e.nombre}, Distrito ${territorio} (${m.distritoPorId.get(territorio)?.cabecera ?? ''})`;
  if (e.territorio === 'municipio') return `${e.nombre}, ${m.municipioPorId.get(territorio)?.nombre ?? ''}`;
  return `${e.nombre}, ${m.entidad.nombre}`;
}
