/**
 * The entidad of a derived catalogue and its time zone. A results file may hold several entidades (national
 * files hold all 32): the catalogue is one entidad's, chosen by --entidad or, when the files hold one, theirs.
 */
import type { ProblemaArchivo } from '../../../worker/domain/catalogo/archivos/problemas.ts';
import { FORMATO, leerHuso } from '../../../worker/domain/catalogo/archivos/especificacion.ts';
import { err, ok, type Result } from '../../../worker/domain/resultado.ts';
import type { Fuente } from './fuentes.ts';
import type { OpcionesDesdePrep } from './opciones.ts';
import { esFueraDeCatalogo, esSinSeccion, type FilaResultados } from './resultados.ts';

export interface EntidadDerivada {
  id: number;
  nombre: string;
  utcOffsetMinutes: number;
}

/** A row that becomes a casilla of the catalogue: an expected acta of the chosen entidad. */
export function esDeLaEntidad(f: FilaResultados, entidad: number): boolean {
  return !esFueraDeCatalogo(f) && Number(f.datos.ID_ENTIDAD) === entidad;
}

/** The entidad, its name and UTC offset; says which expected actas are left out for having no sección. */
export function derivarEntidad(fuentes: readonly Fuente[], opts: OpcionesDesdePrep, avisos: ProblemaArchivo[]): Result<EntidadDerivada, ProblemaArchivo[]> {
  const porEntidad = contarPorEntidad(fuentes);
  if (!porEntidad.ok) return porEntidad;
  const id = elegirEntidad(porEntidad.value, opts.entidad);
  if (!id.ok) return id;
  avisarSinSeccion(fuentes, id.value, opts.entidad, avisos);
  const nombre = fuentes.flatMap((x) => x.resultados.filas).find((f) => esDeLaEntidad(f, id.value) && f.datos.ENTIDAD)?.datos.ENTIDAD;
  const huso = husoDeLaEntidad(fuentes, opts.huso, avisos);
  if (!huso.ok) return huso;
  return ok({ id: id.value, nombre: nombre || `Entidad ${id.value}`, utcOffsetMinutes: huso.value });
}

/** The expected actas of each ID_ENTIDAD (as written), over every file; every file must have the column. */
function contarPorEntidad(fuentes: readonly Fuente[]): Result<Map<string, number>, ProblemaArchivo[]> {
  const problemas: ProblemaArchivo[] = [];
  const porEntidad = new Map<string, number>();
  for (const { resultados: r } of fuentes) {
    if (!r.columnas.includes('ID_ENTIDAD')) {
      problemas.push({ archivo: r.archivo, linea: r.lineaEncabezado, columna: 1, codigo: 'COLUMNA_FALTANTE', mensaje: 'falta la columna ID_ENTIDAD (o ID_ESTADO)' });
      continue;
    }
    for (const f of r.filas) if (!esFueraDeCatalogo(f)) porEntidad.set(f.datos.ID_ENTIDAD!, (porEntidad.get(f.datos.ID_ENTIDAD!) ?? 0) + 1);
  }
  return problemas.length > 0 ? err(problemas) : ok(porEntidad);
}

/** The one the option names (it must have rows), or the only one the files have (several: the user chooses). */
function elegirEntidad(porEntidad: ReadonlyMap<string, number>, pedida: number | undefined): Result<number, ProblemaArchivo[]> {
  if (pedida !== undefined) {
    if ([...porEntidad.keys()].some((k) => Number(k) === pedida)) return ok(pedida);
    return err([{ archivo: '.', codigo: 'ENTIDAD', mensaje: `ningún archivo tiene filas de la entidad ${pedida}; hay: ${[...porEntidad.keys()].join(', ')}` }]);
  }
  const ids = [...new Set([...porEntidad.keys()].map(Number))];
  if (ids.length === 1) return ok(ids[0]!);
  const mensaje =
    ids.length === 0
      ? 'los archivos no tienen ninguna acta esperada'
      : `los archivos tienen filas de ${ids.length} entidades (${[...porEntidad].map(([k, v]) => `${k}: ${v}`).join(', ')}): elija una con --entidad N`;
  return err([{ archivo: '.', codigo: 'ENTIDAD', mensaje }]);
}

/**
 * Expected actas without a sección (votes from abroad, early or prison voting: keys `N/A`) have no place in a
 * catalogue whose casillas belong to secciones: they are left out, and said so, per file.
 */
function avisarSinSeccion(fuentes: readonly Fuente[], entidad: number, pedida: number | undefined, avisos: ProblemaArchivo[]): void {
  for (const { resultados: r } of fuentes) {
    const sinSeccion = r.filas.filter((f) => esSinSeccion(f) && (pedida === undefined || Number(f.datos.ID_ENTIDAD) === entidad));
    if (sinSeccion.length === 0) continue;
    avisos.push({
      archivo: r.archivo,
      linea: sinSeccion[0]!.linea,
      columna: 1,
      codigo: 'SIN_SECCION',
      mensaje: `${sinSeccion.length} acta(s) esperada(s) sin sección (N/A: voto desde el extranjero, anticipado o en prisión) quedan fuera del catálogo`,
    });
  }
}

/** The UTC offset in minutes: the option's, else the first corte line's (and said so, since it is a guess). */
function husoDeLaEntidad(fuentes: readonly Fuente[], pedido: string | undefined, avisos: ProblemaArchivo[]): Result<number, ProblemaArchivo[]> {
  if (pedido !== undefined) {
    const h = leerHuso(pedido);
    if (typeof h !== 'number') return err([{ archivo: '.', codigo: 'OPCION', mensaje: `--huso ${pedido}: se esperaba ${FORMATO.huso}` }]);
    return ok(h);
  }
  const conCorte = fuentes.map((x) => x.resultados).find((r) => r.corte);
  if (!conCorte) {
    return err([{ archivo: fuentes[0]!.resultados.archivo, linea: 1, columna: 1, codigo: 'CORTE', mensaje: 'no se encontró la línea del corte (DD/MM/AAAA HH:MM (UTC-6)) para saber el huso horario: indíquelo con --huso' }]);
  }
  const minutos = conCorte.corte!.offsetMinutes;
  avisos.push({ archivo: conCorte.archivo, linea: conCorte.lineaCorte ?? 1, columna: 1, codigo: 'HUSO', mensaje: `huso horario de la entidad tomado de la línea del corte: UTC${minutos < 0 ? '-' : '+'}${Math.abs(minutos) / 60} (cámbielo con --huso)` });
  return ok(minutos);
}
