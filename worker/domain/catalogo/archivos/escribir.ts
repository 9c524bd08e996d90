/**
 * Catalogue → the documented CSV files, in their normalized form: UTF-8 with BOM (spreadsheets then read the
 * accents right), CRLF line ends (RFC 4180), the columns of spec.ts in order, rows in canonical order
 * (normalize.ts), every optional file present (header only when it has no rows) except partes.csv, written only
 * when the catalogue has split casillas, and one candidaturas file per election. Reading these files back gives the same catalogue; writing that again gives the same bytes.
 */
import { ARCHIVO_MAPA } from '../mapa-secciones.ts';
import { writeCsv } from '../../csv/index.ts';
import { claveCasilla, csvKey } from '../../claves/clave.ts';
import type { Catalogo } from '../esquema.ts';
import { normalizarCatalogo } from './normalizar.ts';
import {
  ARCHIVOS,
  BOLETAS,
  BOLETAS_COALICIONES,
  CASILLAS,
  CATDS,
  COALICIONES,
  DISTRITOS,
  ELECCIONES,
  ENTIDAD,
  MUNICIPIOS,
  PARTES,
  PARTIDOS,
  SECCIONES,
  candidaturasSpec,
  formatHuso,
  type ArchivoSpec,
} from './especificacion.ts';
import { SEPARADOR_LISTA } from './tabla.ts';

export interface ArchivoTexto {
  nombre: string;
  texto: string;
}

const s = String;
const lista = (xs: readonly string[]) => xs.join(SEPARADOR_LISTA);

function archivo(spec: ArchivoSpec, filas: string[][]): ArchivoTexto {
  for (const f of filas) {
    if (f.length !== spec.columnas.length) throw new Error(`${spec.archivo}: row of ${f.length} cells for ${spec.columnas.length} columns`);
  }
  return { nombre: spec.archivo, texto: writeCsv([spec.columnas.map((c) => c.nombre), ...filas], { bom: true, eol: '\r\n' }) };
}

/** casillas.csv: its optional ELECCIONES column only when some casilla votes in fewer than every election. */
function archivoCasillas(conElecciones: boolean, filas: string[][]): ArchivoTexto {
  if (conElecciones) return archivo(CASILLAS, filas);
  const columnas = CASILLAS.columnas.filter((c) => c.nombre !== 'ELECCIONES');
  return archivo({ ...CASILLAS, columnas }, filas.map((f) => f.slice(0, columnas.length)));
}

/** The files of a catalogue, in the order of especificacion.ts, then candidaturas by election. */
export function catalogoAArchivos(input: Catalogo): ArchivoTexto[] {
  const cat = normalizarCatalogo(input);
  const e = cat.entidad;
  const fijos: Record<string, ArchivoTexto> = {
    [ENTIDAD.archivo]: archivo(ENTIDAD, [[s(e.id), e.nombre, formatHuso(e.utcOffsetMinutes), e.sintetico ? '1' : '0']]),
    [ELECCIONES.archivo]: archivo(
      ELECCIONES,
      cat.elecciones.map((x) => [x.codigo, x.nombre, x.territorio, x.tipoActa, s(x.boletasEspecial), s(x.orden)]),
    ),
    [PARTIDOS.archivo]: archivo(PARTIDOS, cat.partidos.map((p) => [p.siglas, p.nombre, p.tipo, p.color, s(p.orden)])),
    [COALICIONES.archivo]: archivo(COALICIONES, cat.coaliciones.map((c) => [c.id, c.nombre, lista(c.partidos)])),
    [DISTRITOS.archivo]: archivo(DISTRITOS, cat.distritos.map((d) => [s(d.id), d.cabecera])),
    [MUNICIPIOS.archivo]: archivo(MUNICIPIOS, cat.municipios.map((m) => [s(m.id), m.nombre])),
    [SECCIONES.archivo]: archivo(SECCIONES, cat.secciones.map((x) => [s(x.id), s(x.distrito), s(x.municipio)])),
    [CASILLAS.archivo]: archivoCasillas(
      cat.casillas.some((c) => c.elecciones !== undefined),
      cat.casillas.map((c) => [
        csvKey(claveCasilla(e.id, c)),
        s(c.seccion),
        c.tipo,
        s(c.id),
        s(c.extContigua),
        s(c.ubicacion),
        s(c.listaNominal),
        s(c.representantes),
        lista(c.elecciones ?? []),
      ]),
    ),
    [BOLETAS.archivo]: archivo(BOLETAS, cat.boletas.flatMap((b) => b.columnas.map((c) => [b.eleccion, s(b.territorio), c]))),
    [BOLETAS_COALICIONES.archivo]: archivo(
      BOLETAS_COALICIONES,
      cat.boletas.flatMap((b) => b.coaliciones.map((c) => [b.eleccion, s(b.territorio), c.coalicion, lista(c.partidos)])),
    ),
    [CATDS.archivo]: archivo(CATDS, cat.catds.map((c) => [c.id, c.nombre, c.ambito, s(c.territorio), lista(c.elecciones)])),
    [PARTES.archivo]: archivo(
      PARTES,
      (cat.partes ?? []).map((p) => [s(p.seccion), p.tipo, s(p.id), s(p.extContigua), p.eleccion, s(p.parte), s(p.distrito), s(p.municipio), p.listaNominal === undefined ? '' : s(p.listaNominal)]),
    ),
  };
  const candidaturas = cat.elecciones.map((el) => {
    const spec = candidaturasSpec(el.codigo, el.territorio);
    const filas = cat.candidaturas
      .filter((c) => c.eleccion === el.codigo)
      .map((c) => [s(e.id), ...(el.territorio === 'entidad' ? [] : [s(c.territorio)]), c.partidoCi, c.propietaria, c.suplente]);
    return archivo(spec, filas);
  });
  const escritos = ARCHIVOS.filter((a) => a !== PARTES || (cat.partes ?? []).length > 0);
  const mapa = cat.mapaSecciones === undefined ? [] : [{ nombre: ARCHIVO_MAPA, texto: cat.mapaSecciones }];
  return [...escritos.map((a) => fijos[a.archivo]!), ...candidaturas, ...mapa];
}
