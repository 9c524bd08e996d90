/**
 * Digitalización (docs/REGLAS.md §2.2): an image of the acta, taken at the casilla by PREP Casilla (ORIGEN CASILLA,
 * DIGITALIZACION MOVIL) or at the CATD (ORIGEN CATD, ESCANER or MOVIL). A phone image may arrive before the
 * paper acta: it then creates the acta's record. A new image replaces the current one (all are kept); after
 * verification that changes the published integrity code.
 */
import { z } from 'zod';
import { DigitalizacionSchema, OrigenSchema, TipoDocumentoSchema } from '../acta/publicada.ts';
import { err, ok, type Result } from '../resultado.ts';
import type { ActaEsperadaRef } from './acopio.ts';
import { cambio, instante, type Cambio, type Contexto } from './cambio.ts';
import type { ActaEstado, ActaVersionada, Imagen, MimeImagen } from './estado.ts';
import type { Operador } from './permisos.ts';
import { rechazo, type Rechazo } from './rechazo.ts';

export const ImagenMetadatosSchema = z.strictObject({
  origen: OrigenSchema,
  digitalizacion: DigitalizacionSchema,
  tipoDocumento: TipoDocumentoSchema,
});
export type ImagenMetadatos = z.infer<typeof ImagenMetadatosSchema>;

export interface ImagenRecibida extends ImagenMetadatos {
  sha256: string;
  mime: MimeImagen;
  bytes: number;
}

/** ORIGEN / DIGITALIZACION must describe who sent it: a PREP Casilla phone, or a CATD. */
export function origenValido(op: Operador, m: ImagenMetadatos): Result<void, Rechazo> {
  if (op.ambito === 'CASILLA') {
    return m.origen === 'CASILLA' && m.digitalizacion === 'MOVIL'
      ? ok(undefined)
      : err(rechazo('INVALIDO', 'ORIGEN_NO_CORRESPONDE', 'PREP Casilla envía imágenes con ORIGEN CASILLA y DIGITALIZACION MOVIL.'));
  }
  return m.origen === 'CATD'
    ? ok(undefined)
    : err(rechazo('INVALIDO', 'ORIGEN_NO_CORRESPONDE', 'Una imagen tomada en el CATD lleva ORIGEN CATD.'));
}

export function digitalizar(
  actual: ActaVersionada | null,
  esperada: ActaEsperadaRef | null,
  recibida: ImagenRecibida,
  ctx: Contexto,
): Result<Cambio, Rechazo> {
  const origen = origenValido(ctx.operador, recibida);
  if (!origen.ok) return origen;
  const imagen: Imagen = { ...recibida, at: instante(ctx), atServidor: ctx.ahora, operador: ctx.operador.id };
  const detalle = { sha256: imagen.sha256, mime: imagen.mime, bytes: imagen.bytes, origen: imagen.origen, digitalizacion: imagen.digitalizacion, tipoDocumento: imagen.tipoDocumento };
  if (actual === null) {
    if (esperada === null) return err(rechazo('NO_ENCONTRADO', 'ACTA_NO_ENCONTRADA', 'No existe el acta.'));
    return ok(cambio('DIGITALIZACION', primeraImagen(esperada, imagen, ctx), detalle, { nueva: true, imagen }));
  }
  const e = actual.estado;
  if (e.etapa === 'SIN_ACTA') return err(rechazo('CONFLICTO', 'ACTA_SIN_ACTA', `El acta ${e.clave} se registró como sin acta.`));
  if (e.imagen !== null && mismaImagen(e.imagen, imagen)) {
    return err(rechazo('CONFLICTO', 'IMAGEN_YA_REGISTRADA', `El acta ${e.clave} ya tiene esta misma imagen.`, { sha256: imagen.sha256 }));
  }
  const etapa = e.etapa === 'DIGITALIZACION' ? 'CAPTURA' : e.etapa;
  const etapaDesde = etapa === e.etapa ? e.etapaDesde : ctx.ahora;
  return ok(cambio('DIGITALIZACION', { ...e, imagen, etapa, etapaDesde }, detalle, { imagen }));
}

function mismaImagen(a: Imagen, b: Imagen): boolean {
  return a.sha256 === b.sha256 && a.origen === b.origen && a.digitalizacion === b.digitalizacion && a.tipoDocumento === b.tipoDocumento;
}

function primeraImagen(e: ActaEsperadaRef, imagen: Imagen, ctx: Contexto): ActaEstado {
  return {
    clave: e.clave,
    esperada: true,
    identificacion: e.identificacion,
    casilla: e.casilla,
    distrito: e.distrito,
    municipio: e.municipio,
    territorio: e.territorio,
    catdRegistro: null,
    registro: 'captura',
    etapa: 'CAPTURA',
    etapaDesde: ctx.ahora,
    ronda: 1,
    acopio: null,
    imagen,
    verificada: null,
    cotejada: 0,
    devolucion: null,
    capturistas: [],
    verificadores: [],
  };
}
