/**
 * The corte's CDF export (cdf.ts) against NIST's published JSON schema (data/nist/, draft-04) and against what
 * the schema cannot see (cdf-integridad.ts): references resolve, counts add up to the summaries the same corte
 * published in its shards. On the fixture election and on generated nights; and each check shown to fail.
 */
import Ajv from 'ajv-draft-04';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { catalogoEjemplo, FIXTURE_APERTURA_MS, fixtureActas } from '../../../test/ejemplos/eleccion.ts';
import { arbActasNoche, arbCatalogoNoche, conSeccionPartida, INSTANTE_CORTE, modeloNoche } from '../../../test/ejemplos/noche-generada.ts';
import { publicarEnMemoria } from '../../../test/ejemplos/publicacion-memoria.ts';
import { RUTA_LATEST_RAIZ, rutaCdf, rutaManifiesto, shardIds, type Entorno, type Manifiesto, type Puntero, type Resultados } from '../contrato/index.ts';
import { desdeUtf8, sha256Hex, utf8 } from '../corte/bytes.ts';
import { prepararCorte, type CortePublicable } from '../corte/corte.ts';
import { EstadoCorte } from '../corte/estado.ts';
import { construirModelo, type CorteModelo } from '../corte/modelo.ts';
import { verificarCorte } from '../corte/verificar.ts';
import { territoriosDecididos } from './cdf-contiendas.ts';
import { idCdf } from './cdf-ids.ts';
import { problemasCdf } from './cdf-integridad.ts';
import type { ReporteCdf } from './cdf-tipos.ts';

const esquema = JSON.parse(readFileSync(new URL('../../../data/nist/NIST_V2_election_results_reporting.json', import.meta.url), 'utf8')) as object;
const ajv = new Ajv({ allErrors: true, strict: false });
// NIST's own keyword (the kind an …Id names) carries no constraint a validator can check: cdf-integridad.ts does.
ajv.addKeyword({ keyword: 'refTypes' });
ajv.addFormat('date', /^\d{4}-\d{2}-\d{2}$/);
ajv.addFormat('time', /^\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/);
ajv.addFormat('uri', /^[a-z][a-z0-9+.-]*:\S+$/i);
ajv.addFormat('date-time', /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/);
const validar = ajv.compile(esquema);

function erroresEsquema(r: unknown): string[] {
  return validar(r) ? [] : (validar.errors ?? []).slice(0, 5).map((e) => `${e.instancePath} ${e.message}`);
}

const INSTANTE = FIXTURE_APERTURA_MS + 60 * 60_000;

async function publicar(estado: EstadoCorte, instante: number, final: boolean, entorno: Entorno = 'pruebas'): Promise<CortePublicable> {
  return prepararCorte(estado, { publicacion: { entorno, construccion: null }, numero: 1, instante, secuencia: 1, final, anterior: null, cambios: [] });
}

/** The published summary of every contest: the `resultados` of its entidad or territory shard, as published. */
function resumenes(m: CorteModelo, p: CortePublicable): Map<string, Resultados> {
  const out = new Map<string, Resultados>();
  for (const em of m.elecciones) {
    const codigo = em.eleccion.codigo;
    const nivel = em.eleccion.territorio;
    for (const t of territoriosDecididos(em)) {
      const id = nivel === 'entidad' ? shardIds.entidad(codigo) : shardIds[nivel](codigo, t);
      const shard = JSON.parse(desdeUtf8(p.contenidos.get(id)!)) as { resultados: Resultados };
      out.set(idCdf.contienda(codigo, t), shard.resultados);
    }
  }
  return out;
}

function modeloFixture(): CorteModelo {
  const m = construirModelo(catalogoEjemplo);
  if (!m.ok) throw new Error(JSON.stringify(m.error));
  return m.value;
}

async function fixture(final = false, entorno: Entorno = 'pruebas') {
  const m = modeloFixture();
  const p = await publicar(EstadoCorte.completo(m, fixtureActas.map((f) => f.acta)).estado, INSTANTE, final, entorno);
  return { m, p, reporte: JSON.parse(desdeUtf8(p.cdf.contenido)) as ReporteCdf };
}

describe('CDF export of a corte (NIST SP 1500-100)', () => {
  it('the fixture corte validates against the schema and holds together', async () => {
    const { m, p, reporte } = await fixture();
    expect(erroresEsquema(reporte)).toEqual([]);
    expect(problemasCdf(reporte, resumenes(m, p))).toEqual([]);
    // Every contest where an election is decided, with votes at its own unit and at its child units.
    const contiendas = reporte.Election[0]!.Contest;
    expect(contiendas.map((c) => c['@id'])).toEqual(m.elecciones.flatMap((em) => territoriosDecididos(em).map((t) => idCdf.contienda(em.eleccion.codigo, t))));
    const gub = contiendas.find((c) => c['@id'] === idCdf.contienda('GUB', 0))!;
    expect(new Set(gub.ContestSelection[0]!.VoteCounts.map((v) => v.GpUnitId))).toEqual(
      new Set([idCdf.entidad(m.entidad.id), ...m.distritos.map((d) => idCdf.distrito(d.id)), ...m.municipios.map((x) => idCdf.municipio(x.id))]),
    );
    expect(reporte.GpUnit.some((u) => u.Type === 'precinct')).toBe(false);
  });

  it('the final corte adds the secciones: units, and votes of each sección counted in the contest’s territory', async () => {
    const { m, p, reporte } = await fixture(true);
    expect(erroresEsquema(reporte)).toEqual([]);
    expect(problemasCdf(reporte, resumenes(m, p))).toEqual([]);
    expect(reporte.Format).toBe('precinct-level');
    expect(reporte.GpUnit.filter((u) => u.Type === 'precinct')).toHaveLength(m.secciones.length);
    const ayun = reporte.Election[0]!.Contest.find((c) => c['@id'] === idCdf.contienda('AYUN', 39))!;
    const secciones = ayun.ContestSelection.map((s) => s.VoteCounts.filter((v) => v.GpUnitId.startsWith('ru-seccion-')));
    expect(secciones[0]!.map((v) => v.GpUnitId)).toEqual((m.seccionesPorMunicipio.get(39) ?? []).map(idCdf.seccion));
    // The secciones of a municipio hold all of its votes (fuera de catálogo count at entidad level only).
    const suma = secciones.flat().reduce((n, v) => n + v.Count, 0);
    const propia = ayun.ContestSelection.flatMap((s) => s.VoteCounts.filter((v) => v.GpUnitId === idCdf.municipio(39)));
    expect(suma).toBeGreaterThan(0);
    expect(suma).toBe(propia.reduce((n, v) => n + v.Count, 0));
    expect(reporte.Election[0]!.Candidate.length).toBeGreaterThan(0);
  });

  it('is a simulacro’s test report until the final corte, stamped with the corte’s local instant', async () => {
    const { reporte } = await fixture();
    expect(reporte).toMatchObject({ IsTest: true, TestType: 'simulacro', Status: 'unofficial-partial', GeneratedDate: '2024-06-02T21:00:00-06:00', Format: 'summary-contest' });
    expect(reporte.Election[0]).toMatchObject({ StartDate: '2024-06-02', EndDate: '2024-06-02' });
    const fin = (await fixture(true, 'produccion')).reporte;
    expect(fin).toMatchObject({ IsTest: false, Status: 'unofficial-complete' });
    expect(fin.TestType).toBeUndefined();
    expect(fin.Election[0]!.Contest.every((c) => c.CountStatus[0]!.Status === 'completed')).toBe(true);
  });

  it('is published per corte at its own content-addressed key, named by the manifest and the pointer', async () => {
    const { m, p } = await fixture();
    expect(p.cdf.ruta).toBe(rutaCdf(m.entidad.id, await sha256Hex(p.cdf.contenido)));
    expect(p.manifiesto.valor.cdf).toEqual({ ruta: p.cdf.ruta, sha256: p.cdf.sha256, bytes: p.cdf.contenido.length });
    expect(p.puntero.cdf).toBe(p.cdf.ruta);
    expect(JSON.parse(desdeUtf8(p.manifiesto.contenido))).toEqual(p.manifiesto.valor);
  });

  it('generated nights (split secciones, fuera de catálogo, partial coalitions) validate and hold together', async () => {
    await fc.assert(
      fc.asyncProperty(
        arbCatalogoNoche.chain(({ catalogo }) => {
          const partido = fc.tuple(fc.nat(2), fc.nat(50)).map(([e, c]) => conSeccionPartida(catalogo, e, c));
          return fc.oneof(fc.constant(catalogo), partido).chain((cat) => {
            const m = modeloNoche(cat);
            return fc.tuple(fc.constant(m), arbActasNoche(m), fc.boolean());
          });
        }),
        async ([m, actas, final]) => {
          const p = await publicar(EstadoCorte.completo(m, actas).estado, INSTANTE_CORTE, final);
          const reporte = JSON.parse(desdeUtf8(p.cdf.contenido)) as ReporteCdf;
          expect(erroresEsquema(reporte)).toEqual([]);
          expect(problemasCdf(reporte, resumenes(m, p))).toEqual([]);
        },
      ),
      { numRuns: 12 },
    );
  });
});

describe('the checks fail on a broken export', () => {
  const roto = async (romper: (r: ReporteCdf) => void) => {
    const { m, p, reporte } = await fixture();
    romper(reporte);
    return { esquema: erroresEsquema(reporte), integridad: problemasCdf(reporte, resumenes(m, p)) };
  };
  const gub = (r: ReporteCdf) => r.Election[0]!.Contest.find((c) => c['@id'] === idCdf.contienda('GUB', 0))!;

  it('the schema: a required field missing, a count that is no number, a date without its offset', async () => {
    expect((await roto((r) => delete (r as Partial<ReporteCdf>).Issuer)).esquema).not.toEqual([]);
    expect((await roto((r) => ((gub(r).ContestSelection[0]!.VoteCounts[0] as { Count: unknown }).Count = '12'))).esquema).not.toEqual([]);
    expect((await roto((r) => (r.GeneratedDate = '2024-06-02T21:00:00'))).esquema).not.toEqual([]);
    expect((await roto((r) => ((r.GpUnit[0] as { Type: string }).Type = 'estado'))).esquema).not.toEqual([]);
  });

  it('references: a missing unit, a repeated id, an id of the wrong kind', async () => {
    expect((await roto((r) => r.GpUnit.splice(1, 1))).integridad.some((x) => x.includes('no existe'))).toBe(true);
    expect((await roto((r) => r.Party.push(r.Party[0]!))).integridad.some((x) => x.startsWith('@id repetido'))).toBe(true);
    const mal = await roto((r) => (gub(r).ContestSelection[0]!.CandidateIds = [gub(r)['@id']]));
    expect(mal.integridad.some((x) => x.includes('es contienda, se esperaba candidato'))).toBe(true);
    expect(mal.esquema).toEqual([]);
  });

  it('sums: a count moved between candidaturas, nulos off by one, a contest left out', async () => {
    const movido = await roto((r) => {
      const [a, b] = gub(r).ContestSelection;
      a!.VoteCounts[0]!.Count += 1;
      b!.VoteCounts[0]!.Count -= 1;
    });
    expect(movido.integridad.some((x) => x.includes('votos por candidatura'))).toBe(true);
    expect((await roto((r) => (gub(r).OtherCounts[0]!.Overvotes += 1))).integridad.some((x) => x.includes('nulos'))).toBe(true);
    expect((await roto((r) => r.Election[0]!.Contest.shift())).integridad.some((x) => x.includes('ausente del reporte'))).toBe(true);
  });
});

describe('npm run verify checks the published CDF export', () => {
  const leer = (o: Map<string, Uint8Array>, ruta: string) => JSON.parse(desdeUtf8(o.get(ruta)!)) as unknown;

  /** Changes the newest corte's CDF export and redoes every hash above it (manifest, pointer): a forgery. */
  async function falsificar(o: Map<string, Uint8Array>, cambiar: (r: ReporteCdf) => void): Promise<Map<string, Uint8Array>> {
    const x = new Map(o);
    const p = leer(x, RUTA_LATEST_RAIZ) as Puntero;
    const man = leer(x, p.manifiesto.ruta) as Manifiesto;
    const r = leer(x, man.cdf!.ruta) as ReporteCdf;
    cambiar(r);
    const bytes = utf8(JSON.stringify(r));
    const sha = await sha256Hex(bytes);
    x.set(rutaCdf(14, sha), bytes);
    const nuevo = utf8(JSON.stringify({ ...man, cdf: { ruta: rutaCdf(14, sha), sha256: sha, bytes: bytes.length } }));
    const shaMan = await sha256Hex(nuevo);
    x.set(rutaManifiesto(14, shaMan), nuevo);
    x.set(RUTA_LATEST_RAIZ, utf8(JSON.stringify({ ...p, manifiesto: { ruta: rutaManifiesto(14, shaMan), sha256: shaMan }, cdf: rutaCdf(14, sha) })));
    return x;
  }

  it('passes on the published export and fails, naming it, on a forged count whose hashes were redone', async () => {
    const o = await publicarEnMemoria(modeloFixture(), [{ actas: fixtureActas.map((f) => f.acta), instante: INSTANTE }]);
    const fuente = (x: Map<string, Uint8Array>) => ({ leer: async (ruta: string) => x.get(ruta) ?? null });
    const bueno = await verificarCorte(fuente(o));
    expect(bueno.comprobaciones.find((c) => c.que === 'resultados NIST SP 1500-100')).toMatchObject({ ok: true });
    const malo = await verificarCorte(fuente(await falsificar(o, (r) => (r.Election[0]!.Contest[0]!.ContestSelection[0]!.VoteCounts[0]!.Count += 7))));
    expect(malo.primerFallo).toMatchObject({ que: 'resultados NIST SP 1500-100' });
    expect(malo.primerFallo!.detalle).toContain('votos por candidatura');
  });
});
