/**
 * The staff of a simulated night: in each of the catalogue's CATDs one operator per step (acopio, digitalización,
 * two capturists, a verifier, a supervisor); one PREP Casilla device per sección, bound to that sección's casillas
 * (the phone of the electoral assistant who visits them); and two institute administrators for the cortes (one
 * requests the window, the other confirms it).
 */
import type { Catalogo } from '../../worker/domain/catalogo/esquema.ts';
import type { OperadorNuevo } from '../../worker/domain/captura/operador-nuevo.ts';
import type { Rol } from '../../worker/domain/captura/permisos.ts';
import { claveCasilla } from '../../worker/domain/claves/clave.ts';
import { crearOperadoresEnLote } from '../lib/operadores-lote.ts';

export const PUESTOS = ['acopio', 'dig', 'cap1', 'cap2', 'ver', 'sup'] as const;
export type Puesto = (typeof PUESTOS)[number];

const ROL: Record<Puesto, Rol> = { acopio: 'acopio', dig: 'digitalizacion', cap1: 'captura', cap2: 'captura', ver: 'verificacion', sup: 'supervisor' };

export const ADMIN = 'sim-admin';
/** The second administrator: a change of the publication window needs another admin's confirmation (issue 17). */
export const ADMIN_CONFIRMA = 'sim-admin-2';

export function idPuesto(catd: string, puesto: Puesto): string {
  return `${catd.toLowerCase()}-${puesto}`;
}

export function idDispositivo(seccion: number): string {
  return `cel-${seccion}`;
}

export function personalDeLaNoche(cat: Catalogo): OperadorNuevo[] {
  const out: OperadorNuevo[] = [];
  for (const c of cat.catds) {
    for (const p of PUESTOS) {
      out.push({ id: idPuesto(c.id, p), nombre: `${c.nombre}: ${p}`, ambito: 'CATD', catd: c.id, roles: [ROL[p]], casillas: [] });
    }
  }
  const porSeccion = new Map<number, string[]>();
  for (const c of cat.casillas) {
    const lista = porSeccion.get(c.seccion) ?? [];
    lista.push(claveCasilla(cat.entidad.id, c));
    porSeccion.set(c.seccion, lista);
  }
  for (const [seccion, casillas] of porSeccion) {
    out.push({ id: idDispositivo(seccion), nombre: `PREP Casilla, sección ${seccion}`, ambito: 'CASILLA', catd: null, roles: ['digitalizacion'], casillas });
  }
  out.push({ id: ADMIN, nombre: 'Administración del simulacro', ambito: 'INSTITUTO', catd: null, roles: ['admin'], casillas: [] });
  out.push({ id: ADMIN_CONFIRMA, nombre: 'Administración del simulacro (segunda firma)', ambito: 'INSTITUTO', catd: null, roles: ['admin'], casillas: [] });
  return out;
}

export type Credenciales = ReadonlyMap<string, string>;

/**
 * Creates the night's staff (and `otros`, e.g. the demo operators of `npm start`) in the local D1 at `persistTo` (before the server starts) and returns their tokens.
 * A simulacro runs time up to hundreds of times faster than real time, so each token may make far more requests
 * per real minute than on election night.
 */
export function crearPersonal(persistTo: string, cat: Catalogo, otros: readonly OperadorNuevo[] = []): Promise<Credenciales> {
  return crearOperadoresEnLote(persistTo, [...personalDeLaNoche(cat), ...otros], { vigenciaMs: 48 * 3_600_000, limitePorMinuto: 100_000 });
}
