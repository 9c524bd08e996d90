/**
 * The part of the NIST SP 1500-100 Election Results Reporting Common Data Format (version 2, JSON) that the corte
 * export writes (cdf.ts). Field names and `@type` values are NIST's (data/nist/NIST_V2_election_results_reporting.json);
 * only the fields this export fills are declared.
 */

export interface TextoInternacional {
  '@type': 'ElectionResults.InternationalizedText';
  Text: { '@type': 'ElectionResults.LanguageString'; Content: string; Language: string }[];
}

export type TipoUnidad = 'state' | 'state-house' | 'municipality' | 'precinct';

export interface UnidadCdf {
  '@id': string;
  '@type': 'ElectionResults.ReportingUnit';
  Type: TipoUnidad;
  Name: TextoInternacional;
  Number?: string;
  ComposingGpUnitIds?: string[];
}

export interface PartidoCdf {
  '@id': string;
  '@type': 'ElectionResults.Party';
  Name: TextoInternacional;
  Abbreviation: TextoInternacional;
  Color: string;
  /** False for an independent candidatura's column (the catalogue lists it among the parties). */
  IsRecognizedParty: boolean;
}

export interface CoalicionCdf {
  '@id': string;
  '@type': 'ElectionResults.Coalition';
  Name: TextoInternacional;
  PartyIds: string[];
  ContestIds: string[];
}

export interface CandidatoCdf {
  '@id': string;
  '@type': 'ElectionResults.Candidate';
  BallotName: TextoInternacional;
  /** The propietaria is the top of the fórmula's ticket; the suplente is not. */
  IsTopTicket: boolean;
  PartyId?: string;
}

export interface ConteoVotosCdf {
  '@type': 'ElectionResults.VoteCounts';
  GpUnitId: string;
  Type: 'total';
  Count: number;
}

export interface SeleccionCdf {
  '@id': string;
  '@type': 'ElectionResults.CandidateSelection';
  SequenceOrder: number;
  CandidateIds?: string[];
  EndorsementPartyIds?: string[];
  /** Candidatos no registrados: the write-in line of the acta. */
  IsWriteIn?: true;
  VoteCounts: ConteoVotosCdf[];
}

export interface OtrosConteosCdf {
  '@type': 'ElectionResults.OtherCounts';
  GpUnitId: string;
  /** Votos nulos (see cdf.ts for why this field). */
  Overvotes: number;
}

export interface ContiendaCdf {
  '@id': string;
  '@type': 'ElectionResults.CandidateContest';
  Name: string;
  Abbreviation: string;
  ElectionDistrictId: string;
  VotesAllowed: 1;
  NumberElected: 1;
  SequenceOrder: number;
  /** Actas counted (contabilizadas) of the contest, and expected. */
  SubUnitsReported: number;
  TotalSubUnits: number;
  CountStatus: { '@type': 'ElectionResults.CountStatus'; Type: 'total'; Status: 'completed' | 'in-process' }[];
  ContestSelection: SeleccionCdf[];
  OtherCounts: OtrosConteosCdf[];
}

export interface EleccionCdf {
  '@type': 'ElectionResults.Election';
  ElectionScopeId: string;
  Name: TextoInternacional;
  Type: 'general';
  StartDate: string;
  EndDate: string;
  Candidate: CandidatoCdf[];
  Contest: ContiendaCdf[];
}

export interface ReporteCdf {
  '@type': 'ElectionResults.ElectionReport';
  Format: 'precinct-level' | 'summary-contest';
  GeneratedDate: string;
  Issuer: string;
  IssuerAbbreviation: string;
  VendorApplicationId: string;
  SequenceStart: 1;
  SequenceEnd: 1;
  Status: 'unofficial-partial' | 'unofficial-complete';
  IsTest: boolean;
  TestType?: string;
  Notes: string;
  GpUnit: UnidadCdf[];
  Party: (PartidoCdf | CoalicionCdf)[];
  Election: EleccionCdf[];
}
