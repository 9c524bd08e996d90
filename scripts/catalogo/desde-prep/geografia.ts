/**
 * The casillas and the geography of a derived catalogue, merged over every results file: each expected acta of
 * the entidad is a casilla (the same casilla in two elections' files is one, and must say the same there), and
 * its sección, distrito and municipio make the geography.
 */
import { CasillaSchema, type Casilla } from '../../../worker/domain/catalogo/esquema.ts';
import { FORMATO, leerUbicacion } from '../../../worker/domain/catalogo/archivos/especificacion.ts';
import { ordenarProblemas, type ProblemaArchivo } from '../../../worker/domain/catalogo/archivos/problemas.ts';
import { leerEntero } from '../../../worker/domain/catalogo/archivos/tabla.ts';
import { err, ok, type Result } from '../../../worker/domain/resultado.ts';
import type { ColumnaDatos } from './encabezados.ts';
import type { Fuente, Origen } from './fuentes.ts';
import { esNoAplica, type ArchivoResultados, type FilaResultados } from './resultados.ts';

export interface SeccionDerivada {
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
  casillas: Map<string, { casilla: Casilla; origen: Origen }>;
  /** No file has ID_MUNICIPIO: every sección is in one municipio 1. */
  municipioUnico: boolean;
}

/** Where each casilla field is read from, and what it must look like (for the problems' wording). */
const CAMPO_COLUMNA: Record<keyof Casilla, ColumnaDatos> = {
  seccion: 'SECCION',
  tipo: 'TIPO_CASILLA',
  id: 'ID_CASILLA',
  extContigua: 'EXT_CONTIGUA',
  ubicacion: 'UBICACION_CASILLA',
  listaNominal: 'LISTA_NOMINAL',
  representantes: 'REPRESENTANTES_PP_CI',
};
const FORMATO_CAMPO: Record<keyof Casilla, string> = {
  seccion: FORMATO.seccion,
  tipo: FORMATO.tipoCasilla,
  id: FORMATO.idCasilla,
  extContigua: FORMATO.extContigua,
  ubicacion: FORMATO.ubicacion,
  listaNominal: FORMATO.enteroNoNegativo,
  representantes: FORMATO.enteroNoNegativo,
};

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
  const geo: Geografia = { secciones: new Map(), distritos: new Map(), municipios: new Map(), casillas: new Map(), municipioUnico: !fuentes.some((x) => x.resultados.columnas.includes('ID_MUNICIPIO')) };
  const problemas: ProblemaArchivo[] = [];
  const faltan = { ubicacion: false, representantes: false };
  for (const { resultados: r } of fuentes) {
    if (!r.columnas.includes('ID_DISTRITO')) {
      problemas.push({ archivo: r.archivo, linea: r.lineaEncabezado, columna: 1, codigo: 'COLUMNA_FALTANTE', mensaje: 'falta la columna del distrito (ID_DISTRITO_LOCAL, ID_DISTRITO_FEDERAL o ID_DISTRITO)' });
      continue;
    }
    const enArchivo = new Set<string>();
    for (const f of r.filas) {
      if (!deLaEntidad(f)) continue;
      if (f.datos.UBICACION_CASILLA === undefined) faltan.ubicacion = true;
      if (f.datos.REPRESENTANTES_PP_CI === undefined) faltan.representantes = true;
      const leida = leerFila(r, f, problemas);
      if (leida === null) continue;
      nombrarTerritorios(geo, f, leida);
      anotarSeccion(geo, r, f, leida, problemas);
      fusionarCasilla(geo, r, f, leida.casilla, enArchivo, problemas);
    }
  }
  if (problemas.length > 0) return err(ordenarProblemas(problemas));
  avisarLoQueFalta(geo, faltan, avisos);
  return ok(geo);
}

interface FilaLeida {
  casilla: Casilla;
  distrito: number;
  municipio: number | null;
}

/** The casilla, distrito and municipio a row holds; null (and its problems) when a cell is not what it must be. */
function leerFila(r: ArchivoResultados, f: FilaResultados, problemas: ProblemaArchivo[]): FilaLeida | null {
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
    const campos = new Set(cas.error.issues.map((i) => String(i.path[0]) as keyof Casilla));
    for (const campo of campos) {
      const col = CAMPO_COLUMNA[campo];
      problemas.push(enLugar(r.archivo, f, col, 'VALOR', `${col}: se esperaba ${FORMATO_CAMPO[campo]}; se leyó «${d[col] ?? ''}»`));
    }
    return null;
  }
  const distrito = idPositivo(r, f, 'ID_DISTRITO', problemas);
  if (distrito === null) return null;
  if (!r.columnas.includes('ID_MUNICIPIO')) return { casilla: cas.data, distrito, municipio: null };
  const municipio = idPositivo(r, f, 'ID_MUNICIPIO', problemas);
  return municipio === null ? null : { casilla: cas.data, distrito, municipio };
}

/** A territory id cell: a positive integer, or a located problem. */
function idPositivo(r: ArchivoResultados, f: FilaResultados, col: 'ID_DISTRITO' | 'ID_MUNICIPIO', problemas: ProblemaArchivo[]): number | null {
  const n = leerEntero(f.datos[col] ?? '');
  if (typeof n === 'number' && Number.isInteger(n) && n >= 1) return n;
  problemas.push(enLugar(r.archivo, f, col, 'VALOR', `${col}: se esperaba ${FORMATO.enteroPositivo}; se leyó «${f.datos[col] ?? ''}»`));
  return null;
}

/** The first name a file gives a territory wins; a generated `Distrito N` gives way to a real one. */
function nombrarTerritorios(geo: Geografia, f: FilaResultados, { distrito, municipio }: FilaLeida): void {
  const d = f.datos;
  if (municipio !== null && (!geo.municipios.has(municipio) || geo.municipios.get(municipio) === `Municipio ${municipio}`)) {
    geo.municipios.set(municipio, d.MUNICIPIO && !esNoAplica(d.MUNICIPIO) ? d.MUNICIPIO : `Municipio ${municipio}`);
  }
  if (!geo.distritos.has(distrito) || geo.distritos.get(distrito) === `Distrito ${distrito}`) {
    geo.distritos.set(distrito, d.DISTRITO && !esNoAplica(d.DISTRITO) ? d.DISTRITO : `Distrito ${distrito}`);
  }
}

/** A sección is in one distrito and one municipio, in every file: the first row says which, the others agree. */
function anotarSeccion(geo: Geografia, r: ArchivoResultados, f: FilaResultados, { casilla: c, distrito, municipio }: FilaLeida, problemas: ProblemaArchivo[]): void {
  const s = geo.secciones.get(c.seccion);
  if (!s) {
    geo.secciones.set(c.seccion, { distrito, municipio, origen: { archivo: r.archivo, linea: f.linea } });
    return;
  }
  const donde = `${s.origen.archivo}:${s.origen.linea}`;
  if (s.distrito !== distrito) {
    problemas.push(enLugar(r.archivo, f, 'ID_DISTRITO', 'SECCION_EN_DOS_DISTRITOS', `la sección ${c.seccion} está en el distrito ${distrito} aquí y en el ${s.distrito} en ${donde}`));
  }
  if (municipio !== null && s.municipio !== null && s.municipio !== municipio) {
    problemas.push(enLugar(r.archivo, f, 'ID_MUNICIPIO', 'SECCION_EN_DOS_MUNICIPIOS', `la sección ${c.seccion} está en el municipio ${municipio} aquí y en el ${s.municipio} en ${donde}`));
  }
  if (s.municipio === null && municipio !== null) s.municipio = municipio;
}

/**
 * A casilla appears once per file; in another election's file it is the same casilla and must say the same
 * (REPRESENTANTES_PP_CI excepted where a file lacks the column: its 0 is not a statement).
 */
function fusionarCasilla(geo: Geografia, r: ArchivoResultados, f: FilaResultados, c: Casilla, enArchivo: Set<string>, problemas: ProblemaArchivo[]): void {
  const k = claveDe(c);
  if (enArchivo.has(k)) {
    problemas.push(enLugar(r.archivo, f, 'SECCION', 'DUPLICADO', `la casilla ${casillaTexto(c)} aparece dos veces en el archivo`));
    return;
  }
  enArchivo.add(k);
  const previa = geo.casillas.get(k);
  if (!previa) {
    geo.casillas.set(k, { casilla: c, origen: { archivo: r.archivo, linea: f.linea } });
    return;
  }
  for (const campo of ['ubicacion', 'listaNominal', 'representantes'] as const) {
    if (previa.casilla[campo] !== c[campo] && !(campo === 'representantes' && f.datos.REPRESENTANTES_PP_CI === undefined)) {
      const col = CAMPO_COLUMNA[campo];
      problemas.push(
        enLugar(r.archivo, f, col, 'CASILLA_DISTINTA', `la casilla ${casillaTexto(c)} tiene ${col} ${c[campo]} aquí y ${previa.casilla[campo]} en ${previa.origen.archivo}:${previa.origen.linea}`),
      );
    }
  }
}

/** What the files did not carry and was filled in: urban casillas, 0 representantes, one municipio. */
function avisarLoQueFalta(geo: Geografia, faltan: { ubicacion: boolean; representantes: boolean }, avisos: ProblemaArchivo[]): void {
  if (faltan.ubicacion) avisos.push({ archivo: '.', codigo: 'UBICACION', mensaje: 'sin columna UBICACION_CASILLA: las casillas quedan como urbanas (1)' });
  if (faltan.representantes) avisos.push({ archivo: '.', codigo: 'REPRESENTANTES', mensaje: 'sin columna REPRESENTANTES_PP_CI: se usan los de otro archivo o 0' });
  if (geo.municipioUnico) {
    geo.municipios.set(1, 'Municipio no publicado en los archivos');
    avisos.push({ archivo: '.', codigo: 'MUNICIPIOS', mensaje: 'ningún archivo trae ID_MUNICIPIO: todas las secciones quedan en un municipio 1 «Municipio no publicado en los archivos»' });
  }
}
