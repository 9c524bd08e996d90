/**
 * A sección of the newest corte, as its view and consulta tu casilla read it: pointer → its group of secciones
 * (`secciones/<g>`) → its shard, never the entidad, a parent or the index of every sección. Its own module, loaded
 * with the sección and acta views (and by consulta), so the entidad and territory views do not carry the readers
 * of actas on their first load. A sección as of a past corte is read the same way (publicacionSeccionPasada.ts),
 * through the groups that corte's entidad shard names instead of the pointer's.
 */
import {
  actaDeFila,
  grupoDeSeccion,
  leerActa,
  resultadosDeFila,
  rutaShard,
  shardIds,
  tablaDeBloque,
  type GrupoSeccionesShard,
  type GruposDeSecciones,
  type SeccionShard,
} from '../../worker/domain/contrato/index.ts';
import { NoExiste } from './fallas.ts';
import type { ConsultaSeccion, CorteInfo, EleccionInfo, VistaSeccion } from './modelo.ts';
import { corteInfo, dentroDe, elecciones, lector, url, type Puntero } from './publicacion.ts';
import { obtenerJson } from './recursos.ts';

/**
 * The group of secciones a sección number falls in (`secciones/<g>`) among `grupos` (a corte's: the pointer's, or
 * a past corte's entidad shard's), or null when that corte has none there.
 */
function grupoSecciones(entidad: number, grupos: GruposDeSecciones, seccion: number): Promise<GrupoSeccionesShard> | null {
  const g = grupoDeSeccion(seccion);
  const h = grupos.grupos[g];
  if (!h) return null;
  return obtenerJson(url(rutaShard(entidad, shardIds.grupoSecciones(g), h)), lector<GrupoSeccionesShard>(['secciones']));
}

/**
 * A sección's shard and the party catalogue of the corte whose groups are `grupos`, through its group's shard
 * (group → sección: never the entidad, a parent or the `territorios` index); null when that corte has no such sección.
 */
export async function seccionYCatalogo(entidad: number, grupos: GruposDeSecciones, seccion: number): Promise<{ sh: SeccionShard; catalogo: GrupoSeccionesShard['catalogo'] } | null> {
  const grupo = await grupoSecciones(entidad, grupos, seccion);
  const f = grupo?.secciones.find((x) => x.id === seccion);
  if (!grupo || !f) return null;
  const sh = await obtenerJson(url(rutaShard(entidad, shardIds.seccion(seccion), f.h)), lector<SeccionShard>(['seccion']));
  return { sh, catalogo: grupo.catalogo };
}

/** One election's block of a sección shard of corte `corte` as its view; null when the sección has no actas of it. */
export function vistaSeccion(corte: CorteInfo, eleccion: EleccionInfo, sh: SeccionShard, catalogo: GrupoSeccionesShard['catalogo']): VistaSeccion | null {
  const e = sh.elecciones.find((x) => x.codigo === eleccion.codigo);
  if (!e) return null;
  const tabla = tablaDeBloque(sh, e);
  return {
    corte,
    eleccion,
    catalogo,
    seccion: sh.seccion,
    distrito: sh.distrito,
    municipio: sh.municipio,
    ...resultadosDeFila(e, tabla),
    actas: e.actas.map((a) => leerActa(actaDeFila(a, sh.seccion), tabla.columnas, sh.entidad)),
  };
}

/** The pointer's election as a view's (without its routes). */
function eleccionDe(p: Puntero, codigo: string): EleccionInfo {
  const e = p.elecciones.find((x) => x.codigo === codigo);
  if (!e) throw new NoExiste('eleccion', codigo, elecciones(p));
  return { codigo: e.codigo, nombre: e.nombre, territorio: e.territorio };
}

/** A sección of one election: pointer → its group → its shard (~2 small objects, whatever the route names). */
export async function cargarSeccion(p: Puntero, codigo: string, seccion: number): Promise<VistaSeccion> {
  const eleccion = eleccionDe(p, codigo);
  const r = await seccionYCatalogo(p.entidad.id, p.secciones, seccion);
  const v = r && vistaSeccion(corteInfo(p), eleccion, r.sh, r.catalogo);
  if (!v) throw new NoExiste('seccion', seccion, dentroDe(eleccion));
  return v;
}

/** Consulta tu casilla: a sección in every election of the corte, from one group and one sección shard. */
export async function cargarConsulta(p: Puntero, seccion: number): Promise<ConsultaSeccion | null> {
  const r = await seccionYCatalogo(p.entidad.id, p.secciones, seccion);
  if (!r) return null;
  const porEleccion = p.elecciones.flatMap((e) => vistaSeccion(corteInfo(p), eleccionDe(p, e.codigo), r.sh, r.catalogo) ?? []);
  return { seccion, municipio: r.sh.municipio, porEleccion };
}

