/**
 * The portal's access pattern as a list of requests (site/lib/publicacion.ts, sondeo.ts, aviso.ts): a viewer
 * polls `datos/latest.json` with the ETag it holds, reads the notice, opens its election's entidad shard, one
 * distrito or municipio shard and one sección, through its group of secciones (shard version 5: the sección view
 * always reads the group, site/lib/publicacionSeccion.ts). Viewer i is deterministic: the elections, the territorios
 * and a fixed set of secciones are taken in turn, so 1,000 viewers already open every territorio and every
 * sección of that set once, and 10,000 viewers open the same pages ten times: more viewers of the same pages is
 * what the edge cache must absorb.
 */
import { RUTA_AVISO, RUTA_LATEST_RAIZ, grupoDeSeccion, shardIds, type Manifiesto, type Puntero } from '../../../worker/domain/contrato/index.ts';

export interface PeticionLectura {
  ruta: string;
  encabezados: Record<string, string>;
}

/** What a browser sends with every fetch of the portal. */
const NAVEGADOR = { accept: 'application/json', 'accept-encoding': 'gzip, deflate, br, zstd' };

/** How many secciones the viewers open (the first of `ordenSecciones`). */
export const SECCIONES_VISTAS = 1000;

/** The secciones in a fixed pseudo-random order (not by id: neighbours would share a distrito). */
export function ordenSecciones(ids: readonly number[]): number[] {
  const mezcla = (n: number) => Math.imul(n ^ (n >>> 15), 0x2c1b3c6d) >>> 0;
  return [...ids].sort((a, b) => mezcla(a) - mezcla(b) || a - b);
}

export interface Vistas {
  /** Per election, in the pointer's order: its entidad shard and its distrito and municipio shards. */
  elecciones: { entidad: string; territorios: string[] }[];
  /** The secciones the viewers open, in `ordenSecciones` order: each one's group shard and its own. */
  secciones: { grupo: string; seccion: string }[];
}

/** The shards of one corte a viewer may open. */
export function vistasDe(p: Puntero, m: Manifiesto, orden: readonly number[]): Vistas {
  const porId = new Map(m.shards.map((s) => [s.id, s.ruta]));
  const elecciones = p.elecciones.map((e) => ({
    entidad: e.ruta,
    territorios: m.shards.filter((s) => s.id.startsWith(`${e.codigo}/distrito/`) || s.id.startsWith(`${e.codigo}/municipio/`)).map((s) => s.ruta),
  }));
  const secciones = orden.slice(0, SECCIONES_VISTAS).flatMap((id) => {
    const seccion = porId.get(shardIds.seccion(id));
    const grupo = porId.get(shardIds.grupoSecciones(grupoDeSeccion(id)));
    return seccion && grupo ? [{ grupo, seccion }] : [];
  });
  return { elecciones, secciones };
}

/** Every object of `vistas` once: what a cold edge location reads the first time. */
export function todasLasVistas(v: Vistas): PeticionLectura[] {
  const grupos = new Set(v.secciones.map((s) => s.grupo));
  const rutas = [...v.elecciones.flatMap((e) => [e.entidad, ...e.territorios]), ...grupos, ...v.secciones.map((s) => s.seccion)];
  return rutas.map((r) => ({ ruta: `/${r}`, encabezados: { ...NAVEGADOR } }));
}

/** The requests of `n` viewers; `etag`: the pointer's ETag they hold from the previous corte (null: first visit). */
export function espectadores(n: number, v: Vistas, etag: string | null): PeticionLectura[] {
  const out: PeticionLectura[] = [];
  const polling = etag === null ? { ...NAVEGADOR } : { ...NAVEGADOR, 'if-none-match': etag };
  for (let i = 0; i < n; i++) {
    const e = v.elecciones[i % v.elecciones.length]!;
    const t = e.territorios[Math.floor(i / v.elecciones.length) % e.territorios.length]!;
    const s = v.secciones[i % v.secciones.length]!;
    out.push(
      { ruta: `/${RUTA_LATEST_RAIZ}`, encabezados: polling },
      { ruta: `/${RUTA_AVISO}`, encabezados: { ...NAVEGADOR } },
      { ruta: `/${e.entidad}`, encabezados: { ...NAVEGADOR } },
      { ruta: `/${t}`, encabezados: { ...NAVEGADOR } },
      { ruta: `/${s.grupo}`, encabezados: { ...NAVEGADOR } },
      { ruta: `/${s.seccion}`, encabezados: { ...NAVEGADOR } },
    );
  }
  return out;
}
