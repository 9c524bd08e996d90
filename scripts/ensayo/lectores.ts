/**
 * The rehearsal's readers: each one, every `cadaMs`, loads a portal page as a new visitor would
 * (site/lib/publicacion.ts): the `latest` pointer (conditional, with the ETag it last saw), the notice, one
 * election's entidad shard, one of its distrito or municipio shards and one sección of that territory, picked at
 * random, as its view reads it (site/lib/publicacionSeccion.ts): its group of secciones, then its shard. Before
 * the first corte the pointer answers 404 and the reader waits for the next round.
 */
import {
  grupoDeSeccion,
  RUTA_AVISO,
  RUTA_LATEST_RAIZ,
  rutaShard,
  shardIds,
  type EntidadShard,
  type GrupoSeccionesShard,
  type Puntero,
  type TerritorioShard,
} from '../../worker/domain/contrato/index.ts';
import { medirGet, type Muestra } from './medicion.ts';

const NAVEGADOR = { accept: 'application/json', 'accept-encoding': 'gzip, br' };

export interface OpcionesLectores {
  base: string;
  lectores: number;
  cadaMs: number;
  hastaMs: number;
  limiteMs: number;
  /** Random number in [0, 1). */
  azar: () => number;
}

function elegir<T>(xs: readonly T[], azar: () => number): T | undefined {
  return xs[Math.floor(azar() * xs.length)];
}

async function leerJson<T>(o: OpcionesLectores, ruta: string, muestras: Muestra[], extra: Record<string, string> = {}): Promise<{ json: T | null; etag: string | null; status: number }> {
  const { muestra, respuesta, cuerpo } = await medirGet(`${o.base}/${ruta}`, { ...NAVEGADOR, ...extra }, o.limiteMs);
  muestras.push(muestra);
  if (respuesta === null || muestra.status !== 200) return { json: null, etag: null, status: muestra.status };
  try {
    return { json: JSON.parse(cuerpo) as T, etag: respuesta.headers.get('etag'), status: 200 };
  } catch {
    return { json: null, etag: null, status: 200 };
  }
}

/** One page load; returns the pointer's ETag and the pointer to keep. */
async function visita(o: OpcionesLectores, muestras: Muestra[], previo: { puntero: Puntero | null; etag: string | null }) {
  const l = await leerJson<Puntero>(o, RUTA_LATEST_RAIZ, muestras, previo.etag ? { 'if-none-match': previo.etag } : {});
  const puntero = l.json ?? (l.status === 304 ? previo.puntero : null);
  const etag = l.json ? l.etag : previo.etag;
  await leerJson(o, RUTA_AVISO, muestras);
  const eleccion = puntero && elegir(puntero.elecciones, o.azar);
  if (!puntero || !eleccion) return { puntero, etag };
  const ent = (await leerJson<EntidadShard>(o, eleccion.ruta, muestras)).json;
  if (!ent) return { puntero, etag };
  const nivel = ent.eleccion.territorio === 'municipio' ? 'municipio' : 'distrito';
  const fila = elegir(nivel === 'municipio' ? ent.municipios : ent.distritos, o.azar);
  if (!fila) return { puntero, etag };
  const ter = (await leerJson<TerritorioShard>(o, rutaShard(puntero.entidad.id, shardIds[nivel](eleccion.codigo, fila.id), fila.h), muestras)).json;
  const seccion = ter && elegir(ter.secciones, o.azar);
  if (seccion) await leerSeccion(o, puntero, seccion[0], muestras);
  return { puntero, etag };
}

/** A sección's view: the pointer's group of secciones that holds it, then the shard its row there names. */
async function leerSeccion(o: OpcionesLectores, puntero: Puntero, id: number, muestras: Muestra[]): Promise<void> {
  const g = grupoDeSeccion(id);
  const h = puntero.secciones.grupos[g];
  if (!h) return;
  const grupo = (await leerJson<GrupoSeccionesShard>(o, rutaShard(puntero.entidad.id, shardIds.grupoSecciones(g), h), muestras)).json;
  const fila = grupo?.secciones.find((x) => x.id === id);
  if (fila) await leerJson(o, rutaShard(puntero.entidad.id, shardIds.seccion(id), fila.h), muestras);
}

const dormir = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Runs the readers until `hastaMs` (epoch ms); every request's measure goes to `muestras`. */
export async function correrLectores(o: OpcionesLectores, muestras: Muestra[]): Promise<void> {
  await Promise.all(
    Array.from({ length: o.lectores }, async (_, i) => {
      // Readers start spread over one interval, as visitors do, not all at the same instant.
      await dormir(Math.min((o.cadaMs * i) / o.lectores, Math.max(0, o.hastaMs - Date.now())));
      let estado: { puntero: Puntero | null; etag: string | null } = { puntero: null, etag: null };
      while (Date.now() < o.hastaMs) {
        const t0 = Date.now();
        estado = await visita(o, muestras, estado);
        await dormir(Math.max(0, Math.min(o.cadaMs - (Date.now() - t0), o.hastaMs - Date.now())));
      }
    }),
  );
}
