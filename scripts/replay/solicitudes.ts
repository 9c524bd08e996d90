/**
 * The capture API requests that reproduce one acta of a replay (docs/CAPTURA.md), in order:
 *   captured acta:      acopio (by clave) → image (the CATD's, or PREP Casilla's before the acopio) → two equal
 *                       captures by different capturists (the second verifies it)
 *   sin acta:           acopio with the reason
 *   fuera de catálogo:  acopio by identification (the server answers its FC-<n> clave) → image → captures when
 *                       its territory's ballot is known
 *   corrected acta:    (a whole-night replay, scripts/replay/noche.ts) cotejo RECAPTURA by a supervisor, then two
 *                       equal captures of the new figures (docs/CAPTURA.md: COTEJADA 3, then 2 when verified)
 * Each step names the operator that sends it and carries the file's instant (`fechaHora`). Paths that need the
 * clave of a fuera de catálogo acta use `{clave}`, filled in from the acopio's answer.
 */
import type { Captura } from '../../worker/domain/acta/esquema.ts';
import type { ActaReplay, OperadoresReplay } from './plan.ts';
import { fechaIso } from './valores.ts';

export type Paso =
  | { paso: 'ACOPIO'; operador: string; ruta: string; cuerpo: Record<string, unknown> }
  | { paso: 'IMAGEN'; operador: string; ruta: string; consulta: Record<string, string> }
  | { paso: 'CAPTURA'; operador: string; ruta: string; cuerpo: Captura & { fechaHora: string } }
  | { paso: 'COTEJO'; operador: string; ruta: string; cuerpo: { accion: 'RECAPTURA'; motivo: string; fechaHora: string } };

export const CLAVE = '{clave}';

const rutaActa = (clave: string, resto: string) => `/api/v1/actas/${encodeURIComponent(clave)}/${resto}`;

const capturasDe = (a: ActaReplay, op: OperadoresReplay, clave: string, captura: Captura, iso: (ms: number) => string): Paso[] => [
  { paso: 'CAPTURA', operador: op.capturistas[0], ruta: rutaActa(clave, 'capturas'), cuerpo: { ...captura, fechaHora: iso(a.tiempos.captura) } },
  { paso: 'CAPTURA', operador: op.capturistas[1], ruta: rutaActa(clave, 'capturas'), cuerpo: { ...captura, fechaHora: iso(a.tiempos.verificacion) } },
];

/**
 * An expected acta verified in an earlier corte whose figures this corte's file changes: the supervisor sends it
 * back (cotejo RECAPTURA, at `cotejoMs`, with the reason), and the two capturists capture the new figures.
 */
export function pasosCorreccion(a: ActaReplay, op: OperadoresReplay, supervisor: string, cotejoMs: number, motivo: string, offsetMinutes: number): Paso[] {
  const iso = (ms: number) => fechaIso(ms, offsetMinutes);
  if (a.registro.tipo !== 'captura' || a.clave === null) return [];
  return [
    { paso: 'COTEJO', operador: supervisor, ruta: rutaActa(a.clave, 'cotejo'), cuerpo: { accion: 'RECAPTURA', motivo, fechaHora: iso(cotejoMs) } },
    ...capturasDe(a, op, a.clave, a.registro.captura, iso),
  ];
}

export function pasosDe(a: ActaReplay, op: OperadoresReplay, offsetMinutes: number): Paso[] {
  const iso = (ms: number) => fechaIso(ms, offsetMinutes);
  const catd = a.catd === null ? null : (op.porCatd.get(a.catd) ?? null);
  const r = a.registro;
  if (r.tipo === 'pendiente' || r.tipo === 'ilegible' || r.tipo === 'sin_seccion' || catd === null) return [];
  const acopio = (extra: Record<string, unknown>): Paso => ({
    paso: 'ACOPIO',
    operador: catd,
    ruta: '/api/v1/acopio',
    cuerpo: { ...extra, fechaHora: iso(a.tiempos.acopio), ...(a.mecanismo !== null ? { mecanismoTraslado: a.mecanismo } : {}) },
  });
  const imagen = (clave: string, operador: string): Paso => ({
    paso: 'IMAGEN',
    operador,
    ruta: rutaActa(clave, 'imagen'),
    consulta: { origen: a.imagen.origen, digitalizacion: a.imagen.digitalizacion, tipoDocumento: a.imagen.tipoDocumento, fechaHora: iso(a.tiempos.acopio) },
  });
  const capturas = (clave: string, captura: Captura) => capturasDe(a, op, clave, captura, iso);
  switch (r.tipo) {
    case 'sin_acta':
      return [acopio({ clave: a.clave!, sinActa: r.motivo })];
    case 'captura': {
      const clave = a.clave!;
      const desdeCasilla = a.imagen.origen === 'CASILLA' && op.casilla !== null;
      const pasosImagen = desdeCasilla ? [imagen(clave, op.casilla!), acopio({ clave })] : [acopio({ clave }), imagen(clave, catd)];
      return [...pasosImagen, ...capturas(clave, r.captura)];
    }
    case 'fuera_catalogo':
      return [acopio({ identificacion: a.identificacion }), imagen(CLAVE, catd), ...(r.captura !== null ? capturas(CLAVE, r.captura) : [])];
  }
}
