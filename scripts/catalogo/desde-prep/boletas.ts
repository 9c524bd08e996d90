/**
 * The elections of a derived catalogue, one per results file, with their ballots, coalitions and candidaturas.
 * A vote column applies to a territory when one of the territory's rows holds a value other than `-`; a
 * territory without any such row takes its ballot from the candidaturas CSV; the combination columns on a
 * ballot make its coalitions; a coalition the candidaturas always call by one name takes that name as its id.
 */
import type { Boleta, Candidatura, Coalicion, Eleccion, TipoTerritorio } from '../../../worker/domain/catalogo/esquema.ts';
import { ordenarProblemas, type ProblemaArchivo } from '../../../worker/domain/catalogo/archivos/problemas.ts';
import { leerEntero } from '../../../worker/domain/catalogo/archivos/tabla.ts';
import { err, ok, type Result } from '../../../worker/domain/resultado.ts';
import type { ArchivoCandidaturas, FilaCandidatura } from './candidaturas.ts';
import { componentes, type ColumnasDeVoto } from './columnas.ts';
import { reconocerEleccion } from './eleccion.ts';
import { normalizarNombre } from './encabezados.ts';
import type { Fuente, Origen } from './fuentes.ts';
import type { Geografia } from './geografia.ts';
import { enEncabezado, type Lugar } from './lugares.ts';
import { nombrarCoaliciones, type NombresCoalicion } from './nombres-coalicion.ts';
import { BOLETAS_ESPECIAL_POR_DEFECTO, type OpcionesDesdePrep } from './opciones.ts';
import { leerPartidoCi } from './partido-ci.ts';
import { esNoAplica, esVotoExtranjero, type ArchivoResultados, type FilaResultados } from './resultados.ts';

/** How the replay reads an election's file: its vote columns under their catalogue names. */
export interface ColumnasEleccion {
  eleccion: string;
  archivo: string;
  /** Vote column as written in the file → catalogue column. */
  renombre: Record<string, string>;
}

/** The elections' part of the catalogue, with where each ballot and candidatura came from. */
export interface BoletasDerivadas {
  elecciones: Eleccion[];
  boletas: Boleta[];
  origenBoleta: Origen[];
  candidaturas: Candidatura[];
  origenCandidatura: Origen[];
  columnas: ColumnasEleccion[];
  /** Catalogue columns that have a vote in some territory (the parties the catalogue keeps). */
  aplicaEnAlguna: Set<string>;
  /** Coalition party sets (sorted, joined) → coalition. */
  coaliciones: Map<string, Coalicion>;
}

/** What every election's derivation reads, and where it writes. */
interface Contexto {
  opts: OpcionesDesdePrep;
  entidad: number;
  deLaEntidad: (f: FilaResultados) => boolean;
  geo: Geografia;
  votos: ColumnasDeVoto;
  problemas: ProblemaArchivo[];
  avisos: ProblemaArchivo[];
  derivadas: BoletasDerivadas;
  /** Coalition id → the names the candidaturas gave it, each with the first row that did. */
  nombresCoalicion: NombresCoalicion;
}

export function derivarBoletas(
  fuentes: readonly Fuente[],
  base: Pick<Contexto, 'opts' | 'entidad' | 'deLaEntidad' | 'geo' | 'votos' | 'avisos'>,
): Result<BoletasDerivadas, ProblemaArchivo[]> {
  const derivadas: BoletasDerivadas = { elecciones: [], boletas: [], origenBoleta: [], candidaturas: [], origenCandidatura: [], columnas: [], aplicaEnAlguna: new Set(), coaliciones: new Map() };
  const ctx: Contexto = { ...base, problemas: [], derivadas, nombresCoalicion: new Map() };
  for (const [ix, fuente] of fuentes.entries()) derivarEleccion(fuente, ix, ctx);
  if (ctx.problemas.length > 0) return err(ordenarProblemas(ctx.problemas));
  const { coaliciones, boletas, candidaturas } = derivadas;
  nombrarCoaliciones({ coaliciones, boletas, candidaturas, nombres: ctx.nombresCoalicion, esPartido: ctx.votos.esPartido, ordenPartido: ctx.votos.ordenPartido, avisos: ctx.avisos });
  return ok(derivadas);
}

/** One results file's election: the steps stop at the first problem (it is listed, the other files go on). */
function derivarEleccion({ resultados: r, candidaturas: cands }: Fuente, ix: number, ctx: Contexto): void {
  const reconocida = reconocerEleccion(r.eleccion);
  const codigo = codigoDeEleccion(r, ctx.opts.codigos?.[ix] ?? reconocida.codigo, ctx);
  if (codigo === null) return;
  const filas = r.filas.filter(ctx.deLaEntidad);
  const territorio = territorioDeEleccion(r, codigo, reconocida.territorio, filas, ctx);
  if (territorio === null) return;
  const tipoActa = tipoActaDeEleccion(r, filas, ctx);
  if (tipoActa === null) return;
  avisarResumen(r, filas, ctx);
  ctx.derivadas.elecciones.push({ codigo, nombre: r.eleccion || codigo, territorio, tipoActa, boletasEspecial: ctx.opts.boletasEspecial ?? BOLETAS_ESPECIAL_POR_DEFECTO, orden: ix + 1 });
  ctx.derivadas.columnas.push({ eleccion: codigo, archivo: r.archivo, renombre: Object.fromEntries(r.votos.map((v) => [v.original, ctx.votos.catCol(v.nombre)])) });

  const porVotos = boletasPorVotos(r, filas, territorio, ctx);
  const porCandidaturas = cands ? candidaturasPorTerritorio(cands, codigo, territorio, porVotos.ids, ctx) : SIN_CANDIDATURAS;
  boletasDesdeCandidaturas(r, territorio, porVotos, combinacionesEn(porVotos.columnasDeBoleta, ctx), porCandidaturas, ctx);
  const { coalicionDe } = coalicionesDeEleccion(porVotos.columnasDeBoleta, ctx);
  agregarBoletas(r, codigo, territorio, porVotos, coalicionDe, ctx);
  if (cands) asignarCandidaturas(cands, codigo, porCandidaturas.listadas, ctx);
}

/** The option's code, else the recognized one; it must be a valid code and not another file's. */
function codigoDeEleccion(r: ArchivoResultados, codigo: string, ctx: Contexto): string | null {
  if (!/^[A-Z][A-Z_]{1,15}$/.test(codigo)) {
    ctx.problemas.push({ archivo: r.archivo, linea: 1, columna: 1, codigo: 'ELECCION', mensaje: `no se pudo dar un código a la elección «${r.eleccion}»: indíquelo con --eleccion` });
    return null;
  }
  if (ctx.derivadas.elecciones.some((e) => e.codigo === codigo)) {
    ctx.problemas.push({ archivo: r.archivo, linea: 1, columna: 1, codigo: 'ELECCION', mensaje: `dos archivos son de la elección ${codigo}: indique códigos distintos con --eleccion` });
    return null;
  }
  return codigo;
}

/**
 * The territory a row's acta belongs to for an election decided by `tipo` (0: the entidad): its sección's, or
 * for a further part of a split casilla's acta its own, as the row names it (derivar.ts partesDelCatalogo).
 */
function territorioDeFila(geo: Geografia, tipo: TipoTerritorio, f: FilaResultados): number {
  if (tipo === 'entidad') return 0;
  const seccion = geo.secciones.get(esVotoExtranjero(f) ? 0 : Number(leerEntero(f.datos.SECCION!)))!;
  const parte = geo.parteDeFila.get(f);
  if (tipo === 'distrito') return parte?.distrito ?? seccion.distrito;
  return geo.municipioUnico ? 1 : (parte?.municipio ?? seccion.municipio!);
}

/**
 * The recognized name's territory; for an unknown name, the coarsest territory within which every registered
 * acta has the same vote columns (a ballot is one per territory), and said so.
 */
function territorioDeEleccion(r: ArchivoResultados, codigo: string, reconocido: TipoTerritorio | null, filas: readonly FilaResultados[], ctx: Contexto): TipoTerritorio | null {
  let territorio = reconocido;
  if (territorio === null) {
    const consistente = (tipo: TipoTerritorio) => {
      const vistos = new Map<number, string>();
      return filas.every((f) => {
        const firma = f.votos.map((v) => (esNoAplica(v) ? '0' : '1')).join('');
        if (!firma.includes('1')) return true;
        const t = territorioDeFila(ctx.geo, tipo, f);
        const previo = vistos.get(t);
        vistos.set(t, firma);
        return previo === undefined || previo === firma;
      });
    };
    const tipos: TipoTerritorio[] = ctx.geo.municipioUnico ? ['entidad', 'distrito'] : ['entidad', 'distrito', 'municipio'];
    territorio = tipos.find(consistente) ?? 'distrito';
    ctx.avisos.push({ archivo: r.archivo, linea: 1, columna: 1, codigo: 'TERRITORIO', mensaje: `elección «${r.eleccion}» no reconocida: código ${codigo}, decidida por ${territorio} (según sus columnas de votos)` });
  }
  if (territorio === 'municipio' && ctx.geo.municipioUnico) {
    ctx.problemas.push({ archivo: r.archivo, linea: r.lineaEncabezado, columna: 1, codigo: 'COLUMNA_FALTANTE', mensaje: `la elección ${codigo} es por municipio y el archivo no trae ID_MUNICIPIO` });
    return null;
  }
  return territorio;
}

/** TIPO_ACTA, or what CLAVE_ACTA adds to CLAVE_CASILLA. */
function tipoActaDeFila(f: FilaResultados): string | undefined {
  const t = f.datos.TIPO_ACTA;
  if (t !== undefined && !esNoAplica(t)) return t.toUpperCase();
  const ca = f.datos.CLAVE_ACTA;
  const cc = f.datos.CLAVE_CASILLA;
  if (ca && cc && ca.startsWith(cc) && ca.length > cc.length) return ca.slice(cc.length).toUpperCase();
  if (ca && ca.length > 11) return ca.slice(11).toUpperCase();
  return undefined;
}

const masFrecuente = (conteo: Map<string, number>) => [...conteo].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]?.[0];

/** The catalogue has one acta type per election: the rows' most frequent (several: said so). */
function tipoActaDeEleccion(r: ArchivoResultados, filas: readonly FilaResultados[], ctx: Contexto): string | null {
  const tipos = new Map<string, number>();
  for (const f of filas) {
    const t = tipoActaDeFila(f);
    if (t !== undefined) tipos.set(t, (tipos.get(t) ?? 0) + 1);
  }
  const tipoActa = masFrecuente(tipos);
  if (tipoActa === undefined || !/^[0-9A-Z]{1,2}$/.test(tipoActa)) {
    ctx.problemas.push({
      archivo: r.archivo,
      linea: r.lineaEncabezado,
      columna: 1,
      codigo: 'TIPO_ACTA',
      mensaje: tipoActa === undefined ? 'no hay TIPO_ACTA ni CLAVE_ACTA para saber el tipo de acta' : `el tipo de acta ${tipoActa} no es de uno o dos dígitos o MAYÚSCULAS`,
    });
    return null;
  }
  if (tipos.size > 1) {
    // At the first row of another type: the one the catalogue's single acta type does not describe.
    const otra = filas.find((f) => (tipoActaDeFila(f) ?? tipoActa) !== tipoActa);
    const celda = otra && (otra.pos.TIPO_ACTA ?? otra.pos.CLAVE_ACTA);
    const lugar = otra ? { archivo: r.archivo, linea: otra.linea, columna: celda?.columna ?? 1 } : enEncabezado(r);
    const mensaje = `la elección tiene varios tipos de acta (${[...tipos].map(([t, n]) => `${t}: ${n}`).join(', ')}); el catálogo usa ${tipoActa}, el más frecuente (la primera de otro tipo está aquí)`;
    ctx.avisos.push({ ...lugar, codigo: 'TIPO_ACTA', mensaje });
  }
  return tipoActa;
}

/** A summary that does not count the file's own expected actas is worth a warning (one entidad's file only). */
function avisarResumen(r: ArchivoResultados, filas: readonly FilaResultados[], ctx: Contexto): void {
  const esperadas = r.resumen.ACTAS_ESPERADAS;
  if (ctx.opts.entidad === undefined && esperadas !== undefined && Number(esperadas) !== filas.length && /^\d+$/.test(esperadas)) {
    ctx.avisos.push({
      archivo: r.archivo,
      ...(r.lineaResumen ? { linea: r.lineaResumen, columna: 1 } : {}),
      codigo: 'RESUMEN',
      mensaje: `el resumen dice ACTAS_ESPERADAS ${esperadas} y el archivo tiene ${filas.length} filas de actas esperadas`,
    });
  }
}

interface BoletasPorVotos {
  /** Every territory of the election, in id order. */
  ids: number[];
  porTerritorio: Map<number, FilaResultados[]>;
  /** The ballot of each territory that has a vote somewhere. */
  columnasDeBoleta: Map<number, string[]>;
  /** Territories without any vote in the file. */
  sinDatos: number[];
}

/** The ballot of each territory: the columns one of its rows holds a value in. */
function boletasPorVotos(r: ArchivoResultados, filas: readonly FilaResultados[], territorio: TipoTerritorio, ctx: Contexto): BoletasPorVotos {
  const { geo, votos } = ctx;
  const ids = territorio === 'entidad' ? [0] : [...(territorio === 'distrito' ? geo.distritos : geo.municipios).keys()].sort((a, b) => a - b);
  const porTerritorio = new Map<number, FilaResultados[]>();
  for (const f of filas) {
    const t = territorioDeFila(geo, territorio, f);
    porTerritorio.set(t, [...(porTerritorio.get(t) ?? []), f]);
  }
  const columnasDeBoleta = new Map<number, string[]>();
  const sinDatos: number[] = [];
  for (const t of ids) {
    const aplicables = new Set<number>();
    for (const f of porTerritorio.get(t) ?? []) {
      for (const [i, v] of f.votos.entries()) if (!esNoAplica(v)) aplicables.add(i);
    }
    const cols = r.votos.filter((_, i) => aplicables.has(i)).map((v) => votos.catCol(v.nombre));
    if (cols.length === 0) sinDatos.push(t);
    else columnasDeBoleta.set(t, cols);
    for (const c of cols) ctx.derivadas.aplicaEnAlguna.add(c);
  }
  return { ids, porTerritorio, columnasDeBoleta, sinDatos };
}

/** The combination columns on any of the ballots. */
function combinacionesEn(columnasDeBoleta: ReadonlyMap<number, string[]>, ctx: Contexto): string[] {
  return [...new Set([...columnasDeBoleta.values()].flat())].filter((c) => ctx.votos.clasificacion.combinaciones.has(c));
}

const clavePartidos = (ps: readonly string[], ordenPartido: ReadonlyMap<string, number>) =>
  [...ps].sort((a, b) => (ordenPartido.get(a) ?? 0) - (ordenPartido.get(b) ?? 0)).join('_');

/**
 * This election's coalitions: parties joined by its combination columns, anywhere in the entidad. The same
 * party set in two elections is one coalition of the catalogue.
 */
function coalicionesDeEleccion(columnasDeBoleta: ReadonlyMap<number, string[]>, ctx: Contexto): { combos: string[]; coalicionDe: Map<string, string> } {
  const { clasificacion: clas, ordenPartido } = ctx.votos;
  const combos = combinacionesEn(columnasDeBoleta, ctx);
  const grupos = componentes(combos.map((c) => clas.combinaciones.get(c)!), ordenPartido);
  const coalicionDe = new Map<string, string>();
  for (const g of grupos) {
    const k = clavePartidos(g, ordenPartido);
    if (!ctx.derivadas.coaliciones.has(k)) ctx.derivadas.coaliciones.set(k, { id: `C_${k}`, nombre: `Coalición ${g.join('-')}`, partidos: g });
    for (const p of g) coalicionDe.set(p, k);
  }
  return { combos, coalicionDe };
}

interface CandidaturasPorTerritorio {
  /** Territory → the parties listed on their own. */
  partidos: Map<number, string[]>;
  /** Territory → every listed PARTIDO_CI (normalized) with its row. */
  listadas: Map<number, { partidoCi: string; fila: FilaCandidatura }[]>;
}

const SIN_CANDIDATURAS: CandidaturasPorTerritorio = { partidos: new Map(), listadas: new Map() };

/**
 * The candidaturas of the entidad by territory. A file by another territory than the election's, a row of an
 * unknown territory and a row that is no candidatura (CNR, NULOS) are skipped with a warning; PARTIDO_CI is read
 * in the results files' column names (partido-ci.ts), each rule applied said so.
 */
function candidaturasPorTerritorio(cands: ArchivoCandidaturas, codigo: string, territorio: TipoTerritorio, ids: readonly number[], ctx: Contexto): CandidaturasPorTerritorio {
  if (cands.territorio !== territorio && !(territorio === 'entidad' && cands.territorio !== 'entidad')) {
    ctx.avisos.push({ archivo: cands.archivo, ...(cands.posTerritorio ?? { linea: cands.lineaEncabezado, columna: 1 }), codigo: 'TERRITORIO', mensaje: `la elección ${codigo} es por ${territorio} y el archivo de candidaturas trae ${cands.territorio === 'entidad' ? 'solo la entidad' : `ID de ${cands.territorio}`}: no se usan sus candidaturas` });
    return SIN_CANDIDATURAS;
  }
  const { renombre } = ctx.votos.clasificacion;
  const por: CandidaturasPorTerritorio = { partidos: new Map(), listadas: new Map() };
  const avisos = avisosAgrupados(cands.archivo);
  for (const f of cands.filas) {
    if (f.entidad !== undefined && Number(f.entidad) !== ctx.entidad) continue;
    const id = territorio === 'distrito' ? f.distrito : f.municipio;
    const t = territorio === 'entidad' ? 0 : Number(leerEntero(id ?? ''));
    const p = f.pos.partidoCi ?? { linea: f.linea, columna: 1 };
    if (!ids.includes(t)) {
      const pt = f.pos[territorio === 'distrito' ? 'distrito' : 'municipio'] ?? p;
      avisos.agregar(pt, `el ${territorio} ${id ?? ''} no está en los resultados: se ignoran sus filas`, territorio === 'distrito' ? 'ID_DISTRITO' : 'ID_MUNICIPIO', 'TERRITORIO_DESCONOCIDO');
      continue;
    }
    const leido = leerPartidoCi(normalizarNombre(f.partidoCi), ctx.votos);
    if ('ignorar' in leido) {
      avisos.agregar(p, leido.ignorar);
      continue;
    }
    for (const regla of leido.reglas) avisos.agregar(p, regla);
    const pc = leido.nombre;
    por.listadas.set(t, [...(por.listadas.get(t) ?? []), { partidoCi: pc, fila: f }]);
    const directo = renombre.get(pc);
    const lista = por.partidos.get(t) ?? [];
    if (directo && ctx.votos.esPartido.has(directo)) lista.push(directo);
    por.partidos.set(t, lista);
  }
  ctx.avisos.push(...avisos.lista());
  return por;
}

/** One warning per rule and file, at its first row, with how many rows it applied to. */
function avisosAgrupados(archivo: string) {
  const porMensaje = new Map<string, { pos: { linea: number; columna: number }; campo: string; codigo: string; veces: number }>();
  return {
    agregar(pos: { linea: number; columna: number }, mensaje: string, campo = 'PARTIDO_CI', codigo = 'CANDIDATURA'): void {
      const a = porMensaje.get(mensaje);
      if (a) a.veces++;
      else porMensaje.set(mensaje, { pos, campo, codigo, veces: 1 });
    },
    lista(): ProblemaArchivo[] {
      return [...porMensaje].map(([m, a]) => ({ archivo, ...a.pos, campo: a.campo, codigo: a.codigo, mensaje: a.veces > 1 ? `${m} (${a.veces} filas; la primera aquí)` : m }));
    },
  };
}

/** The parties of a coalition PARTIDO_CI: a combination column's, or its name's parts (`C_PAN_PRI`), if all are parties. */
function partidosDeCoalicion(votos: ColumnasDeVoto, partidoCi: string): string[] | undefined {
  const { renombre, combinaciones } = votos.clasificacion;
  const d = renombre.get(partidoCi);
  if (d && combinaciones.has(d)) return combinaciones.get(d);
  const partes = partidoCi.replace(/^(C|COA|COALICION)_/, '').split('_');
  if (partes.length >= 2 && partes.every((p) => votos.esPartido.has(renombre.get(p) ?? p))) return partes.map((p) => renombre.get(p) ?? p);
  return undefined;
}

const nombreTerritorio = (territorio: TipoTerritorio, t: number) => (territorio === 'entidad' ? 'la entidad' : `el ${territorio} ${t}`);

/**
 * Territories without any registered acta take their ballot from the candidaturas: the parties listed on
 * their own, and the combinations of each coalition listed with its parties. Without candidaturas there is
 * no way to know the ballot: a problem.
 */
function boletasDesdeCandidaturas(r: ArchivoResultados, territorio: TipoTerritorio, porVotos: BoletasPorVotos, combos: readonly string[], cand: CandidaturasPorTerritorio, ctx: Contexto): void {
  const { votos } = ctx;
  for (const t of porVotos.sinDatos) {
    const partidosCand = new Set(cand.partidos.get(t) ?? []);
    const coalicionesCand: string[][] = [];
    for (const { partidoCi } of cand.listadas.get(t) ?? []) {
      const ps = partidosDeCoalicion(votos, partidoCi);
      if (!ps) continue;
      coalicionesCand.push(ps);
      for (const p of ps) partidosCand.add(p);
    }
    const cols = r.votos
      .map((v) => votos.catCol(v.nombre))
      .filter((c) => {
        if (votos.esPartido.has(c)) return partidosCand.has(c);
        const ps = votos.clasificacion.combinaciones.get(c);
        // Without votes anywhere (a corte cero) no combination is known to be used: the candidaturas decide.
        return !!ps && (combos.length === 0 || combos.includes(c)) && coalicionesCand.some((g) => ps.every((p) => g.includes(p)));
      });
    if (cols.length === 0) {
      // The file's header is still a ballot: every vote column it has (exact for an entidad-wide election).
      const todas = r.votos.map((v) => votos.catCol(v.nombre));
      if (todas.length === 0) {
        ctx.problemas.push({ ...enEncabezado(r), codigo: 'SIN_BOLETA', mensaje: `${nombreTerritorio(territorio, t)} no tiene actas con votos ni candidaturas, y el archivo no tiene columnas de votos: no hay boleta` });
        continue;
      }
      ctx.avisos.push({
        ...lugarDeTerritorio(r, territorio, t, porVotos, ctx),
        codigo: 'BOLETA',
        mensaje: `${nombreTerritorio(territorio, t)} no tiene actas con votos ni candidaturas en los archivos: su boleta lleva todas las columnas de votos del encabezado (regla: sin datos, la boleta es el encabezado)`,
      });
      cols.push(...todas);
    } else {
      ctx.avisos.push({ ...lugarDeTerritorio(r, territorio, t, porVotos, ctx), codigo: 'BOLETA', mensaje: `${nombreTerritorio(territorio, t)} no tiene actas con votos: su boleta se tomó de las candidaturas` });
    }
    porVotos.columnasDeBoleta.set(t, cols);
    for (const c of cols) ctx.derivadas.aplicaEnAlguna.add(c);
  }
}

/** A territory's first row in this file, else the first row that named it in any file, else the file's header. */
function lugarDeTerritorio(r: ArchivoResultados, territorio: TipoTerritorio, t: number, porVotos: BoletasPorVotos, ctx: Contexto): Lugar {
  const f = porVotos.porTerritorio.get(t)?.[0];
  if (f) return { archivo: r.archivo, linea: f.linea, columna: 1 };
  const otro = territorio === 'entidad' ? undefined : ctx.geo.origenTerritorio[territorio].get(t);
  return otro ?? enEncabezado(r);
}

/** The election's ballots in territory order, each with the coalitions its combination columns make. */
function agregarBoletas(r: ArchivoResultados, codigo: string, territorio: TipoTerritorio, porVotos: BoletasPorVotos, coalicionDe: ReadonlyMap<string, string>, ctx: Contexto): void {
  const { clasificacion: clas, ordenPartido } = ctx.votos;
  for (const [t, cols] of [...porVotos.columnasDeBoleta].sort((a, b) => a[0] - b[0])) {
    const enBoleta = componentes(cols.filter((c) => clas.combinaciones.has(c)).map((c) => clas.combinaciones.get(c)!), ordenPartido);
    const ids = enBoleta.map((g) => ctx.derivadas.coaliciones.get(coalicionDe.get(g[0]!)!)!.id);
    ctx.derivadas.boletas.push({
      eleccion: codigo,
      territorio: t,
      columnas: cols,
      coaliciones: enBoleta.map((g, i) => ({ coalicion: ids.indexOf(ids[i]!) === ids.lastIndexOf(ids[i]!) ? ids[i]! : coalicionPropia(g, lugarDeTerritorio(r, territorio, t, porVotos, ctx), t, ctx), partidos: g })),
    });
    const f0 = porVotos.porTerritorio.get(t)?.[0];
    ctx.derivadas.origenBoleta.push({ archivo: r.archivo, linea: f0?.linea ?? r.lineaEncabezado });
  }
}

/**
 * Local coalitions differ by territory (IEE Puebla 2018 AYUN): two groups of one ballot that other territories'
 * combinations join into one coalition are each a coalition of their own parties on this ballot, and said so.
 */
function coalicionPropia(g: readonly string[], lugar: Lugar, t: number, ctx: Contexto): string {
  const k = clavePartidos(g, ctx.votos.ordenPartido);
  if (!ctx.derivadas.coaliciones.has(k)) ctx.derivadas.coaliciones.set(k, { id: `C_${k}`, nombre: `Coalición ${g.join('-')}`, partidos: [...g] });
  const id = ctx.derivadas.coaliciones.get(k)!.id;
  ctx.avisos.push({ ...lugar, codigo: 'COALICION', mensaje: `en el territorio ${t} los partidos ${g.join(', ')} van juntos sin combinación con el resto de su coalición en otros territorios: en esa boleta son la coalición ${id}` });
  return id;
}

/**
 * Candidaturas: PARTIDO_CI is a party, an independent or a coalition (by its parties, or by a name: a name
 * the ballot's one unnamed coalition takes, remembered for nombrarCoaliciones).
 */
function asignarCandidaturas(cands: ArchivoCandidaturas, codigo: string, listadas: CandidaturasPorTerritorio['listadas'], ctx: Contexto): void {
  const { votos } = ctx;
  const avisos = avisosAgrupados(cands.archivo);
  for (const [t, lista] of listadas) {
    const b = ctx.derivadas.boletas.find((x) => x.eleccion === codigo && x.territorio === t);
    if (!b) continue;
    const sinNombre = b.coaliciones.filter((c) => !lista.some((x) => partidosDeCoalicion(votos, x.partidoCi)?.every((p) => c.partidos.includes(p))));
    // A coalition is often listed once per combination column (INE 2023: PAN-PRI-PRD, PAN-PRI…): one candidatura.
    const vistas = new Map<string, number>();
    for (const { partidoCi, fila } of lista) {
      const p = fila.pos.partidoCi ?? { linea: fila.linea, columna: 1 };
      const destino = destinoDeCandidatura(partidoCi, b, sinNombre, { archivo: cands.archivo, ...p }, ctx);
      if (!destino) {
        avisos.agregar(p, 'un PARTIDO_CI que no es una columna de votos ni una coalición de la boleta de su territorio se ignora');
        continue;
      }
      if (fila.propietaria === '') {
        avisos.agregar(fila.pos.propietaria ?? p, 'una fila sin CANDIDATURA_PROPIETARIA (vacía en el archivo, como en los de 2018) no registra candidatura', 'CANDIDATURA_PROPIETARIA');
        continue;
      }
      if (vistas.has(destino)) {
        avisos.agregar(p, 'una fila que repite la candidatura de un partido o coalición ya listada en su territorio (otra combinación de la misma coalición) se omite: se conserva la primera');
        continue;
      }
      vistas.set(destino, fila.linea);
      ctx.derivadas.candidaturas.push({ eleccion: codigo, territorio: t, partidoCi: destino, propietaria: fila.propietaria, suplente: fila.suplente || '-' });
      ctx.derivadas.origenCandidatura.push({ archivo: cands.archivo, linea: fila.linea, pos: p });
    }
  }
  ctx.avisos.push(...avisos.lista());
  avisarSinSuplente(cands, ctx);
}

/** Candidaturas without a suplente get `-`: said at the first empty cell, or at the header when there is no such column. */
function avisarSinSuplente(cands: ArchivoCandidaturas, ctx: Contexto): void {
  const sin = cands.filas.filter((f) => !f.suplente);
  const f = sin[0];
  if (!f) return;
  const lugar = f.pos.suplente ?? { linea: cands.lineaEncabezado, columna: 1 };
  const mensaje = f.pos.suplente
    ? `${sin.length} candidatura(s) con CANDIDATURA_SUPLENTE vacía: se escribió «-» (la primera aquí)`
    : 'candidaturas sin columna CANDIDATURA_SUPLENTE: se escribió «-»';
  ctx.avisos.push({ archivo: cands.archivo, ...lugar, codigo: 'SUPLENTE', mensaje });
}

/** The party or coalition of the ballot a PARTIDO_CI names (undefined: none). */
function destinoDeCandidatura(partidoCi: string, b: Boleta, sinNombre: Boleta['coaliciones'], lugar: Lugar, ctx: Contexto): string | undefined {
  const { votos } = ctx;
  const directo = votos.clasificacion.renombre.get(partidoCi);
  if (directo && votos.esPartido.has(directo)) return directo;
  const ps = partidosDeCoalicion(votos, partidoCi);
  const c = ps ? b.coaliciones.find((x) => ps.every((q) => x.partidos.includes(q)) || x.partidos.every((q) => ps.includes(q))) : undefined;
  if (c) return c.coalicion;
  if (!ps && sinNombre.length === 1) {
    const destino = sinNombre[0]!.coalicion;
    const nombres = ctx.nombresCoalicion.get(destino) ?? new Map<string, Lugar>();
    if (!nombres.has(partidoCi)) nombres.set(partidoCi, lugar);
    ctx.nombresCoalicion.set(destino, nombres);
    return destino;
  }
  return undefined;
}
