/**
 * What the operator reads when something fails, in Spanish, from the API's error code: the sign-in and session
 * codes get a message that says what to do next; any other code shows the API's own message (already Spanish).
 */
import { ErrorCatd, SIN_CONEXION } from './api.ts';

const MENSAJES: Readonly<Record<string, string>> = {
  CREDENCIALES_INVALIDAS:
    'El operador o la clave de acceso no son válidos. Revise ambos; si la clave venció o fue revocada, pida una nueva a la coordinación.',
  SESION_AUSENTE: 'Entre con su operador y su clave de acceso para continuar.',
  SESION_EXPIRADA: 'Su sesión venció. Vuelva a entrar con su clave de acceso.',
  SESION_REVOCADA: 'Su sesión fue cerrada por la coordinación (clave revocada u operador dado de baja).',
  CSRF_INVALIDO: 'La sesión no pudo confirmarse en esta pestaña. Vuelva a entrar.',
  CERRADA: 'Cerró su sesión. Puede entrar de nuevo cuando lo necesite.',
  [SIN_CONEXION]: 'Sin conexión con el servidor. Revise la red e intente de nuevo.',
};

const minutos = new Intl.NumberFormat('es-MX', { style: 'unit', unit: 'minute', unitDisplay: 'long' });

function intentosExcedidos(detalles: unknown): string {
  const s = (detalles as { reintentarEnS?: unknown } | null)?.reintentarEnS;
  const cuando = typeof s === 'number' && Number.isFinite(s) && s > 0 ? `dentro de ${minutos.format(Math.ceil(s / 60))}` : 'en unos minutos';
  return `Demasiados intentos fallidos con este operador. Por seguridad, espere e intente de nuevo ${cuando}.`;
}

/** The message for a reason code alone (the sign-in form's ?motivo=). */
export function mensajeDeMotivo(code: string): string {
  return MENSAJES[code] ?? MENSAJES.SESION_AUSENTE!;
}

/** The message for a failed call. */
export function mensajeDeError(e: unknown): string {
  if (!(e instanceof ErrorCatd)) return 'Ocurrió un error inesperado en esta pantalla. Recargue la página.';
  if (e.code === 'INTENTOS_EXCEDIDOS') return intentosExcedidos(e.detalles);
  const propio = MENSAJES[e.code];
  if (propio) return propio;
  if (e.status >= 500 || e.code.startsWith('HTTP_')) return `El servidor no pudo atender la solicitud (error ${e.status}). Intente de nuevo.`;
  return e.message;
}
