/**
 * A step in ONE D1 round trip (issue 16): when this isolate remembers the caller's credential (the middleware
 * accepted it on that memory: middleware/autenticacion/recordadas.ts) and the acta as its own last write left it
 * (actas-recordadas.ts), it decides on those and sends one batch that counts the request for the rate limit and
 * applies only if everything it relied on still holds, checked by the guard at the batch's head:
 *   the credential is exactly the remembered one (not revoked, same operator state, roles and scope), the count is
 *   within the token's limit, the acta's version is the remembered one, the sequence and the audit tip are the
 *   predicted ones, the corte configuration is the one read, no final corte, the Idempotency-Key not stored yet.
 * If any fails, the batch wrote nothing (not even the count) and the answer is null: the caller then authenticates
 * and reads as always (aplicar.ts), so a revoked operator is refused on this very request and an acta changed by
 * another isolate is decided again on what it is now. Anything the remembered state would refuse goes that way
 * too: every refusal is decided on what D1 says now.
 */
import type { Context } from 'hono';
import type { Instantanea, ObjetivoLectura } from '../../db/captura-lectura.ts';
import { condicionConfig } from '../../db/captura-lectura.ts';
import { puntaDe } from '../../db/bitacora.ts';
import { hayPrevista } from '../../db/cabeza.ts';
import { ConflictoConcurrente } from '../../db/guardia.ts';
import { fechaPublicable } from '../../domain/captura/fecha.ts';
import { alcanzaActa, type AlcanceActa, type Operador } from '../../domain/captura/permisos.ts';
import type { EntornoApi } from '../entorno.ts';
import { ErrorApi } from '../errores.ts';
import { actaRecordada, claveGuardada, olvidarActa } from './actas-recordadas.ts';
import { versionCoincide } from './encabezados.ts';
import { atAceptado, escribir, type Decidir, type Solicitud } from './escritura.ts';

/** What of a step this path needs (aplicar.ts DefinicionPaso). */
export interface PasoSinLectura {
  /** Only an acta named by its clave alone (acopio names an identification too, which memory cannot answer). */
  objetivo: ObjetivoLectura;
  alcance: (inst: Instantanea, op: Operador) => AlcanceActa | null;
  decidir: Decidir;
}

/**
 * After a batch lost to a write it did not predict (another isolate's), this isolate's predictions are likely
 * stale for a while: it reads first for this long instead of sending writes that would only fail.
 */
const PAUSA_MS = 1000;
let pausaHasta = 0;

export async function escribirSinLectura(
  c: Context<EntornoApi>,
  paso: PasoSinLectura,
  pedida: Omit<Solicitud, 'fecha'>,
  ifMatch: number | '*' | null,
): Promise<Response | null> {
  const recordada = c.get('credencialPorConfirmar');
  const db = c.env.DB;
  const clave = paso.objetivo.fcIdentificacion === null ? paso.objetivo.clave : null;
  if (recordada === undefined || clave === null || pedida.ahora < pausaHasta || !hayPrevista(db)) return null;
  if (pedida.claves.explicita !== null && claveGuardada(pedida.op.id, pedida.claves.explicita)) return null;
  const acta = actaRecordada(clave);
  if (acta === undefined) return null;
  const s: Solicitud = { ...pedida, fecha: fechaPublicable(pedida.atCliente, pedida.ahora, acta.apertura) };
  // The head comes from the isolate's prediction (hayPrevista), never from memory of the acta.
  const inst: Instantanea = { ...acta, punta: puntaDe(null), secuencia: 0, guardadas: new Map(), finalPublicado: false, finalEnCurso: false };
  const alcance = paso.alcance(inst, s.op);
  if (alcance === null || !alcanzaActa(s.op, alcance).ok || !versionCoincide(ifMatch, inst)) return null;
  if (!paso.decidir(inst, { operador: s.op, ahora: s.ahora, atCliente: atAceptado(s.fecha) }).ok) return null;
  const guardas = { antes: recordada.antes, condiciones: [...recordada.condiciones, condicionConfig(acta.config)] };
  try {
    const r = await escribir(db, inst, paso.decidir, s, guardas);
    c.set('credencialPorConfirmar', undefined);
    return r;
  } catch (e) {
    if (e instanceof ConflictoConcurrente) {
      if (e.motivo === 'VERSION') olvidarActa(clave);
      if (e.motivo === 'SECUENCIA' || e.motivo === 'BITACORA') pausaHasta = s.ahora + PAUSA_MS;
      return null;
    }
    // A refusal while building the batch (decided again over the head): nothing was sent.
    if (e instanceof ErrorApi) return null;
    throw e;
  }
}
