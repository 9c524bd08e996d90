/** Names and rules the operators screen shows: the roles each ámbito admits and its secrets' validity (docs/CAPTURA.md). */
import type { Ambito, Rol } from './api.ts';

export const AMBITOS: readonly Ambito[] = ['CATD', 'CCV', 'CASILLA', 'INSTITUTO'];

export const NOMBRE_AMBITO: Readonly<Record<Ambito, string>> = {
  CATD: 'CATD',
  CCV: 'Centro de Captura y Verificación',
  CASILLA: 'Dispositivo PREP Casilla',
  INSTITUTO: 'Instituto',
};

export const NOMBRE_ROL: Readonly<Record<Rol, string>> = {
  acopio: 'Acopio',
  digitalizacion: 'Digitalización',
  captura: 'Captura',
  verificacion: 'Verificación',
  supervisor: 'Supervisión',
  admin: 'Administración',
  observador: 'Observación (solo lectura)',
};

/** The roles each ámbito admits (the API refuses any other: this only keeps the form from offering them). */
export const ROLES_DEL_AMBITO: Readonly<Record<Ambito, readonly Rol[]>> = {
  CATD: ['acopio', 'digitalizacion', 'captura', 'verificacion', 'supervisor'],
  CCV: ['captura', 'verificacion', 'supervisor'],
  CASILLA: ['digitalizacion'],
  INSTITUTO: ['admin', 'observador'],
};

/** Default and longest validity of a secret, in hours, by ámbito (the API enforces it). */
export const VIGENCIA: Readonly<Record<Ambito, { omision: number; maxima: number }>> = {
  INSTITUTO: { omision: 8, maxima: 12 },
  CATD: { omision: 16, maxima: 720 },
  CCV: { omision: 16, maxima: 720 },
  CASILLA: { omision: 16, maxima: 720 },
};

const fechaHora = new Intl.DateTimeFormat('es-MX', { dateStyle: 'medium', timeStyle: 'short' });

export const cuando = (ms: number | null): string => (ms === null ? 'sin registro' : fechaHora.format(ms));

/** "a, b, c" from a comma, space or line separated text, upper-cased (CLAVE_CASILLA), without repeats. */
export function listaDeCasillas(texto: string): string[] {
  return [...new Set(texto.split(/[\s,;]+/).map((x) => x.trim().toUpperCase()).filter(Boolean))];
}
