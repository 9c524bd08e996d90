/**
 * Reads a published candidaturas CSV (docs/REGLAS.md §7): ID_ENTIDAD, the territory's id (ID_DISTRITO_LOCAL,
 * ID_DISTRITO_FEDERAL or ID_MUNICIPIO; absent for an entidad-wide election), PARTIDO_CI,
 * CANDIDATURA_PROPIETARIA, CANDIDATURA_SUPLENTE, in the naming variants of the results files.
 */
import type { CsvRecord } from '../../../worker/domain/csv/index.ts';
import { err, ok, type Result } from '../../../worker/domain/resultado.ts';
import type { ProblemaArchivo } from '../../../worker/domain/catalogo/archivos/problemas.ts';
import type { Pos } from '../../../worker/domain/catalogo/archivos/tabla.ts';
import { limpiarCelda, normalizarNombre } from './encabezados.ts';

type Campo = 'entidad' | 'distrito' | 'municipio' | 'partidoCi' | 'propietaria' | 'suplente';

/** Header names seen in real files; the bare ESTADO / MUNICIPIO / CANDIDATURA are IEE Puebla's (2018, 2019). */
const ALIAS: Record<string, Campo> = {
  ID_ENTIDAD: 'entidad',
  ID_ESTADO: 'entidad',
  ESTADO: 'entidad',
  ENTIDAD: 'entidad',
  MUNICIPIO: 'municipio',
  DISTRITO: 'distrito',
  CANDIDATURA: 'propietaria',
  CANDIDATO: 'propietaria',
  ID_DISTRITO_LOCAL: 'distrito',
  ID_DISTRITO_FEDERAL: 'distrito',
  ID_DISTRITO: 'distrito',
  ID_MUNICIPIO: 'municipio',
  ID_MUNICIPIO_LOCAL: 'municipio',
  PARTIDO_CI: 'partidoCi',
  PARTIDO: 'partidoCi',
  PARTIDO_POLITICO: 'partidoCi',
  CANDIDATURA_PROPIETARIA: 'propietaria',
  CANDIDATURA_PROPIETARIO: 'propietaria',
  PROPIETARIA: 'propietaria',
  PROPIETARIO: 'propietaria',
  CANDIDATO_PROPIETARIO: 'propietaria',
  NOMBRE_CANDIDATURA_PROPIETARIA: 'propietaria',
  CANDIDATURA_SUPLENTE: 'suplente',
  SUPLENTE: 'suplente',
  CANDIDATO_SUPLENTE: 'suplente',
  NOMBRE_CANDIDATURA_SUPLENTE: 'suplente',
};

export interface FilaCandidatura {
  linea: number;
  pos: Partial<Record<Campo, Pos>>;
  entidad?: string;
  distrito?: string;
  municipio?: string;
  partidoCi: string;
  propietaria: string;
  suplente?: string;
}

export interface ArchivoCandidaturas {
  archivo: string;
  /** Which territory column the file has. */
  territorio: 'entidad' | 'distrito' | 'municipio';
  /** The header cell of that column (none for an entidad-wide file). */
  posTerritorio?: Pos;
  lineaEncabezado: number;
  filas: FilaCandidatura[];
}

export function pareceCandidaturas(registros: readonly CsvRecord[]): boolean {
  const h = registros[0];
  return !!h && h.fields.some((f) => ALIAS[normalizarNombre(f.value)] === 'partidoCi') && h.fields.some((f) => ALIAS[normalizarNombre(f.value)] === 'propietaria');
}

export function leerCandidaturas(archivo: string, registros: readonly CsvRecord[], avisos: ProblemaArchivo[] = []): Result<ArchivoCandidaturas, ProblemaArchivo[]> {
  const [h, ...datos] = registros;
  if (!h) return err([{ archivo, linea: 1, columna: 1, codigo: 'VACIO', mensaje: 'el archivo está vacío' }]);
  const indice = new Map<Campo, number>();
  // An ID_ column wins over a bare name (MUNICIPIO may be the municipio's name beside ID_MUNICIPIO).
  const nombres = h.fields.map((f) => normalizarNombre(f.value));
  const orden = [...nombres.keys()].sort((a, b) => Number(!nombres[a]!.startsWith('ID_')) - Number(!nombres[b]!.startsWith('ID_')) || a - b);
  for (const i of orden) {
    const c = ALIAS[nombres[i]!];
    if (c && !indice.has(c)) indice.set(c, i);
  }
  const faltan = (['partidoCi', 'propietaria'] as const).filter((c) => !indice.has(c));
  if (faltan.length > 0) {
    return err([{ archivo, linea: h.line, columna: 1, codigo: 'COLUMNA_FALTANTE', mensaje: `faltan las columnas ${faltan.map((c) => (c === 'partidoCi' ? 'PARTIDO_CI' : 'CANDIDATURA_PROPIETARIA')).join(', ')}` }]);
  }
  // A bare MUNICIPIO / DISTRITO beside the other territory's ID_ column is a name, not the file's territory.
  for (const c of ['distrito', 'municipio'] as const) {
    const otro = c === 'distrito' ? 'municipio' : 'distrito';
    if (indice.has(c) && indice.has(otro) && !nombres[indice.get(c)!]!.startsWith('ID_')) indice.delete(c);
  }
  if (indice.has('distrito') && indice.has('municipio')) {
    return err([{ archivo, linea: h.line, columna: 1, codigo: 'ENCABEZADO', mensaje: 'el archivo tiene distrito y municipio: debe tener solo la columna del territorio de su elección' }]);
  }
  const territorio = indice.has('distrito') ? 'distrito' : indice.has('municipio') ? 'municipio' : 'entidad';
  const problemas: ProblemaArchivo[] = [];
  const filas: FilaCandidatura[] = [];
  for (const r of datos) {
    const pos: FilaCandidatura['pos'] = {};
    const v: Partial<Record<Campo, string>> = {};
    for (const [c, i] of indice) {
      const f = r.fields[i];
      if (!f) continue;
      pos[c] = { linea: f.line, columna: f.column };
      v[c] = limpiarCelda(f.value);
    }
    if (r.fields.length === 1 && r.fields[0]!.value.trim() === '') continue;
    if (r.fields.length < h.fields.length) {
      // Missing trailing cells read as empty (a short row is still a candidatura if it names one).
      avisos.push({ archivo, linea: r.line, columna: 1, codigo: 'CAMPOS', mensaje: `la fila tiene ${r.fields.length} campos y el encabezado ${h.fields.length}: las celdas que faltan se leen vacías` });
    }
    filas.push({
      linea: r.line,
      pos,
      ...(v.entidad !== undefined ? { entidad: v.entidad } : {}),
      ...(v.distrito !== undefined ? { distrito: v.distrito } : {}),
      ...(v.municipio !== undefined ? { municipio: v.municipio } : {}),
      partidoCi: v.partidoCi ?? '',
      propietaria: v.propietaria ?? '',
      ...(v.suplente !== undefined ? { suplente: v.suplente } : {}),
    });
  }
  if (problemas.length > 0) return err(problemas);
  const iTerritorio = territorio === 'entidad' ? undefined : indice.get(territorio);
  const posTerritorio = iTerritorio === undefined ? undefined : { linea: h.line, columna: h.fields[iTerritorio]!.column };
  return ok({ archivo, territorio, ...(posTerritorio ? { posTerritorio } : {}), lineaEncabezado: h.line, filas });
}
