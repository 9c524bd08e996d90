/**
 * Test support for the corte job inside workerd: a clean D1 and R2, the fixture catalogue, log entries appended
 * the way the capture API appends them (seq = the new change sequence), and stores that fail on purpose.
 * Not imported by the Worker.
 */
import { env } from 'cloudflare:workers';
import type { ActaPublicada } from '../../worker/domain/acta/publicada.ts';
import { desdeUtf8 } from '../../worker/domain/corte/bytes.ts';
import { catalogoEjemplo } from '../ejemplos/eleccion.ts';
import { cargarCatalogo } from '../../worker/db/catalogo-carga.ts';
import { almacenR2, type Almacen } from '../../worker/cortes/almacen.ts';
import { cacheDelIsolate } from '../../worker/cortes/cache.ts';

/** Empties every table the cortes touch, the whole bucket and the isolate's cached state. */
export async function reiniciar(): Promise<void> {
  const db = env.DB;
  await db.batch([
    db.prepare('DELETE FROM corte'),
    db.prepare('DELETE FROM acta_publicacion'),
    db.prepare('UPDATE secuencia SET valor = 0 WHERE id = 1'),
    db.prepare('UPDATE corte_lease SET titular = NULL, vence = 0 WHERE id = 1'),
    db.prepare('UPDATE corte_config SET jornada = NULL, inicio_minutos = 1200, duracion_minutos = 1440, cadencia_minutos = 5, ultimo_turno = NULL WHERE id = 1'),
  ]);
  for (;;) {
    const lista = await env.BUCKET.list({ limit: 1000 });
    if (lista.objects.length === 0) break;
    await env.BUCKET.delete(lista.objects.map((o) => o.key));
  }
  cacheDelIsolate.vaciar();
}

export async function cargarFixture(): Promise<void> {
  await cargarCatalogo(env.DB, catalogoEjemplo);
}

/** Appends entries to the publication log as the capture API does: one change sequence each. Returns the last. */
export async function registrarEnLog(actas: readonly ActaPublicada[]): Promise<number> {
  const db = env.DB;
  const actual = await db.prepare('SELECT valor FROM secuencia WHERE id = 1').first<{ valor: number }>();
  let seq = Number(actual?.valor ?? 0);
  const sentencias = actas.map((a) => {
    seq += 1;
    return db.prepare('INSERT INTO acta_publicacion (seq, clave, eleccion, payload) VALUES (?, ?, ?, ?)').bind(seq, a.clave, a.identificacion.eleccion, JSON.stringify(a));
  });
  await db.batch([...sentencias, db.prepare('UPDATE secuencia SET valor = ? WHERE id = 1').bind(seq)]);
  return seq;
}

/** A store that lets `puts` writes through, then throws on every later one (a Worker dying mid-corte). */
export function almacenQueFalla(base: Almacen, puts: number): Almacen & { escritos: string[] } {
  const escritos: string[] = [];
  return {
    escritos,
    async put(ruta, bytes, opciones) {
      if (escritos.length >= puts) throw new Error(`falla inyectada en el put ${escritos.length + 1} (${ruta})`);
      escritos.push(ruta);
      return base.put(ruta, bytes, opciones);
    },
    get: (ruta) => base.get(ruta),
  };
}

/** A store that runs `antes` once, before its n-th put (to interleave another run mid-corte). */
export function almacenConPausa(base: Almacen, n: number, antes: () => Promise<void>): Almacen {
  let puts = 0;
  return {
    async put(ruta, bytes, opciones) {
      puts += 1;
      if (puts === n) await antes();
      return base.put(ruta, bytes, opciones);
    },
    get: (ruta) => base.get(ruta),
  };
}

export async function leerJson<T = unknown>(ruta: string): Promise<T | null> {
  // Through the corte's store: a content-addressed JSON object is stored as its Brotli copy (variantes.ts).
  const o = await almacenR2(env.BUCKET).get(ruta);
  return o === null ? null : (JSON.parse(desdeUtf8(o.bytes)) as T);
}

export async function contarCortes(): Promise<number> {
  const r = await env.DB.prepare('SELECT count(*) AS n FROM corte').first<{ n: number }>();
  return Number(r?.n ?? 0);
}
