/**
 * What the PREP Casilla phone keeps between visits: the photos taken (waiting, sent or refused) and what it needs to
 * take one without signal (its operator, the casillas it is bound to, the elections' acta types). Never a token, a
 * key or the CSRF value: those live only in the server's HttpOnly cookie and in memory.
 */

/** The elections whose actas a casilla produces, as the published `territorios` shard lists them. */
export interface EleccionActa {
  codigo: string;
  nombre: string;
  /** TIPO_ACTA: appended to CLAVE_CASILLA it gives CLAVE_ACTA. */
  tipoActa: string;
}

/** The device as it was last seen signed in; read back when the page opens without signal. */
export interface ContextoDispositivo {
  operador: string;
  nombre: string;
  /** CLAVE_CASILLA list the device is bound to. */
  casillas: string[];
  /** Empty until a corte has published the catalogue. */
  elecciones: EleccionActa[];
  /** The entidad's offset from UTC in minutes (null: unknown, the device's zone). */
  offsetMin: number | null;
}

export type MimeFoto = 'image/jpeg' | 'image/png';

export type EstadoFoto = 'esperando' | 'enviada' | 'rechazada';

/** One photo of one acta. `id` is its Idempotency-Key, made once when the photo is taken and sent on every try. */
export interface Foto {
  id: string;
  /** The device operator whose queue it is in (only that operator's session sends it). */
  operador: string;
  clave: string;
  mime: MimeFoto;
  /** SHA-256 (hex) of `datos`, computed on the phone; sent as X-Sha256. */
  sha256: string;
  /** The image; dropped once the server has it (the phone's storage is small). */
  datos: ArrayBuffer | null;
  /** Epoch ms when taken: the fechaHora of every try (the same request each time). */
  tomadaAt: number;
  estado: EstadoFoto;
  intentos: number;
  /** Not retried before this instant (epoch ms). */
  siguienteAt: number;
  /** The server's SHA-256 and time (epoch ms) once sent. */
  servidor: { sha256: string; at: number | null } | null;
  /** Why the last try failed, or why it was refused; in Spanish. */
  mensaje: string | null;
}
