/**
 * The public state of an acta (ActaPublicada, the row a corte publishes) derived from its workflow state.
 * An acta is public once it is verified, recorded as sin acta or registered fuera de catálogo; from then on every
 * change of this value is appended to the publication log. During a correction (cotejada 3) the last verified
 * figures stay published.
 */
import { ActaPublicadaSchema, type ActaPublicada, type ImagenActa } from '../acta/publicada.ts';
import { canonicalJson } from '../bitacora/cadena.ts';
import type { ActaEstado, Imagen } from './estado.ts';

export function actaPublicada(e: ActaEstado): ActaPublicada | null {
  if (e.registro === 'captura' && e.verificada === null) return null;
  return ActaPublicadaSchema.parse({
    clave: e.clave,
    identificacion: e.identificacion,
    registro: e.registro,
    motivoSinActa: e.acopio?.motivoSinActa ?? null,
    captura: e.verificada?.captura ?? null,
    mecanismoTraslado: e.acopio?.mecanismoTraslado ?? null,
    imagen: e.imagen ? imagenPublica(e.imagen) : null,
    acopioAt: e.acopio?.at ?? null,
    capturaAt: e.verificada?.capturaAt ?? sinActaAt(e),
    verificacionAt: e.verificada?.at ?? sinActaAt(e),
    cotejada: e.cotejada,
  });
}

/** A sin acta is registered (captured and verified as such) when it is recorded at acopio. */
function sinActaAt(e: ActaEstado): number | null {
  return e.registro === 'sin_acta' ? (e.acopio?.at ?? null) : null;
}

function imagenPublica(i: Imagen): ImagenActa {
  return { sha256: i.sha256, mime: i.mime, origen: i.origen, digitalizacion: i.digitalizacion, tipoDocumento: i.tipoDocumento };
}

/** The publication to append when the public state changed from `antes` to `despues`; null when it did not. */
export function cambioPublico(antes: ActaEstado | null, despues: ActaEstado): ActaPublicada | null {
  const nueva = actaPublicada(despues);
  if (nueva === null) return null;
  const previa = antes === null ? null : actaPublicada(antes);
  return previa !== null && canonicalJson(previa) === canonicalJson(nueva) ? null : nueva;
}
