/**
 * The write path every workflow step shares:
 *   read one snapshot → stored answer for this Idempotency-Key? replay it (a different payload is a 409)
 *   → acta exists? in the operator's scope? → the declared time (fechaHora) is published only when plausible
 *   (domain/captura/fecha.ts) → the pure step decides → refused as a conflict, but this operator already made this
 *   very request successfully? replay that answer (retries without a key) → final corte published? 409
 *   CORTE_FINAL_PUBLICADO (nothing written after it could ever be published) → If-Match?
 *   → ONE batch: state guarded by the version read, sequence +1, capture/image, publication log, stored answers,
 *   audit entry sealed over the tip read.
 * A batch that loses a race (guard or uniqueness) wrote nothing: re-read and decide again, a few times.
 */
import type { Context } from 'hono';
import { canonicalJson } from '../../domain/bitacora/cadena.ts';
import type { Cambio, Contexto } from '../../domain/captura/cambio.ts';
import { fechaPublicable } from '../../domain/captura/fecha.ts';
import { alcanzaActa, type AlcanceActa, type Operador } from '../../domain/captura/permisos.ts';
import type { Rechazo } from '../../domain/captura/rechazo.ts';
import type { Result } from '../../domain/resultado.ts';
import { leerInstantanea, type Instantanea, type ObjetivoLectura, type RespuestaGuardada } from '../../db/captura-lectura.ts';
import { ConflictoConcurrente, esperaReintento } from '../../db/guardia.ts';
import { sha256Sincrono } from '../../db/cabeza.ts';
import type { EntornoApi } from '../entorno.ts';
import { ErrorApi } from '../errores.ts';
import { claveIdempotencia, versionCoincide, versionEsperada } from './encabezados.ts';
import { atAceptado, escribir, type Solicitud } from './escritura.ts';
import { errorDeRechazo } from './rechazos.ts';
import { escribirSinLectura } from './sin-lectura.ts';
import { etag } from './vista.ts';

export interface DefinicionPaso {
  objetivo: ObjetivoLectura;
  /** What identifies the request's payload (the parsed JSON body, or the image's digest and metadata). */
  cuerpo: unknown;
  atCliente: number | null;
  /** The acta's scope facts, or null when there is no such acta (404). */
  alcance: (inst: Instantanea, op: Operador) => AlcanceActa | null;
  decidir: (inst: Instantanea, ctx: Contexto) => Result<Cambio, Rechazo>;
  /** Runs once, after the first successful decision and before the batch (e.g. storing the image in R2). */
  antesDeEscribir?: (cambio: Cambio) => Promise<void>;
}

const MAX_INTENTOS = 6;

export function operadorDe(c: Context<EntornoApi>): Operador {
  const op = c.get('operador');
  if (op === undefined) throw new Error('ruta de escritura sin autenticación');
  return op;
}

export async function aplicarPaso(c: Context<EntornoApi>, def: DefinicionPaso): Promise<Response> {
  const clave = claveIdempotencia(c);
  const version = versionEsperada(c);
  const huella = huellaSolicitud(c, def.cuerpo);
  const claves = { explicita: clave === null ? null : `k:${clave}`, natural: `auto:${huella}` };
  const porConfirmar = c.get('credencialPorConfirmar');
  if (porConfirmar !== undefined) {
    // Accepted on the isolate's memory of the credential: one round trip if the memory of the acta holds too
    // (sin-lectura.ts); otherwise the credential's round trip (which may refuse it) reading this acta's snapshot,
    // then the usual path.
    const pedida = { op: operadorDe(c), ahora: Date.now(), huella, claves, atCliente: def.atCliente, metodo: c.req.method, ruta: c.req.path };
    const escrita = def.antesDeEscribir ? null : await escribirSinLectura(c, { objetivo: def.objetivo, alcance: def.alcance, decidir: def.decidir }, pedida, version);
    if (escrita !== null) return escrita;
    await porConfirmar.confirmar(def.objetivo);
  }
  const op = operadorDe(c);
  let preparado = false;
  let previa = tomarPrevia(c, def.objetivo, claves.explicita);
  for (let intento = 0; intento < MAX_INTENTOS; intento++) {
    const ahora = Date.now();
    // The snapshot read with the credential has no answer stored under the payload's fingerprint (the body was
    // not read then): a conflict refusal, where that answer would matter, reads the snapshot again.
    const conNatural = previa === undefined;
    const inst = previa ?? (await leerInstantanea(c.env.DB, def.objetivo, op.id, [claves.explicita ?? claves.natural, claves.natural]));
    previa = undefined;
    const guardada = claves.explicita === null ? undefined : inst.guardadas.get(claves.explicita);
    if (guardada !== undefined) return repetir(guardada, huella);
    const alcance = def.alcance(inst, op);
    if (alcance === null) throw new ErrorApi(404, 'ACTA_NO_ENCONTRADA', 'No existe el acta indicada.');
    const permitido = alcanzaActa(op, alcance);
    if (!permitido.ok) throw errorDeRechazo(permitido.error);
    const fecha = fechaPublicable(def.atCliente, ahora, inst.apertura);
    const decision = def.decidir(inst, { operador: op, ahora, atCliente: atAceptado(fecha) });
    if (!decision.ok) {
      if (decision.error.tipo === 'CONFLICTO' && !conNatural) continue;
      const natural = inst.guardadas.get(claves.natural);
      if (decision.error.tipo === 'CONFLICTO' && natural !== undefined) return repetir(natural, huella);
      throw errorDeRechazo(decision.error);
    }
    comprobarAbierta(inst);
    comprobarIfMatch(version, inst);
    if (!preparado && def.antesDeEscribir) await def.antesDeEscribir(decision.value);
    preparado = true;
    const solicitud: Solicitud = { op, ahora, huella, claves, atCliente: def.atCliente, fecha, metodo: c.req.method, ruta: c.req.path };
    try {
      return await escribir(c.env.DB, inst, def.decidir, solicitud);
    } catch (e) {
      if (!(e instanceof ConflictoConcurrente)) throw e;
      await esperaReintento(intento);
    }
  }
  throw new ErrorApi(409, 'CONFLICTO_CONCURRENTE', 'El acta cambió mientras se procesaba la solicitud; reintente.');
}

/**
 * The snapshot the authentication read in its round trip (middleware/autenticacion/lectura-previa.ts), once, and
 * only if it is of this very acta and was read with this request's Idempotency-Key.
 */
function tomarPrevia(c: Context<EntornoApi>, o: ObjetivoLectura, claveExplicita: string | null): Instantanea | undefined {
  const p = c.get('instantaneaPrevia');
  c.set('instantaneaPrevia', undefined);
  if (p === undefined || p.claveExplicita !== claveExplicita) return undefined;
  const igual = p.objetivo.clave === o.clave && p.objetivo.fcIdentificacion === o.fcIdentificacion && p.objetivo.seccion === o.seccion;
  return igual ? p.inst : undefined;
}

/**
 * After the final corte nothing is ever published again: a write then would be acknowledged and silently left
 * out, so it is refused. From the moment a final corte's run takes the lease (before it reads the sequence it
 * cuts at) too: such a write could not be in it. The batch guards both, for a run that started since this read.
 */
function comprobarAbierta(inst: Instantanea): void {
  if (inst.finalPublicado) {
    throw new ErrorApi(409, 'CORTE_FINAL_PUBLICADO', 'El corte final ya se publicó: la publicación está cerrada y no se aceptan más cambios a las actas.');
  }
  if (inst.finalEnCurso) {
    throw new ErrorApi(409, 'CORTE_FINAL_EN_CURSO', 'Se está publicando el corte final: no se aceptan más cambios a las actas. Si el corte final no se completa, reintente en un minuto.');
  }
}

function comprobarIfMatch(esperada: number | '*' | null, inst: Instantanea): void {
  if (!versionCoincide(esperada, inst)) {
    const actual = inst.acta?.version ?? 0;
    throw new ErrorApi(409, 'VERSION_NO_COINCIDE', `El acta está en la versión ${actual}, no en la indicada por If-Match.`, {
      versionActual: actual,
    });
  }
}

function repetir(g: RespuestaGuardada, huella: string): Response {
  if (g.huella !== huella) {
    throw new ErrorApi(409, 'IDEMPOTENCY_KEY_REUTILIZADA', 'La Idempotency-Key ya se usó con otra solicitud.');
  }
  const version = Number((JSON.parse(g.respuesta) as { version?: unknown }).version ?? 0);
  return new Response(g.respuesta, {
    status: g.status,
    headers: { 'content-type': 'application/json', etag: etag(version), 'idempotent-replayed': 'true' },
  });
}

/** SHA-256 of what makes two requests "the same": method, path, sorted query and the payload. */
export function huellaSolicitud(c: Context, cuerpo: unknown): string {
  const url = new URL(c.req.url);
  const query = [...url.searchParams.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  // Synchronous SHA-256 (node:crypto): the same digest, without the promise round of crypto.subtle (measured).
  return sha256Sincrono(canonicalJson({ metodo: c.req.method, ruta: url.pathname, query, cuerpo }));
}

/**
 * Write answers are built as plain Responses (a replayed answer must be byte for byte the stored one), which the
 * typed route handlers do not accept as such; their OpenAPI responses document them.
 */
export const sinTipo = (r: Response): never => r as never;
