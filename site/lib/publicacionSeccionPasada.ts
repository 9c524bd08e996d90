/**
 * A sección as of a past corte (issue 15), loaded on demand with that view only (components/CortePasado.tsx). The
 * historial names a past corte's entidad shards but not its groups of secciones (its pointer was rewritten); each
 * entidad shard names them (`secciones`, as the pointer does), so the way down is that corte's entidad shard → the
 * sección's group → the sección shard, each content-addressed, the newest corte's way (publicacionSeccion.ts) from
 * another start. Its own module, so neither the past territories' view nor the newest sección's carries it.
 */
import type { Historial } from '../../worker/domain/contrato/index.ts';
import { NoExiste } from './fallas.ts';
import type { VistaSeccion } from './modelo.ts';
import { dentroDe, type Puntero } from './publicacion.ts';
import { entidadPasada, esSinCorte, siExiste, type SinCortePasado } from './publicacionPasada.ts';
import { seccionYCatalogo, vistaSeccion } from './publicacionSeccion.ts';

/**
 * Sección `s` of election `e` as past corte `numero` of historial `h` (read with pointer `p`) published it: its
 * figures and its actas as that corte's sección shard lists them, labelled with that corte. A group or sección
 * shard that is gone is `sin-datos`, as the entidad shard's is.
 */
export async function cargarSeccionPasada(h: Historial, p: Puntero, { e, s }: { e: string; s: number }, numero: number): Promise<VistaSeccion | SinCortePasado> {
  const r = await entidadPasada(h, p, e, numero);
  if (esSinCorte(r)) return r;
  const sc = await siExiste(() => seccionYCatalogo(p.entidad.id, r.ent.secciones, s));
  if (sc !== null && esSinCorte(sc)) return sc;
  const v = sc && vistaSeccion(r.corte, r.ent.eleccion, sc.sh, sc.catalogo);
  if (!v) throw new NoExiste('seccion', s, dentroDe(r.ent.eleccion));
  return v;
}
