/**
 * The replay's report as text lines (Spanish): per election what was sent, the acta × figure differences grouped by
 * the rule they break (a count and the first examples, each with its key, file:line and figure; all of them with
 * `todas`), each vote column's sum (ours, the file's, REGLAS'), the 13 summary figures side by side (ours, the
 * file's, what the file's rows add up to, and REGLAS'), whether the file agrees with itself, and a verdict. Pure.
 */
import path from 'node:path';
import type { DiferenciaActa, InformeEleccion } from './comparar.ts';
import type { SumaColumna } from './sumas.ts';

export interface Encabezado {
  corte: string;
  final: boolean;
  /** List every difference of each rule, not only the first examples (`--todas`). */
  todas?: boolean;
}

const MAX_NOTAS = 50;
/** Examples shown per rule (a 7,500-acta file can have thousands of differences of one kind). */
export const MAX_EJEMPLOS = 5;

function tabla(filas: readonly string[][], margen: string): string[] {
  const anchos = filas[0]!.map((_, i) => Math.max(...filas.map((f) => (f[i] ?? '').length)));
  return filas.map((f) => margen + f.map((c, i) => (i === 0 ? c.padEnd(anchos[i]!) : c.padStart(anchos[i]!))).join('  ').trimEnd());
}

const plural = (n: number, uno: string, varios: string) => `${n} ${n === 1 ? uno : varios}`;

export function lineasEleccion(i: InformeEleccion, enc: Encabezado): string[] {
  const l: string[] = [];
  l.push(`Réplica de ${i.archivo}: «${i.nombre}» (${i.codigo}), corte ${enc.corte}${enc.final ? ', final' : ''}`);
  const e = i.envio;
  const enviadas = [
    e.captura > 0 ? `${plural(e.captura, 'acta capturada', 'actas capturadas')} (acopio, imagen de reemplazo, dos capturas que la verifican)` : null,
    e.sin_acta > 0 ? `${e.sin_acta} sin acta` : null,
    e.fuera_catalogo > 0 ? `${e.fuera_catalogo} fuera de catálogo` : null,
  ].filter((x) => x !== null);
  const otras = [
    e.pendiente > 0 ? `${e.pendiente} sin registrar en el archivo` : null,
    e.ilegible > 0 ? `${e.ilegible} que no se pudieron enviar (valores que REGLAS §3 no admite)` : null,
    e.sin_seccion > 0 ? `${e.sin_seccion} sin sección (fuera del catálogo)` : null,
  ].filter((x) => x !== null);
  l.push(`  enviado por la API: ${enviadas.length > 0 ? enviadas.join(', ') : 'nada'}${otras.length > 0 ? `; ${otras.join(', ')}` : ''}`);

  l.push(
    `  actas (cada cifra que el archivo y nuestro CSV llevan: votos por columna, totales, LISTA_NOMINAL, OBSERVACIONES, CONTABILIZADA…): ${i.actas.comparadas} comparadas, ${i.actas.coinciden} coinciden en todo (${i.actas.cifras} cifras comparadas)`,
  );
  l.push(...lineasDiferencias(i.actas.diferencias, path.basename(i.archivo), enc.todas ?? false));
  if (i.sumas !== null) l.push(...lineasSumas(i.sumas));
  if (i.fallas.length > 0) {
    l.push(`  la API rechazó ${plural(i.fallas.length, 'envío', 'envíos')}:`);
    for (const f of i.fallas) l.push(`    ✗ ${f.etiqueta} (línea ${f.linea}): ${f.mensaje}`);
  }
  const notas = i.actas.notas.filter((n) => !n.nota.startsWith('la API rechazó'));
  if (notas.length > 0) {
    l.push(`  notas (${notas.length}):`);
    for (const n of notas.slice(0, MAX_NOTAS)) l.push(`    · ${n.etiqueta} (línea ${n.linea}): ${n.nota}`);
    if (notas.length > MAX_NOTAS) l.push(`    · … y ${notas.length - MAX_NOTAS} más`);
  }

  if (i.resumen === null) {
    l.push(`  resumen: no se compara con el del archivo (${i.internas.length > 0 && i.actas.coinciden === 0 ? 'sin nuestro CSV' : 'el archivo trae varias entidades y se reprodujo una'})`);
  } else {
    l.push('  resumen (13 cifras):');
    const filas = [['', 'nuestro', 'archivo', 'sus filas', 'REGLAS', '']];
    for (const f of i.resumen) {
      const marca = f.juicio === 'coincide' ? '✓' : f.juicio === 'nuestra' ? '✗' : f.juicio === 'archivo' ? '!' : '·';
      filas.push([`${marca} ${f.figura}`, f.nuestro, f.archivo ?? '(no está)', f.filasArchivo, f.reglas, f.juicio === 'nuestra' ? 'NUESTRA' : f.juicio === 'archivo' ? 'DEL ARCHIVO' : '']);
    }
    l.push(...tabla(filas, '    '));
    for (const f of i.resumen) if (f.explicacion && f.juicio !== 'sin_dato') l.push(`    ${f.juicio === 'nuestra' ? '✗' : '!'} ${f.figura}: ${f.explicacion}`);
  }
  if (i.sugerencia) l.push(`  sugerencia: ${i.sugerencia}`);

  const c = i.consigoMismo;
  if (!c.comparable) l.push('  el archivo consigo mismo: no se puede saber (sin resumen comparable)');
  else if (c.diferencias.length === 0) {
    l.push(`  el archivo consigo mismo: ✓ su resumen es lo que suman sus propias filas${c.filasFueraDeReglas > 0 ? `, aunque ${plural(c.filasFueraDeReglas, 'fila no sigue', 'filas no siguen')} REGLAS (arriba)` : ''}`);
  } else {
    l.push(`  el archivo consigo mismo: ✗ NO CONCUERDA: su resumen no es lo que suman sus propias filas`);
    for (const x of c.diferencias) l.push(`    ! ${x.figura}: el resumen dice ${x.dice}; sus filas suman ${x.suman}`);
  }
  if (i.internas.length === 0) l.push('  nuestra publicación consigo misma: ✓ el CSV, el shard de la entidad y REGLAS dicen lo mismo (cifras y votos por columna)');
  else {
    l.push('  nuestra publicación consigo misma: ✗');
    for (const x of i.internas) l.push(`    ✗ ${x}`);
  }
  return l;
}

/** Differences grouped by whose and by rule: a count, the figures involved, the first examples (all with `todas`). */
export function lineasDiferencias(d: readonly DiferenciaActa[], archivo: string, todas: boolean): string[] {
  if (d.length === 0) return [];
  const grupos = new Map<string, DiferenciaActa[]>();
  for (const x of [...d].sort((a, b) => a.linea - b.linea)) {
    const k = `${x.juicio}\u0000${x.regla}`;
    const g = grupos.get(k);
    if (g) g.push(x);
    else grupos.set(k, [x]);
  }
  const orden = [...grupos.values()].sort((a, b) => (a[0]!.juicio === b[0]!.juicio ? b.length - a.length : a[0]!.juicio === 'nuestra' ? -1 : 1));
  const l = [`  diferencias por regla (${plural(d.length, 'cifra', 'cifras')}; nuestro · archivo · REGLAS):`];
  for (const g of orden) {
    const marca = g[0]!.juicio === 'nuestra' ? '✗ NUESTRA' : '! DEL ARCHIVO';
    const actas = new Set(g.map((x) => x.linea)).size;
    const porCampo = new Map<string, number>();
    for (const x of g) porCampo.set(x.campo, (porCampo.get(x.campo) ?? 0) + 1);
    const campos = [...porCampo].sort((a, b) => b[1] - a[1]).map(([c, n]) => `${c} ${n}`);
    l.push(`    ${marca} — ${g[0]!.regla}`);
    l.push(`      ${plural(g.length, 'cifra', 'cifras')} en ${plural(actas, 'acta', 'actas')} (${campos.slice(0, 8).join(', ')}${campos.length > 8 ? ', …' : ''})`);
    // One line per acta: its figures of this rule, those with the same values together.
    const porActa = new Map<number, DiferenciaActa[]>();
    for (const x of g) porActa.set(x.linea, [...(porActa.get(x.linea) ?? []), x]);
    const ejemplos = todas ? [...porActa.values()] : [...porActa.values()].slice(0, MAX_EJEMPLOS);
    for (const de of ejemplos) l.push(`      ${de[0]!.etiqueta} (${archivo}:${de[0]!.linea}) ${lineaActa(de)}`);
    if (ejemplos.length < porActa.size) l.push(`      … y ${plural(porActa.size - ejemplos.length, 'acta', 'actas')} más (--todas las lista)`);
  }
  return l;
}

/** An acta's differences of one rule: `PAN, PRI: nuestro - · archivo 0 · REGLAS -`, with what the values do not say. */
function lineaActa(d: readonly DiferenciaActa[]): string {
  const mismos = new Map<string, { campos: string[]; x: DiferenciaActa }>();
  for (const x of d) {
    const k = [x.nuestro, x.archivo, x.reglas, x.explicacion].join('\u0000');
    const m = mismos.get(k);
    if (m) m.campos.push(x.campo);
    else mismos.set(k, { campos: [x.campo], x });
  }
  return [...mismos.values()]
    .map(({ campos, x }) => `${campos.join(', ')}: nuestro ${x.nuestro || '«»'} · archivo ${x.archivo || '«»'} · REGLAS ${x.reglas || '«»'}${x.explicacion ? ` — ${x.explicacion}` : ''}`)
    .join('; ');
}

/** Each vote column's sum: ours, the file's, REGLAS'; a difference with its breakdown by rule. */
export function lineasSumas(sumas: readonly SumaColumna[]): string[] {
  if (sumas.length === 0) return [];
  const iguales = sumas.filter((s) => s.juicio === 'coincide').length;
  const l = [`  votos por columna (Σ sobre las actas esperadas, sin las fuera de catálogo; solo celdas enteras): ${sumas.length} columnas, ${iguales} coinciden`];
  const filas = [['', 'nuestro', 'archivo', 'REGLAS', '']];
  for (const s of sumas) {
    const marca = s.juicio === 'coincide' ? '✓' : s.juicio === 'nuestra' ? '✗' : s.juicio === 'archivo' ? '!' : '·';
    filas.push([`${marca} ${s.columna}`, String(s.nuestro), s.archivo === null ? '(no está)' : String(s.archivo), String(s.reglas), s.juicio === 'nuestra' ? 'NUESTRA' : s.juicio === 'archivo' ? 'DEL ARCHIVO' : '']);
  }
  l.push(...tabla(filas, '    '));
  // Each rule once, as a legend; a column's breakdown refers to it by number.
  const leyenda = new Map<string, string>();
  const letra = (regla: string) => {
    let x = leyenda.get(regla);
    if (x === undefined) leyenda.set(regla, (x = `[${leyenda.size + 1}]`));
    return x;
  };
  for (const s of sumas) {
    if (s.juicio === 'nuestra') {
      const x = s.sinSeccion;
      const porque = x.filas > 0 ? ` (${x.votos} en ${plural(x.filas, 'acta', 'actas')} sin sección, que el catálogo no admite)` : '';
      l.push(`    ✗ ${s.columna}: nuestro CSV suma ${s.nuestro}; por REGLAS, ${s.reglas}${porque}`);
    }
    if (s.archivo === null || s.archivo === s.reglas) continue;
    const partes = s.desglose.map((x) => `${x.diferencia > 0 ? '+' : ''}${x.diferencia} ${letra(x.regla)} (${plural(x.filas, 'fila', 'filas')})`);
    l.push(`    ! ${s.columna}: el archivo suma ${s.archivo}, REGLAS ${s.reglas}: ${partes.join(', ')}`);
  }
  for (const [regla, x] of leyenda) l.push(`      ${x} ${regla}`);
  return l;
}

/** The closing lines: the verdict over every election. */
export function lineasVeredicto(informes: readonly InformeEleccion[]): string[] {
  const nuestras = informes.reduce((s, i) => s + i.nuestras, 0);
  const delArchivo = informes.reduce((s, i) => s + i.delArchivo, 0);
  const inconsistente = informes.filter((i) => i.consigoMismo.diferencias.length > 0).map((i) => i.codigo);
  if (nuestras > 0) {
    return [`VEREDICTO: NO COINCIDE — ${plural(nuestras, 'diferencia nuestra', 'diferencias nuestras')} (✗): nuestra publicación no es lo que docs/REGLAS.md da para las cifras del archivo.`];
  }
  const lineas = [
    delArchivo === 0
      ? 'VEREDICTO: COINCIDE — nuestra publicación reproduce el archivo: cada acta y cada cifra del resumen.'
      : `VEREDICTO: COINCIDE CON REGLAS — nuestra publicación sigue docs/REGLAS.md; ${plural(delArchivo, 'diferencia es', 'diferencias son')} del archivo (!).`,
  ];
  if (inconsistente.length > 0) lineas.push(`El archivo no concuerda consigo mismo (${inconsistente.join(', ')}): su resumen no es lo que suman sus filas.`);
  return lineas;
}
