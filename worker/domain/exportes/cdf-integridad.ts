/**
 * What the NIST schema cannot check of a CDF export (cdf.ts): every `@id` is unique, every reference (`…Id`,
 * `…Ids`) names exactly one object of a kind it may name, and each contest's counts at its own unit are the
 * published summary's (the `resultados` of its entidad or territory shard): the write-in selection has the
 * NO_REGISTRADAS votes, OtherCounts.Overvotes the NULOS, the other selections the votes per candidatura, and all of
 * them the summary's total. Returns the problems found, in Spanish; empty when the export holds together.
 */
import type { Resultados } from '../contrato/index.ts';
import type { ContiendaCdf, ReporteCdf } from './cdf-tipos.ts';

type Clase = 'unidad' | 'partido' | 'candidato' | 'contienda' | 'seleccion';

export function problemasCdf(r: ReporteCdf, resumenes: ReadonlyMap<string, Resultados>): string[] {
  const problemas: string[] = [];
  const clases = indiceIds(r, problemas);
  const ref = (id: string | undefined, admitidas: readonly Clase[], donde: string) => {
    if (id === undefined) return;
    const c = clases.get(id);
    if (c === undefined) problemas.push(`${donde}: ${id} no existe`);
    else if (!admitidas.includes(c)) problemas.push(`${donde}: ${id} es ${c}, se esperaba ${admitidas.join(' o ')}`);
  };
  for (const u of r.GpUnit) for (const x of u.ComposingGpUnitIds ?? []) ref(x, ['unidad'], `${u['@id']}.ComposingGpUnitIds`);
  for (const p of r.Party) {
    if (!('PartyIds' in p)) continue;
    for (const x of p.PartyIds) ref(x, ['partido'], `${p['@id']}.PartyIds`);
    for (const x of p.ContestIds) ref(x, ['contienda'], `${p['@id']}.ContestIds`);
  }
  for (const e of r.Election) {
    ref(e.ElectionScopeId, ['unidad'], 'Election.ElectionScopeId');
    for (const c of e.Candidate) ref(c.PartyId, ['partido'], `${c['@id']}.PartyId`);
    for (const c of e.Contest) {
      ref(c.ElectionDistrictId, ['unidad'], `${c['@id']}.ElectionDistrictId`);
      for (const o of c.OtherCounts) ref(o.GpUnitId, ['unidad'], `${c['@id']}.OtherCounts`);
      for (const s of c.ContestSelection) {
        for (const x of s.CandidateIds ?? []) ref(x, ['candidato'], `${s['@id']}.CandidateIds`);
        for (const x of s.EndorsementPartyIds ?? []) ref(x, ['partido'], `${s['@id']}.EndorsementPartyIds`);
        for (const v of s.VoteCounts) ref(v.GpUnitId, ['unidad'], `${s['@id']}.VoteCounts`);
      }
      problemas.push(...sumas(c, resumenes.get(c['@id'])));
    }
  }
  const contiendas = new Set(r.Election.flatMap((e) => e.Contest.map((c) => c['@id'])));
  for (const id of resumenes.keys()) if (!contiendas.has(id)) problemas.push(`${id}: publicada en el resumen, ausente del reporte`);
  return problemas;
}

/** Every `@id` and its kind; a repeated one is a problem (a reference to it would not name exactly one object). */
function indiceIds(r: ReporteCdf, problemas: string[]): Map<string, Clase> {
  const clases = new Map<string, Clase>();
  const alta = (id: string, c: Clase) => {
    if (clases.has(id)) problemas.push(`@id repetido: ${id}`);
    clases.set(id, c);
  };
  for (const u of r.GpUnit) alta(u['@id'], 'unidad');
  for (const p of r.Party) alta(p['@id'], 'partido');
  for (const e of r.Election) {
    for (const c of e.Candidate) alta(c['@id'], 'candidato');
    for (const c of e.Contest) {
      alta(c['@id'], 'contienda');
      for (const s of c.ContestSelection) alta(s['@id'], 'seleccion');
    }
  }
  return clases;
}

/** A contest's counts at its own unit against its published summary. */
function sumas(c: ContiendaCdf, resumen: Resultados | undefined): string[] {
  const id = c['@id'];
  if (resumen === undefined) return [`${id}: sin resumen publicado`];
  const unidad = c.ElectionDistrictId;
  const problemas: string[] = [];
  const enUnidad = <T extends { GpUnitId: string }>(xs: readonly T[]) => xs.filter((x) => x.GpUnitId === unidad);
  const unico = <T>(xs: readonly T[], que: string): T | undefined => {
    if (xs.length !== 1) problemas.push(`${id}: ${xs.length} ${que} en ${unidad}, se esperaba 1`);
    return xs[0];
  };
  const votos = (s: ContiendaCdf['ContestSelection'][number]) => unico(enUnidad(s.VoteCounts), `VoteCounts de ${s['@id']}`)?.Count ?? 0;
  const escritas = c.ContestSelection.filter((s) => s.IsWriteIn === true);
  const candidaturas = c.ContestSelection.filter((s) => s.IsWriteIn !== true).map(votos);
  const noRegistradas = escritas.reduce((n, s) => n + votos(s), 0);
  const nulos = unico(enUnidad(c.OtherCounts), 'OtherCounts')?.Overvotes ?? 0;
  const esperadas = Object.values(resumen.candidaturas);
  if (noRegistradas !== (resumen.votos.NO_REGISTRADAS ?? 0)) problemas.push(`${id}: no registradas ${noRegistradas}, resumen ${resumen.votos.NO_REGISTRADAS ?? 0}`);
  if (nulos !== (resumen.votos.NULOS ?? 0)) problemas.push(`${id}: nulos ${nulos}, resumen ${resumen.votos.NULOS ?? 0}`);
  // Compared as multisets of non-zero counts: the check does not trust the selection ids it is checking.
  const a = candidaturas.filter((n) => n > 0).sort((x, y) => x - y);
  const b = esperadas.filter((n) => n > 0).sort((x, y) => x - y);
  if (a.join(',') !== b.join(',')) problemas.push(`${id}: votos por candidatura [${a}], resumen [${b}]`);
  const total = candidaturas.reduce((s, n) => s + n, 0) + noRegistradas + nulos;
  const totalResumen = Object.values(resumen.votos).reduce((s, n) => s + n, 0);
  if (total !== totalResumen) problemas.push(`${id}: total ${total}, resumen ${totalResumen}`);
  return problemas;
}
