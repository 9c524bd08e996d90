/**
 * Derives a catalogue from a published PREP database (docs/REGLAS.md §7): one results CSV per election, each
 * optionally followed by its candidaturas CSV. Every row of an expected acta — registered or not — is a
 * casilla of the catalogue (the fuera de catálogo rows are not); its sección, distrito and municipio make the
 * geography; a vote column applies to a territory when one of the territory's rows holds a value other than
 * `-`; combination columns make the coalitions of each territory.
 *
 * What a results file does not carry is filled in and said so (avisos): the CATDs (one per distrito, and one
 * per municipio for municipal elections), the approved ballots per casilla especial (--boletas-especial), the
 * parties' full names and colours, the municipios when no file has them. Pure: bytes in, catalogue out.
 */
import { CatalogoSchema, type Catalogo, type Catd, type Eleccion, type Parte, type Partido, type TipoTerritorio } from '../../../worker/domain/catalogo/esquema.ts';
import { validarCatalogo } from '../../../worker/domain/catalogo/validar.ts';
import { err, ok, type Result } from '../../../worker/domain/resultado.ts';
import { normalizarCatalogo } from '../../../worker/domain/catalogo/archivos/normalizar.ts';
import { ordenarProblemas, type ProblemaArchivo } from '../../../worker/domain/catalogo/archivos/problemas.ts';
import type { ArchivoEntrada } from '../../../worker/domain/catalogo/archivos/leer.ts';
import { derivarBoletas, type BoletasDerivadas, type ColumnasEleccion } from './boletas.ts';
import { clasificarColumnasDeVoto, colorDe, type ColumnasDeVoto } from './columnas.ts';
import { derivarEntidad, esDeLaEntidad, type EntidadDerivada } from './entidad.ts';
import { leerFuentes, type Fuente, type LecturaPrep, type Origen } from './fuentes.ts';
import { ceros, reunirGeografia, type Geografia } from './geografia.ts';
import { alPrincipio, enEncabezadoDeVoto, type Lugar } from './lugares.ts';
import { BOLETAS_ESPECIAL_POR_DEFECTO, type OpcionesDesdePrep } from './opciones.ts';
import type { FilaResultados } from './resultados.ts';

export { BOLETAS_ESPECIAL_POR_DEFECTO, type ColumnasEleccion, type OpcionesDesdePrep };

export interface Derivado {
  catalogue: Catalogo;
  avisos: ProblemaArchivo[];
  columnas: ColumnasEleccion[];
}

/** Derives the catalogue from the files' bytes; every problem located in its file, or the catalogue and what was filled in. */
export function catalogoDesdePrep(entradas: readonly ArchivoEntrada[], opts: OpcionesDesdePrep = {}): Result<Derivado, ProblemaArchivo[]> {
  return derivarCatalogo(leerFuentes(entradas), opts);
}

/**
 * Derives the catalogue from files already read (the replay reads them once for this and for its plan). Each
 * phase stops the derivation at its problems: a later phase would only repeat them in other words.
 */
export function derivarCatalogo(lectura: LecturaPrep, opts: OpcionesDesdePrep = {}): Result<Derivado, ProblemaArchivo[]> {
  const fuentes = fuentesUtiles(lectura, opts);
  if (!fuentes.ok) return fuentes;
  const avisos = [...lectura.avisos];
  const entidad = derivarEntidad(fuentes.value, opts, avisos);
  if (!entidad.ok) return entidad;
  const deLaEntidad = (f: FilaResultados) => esDeLaEntidad(f, entidad.value.id);
  const geo = reunirGeografia(fuentes.value, deLaEntidad, avisos);
  if (!geo.ok) return geo;
  const enColumna = (columna: string) => enEncabezadoDeVoto(fuentes.value, columna);
  const votos = clasificarColumnasDeVoto(fuentes.value.flatMap((x) => x.resultados.votos.map((v) => v.nombre)), avisos, enColumna);
  if (!votos.ok) return votos;
  const boletas = derivarBoletas(fuentes.value, { opts, entidad: entidad.value.id, deLaEntidad, geo: geo.value, votos: votos.value, avisos });
  if (!boletas.ok) return boletas;
  return armarCatalogo(entidad.value, geo.value, votos.value, boletas.value, { opts, avisos, fuentes: fuentes.value });
}

/** The results files, when every file was read and the options fit them. */
function fuentesUtiles(lectura: LecturaPrep, opts: OpcionesDesdePrep): Result<Fuente[], ProblemaArchivo[]> {
  const { fuentes, problemas } = lectura;
  if (problemas.length > 0) return err(ordenarProblemas(problemas));
  if (fuentes.length === 0) return err([{ archivo: '.', codigo: 'SIN_RESULTADOS', mensaje: 'no se indicó ningún CSV de resultados' }]);
  if (opts.codigos && opts.codigos.length !== fuentes.length) {
    return err([{ archivo: '.', codigo: 'OPCION', mensaje: `--eleccion da ${opts.codigos.length} código(s) para ${fuentes.length} archivo(s) de resultados` }]);
  }
  return ok(fuentes);
}

/**
 * The catalogue from its derived parts, with what the database never carries filled in (CATDs, ballots for
 * casillas especiales), checked by the catalogue's own schema and cross-table rules: a problem those find
 * is located at the input row the offending catalogue row came from.
 */
function armarCatalogo(
  entidad: EntidadDerivada,
  geo: Geografia,
  votos: ColumnasDeVoto,
  b: BoletasDerivadas,
  { opts, avisos, fuentes }: { opts: OpcionesDesdePrep; avisos: ProblemaArchivo[]; fuentes: readonly Fuente[] },
): Result<Derivado, ProblemaArchivo[]> {
  const partidos = partidosUsados(votos, b.aplicaEnAlguna, avisos, (c) => enEncabezadoDeVoto(fuentes, c));
  const catds = catdsDeLosTerritorios(geo, b.elecciones, avisos, alPrincipio(fuentes));
  const casillas = [...geo.casillas.values()];
  if (opts.boletasEspecial === undefined) avisarBoletasEspecial(casillas, alPrincipio(fuentes), avisos);
  const crudo: Catalogo = {
    entidad: { id: entidad.id, nombre: entidad.nombre, utcOffsetMinutes: entidad.utcOffsetMinutes, sintetico: false },
    elecciones: b.elecciones,
    partidos,
    coaliciones: [...b.coaliciones.values()],
    distritos: [...geo.distritos].map(([id, cabecera]) => ({ id, cabecera })),
    municipios: [...geo.municipios].map(([id, nombre]) => ({ id, nombre })),
    secciones: [...geo.secciones].map(([id, s]) => ({ id, distrito: s.distrito, municipio: geo.municipioUnico ? 1 : s.municipio! })),
    casillas: casillas.map((x) => conElecciones(x.casilla, x.archivos, b.columnas)),
    boletas: b.boletas,
    candidaturas: b.candidaturas,
    catds,
    ...(geo.partes.length > 0 ? { partes: partesDelCatalogo(geo, b.columnas, b.elecciones) } : {}),
  };
  const origenes: Partial<Record<keyof Catalogo, Origen[]>> = {
    partes: geo.partes.map((p) => p.origen),
    casillas: casillas.map((x) => x.origen),
    secciones: [...geo.secciones.values()].map((s) => s.origen),
    boletas: b.origenBoleta,
    candidaturas: b.origenCandidatura,
  };
  const catalogue = validarDerivado(crudo, origenes);
  if (!catalogue.ok) return catalogue;
  return ok({ catalogue: catalogue.value, avisos, columnas: b.columnas });
}

/**
 * The further parts of split casillas' actas, in their file's election. A part counts in its own territory of
 * that election's kind (the AYUN file's municipio); at the other levels it is where its sección is (an AYUN file
 * names no distrito, and a file's distrito column may hold another kind of territory, as Campeche's juntas).
 */
function partesDelCatalogo(geo: Geografia, columnas: readonly ColumnasEleccion[], elecciones: readonly Eleccion[]): Parte[] {
  const eleccionDe = new Map(columnas.map((x) => [x.archivo, x.eleccion]));
  const tipoDe = new Map(elecciones.map((e) => [e.codigo, e.territorio]));
  return geo.partes.map((p) => {
    const s = geo.secciones.get(p.casilla.seccion)!;
    const eleccion = eleccionDe.get(p.archivo)!;
    const tipo = tipoDe.get(eleccion);
    const municipioSeccion = geo.municipioUnico ? 1 : s.municipio!;
    const sinLista = p.casilla.tipo === 'S' || p.casilla.tipo === 'M';
    return {
      ...p.casilla,
      eleccion,
      parte: p.parte,
      distrito: tipo === 'distrito' ? (p.distrito ?? s.distrito) : s.distrito,
      municipio: tipo === 'municipio' ? (p.municipio ?? municipioSeccion) : municipioSeccion,
      ...(sinLista ? {} : { listaNominal: p.listaNominal }),
    };
  });
}

/**
 * A casilla listed in the files of some of the elections only (the votes from abroad in the gubernatura's, a
 * junta's casillas in the juntas') votes in those only: the catalogue says so in its ELECCIONES.
 */
function conElecciones(c: Catalogo['casillas'][number], archivos: ReadonlySet<string>, columnas: readonly ColumnasEleccion[]): Catalogo['casillas'][number] {
  const suyas = columnas.filter((x) => archivos.has(x.archivo)).map((x) => x.eleccion);
  return suyas.length === columnas.length ? c : { ...c, elecciones: suyas };
}

/**
 * The ballots for a casilla especial are not in the database: the default is used, and said so at the first
 * casilla especial (the first results file when there is none: the value is still the elections').
 */
function avisarBoletasEspecial(casillas: readonly { casilla: { tipo: string }; origen: Origen }[], principio: Lugar, avisos: ProblemaArchivo[]): void {
  const especial = casillas.find((x) => x.casilla.tipo === 'S');
  const lugar = especial ? { archivo: especial.origen.archivo, linea: especial.origen.linea, columna: 1 } : principio;
  const donde = especial ? 'la primera casilla especial (S) está aquí; ' : '';
  avisos.push({ ...lugar, codigo: 'BOLETAS_ESPECIAL', mensaje: `la base del PREP no trae las boletas aprobadas por casilla especial: se usó ${BOLETAS_ESPECIAL_POR_DEFECTO} (${donde}cámbielo con --boletas-especial)` });
}

/** The parties and independents with a vote somewhere, in column order; the others are left out, and said so at their header cell. */
function partidosUsados(votos: ColumnasDeVoto, aplicaEnAlguna: ReadonlySet<string>, avisos: ProblemaArchivo[], enColumna: (c: string) => Lugar): Partido[] {
  const todos = votos.clasificacion.partidos;
  for (const p of todos.filter((x) => !aplicaEnAlguna.has(x.siglas))) {
    avisos.push({ ...enColumna(p.columna), campo: p.columna, codigo: 'COLUMNA_SIN_VOTOS', mensaje: `la columna ${p.columna} no tiene ningún voto en la entidad: queda fuera del catálogo` });
  }
  return todos.filter((p) => aplicaEnAlguna.has(p.siglas)).map((p, i) => ({ siglas: p.siglas, nombre: p.nombre, color: colorDe(p, i), tipo: p.tipo, orden: i + 1 }));
}

/** How generated CATDs are named, by ámbito: `CATD-D01 distrital 01 …`, `CATD-M001 municipal 001 …`. */
const NOMBRE_CATD = { distrito: { letra: 'D', ancho: 2, adjetivo: 'distrital' }, municipio: { letra: 'M', ancho: 3, adjetivo: 'municipal' } } as const;

/** The database has no CATDs: one per distrito (and per municipio for municipal elections), and said so. */
function catdsDeLosTerritorios(geo: Geografia, elecciones: readonly Eleccion[], avisos: ProblemaArchivo[], principio: Lugar): Catd[] {
  const codigos = (tipos: TipoTerritorio[]) => elecciones.filter((e) => tipos.includes(e.territorio)).map((e) => e.codigo);
  const municipales = codigos(['municipio']);
  const catds = [...catdsGenerados(geo.distritos, 'distrito', codigos(['entidad', 'distrito'])), ...catdsGenerados(geo.municipios, 'municipio', municipales)];
  avisos.push({ ...principio, codigo: 'CATD', mensaje: `la base del PREP no trae los CATD: se generó uno por distrito${municipales.length ? ' y uno por municipio (munícipes)' : ''}` });
  return catds;
}

/** One CATD per territory (id → name) of the ámbito, for its elections (none: no CATD). */
function catdsGenerados(territorios: ReadonlyMap<number, string>, ambito: Catd['ambito'], elecciones: string[]): Catd[] {
  if (elecciones.length === 0) return [];
  const { letra, ancho, adjetivo } = NOMBRE_CATD[ambito];
  return [...territorios]
    .sort((a, b) => a[0] - b[0])
    .map(([id, nombre]) => ({ id: `CATD-${letra}${ceros(id, ancho)}`, nombre: `CATD ${adjetivo} ${ceros(id, ancho)} ${nombre}`, ambito, territorio: id, elecciones }));
}

/** The catalogue's schema, then its cross-table rules, each problem at the input row its catalogue row came from. */
function validarDerivado(crudo: Catalogo, origenes: Partial<Record<keyof Catalogo, Origen[]>>): Result<Catalogo, ProblemaArchivo[]> {
  const esquema = CatalogoSchema.safeParse(crudo);
  if (!esquema.success) {
    return err(esquema.error.issues.map((i) => ({ archivo: '.', codigo: 'ESQUEMA', mensaje: `${i.path.join('.')}: ${i.message}` })));
  }
  const cruzados = validarCatalogo(esquema.data).map((p): ProblemaArchivo => {
    const o = origenes[p.tabla as keyof Catalogo]?.[p.fila - 1];
    const mensaje = p.mensaje.replace(/^\S+ fila \d+: /, '');
    return o ? { archivo: o.archivo, linea: o.pos?.linea ?? o.linea, columna: o.pos?.columna ?? 1, codigo: p.codigo, mensaje } : { archivo: '.', codigo: p.codigo, mensaje };
  });
  if (cruzados.length > 0) return err(ordenarProblemas(cruzados));
  return ok(normalizarCatalogo(esquema.data));
}
