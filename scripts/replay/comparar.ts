/**
 * The comparison a replay prints, per election: for every acta, CONTABILIZADA and TOTAL_VOTOS_CALCULADO ours vs
 * the file's; the 13 summary figures ours vs the file's; and whether the file agrees with itself (its summary
 * against what its own rows add up to).
 *
 * Three answers meet for each item: ours (our published CSV), the file's, and REGLAS' — what docs/REGLAS.md §4–§5 give
 * for the file's own figures, computed with the domain core (clasificarActa, tallies, figuras). Ours must equal
 * REGLAS; where the file does not, the difference is the file's, and it is reported as such:
 *   ours = REGLAS = file   coincide
 *   ours = REGLAS ≠ file   «del archivo»: the file breaks REGLAS (or disagrees with itself)
 *   ours ≠ REGLAS          «nuestra»: a defect of ours (the replay exits non-zero)
 */
import { sinApostrofo } from '../../worker/domain/claves/clave.ts';
import { CIFRAS_RESUMEN, type CifraResumen } from '../catalogo/desde-prep/encabezados.ts';
import type { CsvLeido } from '../../worker/domain/corte/verificar-csv.ts';
import type { Figuras } from '../../worker/domain/contrato/index.ts';
import { conteoVacio, sumarActa, sumarEsperada, type Conteo } from '../../worker/domain/conteo/conteo.ts';
import { figuras } from '../../worker/domain/conteo/figuras.ts';
import { figurasFila } from '../../worker/domain/conteo/figuras-csv.ts';
import type { ActaReplay, EleccionReplay, PlanReplay } from './plan.ts';
import { esNoAplica } from '../catalogo/desde-prep/resultados.ts';
import { observaInconsistencia } from './valores.ts';

export type Juicio = 'coincide' | 'archivo' | 'nuestra';

export interface DiferenciaActa {
  etiqueta: string;
  linea: number;
  campo: 'CONTABILIZADA' | 'TOTAL_VOTOS_CALCULADO';
  nuestro: string;
  archivo: string;
  reglas: string;
  juicio: Exclude<Juicio, 'coincide'>;
  explicacion: string;
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
  actas: { comparadas: number; coinciden: number; diferencias: DiferenciaActa[]; notas: { etiqueta: string; linea: number; nota: string }[] };
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

// ---- values -------------------------------------------------------------------------------------------------

/** A figure or count as comparable text: `0012` → `12`, `33.33330` → `33.3333`, `40.0000` → `40`, `-` stays. */
export function normalizarCifra(texto: string): string {
  const t = texto.trim().replace(/%$/, '').trim();
  if (/^\d+$/.test(t)) return t.replace(/^0+(?=\d)/, '');
  const m = /^(\d+)\.(\d*)$/.exec(t);
  if (m) {
    const entero = m[1]!.replace(/^0+(?=\d)/, '');
    const dec = m[2]!.replace(/0+$/, '');
    return dec === '' ? entero : `${entero}.${dec}`;
  }
  return t;
}

/** TOTAL_VOTOS_CALCULADO compared as a number: `-` adds nothing (0). */
const totalNumerico = (t: string) => (esNoAplica(t) ? '0' : normalizarCifra(t));

function juzgar(nuestro: string, archivo: string, reglas: string, igual: (a: string, b: string) => boolean): Juicio {
  if (!igual(nuestro, reglas)) return 'nuestra';
  if (!igual(archivo, reglas)) return 'archivo';
  return 'coincide';
}

// ---- per acta -----------------------------------------------------------------------------------------------

interface FilaNuestra {
  contabilizada: string;
  total: string;
  observaciones: string;
}

const claveFc = (seccion: string, tipo: string, id: string, ext: string) => `FC|${normalizarCifra(seccion)}|${tipo}|${normalizarCifra(id)}|${normalizarCifra(ext)}`;

function filasNuestras(csv: CsvLeido): Map<string, FilaNuestra> {
  const idx = new Map(csv.cabecera.map((c, i) => [c, i]));
  const col = (valores: readonly string[], c: string) => valores[idx.get(c) ?? -1] ?? '';
  const m = new Map<string, FilaNuestra>();
  for (const f of csv.filas) {
    const v = f.fields.map((x) => x.value);
    const clave = sinApostrofo(col(v, 'CLAVE_ACTA'));
    const k = clave === '-' ? claveFc(col(v, 'SECCION'), col(v, 'TIPO_CASILLA'), col(v, 'ID_CASILLA'), col(v, 'EXT_CONTIGUA')) : clave;
    m.set(k, { contabilizada: col(v, 'CONTABILIZADA'), total: col(v, 'TOTAL_VOTOS_CALCULADO'), observaciones: col(v, 'OBSERVACIONES') });
  }
  return m;
}

function claveNuestra(a: ActaReplay): string | null {
  if (a.clave !== null) return a.clave;
  if (a.registro.tipo !== 'fuera_catalogo') return null;
  const i = a.identificacion;
  return claveFc(String(i.seccion), i.tipo, String(i.id), String(i.extContigua));
}

const SIN_REGISTRO: FilaNuestra = { contabilizada: '-', total: '-', observaciones: '-' };

function explicarContabilizada(a: ActaReplay, juicio: Exclude<Juicio, 'coincide'>): string {
  const r = a.reglas;
  const porReglas =
    r.contabilizada === '-' ? 'por REGLAS no está registrada' : `por REGLAS §4 su CONTABILIZADA es ${r.contabilizada}${r.observaciones ? ` (${r.observaciones})` : ''}`;
  if (juicio === 'nuestra') {
    if (a.registro.tipo === 'sin_seccion') return `${porReglas}; el catálogo no admite actas sin sección y la réplica no la registra`;
    return `${porReglas}: nuestra publicación no lo sigue`;
  }
  if (a.registro.tipo === 'ilegible') return `el archivo la da por registrada, pero su fila tiene valores que REGLAS §3 no admite y no se envió: ${a.registro.problemas.join('; ')}`;
  return `el archivo dice ${a.archivoDice.contabilizada}${a.archivoDice.observaciones && !esNoAplica(a.archivoDice.observaciones) ? ` («${a.archivoDice.observaciones}»)` : ''}; ${porReglas}`;
}

function explicarTotal(a: ActaReplay, juicio: Exclude<Juicio, 'coincide'>): string {
  if (juicio === 'nuestra') return `por REGLAS §4 es la suma de sus campos de votos, ${a.reglas.totalVotosCalculado}: nuestra publicación no lo sigue`;
  if (a.registro.tipo === 'ilegible') return 'su fila no se pudo enviar (valores que REGLAS §3 no admite)';
  return `el archivo dice ${a.archivoDice.totalVotosCalculado}; la suma de sus campos de votos es ${a.reglas.totalVotosCalculado} (REGLAS §4: TOTAL_VOTOS_CALCULADO se calcula, no se captura)`;
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
  for (const a of e.actas) {
    envio[a.registro.tipo]++;
    for (const nota of a.notas) notas.push({ etiqueta: a.etiqueta, linea: a.linea, nota });
    // Without our CSV nothing can be compared (the internal problem above says so once).
    if (nuestro === null) continue;
    const k = claveNuestra(a);
    const fila = k === null ? SIN_REGISTRO : nuestras.get(k);
    if (fila === undefined) {
      diferencias.push({ etiqueta: a.etiqueta, linea: a.linea, campo: 'CONTABILIZADA', nuestro: '(sin fila)', archivo: a.archivoDice.contabilizada, reglas: a.reglas.contabilizada, juicio: 'nuestra', explicacion: 'nuestro CSV publicado no tiene esta acta' });
      continue;
    }
    let igual = true;
    const jc = juzgar(fila.contabilizada, a.archivoDice.contabilizada, a.reglas.contabilizada, (x, y) => x.trim() === y.trim());
    if (jc !== 'coincide') {
      igual = false;
      diferencias.push({ etiqueta: a.etiqueta, linea: a.linea, campo: 'CONTABILIZADA', nuestro: fila.contabilizada, archivo: a.archivoDice.contabilizada, reglas: a.reglas.contabilizada, juicio: jc, explicacion: explicarContabilizada(a, jc) });
    }
    // A fuera de catálogo acta without a ballot is registered but not captured: its total is not reproduced.
    const sinCaptura = a.registro.tipo === 'fuera_catalogo' && a.registro.captura === null;
    if (!sinCaptura) {
      const jt = juzgar(fila.total, a.archivoDice.totalVotosCalculado, a.reglas.totalVotosCalculado, (x, y) => totalNumerico(x) === totalNumerico(y));
      if (jt !== 'coincide') {
        igual = false;
        diferencias.push({ etiqueta: a.etiqueta, linea: a.linea, campo: 'TOTAL_VOTOS_CALCULADO', nuestro: fila.total, archivo: a.archivoDice.totalVotosCalculado, reglas: a.reglas.totalVotosCalculado, juicio: jt, explicacion: explicarTotal(a, jt) });
      }
    }
    if (igual) coinciden++;
  }
  for (const f of fallas) notas.push({ etiqueta: f.etiqueta, linea: f.linea, nota: `la API rechazó su envío: ${f.mensaje}` });

  // Summary.
  const conteoReglas = conteoPorReglas(e);
  const reglas = figurasFila(figuras(conteoReglas, { final: opciones.final }));
  const declarado = figurasFila(figuras(conteoDeclarado(e.actas), { final: opciones.final }));
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
        : `su resumen es lo que suman sus filas, pero sus filas no siguen REGLAS: por REGLAS §4–§5 sus cifras dan ${reglas[i]}`;
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

  const nuestrasN =
    diferencias.filter((d) => d.juicio === 'nuestra').length + (resumen?.filter((f) => f.juicio === 'nuestra').length ?? 0) + internas.length + fallas.length;
  // The file's disagreements with itself are summary figures already counted here.
  const delArchivo = diferencias.filter((d) => d.juicio === 'archivo').length + (resumen?.filter((f) => f.juicio === 'archivo').length ?? 0);
  return {
    codigo: e.codigo,
    nombre: e.nombre,
    archivo: e.archivo,
    envio,
    actas: { comparadas: e.actas.length, coinciden, diferencias, notas },
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
