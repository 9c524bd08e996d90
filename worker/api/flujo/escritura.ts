/**
 * A decided step's ONE batch: built over the newest head of the audit chain and the sequence this isolate knows
 * (worker/db/cabeza.ts), sent, and — once committed — what it left remembered for the acta's next step
 * (actas-recordadas.ts). Shared by the step that read its acta first (aplicar.ts) and the one that did not
 * (sin-lectura.ts).
 */
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { sellarCon } from '../../domain/bitacora/cadena.ts';
import type { Cambio, Contexto } from '../../domain/captura/cambio.ts';
import type { FechaDecidida } from '../../domain/captura/fecha.ts';
import type { Operador } from '../../domain/captura/permisos.ts';
import { cambioPublico } from '../../domain/captura/publicacion.ts';
import type { Rechazo } from '../../domain/captura/rechazo.ts';
import type { Result } from '../../domain/resultado.ts';
import { sentenciasConfirmacion, type Confirmacion, type RespuestaAGuardar, type SinLecturaPrevia } from '../../db/captura-escritura.ts';
import type { Instantanea } from '../../db/captura-lectura.ts';
import { ejecutarLote } from '../../db/guardia.ts';
import { preparar } from '../../db/sentencia.ts';
import { olvidar, reservar, sha256Sincrono } from '../../db/cabeza.ts';
import { anotarClaveGuardada, recordarActa } from './actas-recordadas.ts';
import { errorDeRechazo } from './rechazos.ts';
import { etag, vistaActa, vistaParaOperador } from './vista.ts';

export type Decidir = (inst: Instantanea, ctx: Contexto) => Result<Cambio, Rechazo>;

export interface Solicitud {
  op: Operador;
  ahora: number;
  huella: string;
  claves: { explicita: string | null; natural: string };
  /** The fechaHora the client declared (kept in the audit entry whether or not it was published). */
  atCliente: number | null;
  fecha: FechaDecidida;
  metodo: string;
  ruta: string;
}

/** The declared time, when it is the one to publish; null lets the step use the server's. */
export function atAceptado(f: FechaDecidida): number | null {
  return f.rechazada === null ? f.at : null;
}

/**
 * Builds the batch over the newest head this isolate knows (decided again over it: a fuera de catálogo clave is
 * numbered from the sequence), reserving that head synchronously, then sends it. A failed batch forgets the
 * prediction; the caller re-reads. `sinLectura`: what a batch decided on remembered state adds (its guards).
 */
export async function escribir(db: D1Database, leida: Instantanea, decidir: Decidir, s: Solicitud, sinLectura: SinLecturaPrevia | null = null): Promise<Response> {
  const { conf, inst } = reservar(db, { punta: leida.punta, secuencia: leida.secuencia }, (cabeza) => {
    const inst: Instantanea = { ...leida, ...cabeza };
    const decision = decidir(inst, { operador: s.op, ahora: s.ahora, atCliente: atAceptado(s.fecha) });
    if (!decision.ok) throw errorDeRechazo(decision.error);
    const c = confirmacion(inst, decision.value, s);
    return { valor: { conf: c, inst }, deja: { punta: { id: c.entrada.id, hash: c.entrada.hash }, secuencia: c.seq } };
  });
  try {
    await ejecutarLote(db, sentenciasConfirmacion(conf, sinLectura).map((x) => preparar(db, x)));
  } catch (e) {
    olvidar(db);
    throw e;
  }
  recordarEscrita(inst, conf, s);
  return respuesta(conf.respuestas[0]!, conf.version);
}

/** The acta as this committed batch left it, and its explicit key, for the isolate's next step on it. */
function recordarEscrita(inst: Instantanea, conf: Confirmacion, s: Solicitud): void {
  const { estado, captura } = conf.cambio;
  recordarActa({
    acta: { estado, version: conf.version },
    seqActa: conf.seq,
    esperada: inst.esperada,
    capturas: captura ? [...inst.capturas, captura] : inst.capturas,
    campos: inst.campos,
    seccion: inst.seccion,
    apertura: inst.apertura,
    config: inst.config,
  });
  if (s.claves.explicita !== null) anotarClaveGuardada(s.op.id, s.claves.explicita);
}

function confirmacion(inst: Instantanea, cambio: Cambio, s: Solicitud): Confirmacion {
  const version = (inst.acta?.version ?? 0) + 1;
  const seq = inst.secuencia + 1;
  const status: ContentfulStatusCode = cambio.nueva ? 201 : 200;
  const capturas = cambio.captura ? [...inst.capturas, cambio.captura] : inst.capturas;
  // The answer is stored for replays of the same request, by the same operator: shaped for them once.
  const texto = JSON.stringify(vistaParaOperador(vistaActa(cambio.estado, version, seq, capturas), s.op.roles));
  const guardar = (clave: string, reemplazable: boolean): RespuestaAGuardar => ({ clave, huella: s.huella, status, respuesta: texto, reemplazable });
  const respuestas = [...(s.claves.explicita ? [guardar(s.claves.explicita, false)] : []), guardar(s.claves.natural, true)];
  const entrada = sellarCon(sha256Sincrono, inst.punta, {
    at: s.ahora,
    operador: s.op.id,
    token: s.op.tokenId,
    catd: s.op.catd?.id ?? null,
    accion: cambio.accion,
    acta: cambio.estado.clave,
    seq,
    status,
    detalle: {
      ...cambio.detalle,
      etapa: cambio.estado.etapa,
      atCliente: s.atCliente,
      // The declared time was not published (in the future, or before the window opened): the server's was.
      ...(s.fecha.rechazada ? { atClienteRechazado: s.fecha.rechazada.motivo } : {}),
      metodo: s.metodo,
      ruta: s.ruta,
    },
  });
  return {
    antes: inst.acta,
    cambio,
    version,
    secuenciaLeida: inst.secuencia,
    seq,
    publicacion: cambioPublico(inst.acta?.estado ?? null, cambio.estado),
    operador: s.op.id,
    respuestas,
    entrada,
  };
}

function respuesta(r: RespuestaAGuardar, version: number): Response {
  return new Response(r.respuesta, { status: r.status, headers: { 'content-type': 'application/json', etag: etag(version) } });
}
