/**
 * The casillas and the geography of a derived catalogue, merged over every results file: each expected acta of
 * the entidad is a casilla (the same casilla in two elections' files is one, and must say the same there), and
 * its sección, distrito and municipio make the geography.
 */
import { CasillaSchema, PARTE_MAXIMA, type Casilla } from '../../../worker/domain/catalogo/esquema.ts';
import { FORMATO, leerUbicacion } from '../../../worker/domain/catalogo/archivos/especificacion.ts';
import { ordenarProblemas, type ProblemaArchivo } from '../../../worker/domain/catalogo/archivos/problemas.ts';
import { leerEntero } from '../../../worker/domain/catalogo/archivos/tabla.ts';
import { err, ok, type Result } from '../../../worker/domain/resultado.ts';
import { Discrepancias } from './discrepancias.ts';
import type { ColumnaDatos } from './encabezados.ts';
import type { Fuente, Origen } from './fuentes.ts';
import { enEncabezado, type Lugar } from './lugares.ts';
import { esNoAplica, esVotoExtranjero, type ArchivoResultados, type FilaResultados } from './resultados.ts';

export interface SeccionDerivada {
  /** SIN_TERRITORIO while no file with a distrito column has had a row of it (then a placeholder distrito). */
  distrito: number;
  /** null while no file with ID_MUNICIPIO has had a row of it. */
  municipio: number | null;
  origen: Origen;
}

export interface Geografia {
  secciones: Map<number, SeccionDerivada>;
  /** Distrito id → cabecera. */
  distritos: Map<number, string>;
  /** Municipio id → name. */
  municipios: Map<number, string>;
  /** By casilla key (sección, tipo, id, ext), in the order first seen. */
  casillas: Map<string, { casilla: Casilla; origen: Origen; archivos: Set<string> }>;
  /** No file has ID_MUNICIPIO: every sección is in one municipio 1. */
  municipioUnico: boolean;
  /** The first row that named each territory (its id cell): where a warning about the territory points. */
  origenTerritorio: { distrito: Map<number, Lugar>; municipio: Map<number, Lugar> };
  /** Further parts of split casillas' actas: a casilla's n-th row in one file, in another territory (file order). */
  partes: ParteDerivada[];
  /** The part each such row is (its ballot is its own territory's). */
  parteDeFila: Map<FilaResultados, ParteDerivada>;
}

/** Part `parte` of a casilla's acta in one file's election; a territory null where the file has no such column. */
export interface ParteDerivada {
  casilla: ClaveCasilla;
  archivo: string;
  parte: number;
  distrito: number | null;
  municipio: number | null;
  listaNominal: number;
  origen: Origen;
}

/** A casilla's rows so far in one file: its first line and territory, and how many parts it has. */
interface EnArchivo {
  linea: number;
  distrito: number | null;
  municipio: number | null;
  partes: number;
}

/** The casilla fields read from a row (ELECCIONES comes from which files a casilla appears in, not from a cell). */
type CampoFila = Exclude<keyof Casilla, 'elecciones'>;

/** Where each casilla field is read from, and what it must look like (for the problems' wording). */
const CAMPO_COLUMNA: Record<CampoFila, ColumnaDatos> = {
  seccion: 'SECCION',
  tipo: 'TIPO_CASILLA',
  id: 'ID_CASILLA',
  extContigua: 'EXT_CONTIGUA',
  ubicacion: 'UBICACION_CASILLA',
  listaNominal: 'LISTA_NOMINAL',
  representantes: 'REPRESENTANTES_PP_CI',
};
const FORMATO_CAMPO: Record<CampoFila, string> = {
  seccion: FORMATO.seccion,
  tipo: FORMATO.tipoCasilla,
  id: FORMATO.idCasilla,
  extContigua: FORMATO.extContigua,
  ubicacion: FORMATO.ubicacion,
  listaNominal: FORMATO.enteroNoNegativo,
  representantes: FORMATO.enteroNoNegativo,
};

/** A sección's distrito before any file with the column has placed it (ids are positive, so 0 is free). */
const SIN_TERRITORIO = 0;
/** The name of the territory that holds the secciones no file placed. */
const NO_PUBLICADO = { distrito: 'Distrito no publicado en los archivos', municipio: 'Municipio no publicado en los archivos' } as const;

export const ceros = (x: number, ancho: number) => String(x).padStart(ancho, '0');
type ClaveCasilla = Pick<Casilla, 'seccion' | 'tipo' | 'id' | 'extContigua'>;
const claveDe = (c: ClaveCasilla) => `${c.seccion}|${c.tipo}|${c.id}|${c.extContigua}`;
const casillaTexto = (c: ClaveCasilla) => `${ceros(c.seccion, 4)} ${c.tipo} ${ceros(c.id, 2)} ${ceros(c.extContigua, 2)}`;

/** A problem at a row's cell (or at the row, or the file, when that is all there is). */
function enLugar(archivo: string, fila: FilaResultados | undefined, col: ColumnaDatos | undefined, codigo: string, mensaje: string): ProblemaArchivo {
  const p = (fila && col && fila.pos[col]) || (fila ? { linea: fila.linea, columna: 1 } : undefined);
  return { archivo, ...(p ? { linea: p.linea, columna: p.columna } : {}), ...(col ? { campo: col } : {}), codigo, mensaje };
}

/** Every expected acta of the entidad as a casilla in its sección; every conflict between rows or files located. */
export function reunirGeografia(fuentes: readonly Fuente[], deLaEntidad: (f: FilaResultados) => boolean, avisos: ProblemaArchivo[]): Result<Geografia, ProblemaArchivo[]> {
  const geo: Geografia = {
    secciones: new Map(),
    distritos: new Map(),
    municipios: new Map(),
    casillas: new Map(),
    municipioUnico: !fuentes.some((x) => x.resultados.columnas.includes('ID_MUNICIPIO')),
    origenTerritorio: { distrito: new Map(), municipio: new Map() },
    partes: [],
    parteDeFila: new Map(),
  };
  const problemas: ProblemaArchivo[] = [];
  const faltan: Faltan = {};
  const discrepancias = new Discrepancias();
  for (const { resultados: r } of fuentes) {
    avisarSinColumnas(r, geo, avisos);
    const enArchivo = new Map<string, EnArchivo>();
    for (const f of r.filas) {
      if (!deLaEntidad(f)) continue;
      if (f.datos.UBICACION_CASILLA === undefined) faltan.ubicacion ??= enEncabezado(r);
      if (f.datos.REPRESENTANTES_PP_CI === undefined) faltan.representantes ??= enEncabezado(r);
      const leida = leerFila(r, f, problemas, avisos);
      if (leida === null) continue;
      nombrarTerritorios(geo, r, f, leida);
      anotarSeccion(geo, r, f, leida, discrepancias);
      fusionarCasilla(geo, r, f, leida, enArchivo, discrepancias);
    }
  }
  if (problemas.length > 0) return err(ordenarProblemas(problemas));
  avisos.push(...discrepancias.avisos());
  ubicarSinTerritorio(geo, avisos);
  quitarTerritoriosVacios(geo, avisos);
  avisarLoQueFalta(geo, faltan, fuentes, avisos);
  return ok(geo);
}

/** The first file without each column the casillas take a default for. */
interface Faltan {
  ubicacion?: Lugar;
  representantes?: Lugar;
}

interface FilaLeida {
  casilla: Casilla;
  /** null: the file has no distrito column. */
  distrito: number | null;
  municipio: number | null;
}

/** The casilla, distrito and municipio a row holds; null (and its problems) when a cell is not what it must be. */
function leerFila(r: ArchivoResultados, f: FilaResultados, problemas: ProblemaArchivo[], avisos: ProblemaArchivo[]): FilaLeida | null {
  if (esVotoExtranjero(f)) return leerVotoExtranjero(r, f, avisos);
  const d = f.datos;
  const entero = (col: ColumnaDatos, porDefecto?: number) => {
    const v = d[col];
    if (v === undefined || esNoAplica(v)) return porDefecto;
    return leerEntero(v);
  };
  const cas = CasillaSchema.safeParse({
    seccion: entero('SECCION'),
    tipo: (d.TIPO_CASILLA ?? '').toUpperCase(),
    id: entero('ID_CASILLA'),
    extContigua: entero('EXT_CONTIGUA', 0),
    ubicacion: d.UBICACION_CASILLA === undefined ? 1 : leerUbicacion(d.UBICACION_CASILLA),
    listaNominal: entero('LISTA_NOMINAL', 0),
    representantes: entero('REPRESENTANTES_PP_CI', 0),
  });
  if (!cas.success) {
    const campos = new Set(cas.error.issues.map((i) => String(i.path[0]) as CampoFila));
    for (const campo of campos) {
      const col = CAMPO_COLUMNA[campo];
      problemas.push(enLugar(r.archivo, f, col, 'VALOR', `${col}: se esperaba ${FORMATO_CAMPO[campo]}; se leyó «${d[col] ?? ''}»`));
    }
    return null;
  }
  const distrito = r.columnas.includes('ID_DISTRITO') ? idPositivo(r, f, 'ID_DISTRITO', problemas) : null;
  if (distrito === null && r.columnas.includes('ID_DISTRITO')) return null;
  if (!r.columnas.includes('ID_MUNICIPIO')) return { casilla: cas.data, distrito, municipio: null };
  const municipio = idPositivo(r, f, 'ID_MUNICIPIO', problemas);
  return municipio === null ? null : { casilla: cas.data, distrito, municipio };
}

/**
 * The votes-from-abroad acta (docs/catalogo.md): casilla M of sección 0, in the distrito the row names when it names
 * one (Puebla 2018's pseudo-distrito 27) and otherwise in a territory of its own (see ubicarSinTerritorio). Its
 * lista nominal is 0 in the catalogue, as for every tipo M casilla (docs/REGLAS.md §4: no limit); a file's own
 * figure (the list of voters abroad) is said and not used.
 */
function leerVotoExtranjero(r: ArchivoResultados, f: FilaResultados, avisos: ProblemaArchivo[]): FilaLeida {
  const d = f.datos;
  const entero = (col: ColumnaDatos) => {
    const v = leerEntero(d[col] ?? '');
    return typeof v === 'number' && Number.isInteger(v) && v >= 0 ? v : null;
  };
  const listaArchivo = entero('LISTA_NOMINAL') ?? 0;
  if (listaArchivo > 0) {
    avisos.push(enLugar(r.archivo, f, 'LISTA_NOMINAL', 'LISTA_NOMINAL_EXTRANJERO', `el acta del voto desde el extranjero trae LISTA_NOMINAL ${listaArchivo}: en el catálogo es 0, como toda casilla M (regla: docs/REGLAS.md §4, sin límite de lista nominal)`));
  }
  const casilla: Casilla = {
    seccion: 0,
    tipo: 'M',
    id: Math.min(entero('ID_CASILLA') ?? 0, 99),
    extContigua: Math.min(entero('EXT_CONTIGUA') ?? 0, 99),
    ubicacion: 1,
    listaNominal: 0,
    representantes: entero('REPRESENTANTES_PP_CI') ?? 0,
  };
  const distrito = r.columnas.includes('ID_DISTRITO') ? entero('ID_DISTRITO') : null;
  const municipio = r.columnas.includes('ID_MUNICIPIO') ? entero('ID_MUNICIPIO') : null;
  return { casilla, distrito: distrito || null, municipio: municipio || null };
}

/** A territory id cell: a positive integer, or a located problem. */
function idPositivo(r: ArchivoResultados, f: FilaResultados, col: 'ID_DISTRITO' | 'ID_MUNICIPIO', problemas: ProblemaArchivo[]): number | null {
  const n = leerEntero(f.datos[col] ?? '');
  if (typeof n === 'number' && Number.isInteger(n) && n >= 1) return n;
  problemas.push(enLugar(r.archivo, f, col, 'VALOR', `${col}: se esperaba ${FORMATO.enteroPositivo}; se leyó «${f.datos[col] ?? ''}»`));
  return null;
}

/** The first name a file gives a territory wins; a generated `Distrito N` gives way to a real one. */
function nombrarTerritorios(geo: Geografia, r: ArchivoResultados, f: FilaResultados, { distrito, municipio }: FilaLeida): void {
  const d = f.datos;
  const en = (col: ColumnaDatos) => ({ archivo: r.archivo, linea: f.linea, columna: f.pos[col]?.columna ?? 1 });
  if (municipio !== null && !geo.origenTerritorio.municipio.has(municipio)) geo.origenTerritorio.municipio.set(municipio, en('ID_MUNICIPIO'));
  if (distrito !== null && !geo.origenTerritorio.distrito.has(distrito)) geo.origenTerritorio.distrito.set(distrito, en('ID_DISTRITO'));
  if (municipio !== null && (!geo.municipios.has(municipio) || geo.municipios.get(municipio) === `Municipio ${municipio}`)) {
    geo.municipios.set(municipio, d.MUNICIPIO && !esNoAplica(d.MUNICIPIO) ? d.MUNICIPIO : `Municipio ${municipio}`);
  }
  if (distrito !== null && (!geo.distritos.has(distrito) || geo.distritos.get(distrito) === `Distrito ${distrito}`)) {
    geo.distritos.set(distrito, d.DISTRITO && !esNoAplica(d.DISTRITO) ? d.DISTRITO : `Distrito ${distrito}`);
  }
}

/**
 * A sección is in one distrito and one municipio in the catalogue: the first row that places it says which. A
 * file that places it elsewhere (a sección split between municipios, a junta file's own territories) is a
 * warning: the sección stays where it first appeared, for every election.
 */
function anotarSeccion(geo: Geografia, r: ArchivoResultados, f: FilaResultados, { casilla: c, distrito, municipio }: FilaLeida, d: Discrepancias): void {
  const s = geo.secciones.get(c.seccion);
  if (!s) {
    geo.secciones.set(c.seccion, { distrito: distrito ?? SIN_TERRITORIO, municipio, origen: { archivo: r.archivo, linea: f.linea } });
    return;
  }
  const donde = `${s.origen.archivo}:${s.origen.linea}`;
  if (distrito !== null && s.distrito === SIN_TERRITORIO) s.distrito = distrito;
  else if (distrito !== null && s.distrito !== distrito) {
    const mensaje = `la sección ${c.seccion} está en el distrito ${distrito} aquí y en el ${s.distrito} en ${donde}: queda en el ${s.distrito} (regla: el territorio de su primera aparición) para todas las elecciones`;
    d.anotar(enLugar(r.archivo, f, 'ID_DISTRITO', 'SECCION_EN_DOS_DISTRITOS', mensaje), `${c.seccion} (${distrito} aquí, ${s.distrito} antes)`);
  }
  if (municipio !== null && s.municipio === null) s.municipio = municipio;
  else if (municipio !== null && s.municipio !== municipio) {
    const mensaje = `la sección ${c.seccion} está en el municipio ${municipio} aquí y en el ${s.municipio} en ${donde}: queda en el ${s.municipio} (regla: el territorio de su primera aparición) para todas las elecciones`;
    d.anotar(enLugar(r.archivo, f, 'ID_MUNICIPIO', 'SECCION_EN_DOS_MUNICIPIOS', mensaje), `${c.seccion} (${municipio} aquí, ${s.municipio} antes)`);
  }
}

/**
 * A casilla is one per file; in another election's file it is the same casilla and says the same
 * (REPRESENTANTES_PP_CI excepted where a file lacks the column: its 0 is not a statement). Saying otherwise in
 * another file (a junta's own lista nominal) keeps its first occurrence, and is said so. A casilla again in
 * the same file in another territory is the next part of its acta (a sección split between two territories);
 * again in the same territory, a repeated row, kept once.
 */
function fusionarCasilla(geo: Geografia, r: ArchivoResultados, f: FilaResultados, leida: FilaLeida, enArchivo: Map<string, EnArchivo>, d: Discrepancias): void {
  const c = leida.casilla;
  const k = claveDe(c);
  const antes = enArchivo.get(k);
  if (antes !== undefined) {
    anotarParte(geo, r, f, leida, antes, d);
    return;
  }
  enArchivo.set(k, { linea: f.linea, distrito: leida.distrito, municipio: leida.municipio, partes: 1 });
  const previa = geo.casillas.get(k);
  if (!previa) {
    geo.casillas.set(k, { casilla: c, origen: { archivo: r.archivo, linea: f.linea }, archivos: new Set([r.archivo]) });
    return;
  }
  previa.archivos.add(r.archivo);
  for (const campo of ['ubicacion', 'listaNominal', 'representantes'] as const) {
    if (previa.casilla[campo] !== c[campo] && !(campo === 'representantes' && f.datos.REPRESENTANTES_PP_CI === undefined)) {
      const col = CAMPO_COLUMNA[campo];
      const donde = `${previa.origen.archivo}:${previa.origen.linea}`;
      const mensaje = `la casilla ${casillaTexto(c)} tiene ${col} ${c[campo]} aquí y ${previa.casilla[campo]} en ${donde}: se usa ${previa.casilla[campo]} (regla: primera aparición)`;
      d.anotar(enLugar(r.archivo, f, col, 'CASILLA_DISTINTA', mensaje), `${casillaTexto(c)} ${col} ${c[campo]}≠${previa.casilla[campo]}`);
    }
  }
}

/** A casilla's further row in one file: the next part of its acta when its territory differs (up to PARTE_MAXIMA). */
function anotarParte(geo: Geografia, r: ArchivoResultados, f: FilaResultados, { casilla: c, distrito, municipio }: FilaLeida, antes: EnArchivo, d: Discrepancias): void {
  const otroTerritorio = distrito !== antes.distrito || municipio !== antes.municipio;
  if (!otroTerritorio || antes.partes >= PARTE_MAXIMA) {
    const por = otroTerritorio ? `ya tiene ${PARTE_MAXIMA} partes` : 'en el mismo territorio';
    const mensaje = `la casilla ${casillaTexto(c)} aparece otra vez en el archivo ${por} (antes en la línea ${antes.linea}): el catálogo la tiene una vez (regla: primera aparición)`;
    d.anotar(enLugar(r.archivo, f, 'SECCION', 'DUPLICADO', mensaje), `${casillaTexto(c)} (líneas ${antes.linea} y ${f.linea})`);
    return;
  }
  antes.partes++;
  const donde = municipio !== antes.municipio ? `el municipio ${municipio}` : `el distrito ${distrito}`;
  const mensaje = `la casilla ${casillaTexto(c)} aparece otra vez en el archivo (antes en la línea ${antes.linea}), ahora en ${donde}: es la parte ${antes.partes} de su acta (CLAVE_ACTA-${antes.partes} en el sistema), un acta aparte con sus cifras y su lista nominal, contada en su territorio de la elección (regla: sección partida, docs/catalogo.md)`;
  d.anotar(enLugar(r.archivo, f, municipio !== antes.municipio ? 'ID_MUNICIPIO' : 'ID_DISTRITO', 'SECCION_PARTIDA', mensaje), `${casillaTexto(c)} parte ${antes.partes} (línea ${f.linea})`);
  const { seccion, tipo, id, extContigua, listaNominal } = c;
  const parte = { casilla: { seccion, tipo, id, extContigua }, archivo: r.archivo, parte: antes.partes, distrito, municipio, listaNominal, origen: { archivo: r.archivo, linea: f.linea } };
  geo.partes.push(parte);
  geo.parteDeFila.set(f, parte);
}

/** A file without a territory column still imports: its secciones take the territory from another file. */
function avisarSinColumnas(r: ArchivoResultados, geo: Geografia, avisos: ProblemaArchivo[]): void {
  const lugar = { archivo: r.archivo, linea: r.lineaEncabezado, columna: 1 };
  if (!r.columnas.includes('ID_DISTRITO')) {
    avisos.push({ ...lugar, codigo: 'SIN_DISTRITO', mensaje: `sin columna del distrito (ID_DISTRITO_LOCAL, ID_DISTRITO_FEDERAL o ID_DISTRITO): sus secciones toman el distrito de otro archivo de resultados, o uno «${NO_PUBLICADO.distrito}»` });
  }
  if (!geo.municipioUnico && !r.columnas.includes('ID_MUNICIPIO')) {
    avisos.push({ ...lugar, codigo: 'SIN_MUNICIPIO', mensaje: `sin columna ID_MUNICIPIO: sus secciones toman el municipio de otro archivo de resultados, o uno «${NO_PUBLICADO.municipio}»` });
  }
}

/** The territory of the votes from abroad when no file names one: its own, beyond the real ones. */
const EXTRANJERO = 'Voto desde el extranjero';

/** Sección 0 (the votes from abroad) with no territory in the files gets one of its own, after the real ones. */
function ubicarExtranjero(geo: Geografia): void {
  const s = geo.secciones.get(0);
  if (s === undefined) return;
  if (s.distrito === SIN_TERRITORIO) {
    s.distrito = Math.max(0, ...geo.distritos.keys()) + 1;
    geo.distritos.set(s.distrito, EXTRANJERO);
  }
  if (!geo.municipioUnico && s.municipio === null) {
    s.municipio = Math.max(0, ...geo.municipios.keys()) + 1;
    geo.municipios.set(s.municipio, EXTRANJERO);
  }
}

/** The secciones no file placed go to one more territory, «no publicado», and said so. */
function ubicarSinTerritorio(geo: Geografia, avisos: ProblemaArchivo[]): void {
  ubicarExtranjero(geo);
  const secciones = [...geo.secciones];
  const sinDistrito = secciones.filter(([, s]) => s.distrito === SIN_TERRITORIO);
  if (sinDistrito.length > 0) {
    const id = Math.max(0, ...geo.distritos.keys()) + 1;
    geo.distritos.set(id, NO_PUBLICADO.distrito);
    for (const [, s] of sinDistrito) s.distrito = id;
    avisos.push({ ...enFila(sinDistrito[0]![1].origen), codigo: 'DISTRITOS', mensaje: `${sinDistrito.length} sección(es) sin distrito en ningún archivo (${listar(sinDistrito.map(([n]) => n))}) quedan en un distrito ${id} «${NO_PUBLICADO.distrito}» (la primera aparece aquí)` });
  }
  const sinMunicipio = geo.municipioUnico ? [] : secciones.filter(([, s]) => s.municipio === null);
  if (sinMunicipio.length > 0) {
    const id = Math.max(0, ...geo.municipios.keys()) + 1;
    geo.municipios.set(id, NO_PUBLICADO.municipio);
    for (const [, s] of sinMunicipio) s.municipio = id;
    avisos.push({ ...enFila(sinMunicipio[0]![1].origen), codigo: 'MUNICIPIOS', mensaje: `${sinMunicipio.length} sección(es) sin municipio en ningún archivo (${listar(sinMunicipio.map(([n]) => n))}) quedan en un municipio ${id} «${NO_PUBLICADO.municipio}» (la primera aparece aquí)` });
  }
}

const enFila = (o: Origen): Lugar => ({ archivo: o.archivo, linea: o.linea, columna: 1 });

/**
 * A territory whose every sección stayed in another one (first appearance) has no casilla: it leaves the
 * catalogue, and said so at the first row that named it.
 */
function quitarTerritoriosVacios(geo: Geografia, avisos: ProblemaArchivo[]): void {
  const secciones = [...geo.secciones.values()];
  for (const [tipo, mapa] of [['distrito', geo.distritos], ['municipio', geo.municipios]] as const) {
    const usados = new Set(secciones.map((s) => s[tipo]));
    const vacios = [...mapa].filter(([id]) => !usados.has(id));
    for (const [id, nombre] of vacios) {
      mapa.delete(id);
      const lugar = geo.origenTerritorio[tipo].get(id)!;
      avisos.push({
        ...lugar,
        codigo: 'TERRITORIO_VACIO',
        mensaje: `el ${tipo} ${id} ${nombre.trim()} no tiene ninguna sección propia (cada una quedó en el ${tipo} de su primera aparición en los archivos): queda fuera del catálogo`,
      });
    }
  }
}

const listar = (xs: readonly (string | number)[]) => xs.slice(0, 10).join(', ') + (xs.length > 10 ? `, … (${xs.length - 10} más)` : '');

/**
 * What the files did not carry and was filled in: urban casillas, 0 representantes (said at the header of the
 * first file without the column), one municipio (at the header of the first file: none has the column).
 */
function avisarLoQueFalta(geo: Geografia, faltan: Faltan, fuentes: readonly Fuente[], avisos: ProblemaArchivo[]): void {
  if (faltan.ubicacion) avisos.push({ ...faltan.ubicacion, codigo: 'UBICACION', mensaje: 'sin columna UBICACION_CASILLA: las casillas quedan como urbanas (1)' });
  if (faltan.representantes) avisos.push({ ...faltan.representantes, codigo: 'REPRESENTANTES', mensaje: 'sin columna REPRESENTANTES_PP_CI: se usan los de otro archivo o 0' });
  if (geo.municipioUnico) {
    geo.municipios.set(1, NO_PUBLICADO.municipio);
    const n = fuentes.length;
    avisos.push({
      ...enEncabezado(fuentes[0]!.resultados),
      codigo: 'MUNICIPIOS',
      mensaje: `ningún archivo trae ID_MUNICIPIO (${n === 1 ? 'este' : `ni este ni los otros ${n - 1}`}): todas las secciones quedan en un municipio 1 «${NO_PUBLICADO.municipio}»`,
    });
  }
}
