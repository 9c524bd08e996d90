/**
 * The verifier's comparison: each field of the acta's ballot with the figure of every capture of the round, whether
 * they differ, and the body of the resolution from what the verifier chose per field (a capture's figure or a
 * correction they typed). Pure: the screen and its tests share it.
 */
import { ILEGIBLE, SIN_DATO, type Total, type Valor } from '../../../../worker/domain/contrato/index.ts';
import type { CampoFormulario } from '../captura/campos.ts';
import type { CuerpoCaptura } from '../captura/tipos.ts';
import { valorDe, type Entrada } from '../captura/valores.ts';

/** One capture of the round as the timeline gives it (GET …/historial, visible to verifiers). */
export interface CapturaRonda {
  n: number;
  operador: string;
  captura: CuerpoCaptura;
}

export interface FilaComparada {
  campo: CampoFormulario;
  /** The figure of each capture, in the order of `capturas`. */
  valores: Valor[];
  difiere: boolean;
}

/** What the verifier chose for one field: the figure of capture `n`, or a correction typed as in the capture form. */
export type Eleccion = { n: number } | { correccion: Entrada };

function valorEn(c: CuerpoCaptura, campo: CampoFormulario): Valor {
  const v = campo.grupo === 'voto' ? c.votos[campo.clave] : c.totales[campo.clave as Total];
  // A field the capture lacks cannot happen through the API (captures are checked against the ballot); Sin dato
  // keeps the comparison honest if it ever did.
  return v ?? SIN_DATO;
}

export function comparar(campos: readonly CampoFormulario[], capturas: readonly CapturaRonda[]): FilaComparada[] {
  return campos.map((campo) => {
    const valores = capturas.map((k) => valorEn(k.captura, campo));
    return { campo, valores, difiere: valores.some((v) => v !== valores[0]) };
  });
}

/** The figure that stands for a field: the agreed one, or the verifier's choice; null while a difference is open. */
export function valorElegido(f: FilaComparada, capturas: readonly CapturaRonda[], e: Eleccion | undefined): Valor | null {
  if (!f.difiere) return f.valores[0] ?? null;
  if (e === undefined) return null;
  if ('n' in e) {
    const i = capturas.findIndex((k) => k.n === e.n);
    return i < 0 ? null : f.valores[i]!;
  }
  return e.correccion === '' ? null : valorDe(e.correccion);
}

/** The differing fields still without a figure. */
export function pendientes(filas: readonly FilaComparada[], capturas: readonly CapturaRonda[], elecciones: Readonly<Record<string, Eleccion>>): FilaComparada[] {
  return filas.filter((f) => valorElegido(f, capturas, elecciones[f.campo.clave]) === null);
}

/** The body of POST …/verificacion with resolución CAPTURA; null while any difference is open. */
export function cuerpoResolucion(
  filas: readonly FilaComparada[],
  capturas: readonly CapturaRonda[],
  elecciones: Readonly<Record<string, Eleccion>>,
): { resolucion: 'CAPTURA'; captura: CuerpoCaptura } | null {
  const votos: CuerpoCaptura['votos'] = {};
  // Totals the acta does not print are not on screen: they keep the first capture's (the API wants all five).
  const totales = { ...capturas[0]?.captura.totales } as CuerpoCaptura['totales'];
  for (const f of filas) {
    const v = valorElegido(f, capturas, elecciones[f.campo.clave]);
    if (v === null) return null;
    if (f.campo.grupo === 'voto') votos[f.campo.clave] = v;
    else totales[f.campo.clave as Total] = v;
  }
  return { resolucion: 'CAPTURA', captura: { votos, totales } };
}

/** A figure as a person reads it. */
export function textoValor(v: Valor): string {
  return v === ILEGIBLE ? 'Ilegible' : v === SIN_DATO ? 'Sin dato' : new Intl.NumberFormat('es-MX').format(v);
}
