/**
 * The territory view (VistaTerritorio.tsx: figures, votes by candidatura and by party, the leaders' map, the
 * table of territories) fetched on demand, so the entidad view's first load carries only its first screen —
 * who leads, by how much, how much is counted, which corte — (issue 15: ≤ 20 KB of JavaScript). A view that
 * will show it calls `precargar()` when it starts loading its data, so the code usually arrives first; if not,
 * the "Cargando…" line (a screen tall) holds its place below what is already shown, which does not move.
 */
import { perezoso } from './perezoso.tsx';

export const Cargando = () => <p class="cargando-cuerpo">Cargando…</p>;

export default perezoso(() => import('./VistaTerritorio.tsx'), Cargando);
