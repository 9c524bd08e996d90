/**
 * The local D1 kept open for the whole run of a script: a worker thread (scripts/lib/d1-hilo.ts) holds one
 * Miniflare per persistence folder, and each call here blocks until its batch has run, so the scripts keep their
 * synchronous calls. Starting wrangler (and a workerd) for every query cost seconds each; now a script pays for
 * one workerd, and `cerrarD1Local` (or the end of the process) disposes of it.
 */
import path from 'node:path';
import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from 'node:worker_threads';
import type { Pedido, Respuesta } from './d1-hilo.ts';
import { RAIZ } from './local.ts';

interface Hilo {
  worker: Worker;
  senal: Int32Array;
  respuestas: MessagePort;
}

let hilo: Hilo | null = null;

/**
 * A signal sent to this process alone (a test runner ending its worker, `kill`) would leave the workerd behind:
 * the worker thread gets no signal. Dispose of the databases, then die of the signal as if never caught, unless
 * someone else handles it.
 */
const SENALES = ['SIGTERM', 'SIGINT', 'SIGHUP'] as const;

/** On the way out a failure to close changes nothing: the exit code stays the script's. */
function cerrarAlSalir(): void {
  try {
    cerrarD1Local();
  } catch {
    // The workerd did not stop in time; it is left behind rather than holding the exit.
  }
}

function alTerminar(s: (typeof SENALES)[number]): void {
  cerrarAlSalir();
  if (process.listenerCount(s) === 0) process.kill(process.pid, s);
}

function iniciar(): Hilo {
  const senal = new Int32Array(new SharedArrayBuffer(4));
  const { port1, port2 } = new MessageChannel();
  const worker = new Worker(new URL('./d1-hilo.ts', import.meta.url), { workerData: { senal, respuestas: port2 }, transferList: [port2] });
  // The thread never keeps a script alive: the hooks below dispose of the open databases.
  worker.unref();
  port1.unref();
  process.once('exit', cerrarAlSalir);
  for (const s of SENALES) process.once(s, () => alTerminar(s));
  return { worker, senal, respuestas: port1 };
}

function pedir(p: Pedido, esperaMs = Number.POSITIVE_INFINITY): Respuesta {
  hilo ??= iniciar();
  const { worker, senal, respuestas } = hilo;
  // An answer that came after its caller stopped waiting is not the answer to this request.
  while (receiveMessageOnPort(respuestas)) {}
  Atomics.store(senal, 0, 0);
  worker.postMessage(p);
  Atomics.wait(senal, 0, 0, esperaMs);
  const r = receiveMessageOnPort(respuestas);
  if (!r) throw new Error('la D1 local no respondió');
  return r.message as Respuesta;
}

/** Closing never holds a process's exit for long: a workerd that does not stop in time is left to die alone. */
const ESPERA_CIERRE_MS = 30_000;

/** Rows of each statement of `sql` (split as `wrangler d1 execute` does), run as one batch on the D1 in `persistTo`. */
export function loteD1Local(persistTo: string, sql: string): Record<string, unknown>[][] {
  // wrangler ran in the project's root: a relative folder is relative to it.
  const r = pedir({ tipo: 'lote', persistTo: path.resolve(RAIZ, persistTo), sql });
  if (!r.ok) throw new Error(`la D1 local (${persistTo}) rechazó el lote:\n${r.mensaje}`);
  return r.filas;
}

/**
 * Disposes of the open D1 in `persistTo` (of all of them without it): before its folder is removed, or when
 * a script is done with it.
 */
export function cerrarD1Local(persistTo?: string): void {
  if (hilo === null) return;
  const r = pedir({ tipo: 'cerrar', persistTo: persistTo === undefined ? null : path.resolve(RAIZ, persistTo) }, ESPERA_CIERRE_MS);
  if (!r.ok) throw new Error(`no se pudo cerrar la D1 local: ${r.mensaje}`);
}
