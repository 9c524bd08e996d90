/**
 * A bearer write accepted on what the isolate remembers of its credential (recordadas.ts recordadaParaEscribir),
 * without the credential's round trip: the request acts as the remembered operator, and D1 confirms the
 * credential inside the write's own batch (flujo/sin-lectura.ts), whose guard aborts the whole batch if the
 * credential is no longer exactly the remembered text or the request's count (made in that batch) is past the
 * limit. So a revoked token, an operator dado de baja or moved is refused on its very next request: its batch
 * writes nothing and the request then makes the credential's round trip (`confirmar`), which answers the 401.
 *
 * The body is read before D1 confirmed the credential, but the answer still puts the credential first: a request
 * answered before its write (a malformed body, a refused step) is confirmed before that answer goes out, and a
 * refused credential replaces it with its 401 or 429. Only a client that holds a secret this isolate accepted gets
 * this far; a missing or wrong secret is refused as always, before the body is looked at.
 */
import type { Context, Next } from 'hono';
import type { ObjetivoLectura } from '../../../db/captura-lectura.ts';
import { sentenciaContarTasa, condicionesCredencialRecordada } from '../../../db/operadores.ts';
import type { EntornoApi } from '../../entorno.ts';
import { comprobarTasa, ventanaDeTasa } from '../limite-tasa/index.ts';
import type { Recordada } from './recordadas.ts';

export async function conCredencialRecordada(
  c: Context<EntornoApi>,
  next: Next,
  tokenId: string,
  r: Recordada,
  autenticar: (acta?: ObjetivoLectura) => Promise<void>,
): Promise<void> {
  const ventana = ventanaDeTasa(Date.now());
  const confirmar = async (acta?: ObjetivoLectura) => {
    c.set('credencialPorConfirmar', undefined);
    await autenticar(acta);
    comprobarTasa(c);
  };
  c.set('operador', r.credencial.operador);
  c.set('limitePorMinuto', r.credencial.limitePorMinuto);
  // Counted in the write's batch, whose guard holds the limit.
  c.set('cuentaTasa', 0);
  c.set('credencialPorConfirmar', {
    antes: [sentenciaContarTasa(tokenId, r.hash, ventana)],
    condiciones: condicionesCredencialRecordada(tokenId, r.texto, ventana, r.credencial.limitePorMinuto),
    confirmar,
  });
  await next();
  // Answered without a write that confirmed the credential: D1 judges it before that answer stands.
  if (c.get('credencialPorConfirmar') !== undefined) await confirmar();
}
