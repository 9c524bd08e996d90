/**
 * The comparison a replay prints, per election: for every acta, every figure our CSV and the file's row both carry
 * (cifras.ts), ours vs the file's; each vote column's sum over the actas (sumas.ts); the 13 summary figures ours vs
 * the file's; and whether the file agrees with itself (its summary against what its own rows add up to).
 *
 * Three answers meet for each item: ours (our published CSV), the file's, and REGLAS' — what docs/REGLAS.md §4–§5 give
 * for the file's own figures, computed with the domain core (clasificarActa, tallies, figuras). Ours must equal
 * REGLAS; where the file does not, the difference is the file's, and it is reported as such:
 *   ours = REGLAS = file   coincide
 *   ours = REGLAS ≠ file   «del archivo»: the file breaks REGLAS (or disagrees with itself)
 *   ours ≠ REGLAS          «nuestra»: a defect of ours (the replay exits non-zero)
 */
import { claveDeParte, sinApostrofo } from '../../worker/domain/claves/clave.ts';
import { CIFRAS_RESUMEN, type CifraResumen } from '../catalogo/desde-prep/encabezados.ts';
import type { CsvLeido } from '../../worker/domain/corte/verificar-csv.ts';
import type { Figuras } from '../../worker/domain/contrato/index.ts';
import { conteoVacio, sumarActa, sumarEsperada, type Conteo } from '../../worker/domain/conteo/conteo.ts';
import { figuras } from '../../worker/domain/conteo/figuras.ts';
import { figurasFila } from '../../worker/domain/conteo/figuras-csv.ts';
import type { ActaReplay, EleccionReplay, PlanReplay } from './plan.ts';
import { esNoAplica } from '../catalogo/desde-prep/resultados.ts';
import { observaInconsistencia } from './valores.ts';
import { compararCifras, normalizarCifra, REGLA_DUPLICADA, type DiferenciaCifra, type Juicio } from './cifras.ts';
import { sumarColumnas, type SumaColumna } from './sumas.ts';

export { normalizarCifra, type Juicio };

/** One figure of one acta where ours, the file's and REGLAS' do not all agree. */
export interface DiferenciaActa extends DiferenciaCifra {
  etiqueta: string;
  linea: number;
}

export interface FilaResumen {
  figura: CifraResumen;
  /** The file's summary cell (null when the file has no such figure). */
  archivo: string | null;
  /** What the file's rows add up to, as the file states them (its CONTABILIZADA, TOTAL_VOTOS_CALCULADO…). */
  filasArchivo: string;
  /** What REGLAS give for the file's figures. */
  reglas: string;
  nuestro: string;
  /** `sin_dato`: the file does not publish this figure. */
  juicio: Juicio | 'sin_dato';
  explicacion: string | null;
}

export interface FallaEnvio {
  etiqueta: string;
  linea: number;
  mensaje: string;
}

export interface NuestroPublicado {
  /** Our results CSV of the election, read back. */
  csv: CsvLeido;
  /** The figures and votes per column of our entidad shard of the election. */
  shard: { figuras: Figuras; votos: Record<string, number> } | null;
}

export interface InformeEleccion {
  codigo: string;
  nombre: string;
  archivo: string;
  envio: Record<ActaReplay['registro']['tipo'], number>;
  /** `cifras`: figures compared over all actas. */
  actas: { comparadas: number; coinciden: number; cifras: number; diferencias: DiferenciaActa[]; notas: { etiqueta: string; linea: number; nota: string }[] };
  /** Each vote column's sum over the actas: ours, the file's, REGLAS' (null without our CSV). */
  sumas: SumaColumna[] | null;
  /** Null when the file's summary is not this entidad's (a national file replayed one entidad at a time). */
  resumen: FilaResumen[] | null;
  consigoMismo: { comparable: boolean; diferencias: { figura: CifraResumen; dice: string; suman: string }[]; filasFueraDeReglas: number };
  /** Checks of ours against ours: the CSV's summary and the shard's, the shard's votes and REGLAS'. */
  internas: string[];
  fallas: FallaEnvio[];
  sugerencia: string | null;
  nuestras: number;
  delArchivo: number;
}

// ---- per acta -----------------------------------------------------------------------------------------------

/** One row of our CSV: cell text by column. */
type FilaNuestra = Readonly<Record<string, string>>;

const claveFc = (seccion: string, tipo: string, id: string, ext: string) => `FC|${normalizarCifra(seccion)}|${tipo}|${normalizarCifra(id)}|${normalizarCifra(ext)}`;

function filasNuestras(csv: CsvLeido): Map<string, FilaNuestra> {
  const m = new Map<string, FilaNuestra>();
  const filasDe = new Map<string, number>();
  for (const f of csv.filas) {
    const v: Record<string, string> = {};
    csv.cabecera.forEach((c, i) => {
      v[c] = f.fields[i]?.value ?? '';
    });
    const clave = sinApostrofo(v.CLAVE_ACTA ?? '');
    if (clave === '-') {
      m.set(claveFc(v.SECCION ?? '', v.TIPO_CASILLA ?? '', v.ID_CASILLA ?? '', v.EXT_CONTIGUA ?? ''), v);
      continue;
    }
    // A split casilla's parts print the institute's CLAVE_ACTA, part n on its n-th row (they follow part 1).
    const n = (filasDe.get(clave) ?? 0) + 1;
    filasDe.set(clave, n);
    m.set(claveDeParte(clave, n), v);
  }
  return m;
}

function claveNuestra(a: ActaReplay): string | null {
  if (a.clave !== null) return a.clave;
  if (a.registro.tipo !== 'fuera_catalogo') return null;
  const i = a.identificacion;
  return claveFc(String(i.seccion), i.tipo, String(i.id), String(i.extContigua));
}

/** An acta we do not publish (no sección): `-` in every column. */
const SIN_REGISTRO = (_columna: string) => '-';

/** A row repeating an earlier CLAVE_ACTA: a difference of the file, with every figure it carries. */
function diferenciaDuplicada(d: EleccionReplay['duplicadas'][number]): DiferenciaActa {
  const a = d.acta;
  const cifras = Object.entries(a.archivoDice.cifras).filter(([, t]) => !esNoAplica(t));
  return {
    etiqueta: a.etiqueta,
    linea: a.linea,
    campo: 'CLAVE_ACTA',
    nuestro: `(la de la línea ${d.lineaPrimera})`,
    archivo: `(otra fila, línea ${a.linea})`,
    reglas: '(una fila por CLAVE_ACTA)',
    juicio: 'archivo',
    regla: REGLA_DUPLICADA,
    explicacion: `repite la CLAVE_ACTA de la línea ${d.lineaPrimera}; sus cifras, no enviadas: ${cifras.length > 0 ? cifras.map(([c, t]) => `${c} ${t}`).join(', ') : 'ninguna (fila sin registrar)'}`,
  };
}

// ---- the file's rows as stated --------------------------------------------------------------------------------

const enteroDe = (t: string) => (/^\d+$/.test(t.trim()) ? Number(t.trim()) : 0);

/**
 * The 13 figures the file's rows add up to as the file states them (docs/REGLAS.md §5 on its own CONTABILIZADA,
 * TOTAL_VOTOS_CALCULADO, LISTA_NOMINAL, TIPO_CASILLA and OBSERVACIONES): what its summary must say.
 */
export function conteoDeclarado(actas: readonly ActaReplay[]): Conteo {
  const t = conteoVacio();
  for (const a of actas) {
    const fc = a.registro.tipo === 'fuera_catalogo';
    const c = a.archivoDice.contabilizada;
    if (!fc) t.esperadas++;
    if (c === '-' && !fc) continue;
    t.registradas++;
    if (fc) {
      t.fueraCatalogo++;
      continue;
    }
    t.capturadas++;
    if (observaInconsistencia(a.archivoDice.observaciones)) t.inconsistencias++;
    if (c !== '1') continue;
    t.contabilizadas++;
    const total = enteroDe(a.archivoDice.totalVotosCalculado);
    t.votosConEspeciales += total;
    if (a.identificacion.tipo !== 'S') {
      t.votosSinEspeciales += total;
      t.listaNominalContabilizadas += enteroDe(a.archivoDice.listaNominal);
    }
  }
  return t;
}

/** The tally REGLAS give for the file's figures: every registered acta classified, every other one esperada. */
export function conteoPorReglas(e: EleccionReplay): Conteo {
  const t = conteoVacio();
  for (const a of e.actas) {
    if (a.entradaReglas !== null) sumarActa(t, a.entradaReglas);
    else sumarEsperada(t);
  }
  for (let i = 0; i < e.sinFila.length; i++) sumarEsperada(t);
  return t;
}

// ---- the whole election -----------------------------------------------------------------------------------------

export function compararEleccion(
  e: EleccionReplay,
  nuestro: NuestroPublicado | null,
  opciones: { final: boolean; fallas?: readonly FallaEnvio[] },
): InformeEleccion {
  const fallas = [...(opciones.fallas ?? [])];
  const internas: string[] = [];
  if (nuestro === null) internas.push(`no se encontró nuestro CSV de resultados de ${e.codigo} en el corte publicado`);
  const nuestras = nuestro ? filasNuestras(nuestro.csv) : new Map<string, FilaNuestra>();

  // Actas.
  const envio: InformeEleccion['envio'] = { pendiente: 0, captura: 0, sin_acta: 0, fuera_catalogo: 0, ilegible: 0, sin_seccion: 0 };
  const diferencias: DiferenciaActa[] = [];
  const notas: InformeEleccion['actas']['notas'] = [];
  let coinciden = 0;
  let cifras = 0;
  for (const a of e.actas) {
    envio[a.registro.tipo]++;
    for (const nota of a.notas) notas.push({ etiqueta: a.etiqueta, linea: a.linea, nota });
    // Without our CSV nothing can be compared (the internal problem above says so once).
    if (nuestro === null) continue;
    const k = claveNuestra(a);
    const fila = k === null ? undefined : nuestras.get(k);
    if (k !== null && fila === undefined) {
      diferencias.push({ etiqueta: a.etiqueta, linea: a.linea, campo: 'CONTABILIZADA', nuestro: '(sin fila)', archivo: a.archivoDice.contabilizada, reglas: a.reglas.contabilizada, juicio: 'nuestra', regla: 'REGLAS §7: el CSV lleva una fila por acta esperada y por acta fuera de catálogo', explicacion: 'nuestro CSV publicado no tiene esta acta' });
      continue;
    }
    const r = compararCifras(a, fila === undefined ? SIN_REGISTRO : (c) => fila[c]);
    cifras += r.comparadas;
    for (const d of r.diferencias) diferencias.push({ etiqueta: a.etiqueta, linea: a.linea, ...d });
    if (r.diferencias.length === 0) coinciden++;
  }
  if (nuestro !== null) diferencias.push(...e.duplicadas.map(diferenciaDuplicada));
  for (const f of fallas) notas.push({ etiqueta: f.etiqueta, linea: f.linea, nota: `la API rechazó su envío: ${f.mensaje}` });

  // Summary.
  const conteoReglas = conteoPorReglas(e);
  const reglas = figurasFila(figuras(conteoReglas, { final: opciones.final }));
  // What the file's rows add up to counts every row it has, repeated CLAVE_ACTA included.
  const declarado = figurasFila(figuras(conteoDeclarado([...e.actas, ...e.duplicadas.map((d) => d.acta)]), { final: opciones.final }));
  const porDuplicadas = e.duplicadas.length > 0 ? ` (${e.duplicadas.length} de sus filas repiten una CLAVE_ACTA: REGLAS cuentan un acta por CLAVE_ACTA, ver las diferencias de las actas)` : '';
  const nuestroResumen = nuestro?.csv.resumen ?? [];
  const archivoDe = (f: CifraResumen) => {
    const v = e.resumenArchivo[f];
    return v === undefined || v.trim() === '' ? null : v;
  };
  const igualCifra = (a: string, b: string) => normalizarCifra(a) === normalizarCifra(b);
  let resumen: FilaResumen[] | null = null;
  if (e.resumenComparable && nuestro !== null) {
    resumen = CIFRAS_RESUMEN.map((figura, i) => {
      const n = nuestroResumen[i] ?? '(nada)';
      const archivo = archivoDe(figura);
      const base = { figura, archivo, filasArchivo: declarado[i]!, reglas: reglas[i]!, nuestro: n };
      if (!igualCifra(n, reglas[i]!)) return { ...base, juicio: 'nuestra' as const, explicacion: `nuestro ${n}; por REGLAS §5 sobre las cifras del archivo es ${reglas[i]}` };
      if (archivo === null) return { ...base, juicio: 'sin_dato' as const, explicacion: 'el archivo no publica esta cifra' };
      if (igualCifra(archivo, reglas[i]!)) return { ...base, juicio: 'coincide' as const, explicacion: null };
      const explicacion = !igualCifra(archivo, declarado[i]!)
        ? `el resumen del archivo dice ${archivo} y sus propias filas suman ${declarado[i]}${igualCifra(declarado[i]!, reglas[i]!) ? '' : `; por REGLAS sus cifras dan ${reglas[i]}`}`
        : `su resumen es lo que suman sus filas, pero sus filas no siguen REGLAS: por REGLAS §4–§5 sus cifras dan ${reglas[i]}${porDuplicadas}`;
      return { ...base, juicio: 'archivo' as const, explicacion };
    });
  } else if (nuestro !== null) {
    // The summary cannot be compared with the file's; ours must still be REGLAS'.
    CIFRAS_RESUMEN.forEach((f, i) => {
      if (!igualCifra(nuestroResumen[i] ?? '', reglas[i]!)) internas.push(`${f}: nuestro resumen dice ${nuestroResumen[i] ?? '(nada)'}; por REGLAS es ${reglas[i]}`);
    });
  }

  // Does the file agree with itself?
  const consigoMismo: InformeEleccion['consigoMismo'] = {
    comparable: e.resumenComparable && CIFRAS_RESUMEN.some((f) => archivoDe(f) !== null),
    diferencias: [],
    filasFueraDeReglas: new Set(diferencias.filter((d) => d.juicio === 'archivo').map((d) => d.linea)).size,
  };
  if (consigoMismo.comparable) {
    CIFRAS_RESUMEN.forEach((figura, i) => {
      const dice = archivoDe(figura);
      if (dice !== null && !igualCifra(dice, declarado[i]!)) consigoMismo.diferencias.push({ figura, dice, suman: declarado[i]! });
    });
  }

  // Ours against ours: the shard and the CSV must say the same, and the votes per column must be REGLAS'.
  if (nuestro?.shard) {
    const delShard = figurasFila(nuestro.shard.figuras);
    CIFRAS_RESUMEN.forEach((f, i) => {
      if (delShard[i] !== nuestroResumen[i]) internas.push(`${f}: nuestro shard de la entidad dice ${delShard[i]} y nuestro CSV ${nuestroResumen[i] ?? '(nada)'}`);
    });
    const columnas = new Set([...Object.keys(nuestro.shard.votos), ...Object.keys(conteoReglas.votos)]);
    for (const c of columnas) {
      const n = nuestro.shard.votos[c] ?? 0;
      const r = conteoReglas.votos[c] ?? 0;
      if (n !== r) internas.push(`votos de ${c}: nuestro shard dice ${n}; por REGLAS (actas contabilizadas) son ${r}`);
    }
  }

  // The file may be a final corte (or not) other than what was asked: say so.
  let sugerencia: string | null = null;
  const iPart = CIFRAS_RESUMEN.indexOf('PORCENTAJE_PARTICIPACION_CIUDADANA');
  const partArchivo = archivoDe('PORCENTAJE_PARTICIPACION_CIUDADANA');
  if (partArchivo !== null && e.resumenComparable) {
    const otra = figurasFila(figuras(conteoReglas, { final: !opciones.final }))[iPart]!;
    if (!igualCifra(partArchivo, reglas[iPart]!) && igualCifra(partArchivo, otra)) {
      sugerencia = opciones.final
        ? 'la participación del archivo es la de un corte no final (TOTAL_VOTOS_S_CS): ¿es un corte final? pruebe sin --final'
        : 'la participación del archivo es la del corte final (TOTAL_VOTOS_C_CS): si el archivo es el corte final, repita con --final';
    }
  }

  const sumas = nuestro === null ? null : sumarColumnas(e, nuestro.csv);
  const nuestrasN =
    diferencias.filter((d) => d.juicio === 'nuestra').length +
    (resumen?.filter((f) => f.juicio === 'nuestra').length ?? 0) +
    (sumas?.filter((x) => x.juicio === 'nuestra').length ?? 0) +
    internas.length +
    fallas.length;
  // The file's disagreements with itself are summary figures already counted here; a column sum of the file is
  // the sum of acta differences already counted.
  const delArchivo = diferencias.filter((d) => d.juicio === 'archivo').length + (resumen?.filter((f) => f.juicio === 'archivo').length ?? 0);
  return {
    codigo: e.codigo,
    nombre: e.nombre,
    archivo: e.archivo,
    envio,
    actas: { comparadas: e.actas.length, coinciden, cifras, diferencias, notas },
    sumas,
    resumen,
    consigoMismo,
    internas,
    fallas,
    sugerencia,
    nuestras: nuestrasN,
    delArchivo,
  };
}

/**
 * The whole comparison: one report per election. Problems of our publication as a whole (`problemasPublicacion`:
 * its corte line, its final flag, a missing file) are differences of ours, reported with every election.
 */
export function compararReplay(
  plan: PlanReplay,
  publicado: { porEleccion: ReadonlyMap<string, NuestroPublicado | null>; problemas: readonly string[] },
  fallas: ReadonlyMap<string, readonly FallaEnvio[]> = new Map(),
): InformeEleccion[] {
  return plan.elecciones.map((e) => {
    const i = compararEleccion(e, publicado.porEleccion.get(e.codigo) ?? null, { final: plan.final, fallas: fallas.get(e.codigo) ?? [] });
    i.internas.push(...publicado.problemas);
    i.nuestras += publicado.problemas.length;
    return i;
  });
}

/** Whether ours follows REGLAS everywhere (the replay's exit code 0): no difference of ours in any election. */
export function coincide(informes: readonly InformeEleccion[]): boolean {
  return informes.every((i) => i.nuestras === 0);
}
