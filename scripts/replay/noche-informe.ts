/**
 * The whole-night replay's own report lines (Spanish): what each corte sent, what the file did that the API
 * cannot reproduce, how each corte's catalogue compares with the one imported, and the closing table. The
 * comparison of each corte with its file is the single-file report's (informe.ts). Pure.
 */
import { catalogoAArchivos } from '../../worker/domain/catalogo/archivos/escribir.ts';
import { coincide, type InformeEleccion } from './comparar.ts';
import type { DiferenciaCorte } from './noche.ts';
import type { CorteNoche } from './noche-cortes.ts';
import type { PlanReplay } from './plan.ts';

const MAX_LISTA = 20;

export interface FilaNoche {
  corte: string;
  final: boolean;
  diferencia: DiferenciaCorte;
  informes: InformeEleccion[];
  segundos: number;
}

const nombre = (ruta: string) => ruta.split(/[\\/]/).filter(Boolean).pop() ?? ruta;

/** The header of a corte and what it sends. */
export function lineasCorte(i: number, total: number, c: CorteNoche, d: DiferenciaCorte): string[] {
  const l = [
    `══ corte ${i + 1} de ${total}: ${c.texto} — ${c.carpetas.map(nombre).join(', ')}`,
    `  por la API: ${d.nuevas.length} acta(s) nueva(s) (camino completo), ${d.correcciones.length} corregida(s) (cotejo RECAPTURA y dos capturas con las cifras nuevas), ${d.sinCambio} sin cambio`,
  ];
  for (const c of d.correcciones.slice(0, MAX_LISTA)) l.push(`    ↻ ${c.acta.etiqueta} (línea ${c.acta.linea}): TOTAL_VOTOS_CALCULADO ${c.antes.reglas.totalVotosCalculado} → ${c.acta.reglas.totalVotosCalculado}, CONTABILIZADA ${c.antes.reglas.contabilizada} → ${c.acta.reglas.contabilizada}`);
  if (d.correcciones.length > MAX_LISTA) l.push(`    ↻ … y ${d.correcciones.length - MAX_LISTA} más`);
  if (d.irreproducibles.length > 0) {
    l.push(`  ! ${d.irreproducibles.length} acta(s) que el archivo cambia de un modo que la API no reproduce (no se envió nada; nuestra publicación conserva lo enviado antes):`);
    for (const x of d.irreproducibles.slice(0, MAX_LISTA)) l.push(`    ! ${x.antes.etiqueta} (línea ${(x.acta ?? x.antes).linea}): ${x.motivo}`);
    if (d.irreproducibles.length > MAX_LISTA) l.push(`    ! … y ${d.irreproducibles.length - MAX_LISTA} más`);
  }
  return l;
}

/**
 * The catalogue imported is the last corte's; each earlier corte's own derivation is compared with it, so that a
 * corte whose file names actas (or ballots) the last one does not is said, not silently replayed.
 */
export function lineasCatalogo(planes: readonly PlanReplay[], cortes: readonly CorteNoche[]): string[] {
  const ultimo = planes.at(-1)!;
  const actas = new Set(ultimo.modelo.actaPorClave.keys());
  const boletas = new Set(catalogoAArchivos(ultimo.catalogue).filter((a) => a.nombre.startsWith('boletas')).map((a) => a.texto));
  const l = [`catálogo: el del último corte (${cortes.at(-1)!.texto}), que tiene capturadas las más actas (sus filas traen REPRESENTANTES_PP_CI)`];
  for (const [i, p] of planes.slice(0, -1).entries()) {
    const faltan = [...p.modelo.actaPorClave.keys()].filter((k) => !actas.has(k));
    const otrasBoletas = catalogoAArchivos(p.catalogue).filter((a) => a.nombre.startsWith('boletas') && !boletas.has(a.texto));
    if (faltan.length > 0) l.push(`aviso: el corte ${cortes[i]!.texto} tiene ${faltan.length} acta(s) esperada(s) que el último no tiene (${faltan.slice(0, 5).join(', ')}${faltan.length > 5 ? ', …' : ''}): no se pueden enviar`);
    if (otrasBoletas.length > 0) l.push(`aviso: el corte ${cortes[i]!.texto} deriva otras boletas que el último: sus capturas se validan contra las del último`);
  }
  return l;
}

/** The closing table: one line per corte, the totals, the night's verdict. */
export function lineasResumenNoche(filas: readonly FilaNoche[], segundos: number): string[] {
  const l = ['NOCHE: corte por corte (nuevas, corregidas, sin cambio, que la API no reproduce; veredicto; segundos)'];
  for (const f of filas) {
    const d = f.diferencia;
    const nuestras = f.informes.reduce((s, i) => s + i.nuestras, 0);
    const veredicto = coincide(f.informes) ? 'COINCIDE' : `NO COINCIDE (${nuestras} diferencia(s) nuestra(s))`;
    l.push(`  ${f.corte}${f.final ? ' final' : ''}: ${d.nuevas.length} nuevas, ${d.correcciones.length} corregidas, ${d.sinCambio} sin cambio, ${d.irreproducibles.length} no reproducibles — ${veredicto} — ${f.segundos.toFixed(1)} s`);
  }
  const corregidas = filas.reduce((s, f) => s + f.diferencia.correcciones.length, 0);
  const bien = filas.filter((f) => coincide(f.informes)).length;
  l.push(
    bien === filas.length
      ? `VEREDICTO DE LA NOCHE: COINCIDE — ${filas.length} cortes, cada uno como su archivo según REGLAS; ${corregidas} acta(s) corregida(s); ${segundos.toFixed(0)} s`
      : `VEREDICTO DE LA NOCHE: NO COINCIDE — ${filas.length - bien} de ${filas.length} cortes con diferencias nuestras; ${corregidas} acta(s) corregida(s); ${segundos.toFixed(0)} s`,
  );
  return l;
}
