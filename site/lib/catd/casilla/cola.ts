/**
 * The PREP Casilla phone's queue of photos, over any storage (IndexedDB in the browser, a Map in the tests). A
 * photo is stored, with its bytes, its SHA-256 and its Idempotency-Key, before anything is sent: closing the page,
 * losing signal or the session cannot lose it. Sending takes the photos in the order they were taken, one at a
 * time, each with the key it got when taken (a try whose answer was lost is replayed by the server, never applied
 * twice), and records the answer before the next one. No signal or a server in trouble: wait (backoff) and try
 * again; no session: stop until the operator signs in again; a refusal: kept and shown, never retried by itself.
 */
import type { Foto, MimeFoto } from './tipos.ts';

export interface AlmacenFotos {
  guardar(f: Foto): Promise<void>;
  /** Every photo of this device operator, in any order. */
  fotosDe(operador: string): Promise<Foto[]>;
  borrar(id: string): Promise<void>;
}

/** What one try of sending a photo came to. */
export type Resultado =
  | { tipo: 'enviada'; sha256: string; at: number | null }
  | { tipo: 'reintentar'; mensaje: string }
  | { tipo: 'sin_sesion'; motivo: string }
  | { tipo: 'rechazada'; mensaje: string };

export type Enviar = (f: Foto & { datos: ArrayBuffer }) => Promise<Resultado>;

/** Runs `f` while no other tab of this device runs the queue (Web Locks), or just runs it. */
export type Exclusivo = <T>(f: () => Promise<T>) => Promise<T>;

export interface Vaciado {
  enviadas: number;
  /** Photos still waiting after this pass. */
  esperando: number;
  /** The session's end code when a try found no session (sign in again to go on); else null. */
  sinSesion: string | null;
  /** When the next waiting photo is due (epoch ms), or null. */
  siguienteAt: number | null;
}

const BASE_MS = 2_000;
const TOPE_MS = 60_000;

/** The wait after `intentos` failed tries: 2 s, 4 s, 8 s … up to one minute. */
export function esperaTras(intentos: number): number {
  return Math.min(TOPE_MS, BASE_MS * 2 ** Math.max(0, intentos - 1));
}

export interface FotoTomada {
  id: string;
  operador: string;
  clave: string;
  mime: MimeFoto;
  sha256: string;
  datos: ArrayBuffer;
}

export function fotoNueva(t: FotoTomada, ahora: number): Foto {
  return { ...t, tomadaAt: ahora, estado: 'esperando', intentos: 0, siguienteAt: ahora, servidor: null, mensaje: null };
}

/** Oldest first (then by key, so the order is total). */
export function enOrden(fotos: readonly Foto[]): Foto[] {
  return [...fotos].sort((a, b) => a.tomadaAt - b.tomadaAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** The waiting photos due at `ahora` (all waiting ones when `forzar`: the connection just came back). */
export function debidas(fotos: readonly Foto[], ahora: number, forzar: boolean): Foto[] {
  return enOrden(fotos).filter((f) => f.estado === 'esperando' && f.datos !== null && (forzar || f.siguienteAt <= ahora));
}

/** The photo after one try's answer. */
export function trasIntento(f: Foto, r: Resultado, ahora: number): Foto {
  switch (r.tipo) {
    case 'enviada':
      return { ...f, estado: 'enviada', datos: null, servidor: { sha256: r.sha256, at: r.at }, mensaje: null };
    case 'reintentar': {
      const intentos = f.intentos + 1;
      return { ...f, intentos, siguienteAt: ahora + esperaTras(intentos), mensaje: r.mensaje };
    }
    case 'rechazada':
      return { ...f, estado: 'rechazada', intentos: f.intentos + 1, mensaje: r.mensaje };
    case 'sin_sesion':
      return f;
  }
}

export class ColaFotos {
  private cadena: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly almacen: AlmacenFotos,
    private readonly enviar: Enviar,
    private readonly reloj: () => number = Date.now,
    private readonly exclusivo: Exclusivo = (f) => f(),
  ) {}

  /** Stores a photo just taken; it waits until `vaciar` sends it. */
  async tomar(t: FotoTomada): Promise<Foto> {
    const f = fotoNueva(t, this.reloj());
    await this.almacen.guardar(f);
    return f;
  }

  async fotos(operador: string): Promise<Foto[]> {
    return enOrden(await this.almacen.fotosDe(operador));
  }

  /** A refused photo goes back to waiting (the operator fixed the cause, e.g. chose another acta). */
  async reintentar(f: Foto): Promise<void> {
    if (f.estado !== 'rechazada') return;
    await this.almacen.guardar({ ...f, estado: 'esperando', siguienteAt: this.reloj(), mensaje: null });
  }

  /** Only a refused photo may be thrown away by the operator: a waiting one is never dropped. */
  async descartar(f: Foto): Promise<void> {
    if (f.estado === 'rechazada') await this.almacen.borrar(f.id);
  }

  /**
   * Sends the due photos of `operador`, oldest first. Calls are serialized (one pass at a time in this page, and
   * one per device with `exclusivo`), and each pass reads the store afresh, so no photo is ever sent by two
   * passes at once.
   */
  vaciar(operador: string, forzar = false): Promise<Vaciado> {
    const pasada = this.cadena.then(() => this.exclusivo(() => this.pasada(operador, forzar)));
    this.cadena = pasada.catch(() => {});
    return pasada;
  }

  private async pasada(operador: string, forzar: boolean): Promise<Vaciado> {
    let enviadas = 0;
    let sinSesion: string | null = null;
    for (const f of debidas(await this.almacen.fotosDe(operador), this.reloj(), forzar)) {
      const r = await this.enviar(f as Foto & { datos: ArrayBuffer });
      if (r.tipo === 'sin_sesion') {
        sinSesion = r.motivo;
        break;
      }
      await this.almacen.guardar(trasIntento(f, r, this.reloj()));
      if (r.tipo === 'enviada') enviadas++;
      // Without signal the next photo would fail the same way: wait for the backoff or the connection.
      if (r.tipo === 'reintentar') break;
    }
    let esperando = (await this.almacen.fotosDe(operador)).filter((f) => f.estado === 'esperando');
    if (enviadas > 0) esperando = await this.pronto(esperando);
    const siguienteAt = esperando.length === 0 ? null : Math.min(...esperando.map((f) => f.siguienteAt));
    return { enviadas, esperando: esperando.length, sinSesion, siguienteAt };
  }

  /**
   * A photo just went through, so the connection works again: the waiting ones, whose backoff may have grown
   * long while there was no signal, are tried again soon instead of after up to a minute.
   */
  private async pronto(esperando: Foto[]): Promise<Foto[]> {
    const tope = this.reloj() + BASE_MS;
    const out: Foto[] = [];
    for (const f of esperando) {
      const g = f.siguienteAt > tope ? { ...f, siguienteAt: tope } : f;
      if (g !== f) await this.almacen.guardar(g);
      out.push(g);
    }
    return out;
  }
}
