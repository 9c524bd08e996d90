/**
 * The answer a citizen looks for first (components/Respuesta.tsx): which candidatura leads, by how many votes and
 * percentage points over the second. Shares are the domain's truncated 4-decimal percentages of all votes of the
 * counted actas (as the bar charts show them), and the margin in points is their exact difference, in integer
 * ten-thousandths, so it always equals what a reader subtracts from the table.
 */
import { porcentajeTruncado, valorPorcentaje } from '../../worker/domain/contrato/index.ts';

export interface Puesto {
  id: string;
  votos: number;
  /** Share of the total, truncated to 4 decimals (12.3456). */
  porcentaje: number;
}

export type Respuesta =
  | { tipo: 'sin-votos' }
  /** Two or more candidaturas share the most votes. */
  | { tipo: 'empate'; empatados: Puesto[] }
  | { tipo: 'lider'; primero: Puesto; segundo: Puesto | null; ventajaVotos: number; ventajaPuntos: number };

/** Most votes first; equal votes by id, so the order never depends on the object's key order. */
function ordenados(candidaturas: Readonly<Record<string, number>>, total: number): Puesto[] {
  return Object.entries(candidaturas)
    .filter(([, votos]) => votos > 0)
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .map(([id, votos]) => ({ id, votos, porcentaje: valorPorcentaje(porcentajeTruncado(votos, total)) }));
}

/**
 * Leader and margin among the candidaturas (votes per candidatura), over `total` (TOTAL_VOTOS_C_CS: nulos and no
 * registradas count in the denominator, not as rivals).
 */
export function respuestaDe(candidaturas: Readonly<Record<string, number>>, total: number): Respuesta {
  const lista = ordenados(candidaturas, total);
  const [primero, segundo] = lista;
  if (!primero) return { tipo: 'sin-votos' };
  if (segundo && segundo.votos === primero.votos) return { tipo: 'empate', empatados: lista.filter((p) => p.votos === primero.votos) };
  const unidades = (p: Puesto | undefined) => (p ? porcentajeTruncado(p.votos, total) : 0);
  return {
    tipo: 'lider',
    primero,
    segundo: segundo ?? null,
    ventajaVotos: primero.votos - (segundo?.votos ?? 0),
    ventajaPuntos: valorPorcentaje(unidades(primero) - unidades(segundo)),
  };
}

/** The election the answer block of inicio speaks of: the one contested entidad-wide (gubernatura), else the first. */
export function principal<T extends { eleccion: { territorio: string } }>(elecciones: readonly T[]): T | undefined {
  return elecciones.find((r) => r.eleccion.territorio === 'entidad') ?? elecciones[0];
}
