/**
 * The readers' load test (part of `npm run bench`): the portal's access pattern (espectadores.ts) replayed with
 * autocannon against wrangler dev, across corte changes, counting the R2 operations of the public routes
 * (worker-medido.ts). Steps:
 *   1. a full corte (Jalisco scale);
 *   2. cold: every object the viewers open, once (each one is new to the location: the uncached figure);
 *   3. warm: viewers on that corte (the cached figure, once an edge cache holds the objects); then as many requests
 *      to the no-op route (GET /api/v1/ping): what the local Worker serves at most, next to which the cached figure
 *      is read (locally R2 and the Cache API are both simulations on the same disk, docs/BENCHMARKS.md);
 *   4. per viewer count (1,000 and 10,000): a corte that brings the actas of 20 secciones the viewers open, then
 *      the viewers (holding the previous pointer's ETag) on the new corte; R2 reads are counted from the corte on.
 */
import { ManifiestoSchema, PunteroSchema } from '../../../worker/domain/corte/shards.ts';
import { RUTA_LATEST_RAIZ } from '../../../worker/domain/contrato/index.ts';
import { cargarLecturas, type ResultadoLectura } from './carga-autocannon.ts';
import { RUTA_MEDICION, type ConteoR2 } from './contador-r2.ts';
import { espectadores, todasLasVistas, vistasDe, type Vistas } from './espectadores.ts';
import { prepararLectores } from './preparacion.ts';

export interface LecturasR2 {
  /** get + head of the public routes. */
  total: number;
  /** Of which on latest.json, historial.json and aviso.json (rewritten keys). */
  mutables: number;
  /** Reads of the bench itself among them (the pointer and the manifest it reads to know the paths). */
  delBanco: number;
}

export interface FaseLectura {
  nombre: string;
  espectadores: number;
  carga: ResultadoLectura;
  lecturas: LecturasR2;
}

export interface CambioCorte {
  espectadores: number;
  actasNuevas: number;
  /** Objects the corte wrote to R2 (its puts): what changed. */
  objetosEscritos: number;
  /** R2 reads of the corte job itself (not the viewers'). */
  lecturasDelCorte: number;
  fase: FaseLectura;
}

export interface MedidaLectores {
  actasEsperadas: number;
  precargadas: number;
  conexiones: number;
  objetosVistos: number;
  frio: FaseLectura;
  tibio: FaseLectura;
  /** The no-op route, as many requests as the warm phase. */
  sinEfecto: FaseLectura;
  cambios: CambioCorte[];
}

const RUTA_PING = '/api/v1/ping';
const MUTABLE = /(^|\/)(latest|historial|aviso)\.json$/;

async function conteo(url: string): Promise<ConteoR2> {
  const r = await fetch(url + RUTA_MEDICION);
  if (!r.ok) throw new Error(`conteo de R2: HTTP ${r.status}`);
  return (await r.json()) as ConteoR2;
}

async function reiniciar(url: string): Promise<void> {
  const r = await fetch(url + RUTA_MEDICION, { method: 'POST' });
  if (r.status !== 204) throw new Error(`reinicio del conteo de R2: HTTP ${r.status}`);
}

function lecturasDe(c: ConteoR2, delBanco: number): LecturasR2 {
  const claves = Object.entries(c.lecturasPorClave);
  return {
    total: c.porOrigen.fetch.get + c.porOrigen.fetch.head,
    mutables: claves.filter(([k]) => MUTABLE.test(k)).reduce((s, [, n]) => s + n, 0),
    delBanco,
  };
}

const dormir = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * The newest corte as a viewer finds it: the pointer (and its ETag) and the shards it may open. After a corte the
 * edge may serve the previous pointer for a few seconds (stale while it refreshes): wait, as a polling viewer would,
 * until it names a corte newer than `despuesDe`.
 */
async function descubrir(url: string, orden: readonly number[], despuesDe = 0): Promise<{ vistas: Vistas; etag: string; numero: number }> {
  const hasta = Date.now() + 120_000;
  for (;;) {
    const r = await fetch(`${url}/${RUTA_LATEST_RAIZ}`, { headers: { accept: 'application/json' } });
    if (!r.ok) throw new Error(`latest.json: HTTP ${r.status}`);
    const p = PunteroSchema.parse(await r.json());
    if (p.numero > despuesDe) {
      const m = await fetch(`${url}/${p.manifiesto.ruta}`);
      if (!m.ok) throw new Error(`manifiesto: HTTP ${m.status}`);
      return { vistas: vistasDe(p, ManifiestoSchema.parse(await m.json()), orden), etag: r.headers.get('etag') ?? '', numero: p.numero };
    }
    if (Date.now() > hasta) throw new Error(`latest.json sigue en el corte ${p.numero} dos minutos después del corte`);
    await dormir(1000);
  }
}

export async function medirLectores(opciones: { conexiones: number; espectadores: readonly number[]; alAvanzar?: (t: string) => void }): Promise<MedidaLectores> {
  const aviso = opciones.alAvanzar ?? (() => {});
  const { conexiones } = opciones;
  aviso('lectores: catálogo de Jalisco, bitácora de publicación precargada, wrangler dev con R2 contado');
  const e = await prepararLectores(opciones.espectadores.length);
  const url = e.pila.url;
  try {
    aviso('lectores: corte completo');
    await e.corte(60);
    await reiniciar(url);
    let actual = await descubrir(url, e.orden);
    const universo = todasLasVistas(actual.vistas);
    aviso(`lectores: en frío, ${universo.length} objetos una vez cada uno`);
    const cargaFrio = await cargarLecturas(url, universo, conexiones);
    const frio: FaseLectura = { nombre: 'cold', espectadores: 0, carga: cargaFrio, lecturas: lecturasDe(await conteo(url), 2) };
    const nTibio = opciones.espectadores[0]!;
    await reiniciar(url);
    aviso(`lectores: ${nTibio} espectadores sobre el mismo corte`);
    const cargaTibio = await cargarLecturas(url, espectadores(nTibio, actual.vistas, null), conexiones);
    const tibio: FaseLectura = { nombre: 'warm', espectadores: nTibio, carga: cargaTibio, lecturas: lecturasDe(await conteo(url), 0) };
    await reiniciar(url);
    aviso('lectores: la ruta sin efecto (GET /api/v1/ping), el techo del Worker local');
    const ping = Array.from({ length: cargaTibio.solicitudes }, () => ({ ruta: RUTA_PING, encabezados: {} }));
    const sinEfecto: FaseLectura = { nombre: 'no-op route', espectadores: 0, carga: await cargarLecturas(url, ping, conexiones), lecturas: lecturasDe(await conteo(url), 0) };

    const cambios: CambioCorte[] = [];
    for (const [i, n] of opciones.espectadores.entries()) {
      const actasNuevas = e.cambiar(i);
      await reiniciar(url);
      await e.corte(65 + 5 * i);
      const delCorte = (await conteo(url)).porOrigen.scheduled;
      await reiniciar(url);
      const etagAnterior = actual.etag;
      actual = await descubrir(url, e.orden, actual.numero);
      aviso(`lectores: corte nuevo (${actasNuevas} actas, ${delCorte.put} objetos escritos), ${n} espectadores`);
      const carga = await cargarLecturas(url, espectadores(n, actual.vistas, etagAnterior), conexiones);
      cambios.push({
        espectadores: n,
        actasNuevas,
        objetosEscritos: delCorte.put,
        lecturasDelCorte: delCorte.get + delCorte.head,
        fase: { nombre: `new corte, ${n} viewers`, espectadores: n, carga, lecturas: lecturasDe(await conteo(url), 2) },
      });
    }
    return { actasEsperadas: e.actasEsperadas, precargadas: e.precargadas, conexiones, objetosVistos: universo.length, frio, tibio, sinEfecto, cambios };
  } finally {
    await e.parar();
  }
}
