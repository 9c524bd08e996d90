/** Roles as the operator reads them, and the work queue (step) each one serves: the supervisor's is cotejo. */
import type { Ambito, PasoCola, Rol } from './tipos.ts';

/** The night's order of the work: roles are shown, and their queues listed, in this order. */
export const ORDEN_ROLES: readonly Rol[] = ['acopio', 'digitalizacion', 'captura', 'verificacion', 'supervisor', 'admin'];

/** `roles` in the night's order (unknown ones last, as they came). */
export function enOrden(roles: readonly Rol[]): Rol[] {
  const lugar = (r: Rol) => (ORDEN_ROLES.includes(r) ? ORDEN_ROLES.indexOf(r) : ORDEN_ROLES.length);
  return [...roles].sort((a, b) => lugar(a) - lugar(b));
}

export const NOMBRE_ROL: Readonly<Record<Rol, string>> = {
  acopio: 'Acopio',
  digitalizacion: 'Digitalización',
  captura: 'Captura',
  verificacion: 'Verificación',
  supervisor: 'Supervisión',
  admin: 'Administración',
};

export const NOMBRE_AMBITO: Readonly<Record<Ambito, string>> = {
  CATD: 'CATD',
  CCV: 'Centro de Captura y Verificación',
  CASILLA: 'PREP Casilla',
  INSTITUTO: 'Instituto',
};

export const PASO_DEL_ROL: Readonly<Record<Rol, PasoCola | null>> = {
  acopio: 'acopio',
  digitalizacion: 'digitalizacion',
  captura: 'captura',
  verificacion: 'verificacion',
  supervisor: 'cotejo',
  admin: null,
};
