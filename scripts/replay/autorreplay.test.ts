// Self-replay (issue 12): our own published database, fed to from-prep and to the replay's plan, reproduces
// itself exactly. A property over generated small nights: a generated catalogue, a random set of its actas in
// every state of docs/REGLAS.md §4, and the results and candidaturas CSVs the corte's own code publishes for them.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ActaPublicada } from '../../worker/domain/acta/publicada.ts';
import type { Catalogo } from '../../worker/domain/catalogo/esquema.ts';
import type { ActaModelo, CorteModelo } from '../../worker/domain/corte/modelo.ts';
import { COLUMNAS_FIJAS } from '../../worker/domain/acta/esquema.ts';
import { ELECCIONES } from '../generador/generar.ts';
import { formatProblema } from '../../worker/domain/catalogo/archivos/problemas.ts';
import { figuras } from '../../worker/domain/conteo/figuras.ts';
import { figurasFila } from '../../worker/domain/conteo/figuras-csv.ts';
import { leerCsvResultados } from '../../worker/domain/corte/verificar-csv.ts';
import {
  arbActasNoche,
  arbCatalogoNoche,
  baseDeDatosNoche,
  catalogoNoche,
  modeloNoche,
  type ArchivoNoche,
} from '../../test/ejemplos/noche-generada.ts';
import { catalogoDesdePrep } from '../catalogo/desde-prep/derivar.ts';
import { compararEleccion, conteoDeclarado, conteoPorReglas } from './comparar.ts';
import { planearReplay, type ActaReplay, type PlanReplay } from './plan.ts';

const texto = (b: Uint8Array) => new TextDecoder('utf-8', { ignoreBOM: true }).decode(b);

/**
 * A generated night: its catalogue, the actas registered at the corte, whether the corte is final, its database.
 * A counter-example prints as its parameters, its log entries and its CSVs (not the whole model).
 */
const arbNoche = fc
  .tuple(arbCatalogoNoche, fc.boolean())
  .map(([{ parametros: p, catalogo }, final]) => ({ p, final, catalogo, modelo: modeloNoche(catalogo) }))
  .chain((n) =>
    arbActasNoche(n.modelo).map((actas) => {
      const base = baseDeDatosNoche(n.modelo, actas, n.final);
      const comoTexto = () => fc.stringify({ parametros: n.p, final: n.final, actas, base: Object.fromEntries(base.map((a) => [a.nombre, texto(a.bytes)])) });
      return { ...n, actas, base, [fc.toStringMethod]: comoTexto };
    }),
  );

const RUNS = { numRuns: 60 };

/** `eleccion|territorio` of a ballot. */
const llave = (eleccion: string, territorio: number) => `${eleccion}|${territorio}`;

/** The territories of each election where some expected acta was captured: its row shows the ballot's columns. */
function territoriosConVotos(modelo: CorteModelo, actas: readonly ActaPublicada[]): Set<string> {
  const out = new Set<string>();
  for (const a of actas) {
    const esperada = modelo.actaPorClave.get(a.clave);
    if (esperada && a.registro === 'captura') out.add(llave(esperada.eleccion.codigo, esperada.territorio));
  }
  return out;
}

/**
 * What a published database carries of a catalogue, in a comparable form. Left out, because no column of the
 * results or candidaturas CSV holds them: the `sintetico` flag; the parties' full names and colours and the
 * coalitions' names (PARTIDO_CI holds siglas and ids only); the CATDs; the elections' `orden` beyond their
 * relative order. The approved ballots per casilla especial are not carried either: the generator's 750 is
 * from-prep's default, so the value is compared. Ballots, and what follows from them (candidaturas, coalitions
 * with their parties, the parties that run), are compared in the territories with a captured acta only: see
 * `boletasSinVotos` for the others. `conIds` false: coalitions by their parties only, and no coalition
 * candidaturas (two coalitions on one ballot: see `idsDeCoalicion`).
 */
function loQueLlevaElCsv(c: Catalogo, conVotos: ReadonlySet<string>, conIds: boolean) {
  const coalicion = (x: { coalicion: string; partidos: string[] }) => (conIds ? { ...x, partidos: [...x.partidos].sort() } : { partidos: [...x.partidos].sort() });
  const boletas = c.boletas.filter((b) => conVotos.has(llave(b.eleccion, b.territorio)));
  const enBoleta = new Set(boletas.flatMap((b) => b.columnas));
  const siglas = new Set(c.partidos.map((x) => x.siglas));
  const porTexto = <T>(xs: readonly T[]) => xs.map((x) => JSON.stringify(x)).sort();
  return {
    entidad: { id: c.entidad.id, nombre: c.entidad.nombre, utcOffsetMinutes: c.entidad.utcOffsetMinutes },
    elecciones: [...c.elecciones].sort((a, b) => a.orden - b.orden).map(({ orden: _, ...e }) => e),
    distritos: porTexto(c.distritos),
    municipios: porTexto(c.municipios),
    secciones: porTexto(c.secciones),
    casillas: porTexto(c.casillas),
    // A split casilla's part 2: its row, in its own territory with its own lista nominal (noche-generada.ts).
    partes: porTexto(c.partes ?? []),
    // A ballot's own column order is not carried (rows follow the election's header): its columns as a set.
    boletas: porTexto(boletas.map((b) => ({ ...b, columnas: [...b.columnas].sort(), coaliciones: porTexto(b.coaliciones.map(coalicion)) }))),
    candidaturas: porTexto(c.candidaturas.filter((x) => conVotos.has(llave(x.eleccion, x.territorio)) && (conIds || siglas.has(x.partidoCi)))),
    // Without ids, a coalition is its party set on each ballot (above): from-prep keys coalitions by party set.
    coaliciones: conIds ? porTexto(coalicionesEn(boletas)) : [],
    partidos: porTexto(c.partidos.filter((x) => enBoleta.has(x.siglas)).map((x) => ({ siglas: x.siglas, tipo: x.tipo }))),
  };
}

/**
 * Whether from-prep can tell our coalitions apart: our candidaturas CSV names a coalition by its id (`FYC`,
 * docs/REGLAS.md §7) and nothing in the database says which parties it joins, so from-prep names the one unnamed
 * coalition of a ballot after it; with two on one ballot it cannot, and falls back to `C_<parties>` ids, leaving
 * the coalitions' candidaturas out (reported in issue 12's self-replay notes).
 */
function idsDeCoalicion(c: Catalogo): boolean {
  return c.boletas.every((b) => b.coaliciones.length <= 1);
}

/**
 * Each coalition on the ballots, with the parties it has on them: a coalition's parties that join it on no
 * ballot (a partial coalition everywhere), and a coalition on none, are invisible in the CSVs.
 */
function coalicionesEn(boletas: readonly Catalogo['boletas'][number][]): { id: string; partidos: string[] }[] {
  const partidos = new Map<string, Set<string>>();
  for (const b of boletas) for (const x of b.coaliciones) for (const p of x.partidos) partidos.set(x.coalicion, (partidos.get(x.coalicion) ?? new Set()).add(p));
  return [...partidos].map(([id, ps]) => ({ id, partidos: [...ps].sort() }));
}

/**
 * Ballots of territories without a captured acta, derived vs ours. from-prep takes them from the candidaturas
 * CSV, where our corte names a coalition by its id (docs/REGLAS.md §7: `FYC`), which says nothing of its parties:
 * a coalition's parties and combination columns are lost there (reported in issue 12's self-replay notes). What
 * holds today: a ballot without coalitions is derived exactly; one with coalitions has no column ours lacks.
 */
function boletasSinVotos(derivado: Catalogo, nuestro: Catalogo, conVotos: ReadonlySet<string>): { llave: string; exacta: boolean; columnas: string[]; nuestras: string[] }[] {
  const nuestras = new Map(nuestro.boletas.map((b) => [llave(b.eleccion, b.territorio), b]));
  return derivado.boletas
    .filter((b) => !conVotos.has(llave(b.eleccion, b.territorio)))
    .map((b) => {
      const n = nuestras.get(llave(b.eleccion, b.territorio))!;
      return { llave: llave(b.eleccion, b.territorio), exacta: n.coaliciones.length === 0, columnas: [...b.columnas].sort(), nuestras: [...n.columnas].sort() };
    });
}

/**
 * Whether the replay can send an acta's figures again: always, except a fuera de catálogo acta captured in a
 * territory whose ballot from-prep could not rebuild (taken from the candidaturas: see `boletasSinVotos`).
 */
function cifrasReproducibles(plan: PlanReplay, a: ActaPublicada): boolean {
  if (a.registro !== 'fuera_catalogo' || a.captura === null) return true;
  const em = plan.modelo.eleccionPorCodigo.get(a.identificacion.eleccion)!;
  const s = plan.modelo.seccionPorId.get(a.identificacion.seccion);
  const t = em.eleccion.territorio;
  const territorio = t === 'entidad' ? 0 : s === undefined ? undefined : t === 'distrito' ? s.distrito : s.municipio;
  const boleta = territorio === undefined ? undefined : em.boletas.get(territorio);
  const campos = Object.keys(a.captura.votos);
  return boleta !== undefined && boleta.columnas.length + 2 === campos.length && boleta.columnas.every((c) => campos.includes(c));
}

/** A results CSV's summary and data rows, each as column → cell. */
function celdas(a: ArchivoNoche): Map<string, string>[] {
  const r = leerCsvResultados(texto(a.bytes));
  if (!r.ok) throw new Error(`${a.nombre}: línea ${r.error.linea}: ${r.error.mensaje}`);
  const resumen = new Map(r.value.resumenCabecera.map((c, i) => [c, r.value.resumen[i]!]));
  return [resumen, ...r.value.filas.map((f) => new Map(r.value.cabecera.map((c, i) => [c, f.fields[i]!.value])))];
}

/** A captured acta with every field 0 (counted). */
function capturaEnCeros(a: ActaModelo): ActaPublicada {
  const identificacion = { eleccion: a.eleccion.codigo, seccion: a.casilla.seccion, tipo: a.casilla.tipo, id: a.casilla.id, extContigua: a.casilla.extContigua };
  const votos = Object.fromEntries([...a.boleta.columnas, ...COLUMNAS_FIJAS].map((c) => [c, 0]));
  const totales = { TOTAL_BOLETAS_SOBRANTES: 0, TOTAL_PERSONAS_VOTARON: 0, TOTAL_REP_PARTIDO_CI_VOTARON: 0, TOTAL_VOTOS_SACADOS: 0, TOTAL_VOTOS_ASENTADO: 0 };
  return { clave: a.clave, identificacion, registro: 'captura', motivoSinActa: null, captura: { votos, totales }, mecanismoTraslado: null, imagen: null, acopioAt: null, capturaAt: null, verificacionAt: null, cotejada: 0 };
}

function derivar(base: readonly ArchivoNoche[]): Catalogo {
  const r = catalogoDesdePrep(base);
  if (!r.ok) throw new Error(`from-prep rechazó nuestra propia base:\n${r.error.map(formatProblema).join('\n')}`);
  return r.value.catalogue;
}

function planear(base: readonly ArchivoNoche[], final: boolean): PlanReplay {
  const r = planearReplay(base, { final });
  if (!r.ok) throw new Error(`el replay rechazó nuestra propia base:\n${r.error.map(formatProblema).join('\n')}`);
  return r.value;
}

/** Our log entry for a planned acta: by CLAVE_ACTA, or a fuera de catálogo one by its identification. */
function nuestraDe(actas: readonly ActaPublicada[], a: ActaReplay): ActaPublicada | undefined {
  if (a.clave !== null) return actas.find((x) => x.clave === a.clave);
  const i = a.identificacion;
  return actas.find((x) => x.registro === 'fuera_catalogo' && JSON.stringify(x.identificacion) === JSON.stringify(i));
}

/** What the plan sends for an acta, in the log's terms: its registro, sin acta reason and figures. */
function registroDe(a: ActaReplay): Pick<ActaPublicada, 'registro' | 'motivoSinActa' | 'captura'> | null {
  const r = a.registro;
  switch (r.tipo) {
    case 'pendiente':
      return null;
    case 'captura':
      return { registro: 'captura', motivoSinActa: null, captura: r.captura };
    case 'sin_acta':
      return { registro: 'sin_acta', motivoSinActa: r.motivo, captura: null };
    case 'fuera_catalogo':
      return { registro: 'fuera_catalogo', motivoSinActa: null, captura: r.captura };
    default:
      throw new Error(`una fila de nuestra propia base quedó como ${r.tipo}: ${JSON.stringify(r)}`);
  }
}

describe('self-replay: our own published database reproduces itself (property over generated nights)', () => {
  it('from-prep derives from it the catalogue it was published from, on everything the CSVs carry', () => {
    fc.assert(
      fc.property(arbNoche, (n) => {
        const derivado = derivar(n.base);
        const conVotos = territoriosConVotos(n.modelo, n.actas);
        const conIds = idsDeCoalicion(n.catalogo);
        expect(loQueLlevaElCsv(derivado, conVotos, conIds)).toEqual(loQueLlevaElCsv(n.catalogo, conVotos, conIds));
        expect(derivado.boletas.map((b) => llave(b.eleccion, b.territorio)).sort()).toEqual(n.catalogo.boletas.map((b) => llave(b.eleccion, b.territorio)).sort());
        for (const x of boletasSinVotos(derivado, n.catalogo, conVotos)) {
          if (x.exacta) expect(x.columnas, x.llave).toEqual(x.nuestras);
          else expect(x.columnas.filter((c) => !x.nuestras.includes(c)), x.llave).toEqual([]);
        }
      }),
      RUNS,
    );
  });

  it('a corte of the same actas over the derived catalogue publishes the same results CSVs: byte for byte when every ballot is known', () => {
    let completas = 0;
    fc.assert(
      fc.property(arbNoche, (n) => {
        const otra = baseDeDatosNoche(modeloNoche(derivar(n.base)), n.actas, n.final);
        expect(otra.map((a) => a.nombre)).toEqual(n.base.map((a) => a.nombre));
        const conVotos = territoriosConVotos(n.modelo, n.actas);
        if (idsDeCoalicion(n.catalogo) && n.catalogo.boletas.every((b) => conVotos.has(llave(b.eleccion, b.territorio)))) {
          completas++;
          for (const [i, a] of otra.entries()) expect(texto(a.bytes), a.nombre).toBe(texto(n.base[i]!.bytes));
          return;
        }
        // A ballot taken from the candidaturas may lack columns (see `boletasSinVotos`), and coalitions from-prep
        // cannot name come in another order (see `idsDeCoalicion`): every cell is still the same, by column.
        for (const e of n.modelo.elecciones) {
          const nombre = `${e.eleccion.codigo}.csv`;
          const nuestras = celdas(n.base.find((a) => a.nombre === nombre)!);
          const derivadas = celdas(otra.find((a) => a.nombre === nombre)!);
          expect(derivadas.length, nombre).toBe(nuestras.length);
          derivadas.forEach((fila, i) => {
            for (const [columna, valor] of fila) expect(valor, `${nombre} fila ${i + 1} ${columna}`).toBe(nuestras[i]!.get(columna));
          });
        }
      }),
      RUNS,
    );
    // About half the nights end up byte-for-byte comparable (30 and 32 of 60 in two runs): the case
    // must not be vacuous (fewer than 3 of 60 has a probability below 1e-6).
    expect(completas).toBeGreaterThanOrEqual(3);
  });

  it('the replay plans every acta as it was registered, and REGLAS give back its CONTABILIZADA, total and observations', () => {
    fc.assert(
      fc.property(arbNoche, (n) => {
        const plan = planear(n.base, n.final);
        expect(plan.elecciones.map((e) => e.codigo)).toEqual(n.modelo.elecciones.map((e) => e.eleccion.codigo));
        let registradas = 0;
        for (const e of plan.elecciones) {
          expect(e.sinFila).toEqual([]);
          expect(e.actas.filter((a) => a.clave !== null).length).toBe(n.modelo.eleccionPorCodigo.get(e.codigo)!.actas.length);
          for (const a of e.actas) {
            const nuestra = nuestraDe(n.actas, a);
            const enviado = registroDe(a);
            if (enviado !== null) registradas++;
            const { contabilizada, totalVotosCalculado, observaciones } = a.archivoDice;
            if (nuestra && !cifrasReproducibles(plan, nuestra)) {
              // Its ballot came from the candidaturas (see `boletasSinVotos`): registered without figures.
              expect(enviado, a.etiqueta).toEqual({ registro: 'fuera_catalogo', motivoSinActa: null, captura: null });
              expect({ ...a.reglas, totalVotosCalculado: '' }, a.etiqueta).toEqual({ contabilizada, totalVotosCalculado: '', observaciones });
              continue;
            }
            expect(enviado, a.etiqueta).toEqual(nuestra ? { registro: nuestra.registro, motivoSinActa: nuestra.motivoSinActa, captura: nuestra.captura } : null);
            if (a.registro.tipo === 'sin_acta') expect(a.registro.supuesto).toBe(false);
            expect(a.reglas, a.etiqueta).toEqual({ contabilizada, totalVotosCalculado, observaciones });
          }
        }
        expect(registradas).toBe(n.actas.length);
      }),
      RUNS,
    );
  });

  it('the 13 summary figures by REGLAS over the plan, and those the rows state, are our CSV’s summary; the comparison finds no difference', () => {
    fc.assert(
      fc.property(arbNoche, (n) => {
        const plan = planear(n.base, n.final);
        for (const e of plan.elecciones) {
          const csv = texto(n.base.find((a) => a.nombre === `${e.codigo}.csv`)!.bytes);
          const resumen = csv.split('\r\n')[3]!.split(',');
          expect(figurasFila(figuras(conteoPorReglas(e), { final: n.final })), e.codigo).toEqual(resumen);
          expect(figurasFila(figuras(conteoDeclarado(e.actas), { final: n.final })), e.codigo).toEqual(resumen);
          const leido = leerCsvResultados(csv);
          if (!leido.ok) throw new Error(`nuestro CSV no se lee: ${leido.error.mensaje}`);
          const informe = compararEleccion(e, { csv: leido.value, shard: null }, { final: n.final });
          expect(informe.actas.diferencias, e.codigo).toEqual([]);
          expect(informe.resumen!.every((f) => f.juicio === 'coincide'), JSON.stringify(informe.resumen)).toBe(true);
          expect(informe.consigoMismo).toEqual({ comparable: true, diferencias: [], filasFueraDeReglas: 0 });
          expect([informe.nuestras, informe.delArchivo, informe.internas]).toEqual([0, 0, []]);
        }
      }),
      RUNS,
    );
  });

  it('derives one coalition when it joins other parties in another election (FYC: PAN+PRI and PAN+PRD)', () => {
    // Minimal counter-example the property found (from-prep refused it: «la coalición FYC está duplicada»): one
    // sección, DIP_LOC and AYUN, FYC as PAN+PRI on the diputaciones ballot and PAN+PRD on the munícipes one, one
    // acta of each election captured. The candidaturas call both party sets FYC and they share PAN: one coalition.
    const p = { entidad: 1, nombreEntidad: 'Nuevo León', utcOffsetMinutes: -300, elecciones: [ELECCIONES[1]!, ELECCIONES[2]!], distritos: 1, municipios: 1 };
    const catalogo = catalogoNoche({ ...p, coaliciones: 1, independientes: 0, semilla: 716388, casillas: { B: 1, C: 0, E: 0, S: 1 } });
    expect(catalogo.boletas.map((b) => `${b.eleccion} ${b.coaliciones.map((x) => `${x.coalicion}=${x.partidos.join('+')}`)}`)).toEqual(['DIP_LOC FYC=PAN+PRI', 'AYUN FYC=PAN+PRD']);
    const modelo = modeloNoche(catalogo);
    const actas = [...modelo.actaPorClave.values()].filter((a) => a.casilla.tipo === 'S').map((a) => capturaEnCeros(a));
    const r = catalogoDesdePrep(baseDeDatosNoche(modelo, actas, false));
    expect(r.ok ? [] : r.error.map(formatProblema)).toEqual([]);
    if (!r.ok) return;
    const derivado = r.value.catalogue;
    expect(derivado.coaliciones.map((c) => `${c.id}=${c.partidos.join('+')}`)).toEqual(['FYC=PAN+PRI+PRD']);
    expect(derivado.boletas.map((b) => `${b.eleccion} ${b.coaliciones.map((x) => `${x.coalicion}=${x.partidos.join('+')}`)}`)).toEqual(['DIP_LOC FYC=PAN+PRI', 'AYUN FYC=PAN+PRD']);
    expect(r.value.avisos.filter((a) => a.codigo === 'COALICION_UNIDA').map(formatProblema)).toHaveLength(1);
  });
});
