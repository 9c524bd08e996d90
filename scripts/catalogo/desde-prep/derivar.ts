/**
 * Derives a catalogue from a published PREP database (RULES.md §7): one results CSV per election, each
 * optionally followed by its candidaturas CSV. Every row of an expected acta — registered or not — is a
 * casilla of the catalogue (the fuera de catálogo rows are not); its sección, distrito and municipio make the
 * geography; a vote column applies to a territory when one of the territory's rows holds a value other than
 * `-`; combination columns make the coalitions of each territory.
 *
 * What a results file does not carry is filled in and said so (avisos): the CATDs (one per distrito, and one
 * per municipio for municipal elections), the approved ballots per casilla especial (--boletas-especial), the
 * parties' full names and colours, the municipios when no file has them. Pure: bytes in, catalogue out.
 */
import { CasillaSchema, CatalogueSchema, type Boleta, type Candidatura, type Casilla, type Catalogue, type Catd, type Coalicion, type Eleccion, type TerritorioKind } from '../../../worker/domain/catalogo/esquema.ts';
import { validateCatalogue } from '../../../worker/domain/catalogo/validar.ts';
import { err, ok, type Result } from '../../../worker/domain/resultado.ts';
import { normalizeCatalogue } from '../../../worker/domain/catalogo/archivos/normalizar.ts';
import { ordenarProblemas, type ProblemaArchivo } from '../../../worker/domain/catalogo/archivos/problemas.ts';
import type { ArchivoEntrada } from '../../../worker/domain/catalogo/archivos/leer.ts';
import { FORMATO, leerHuso, leerUbicacion } from '../../../worker/domain/catalogo/archivos/especificacion.ts';
import { leerEntero, type Pos } from '../../../worker/domain/catalogo/archivos/tabla.ts';
import { leerCandidaturas, pareceCandidaturas, type ArchivoCandidaturas, type FilaCandidatura } from './candidaturas.ts';
import { clasificarColumnas, colorDe, componentes } from './columnas.ts';
import { reconocerEleccion } from './eleccion.ts';
import { normalizarNombre, type ColumnaDatos } from './encabezados.ts';
import { esFueraDeCatalogo, esNoAplica, leerRegistrosPrep, leerResultados, pareceResultados, type ArchivoResultados, type FilaResultados } from './resultados.ts';

export interface OpcionesFromPrep {
  /** Keep only this entidad's rows (national files hold all 32). */
  entidad?: number;
  /** The entidad's UTC offset (`UTC-7`); default: the corte line's. */
  huso?: string;
  /** Approved ballots per casilla especial, for every election. */
  boletasEspecial?: number;
  /** Election codes, one per results file, in order (default: from each file's first line). */
  codigos?: string[];
}

/** The files say nothing about it; INE approves 750 ballots per casilla especial and election. */
export const BOLETAS_ESPECIAL_POR_DEFECTO = 750;

export interface ColumnasEleccion {
  eleccion: string;
  archivo: string;
  /** Vote column as written in the file → catalogue column. */
  renombre: Record<string, string>;
}

export interface Derivado {
  catalogue: Catalogue;
  avisos: ProblemaArchivo[];
  columnas: ColumnasEleccion[];
}

interface Fuente {
  resultados: ArchivoResultados;
  candidaturas?: ArchivoCandidaturas;
}

interface Origen {
  archivo: string;
  linea: number;
  pos?: Pos;
}

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

const pad = (x: number, w: number) => String(x).padStart(w, '0');
const claveDe = (c: Pick<Casilla, 'seccion' | 'tipo' | 'id' | 'extContigua'>) => `${c.seccion}|${c.tipo}|${c.id}|${c.extContigua}`;
const casillaTexto = (c: Pick<Casilla, 'seccion' | 'tipo' | 'id' | 'extContigua'>) => `${pad(c.seccion, 4)} ${c.tipo} ${pad(c.id, 2)} ${pad(c.extContigua, 2)}`;

function enLugar(archivo: string, fila: FilaResultados | undefined, col: ColumnaDatos | undefined, codigo: string, mensaje: string): ProblemaArchivo {
  const p = (fila && col && fila.pos[col]) || (fila ? { linea: fila.linea, columna: 1 } : undefined);
  return { archivo, ...(p ? { linea: p.linea, columna: p.columna } : {}), ...(col ? { campo: col } : {}), codigo, mensaje };
}

/** TIPO_ACTA, or what CLAVE_ACTA adds to CLAVE_CASILLA. */
function tipoActaDe(f: FilaResultados): string | undefined {
  const t = f.datos.TIPO_ACTA;
  if (t !== undefined && !esNoAplica(t)) return t.toUpperCase();
  const ca = f.datos.CLAVE_ACTA;
  const cc = f.datos.CLAVE_CASILLA;
  if (ca && cc && ca.startsWith(cc) && ca.length > cc.length) return ca.slice(cc.length).toUpperCase();
  if (ca && ca.length > 11) return ca.slice(11).toUpperCase();
  return undefined;
}

/** How generated CATDs are named, by ámbito: `CATD-D01 distrital 01 …`, `CATD-M001 municipal 001 …`. */
const NOMBRE_CATD = { distrito: { letra: 'D', ancho: 2, adjetivo: 'distrital' }, municipio: { letra: 'M', ancho: 3, adjetivo: 'municipal' } } as const;

/** The database has no CATDs: one per territory (id → name) of the ámbito, for its elections (none: no CATD). */
function catdsGenerados(territorios: ReadonlyMap<number, string>, ambito: Catd['ambito'], elecciones: string[]): Catd[] {
  if (elecciones.length === 0) return [];
  const { letra, ancho, adjetivo } = NOMBRE_CATD[ambito];
  return [...territorios]
    .sort((a, b) => a[0] - b[0])
    .map(([id, nombre]) => ({ id: `CATD-${letra}${pad(id, ancho)}`, nombre: `CATD ${adjetivo} ${pad(id, ancho)} ${nombre}`, ambito, territorio: id, elecciones }));
}

const masFrecuente = (conteo: Map<string, number>) => [...conteo].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]?.[0];

/** Derives the catalogue; every problem located in its file, or the catalogue and what was filled in. */
export function catalogueFromPrep(entradas: readonly ArchivoEntrada[], opts: OpcionesFromPrep = {}): Result<Derivado, ProblemaArchivo[]> {
  const problemas: ProblemaArchivo[] = [];
  const avisos: ProblemaArchivo[] = [];

  // ---- 1. the files: results, each optionally followed by its candidaturas --------------------------------
  const fuentes: Fuente[] = [];
  for (const e of entradas) {
    const r = leerRegistrosPrep(e.nombre, e.bytes);
    if (!r.ok) {
      problemas.push(r.error);
      continue;
    }
    if (pareceResultados(r.value.registros)) {
      const res = leerResultados(e.nombre, r.value.registros, r.value.codificacion);
      if (!res.ok) problemas.push(...res.error);
      else {
        fuentes.push({ resultados: res.value });
        if (res.value.codificacion === 'latin1') avisos.push({ archivo: e.nombre, codigo: 'CODIFICACION', mensaje: 'el archivo no es UTF-8: se leyó como Latin-1 (Windows-1252)' });
      }
    } else if (pareceCandidaturas(r.value.registros)) {
      const ultima = fuentes.at(-1);
      if (!ultima || ultima.candidaturas) {
        problemas.push({ archivo: e.nombre, codigo: 'ORDEN', mensaje: 'un CSV de candidaturas va justo después del CSV de resultados de su elección' });
        continue;
      }
      const c = leerCandidaturas(e.nombre, r.value.registros);
      if (!c.ok) problemas.push(...c.error);
      else ultima.candidaturas = c.value;
    } else {
      problemas.push({
        archivo: e.nombre,
        codigo: 'FORMATO',
        mensaje: 'no parece un CSV de resultados del PREP (nombre de la elección, corte, resumen y encabezado con SECCION y TIPO_CASILLA) ni de candidaturas (PARTIDO_CI, CANDIDATURA_PROPIETARIA)',
      });
    }
  }
  if (problemas.length > 0) return err(ordenarProblemas(problemas));
  if (fuentes.length === 0) return err([{ archivo: '.', codigo: 'SIN_RESULTADOS', mensaje: 'no se indicó ningún CSV de resultados' }]);
  if (opts.codigos && opts.codigos.length !== fuentes.length) {
    return err([{ archivo: '.', codigo: 'OPCION', mensaje: `--eleccion da ${opts.codigos.length} código(s) para ${fuentes.length} archivo(s) de resultados` }]);
  }

  // ---- 2. the entidad ------------------------------------------------------------------------------------
  const porEntidad = new Map<string, number>();
  for (const { resultados: r } of fuentes) {
    if (!r.columnas.includes('ID_ENTIDAD')) {
      problemas.push({ archivo: r.archivo, linea: r.lineaEncabezado, columna: 1, codigo: 'COLUMNA_FALTANTE', mensaje: 'falta la columna ID_ENTIDAD (o ID_ESTADO)' });
      continue;
    }
    for (const f of r.filas) if (!esFueraDeCatalogo(f)) porEntidad.set(f.datos.ID_ENTIDAD!, (porEntidad.get(f.datos.ID_ENTIDAD!) ?? 0) + 1);
  }
  if (problemas.length > 0) return err(problemas);
  let entidadId: number;
  if (opts.entidad !== undefined) {
    entidadId = opts.entidad;
    if (![...porEntidad.keys()].some((k) => Number(k) === entidadId)) {
      return err([{ archivo: '.', codigo: 'ENTIDAD', mensaje: `ningún archivo tiene filas de la entidad ${entidadId}; hay: ${[...porEntidad.keys()].join(', ')}` }]);
    }
  } else {
    const ids = [...new Set([...porEntidad.keys()].map(Number))];
    if (ids.length !== 1) {
      return err([
        {
          archivo: '.',
          codigo: 'ENTIDAD',
          mensaje:
            ids.length === 0
              ? 'los archivos no tienen ninguna acta esperada'
              : `los archivos tienen filas de ${ids.length} entidades (${[...porEntidad].map(([k, v]) => `${k}: ${v}`).join(', ')}): elija una con --entidad N`,
        },
      ]);
    }
    entidadId = ids[0]!;
  }
  const deLaEntidad = (f: FilaResultados) => !esFueraDeCatalogo(f) && Number(f.datos.ID_ENTIDAD) === entidadId;
  // Expected actas without a sección (votes from abroad, early or prison voting: keys `N/A`) have no place in a
  // catalogue whose casillas belong to secciones: they are left out, and said so.
  for (const { resultados: r } of fuentes) {
    const sinSeccion = r.filas.filter(
      (f) => f.datos.CONTABILIZADA !== '2' && /^N\/?A$/i.test(f.datos.SECCION ?? '') && (opts.entidad === undefined || Number(f.datos.ID_ENTIDAD) === entidadId),
    );
    if (sinSeccion.length > 0) {
      avisos.push({
        archivo: r.archivo,
        linea: sinSeccion[0]!.linea,
        columna: 1,
        codigo: 'SIN_SECCION',
        mensaje: `${sinSeccion.length} acta(s) esperada(s) sin sección (N/A: voto desde el extranjero, anticipado o en prisión) quedan fuera del catálogo`,
      });
    }
  }
  const entidadNombre = fuentes.flatMap((x) => x.resultados.filas).find((f) => deLaEntidad(f) && f.datos.ENTIDAD)?.datos.ENTIDAD;

  let utcOffsetMinutes: number | undefined;
  if (opts.huso !== undefined) {
    const h = leerHuso(opts.huso);
    if (typeof h !== 'number') return err([{ archivo: '.', codigo: 'OPCION', mensaje: `--huso ${opts.huso}: se esperaba ${FORMATO.huso}` }]);
    utcOffsetMinutes = h;
  } else {
    const cortes = fuentes.map((x) => x.resultados).filter((r) => r.corte);
    if (cortes.length === 0) {
      return err([{ archivo: fuentes[0]!.resultados.archivo, codigo: 'CORTE', mensaje: 'no se encontró la línea del corte (DD/MM/AAAA HH:MM (UTC-6)) para saber el huso horario: indíquelo con --huso' }]);
    }
    utcOffsetMinutes = cortes[0]!.corte!.offsetMinutes;
    avisos.push({ archivo: cortes[0]!.archivo, codigo: 'HUSO', mensaje: `huso horario de la entidad tomado de la línea del corte: UTC${utcOffsetMinutes < 0 ? '-' : '+'}${Math.abs(utcOffsetMinutes) / 60} (cámbielo con --huso)` });
  }

  // ---- 3. casillas and geography, merged over the files ---------------------------------------------------
  const secciones = new Map<number, { distrito: number; municipio: number | null; origen: Origen }>();
  const distritos = new Map<number, string>();
  const municipios = new Map<number, string>();
  const casillas = new Map<string, { casilla: Casilla; origen: Origen }>();
  const hayMunicipio = fuentes.some((x) => x.resultados.columnas.includes('ID_MUNICIPIO'));
  let sinUbicacion = false;
  let sinRepresentantes = false;

  for (const { resultados: r } of fuentes) {
    if (!r.columnas.includes('ID_DISTRITO')) {
      problemas.push({ archivo: r.archivo, linea: r.lineaEncabezado, columna: 1, codigo: 'COLUMNA_FALTANTE', mensaje: 'falta la columna del distrito (ID_DISTRITO_LOCAL, ID_DISTRITO_FEDERAL o ID_DISTRITO)' });
      continue;
    }
    const enArchivo = new Set<string>();
    for (const f of r.filas) {
      if (!deLaEntidad(f)) continue;
      const d = f.datos;
      const entero = (col: ColumnaDatos, porDefecto?: number) => {
        const v = d[col];
        if (v === undefined || esNoAplica(v)) return porDefecto;
        return leerEntero(v);
      };
      if (d.UBICACION_CASILLA === undefined) sinUbicacion = true;
      if (d.REPRESENTANTES_PP_CI === undefined) sinRepresentantes = true;
      const crudo = {
        seccion: entero('SECCION'),
        tipo: (d.TIPO_CASILLA ?? '').toUpperCase(),
        id: entero('ID_CASILLA'),
        extContigua: entero('EXT_CONTIGUA', 0),
        ubicacion: d.UBICACION_CASILLA === undefined ? 1 : leerUbicacion(d.UBICACION_CASILLA),
        listaNominal: entero('LISTA_NOMINAL', 0),
        representantes: entero('REPRESENTANTES_PP_CI', 0),
      };
      const cas = CasillaSchema.safeParse(crudo);
      if (!cas.success) {
        const campos = new Set(cas.error.issues.map((i) => String(i.path[0]) as keyof Casilla));
        for (const campo of campos) {
          const col = CAMPO_COLUMNA[campo];
          problemas.push(enLugar(r.archivo, f, col, 'VALOR', `${col}: se esperaba ${FORMATO_CAMPO[campo]}; se leyó «${d[col] ?? ''}»`));
        }
        continue;
      }
      const c = cas.data;
      const distrito = leerEntero(d.ID_DISTRITO ?? '');
      if (typeof distrito !== 'number' || !Number.isInteger(distrito) || distrito < 1) {
        problemas.push(enLugar(r.archivo, f, 'ID_DISTRITO', 'VALOR', `ID_DISTRITO: se esperaba ${FORMATO.enteroPositivo}; se leyó «${d.ID_DISTRITO ?? ''}»`));
        continue;
      }
      let municipio: number | null = null;
      if (r.columnas.includes('ID_MUNICIPIO')) {
        const m = leerEntero(d.ID_MUNICIPIO ?? '');
        if (typeof m !== 'number' || !Number.isInteger(m) || m < 1) {
          problemas.push(enLugar(r.archivo, f, 'ID_MUNICIPIO', 'VALOR', `ID_MUNICIPIO: se esperaba ${FORMATO.enteroPositivo}; se leyó «${d.ID_MUNICIPIO ?? ''}»`));
          continue;
        }
        municipio = m;
        if (!municipios.has(m) || municipios.get(m) === `Municipio ${m}`) municipios.set(m, d.MUNICIPIO && !esNoAplica(d.MUNICIPIO) ? d.MUNICIPIO : `Municipio ${m}`);
      }
      if (!distritos.has(distrito) || distritos.get(distrito) === `Distrito ${distrito}`) {
        distritos.set(distrito, d.DISTRITO && !esNoAplica(d.DISTRITO) ? d.DISTRITO : `Distrito ${distrito}`);
      }
      const origen: Origen = { archivo: r.archivo, linea: f.linea };
      const s = secciones.get(c.seccion);
      if (!s) secciones.set(c.seccion, { distrito, municipio, origen });
      else {
        const donde = `${s.origen.archivo}:${s.origen.linea}`;
        if (s.distrito !== distrito) {
          problemas.push(enLugar(r.archivo, f, 'ID_DISTRITO', 'SECCION_EN_DOS_DISTRITOS', `la sección ${c.seccion} está en el distrito ${distrito} aquí y en el ${s.distrito} en ${donde}`));
        }
        if (municipio !== null && s.municipio !== null && s.municipio !== municipio) {
          problemas.push(enLugar(r.archivo, f, 'ID_MUNICIPIO', 'SECCION_EN_DOS_MUNICIPIOS', `la sección ${c.seccion} está en el municipio ${municipio} aquí y en el ${s.municipio} en ${donde}`));
        }
        if (s.municipio === null && municipio !== null) s.municipio = municipio;
      }
      const k = claveDe(c);
      if (enArchivo.has(k)) {
        problemas.push(enLugar(r.archivo, f, 'SECCION', 'DUPLICADO', `la casilla ${casillaTexto(c)} aparece dos veces en el archivo`));
        continue;
      }
      enArchivo.add(k);
      const previa = casillas.get(k);
      if (!previa) casillas.set(k, { casilla: c, origen });
      else {
        for (const campo of ['ubicacion', 'listaNominal', 'representantes'] as const) {
          if (previa.casilla[campo] !== c[campo] && !(campo === 'representantes' && d.REPRESENTANTES_PP_CI === undefined)) {
            const col = CAMPO_COLUMNA[campo];
            problemas.push(
              enLugar(r.archivo, f, col, 'CASILLA_DISTINTA', `la casilla ${casillaTexto(c)} tiene ${col} ${c[campo]} aquí y ${previa.casilla[campo]} en ${previa.origen.archivo}:${previa.origen.linea}`),
            );
          }
        }
      }
    }
  }
  if (problemas.length > 0) return err(ordenarProblemas(problemas));
  if (sinUbicacion) avisos.push({ archivo: '.', codigo: 'UBICACION', mensaje: 'sin columna UBICACION_CASILLA: las casillas quedan como urbanas (1)' });
  if (sinRepresentantes) avisos.push({ archivo: '.', codigo: 'REPRESENTANTES', mensaje: 'sin columna REPRESENTANTES_PP_CI: se usan los de otro archivo o 0' });
  const municipioUnico = !hayMunicipio;
  if (municipioUnico) {
    municipios.set(1, 'Municipio no publicado en los archivos');
    avisos.push({ archivo: '.', codigo: 'MUNICIPIOS', mensaje: 'ningún archivo trae ID_MUNICIPIO: todas las secciones quedan en un municipio 1 «Municipio no publicado en los archivos»' });
  }

  // ---- 4. vote columns ------------------------------------------------------------------------------------
  const clas = clasificarColumnas(fuentes.flatMap((x) => x.resultados.votos.map((v) => v.nombre)));
  for (const m of clas.problemas) problemas.push({ archivo: '.', codigo: 'COLUMNA', mensaje: m });
  for (const m of clas.avisos) avisos.push({ archivo: '.', codigo: 'COLUMNA', mensaje: m });
  if (problemas.length > 0) return err(problemas);
  const catCol = (nombre: string) => clas.renombre.get(nombre)!;
  const esPartido = new Set(clas.partidos.map((p) => p.siglas));

  // ---- 5. elections, ballots, coalitions --------------------------------------------------------------------
  const seccionDe = (f: FilaResultados) => secciones.get(Number(leerEntero(f.datos.SECCION!)))!;
  const elecciones: Eleccion[] = [];
  const boletas: Boleta[] = [];
  const origenBoleta: Origen[] = [];
  const candidaturas: Candidatura[] = [];
  const origenCandidatura: Origen[] = [];
  const columnasElecciones: ColumnasEleccion[] = [];
  const aplicaEnAlguna = new Set<string>();
  /** Coalition party sets (sorted, joined) → id; the descriptive names candidaturas give them. */
  const coaliciones = new Map<string, Coalicion>();
  const nombresCoalicion = new Map<string, Set<string>>();
  const ordenPartido = new Map(clas.partidos.map((p, i) => [p.siglas, i]));
  const clavePartidos = (ps: readonly string[]) => [...ps].sort((a, b) => (ordenPartido.get(a) ?? 0) - (ordenPartido.get(b) ?? 0)).join('_');

  fuentes.forEach(({ resultados: r, candidaturas: cands }, ix) => {
    const rec = reconocerEleccion(r.eleccion);
    const codigo = opts.codigos?.[ix] ?? rec.codigo;
    if (!/^[A-Z][A-Z_]{1,15}$/.test(codigo)) {
      problemas.push({ archivo: r.archivo, linea: 1, columna: 1, codigo: 'ELECCION', mensaje: `no se pudo dar un código a la elección «${r.eleccion}»: indíquelo con --eleccion` });
      return;
    }
    if (elecciones.some((e) => e.codigo === codigo)) {
      problemas.push({ archivo: r.archivo, linea: 1, columna: 1, codigo: 'ELECCION', mensaje: `dos archivos son de la elección ${codigo}: indique códigos distintos con --eleccion` });
      return;
    }
    const filas = r.filas.filter(deLaEntidad);
    const aplicables = (fs: readonly FilaResultados[]) => {
      const s = new Set<number>();
      for (const f of fs) f.votos.forEach((v, i) => !esNoAplica(v) && s.add(i));
      return s;
    };
    const territorioDe = (kind: TerritorioKind, f: FilaResultados) =>
      kind === 'entidad' ? 0 : kind === 'distrito' ? seccionDe(f).distrito : municipioUnico ? 1 : seccionDe(f).municipio!;
    let territorio = rec.territorio;
    if (territorio === null) {
      // Unknown name: the coarsest territory within which every registered acta has the same columns.
      const consistente = (kind: TerritorioKind) => {
        const vistos = new Map<number, string>();
        return filas.every((f) => {
          const firma = f.votos.map((v) => (esNoAplica(v) ? '0' : '1')).join('');
          if (!firma.includes('1')) return true;
          const t = territorioDe(kind, f);
          const previo = vistos.get(t);
          vistos.set(t, firma);
          return previo === undefined || previo === firma;
        });
      };
      const kinds: TerritorioKind[] = municipioUnico ? ['entidad', 'distrito'] : ['entidad', 'distrito', 'municipio'];
      territorio = kinds.find(consistente) ?? 'distrito';
      avisos.push({ archivo: r.archivo, linea: 1, columna: 1, codigo: 'TERRITORIO', mensaje: `elección «${r.eleccion}» no reconocida: código ${codigo}, decidida por ${territorio} (según sus columnas de votos)` });
    }
    if (territorio === 'municipio' && municipioUnico) {
      problemas.push({ archivo: r.archivo, linea: r.lineaEncabezado, columna: 1, codigo: 'COLUMNA_FALTANTE', mensaje: `la elección ${codigo} es por municipio y el archivo no trae ID_MUNICIPIO` });
      return;
    }
    const tipos = new Map<string, number>();
    for (const f of filas) {
      const t = tipoActaDe(f);
      if (t !== undefined) tipos.set(t, (tipos.get(t) ?? 0) + 1);
    }
    const tipoActa = masFrecuente(tipos);
    if (tipoActa === undefined || !/^[0-9A-Z]{1,2}$/.test(tipoActa)) {
      problemas.push({
        archivo: r.archivo,
        linea: r.lineaEncabezado,
        columna: 1,
        codigo: 'TIPO_ACTA',
        mensaje: tipoActa === undefined ? 'no hay TIPO_ACTA ni CLAVE_ACTA para saber el tipo de acta' : `el tipo de acta ${tipoActa} no es de uno o dos dígitos o MAYÚSCULAS`,
      });
      return;
    }
    if (tipos.size > 1) {
      avisos.push({ archivo: r.archivo, codigo: 'TIPO_ACTA', mensaje: `la elección tiene varios tipos de acta (${[...tipos].map(([t, n]) => `${t}: ${n}`).join(', ')}); el catálogo usa ${tipoActa}` });
    }
    const esperadas = r.resumen.ACTAS_ESPERADAS;
    if (opts.entidad === undefined && esperadas !== undefined && Number(esperadas) !== filas.length && /^\d+$/.test(esperadas)) {
      avisos.push({
        archivo: r.archivo,
        ...(r.lineaResumen ? { linea: r.lineaResumen, columna: 1 } : {}),
        codigo: 'RESUMEN',
        mensaje: `el resumen dice ACTAS_ESPERADAS ${esperadas} y el archivo tiene ${filas.length} filas de actas esperadas`,
      });
    }
    elecciones.push({
      codigo,
      nombre: r.eleccion || codigo,
      territorio,
      tipoActa,
      boletasEspecial: opts.boletasEspecial ?? BOLETAS_ESPECIAL_POR_DEFECTO,
      orden: ix + 1,
    });
    columnasElecciones.push({ eleccion: codigo, archivo: r.archivo, renombre: Object.fromEntries(r.votos.map((v) => [v.original, catCol(v.nombre)])) });

    // The ballot of each territory: the columns one of its rows holds a value in.
    const ids =
      territorio === 'entidad' ? [0] : territorio === 'distrito' ? [...distritos.keys()].sort((a, b) => a - b) : [...municipios.keys()].sort((a, b) => a - b);
    const porTerritorio = new Map<number, FilaResultados[]>();
    for (const f of filas) {
      const t = territorioDe(territorio, f);
      porTerritorio.set(t, [...(porTerritorio.get(t) ?? []), f]);
    }
    const columnasDeBoleta = new Map<number, string[]>();
    const sinDatos: number[] = [];
    for (const t of ids) {
      const a = aplicables(porTerritorio.get(t) ?? []);
      const cols = r.votos.filter((_, i) => a.has(i)).map((v) => catCol(v.nombre));
      if (cols.length === 0) sinDatos.push(t);
      else columnasDeBoleta.set(t, cols);
      for (const c of cols) aplicaEnAlguna.add(c);
    }
    // Coalitions of this election: parties joined by its combination columns, anywhere.
    const combos = [...new Set([...columnasDeBoleta.values()].flat())].filter((c) => clas.combinaciones.has(c));
    const grupos = componentes(combos.map((c) => clas.combinaciones.get(c)!), ordenPartido);
    const coalicionDe = new Map<string, string>();
    for (const g of grupos) {
      const k = clavePartidos(g);
      if (!coaliciones.has(k)) coaliciones.set(k, { id: `C_${k}`, nombre: `Coalición ${g.join('-')}`, partidos: g });
      for (const p of g) coalicionDe.set(p, k);
    }
    // Territories without any registered acta: their ballot comes from the candidaturas, if given.
    const candPorTerritorio = new Map<number, string[]>();
    const resolverCand = new Map<number, { partidoCi: string; fila: FilaCandidatura }[]>();
    if (cands) {
      if (cands.territorio !== territorio && !(territorio === 'entidad' && cands.territorio !== 'entidad')) {
        problemas.push({ archivo: cands.archivo, codigo: 'TERRITORIO', mensaje: `la elección ${codigo} es por ${territorio} y el archivo de candidaturas trae ${cands.territorio === 'entidad' ? 'solo la entidad' : `ID de ${cands.territorio}`}` });
        return;
      }
      for (const f of cands.filas) {
        if (f.entidad !== undefined && Number(f.entidad) !== entidadId) continue;
        const t = territorio === 'entidad' ? 0 : Number(leerEntero((territorio === 'distrito' ? f.distrito : f.municipio) ?? ''));
        if (!ids.includes(t)) {
          const campo = territorio === 'distrito' ? 'distrito' : 'municipio';
          const p = f.pos[campo] ?? { linea: f.linea, columna: 1 };
          problemas.push({ archivo: cands.archivo, ...p, codigo: 'TERRITORIO_DESCONOCIDO', mensaje: `el ${territorio} ${(territorio === 'distrito' ? f.distrito : f.municipio) ?? ''} no está en los resultados` });
          continue;
        }
        const pc = normalizarNombre(f.partidoCi);
        resolverCand.set(t, [...(resolverCand.get(t) ?? []), { partidoCi: pc, fila: f }]);
        const directo = clas.renombre.get(pc);
        const lista = candPorTerritorio.get(t) ?? [];
        if (directo && esPartido.has(directo)) lista.push(directo);
        candPorTerritorio.set(t, lista);
      }
    }
    for (const t of sinDatos) {
      // Parties listed on their own, and each coalition listed with its parties and its combinations.
      const partidosCand = new Set(candPorTerritorio.get(t) ?? []);
      const coalicionesCand: string[][] = [];
      for (const { partidoCi } of resolverCand.get(t) ?? []) {
        const ps = resolverPartidos(partidoCi);
        if (!ps) continue;
        coalicionesCand.push(ps);
        for (const p of ps) partidosCand.add(p);
      }
      const cols = r.votos
        .map((v) => catCol(v.nombre))
        .filter((c) => {
          if (esPartido.has(c)) return partidosCand.has(c);
          const ps = clas.combinaciones.get(c);
          return !!ps && combos.includes(c) && coalicionesCand.some((g) => ps.every((p) => g.includes(p)));
        });
      if (cols.length === 0) {
        problemas.push({
          archivo: r.archivo,
          codigo: 'SIN_BOLETA',
          mensaje: `${territorio === 'entidad' ? 'la entidad' : `el ${territorio} ${t}`} no tiene ninguna acta con votos en este archivo: no se puede saber su boleta (añada el CSV de candidaturas de la elección o use un corte con actas registradas)`,
        });
        continue;
      }
      avisos.push({ archivo: r.archivo, codigo: 'BOLETA', mensaje: `${territorio === 'entidad' ? 'la entidad' : `el ${territorio} ${t}`} no tiene actas con votos: su boleta se tomó de las candidaturas` });
      columnasDeBoleta.set(t, cols);
    }
    function resolverPartidos(partidoCi: string): string[] | undefined {
      const d = clas.renombre.get(partidoCi);
      if (d && clas.combinaciones.has(d)) return clas.combinaciones.get(d);
      const partes = partidoCi.replace(/^(C|COA|COALICION)_/, '').split('_');
      if (partes.length >= 2 && partes.every((p) => esPartido.has(clas.renombre.get(p) ?? p))) return partes.map((p) => clas.renombre.get(p) ?? p);
      return undefined;
    }

    for (const [t, cols] of [...columnasDeBoleta].sort((a, b) => a[0] - b[0])) {
      const enBoleta = componentes(cols.filter((c) => clas.combinaciones.has(c)).map((c) => clas.combinaciones.get(c)!), ordenPartido);
      boletas.push({
        eleccion: codigo,
        territorio: t,
        columnas: cols,
        coaliciones: enBoleta.map((g) => ({ coalicion: coaliciones.get(coalicionDe.get(g[0]!)!)!.id, partidos: g })),
      });
      const f0 = porTerritorio.get(t)?.[0];
      origenBoleta.push({ archivo: r.archivo, linea: f0?.linea ?? r.lineaEncabezado });
    }

    // Candidaturas: PARTIDO_CI is a party, an independent or a coalition (by its parties, or by a name).
    if (cands) {
      for (const [t, lista] of resolverCand) {
        const b = boletas.find((x) => x.eleccion === codigo && x.territorio === t);
        if (!b) continue;
        const sinNombre = b.coaliciones.filter((c) => !lista.some((x) => resolverPartidos(x.partidoCi)?.every((p) => c.partidos.includes(p))));
        for (const { partidoCi, fila } of lista) {
          const p = fila.pos.partidoCi ?? { linea: fila.linea, columna: 1 };
          const directo = clas.renombre.get(partidoCi);
          let destino: string | undefined;
          if (directo && esPartido.has(directo)) destino = directo;
          else {
            const ps = resolverPartidos(partidoCi);
            const c = ps ? b.coaliciones.find((x) => ps.every((q) => x.partidos.includes(q)) || x.partidos.every((q) => ps.includes(q))) : undefined;
            if (c) destino = c.coalicion;
            else if (!ps && sinNombre.length === 1) {
              destino = sinNombre[0]!.coalicion;
              nombresCoalicion.set(destino, (nombresCoalicion.get(destino) ?? new Set()).add(partidoCi));
            }
          }
          if (!destino) {
            problemas.push({ archivo: cands.archivo, ...p, campo: 'PARTIDO_CI', codigo: 'PARTIDO_DESCONOCIDO', mensaje: `PARTIDO_CI ${fila.partidoCi} no es una columna de votos ni una coalición de la boleta de ese territorio` });
            continue;
          }
          if (fila.propietaria === '') {
            problemas.push({ archivo: cands.archivo, ...(fila.pos.propietaria ?? p), campo: 'CANDIDATURA_PROPIETARIA', codigo: 'VALOR', mensaje: 'falta CANDIDATURA_PROPIETARIA' });
            continue;
          }
          candidaturas.push({ eleccion: codigo, territorio: t, partidoCi: destino, propietaria: fila.propietaria, suplente: fila.suplente || '-' });
          origenCandidatura.push({ archivo: cands.archivo, linea: fila.linea, pos: p });
        }
      }
      if (cands.filas.some((f) => !f.suplente)) avisos.push({ archivo: cands.archivo, codigo: 'SUPLENTE', mensaje: 'candidaturas sin CANDIDATURA_SUPLENTE: se escribió «-»' });
    }
  });
  if (problemas.length > 0) return err(ordenarProblemas(problemas));

  // A coalition the candidaturas always call by one name takes it as its id.
  const renombreCoalicion = new Map<string, string>();
  for (const [id, nombres] of nombresCoalicion) {
    const [nombre] = [...nombres];
    if (nombres.size === 1 && nombre && /^[A-Z][A-Z0-9]*(_[A-Z0-9]+)*$/.test(nombre) && !esPartido.has(nombre) && ![...coaliciones.values()].some((c) => c.id === nombre)) {
      renombreCoalicion.set(id, nombre);
    }
  }
  const idCoal = (id: string) => renombreCoalicion.get(id) ?? id;
  for (const c of coaliciones.values()) {
    const n = renombreCoalicion.get(c.id);
    if (n) {
      c.nombre = n.replace(/_/g, ' ');
      c.id = n;
    }
  }
  for (const b of boletas) for (const c of b.coaliciones) c.coalicion = idCoal(c.coalicion);
  for (const c of candidaturas) c.partidoCi = idCoal(c.partidoCi);

  // ---- 6. parties, CATDs, the catalogue ---------------------------------------------------------------------
  const partidos = clas.partidos
    .filter((p) => aplicaEnAlguna.has(p.siglas))
    .map((p, i) => ({ siglas: p.siglas, nombre: p.nombre, color: colorDe(p, i), tipo: p.tipo, orden: i + 1 }));
  const sinUso = clas.partidos.filter((p) => !aplicaEnAlguna.has(p.siglas)).map((p) => p.columna);
  if (sinUso.length > 0) avisos.push({ archivo: '.', codigo: 'COLUMNA', mensaje: `columnas sin ningún voto en la entidad, fuera del catálogo: ${sinUso.join(', ')}` });

  const codigos = (kinds: TerritorioKind[]) => elecciones.filter((e) => kinds.includes(e.territorio)).map((e) => e.codigo);
  const distritales = codigos(['entidad', 'distrito']);
  const municipales = codigos(['municipio']);
  const catds = [...catdsGenerados(distritos, 'distrito', distritales), ...catdsGenerados(municipios, 'municipio', municipales)];
  avisos.push({ archivo: '.', codigo: 'CATD', mensaje: `la base del PREP no trae los CATD: se generó uno por distrito${municipales.length ? ' y uno por municipio (munícipes)' : ''}` });
  if (opts.boletasEspecial === undefined) {
    avisos.push({ archivo: '.', codigo: 'BOLETAS_ESPECIAL', mensaje: `la base del PREP no trae las boletas aprobadas por casilla especial: se usó ${BOLETAS_ESPECIAL_POR_DEFECTO} (cámbielo con --boletas-especial)` });
  }

  const casillasLista = [...casillas.values()];
  const seccionesLista = [...secciones].map(([id, s]) => ({ id, distrito: s.distrito, municipio: municipioUnico ? 1 : s.municipio! }));
  const crudo: Catalogue = {
    entidad: { id: entidadId, nombre: entidadNombre || `Entidad ${entidadId}`, utcOffsetMinutes, sintetico: false },
    elecciones,
    partidos,
    coaliciones: [...coaliciones.values()],
    distritos: [...distritos].map(([id, cabecera]) => ({ id, cabecera })),
    municipios: [...municipios].map(([id, nombre]) => ({ id, nombre })),
    secciones: seccionesLista,
    casillas: casillasLista.map((x) => x.casilla),
    boletas,
    candidaturas,
    catds,
  };
  const esquema = CatalogueSchema.safeParse(crudo);
  if (!esquema.success) {
    return err(
      esquema.error.issues.map((i) => ({ archivo: '.', codigo: 'ESQUEMA', mensaje: `${i.path.join('.')}: ${i.message}` })),
    );
  }
  const origenes: Partial<Record<keyof Catalogue, Origen[]>> = {
    casillas: casillasLista.map((x) => x.origen),
    secciones: [...secciones.values()].map((s) => s.origen),
    boletas: origenBoleta,
    candidaturas: origenCandidatura,
  };
  const cruzados = validateCatalogue(esquema.data).map((p): ProblemaArchivo => {
    const o = origenes[p.tabla as keyof Catalogue]?.[p.fila - 1];
    const mensaje = p.mensaje.replace(/^\S+ fila \d+: /, '');
    return o ? { archivo: o.archivo, linea: o.pos?.linea ?? o.linea, columna: o.pos?.columna ?? 1, codigo: p.codigo, mensaje } : { archivo: '.', codigo: p.codigo, mensaje };
  });
  if (cruzados.length > 0) return err(ordenarProblemas(cruzados));
  return ok({ catalogue: normalizeCatalogue(esquema.data), avisos, columnas: columnasElecciones });
}
