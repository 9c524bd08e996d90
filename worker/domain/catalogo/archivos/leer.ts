/**
 * The documented catalogue files → a Catalogo. Each file is decoded (UTF-8, BOM or not), parsed (RFC 4180,
 * CRLF or LF) and each row checked with the catalogue's zod schemas at the boundary; then the rows are checked
 * against each other with validarCatalogo, whose problems are mapped back to the file, line and column they
 * came from. Nothing is returned unless there is no problem at all; otherwise every problem of every file is.
 * Pure: the caller reads the folder and passes the bytes.
 */
import { err, ok, type Result } from '../../resultado.ts';
import { claveCasilla } from '../../claves/clave.ts';
import type { Boleta, Candidatura, Catalogo, Eleccion } from '../esquema.ts';
import { validarCatalogo, type ProblemaCatalogo } from '../validar.ts';
import { leerArchivoMapa } from './mapa.ts';
import { normalizarCatalogo } from './normalizar.ts';
import { ordenarProblemas, type ProblemaArchivo } from './problemas.ts';
import {
  ARCHIVOS,
  BOLETAS,
  BOLETAS_COALICIONES,
  CANDIDATURAS_PREFIJO,
  CASILLAS,
  CATDS,
  COALICIONES,
  COLUMNA_TERRITORIO_CANDIDATURAS,
  DISTRITOS,
  ELECCIONES,
  ENTIDAD,
  FILA,
  MUNICIPIOS,
  PARTES,
  PARTIDOS,
  SECCIONES,
  candidaturasSpec,
  type ArchivoSpec,
} from './especificacion.ts';
import { leerTabla, type FilaLeida, type Pos, type TablaLeida } from './tabla.ts';
import type { z } from 'zod';

export interface ArchivoEntrada {
  /** File name inside the folder (no directories). */
  nombre: string;
  bytes: Uint8Array;
}

/** Where a catalogue row came from. */
export interface Origen {
  archivo: string;
  linea: number;
  pos: Record<string, Pos>;
}

interface OrigenBoleta extends Origen {
  columnas: Origen[];
  coaliciones: { coalicion: string; origen: Origen }[];
}

type TablaConFilas = Exclude<keyof Catalogo, 'entidad'>;

interface Origenes {
  entidad?: Origen;
  tablas: Partial<Record<TablaConFilas, Origen[]>>;
  boletas: OrigenBoleta[];
}

const nombreBajo = (n: string) => n.toLowerCase();

function origen<T>(archivo: string, f: FilaLeida<T>): Origen {
  return { archivo, linea: f.linea, pos: f.pos };
}

function problemaEn(o: Origen, campo: string | undefined, codigo: string, mensaje: string, columna?: string): ProblemaArchivo {
  const p = (campo && o.pos[campo]) || { linea: o.linea, columna: 1 };
  return { archivo: o.archivo, linea: p.linea, columna: p.columna, ...(columna ? { campo: columna } : {}), codigo, mensaje };
}

/** Header name of a catalogue field in a file (for the `campo` of a mapped problem). */
function encabezadoDe(spec: ArchivoSpec, campo: string | undefined): string | undefined {
  return campo === undefined ? undefined : spec.columnas.find((c) => c.campo === campo)?.nombre;
}

const SPEC_DE_TABLA: Partial<Record<keyof Catalogo, ArchivoSpec>> = {
  entidad: ENTIDAD,
  elecciones: ELECCIONES,
  partidos: PARTIDOS,
  coaliciones: COALICIONES,
  distritos: DISTRITOS,
  municipios: MUNICIPIOS,
  secciones: SECCIONES,
  casillas: CASILLAS,
  catds: CATDS,
  partes: PARTES,
};

/** validarCatalogo's codes that a row left out of a file (for its own problems) would cause elsewhere. */
const CONSECUENCIAS: Record<string, readonly string[]> = {
  [ELECCIONES.archivo]: ['ELECCION_DESCONOCIDA', 'TERRITORIO_DESCONOCIDO'],
  [PARTIDOS.archivo]: ['COLUMNA_DESCONOCIDA', 'PARTIDO_DESCONOCIDO', 'COMBINACION_FUERA_DE_COALICION', 'CANDIDATURA_FUERA_DE_BOLETA'],
  [COALICIONES.archivo]: ['COALICION_DESCONOCIDA', 'PARTIDO_DESCONOCIDO', 'PARTIDO_FUERA_DE_COALICION'],
  [DISTRITOS.archivo]: ['DISTRITO_DESCONOCIDO', 'TERRITORIO_DESCONOCIDO', 'CATD_SIN_CASILLAS'],
  [MUNICIPIOS.archivo]: ['MUNICIPIO_DESCONOCIDO', 'TERRITORIO_DESCONOCIDO', 'CATD_SIN_CASILLAS'],
  [SECCIONES.archivo]: ['SECCION_DESCONOCIDA', 'CATD_SIN_CASILLAS'],
  [CASILLAS.archivo]: ['CATD_SIN_CASILLAS', 'CASILLA_DESCONOCIDA', 'NO_VOTA'],
  [BOLETAS.archivo]: ['BOLETA_FALTANTE', 'BOLETA_DESCONOCIDA', 'CANDIDATURA_FUERA_DE_BOLETA', 'COMBINACION_FUERA_DE_COALICION', 'SIN_BOLETA'],
  [BOLETAS_COALICIONES.archivo]: ['COMBINACION_FUERA_DE_COALICION', 'CANDIDATURA_FUERA_DE_BOLETA'],
  [PARTES.archivo]: ['PARTE_SIN_ANTERIOR'],
};

/** validarCatalogo's problem → the file, line and column of the row (and cell) it is about. */
function mapearProblema(p: ProblemaCatalogo, o: Origenes, specCandidaturas: Map<string, ArchivoSpec>): ProblemaArchivo {
  const mensaje = p.mensaje.replace(/^\S+ fila \d+: /, '');
  const i = p.fila - 1;
  if (p.tabla === 'boletas') {
    const b = o.boletas[i];
    if (!b) return { archivo: BOLETAS.archivo, codigo: p.codigo, mensaje };
    const m = /^columnas\[(\d+)\]$/.exec(p.campo ?? '');
    if (m) {
      const c = b.columnas[Number(m[1])];
      if (c) return problemaEn(c, 'columna', p.codigo, mensaje, 'COLUMNA');
    }
    if (p.campo === 'coaliciones' && b.coaliciones.length > 0) {
      const nombrada = b.coaliciones.find((c) => new RegExp(`coalici[oó]n(es)? (\\S+ y )?${c.coalicion}\\b`).test(mensaje));
      const c = nombrada ?? b.coaliciones[0]!;
      const enCoalicion = p.codigo === 'COALICION_DESCONOCIDA' || p.codigo === 'DUPLICADO';
      return problemaEn(c.origen, enCoalicion ? 'coalicion' : 'partidos', p.codigo, mensaje, enCoalicion ? 'COALICION' : 'PARTIDOS');
    }
    const campo = p.campo === 'eleccion' || p.campo === 'territorio' ? p.campo : undefined;
    return problemaEn(b, campo, p.codigo, mensaje, encabezadoDe(BOLETAS, campo));
  }
  if (p.tabla === 'entidad') {
    return o.entidad ? problemaEn(o.entidad, p.campo, p.codigo, mensaje, encabezadoDe(ENTIDAD, p.campo)) : { archivo: ENTIDAD.archivo, codigo: p.codigo, mensaje };
  }
  const tabla = p.tabla as TablaConFilas;
  const fila = o.tablas[tabla]?.[i];
  const campo = p.campo?.replace(/\[\d+\]$/, '').split('.')[0];
  if (!fila) return { archivo: SPEC_DE_TABLA[tabla]?.archivo ?? p.tabla, codigo: p.codigo, mensaje };
  const spec = tabla === 'candidaturas' ? specCandidaturas.get(fila.archivo) : SPEC_DE_TABLA[tabla];
  return problemaEn(fila, campo, p.codigo, mensaje, spec ? encabezadoDe(spec, campo) : undefined);
}

/**
 * Reads the folder's files. `archivos` are the folder's entries (names without directories); files that are
 * not `.csv` are ignored (a README may live there), unknown `.csv` names are problems.
 */
export function archivosACatalogo(archivos: readonly ArchivoEntrada[]): Result<Catalogo, ProblemaArchivo[]> {
  const problemas: ProblemaArchivo[] = [];
  const csv = archivos.filter((a) => a.nombre.toLowerCase().endsWith('.csv'));
  const esperados = ARCHIVOS.map((a) => a.archivo);
  if (csv.length === 0) {
    return err([
      {
        archivo: '.',
        codigo: 'CARPETA_VACIA',
        mensaje: `la carpeta no tiene archivos CSV del catálogo; se esperan ${esperados.join(', ')} y, opcionalmente, ${CANDIDATURAS_PREFIJO}<ELECCION>.csv`,
      },
    ]);
  }
  const porNombre = new Map<string, ArchivoEntrada>();
  const candidaturasArchivos: ArchivoEntrada[] = [];
  for (const a of csv) {
    const bajo = nombreBajo(a.nombre);
    if (porNombre.has(bajo)) {
      problemas.push({ archivo: a.nombre, codigo: 'ARCHIVO_REPETIDO', mensaje: `el archivo está dos veces (${porNombre.get(bajo)!.nombre} y ${a.nombre})` });
    } else if (esperados.includes(bajo)) porNombre.set(bajo, a);
    else if (bajo.startsWith(CANDIDATURAS_PREFIJO)) candidaturasArchivos.push(a);
    else {
      problemas.push({
        archivo: a.nombre,
        codigo: 'ARCHIVO_DESCONOCIDO',
        mensaje: `archivo desconocido; los archivos del catálogo son ${esperados.join(', ')} y ${CANDIDATURAS_PREFIJO}<ELECCION>.csv`,
      });
    }
  }
  for (const spec of ARCHIVOS) {
    if (spec.requerido && !porNombre.has(spec.archivo)) {
      problemas.push({ archivo: spec.archivo, codigo: 'ARCHIVO_FALTANTE', mensaje: `falta el archivo ${spec.archivo} (${spec.doc})` });
    }
  }

  const leidas = new Map<string, TablaLeida<unknown>>();
  const leer = <S extends z.ZodType>(spec: ArchivoSpec, schema: S): TablaLeida<z.infer<S>> | undefined => {
    const a = porNombre.get(spec.archivo);
    if (!a) return undefined;
    const t = leerTabla(a.nombre, a.bytes, spec.columnas, schema);
    leidas.set(spec.archivo, t);
    problemas.push(...t.problemas);
    if (!t.ilegible && spec.conFilas && t.totalFilas === 0) {
      problemas.push({ archivo: a.nombre, linea: 2, columna: 1, codigo: 'SIN_FILAS', mensaje: `el archivo no tiene filas (${spec.doc})` });
    }
    return t;
  };

  const entidad = leer(ENTIDAD, FILA.entidad);
  const elecciones = leer(ELECCIONES, FILA.elecciones);
  const partidos = leer(PARTIDOS, FILA.partidos);
  const coaliciones = leer(COALICIONES, FILA.coaliciones);
  const distritos = leer(DISTRITOS, FILA.distritos);
  const municipios = leer(MUNICIPIOS, FILA.municipios);
  const secciones = leer(SECCIONES, FILA.secciones);
  const casillas = leer(CASILLAS, FILA.casillas);
  const boletas = leer(BOLETAS, FILA.boletas);
  const boletasCoal = leer(BOLETAS_COALICIONES, FILA.boletasCoaliciones);
  const catds = leer(CATDS, FILA.catds);
  const partes = leer(PARTES, FILA.partes);

  const entidadFila = entidad?.filas[0];
  if (entidad && !entidad.ilegible && entidad.totalFilas > 1) {
    problemas.push({ archivo: ENTIDAD.archivo, linea: 3, columna: 1, codigo: 'FILAS', mensaje: 'entidad.csv debe tener una sola fila: el catálogo es de una entidad' });
  }
  const archivoDe = (spec: ArchivoSpec) => porNombre.get(spec.archivo)?.nombre ?? spec.archivo;
  const o: Origenes = { tablas: {}, boletas: [] };
  if (entidadFila) o.entidad = origen(archivoDe(ENTIDAD), entidadFila);
  const filas = <T>(spec: ArchivoSpec, t: TablaLeida<T> | undefined, tabla: TablaConFilas): T[] => {
    const fs = t?.filas ?? [];
    o.tablas[tabla] = fs.map((f) => origen(archivoDe(spec), f));
    return fs.map((f) => f.valor);
  };

  // Casillas: the optional CLAVE_CASILLA must agree with the parts.
  const casillasOk = (casillas?.filas ?? []).filter((f) => {
    const { clave, ...c } = f.valor;
    if (clave === undefined || !entidadFila) return true;
    const esperada = claveCasilla(entidadFila.valor.id, c);
    if (clave === esperada) return true;
    problemas.push(
      problemaEn(origen(archivoDe(CASILLAS), f), 'clave', 'CLAVE_CASILLA', `CLAVE_CASILLA ${clave} no corresponde a la casilla (se esperaba ${esperada})`, 'CLAVE_CASILLA'),
    );
    return false;
  });

  // Ballots: rows grouped by (election, territory) in order of first appearance; the coalitions attached.
  const boletaDe = new Map<string, { boleta: Boleta; origen: OrigenBoleta }>();
  for (const f of boletas?.filas ?? []) {
    const k = `${f.valor.eleccion}|${f.valor.territorio}`;
    let b = boletaDe.get(k);
    const or = origen(archivoDe(BOLETAS), f);
    if (!b) {
      b = { boleta: { eleccion: f.valor.eleccion, territorio: f.valor.territorio, columnas: [], coaliciones: [] }, origen: { ...or, columnas: [], coaliciones: [] } };
      boletaDe.set(k, b);
    }
    b.boleta.columnas.push(f.valor.columna);
    b.origen.columnas.push(or);
  }
  for (const f of boletasCoal?.filas ?? []) {
    const k = `${f.valor.eleccion}|${f.valor.territorio}`;
    const b = boletaDe.get(k);
    const or = origen(archivoDe(BOLETAS_COALICIONES), f);
    if (!b) {
      if (boletas && !boletas.ilegible && boletas.filas.length === boletas.totalFilas) {
        problemas.push(
          problemaEn(or, 'territorio', 'BOLETA_DESCONOCIDA', `no hay boleta de ${f.valor.eleccion} en el territorio ${f.valor.territorio} en ${BOLETAS.archivo}`, 'ID_TERRITORIO'),
        );
      }
      continue;
    }
    b.boleta.coaliciones.push({ coalicion: f.valor.coalicion, partidos: f.valor.partidos });
    b.origen.coaliciones.push({ coalicion: f.valor.coalicion, origen: or });
  }
  o.boletas = [...boletaDe.values()].map((b) => b.origen);

  // Candidaturas: one file per election, its territory column set by the election's kind.
  const eleccionesLeidas: Eleccion[] = elecciones?.filas.map((f) => f.valor) ?? [];
  const candidaturas: Candidatura[] = [];
  const origenCand: Origen[] = [];
  const specCandidaturas = new Map<string, ArchivoSpec>();
  for (const a of candidaturasArchivos) {
    const codigo = a.nombre.slice(CANDIDATURAS_PREFIJO.length, -'.csv'.length).toUpperCase();
    const el = eleccionesLeidas.find((e) => e.codigo === codigo);
    if (!el) {
      if (elecciones && !elecciones.ilegible && elecciones.filas.length === elecciones.totalFilas) {
        problemas.push({
          archivo: a.nombre,
          codigo: 'ELECCION_DESCONOCIDA',
          mensaje: `candidaturas de la elección ${codigo}, que no está en ${ELECCIONES.archivo} (el archivo se llama ${CANDIDATURAS_PREFIJO}<ELECCION>.csv)`,
        });
      }
      continue;
    }
    const spec = candidaturasSpec(el.codigo, el.territorio);
    specCandidaturas.set(a.nombre, spec);
    const t = leerTabla(a.nombre, a.bytes, spec.columnas, FILA.candidaturas);
    // A territory column of the wrong kind is the likely mistake: say which one this election needs.
    if (t.problemas.some((p) => p.codigo === 'COLUMNA_DESCONOCIDA' && Object.values(COLUMNA_TERRITORIO_CANDIDATURAS).includes(p.campo as never))) {
      for (const p of t.problemas) {
        if (p.codigo === 'COLUMNA_DESCONOCIDA') {
          p.mensaje =
            el.territorio === 'entidad'
              ? `la elección ${el.codigo} es de toda la entidad: sus candidaturas no llevan ${p.campo}`
              : `la elección ${el.codigo} es por ${el.territorio}: su columna de territorio es ${COLUMNA_TERRITORIO_CANDIDATURAS[el.territorio]}, no ${p.campo}`;
        }
      }
    }
    problemas.push(...t.problemas);
    for (const f of t.filas) {
      const or = origen(a.nombre, f);
      if (entidadFila && f.valor.entidad !== entidadFila.valor.id) {
        problemas.push(problemaEn(or, 'entidad', 'ENTIDAD_DISTINTA', `ID_ENTIDAD ${f.valor.entidad} no es la entidad del catálogo (${entidadFila.valor.id})`, 'ID_ENTIDAD'));
        continue;
      }
      candidaturas.push({
        eleccion: el.codigo,
        territorio: f.valor.territorio ?? 0,
        partidoCi: f.valor.partidoCi,
        propietaria: f.valor.propietaria,
        suplente: f.valor.suplente,
      });
      origenCand.push(or);
    }
  }

  const cat: Catalogo = {
    // validarCatalogo does not look at the entidad: a placeholder lets the other tables be checked.
    entidad: entidadFila?.valor ?? { id: 1, nombre: '-', utcOffsetMinutes: 0, sintetico: false },
    elecciones: filas(ELECCIONES, elecciones, 'elecciones'),
    partidos: filas(PARTIDOS, partidos, 'partidos'),
    coaliciones: filas(COALICIONES, coaliciones, 'coaliciones'),
    distritos: filas(DISTRITOS, distritos, 'distritos'),
    municipios: filas(MUNICIPIOS, municipios, 'municipios'),
    secciones: filas(SECCIONES, secciones, 'secciones'),
    casillas: casillasOk.map((f) => {
      const { clave: _clave, ...c } = f.valor;
      return c;
    }),
    boletas: [...boletaDe.values()].map((b) => b.boleta),
    candidaturas,
    catds: filas(CATDS, catds, 'catds'),
  };
  // Only a catalogue with split casillas has `partes` (an ordinary one reads exactly as before).
  const filasPartes = filas(PARTES, partes, 'partes');
  if (filasPartes.length > 0) cat.partes = filasPartes;
  // The optional boundaries: checked here, compared with the secciones only as warnings (scripts/catalogue.ts).
  const mapa = leerArchivoMapa(archivos);
  if (mapa.ok && mapa.value !== null) cat.mapaSecciones = mapa.value;
  if (!mapa.ok) problemas.push(...mapa.error);
  o.tablas.casillas = casillasOk.map((f) => origen(archivoDe(CASILLAS), f));
  o.tablas.candidaturas = origenCand;

  // Cross-references are checked only once every file could be read: with a whole file missing, unreadable or
  // empty, they would only repeat that one problem a thousand times. Rows left out for their own problems
  // would likewise show up as dangling references: those consequences are not reported.
  const estructuraLegible = ARCHIVOS.every((spec) => {
    const t = leidas.get(spec.archivo);
    return t ? !t.ilegible && !(spec.conFilas && t.totalFilas === 0) : !spec.requerido;
  });
  if (estructuraLegible) {
    const omitidos = new Set<string>();
    for (const spec of ARCHIVOS) {
      const t = leidas.get(spec.archivo);
      const faltan = t ? t.totalFilas - t.filas.length : 0;
      if (faltan > 0 || (spec === CASILLAS && casillasOk.length < (casillas?.filas.length ?? 0))) {
        for (const c of CONSECUENCIAS[spec.archivo] ?? []) omitidos.add(c);
      }
    }
    problemas.push(
      ...validarCatalogo(cat)
        .filter((p) => !omitidos.has(p.codigo))
        .map((p) => mapearProblema(p, o, specCandidaturas)),
    );
  }
  if (problemas.length > 0) return err(ordenarProblemas(problemas));
  return ok(normalizarCatalogo(cat));
}
