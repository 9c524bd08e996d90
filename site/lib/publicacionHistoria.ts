/**
 * The night over time's loading (components/Noche.tsx), beside `publicacion.ts` and built on it: kept apart so its
 * code arrives with the chart's, on demand, and the entidad view's first load does not grow.
 */
import { shardIds, type EntidadShard, type Manifiesto } from '../../worker/domain/contrato/index.ts';
import { muestrear, puntoDe, type PuntoNoche } from './historia.ts';
import { entidadShard, historial, lector, url, type Puntero } from './publicacion.ts';
import { obtenerJson } from './recursos.ts';

/**
 * The night over time of one election's entidad (components/Noche.tsx): at most `MAXIMO_CORTES` cortes of the
 * historial, evenly spread, each read from its own entidad shard (named by its historial entry; in older entries,
 * through its manifest), immutable and so fetched once. The newest corte's shard is the pointer's. `de` says how many cortes the night has.
 */
export async function cargarHistoria(p: Puntero, eleccion: string): Promise<{ puntos: PuntoNoche[]; de: number }> {
  const h = await historial(p);
  // Cortes published after this pointer was read are left for the next one.
  const cortes = h.cortes.filter((c) => c.numero <= p.numero);
  const id = shardIds.entidad(eleccion);
  const puntos = await Promise.all(
    muestrear(cortes).map(async (c) => {
      if (c.manifiesto.sha256 === p.manifiesto.sha256) return puntoDe(c, (await entidadShard(p, eleccion)).resultados);
      // The entry names its entidad shards; older entries only through their manifest (a large file).
      const ref = c.elecciones ? c.elecciones.find((e) => e.codigo === eleccion) : (await obtenerJson(url(c.manifiesto.ruta), lector<Manifiesto>(['manifiesto']))).shards.find((s) => s.id === id);
      // An election a past corte did not publish yet has no point there.
      if (!ref) return null;
      return puntoDe(c, (await obtenerJson(url(ref.ruta), lector<EntidadShard>(['entidad']))).resultados);
    }),
  );
  return { puntos: puntos.filter((x) => x !== null), de: cortes.length };
}
