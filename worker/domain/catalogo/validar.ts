/**
 * Cross-reference validation of a catalogue that already parsed with CatalogoSchema: the schema checks each
 * row on its own, this checks the rows against each other (keys, references, ballots, coalitions, CATDs).
 * Every problem is returned at once, so whoever prepares the catalogue fixes all of them in one pass.
 * Pure, no I/O; linear in the size of the catalogue (a national one is ~170,000 casillas).
 */
import type { Casilla, Catalogo, Eleccion, TipoTerritorio } from './esquema.ts';
import { votaEn } from './pertenencia.ts';

export interface ProblemaCatalogo {
  /** The catalogue table (a key of Catalogo: 'casillas', 'boletas' …). */
  tabla: string;
  /** 1-based row in that table. */
  fila: number;
  campo?: string;
  /** Stable machine code, e.g. DUPLICADO, SECCION_DESCONOCIDA. */
  codigo: string;
  /** Spanish, naming the row: "casillas fila 17: la casilla 0338 B 01 00 está duplicada". */
  mensaje: string;
}

type Tabla = keyof Catalogo;

/** Collects problems, prefixing every message with its table and row. */
class Problems {
  readonly list: ProblemaCatalogo[] = [];
  add(tabla: Tabla, index: number, campo: string | undefined, codigo: string, texto: string): void {
    const fila = index + 1;
    const p: ProblemaCatalogo = { tabla, fila, codigo, mensaje: `${tabla} fila ${fila}: ${texto}` };
    if (campo !== undefined) p.campo = campo;
    this.list.push(p);
  }
}

const pad = (n: number, w: number): string => String(n).padStart(w, '0');

/** A casilla as people write it: "0338 B 01 00" (sección, tipo, id, ext contigua). */
export function casillaTexto(c: Pick<Casilla, 'seccion' | 'tipo' | 'id' | 'extContigua'>): string {
  return `${pad(c.seccion, 4)} ${c.tipo} ${pad(c.id, 2)} ${pad(c.extContigua, 2)}`;
}

/** The territory ids an election is contested in: [0] for the entidad, else every distrito or municipio. */
/**
 * The territories of an election that need its ballot: all of its kind, except those that have casillas of which
 * none votes in it (a pseudo-distrito of the votes from abroad, for a distrito election it is not part of).
 */
function territoriosDe(e: Eleccion, cat: Catalogo): number[] {
  if (e.territorio === 'entidad') return [0];
  const seccionDe = new Map(cat.secciones.map((s) => [s.id, s]));
  const conCasillas = new Set<number>();
  const votan = new Set<number>();
  for (const c of cat.casillas) {
    const s = seccionDe.get(c.seccion);
    if (s === undefined) continue;
    const t = e.territorio === 'distrito' ? s.distrito : s.municipio;
    conCasillas.add(t);
    if (votaEn(c, e.codigo)) votan.add(t);
  }
  const todos = e.territorio === 'distrito' ? cat.distritos.map((d) => d.id) : cat.municipios.map((m) => m.id);
  return todos.filter((t) => votan.has(t) || !conCasillas.has(t));
}

const TEXTO_TIPO_TERRITORIO: Record<TipoTerritorio, string> = { entidad: 'la entidad', distrito: 'distrito', municipio: 'municipio' };

/** Reports each repeated key after its first row. */
function duplicates<T>(
  out: Problems,
  tabla: Tabla,
  rows: readonly T[],
  key: (row: T) => string | number,
  texto: (row: T) => string,
  campo?: string,
): void {
  const seen = new Map<string | number, number>();
  rows.forEach((row, i) => {
    const k = key(row);
    const first = seen.get(k);
    if (first === undefined) seen.set(k, i);
    else out.add(tabla, i, campo, 'DUPLICADO', `${texto(row)} está duplicada (ya en la fila ${first + 1})`);
  });
}

/** Lookups shared by the checks. */
interface Index {
  elecciones: Map<string, Eleccion>;
  /** Party and independent siglas. */
  partidos: Set<string>;
  coaliciones: Map<string, Set<string>>;
  distritos: Set<number>;
  municipios: Set<number>;
  /** Sección id → its first row's parents. */
  secciones: Map<number, { distrito: number; municipio: number }>;
}

function buildIndex(cat: Catalogo): Index {
  const secciones = new Map<number, { distrito: number; municipio: number }>();
  for (const s of cat.secciones) if (!secciones.has(s.id)) secciones.set(s.id, s);
  const coaliciones = new Map<string, Set<string>>();
  for (const c of cat.coaliciones) if (!coaliciones.has(c.id)) coaliciones.set(c.id, new Set(c.partidos));
  return {
    elecciones: new Map(cat.elecciones.map((e) => [e.codigo, e])),
    partidos: new Set(cat.partidos.map((p) => p.siglas)),
    coaliciones,
    distritos: new Set(cat.distritos.map((d) => d.id)),
    municipios: new Set(cat.municipios.map((m) => m.id)),
    secciones,
  };
}

/** Whether `territorio` exists as the kind of territory the election is contested in (0 for the entidad). */
function territorioValido(ix: Index, tipo: TipoTerritorio, territorio: number): boolean {
  if (tipo === 'entidad') return territorio === 0;
  return tipo === 'distrito' ? ix.distritos.has(territorio) : ix.municipios.has(territorio);
}

function checkElecciones(cat: Catalogo, out: Problems): void {
  duplicates(out, 'elecciones', cat.elecciones, (e) => e.codigo, (e) => `la elección ${e.codigo}`, 'codigo');
  duplicates(out, 'elecciones', cat.elecciones, (e) => e.tipoActa, (e) => `el tipo de acta ${e.tipoActa}`, 'tipoActa');
  // Every territory of each election needs its ballot, or its actas would have no columns.
  const boletas = new Set(cat.boletas.map((b) => `${b.eleccion}|${b.territorio}`));
  cat.elecciones.forEach((e, i) => {
    const faltan = territoriosDe(e, cat).filter((t) => !boletas.has(`${e.codigo}|${t}`));
    if (faltan.length === 0) return;
    const tipo = TEXTO_TIPO_TERRITORIO[e.territorio];
    const donde =
      e.territorio === 'entidad' ? 'la entidad' : faltan.length === 1 ? `el ${tipo} ${faltan[0]}` : `los ${tipo}s ${faltan.join(', ')}`;
    out.add('elecciones', i, 'codigo', 'BOLETA_FALTANTE', `la elección ${e.codigo} no tiene boleta en ${donde}`);
  });
}

function checkPartidosYCoaliciones(cat: Catalogo, ix: Index, out: Problems): void {
  duplicates(out, 'partidos', cat.partidos, (p) => p.siglas, (p) => `el partido ${p.siglas}`, 'siglas');
  duplicates(out, 'coaliciones', cat.coaliciones, (c) => c.id, (c) => `la coalición ${c.id}`, 'id');
  cat.coaliciones.forEach((c, i) => {
    // A coalition id is also a PARTIDO_CI value in candidaturas: it must not be mistaken for a party.
    if (ix.partidos.has(c.id)) {
      out.add('coaliciones', i, 'id', 'COLUMNA_AMBIGUA', `la coalición ${c.id} tiene las siglas de un partido`);
    }
    const seen = new Set<string>();
    for (const p of c.partidos) {
      if (seen.has(p)) out.add('coaliciones', i, 'partidos', 'DUPLICADO', `la coalición ${c.id} repite el partido ${p}`);
      seen.add(p);
      const tipo = cat.partidos.find((x) => x.siglas === p)?.tipo;
      if (tipo !== 'partido') {
        out.add('coaliciones', i, 'partidos', 'PARTIDO_DESCONOCIDO', `la coalición ${c.id} incluye ${p}, que no es un partido registrado`);
      }
    }
  });
}

function checkGeografia(cat: Catalogo, ix: Index, out: Problems): void {
  duplicates(out, 'distritos', cat.distritos, (d) => d.id, (d) => `el distrito ${d.id}`, 'id');
  duplicates(out, 'municipios', cat.municipios, (m) => m.id, (m) => `el municipio ${m.id}`, 'id');
  const first = new Map<number, number>();
  cat.secciones.forEach((s, i) => {
    if (!ix.distritos.has(s.distrito)) {
      out.add('secciones', i, 'distrito', 'DISTRITO_DESCONOCIDO', `la sección ${s.id} está en el distrito ${s.distrito}, que no existe`);
    }
    if (!ix.municipios.has(s.municipio)) {
      out.add('secciones', i, 'municipio', 'MUNICIPIO_DESCONOCIDO', `la sección ${s.id} está en el municipio ${s.municipio}, que no existe`);
    }
    const j = first.get(s.id);
    if (j === undefined) {
      first.set(s.id, i);
      return;
    }
    // A repeated sección is either a plain duplicate or, worse, a sección claimed by two territories.
    const prev = cat.secciones[j]!;
    const ya = `(fila ${j + 1})`;
    if (prev.municipio !== s.municipio) {
      out.add('secciones', i, 'municipio', 'SECCION_EN_DOS_MUNICIPIOS', `la sección ${s.id} está en los municipios ${prev.municipio} ${ya} y ${s.municipio}`);
    }
    if (prev.distrito !== s.distrito) {
      out.add('secciones', i, 'distrito', 'SECCION_EN_DOS_DISTRITOS', `la sección ${s.id} está en los distritos ${prev.distrito} ${ya} y ${s.distrito}`);
    }
    if (prev.municipio === s.municipio && prev.distrito === s.distrito) {
      out.add('secciones', i, 'id', 'DUPLICADO', `la sección ${s.id} está duplicada ${ya}`);
    }
  });
}

function checkCasillas(cat: Catalogo, ix: Index, out: Problems): void {
  duplicates(out, 'casillas', cat.casillas, (c) => casillaTexto(c), (c) => `la casilla ${casillaTexto(c)}`);
  cat.casillas.forEach((c, i) => {
    if (!ix.secciones.has(c.seccion)) {
      out.add('casillas', i, 'seccion', 'SECCION_DESCONOCIDA', `la casilla ${casillaTexto(c)} es de la sección ${c.seccion}, que no existe`);
    }
    // Especiales (and casillas without a list of their own) take voters from elsewhere: their list is 0.
    if ((c.tipo === 'S' || c.tipo === 'M') && c.listaNominal !== 0) {
      out.add('casillas', i, 'listaNominal', 'LISTA_NOMINAL_NO_CERO', `la casilla ${casillaTexto(c)} es tipo ${c.tipo} y debe tener lista nominal 0, no ${c.listaNominal}`);
    }
    // Sección 0000 and casilla 00 exist only for the votes from abroad (tipo M), as the PREP databases publish them.
    if (c.tipo !== 'M' && (c.seccion === 0 || c.id === 0)) {
      const campo = c.seccion === 0 ? 'seccion' : 'id';
      out.add('casillas', i, campo, 'FUERA_DE_RANGO', `la casilla ${casillaTexto(c)} es tipo ${c.tipo}: solo una casilla M (voto desde el extranjero) puede ser de la sección 0 o tener número 0`);
    }
    checkEleccionesCasilla(c, i, ix, out);
  });
}

/** ELECCIONES of a casilla: known codes, each once. */
function checkEleccionesCasilla(c: Catalogo['casillas'][number], i: number, ix: Index, out: Problems): void {
  const vistas = new Set<string>();
  for (const e of c.elecciones ?? []) {
    if (!ix.elecciones.has(e)) out.add('casillas', i, 'elecciones', 'ELECCION_DESCONOCIDA', `la casilla ${casillaTexto(c)} vota en la elección ${e}, que no existe`);
    if (vistas.has(e)) out.add('casillas', i, 'elecciones', 'DUPLICADO', `la casilla ${casillaTexto(c)} repite la elección ${e}`);
    vistas.add(e);
  }
}

/** A boleta's reference to its election and territory; returns the election when it exists. */
function checkTerritorio(
  out: Problems,
  ix: Index,
  tabla: Tabla,
  i: number,
  eleccion: string,
  territorio: number,
  quien: string,
): Eleccion | undefined {
  const e = ix.elecciones.get(eleccion);
  if (!e) {
    out.add(tabla, i, 'eleccion', 'ELECCION_DESCONOCIDA', `${quien} es de la elección ${eleccion}, que no existe`);
    return undefined;
  }
  if (!territorioValido(ix, e.territorio, territorio)) {
    const debe = e.territorio === 'entidad' ? 'debe ser 0 (toda la entidad)' : `no es un ${TEXTO_TIPO_TERRITORIO[e.territorio]} del catálogo`;
    out.add(tabla, i, 'territorio', 'TERRITORIO_DESCONOCIDO', `${quien}: el territorio ${territorio} de la elección ${eleccion} ${debe}`);
  }
  return e;
}

function checkBoletaCoaliciones(b: Catalogo['boletas'][number], i: number, ix: Index, out: Problems, quien: string): void {
  const seenCoal = new Set<string>();
  const duenio = new Map<string, string>();
  for (const c of b.coaliciones) {
    if (seenCoal.has(c.coalicion)) out.add('boletas', i, 'coaliciones', 'DUPLICADO', `${quien} repite la coalición ${c.coalicion}`);
    seenCoal.add(c.coalicion);
    const registrados = ix.coaliciones.get(c.coalicion);
    if (!registrados) out.add('boletas', i, 'coaliciones', 'COALICION_DESCONOCIDA', `${quien} incluye la coalición ${c.coalicion}, que no existe`);
    for (const p of c.partidos) {
      if (registrados && !registrados.has(p)) {
        out.add('boletas', i, 'coaliciones', 'PARTIDO_FUERA_DE_COALICION', `${quien}: ${p} no forma parte de la coalición ${c.coalicion}`);
      }
      const otra = duenio.get(p);
      if (otra !== undefined && otra !== c.coalicion) {
        out.add('boletas', i, 'coaliciones', 'PARTIDO_EN_DOS_COALICIONES', `${quien}: ${p} está en las coaliciones ${otra} y ${c.coalicion}`);
      }
      duenio.set(p, c.coalicion);
    }
  }
}

/** Checks one vote column: a known party/independent, or a combination of parties of one coalition there. */
function checkColumna(col: string, i: number, j: number, ix: Index, duenio: Map<string, string>, out: Problems, quien: string): void {
  if (ix.partidos.has(col)) return;
  const campo = `columnas[${j}]`;
  const partes = col.split('_');
  if (partes.length < 2 || partes.some((p) => !ix.partidos.has(p))) {
    out.add('boletas', i, campo, 'COLUMNA_DESCONOCIDA', `${quien}: la columna ${col} no es un partido, candidatura independiente ni combinación de coalición`);
    return;
  }
  const fuera = partes.filter((p) => !duenio.has(p));
  if (fuera.length > 0) {
    out.add('boletas', i, campo, 'COMBINACION_FUERA_DE_COALICION', `${quien}: la combinación ${col} incluye ${fuera.join(', ')}, que no va en coalición en este territorio`);
    return;
  }
  const coals = new Set(partes.map((p) => duenio.get(p)!));
  if (coals.size > 1) {
    out.add('boletas', i, campo, 'COMBINACION_MEZCLA_COALICIONES', `${quien}: la combinación ${col} mezcla las coaliciones ${[...coals].join(' y ')}`);
  }
  if (new Set(partes).size !== partes.length) {
    out.add('boletas', i, campo, 'COLUMNA_DESCONOCIDA', `${quien}: la combinación ${col} repite un partido`);
  }
}

function checkBoletas(cat: Catalogo, ix: Index, out: Problems): void {
  duplicates(out, 'boletas', cat.boletas, (b) => `${b.eleccion}|${b.territorio}`, (b) => `la boleta de ${b.eleccion} en el territorio ${b.territorio}`);
  cat.boletas.forEach((b, i) => {
    const quien = `la boleta de ${b.eleccion} en el territorio ${b.territorio}`;
    checkTerritorio(out, ix, 'boletas', i, b.eleccion, b.territorio, quien);
    checkBoletaCoaliciones(b, i, ix, out, quien);
    const duenio = new Map<string, string>();
    for (const c of b.coaliciones) for (const p of c.partidos) if (!duenio.has(p)) duenio.set(p, c.coalicion);
    const seen = new Set<string>();
    b.columnas.forEach((col, j) => {
      if (seen.has(col)) out.add('boletas', i, `columnas[${j}]`, 'DUPLICADO', `${quien} repite la columna ${col}`);
      seen.add(col);
      checkColumna(col, i, j, ix, duenio, out, quien);
    });
  });
}

function checkCandidaturas(cat: Catalogo, ix: Index, out: Problems): void {
  const key = (c: { eleccion: string; territorio: number }) => `${c.eleccion}|${c.territorio}`;
  const boletas = new Map(cat.boletas.map((b) => [key(b), b]));
  duplicates(out, 'candidaturas', cat.candidaturas, (c) => `${key(c)}|${c.partidoCi}`, (c) => `la candidatura de ${c.partidoCi} a ${c.eleccion} en el territorio ${c.territorio}`);
  cat.candidaturas.forEach((c, i) => {
    const quien = `la candidatura de ${c.partidoCi} a ${c.eleccion} en el territorio ${c.territorio}`;
    checkTerritorio(out, ix, 'candidaturas', i, c.eleccion, c.territorio, quien);
    if (!ix.partidos.has(c.partidoCi) && !ix.coaliciones.has(c.partidoCi)) {
      out.add('candidaturas', i, 'partidoCi', 'PARTIDO_DESCONOCIDO', `${quien}: ${c.partidoCi} no es un partido, candidatura independiente ni coalición`);
      return;
    }
    const b = boletas.get(key(c));
    const enBoleta = b && (b.columnas.includes(c.partidoCi) || b.coaliciones.some((x) => x.coalicion === c.partidoCi));
    if (b && !enBoleta) {
      out.add('candidaturas', i, 'partidoCi', 'CANDIDATURA_FUERA_DE_BOLETA', `${quien}: ${c.partidoCi} no aparece en la boleta de ese territorio`);
    }
  });
}

function checkCatds(cat: Catalogo, ix: Index, out: Problems): void {
  duplicates(out, 'catds', cat.catds, (c) => c.id, (c) => `el CATD ${c.id}`, 'id');
  // Territories that have at least one casilla: a CATD anywhere else would wait for actas that never come.
  const conCasillas = new Set<string>();
  for (const c of cat.casillas) {
    const s = ix.secciones.get(c.seccion);
    if (s) conCasillas.add(`distrito|${s.distrito}`).add(`municipio|${s.municipio}`);
  }
  cat.catds.forEach((c, i) => {
    const existe = c.ambito === 'distrito' ? ix.distritos.has(c.territorio) : ix.municipios.has(c.territorio);
    if (!existe) {
      out.add('catds', i, 'territorio', 'TERRITORIO_DESCONOCIDO', `el CATD ${c.id} atiende el ${c.ambito} ${c.territorio}, que no existe`);
    } else if (!conCasillas.has(`${c.ambito}|${c.territorio}`)) {
      out.add('catds', i, 'territorio', 'CATD_SIN_CASILLAS', `el CATD ${c.id} no atiende ninguna casilla: el ${c.ambito} ${c.territorio} no tiene casillas`);
    }
    const seen = new Set<string>();
    for (const e of c.elecciones) {
      if (!ix.elecciones.has(e)) out.add('catds', i, 'elecciones', 'ELECCION_DESCONOCIDA', `el CATD ${c.id} recibe la elección ${e}, que no existe`);
      if (seen.has(e)) out.add('catds', i, 'elecciones', 'DUPLICADO', `el CATD ${c.id} repite la elección ${e}`);
      seen.add(e);
    }
  });
}

/** Every cross-reference problem of the catalogue, table by table in catalogue order; [] when it is coherent. */
/**
 * Parts of split casillas: of a casilla and election that exist (the casilla voting in it), in territories that
 * exist and have that election's ballot, numbered 2, 3 … without gaps per casilla and election.
 */
function checkPartes(cat: Catalogo, ix: Index, out: Problems): void {
  const partes = cat.partes ?? [];
  const casillas = new Map(cat.casillas.map((c) => [casillaTexto(c), c]));
  const boletas = new Set(cat.boletas.map((b) => `${b.eleccion}|${b.territorio}`));
  const numeros = new Map<string, Set<number>>();
  for (const p of partes) {
    const k = `${p.eleccion} ${casillaTexto(p)}`;
    numeros.set(k, (numeros.get(k) ?? new Set()).add(p.parte));
  }
  duplicates(out, 'partes', partes, (p) => `${p.eleccion} ${casillaTexto(p)} ${p.parte}`, (p) => `la parte ${p.parte} de la casilla ${casillaTexto(p)} en ${p.eleccion}`, 'parte');
  partes.forEach((p, i) => {
    const quien = `la parte ${p.parte} de la casilla ${casillaTexto(p)}`;
    const c = casillas.get(casillaTexto(p));
    if (c === undefined) out.add('partes', i, 'seccion', 'CASILLA_DESCONOCIDA', `${quien}: la casilla no existe`);
    const e = ix.elecciones.get(p.eleccion);
    if (e === undefined) out.add('partes', i, 'eleccion', 'ELECCION_DESCONOCIDA', `${quien} es de la elección ${p.eleccion}, que no existe`);
    else if (c !== undefined && !votaEn(c, p.eleccion)) out.add('partes', i, 'eleccion', 'NO_VOTA', `${quien}: la casilla no vota en la elección ${p.eleccion}`);
    if (!ix.distritos.has(p.distrito)) out.add('partes', i, 'distrito', 'DISTRITO_DESCONOCIDO', `${quien} es del distrito ${p.distrito}, que no existe`);
    if (!ix.municipios.has(p.municipio)) out.add('partes', i, 'municipio', 'MUNICIPIO_DESCONOCIDO', `${quien} es del municipio ${p.municipio}, que no existe`);
    if (e !== undefined && e.territorio !== 'entidad') {
      const t = e.territorio === 'distrito' ? p.distrito : p.municipio;
      if (!boletas.has(`${e.codigo}|${t}`)) out.add('partes', i, e.territorio, 'SIN_BOLETA', `${quien}: la elección ${e.codigo} no tiene boleta en el ${e.territorio} ${t}`);
    }
    if (p.parte > 2 && !numeros.get(`${p.eleccion} ${casillaTexto(p)}`)!.has(p.parte - 1)) {
      out.add('partes', i, 'parte', 'PARTE_SIN_ANTERIOR', `${quien}: falta la parte ${p.parte - 1} (las partes se numeran 2, 3 … sin huecos)`);
    }
    if ((p.tipo === 'S' || p.tipo === 'M') && (p.listaNominal ?? 0) !== 0) {
      out.add('partes', i, 'listaNominal', 'LISTA_NOMINAL_NO_CERO', `${quien} es tipo ${p.tipo} y debe tener lista nominal 0, no ${p.listaNominal}`);
    }
  });
}

export function validarCatalogo(cat: Catalogo): ProblemaCatalogo[] {
  const out = new Problems();
  const ix = buildIndex(cat);
  checkElecciones(cat, out);
  checkPartidosYCoaliciones(cat, ix, out);
  checkGeografia(cat, ix, out);
  checkCasillas(cat, ix, out);
  checkBoletas(cat, ix, out);
  checkCandidaturas(cat, ix, out);
  checkCatds(cat, ix, out);
  checkPartes(cat, ix, out);
  const orden: Tabla[] = ['entidad', 'elecciones', 'partidos', 'coaliciones', 'distritos', 'municipios', 'secciones', 'casillas', 'boletas', 'candidaturas', 'catds', 'partes'];
  // Stable sort: problems of one table together, rows ascending, in the order the checks found them.
  return out.list
    .map((p, k) => ({ p, k }))
    .sort((a, b) => orden.indexOf(a.p.tabla as Tabla) - orden.indexOf(b.p.tabla as Tabla) || a.p.fila - b.p.fila || a.k - b.k)
    .map(({ p }) => p);
}
