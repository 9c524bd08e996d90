/**
 * The PREP Casilla devices a replay creates: one per sección, bound to the casillas of that sección the file says
 * were photographed at the casilla (the phone of the electoral assistant who visits them, as the simulacro's staff),
 * instead of the plan's single device bound to all of them. Why: the API reads the sending operator's credential
 * on every request, and the credential carries the device's casillas (built as a JSON list by D1, then parsed and
 * validated by the Worker), so one device bound to the 6,037 casillas of Puebla 2019 paid for that list on each of
 * its image uploads, a cost no real phone has (docs/BENCHMARKS.md, "Replay of a real PREP database"). The plan and
 * its steps keep naming the plan's device; the sender asks `operadorDe` which device sends each step. Pure.
 */
import type { OperadorNuevo } from '../../worker/domain/captura/operador-nuevo.ts';
import { parseClaveCasilla } from '../../worker/domain/claves/clave.ts';
import type { OperadoresReplay } from './plan.ts';

export interface Dispositivos {
  /** The operators to create: the plan's, with its PREP Casilla device split by sección. */
  todos: OperadorNuevo[];
  /** Who sends a step the plan gives to `operador` for an acta of casilla `casilla`: its sección's device, or `operador`. */
  operadorDe(operador: string, casilla: string | null): string;
}

const seccionDe = (casilla: string): number | null => {
  const c = parseClaveCasilla(casilla);
  return c.ok ? c.value.seccion : null;
};

/** The device of sección `seccion`, named after the plan's device (ids stay within 40 characters: sección ≤ 9999). */
const idDispositivo = (base: string, seccion: number) => `${base.slice(0, 34)}-${seccion}`;

export function dispositivosPorSeccion(op: Pick<OperadoresReplay, 'casilla' | 'todos'>): Dispositivos {
  const base = op.casilla;
  const dispositivo = base === null ? undefined : op.todos.find((o) => o.id === base);
  if (base === null || dispositivo === undefined) return { todos: [...op.todos], operadorDe: (operador) => operador };
  const porSeccion = new Map<number, string[]>();
  for (const c of dispositivo.casillas) {
    const s = seccionDe(c);
    // A clave that does not parse stays with the plan's device (the API refuses it as the plan would have).
    if (s === null) continue;
    const lista = porSeccion.get(s) ?? [];
    lista.push(c);
    porSeccion.set(s, lista);
  }
  const sueltas = dispositivo.casillas.filter((c) => seccionDe(c) === null);
  const propios = [...porSeccion].map(([s, casillas]) => ({ ...dispositivo, id: idDispositivo(base, s), nombre: `${dispositivo.nombre}, sección ${s}`, casillas }));
  const todos = op.todos.flatMap((o) => (o !== dispositivo ? [o] : [...(sueltas.length > 0 ? [{ ...o, casillas: sueltas }] : []), ...propios]));
  return {
    todos,
    operadorDe: (operador, casilla) => {
      if (operador !== base || casilla === null) return operador;
      const s = seccionDe(casilla);
      return s !== null && porSeccion.get(s)?.includes(casilla) ? idDispositivo(base, s) : operador;
    },
  };
}
