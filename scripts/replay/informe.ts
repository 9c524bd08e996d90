/**
 * The replay's report as text lines (Spanish): per election what was sent, every acta difference with its key
 * and whose it is, the 13 summary figures side by side (ours, the file's, what the file's rows add up to, and
 * REGLAS'), whether the file agrees with itself, and a verdict. Pure.
 */
import type { InformeEleccion } from './comparar.ts';

export interface Encabezado {
  corte: string;
  final: boolean;
}

const MAX_NOTAS = 50;

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

  const d = i.actas.diferencias;
  l.push(`  actas (CONTABILIZADA y TOTAL_VOTOS_CALCULADO, nuestro / archivo): ${i.actas.comparadas} comparadas, ${i.actas.coinciden} coinciden`);
  for (const x of [...d].sort((a, b) => (a.juicio === b.juicio ? a.linea - b.linea : a.juicio === 'nuestra' ? -1 : 1))) {
    const marca = x.juicio === 'nuestra' ? '✗ NUESTRA  ' : '! DEL ARCHIVO';
    l.push(`    ${marca} ${x.etiqueta} (línea ${x.linea}) ${x.campo}: nuestro ${x.nuestro} · archivo ${x.archivo} · REGLAS ${x.reglas} — ${x.explicacion}`);
  }
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
