/** Text formatting shared by the reports of the local scripts (the bench section of BENCHMARKS.md, the simulacro summary). */

/**
 * A duration as `M min S s`. The whole seconds come from `redondear` (the bench report truncates, the simulacro
 * summary rounds) and are split after, so a rounded 119.7 s reads `2 min 0 s`, never `1 min 60 s`.
 */
export function minutosYSegundos(segundos: number, redondear: (x: number) => number = Math.floor): string {
  const total = redondear(segundos);
  return `${Math.floor(total / 60)} min ${total % 60} s`;
}
