/**
 * The plan of a replay of a published PREP database (docs/REGLAS.md §7): the catalogue derived from the file(s)
 * (`derivarCatalogo`, on the same parsed files), and for every row what it becomes in the capture API — an expected acta captured with
 * the file's figures, a sin acta with the reason read from OBSERVACIONES, a fuera de catálogo registered by its
 * identification, or nothing (not registered) — together with what docs/REGLAS.md §4 says about the row's own figures.
 * That verdict is what ours is checked against: the system must follow REGLAS even where a file does not.
 *
 * Pure: bytes in, plan (or located problems) out. The script (scripts/replay.ts) sends it over HTTP.
 */
import { clasificarActa, observacionesTexto, type Clasificacion } from '../../worker/domain/acta/clasificar.ts';
import type { Identificacion } from '../../worker/domain/acta/publicada.ts';
import { TOTALES, type Captura, type MotivoSinActa, type Valor } from '../../worker/domain/acta/esquema.ts';
import { camposDeBoleta } from '../../worker/domain/captura/boleta.ts';
import type { OperadorNuevo } from '../../worker/domain/captura/operador-nuevo.ts';
import type { Boleta, Catalogo, Catd, TipoCasilla } from '../../worker/domain/catalogo/esquema.ts';
import { PARTE_MAXIMA, TipoCasillaSchema } from '../../worker/domain/catalogo/esquema.ts';
import { derivarCatalogo, type OpcionesDesdePrep } from '../catalogo/desde-prep/derivar.ts';
import { leerFuentes } from '../catalogo/desde-prep/fuentes.ts';
import type { CifraResumen } from '../catalogo/desde-prep/encabezados.ts';
import { esFueraDeCatalogo, esNoAplica, esSinSeccion, esVotoExtranjero, type ArchivoResultados, type FilaResultados } from '../catalogo/desde-prep/resultados.ts';
import type { ArchivoEntrada } from '../../worker/domain/catalogo/archivos/leer.ts';
import { ordenarProblemas, type ProblemaArchivo } from '../../worker/domain/catalogo/archivos/problemas.ts';
import { construirModelo, type ActaModelo, type CorteModelo, type EleccionModelo } from '../../worker/domain/corte/modelo.ts';
import { claveActa, claveCasilla, claveDeParte } from '../../worker/domain/claves/clave.ts';
import { err, ok, type Result } from '../../worker/domain/resultado.ts';
import type { EntradaConteo } from '../../worker/domain/conteo/conteo.ts';
import { formatCorte, type CorteInstante } from '../../worker/domain/tiempo/central.ts';
import { COLUMNAS_FINALES, GUION, TOTALES_INICIALES, valorCelda } from '../../worker/domain/corte/csv-resultados.ts';
import { leerCelda, leerFechaHora, leerImagen, leerMecanismo, motivoSinActa, type MetadatosImagen } from './valores.ts';

export interface OpcionesReplay extends OpcionesDesdePrep {
  /** The file is a final corte: participation uses TOTAL_VOTOS_C_CS (docs/REGLAS.md §5). */
  final: boolean;
}

/** What a row becomes in the capture API. */
export type Registro =
  /** An expected acta the file has not registered (`-` in CONTABILIZADA): nothing is sent. */
  | { tipo: 'pendiente' }
  /** An expected acta with figures: acopio, image, two equal captures (which verify it). */
  | { tipo: 'captura'; captura: Captura }
  /** The package came without the acta: acopio with the reason. `supuesto`: the file did not say which. */
  | { tipo: 'sin_acta'; motivo: MotivoSinActa; supuesto: boolean }
  /** Registered by its identification; captured when its territory's ballot is known (else `captura` null). */
  | { tipo: 'fuera_catalogo'; captura: Captura | null }
  /** The row holds cells the API cannot take (docs/REGLAS.md §3): it is not sent. */
  | { tipo: 'ilegible'; problemas: string[] }
  /** An expected acta without a sección (`N/A`: votes from abroad…): the catalogue cannot hold it. */
  | { tipo: 'sin_seccion' };

/** The row's status and TOTAL_VOTOS_CALCULADO as text, as the results CSV writes them. */
export interface Estado {
  contabilizada: string;
  totalVotosCalculado: string;
}

/** REGLAS' verdict on a row: its status, TOTAL_VOTOS_CALCULADO and OBSERVACIONES as the system must publish them. */
export interface Veredicto extends Estado {
  observaciones: string;
}

export interface ActaReplay {
  eleccion: string;
  archivo: string;
  linea: number;
  /** How the report names the acta (with its line): its CLAVE_ACTA, or `fuera de catálogo`. */
  etiqueta: string;
  /** CLAVE_ACTA of the expected acta in the catalogue (null: fuera de catálogo, or no sección). */
  clave: string | null;
  casillaClave: string | null;
  identificacion: Identificacion;
  registro: Registro;
  /** The CATD that receives it (acopio and image). */
  catd: string | null;
  /** Instants (epoch ms) of acopio, first capture and verification (the second capture). */
  tiempos: { acopio: number; captura: number; verificacion: number };
  mecanismo: 'D' | 'F' | 'I' | null;
  imagen: MetadatosImagen;
  /** CODIGO_INTEGRIDAD the file published (the real image's SHA-256). */
  codigoArchivo: string | null;
  /** What the file publishes for the acta; `cifras`: each figure cell it carries, by our CSV column (renamed). */
  archivoDice: Estado & { observaciones: string; listaNominal: string; cifras: Readonly<Record<string, string>> };
  /** What docs/REGLAS.md §4 gives for the file's own figures (the row as captured). */
  reglas: Veredicto;
  /**
   * Every figure column of our results CSV as REGLAS §4/§7 say it must be published for this row (cell text as
   * our CSV writes it: integers, `Ilegible`, `Sin dato`, `-`). Empty for a row the catalogue cannot hold.
   */
  cifrasReglas: Readonly<Record<string, string>>;
  /** For the summary recount by REGLAS: the acta as registered (null while not registered). */
  entradaReglas: EntradaConteo | null;
  /** Assumptions made for this acta (Spanish), e.g. `-` in a field of its ballot sent as 0. */
  notas: string[];
}

export interface EleccionReplay {
  codigo: string;
  nombre: string;
  archivo: string;
  resumenArchivo: Partial<Record<CifraResumen, string>>;
  lineaResumen: number | null;
  /** False when the file holds several entidades and one is replayed: its summary is not this entidad's. */
  resumenComparable: boolean;
  /** Expected actas (file order), then fuera de catálogo rows. */
  actas: ActaReplay[];
  /** Expected actas of the catalogue without a row in this file (casillas that only another file has). */
  sinFila: ActaModelo[];
  /**
   * Later rows repeating an expected acta's CLAVE_ACTA that are not a part of it in the catalogue (the n-th row
   * of a CLAVE_ACTA is part n of a split casilla's acta, `CLAVE_ACTA-n`; beyond its parts, a row repeated in the
   * same territory): planned as if sent, for the report, and never sent.
   */
  duplicadas: { acta: ActaReplay; lineaPrimera: number }[];
  /** The vote columns of our results CSV for this election (parties, combinations, NO_REGISTRADAS, NULOS). */
  columnas: readonly string[];
}

export interface PlanReplay {
  catalogue: Catalogo;
  modelo: CorteModelo;
  corte: { ms: number; offsetMinutes: number; texto: string };
  final: boolean;
  elecciones: EleccionReplay[];
  operadores: OperadoresReplay;
  /** What the derivation filled in, and what the replay assumed (Spanish, located). */
  avisos: ProblemaArchivo[];
}

export interface OperadoresReplay {
  /** CATD id → operator id (acopio and digitalización). */
  porCatd: Map<string, string>;
  /** PREP Casilla device for the images the file says were taken at the casilla (null: none). */
  casilla: string | null;
  capturistas: [string, string];
  administrador: string;
  todos: OperadorNuevo[];
}

const OPERADOR_CASILLA = 'replay-casilla';
const CAPTURISTAS: [string, string] = ['replay-captura-1', 'replay-captura-2'];
const ADMINISTRADOR = 'replay-instituto';

const operadorDeCatd = (catd: string) => `replay-${catd.toLowerCase().replace(/[^a-z0-9._-]/g, '-')}`.slice(0, 40);

const entero = (t: string | undefined, min: number, max: number): number | null => {
  if (t === undefined || !/^\d+$/.test(t.trim())) return null;
  const n = Number(t.trim());
  return n >= min && n <= max ? n : null;
};

const NO_REGISTRADAS = 'NO_REGISTRADAS';
const NULOS = 'NULOS';

/** Figure columns of our results CSV besides the vote columns (docs/REGLAS.md §7). */
const CIFRAS_DATOS = [...TOTALES_INICIALES, 'NO_REGISTRADAS', 'NULOS', ...COLUMNAS_FINALES.slice(0, COLUMNAS_FINALES.indexOf('CONTABILIZADA') + 1)] as const;

/** Every figure cell the file carries for a row, by our CSV column: votes renamed as the catalogue does. */
function cifrasDeFila(r: ArchivoResultados, f: FilaResultados, renombre: Readonly<Record<string, string>>): Record<string, string> {
  const m: Record<string, string> = {};
  for (const [i, v] of r.votos.entries()) m[renombre[v.original] ?? v.nombre] = f.votos[i] ?? '';
  for (const c of CIFRAS_DATOS) if (r.columnas.includes(c)) m[c] = f.datos[c] ?? '';
  return m;
}

/**
 * What our CSV must publish for each figure column of a row (docs/REGLAS.md §7): the captured values as captured
 * (`-` in columns its ballot lacks), the computed total, the catalogue's lista nominal and representantes (`-`
 * outside the catalogue), OBSERVACIONES and CONTABILIZADA from the classification.
 */
function cifrasPorReglas(columnas: readonly string[], captura: Captura | null, v: Veredicto, casilla: { listaNominal: number; representantes: number } | null): Record<string, string> {
  const m: Record<string, string> = {};
  for (const t of TOTALES_INICIALES) m[t] = captura ? valorCelda(captura.totales[t]) : GUION;
  for (const c of columnas) m[c] = captura ? valorCelda(captura.votos[c]) : GUION;
  m.TOTAL_VOTOS_ASENTADO = captura ? valorCelda(captura.totales.TOTAL_VOTOS_ASENTADO) : GUION;
  m.TOTAL_VOTOS_CALCULADO = v.totalVotosCalculado;
  m.LISTA_NOMINAL = casilla ? String(casilla.listaNominal) : GUION;
  m.REPRESENTANTES_PP_CI = casilla ? String(casilla.representantes) : GUION;
  m.OBSERVACIONES = v.observaciones;
  m.CONTABILIZADA = v.contabilizada;
  return m;
}

/** The file's vote cells of a row by catalogue column (NO_REGISTRADAS and NULOS included). */
function votosDeFila(r: ArchivoResultados, f: FilaResultados, renombre: Readonly<Record<string, string>>): Map<string, string> {
  const m = new Map<string, string>();
  for (const [i, v] of r.votos.entries()) m.set(renombre[v.original] ?? v.nombre, f.votos[i] ?? '-');
  m.set(NO_REGISTRADAS, f.datos.NO_REGISTRADAS ?? '-');
  m.set(NULOS, f.datos.NULOS ?? '-');
  return m;
}

interface CapturaLeida {
  captura: Captura | null;
  problemas: string[];
  notas: string[];
  /** Fields the file left as `-` although its ballot has them (sent as 0). */
  guiones: string[];
  /** Totals the file left as `-` (sent as Sin dato). */
  totalesSinDato: string[];
}

/**
 * The capture of a row against its ballot: every vote field of the ballot (a `-` there is sent as 0: it adds
 * nothing, as `-` adds nothing to TOTAL_VOTOS_CALCULADO), the five totals (`-` → Sin dato). A value in a column
 * the ballot does not have, or a cell that is not an integer, Ilegible, Sin dato or `-`, makes it unsendable.
 */
export function capturaDeFila(votos: ReadonlyMap<string, string>, datos: FilaResultados['datos'], boleta: Boleta): CapturaLeida {
  const campos = camposDeBoleta(boleta.columnas);
  const problemas: string[] = [];
  const guiones: string[] = [];
  const totalesSinDato: string[] = [];
  const v: Record<string, Valor> = {};
  for (const campo of campos) {
    const c = leerCelda(votos.get(campo));
    if (c.tipo === 'valor') v[campo] = c.valor;
    else if (c.tipo === 'no_aplica') {
      v[campo] = 0;
      guiones.push(campo);
    } else problemas.push(`${campo}: ${c.motivo}`);
  }
  const enBoleta = new Set(campos);
  for (const [col, texto] of votos) {
    if (enBoleta.has(col)) continue;
    const c = leerCelda(texto);
    if (c.tipo === 'valor') problemas.push(`${col}: tiene «${texto}» y la columna no está en la boleta de su territorio`);
    else if (c.tipo === 'invalida') problemas.push(`${col}: ${c.motivo}`);
  }
  const totales = {} as Captura['totales'];
  for (const t of TOTALES) {
    const c = leerCelda(datos[t]);
    if (c.tipo === 'valor') totales[t] = c.valor;
    else if (c.tipo === 'no_aplica') {
      totales[t] = 'SIN_DATO';
      totalesSinDato.push(t);
    } else problemas.push(`${t}: ${c.motivo}`);
  }
  const notas = guiones.length > 0 ? [`«-» en ${guiones.join(', ')}, de la boleta de su territorio: se capturó 0`] : [];
  return { captura: problemas.length === 0 ? { votos: v, totales } : null, problemas, notas, guiones, totalesSinDato };
}

/** Whether any vote cell holds something other than `-` (the row was captured). */
function tieneVotos(votos: ReadonlyMap<string, string>): boolean {
  for (const t of votos.values()) if (!esNoAplica(t)) return true;
  return false;
}

const NO_REGISTRADA: Veredicto = { contabilizada: '-', totalVotosCalculado: '-', observaciones: '-' };

/** REGLAS' verdict from a classification (TOTAL_VOTOS_CALCULADO `-` when nothing was captured). */
function veredicto(c: Clasificacion, capturada: boolean): Veredicto {
  return { contabilizada: String(c.contabilizada), totalVotosCalculado: capturada ? String(c.totalVotosCalculado) : '-', observaciones: observacionesTexto(c.observaciones) };
}

/** The CATD that receives an acta of `eleccion` in this sección (or, for an unknown sección, any of the election). */
function catdDe(catds: readonly Catd[], eleccion: string, seccion: { distrito: number; municipio: number } | null): string | null {
  const deLaEleccion = catds.filter((c) => c.elecciones.includes(eleccion));
  if (seccion === null) return deLaEleccion[0]?.id ?? null;
  const c = deLaEleccion.find((x) => x.territorio === (x.ambito === 'distrito' ? seccion.distrito : seccion.municipio));
  return c?.id ?? null;
}

interface Contexto {
  modelo: CorteModelo;
  em: EleccionModelo;
  r: ArchivoResultados;
  renombre: Readonly<Record<string, string>>;
  corte: number;
  offset: number;
  avisos: ProblemaArchivo[];
  conteos: Map<string, number>;
}

function contar(ctx: Contexto, que: string, n = 1): void {
  ctx.conteos.set(que, (ctx.conteos.get(que) ?? 0) + n);
}

/** The file's FECHA_HORA_* of a row (null where absent or unreadable; unreadable ones are counted). */
function tiemposLeidos(ctx: Contexto, f: FilaResultados): { acopio: number | null; captura: number | null; verificacion: number | null } {
  const leer = (col: 'FECHA_HORA_ACOPIO' | 'FECHA_HORA_CAPTURA' | 'FECHA_HORA_VERIFICACION') => {
    const t = leerFechaHora(f.datos[col], ctx.offset);
    if (t === null && !esNoAplica(f.datos[col])) contar(ctx, `${col} ilegible`);
    return t;
  };
  return { acopio: leer('FECHA_HORA_ACOPIO'), captura: leer('FECHA_HORA_CAPTURA'), verificacion: leer('FECHA_HORA_VERIFICACION') };
}

/**
 * The instants a registered acta is sent with: the file's, else the previous step's, else the corte's (so no
 * published instant falls after the corte). `capturada`: whether its capture times are used at all.
 */
function tiemposDe(ctx: Contexto, t: ReturnType<typeof tiemposLeidos>, capturada: boolean): ActaReplay['tiempos'] {
  if (t.acopio === null || (capturada && (t.captura === null || t.verificacion === null))) contar(ctx, 'sin FECHA_HORA');
  const a = t.acopio ?? ctx.corte;
  const c = t.captura ?? a;
  return { acopio: a, captura: c, verificacion: t.verificacion ?? c };
}

function comunes(ctx: Contexto, f: FilaResultados) {
  const img = leerImagen(f.datos.ORIGEN, f.datos.DIGITALIZACION, f.datos.TIPO_DOCUMENTO);
  return {
    eleccion: ctx.em.eleccion.codigo,
    archivo: ctx.r.archivo,
    linea: f.linea,
    leidos: tiemposLeidos(ctx, f),
    mecanismo: leerMecanismo(f.datos.MECANISMOS_TRASLADO),
    imagen: img.metadatos,
    supuestosImagen: img.supuestos,
    codigoArchivo: esNoAplica(f.datos.CODIGO_INTEGRIDAD) ? null : f.datos.CODIGO_INTEGRIDAD!,
    archivoDice: {
      contabilizada: (f.datos.CONTABILIZADA ?? '-').trim() || '-',
      totalVotosCalculado: (f.datos.TOTAL_VOTOS_CALCULADO ?? '-').trim() || '-',
      observaciones: f.datos.OBSERVACIONES ?? '',
      listaNominal: (f.datos.LISTA_NOMINAL ?? '-').trim(),
      cifras: cifrasDeFila(ctx.r, f, ctx.renombre),
    },
  };
}

/** The row of an expected acta of the catalogue. */
function actaEsperada(ctx: Contexto, f: FilaResultados, a: ActaModelo): ActaReplay {
  const c = comunes(ctx, f);
  const votos = votosDeFila(ctx.r, f, ctx.renombre);
  const notas: string[] = [];
  const base = {
    eleccion: c.eleccion,
    archivo: c.archivo,
    linea: c.linea,
    etiqueta: a.clave,
    clave: a.clave,
    casillaClave: a.claveCasilla,
    identificacion: { eleccion: a.eleccion.codigo, seccion: a.casilla.seccion, tipo: a.casilla.tipo, id: a.casilla.id, extContigua: a.casilla.extContigua },
    catd: catdDe(ctx.modelo.catalogo.catds, a.eleccion.codigo, a.seccion),
    tiempos: { acopio: ctx.corte, captura: ctx.corte, verificacion: ctx.corte },
    mecanismo: c.mecanismo,
    imagen: c.imagen,
    codigoArchivo: c.codigoArchivo,
    archivoDice: c.archivoDice,
  };
  const entradaConteoDe = (clasificacion: Clasificacion, captura: Captura | null): EntradaConteo => ({
    clasificacion,
    votos: captura?.votos ?? null,
    tipo: a.casilla.tipo,
    listaNominal: a.casilla.listaNominal,
    boleta: a.boleta,
  });
  const delCatalogo = (captura: Captura | null, v: Veredicto) => cifrasPorReglas(ctx.em.columnas, captura, v, a.casilla);
  if (c.archivoDice.contabilizada === '-' && !tieneVotos(votos) && motivoSinActa(c.archivoDice.observaciones) === null) {
    return { ...base, registro: { tipo: 'pendiente' }, reglas: NO_REGISTRADA, cifrasReglas: delCatalogo(null, NO_REGISTRADA), entradaReglas: null, notas };
  }
  if (c.archivoDice.contabilizada === '-') notas.push('CONTABILIZADA «-» en una fila con datos: se tomó como registrada');
  const motivo = motivoSinActa(c.archivoDice.observaciones);
  if (motivo !== null || !tieneVotos(votos)) {
    const supuesto = motivo === null || motivo === 'SIN_MOTIVO';
    const m: MotivoSinActa = supuesto ? 'PAQUETE_NO_ENTREGADO' : (motivo as MotivoSinActa);
    if (supuesto) {
      notas.push(
        motivo === 'SIN_MOTIVO'
          ? `OBSERVACIONES «${c.archivoDice.observaciones}» dice sin acta sin un motivo conocido: se envió paquete no entregado`
          : 'registrada sin ningún voto ni motivo de sin acta: se envió como sin acta por paquete no entregado',
      );
    }
    if (tieneVotos(votos)) notas.push('OBSERVACIONES dice sin acta y la fila tiene votos: los votos no se envían (un acta sin acta no se captura)');
    const clasificacion = clasificarActa({ tipo: 'sin_acta', motivo: m });
    const reglas = veredicto(clasificacion, false);
    return {
      ...base,
      tiempos: tiemposDe(ctx, c.leidos, false),
      registro: { tipo: 'sin_acta', motivo: m, supuesto },
      reglas,
      cifrasReglas: delCatalogo(null, reglas),
      entradaReglas: entradaConteoDe(clasificacion, null),
      notas,
    };
  }
  const leida = capturaDeFila(votos, f.datos, a.boleta);
  if (leida.totalesSinDato.length > 0) contar(ctx, 'totales «-»');
  if (leida.captura === null) {
    return { ...base, registro: { tipo: 'ilegible', problemas: leida.problemas }, reglas: NO_REGISTRADA, cifrasReglas: delCatalogo(null, NO_REGISTRADA), entradaReglas: null, notas };
  }
  notas.push(...leida.notas, ...c.supuestosImagen);
  const clasificacion = clasificarActa({
    tipo: 'captura',
    captura: leida.captura,
    casilla: { tipo: a.casilla.tipo, listaNominal: a.casilla.listaNominal, representantes: a.casilla.representantes },
    boletasEspecial: a.eleccion.boletasEspecial,
  });
  const reglas = veredicto(clasificacion, true);
  return {
    ...base,
    tiempos: tiemposDe(ctx, c.leidos, true),
    registro: { tipo: 'captura', captura: leida.captura },
    reglas,
    cifrasReglas: delCatalogo(leida.captura, reglas),
    entradaReglas: entradaConteoDe(clasificacion, leida.captura),
    notas,
  };
}

/** A fuera de catálogo row: registered by its identification (a synthetic one when it has none of its own). */
function actaFueraDeCatalogo(ctx: Contexto, f: FilaResultados, usadas: Set<string>): ActaReplay {
  const c = comunes(ctx, f);
  const notas: string[] = [];
  const e = ctx.modelo.entidad.id;
  const codigo = ctx.em.eleccion.codigo;
  const tipoLeido = TipoCasillaSchema.safeParse((f.datos.TIPO_CASILLA ?? '').trim().toUpperCase());
  let identificacion: Identificacion = {
    eleccion: codigo,
    seccion: entero(f.datos.SECCION, 1, 9999) ?? 0,
    tipo: tipoLeido.success ? tipoLeido.data : 'B',
    id: entero(f.datos.ID_CASILLA, 1, 99) ?? 0,
    extContigua: entero(f.datos.EXT_CONTIGUA, 0, 99) ?? 0,
  };
  const k = (i: Identificacion) => `${i.seccion}|${i.tipo}|${i.id}|${i.extContigua}`;
  const completa = identificacion.seccion >= 1 && identificacion.id >= 1 && tipoLeido.success;
  const esEsperada = completa && ctx.modelo.actaPorClave.has(claveActa(claveCasilla(e, identificacion), ctx.em.eleccion.tipoActa));
  if (!completa || esEsperada || usadas.has(k(identificacion))) {
    // Keyless (the usual case), or keys that name an expected acta or repeat another row: sección 0 is in no
    // catalogue, so a synthetic identification is always fuera de catálogo and unique.
    let n = 0;
    const sintetica = (i: number): Identificacion => ({ eleccion: codigo, seccion: 0, tipo: 'B', id: i % 100, extContigua: Math.floor(i / 100) % 100 });
    while (usadas.has(k(sintetica(n)))) n++;
    if (completa) notas.push(`su identificación ${identificacion.seccion} ${identificacion.tipo} ${identificacion.id} ${identificacion.extContigua} ${esEsperada ? 'es la de un acta esperada' : 'repite la de otra fila fuera de catálogo'}: se registró con otra`);
    identificacion = sintetica(n);
    notas.push(`sin identificación propia: se registró como sección 0, casilla ${identificacion.tipo} ${identificacion.id}, ext ${identificacion.extContigua}`);
  }
  usadas.add(k(identificacion));
  const seccion = ctx.modelo.seccionPorId.get(identificacion.seccion) ?? null;
  const territorio = ctx.em.eleccion.territorio === 'entidad' ? 0 : seccion === null ? null : ctx.em.eleccion.territorio === 'distrito' ? seccion.distrito : seccion.municipio;
  const boleta = territorio === null ? undefined : ctx.em.boletas.get(territorio);
  const votos = votosDeFila(ctx.r, f, ctx.renombre);
  let captura: Captura | null = null;
  if (tieneVotos(votos)) {
    if (boleta === undefined) notas.push('sus votos no se capturan: sin sección del catálogo no hay boleta con qué capturarlos (no cuentan en ninguna cifra)');
    else {
      const leida = capturaDeFila(votos, f.datos, boleta);
      if (leida.captura === null) notas.push(`sus votos no se capturan: ${leida.problemas.join('; ')}`);
      else notas.push(...leida.notas);
      captura = leida.captura;
    }
  }
  const clasificacion = clasificarActa({ tipo: 'fuera_catalogo', captura });
  // REGLAS' TOTAL_VOTOS_CALCULADO of the row: the sum of its vote cells (what it would be if captured).
  const suma = [...votos.values()].reduce((s, t) => {
    const x = leerCelda(t);
    return s + (x.tipo === 'valor' && typeof x.valor === 'number' ? x.valor : 0);
  }, 0);
  const reglas: Veredicto = { ...veredicto(clasificacion, captura !== null), totalVotosCalculado: captura !== null ? String(clasificacion.totalVotosCalculado) : tieneVotos(votos) ? String(suma) : '-' };
  return {
    eleccion: c.eleccion,
    archivo: c.archivo,
    linea: c.linea,
    etiqueta: 'fuera de catálogo',
    clave: null,
    casillaClave: null,
    identificacion,
    registro: { tipo: 'fuera_catalogo', captura },
    catd: catdDe(ctx.modelo.catalogo.catds, codigo, seccion),
    tiempos: tiemposDe(ctx, c.leidos, captura !== null),
    mecanismo: c.mecanismo,
    imagen: { ...c.imagen, origen: 'CATD' },
    codigoArchivo: c.codigoArchivo,
    archivoDice: c.archivoDice,
    reglas,
    cifrasReglas: cifrasPorReglas(ctx.em.columnas, captura, reglas, null),
    entradaReglas: { clasificacion, votos: captura?.votos ?? null, tipo: identificacion.tipo, listaNominal: 0, boleta: null },
    notas,
  };
}

/**
 * An expected acta of the file without a sección (`N/A`): the catalogue cannot hold it, so it is not replayed;
 * REGLAS still classify it (with its own lista nominal and representantes) so that the summary recount by REGLAS
 * includes it — ours cannot, and the report says why.
 */
function actaSinSeccion(ctx: Contexto, f: FilaResultados): ActaReplay {
  const c = comunes(ctx, f);
  const votos = votosDeFila(ctx.r, f, ctx.renombre);
  const tipo = TipoCasillaSchema.safeParse((f.datos.TIPO_CASILLA ?? '').trim().toUpperCase());
  const casilla = {
    tipo: (tipo.success ? tipo.data : 'M') as TipoCasilla,
    listaNominal: entero(f.datos.LISTA_NOMINAL, 0, Number.MAX_SAFE_INTEGER) ?? 0,
    representantes: entero(f.datos.REPRESENTANTES_PP_CI, 0, Number.MAX_SAFE_INTEGER) ?? 0,
  };
  const columnas = [...votos].filter(([col, t]) => col !== NO_REGISTRADAS && col !== NULOS && !esNoAplica(t)).map(([col]) => col);
  const boleta: Boleta = { eleccion: ctx.em.eleccion.codigo, territorio: 0, columnas: columnas.length > 0 ? columnas : ['SIN_COLUMNAS'], coaliciones: [] };
  let entradaReglas: EntradaConteo | null = null;
  let reglas: Veredicto = NO_REGISTRADA;
  const motivo = motivoSinActa(c.archivoDice.observaciones);
  if (motivo !== null) {
    const clasificacion = clasificarActa({ tipo: 'sin_acta', motivo: motivo === 'SIN_MOTIVO' ? 'PAQUETE_NO_ENTREGADO' : motivo });
    entradaReglas = { clasificacion, votos: null, tipo: casilla.tipo, listaNominal: casilla.listaNominal, boleta };
    reglas = veredicto(clasificacion, false);
  } else if (tieneVotos(votos)) {
    const leida = capturaDeFila(votos, f.datos, boleta);
    if (leida.captura !== null) {
      const clasificacion = clasificarActa({ tipo: 'captura', captura: leida.captura, casilla, boletasEspecial: ctx.em.eleccion.boletasEspecial });
      entradaReglas = { clasificacion, votos: leida.captura.votos, tipo: casilla.tipo, listaNominal: casilla.listaNominal, boleta };
      reglas = veredicto(clasificacion, true);
    }
  }
  return {
    eleccion: c.eleccion,
    archivo: c.archivo,
    linea: c.linea,
    etiqueta: `${(f.datos.CLAVE_ACTA ?? '').trim() || 'sin clave'} (sin sección)`,
    clave: null,
    casillaClave: null,
    identificacion: { eleccion: ctx.em.eleccion.codigo, seccion: 0, tipo: casilla.tipo, id: 0, extContigua: 0 },
    registro: { tipo: 'sin_seccion' },
    catd: null,
    tiempos: { acopio: ctx.corte, captura: ctx.corte, verificacion: ctx.corte },
    mecanismo: c.mecanismo,
    imagen: c.imagen,
    codigoArchivo: c.codigoArchivo,
    archivoDice: c.archivoDice,
    reglas,
    cifrasReglas: {},
    entradaReglas,
    notas: ['acta esperada sin sección (N/A: voto desde el extranjero, anticipado o en prisión): el catálogo no la admite y no se reproduce'],
  };
}

/** Everything a replay does, from the file(s): `results.csv [candidaturas.csv] …` as `from-prep` takes them. */
export function planearReplay(entradas: readonly ArchivoEntrada[], opciones: OpcionesReplay): Result<PlanReplay, ProblemaArchivo[]> {
  const { final, ...opcionesDesdePrep } = opciones;
  // Read once: the derivation reports any file that does not parse; the plan walks the same parsed rows.
  const lectura = leerFuentes(entradas);
  const resultados = lectura.fuentes.map((x) => x.resultados);
  const cortes = resultados.filter((r) => r.corte !== undefined).map((r) => ({ archivo: r.archivo, corte: r.corte! }));
  if (resultados.length > 0 && cortes.length === 0) {
    return err(
      resultados.map((r) => ({
        archivo: r.archivo,
        codigo: 'CORTE',
        mensaje: 'no tiene la línea del corte (DD/MM/AAAA HH:MM (UTC-6)) antes del resumen: no se sabe en qué instante publicar el corte que lo reproduce',
      })),
    );
  }
  const derivado = derivarCatalogo(lectura, opcionesDesdePrep);
  if (!derivado.ok) return derivado;
  const { catalogue, columnas } = derivado.value;
  const avisos: ProblemaArchivo[] = [...derivado.value.avisos];
  const modelo = construirModelo(catalogue);
  if (!modelo.ok) return err(modelo.error.map((p) => ({ archivo: '.', codigo: 'MODELO', mensaje: `el catálogo derivado no permite un corte: ${p.mensaje}` })));
  const corte = instanteDelCorte(cortes, catalogue.entidad.utcOffsetMinutes, avisos);

  const elecciones: EleccionReplay[] = [];
  for (const cols of columnas) {
    const r = resultados.find((x) => x.archivo === cols.archivo);
    const em = modelo.value.eleccionPorCodigo.get(cols.eleccion);
    if (!r || !em) continue;
    const ctx: Contexto = { modelo: modelo.value, em, r, renombre: cols.renombre, corte: corte.ms, offset: corte.offsetMinutes, avisos, conteos: new Map() };
    const eleccion = planearEleccion(ctx, opciones.entidad);
    if (!eleccion.ok) return eleccion;
    elecciones.push(eleccion.value);
  }
  const operadores = operadoresDe(elecciones);
  if (!operadores.ok) return operadores;
  return ok({ catalogue, modelo: modelo.value, corte, final, elecciones, operadores: operadores.value, avisos: ordenarProblemas(avisos) });
}

/** One corte reproduces the files: at the latest of their instants (files of different cortes: said so). */
function instanteDelCorte(cortes: readonly { archivo: string; corte: CorteInstante }[], offset: number, avisos: ProblemaArchivo[]): PlanReplay['corte'] {
  const ultimo = cortes.reduce((a, b) => (b.corte.ms > a.corte.ms ? b : a));
  if (cortes.some((c) => c.corte.ms !== ultimo.corte.ms)) {
    avisos.push({ archivo: '.', codigo: 'CORTE', mensaje: `los archivos son de cortes distintos (${cortes.map((c) => `${c.archivo}: ${formatCorte(c.corte.ms, c.corte.offsetMinutes)}`).join('; ')}): se publica uno al instante del más reciente` });
  }
  return { ms: ultimo.corte.ms, offsetMinutes: offset, texto: formatCorte(ultimo.corte.ms, offset) };
}

/**
 * Every row of one election's file, in file order: the entidad's expected actas (each one of the derived
 * catalogue's), its actas without a sección, then its fuera de catálogo rows; what was assumed, counted.
 */
function planearEleccion(ctx: Contexto, entidadPedida: number | undefined): Result<EleccionReplay, ProblemaArchivo[]> {
  const { r, em, modelo } = ctx;
  const entidad = modelo.entidad.id;
  const actas: ActaReplay[] = [];
  const fc: ActaReplay[] = [];
  const usadas = new Set<string>();
  /** Key of each expected acta (a part's `CLAVE_ACTA-n`) → the line of its row; rows per CLAVE_ACTA. */
  const vistas = new Map<string, number>();
  const filasDe = new Map<string, number>();
  const duplicadas: EleccionReplay['duplicadas'] = [];
  for (const f of r.filas) {
    const idEntidad = entero(f.datos.ID_ENTIDAD, 1, 32);
    // A row without an entidad of its own belongs to the only one a file without --entidad holds.
    const deLaEntidad = idEntidad === entidad || (idEntidad === null && entidadPedida === undefined);
    if (esSinSeccion(f)) {
      if (deLaEntidad) actas.push(actaSinSeccion(ctx, f));
      continue;
    }
    if (esFueraDeCatalogo(f)) {
      if (deLaEntidad) fc.push(actaFueraDeCatalogo(ctx, f, usadas));
      continue;
    }
    if (idEntidad !== entidad) continue;
    const a = actaDelCatalogo(ctx, f);
    if (a === undefined) {
      // The derivation made a casilla of every such row: only a broken derivation lands here.
      return err([{ archivo: r.archivo, linea: f.linea, columna: 1, codigo: 'REPLAY', mensaje: 'la fila no corresponde a ninguna acta del catálogo derivado' }]);
    }
    // The n-th row of a CLAVE_ACTA is part n of a split casilla's acta (from-prep numbers them so).
    const n = (filasDe.get(a.clave) ?? 0) + 1;
    filasDe.set(a.clave, n);
    const parte = n === 1 ? a : n <= PARTE_MAXIMA ? modelo.actaPorClave.get(claveDeParte(a.clave, n)) : undefined;
    if (parte === undefined) {
      duplicadas.push({ acta: actaEsperada(ctx, f, a), lineaPrimera: vistas.get(a.clave)! });
      continue;
    }
    vistas.set(parte.clave, f.linea);
    actas.push(actaEsperada(ctx, f, parte));
  }
  avisarConteos(ctx);
  if (duplicadas.length > 0) {
    ctx.avisos.push({
      archivo: r.archivo,
      codigo: 'REPLAY',
      mensaje: `${duplicadas.length} fila(s) repiten la CLAVE_ACTA de una fila anterior (${duplicadas.map((d) => `línea ${d.acta.linea} = ${d.lineaPrimera}`).join(', ')}) sin ser una parte de su acta en el catálogo: solo se envía la primera y las demás se informan como diferencias del archivo`,
    });
  }
  const sinFila = em.actas.filter((a) => !vistas.has(a.clave));
  if (sinFila.length > 0) {
    ctx.avisos.push({ archivo: r.archivo, codigo: 'REPLAY', mensaje: `${sinFila.length} acta(s) esperada(s) del catálogo sin fila en este archivo (sus casillas vienen de otro archivo): cuentan como esperadas no registradas` });
  }
  const entidadesDelArchivo = new Set(r.filas.filter((f) => !esFueraDeCatalogo(f)).map((f) => (f.datos.ID_ENTIDAD ?? '').trim()));
  return ok({
    codigo: em.eleccion.codigo,
    nombre: em.eleccion.nombre,
    archivo: r.archivo,
    resumenArchivo: r.resumen,
    lineaResumen: r.lineaResumen ?? null,
    resumenComparable: entidadesDelArchivo.size <= 1,
    actas: [...actas, ...fc],
    sinFila,
    duplicadas,
    columnas: em.columnas,
  });
}

/** The expected acta of the catalogue a row's keys name (undefined: none). */
function actaDelCatalogo(ctx: Contexto, f: FilaResultados): ActaModelo | undefined {
  // The votes from abroad are casilla M of sección 0 (its id 00 or 01, as the file says), as from-prep derives it.
  const extranjero = esVotoExtranjero(f);
  const s = extranjero ? 0 : entero(f.datos.SECCION, 1, 9999);
  const tipo = TipoCasillaSchema.safeParse((f.datos.TIPO_CASILLA ?? '').trim().toUpperCase());
  const id = entero(f.datos.ID_CASILLA, extranjero ? 0 : 1, 99) ?? (extranjero ? 0 : null);
  const ext = esNoAplica(f.datos.EXT_CONTIGUA) ? 0 : entero(f.datos.EXT_CONTIGUA, 0, 99);
  if (s === null || !tipo.success || id === null || ext === null) return undefined;
  const clave = claveActa(claveCasilla(ctx.modelo.entidad.id, { seccion: s, tipo: tipo.data, id, extContigua: ext }), ctx.em.eleccion.tipoActa);
  return ctx.modelo.actaPorClave.get(clave);
}

/** What was assumed for many actas of the file, said once per kind with the count. */
function avisarConteos(ctx: Contexto): void {
  for (const [que, n] of ctx.conteos) {
    const mensaje =
      que === 'sin FECHA_HORA'
        ? `${n} acta(s) sin alguna FECHA_HORA de acopio, captura o verificación: se usó la del paso anterior o el instante del corte`
        : que === 'totales «-»'
          ? `${n} acta(s) con «-» en alguno de los totales (TOTAL_BOLETAS_SOBRANTES…): se capturó Sin dato`
          : `${n} acta(s) con ${que.replace(' ilegible', '')} ilegible: se usó la del paso anterior o el instante del corte`;
    ctx.avisos.push({ archivo: ctx.r.archivo, codigo: 'REPLAY', mensaje });
  }
}

/** One operator per CATD that receives an acta (acopio, digitalización), a PREP Casilla device if needed, two capturists, the admin. */
function operadoresDe(elecciones: readonly EleccionReplay[]): Result<OperadoresReplay, ProblemaArchivo[]> {
  const porCatd = new Map<string, string>();
  const casillas = new Set<string>();
  const problemas: ProblemaArchivo[] = [];
  for (const e of elecciones) {
    for (const a of e.actas) {
      if (a.registro.tipo === 'pendiente' || a.registro.tipo === 'ilegible' || a.registro.tipo === 'sin_seccion') continue;
      if (a.catd === null) {
        problemas.push({ archivo: a.archivo, linea: a.linea, columna: 1, codigo: 'CATD', mensaje: `ningún CATD del catálogo recibe actas de ${a.eleccion} de esta sección` });
        continue;
      }
      porCatd.set(a.catd, operadorDeCatd(a.catd));
      if (a.registro.tipo === 'captura' && a.imagen.origen === 'CASILLA' && a.casillaClave !== null) casillas.add(a.casillaClave);
    }
  }
  if (problemas.length > 0) return err(problemas);
  const todos: OperadorNuevo[] = [
    ...[...porCatd].map(([catd, id]) => ({ id, nombre: `Réplica: acopio y digitalización ${catd}`, ambito: 'CATD' as const, catd, roles: ['acopio' as const, 'digitalizacion' as const], casillas: [] })),
    ...(casillas.size > 0 ? [{ id: OPERADOR_CASILLA, nombre: 'Réplica: PREP Casilla', ambito: 'CASILLA' as const, catd: null, roles: ['digitalizacion' as const], casillas: [...casillas].sort() }] : []),
    ...CAPTURISTAS.map((id, i) => ({ id, nombre: `Réplica: capturista ${i + 1}`, ambito: 'CCV' as const, catd: null, roles: ['captura' as const], casillas: [] })),
    { id: ADMINISTRADOR, nombre: 'Réplica: instituto', ambito: 'INSTITUTO', catd: null, roles: ['admin'], casillas: [] },
  ];
  return ok({ porCatd, casilla: casillas.size > 0 ? OPERADOR_CASILLA : null, capturistas: CAPTURISTAS, administrador: ADMINISTRADOR, todos });
}
