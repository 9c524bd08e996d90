/**
 * What went wrong, in words a citizen can act on. Every failure the portal can meet (no network, a server error,
 * a published object it cannot read, something the link names that does not exist) is classified here and worded
 * in plain Spanish: what happened and what to do. Never a URL, an HTTP code or an exception's text: those mean
 * nothing to a reader and `Failed to fetch` is not even Spanish.
 */
import { etiquetaOffset } from './formato.ts';

/** A thing a link can name that the publication does not have. */
export type QueNoExiste = 'eleccion' | 'distrito' | 'municipio' | 'seccion' | 'acta';

/** A link to something that does exist, offered instead. */
export interface Alternativa {
  texto: string;
  href: string;
}

/** The link names an election, territory, sección or acta the newest corte does not publish. */
export class NoExiste extends Error {
  constructor(
    readonly que: QueNoExiste,
    readonly id: string | number,
    readonly alternativas: readonly Alternativa[],
  ) {
    super(`no existe: ${que} ${id}`);
    this.name = 'NoExiste';
  }
}

/** A published object could not be fetched: `status` 0 when there was no answer at all (no network). */
export class ErrorRecurso extends Error {
  constructor(
    /** Kept for the developer's console only; never shown. */
    readonly url: string,
    readonly status: number,
  ) {
    super(status === 0 ? 'sin conexión' : `HTTP ${status}`);
    this.name = 'ErrorRecurso';
  }
}

export type Falla = { tipo: 'red' } | { tipo: 'servidor' } | { tipo: 'datos' } | { tipo: 'no-existe'; que: QueNoExiste; id: string | number };

/**
 * The kind of a thrown value. A TypeError is what fetch throws without a network (its text differs per browser:
 * "Failed to fetch", "NetworkError…", "Load failed"); any other error is an object that could not be read.
 */
export function clasificar(e: unknown): Falla {
  if (e instanceof NoExiste) return { tipo: 'no-existe', que: e.que, id: e.id };
  if (e instanceof ErrorRecurso) return e.status === 0 ? { tipo: 'red' } : { tipo: 'servidor' };
  if (e instanceof TypeError || (e instanceof DOMException && e.name === 'NetworkError')) return { tipo: 'red' };
  return { tipo: 'datos' };
}

const NOMBRE: Record<QueNoExiste, (id: string | number) => string> = {
  eleccion: (id) => `La elección «${id}» no existe en este PREP.`,
  distrito: (id) => `El distrito ${id} no existe en esta elección.`,
  municipio: (id) => `El municipio ${id} no existe en esta elección.`,
  seccion: (id) => `La sección ${id} no existe o no tiene casillas publicadas.`,
  acta: (id) => `El acta con la clave ${id} no existe en esta sección.`,
};

/** What happened, one sentence (the view adds what it shows and when it retries: `avisoConexion`). */
export function queOcurrio(f: Falla): string {
  switch (f.tipo) {
    case 'red':
      return 'Sin conexión: no se pudo contactar al servidor del PREP.';
    case 'servidor':
      return 'El servidor del PREP no respondió como se esperaba.';
    case 'datos':
      return 'Los datos recibidos no se pudieron leer.';
    case 'no-existe':
      return NOMBRE[f.que](f.id);
  }
}

/** The sentence for a thrown value (the poller and the views keep this, never the error's own text). */
export const textoDeError = (e: unknown): string => queOcurrio(clasificar(e));

/** What to do about a link to something that does not exist. */
export const QUE_HACER_NO_EXISTE = 'Revisa el enlace o elige una de estas opciones:';

const horaFmt = new Intl.DateTimeFormat('es-MX', { timeZone: 'UTC', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });

/** "20:05 (UTC-6)": a time of day in the entidad's fixed offset, as the cortes are shown. */
export function horaLocal(ms: number, offsetMinutes: number): string {
  return `${horaFmt.format(new Date(ms + offsetMinutes * 60_000))} (${etiquetaOffset(offsetMinutes)})`;
}

export interface Recibidos {
  /** When the server last answered, epoch ms. */
  en: number;
  offsetMinutes: number;
  /** "hace 3 minutos", computed by the caller (it ticks). */
  hace: string;
}

/**
 * The whole notice of a failed check: what happened; the data on screen, if any, as the last received and when;
 * and that the page retries by itself. `recibidos` is null when nothing is on screen: then it says so instead of
 * claiming to show anything.
 */
export function avisoConexion(queOcurrio: string, recibidos: Recibidos | null): string {
  const datos = recibidos
    ? `Se muestran los últimos datos recibidos, a las ${horaLocal(recibidos.en, recibidos.offsetMinutes)}, ${recibidos.hace}.`
    : 'Todavía no se ha recibido ningún dato.';
  return `${queOcurrio} ${datos} La página vuelve a intentarlo sola cada minuto; revisa tu conexión a internet o recarga la página.`;
}
