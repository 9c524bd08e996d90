/**
 * A sección as of a past corte (issue 15), loaded on demand with that view only (components/CortePasado.tsx). The
 * historial names a past corte's entidad shards but not its groups of secciones (its pointer was rewritten), so the
 * way down is the one the corte's own rows give: its entidad shard → the sección's distrito or municipio shard →
 * the sección shard, each content-addressed. Its own module, so neither the past territories' view nor the newest
 * sección's carries it.
 */
import { rutaShard, shardIds, type Historial, type SeccionShard } from '../../worker/domain/contrato/index.ts';
import { NoExiste } from './fallas.ts';
import type { VistaSeccion } from './modelo.ts';
import { dentroDe, lector, url, type Puntero } from './publicacion.ts';
import { entidadPasada, esSinCorte, siExiste, territorioDe, type SinCortePasado } from './publicacionPasada.ts';
import { cargarSeccion, vistaSeccion } from './publicacionSeccion.ts';
import { obtenerJson } from './recursos.ts';
import { padreDe } from './ruta.ts';

/**
 * Sección `s` of election `e` as past corte `numero` of historial `h` (read with pointer `p`) published it: its
 * figures and its actas as that corte's sección shard lists them, labelled with that corte. Where the sección lies
 * is the catalogue's, the same all night: the newest corte's sección shard says it (the newest view under this one
 * has already read it: no request more), whatever parent the route names.
 */
export async function cargarSeccionPasada(h: Historial, p: Puntero, { e, s }: { e: string; s: number }, numero: number): Promise<VistaSeccion | SinCortePasado> {
  const r = await entidadPasada(h, p, e, numero);
  if (esSinCorte(r)) return r;
  const padre = padreDe(r.ent.eleccion.territorio, await cargarSeccion(p, e, s));
  const sh = await siExiste(async () => {
    const t = await territorioDe(p, r.ent, padre.nivel, padre.id);
    const f = t.secciones.find((x) => x.id === s);
    return f ? obtenerJson(url(rutaShard(p.entidad.id, shardIds.seccion(s), f.h)), lector<SeccionShard>(['seccion'])) : null;
  });
  if (sh !== null && esSinCorte(sh)) return sh;
  const v = sh && vistaSeccion(r.corte, r.ent.eleccion, sh, r.ent.catalogo);
  if (!v) throw new NoExiste('seccion', s, dentroDe(r.ent.eleccion));
  return v;
}
