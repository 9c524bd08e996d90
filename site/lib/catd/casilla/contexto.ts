/**
 * What the PREP Casilla screen needs to take a photo: the device operator and the casillas it is bound to (from
 * the session: GET /api/v1/sesion gives `operador.casillas`) and the elections whose actas a casilla produces (the
 * published catalogue: the `territorios` shard of the last corte lists each election with its TIPO_ACTA). Kept on
 * the phone (almacen-idb.ts) so a page opened without signal still knows them.
 */
import { RUTA_LATEST_RAIZ, type Puntero, type TerritoriosShard } from '../../../../worker/domain/contrato/index.ts';
import { pedir, recordarCsrf } from '../api.ts';
import { leerCuerpoSesion } from '../sesion.ts';
import type { Sesion } from '../tipos.ts';
import type { ContextoDispositivo, EleccionActa } from './tipos.ts';

export interface Catalogo {
  elecciones: EleccionActa[];
  offsetMin: number | null;
}

/** The session with the device's casillas (a 401 is thrown: the screen decides what to say). */
export async function leerSesionCasilla(): Promise<{ sesion: Sesion; casillas: string[] }> {
  const cuerpo = await pedir<{ operador?: { casillas?: unknown } }>('GET', '/api/v1/sesion', { alPerderSesion: 'lanzar' });
  const sesion = leerCuerpoSesion(cuerpo);
  recordarCsrf(sesion.csrf);
  const c = cuerpo.operador?.casillas;
  return { sesion, casillas: Array.isArray(c) ? c.filter((x): x is string => typeof x === 'string') : [] };
}

async function json<T>(ruta: string): Promise<T | null> {
  try {
    const r = await fetch(ruta, { headers: { accept: 'application/json' }, cache: 'no-store' });
    return r.ok ? ((await r.json()) as T) : null;
  } catch {
    return null;
  }
}

/** The elections as the last corte published them; null before the first corte or without signal. */
export async function leerCatalogo(): Promise<Catalogo | null> {
  const p = await json<Partial<Puntero>>(`/${RUTA_LATEST_RAIZ}`);
  if (p?.tipo !== 'puntero' || typeof p.territorios !== 'string') return null;
  const t = await json<Partial<TerritoriosShard>>(`/${p.territorios}`);
  if (t?.tipo !== 'territorios' || !Array.isArray(t.elecciones)) return null;
  return {
    elecciones: t.elecciones.map((e) => ({ codigo: e.codigo, nombre: e.nombre, tipoActa: e.tipoActa })),
    offsetMin: p.entidad?.utcOffsetMinutes ?? null,
  };
}

/** The device's context now; what could not be read this time (the catalogue) is kept from before. */
export function contextoDe(sesion: Sesion, casillas: readonly string[], catalogo: Catalogo | null, previo: ContextoDispositivo | null): ContextoDispositivo {
  const mismo = previo?.operador === sesion.operador.id ? previo : null;
  return {
    operador: sesion.operador.id,
    nombre: sesion.operador.nombre,
    casillas: [...casillas],
    elecciones: catalogo?.elecciones ?? mismo?.elecciones ?? [],
    offsetMin: catalogo?.offsetMin ?? mismo?.offsetMin ?? null,
  };
}

/** CLAVE_ACTA = CLAVE_CASILLA + TIPO_ACTA (docs/REGLAS.md §7). */
export function claveActa(casilla: string, e: EleccionActa): string {
  return casilla + e.tipoActa;
}

/** "140338B0100" → "Sección 338, básica 1" (contigua, extraordinaria, especial; "ext. contigua 2" when not 00). */
export function nombreCasilla(clave: string): string {
  const m = /^\d{2}(\d{4})([A-Z])(\d{2})(\d{2})$/.exec(clave);
  if (!m) return clave;
  const tipo: Record<string, string> = { B: 'básica', C: 'contigua', E: 'extraordinaria', S: 'especial', M: 'voto en el extranjero' };
  const ext = Number(m[4]) > 0 ? `, ext. contigua ${Number(m[4])}` : '';
  return `Sección ${Number(m[1])}, ${tipo[m[2]!] ?? m[2]} ${Number(m[3])}${ext}`;
}
