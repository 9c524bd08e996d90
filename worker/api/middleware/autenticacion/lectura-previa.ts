/**
 * What a route asks the authentication's round trip to read besides the credential, so that a request costs one
 * D1 round trip fewer: the catalogue's basics (acopio reads a CLAVE_ACTA with them) and the snapshot of the acta
 * the path names (the write routes whose acta is in their path: imagen, capturas, verificacion, cotejo).
 *
 * The snapshot is read from the path and the Idempotency-Key header only, never from the body: the credential is
 * judged first and a refusal is a 401 whatever the body holds. It is used only after the request is accepted, and
 * only if the step then asks for that very acta with that very key (flujo/aplicar.ts tomarPrevia); it is as
 * fresh as a snapshot the step would read itself, and the write is guarded by the version, tip and sequence it
 * holds, as always.
 */
import type { Context } from 'hono';
import { consultaCatalogoBasico, consultaInstantanea, type QuienLee } from '../../../db/captura-lectura.ts';
import type { EntornoApi } from '../../entorno.ts';

export interface OpcionesAutenticacion {
  /** Read the catalogue's entidad and elections (c.get('catalogoBasico')). */
  catalogo?: boolean;
  /** The acta whose snapshot to read with the credential: the route's path parameter `clave`. */
  actaDeRuta?: boolean;
}

/** The Idempotency-Key as the step will take it, or null (absent or malformed: the step answers the 400). */
function claveDeEncabezado(c: Context<EntornoApi>): string | null {
  const k = c.req.header('idempotency-key');
  return k !== undefined && /^[\x21-\x7e]{1,200}$/.test(k) ? `k:${k}` : null;
}

/**
 * The extra statements of the authentication's batch and how to keep what they read. `quien`/`valor`: the
 * presented token's id, or the SHA-256 of the presented session cookie (whose stored answers to read).
 */
export function lecturasExtra(
  c: Context<EntornoApi>,
  o: OpcionesAutenticacion,
  quien: Exclude<QuienLee, 'operador'>,
  valor: string,
): { sentencias: D1PreparedStatement[]; leer: (r: D1Result<Record<string, unknown>>[]) => void } {
  const db = c.env.DB;
  const catalogo = o.catalogo ? consultaCatalogoBasico(db) : null;
  const clave = o.actaDeRuta ? (c.req.param('clave') ?? null) : null;
  const objetivo = { clave, fcIdentificacion: null, seccion: null };
  const claveExplicita = claveDeEncabezado(c);
  const snapshot = clave === null ? null : consultaInstantanea(db, objetivo, quien, valor, [claveExplicita ?? '']);
  return {
    sentencias: [...(catalogo?.sentencias ?? []), ...(snapshot === null ? [] : [snapshot.sentencia])],
    leer: (r) => {
      const n = catalogo?.sentencias.length ?? 0;
      if (catalogo !== null) c.set('catalogoBasico', catalogo.leer(r.slice(0, n)));
      if (snapshot !== null) c.set('instantaneaPrevia', { objetivo, claveExplicita, inst: snapshot.leer(r[n]!.results[0] ?? null) });
    },
  };
}
