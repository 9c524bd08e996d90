/**
 * Which acta a received paper is, from what the acopio operator read on it: its CLAVE_ACTA, or its identification
 * fields (election, sección, casilla type, number, ext contigua). The result names the expected acta's clave when
 * the identification can form one; whether that acta is in the catalogue is the database's answer (if it is not,
 * the acta is registered fuera de catálogo).
 */
import type { Identificacion } from '../acta/publicada.ts';
import { claveActa, claveCasilla, claveDeParte, parseClaveActa } from '../claves/clave.ts';
import { err, ok, type Result } from '../resultado.ts';
import { rechazo, type Rechazo } from './rechazo.ts';

export interface CatalogoIdentificacion {
  entidad: number | null;
  elecciones: readonly { codigo: string; tipoActa: string; territorio: 'entidad' | 'distrito' | 'municipio' }[];
}

export interface ActaIdentificada {
  identificacion: Identificacion;
  /** CLAVE_ACTA it would have in the catalogue, `CLAVE_ACTA-n` for part n (null when the fields cannot form a key). */
  clave: string | null;
  /** The part typed (`CLAVE_ACTA-n`): n; 1 for a plain key and for fields, which name no part. */
  parte: number;
  /** Read by its fields, which cannot tell the parts of a split casilla apart (acopio then asks for the key). */
  porCampos: boolean;
  casilla: string | null;
  territorioEleccion: 'entidad' | 'distrito' | 'municipio';
}

export type LecturaActa = { clave: string } | { identificacion: Identificacion };

export function identificarActa(lectura: LecturaActa, cat: CatalogoIdentificacion): Result<ActaIdentificada, Rechazo> {
  if (cat.entidad === null) return err(rechazo('CONFLICTO', 'CATALOGO_NO_CARGADO', 'No hay catálogo cargado.'));
  return 'clave' in lectura ? porClave(lectura.clave, cat.entidad, cat) : porCampos(lectura.identificacion, cat.entidad, cat);
}

function porClave(texto: string, entidad: number, cat: CatalogoIdentificacion): Result<ActaIdentificada, Rechazo> {
  const p = parseClaveActa(texto, cat.elecciones.map((e) => e.tipoActa));
  if (!p.ok) return err(rechazo('INVALIDO', 'CLAVE_INVALIDA', `La clave ${texto} no es una CLAVE_ACTA válida.`, { motivo: p.error.motivo }));
  const { casilla, claveCasilla: cc, tipoActa, parte } = p.value;
  if (casilla.entidad !== entidad) {
    return err(rechazo('INVALIDO', 'ENTIDAD_AJENA', `La clave ${texto} es de la entidad ${casilla.entidad}, no de la ${entidad}.`));
  }
  const eleccion = cat.elecciones.find((e) => e.tipoActa === tipoActa)!;
  return ok({
    identificacion: { eleccion: eleccion.codigo, seccion: casilla.seccion, tipo: casilla.tipo, id: casilla.id, extContigua: casilla.extContigua },
    clave: claveDeParte(claveActa(cc, tipoActa), parte),
    parte,
    porCampos: false,
    casilla: cc,
    territorioEleccion: eleccion.territorio,
  });
}

function porCampos(i: Identificacion, entidad: number, cat: CatalogoIdentificacion): Result<ActaIdentificada, Rechazo> {
  const eleccion = cat.elecciones.find((e) => e.codigo === i.eleccion);
  if (eleccion === undefined) return err(rechazo('INVALIDO', 'ELECCION_DESCONOCIDA', `No existe la elección ${i.eleccion}.`));
  const formaClave = i.seccion >= 1 && i.id >= 1;
  const casilla = formaClave ? claveCasilla(entidad, i) : null;
  return ok({
    identificacion: i,
    clave: casilla === null ? null : claveActa(casilla, eleccion.tipoActa),
    parte: 1,
    porCampos: true,
    casilla,
    territorioEleccion: eleccion.territorio,
  });
}

/** The ballot territory of an acta of this election in a sección (null when the sección is unknown). */
export function territorioDe(
  tipo: ActaIdentificada['territorioEleccion'],
  seccion: { distrito: number; municipio: number } | null,
): number | null {
  if (tipo === 'entidad') return 0;
  if (seccion === null) return null;
  return tipo === 'distrito' ? seccion.distrito : seccion.municipio;
}
