/**
 * What a route asks the authentication's round trip to read besides the credential, so that a request costs one
 * D1 round trip fewer: the catalogue's basics (acopio reads a CLAVE_ACTA with them) and the snapshot of the acta
 * the path names (the write routes whose acta is in their path: imagen, capturas, verificacion, cotejo).
 *
 * The snapshot is read from the path and the Idempotency-Key header only, never from the body: the credential is
 * judged first and a refusal is a 401 whatever the body holds. The one exception is a write that went ahead on the
 * isolate's memory of the credential (por-confirmar.ts): its credential is confirmed later, with the snapshot of
 * the acta its step named (acopio's, from the body), and a refusal is still its 401.
 * The snapshot is used only after the request is accepted, and only if the step then asks for that very acta with
 * that very key (flujo/aplicar.ts tomarPrevia); it is as fresh as a snapshot the step would read itself, and the
 * write is guarded by the version, tip and sequence it holds, as always.
 */
import type { Context } from 'hono';
import {
  consultaCatalogoBasico,
  consultaInstantanea,
  type CatalogoBasico,
  type ObjetivoLectura,
  type QuienLee,
} from '../../../db/captura-lectura.ts';
import type { Paso } from '../../../domain/captura/permisos.ts';
import type { EntornoApi } from '../../entorno.ts';

export interface OpcionesAutenticacion {
  /** Read the catalogue's entidad and elections (c.get('catalogoBasico')). */
  catalogo?: boolean;
  /** The acta whose snapshot to read with the credential: the route's path parameter `clave`. */
  actaDeRuta?: boolean;
  /**
   * The step of a write that may act on the isolate's memory of the credential (por-confirmar.ts): in one round
   * trip when it also remembers the acta (flujo/sin-lectura.ts), else with its credential confirmed in the round
   * trip that reads the acta. Only for a step whose writes go to D1 alone: imagen stores its file in R2 before
   * the batch, which an unconfirmed credential must not do.
   */
  sinLectura?: Paso;
}

/** The Idempotency-Key as the step will take it, or null (absent or malformed: the step answers the 400). */
function claveDeEncabezado(c: Context<EntornoApi>): string | null {
  const k = c.req.header('idempotency-key');
  return k !== undefined && /^[\x21-\x7e]{1,200}$/.test(k) ? `k:${k}` : null;
}

/**
 * The catalogue's basics as last read by this isolate: a write that may go on memory (sinLectura) takes them from
 * here instead of its credential's round trip. They are loaded with the catalogue, before the night.
 */
let catalogoLeido: CatalogoBasico | undefined;

export const catalogoRecordado = (): CatalogoBasico | undefined => catalogoLeido;

/**
 * The extra statements of the authentication's batch and how to keep what they read. `quien`/`valor`: the
 * presented token's id, or the SHA-256 of the presented session cookie (whose stored answers to read).
 * `acta`: the acta whose snapshot to read, when the step already knows it (a credential confirmed after the body
 * was read: acopio names its acta there); else the path's, if the route asked for it.
 */
export function lecturasExtra(
  c: Context<EntornoApi>,
  o: OpcionesAutenticacion,
  quien: Exclude<QuienLee, 'operador'>,
  valor: string,
  acta?: ObjetivoLectura,
): { sentencias: D1PreparedStatement[]; leer: (r: D1Result<Record<string, unknown>>[]) => void } {
  const db = c.env.DB;
  const catalogo = o.catalogo && acta === undefined ? consultaCatalogoBasico(db) : null;
  const clave = o.actaDeRuta ? (c.req.param('clave') ?? null) : null;
  const objetivo = acta ?? { clave, fcIdentificacion: null, seccion: null };
  const claveExplicita = claveDeEncabezado(c);
  const leerla = objetivo.clave !== null || objetivo.fcIdentificacion !== null;
  const snapshot = leerla ? consultaInstantanea(db, objetivo, quien, valor, [claveExplicita ?? '']) : null;
  return {
    sentencias: [...(catalogo?.sentencias ?? []), ...(snapshot === null ? [] : [snapshot.sentencia])],
    leer: (r) => {
      const n = catalogo?.sentencias.length ?? 0;
      if (catalogo !== null) {
        catalogoLeido = catalogo.leer(r.slice(0, n));
        c.set('catalogoBasico', catalogoLeido);
      }
      if (snapshot !== null) c.set('instantaneaPrevia', { objetivo, claveExplicita, inst: snapshot.leer(r[n]!.results[0] ?? null) });
    },
  };
}
