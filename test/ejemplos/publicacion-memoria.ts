/**
 * A publication kept in a Map (R2 key → bytes), built by the same domain functions the corte job uses and with
 * the same keys: for tests of the verifier and of `npm run verify` without a Worker. Test support only.
 */
import type { ActaPublicada } from '../../worker/domain/acta/publicada.ts';
import { utf8 } from '../../worker/domain/corte/bytes.ts';
import { historial, prepararCorte, type AnteriorRef } from '../../worker/domain/corte/corte.ts';
import type { CorteHistorial } from '../../worker/domain/corte/shards.ts';
import { EstadoCorte } from '../../worker/domain/corte/estado.ts';
import type { CorteModelo } from '../../worker/domain/corte/modelo.ts';
import { RUTA_LATEST_RAIZ, rutaHistorial, rutaLatest } from '../../worker/domain/contrato/index.ts';

export interface CorteDePrueba {
  actas: readonly ActaPublicada[];
  instante: number;
  final?: boolean;
  /** The audit log tip the corte records (absent: none recorded, as before issue 14). */
  bitacora?: { id: number; hash: string } | null;
}

export async function publicarEnMemoria(modelo: CorteModelo, cortes: readonly CorteDePrueba[]): Promise<Map<string, Uint8Array>> {
  const objetos = new Map<string, Uint8Array>();
  const estado = new EstadoCorte(modelo);
  const vistas = new Map<string, ActaPublicada>();
  const entradas: CorteHistorial[] = [];
  let anterior: AnteriorRef | null = null;
  let secuencia = 0;
  for (const [i, c] of cortes.entries()) {
    const cambios = c.actas.map((a) => ({ clave: a.clave, eleccion: a.identificacion.eleccion, antes: vistas.get(a.clave) ?? null, despues: a }));
    for (const a of c.actas) vistas.set(a.clave, a);
    secuencia += c.actas.length;
    estado.aplicar(cambios);
    const p = await prepararCorte(estado, { numero: i + 1, instante: c.instante, secuencia, final: c.final ?? false, anterior, cambios, bitacora: c.bitacora }, async (lote) => {
      for (const n of lote) objetos.set(n.ruta, n.contenido);
    });
    for (const o of [p.abiertos, p.diferencias, p.cdf, p.manifiesto, ...p.csvContenidos]) objetos.set(o.ruta, o.contenido);
    entradas.push(p.historial);
    objetos.set(rutaHistorial(modelo.entidad.id), utf8(JSON.stringify(historial(p.puntero.entidad, entradas))));
    const puntero = utf8(JSON.stringify(p.puntero));
    objetos.set(rutaLatest(modelo.entidad.id), puntero);
    objetos.set(RUTA_LATEST_RAIZ, puntero);
    anterior = { numero: i + 1, sha256: p.manifiesto.sha256, ruta: p.manifiesto.ruta, secuencia };
  }
  return objetos;
}
