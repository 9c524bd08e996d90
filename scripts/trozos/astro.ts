/**
 * How the portal's browser code is split into files (issue 15: the entidad view's first load ≤ 20 KB of
 * JavaScript, gzip). Left to itself the bundler makes one file for every set of entries that share a module,
 * counting each view loaded on demand as an entry, and the entidad view's first load came in ~20 small files;
 * gzip compresses each alone, so the same code weighed ~5 KB more than in a few larger ones.
 *
 * So each module the entidad view loads first goes into one file per set of pages that load it first:
 * `eleccion` (the entidad view alone), `portal` (with the other public pages), `difusion` (with them and the
 * difusor widget), `operacion` (with them and the operators' pages, CATD and consola) and `base` (with every
 * page). No page loads code it does not use first, and the widget and the operators' pages keep their own.
 * A module only loaded on demand (an acta, a sección, a map) is not grouped: the bundler splits those as it does.
 * An Astro page script is never grouped either: it runs when its file is evaluated, so a page that loads a shared
 * file must not run another page's script.
 */

interface Modulo {
  id: string;
  isEntry: boolean;
  importers: readonly string[];
}
interface Contexto {
  getModuleInfo(id: string): Modulo | null;
}

/** The pages that load an entry first: E the entidad view, P another public page, W the widget, O an operator's. */
function paginas(entrada: string): string {
  if (/[\\/]site[\\/](components|pages)[\\/](catd|consola)[\\/]/.test(entrada)) return 'O';
  if (/[\\/]site[\\/]pages[\\/]difusor[\\/]/.test(entrada)) return 'W';
  if (/[\\/]site[\\/]pages[\\/]eleccion[\\/]/.test(entrada)) return 'E';
  // Astro's Preact renderer loads with every island (the entidad view has none, see its page); the layout's
  // scripts run on every public page.
  if (/node_modules[\\/]@astrojs[\\/]preact[\\/]/.test(entrada)) return 'OP';
  if (/[\\/]site[\\/]components[\\/](BandaSimulacro|AvisoInstitucional)\.astro\?/.test(entrada)) return 'EP';
  return 'P';
}

/** The entries that load `id` first: those it is reached from through static imports. */
function entradas(id: string, ctx: Contexto): string[] {
  const encontradas: string[] = [];
  const vistos = new Set([id]);
  const pendientes = [id];
  while (pendientes.length > 0) {
    const m = ctx.getModuleInfo(pendientes.pop()!);
    if (!m) continue;
    if (m.isEntry) encontradas.push(m.id);
    for (const i of m.importers) if (!vistos.has(i)) vistos.add(i) && pendientes.push(i);
  }
  return encontradas;
}

/** The file of each set of pages that load a module first, for the sets the entidad view is in. */
const ARCHIVO: Record<string, string> = { E: 'eleccion', EP: 'portal', EPW: 'difusion', EOP: 'operacion', EOPW: 'base' };

/** Which of the files above `id` goes into, or null to leave it to the bundler. */
export function archivoDe(id: string, ctx: Contexto): string | null {
  if (/\.astro\?astro&type=script/.test(id)) return null;
  const conjunto = new Set(entradas(id, ctx).flatMap((e) => [...paginas(e)]));
  return ARCHIVO[[...conjunto].sort().join('')] ?? null;
}

/**
 * Rolldown's `output.codeSplitting` groups for the client build. A group also takes the modules its modules
 * import, unless a group of higher priority has them: a module's imports are loaded first by at least the same
 * pages, so the group of more pages goes first.
 */
export function trozos() {
  return {
    groups: Object.entries(ARCHIVO).map(([conjunto, archivo]) => ({
      name: (id: string, ctx: Contexto) => (archivoDe(id, ctx) === archivo ? archivo : null),
      priority: conjunto.length,
    })),
  };
}
