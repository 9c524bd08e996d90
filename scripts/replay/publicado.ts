/**
 * Our publication read back as anyone reads it (docs/REGLAS.md §7, worker/domain/corte/rutas.ts): `datos/latest.json`,
 * the corte's open-data zip and, per election, its results CSV and its entidad shard. The source is a function
 * from key to bytes (HTTP in the replay script, a Map in the tests). Pure apart from that source.
 */
import { strFromU8, unzipSync } from 'fflate';
import { nombreCsvResultados } from '../../worker/domain/corte/leeme.ts';
import { RUTA_LATEST_RAIZ } from '../../worker/domain/contrato/index.ts';
import { EntidadShardSchema, PunteroSchema } from '../../worker/domain/corte/shards.ts';
import { leerCsvResultados } from '../../worker/domain/corte/verificar-csv.ts';
import type { NuestroPublicado } from './comparar.ts';
import type { PlanReplay } from './plan.ts';

export type LeerObjeto = (ruta: string) => Promise<Uint8Array | null>;

export interface Publicado {
  porEleccion: Map<string, NuestroPublicado | null>;
  /** What is wrong with our publication as a whole (Spanish): each one is a difference of ours. */
  problemas: string[];
}

/** UTF-8 text keeping a leading BOM (TextDecoder drops it by default; the results CSV must start with it). */
const texto = (b: Uint8Array) => new TextDecoder('utf-8', { ignoreBOM: true }).decode(b);

async function json(leer: LeerObjeto, ruta: string): Promise<unknown> {
  const b = await leer(ruta);
  if (b === null) throw new Error(`no existe /${ruta}`);
  return JSON.parse(strFromU8(b));
}

export async function leerPublicado(leer: LeerObjeto, plan: PlanReplay): Promise<Publicado> {
  const problemas: string[] = [];
  const puntero = PunteroSchema.parse(await json(leer, RUTA_LATEST_RAIZ));
  if (puntero.corte !== plan.corte.texto) problemas.push(`nuestro corte dice «${puntero.corte}»; el archivo, «${plan.corte.texto}»`);
  if (puntero.final !== plan.final) problemas.push(`nuestro corte ${puntero.final ? 'es' : 'no es'} final y se pidió ${plan.final ? '' : 'no '}final`);
  const bytesZip = await leer(puntero.abiertos.ruta);
  if (bytesZip === null) throw new Error(`no existe /${puntero.abiertos.ruta}`);
  const zip = unzipSync(bytesZip);
  const porEleccion = new Map<string, NuestroPublicado | null>();
  for (const e of plan.elecciones) {
    const nombre = Object.keys(zip).find((k) => k.endsWith(`_PREP_${e.codigo}/${nombreCsvResultados(e.codigo)}`));
    const csv = nombre === undefined ? null : leerCsvResultados(texto(zip[nombre]!));
    if (csv === null || !csv.ok) {
      problemas.push(`${e.codigo}: ${csv === null ? 'el zip del corte no trae su CSV de resultados' : `nuestro CSV no se lee: línea ${csv.error.linea}: ${csv.error.mensaje}`}`);
      porEleccion.set(e.codigo, null);
      continue;
    }
    const ref = puntero.elecciones.find((x) => x.codigo === e.codigo);
    let shard: NuestroPublicado['shard'] = null;
    if (ref) {
      const s = EntidadShardSchema.parse(await json(leer, ref.ruta));
      shard = { figuras: s.resultados.figuras, votos: s.resultados.votos };
    } else problemas.push(`${e.codigo}: el corte no publica su shard de la entidad`);
    porEleccion.set(e.codigo, { csv: csv.value, shard });
  }
  return { porEleccion, problemas };
}
