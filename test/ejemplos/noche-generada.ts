/**
 * Small generated nights for the self-replay property (scripts/replay/autorreplay.test.ts): a catalogue from the
 * deterministic generator with a few distritos, municipios and secciones, a random set of its actas registered
 * in every state REGLAS §4 knows (captured and counted, excede lista nominal, Ilegible / Sin dato fields, todos
 * ilegibles / vacíos, sin acta, fuera de catálogo; the rest not registered), and the open-data database a corte
 * publishes for it, built by the corte's own code in memory. Test support only.
 */
import fc from 'fast-check';
import { COLUMNAS_FIJAS, ILEGIBLE, SIN_DATO, type Captura, type Valor } from '../../worker/domain/acta/esquema.ts';
import type { ActaPublicada } from '../../worker/domain/acta/publicada.ts';
import type { Boleta, Catalogo, Distrito, Eleccion } from '../../worker/domain/catalogo/esquema.ts';
import { archivosAbiertos } from '../../worker/domain/corte/corte.ts';
import { EstadoCorte } from '../../worker/domain/corte/estado.ts';
import { construirModelo, type ActaModelo, type CorteModelo, type EleccionModelo } from '../../worker/domain/corte/modelo.ts';
import { ELECCIONES, generarEntidad, type DatosMunicipio, type ParametrosEntidad } from '../../scripts/generador/generar.ts';
import partidosJson from '../../data/jalisco/partidos.json' with { type: 'json' };

/** Names with what a CSV must quote or encode: accents, ñ, commas, quotes. */
const NOMBRES_ENTIDAD = ['Nuevo León', 'Michoacán de Ocampo', 'Querétaro', 'Coahuila de Zaragoza'];
const NOMBRES_MUNICIPIO = ['San Pedro Tlaquepaque', 'Peñamiller', 'Dolores Hidalgo, Cuna de la Independencia', 'Ángel R. Cabada', 'El "Salto"', 'Zapotlán el Grande'];

export interface ParametrosNoche {
  entidad: number;
  nombreEntidad: string;
  utcOffsetMinutes: number;
  /** Which of GUB, DIP_LOC, AYUN (at least one). */
  elecciones: readonly Eleccion[];
  distritos: number;
  municipios: number;
  casillas: ParametrosEntidad['casillas'];
  /** 0, 1 (FYC) or 2 (FYC and SHH), each full, partial or absent by territory. */
  coaliciones: 0 | 1 | 2;
  independientes: number;
  semilla: number;
}

export const arbParametrosNoche: fc.Arbitrary<ParametrosNoche> = fc
  .record({
    entidad: fc.integer({ min: 1, max: 32 }),
    nombreEntidad: fc.constantFrom(...NOMBRES_ENTIDAD),
    utcOffsetMinutes: fc.constantFrom(-300, -360, -420, -480),
    elecciones: fc.subarray([...ELECCIONES], { minLength: 1 }),
    distritos: fc.integer({ min: 1, max: 3 }),
    municipios: fc.integer({ min: 1, max: 4 }),
    basicasExtra: fc.integer({ min: 0, max: 4 }),
    C: fc.integer({ min: 0, max: 6 }),
    E: fc.integer({ min: 0, max: 2 }),
    S: fc.integer({ min: 0, max: 2 }),
    coaliciones: fc.constantFrom(0 as const, 1 as const, 2 as const),
    independientes: fc.integer({ min: 0, max: 1 }),
    semilla: fc.integer({ min: 1, max: 1_000_000 }),
  })
    .map(({ basicasExtra, C, E, S, ...p }) => {
    const B = Math.max(p.distritos, p.municipios) + basicasExtra;
    // The generator places one group of extraordinarias per sección, never in every one of them.
    return { ...p, casillas: { B, C, E: Math.min(E, B - 1), S } };
  });

/** Municipios laid over the distritos in turn; with fewer municipios than distritos the last one spans the rest. */
function geografia(p: ParametrosNoche): { distritos: Distrito[]; municipios: DatosMunicipio[] } {
  const municipios = Array.from({ length: p.municipios }, (_, i): DatosMunicipio => {
    const propios = Array.from({ length: p.distritos }, (_, d) => d + 1).filter((d) => (d - 1) % p.municipios === i || (i === p.municipios - 1 && d > p.municipios));
    const distritos = (propios.length > 0 ? propios : [(i % p.distritos) + 1]).map((d, _, xs) => ({ distrito: d, share: 1 / xs.length }));
    return { id: i + 1, nombre: NOMBRES_MUNICIPIO[i % NOMBRES_MUNICIPIO.length]!, pob: 200_000 / (i + 1), distritos };
  });
  const distritos = Array.from({ length: p.distritos }, (_, d) => ({ id: d + 1, cabecera: municipios.find((m) => m.distritos.some((x) => x.distrito === d + 1))!.nombre }));
  return { distritos, municipios };
}

/** The generated catalogue of a small night. */
export function catalogoNoche(p: ParametrosNoche): Catalogo {
  const geo = geografia(p);
  const partidos = partidosJson.filter((x) => x.orden <= 7).map((x) => ({ ...x, tipo: 'partido' as const }));
  const casillas = p.casillas.B + p.casillas.C + p.casillas.E;
  return generarEntidad(
    {
      entidad: { id: p.entidad, nombre: p.nombreEntidad, utcOffsetMinutes: p.utcOffsetMinutes, sintetico: true },
      elecciones: p.elecciones,
      partidos,
      coaliciones: [
        { coalicion: { id: 'FYC', nombre: 'Fuerza y Corazón', partidos: ['PAN', 'PRI', 'PRD'] }, pParcial: 0.3, pAusente: 0.2, ausenteEnMunicipios: 0, ancla: 'PAN' },
        { coalicion: { id: 'SHH', nombre: 'Sigamos Haciendo Historia', partidos: ['PVEM', 'PT', 'MORENA'] }, pParcial: 0.3, pAusente: 0.1, ausenteEnMunicipios: 0, ancla: 'MORENA' },
      ].slice(0, p.coaliciones),
      distritos: geo.distritos,
      municipios: geo.municipios,
      casillas: p.casillas,
      listaNominal: casillas * 200,
      independientes: p.independientes,
    },
    p.semilla,
  );
}

/**
 * The catalogue with one casilla split between two territories of an election (a part 2, catalogue `partes`), when
 * `eleccion` (an index) names a distrito or municipio election with two territories or more; otherwise as it is.
 * The part counts in the next territory of that kind, with a lista nominal of its own, and at the other level
 * stays where its sección is (as from-prep reads a split sección back: docs/catalogo.md).
 */
export function conSeccionPartida(cat: Catalogo, eleccion: number, casilla: number): Catalogo {
  const e = cat.elecciones[eleccion % cat.elecciones.length]!;
  const ids = e.territorio === 'distrito' ? cat.distritos.map((d) => d.id) : cat.municipios.map((m) => m.id);
  const candidatas = cat.casillas.filter((c) => c.tipo !== 'S' && c.tipo !== 'M');
  if (e.territorio === 'entidad' || ids.length < 2 || candidatas.length === 0) return cat;
  const c = candidatas[casilla % candidatas.length]!;
  const s = cat.secciones.find((x) => x.id === c.seccion)!;
  const propio = e.territorio === 'distrito' ? s.distrito : s.municipio;
  const otro = ids[(ids.indexOf(propio) + 1) % ids.length]!;
  const territorio = e.territorio === 'distrito' ? { distrito: otro, municipio: s.municipio } : { distrito: s.distrito, municipio: otro };
  const { seccion, tipo, id, extContigua } = c;
  return { ...cat, partes: [{ seccion, tipo, id, extContigua, eleccion: e.codigo, parte: 2, ...territorio, listaNominal: 1 + (casilla % 40) }] };
}

/**
 * Parameters with their catalogue, about one in three with a split sección. The generator refuses a few small
 * combinations (a municipio whose lista nominal leaves no room for the extraordinarias asked for): those are drawn
 * again.
 */
export const arbCatalogoNoche: fc.Arbitrary<{ parametros: ParametrosNoche; catalogo: Catalogo }> = fc
  .tuple(arbParametrosNoche, fc.integer({ min: 0, max: 2 }), fc.nat({ max: 1000 }), fc.nat({ max: 1000 }))
  .map(([parametros, partida, eleccion, casilla]) => {
    try {
      const catalogo = catalogoNoche(parametros);
      return { parametros, catalogo: partida === 0 ? conSeccionPartida(catalogo, eleccion, casilla) : catalogo };
    } catch {
      return { parametros, catalogo: null };
    }
  })
  .filter((x): x is { parametros: ParametrosNoche; catalogo: Catalogo } => x.catalogo !== null);

export function modeloNoche(cat: Catalogo): CorteModelo {
  const m = construirModelo(cat);
  if (!m.ok) throw new Error(`catálogo generado sin modelo: ${m.error.map((x) => x.mensaje).join('; ')}`);
  return m.value;
}

// ---- the actas of the night ---------------------------------------------------------------------------------------

/** The night runs from 20:00 UTC on 2 June 2024 for a day; the corte is at its end. */
const INICIO = Date.UTC(2024, 5, 2, 20);
export const INSTANTE_CORTE = INICIO + 24 * 3_600_000;

const numero = (max: number) => fc.integer({ min: 0, max });
const dudoso: fc.Arbitrary<Valor> = fc.oneof({ weight: 8, arbitrary: numero(60) }, { weight: 1, arbitrary: fc.constant(ILEGIBLE) }, { weight: 1, arbitrary: fc.constant(SIN_DATO) });
const total: fc.Arbitrary<Valor> = fc.oneof({ weight: 6, arbitrary: numero(900) }, { weight: 1, arbitrary: fc.constant(ILEGIBLE) }, { weight: 1, arbitrary: fc.constant(SIN_DATO) });
const totales = fc.record({ TOTAL_BOLETAS_SOBRANTES: total, TOTAL_PERSONAS_VOTARON: total, TOTAL_REP_PARTIDO_CI_VOTARON: total, TOTAL_VOTOS_SACADOS: total, TOTAL_VOTOS_ASENTADO: total });

function campos(columnas: readonly string[], v: fc.Arbitrary<Valor>): fc.Arbitrary<Record<string, Valor>> {
  return fc.array(v, { minLength: columnas.length, maxLength: columnas.length }).map((vs) => Object.fromEntries(columnas.map((c, i) => [c, vs[i]!])));
}

/**
 * The figures of one acta: counted (small numbers), with Ilegible / Sin dato cells, above the casilla's limit,
 * or with no number at all (todos ilegibles, todos vacíos, a mix).
 */
function captura(columnas: readonly string[]): fc.Arbitrary<Captura> {
  const votos = fc.oneof(
    { weight: 6, arbitrary: campos(columnas, numero(30)) },
    { weight: 3, arbitrary: campos(columnas, dudoso) },
    { weight: 2, arbitrary: campos(columnas, numero(1200)) },
    { weight: 1, arbitrary: campos(columnas, fc.constantFrom<Valor>(ILEGIBLE)) },
    { weight: 1, arbitrary: campos(columnas, fc.constantFrom<Valor>(SIN_DATO)) },
    { weight: 1, arbitrary: campos(columnas, fc.constantFrom<Valor>(ILEGIBLE, SIN_DATO)) },
  );
  return fc.record({ votos, totales });
}

const sha = fc.uint8Array({ minLength: 32, maxLength: 32 }).map((b) => Buffer.from(b).toString('hex'));
const imagen = fc.record({
  sha256: sha,
  mime: fc.constantFrom('image/jpeg' as const, 'image/png' as const, 'application/pdf' as const),
  origen: fc.constantFrom('CASILLA' as const, 'CATD' as const),
  digitalizacion: fc.constantFrom('MOVIL' as const, 'ESCANER' as const),
  tipoDocumento: fc.constantFrom('ACTA_PREP' as const, 'ACTA_CONSEJO' as const, 'ACTA_CONSEJO_S' as const, 'COPIA_RPPCI' as const, 'COPIA_PE' as const, 'REPRESENTACION_ACTA' as const),
});

/** Acopio (absent when the image came first, from the casilla), capture and verification, in order, to the second. */
const tiempos = fc
  .tuple(fc.integer({ min: 0, max: 20 * 3600 }), fc.integer({ min: 0, max: 3600 }), fc.integer({ min: 0, max: 3600 }), fc.boolean())
  .map(([a, c, v, conAcopio]) => ({ acopioAt: conAcopio ? INICIO + a * 1000 : null, capturaAt: INICIO + (a + c) * 1000, verificacionAt: INICIO + (a + c + v) * 1000 }));
const mecanismo = fc.constantFrom(null, 'D' as const, 'F' as const, 'I' as const);
const cotejada = fc.constantFrom(0 as const, 1 as const, 2 as const, 3 as const);

/** The log entry of an expected acta: captured (weight 5) or sin acta (1). */
function entradaEsperada(a: ActaModelo): fc.Arbitrary<ActaPublicada> {
  const identificacion = { eleccion: a.eleccion.codigo, seccion: a.casilla.seccion, tipo: a.casilla.tipo, id: a.casilla.id, extContigua: a.casilla.extContigua };
  const capturada = fc.record({ c: captura([...a.boleta.columnas, ...COLUMNAS_FIJAS]), t: tiempos, m: mecanismo, i: imagen, k: cotejada }).map(
    ({ c, t, m, i, k }): ActaPublicada => ({ clave: a.clave, identificacion, registro: 'captura', motivoSinActa: null, captura: c, mecanismoTraslado: t.acopioAt === null ? null : m, imagen: i, ...t, cotejada: k }),
  );
  const sinActa = fc
    .record({ motivo: fc.constantFrom('PAQUETE_NO_ENTREGADO' as const, 'CASILLA_NO_INSTALADA' as const, 'SIN_SOBRE' as const, 'CONTINGENCIA_URNA_ELECTRONICA' as const), t: tiempos, m: mecanismo })
    .map(({ motivo, t, m }): ActaPublicada => {
      const at = t.capturaAt;
      return { clave: a.clave, identificacion, registro: 'sin_acta', motivoSinActa: motivo, captura: null, mecanismoTraslado: m, imagen: null, acopioAt: at, capturaAt: at, verificacionAt: at, cotejada: 0 };
    });
  return fc.oneof({ weight: 5, arbitrary: capturada }, { weight: 1, arbitrary: sinActa });
}

/**
 * A fuera de catálogo registration `FC-<n>`: an identification that names no expected acta — a casilla beyond
 * those of a catalogue sección, or a sección the catalogue does not have. As the capture API does, it is captured
 * only when its territory's ballot is known (its sección is in the catalogue, or the election is entidad-wide),
 * with that ballot's fields; otherwise it is registered without figures.
 */
function entradaFueraCatalogo(modelo: CorteModelo, n: number): fc.Arbitrary<ActaPublicada> {
  const ultima = Math.max(...modelo.secciones.map((s) => s.id));
  const seccion = fc.oneof(fc.constantFrom(...modelo.secciones.map((s) => s.id)), fc.integer({ min: ultima + 1, max: 9999 }));
  return fc
    .record({
      em: fc.constantFrom(...modelo.elecciones),
      seccion,
      tipo: fc.constantFrom('B' as const, 'C' as const, 'E' as const),
      // No generated sección has 60 casillas of a type (scripts/generador caps contiguas at 60); one id per
      // registration, as the API registers one acta per identification.
      id: fc.constant(60 + n),
      extContigua: fc.integer({ min: 0, max: 3 }),
      t: tiempos,
      i: imagen,
      conCifras: fc.boolean(),
    })
    .chain((x) => {
      const boleta = boletaDeFueraCatalogo(modelo, x.em, x.seccion);
      const cifras = x.conCifras && boleta !== undefined ? captura([...boleta.columnas, ...COLUMNAS_FIJAS]).map((c): Captura | null => c) : fc.constant(null);
      return cifras.map(
        (c): ActaPublicada => ({
          clave: `FC-${n}`,
          identificacion: { eleccion: x.em.eleccion.codigo, seccion: x.seccion, tipo: x.tipo, id: x.id, extContigua: x.extContigua },
          registro: 'fuera_catalogo',
          motivoSinActa: null,
          captura: c,
          mecanismoTraslado: null,
          imagen: c === null ? null : x.i,
          acopioAt: x.t.capturaAt,
          capturaAt: c === null ? null : x.t.capturaAt,
          verificacionAt: c === null ? null : x.t.verificacionAt,
          cotejada: 0,
        }),
      );
    });
}

/** The ballot a fuera de catálogo acta is captured with: its election's in its sección's territory (none: unknown). */
function boletaDeFueraCatalogo(modelo: CorteModelo, em: EleccionModelo, seccion: number): Boleta | undefined {
  const s = modelo.seccionPorId.get(seccion);
  const t = em.eleccion.territorio;
  const territorio = t === 'entidad' ? 0 : s === undefined ? undefined : t === 'distrito' ? s.distrito : s.municipio;
  return territorio === undefined ? undefined : em.boletas.get(territorio);
}

/**
 * What the publication log holds at the corte: some expected actas (each once; in half of the nights all of
 * them, so that every territory has captured actas), and up to 3 fuera de catálogo.
 */
export function arbActasNoche(modelo: CorteModelo): fc.Arbitrary<ActaPublicada[]> {
  const esperadas = [...modelo.actaPorClave.values()];
  return fc
    .tuple(fc.oneof(fc.subarray(esperadas), fc.constant(esperadas)), fc.integer({ min: 0, max: 3 }))
    .chain(([registradas, nFc]) => fc.tuple(...registradas.map(entradaEsperada), ...Array.from({ length: nFc }, (_, i) => entradaFueraCatalogo(modelo, i + 1))))
    .map((xs) => [...xs]);
}

// ---- what a corte publishes -------------------------------------------------------------------------------------

export interface ArchivoNoche {
  nombre: string;
  bytes: Uint8Array;
}

/**
 * The open-data database of one corte over these actas, per election in election order: its results CSV and its
 * candidaturas CSV, exactly the bytes the corte zips (worker/domain/corte/corte.ts `archivosAbiertos`).
 */
export function baseDeDatosNoche(modelo: CorteModelo, actas: readonly ActaPublicada[], final: boolean): ArchivoNoche[] {
  const { estado, resultado } = EstadoCorte.completo(modelo, actas);
  if (resultado.problemas.length > 0) throw new Error(`el corte no pudo ubicar actas generadas: ${JSON.stringify(resultado.problemas)}`);
  return [...archivosAbiertos(estado, INSTANTE_CORTE, final)].filter((a) => a.nombre.endsWith('.csv')).map((a) => ({ nombre: a.nombre.split('/').at(-1)!, bytes: a.contenido }));
}
