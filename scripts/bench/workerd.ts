/**
 * The system on local workerd (wrangler dev, local D1 and R2) at Jalisco scale:
 *   1. the synthetic Jalisco catalogue, the staff, and the publication log preloaded with a verified synthetic acta
 *      for 99 % of the expected actas (written straight into `acta_publicacion`, the corte's input: capturing
 *      32,000 actas through the API would take most of the time budget; the API is measured in step 3);
 *   2. a full corte through the scheduled handler (the cron path, at a scheduled time inside the window);
 *   3. the capture API under N concurrent clients on the remaining 1 % (acopio, imagen, then the two captures of
 *      each acta: the captures are measured on their own), next to the no-op GET /api/v1/ping; then D1 is checked
 *      for lost or duplicated writes;
 *   4. an incremental corte (those ~1 % new actas) through the scheduled handler;
 *   5. the bytes of what was published (bytes.ts), while the stack still runs.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { generarJalisco } from '../generador/generar.ts';
import { actasEsperadas, type ActaEsperada } from '../../worker/domain/acta/esperadas.ts';
import type { ActaPublicada } from '../../worker/domain/acta/publicada.ts';
import type { Catalogo } from '../../worker/domain/catalogo/esquema.ts';
import { ventana } from '../../worker/domain/corte/calendario.ts';
import { actaSintetica } from './corte-sintetico.ts';
import { ejecutarArchivoD1Local } from '../lib/d1-local.ts';
import { cerrarD1Local } from '../lib/d1-sesion.ts';
import { construirPortal, iniciarPila, type Pila } from '../lib/pila.ts';
import { sembrarLocal } from '../seed.ts';
import type { Peticion } from '../simulacro/cliente.ts';
import { imprentaDe } from '../simulacro/imagen.ts';
import { ADMIN, ADMIN_CONFIRMA, crearPersonal, idPuesto, type Credenciales } from '../simulacro/personal.ts';
import { catdDe } from '../simulacro/plan.ts';
import { medirBytes, type MedidaBytes } from './bytes.ts';
import { cargaEscrituras, combinar, RONDAS_CAPTURA, tramoEscrituras, tramoLectura, type ResultadoCarga, type Tramo } from './carga.ts';
import { abrirConsolas, type LecturasConsola } from './consolas.ts';

/** Consoles open during the second half of the captures. */
const CONSOLAS = 10;

const MINUTO = 60_000;
const JORNADA = '2024-06-02';

export interface MedidaCorteWorkerd {
  modo: string;
  /** Wall time of the scheduled invocation, seen from outside. */
  msInvocacion: number;
  /** The corte's own measure (its log line / the `corte` row). */
  msCorte: number;
  actasProcesadas: number;
  shardsEscritos: number;
  shardsReusados: number;
  mbEscritos: number;
}

export interface MedidaWorkerd {
  actasEsperadas: number;
  precargadas: number;
  pendientes: number;
  clientes: number;
  completo: MedidaCorteWorkerd;
  incremental: MedidaCorteWorkerd;
  acopioImagen: ResultadoCarga;
  /** The first half of the actas' captures, alone. */
  captura: ResultadoCarga;
  /** The second half, with CONSOLAS consoles open. */
  capturaConConsolas: ResultadoCarga;
  lecturasConsola: LecturasConsola;
  ping: ResultadoCarga;
  escrituras: { esperadas: number; enD1: number; perdidas: number; duplicadas: number; detalle: string };
  bytes: MedidaBytes;
  segundosPreparacion: number;
}

/** SQL that fills the publication log as if every acta but the pending ones had been verified through the API. */
function sqlPrecarga(actas: readonly ActaPublicada[]): string {
  const filas = actas.map((a, i) => `(${i + 1}, '${a.clave}', '${a.identificacion.eleccion}', '${JSON.stringify(a).replaceAll("'", "''")}')`);
  const out: string[] = [];
  let actual: string[] = [];
  let bytes = 0;
  for (const f of filas) {
    if (bytes + f.length > 90_000) {
      out.push(`INSERT INTO acta_publicacion (seq, clave, eleccion, payload) VALUES ${actual.join(', ')};`);
      actual = [];
      bytes = 0;
    }
    actual.push(f);
    bytes += f.length + 2;
  }
  if (actual.length) out.push(`INSERT INTO acta_publicacion (seq, clave, eleccion, payload) VALUES ${actual.join(', ')};`);
  out.push(`UPDATE secuencia SET valor = ${actas.length} WHERE id = 1;`);
  return `${out.join('\n')}\n`;
}

async function disparar(pila: Pila, ms: number): Promise<number> {
  const t0 = performance.now();
  const r = await fetch(`${pila.url}/cdn-cgi/local/scheduled?cron=${encodeURIComponent('* * * * *')}&time=${ms}`);
  const texto = await r.text();
  if (!r.ok) throw new Error(`el disparador programado respondió ${r.status}: ${texto}\n${pila.salida()}`);
  return performance.now() - t0;
}

/** Reads of the D1 refused while the Worker's corte holds its SQLite file (SQLITE_BUSY) are tried again this often. */
const INTENTOS_LECTURA = 30;

/**
 * A read of the stack's D1 from this process: the Worker may still be writing the corte's last rows to the same
 * SQLite file after the trigger answered, and the local D1 then refuses the read ("internal error", SQLITE_BUSY
 * in workerd's log) and poisons its binding; the binding is closed and the read tried again after a pause.
 */
async function leerD1<T>(pila: Pila, sql: string): Promise<T[]> {
  for (let intento = 1; ; intento++) {
    try {
      return pila.d1<T>(sql);
    } catch (e) {
      if (intento >= INTENTOS_LECTURA) throw e;
      cerrarD1Local(pila.persistTo);
      await new Promise((r) => setTimeout(r, 200));
    }
  }
}

async function ultimoCorte(pila: Pila, msInvocacion: number): Promise<MedidaCorteWorkerd> {
  const [c] = await leerD1<{ modo: string; milisegundos: number; actas_procesadas: number; shards_escritos: number; shards_reusados: number; bytes_escritos: number }>(
    pila,
    'SELECT modo, milisegundos, actas_procesadas, shards_escritos, shards_reusados, bytes_escritos FROM corte ORDER BY numero DESC LIMIT 1',
  );
  if (!c) throw new Error('no se publicó ningún corte');
  return {
    modo: c.modo,
    msInvocacion,
    msCorte: c.milisegundos,
    actasProcesadas: c.actas_procesadas,
    shardsEscritos: c.shards_escritos,
    shardsReusados: c.shards_reusados,
    mbEscritos: c.bytes_escritos / 1e6,
  };
}

/** The requests of one pending acta: receipt and scan, then the two captures. */
function peticiones(cat: Catalogo, a: ActaEsperada, pub: ActaPublicada, cred: Credenciales): { recibir: Peticion[]; capturar: Peticion[] } {
  const catd = catdDe(cat.catds, a).id;
  const tok = (p: Parameters<typeof idPuesto>[1]) => cred.get(idPuesto(catd, p))!;
  const figuras = { votos: pub.captura!.votos, totales: pub.captura!.totales };
  const k = (paso: string) => `bench-${a.clave}-${paso}`;
  // One request in 50 loses its connection once (aborted or answer lost) and is retried with the same key.
  const caida = (paso: string): Peticion['caida'] => {
    const h = [...(a.clave + paso)].reduce((s, c) => (s * 31 + c.charCodeAt(0)) >>> 0, 7);
    return h % 50 === 0 ? (h % 100 === 0 ? 'abortar' : 'perder') : undefined;
  };
  return {
    recibir: [
      { ruta: '/api/v1/acopio', token: tok('acopio'), json: { clave: a.clave }, idempotencia: k('acopio'), caida: caida('acopio') },
      {
        ruta: `/api/v1/actas/${a.clave}/imagen?origen=CATD&digitalizacion=ESCANER&tipoDocumento=ACTA_PREP`,
        token: tok('dig'),
        bytes: imprentaDe(cat).imagen(a, pub.captura, 'CATD'),
        tipo: 'image/png',
        idempotencia: k('imagen'),
        caida: caida('imagen'),
      },
    ],
    capturar: (['cap1', 'cap2'] as const).map((p) => ({
      ruta: `/api/v1/actas/${a.clave}/capturas`,
      token: tok(p),
      json: figuras,
      idempotencia: k(p),
      caida: caida(p),
    })),
  };
}

/**
 * The capture target is a ratio of two rates on a machine whose load drifts (other processes, V8's and workerd's
 * own background work): the captures and the no-op route are measured in alternating rounds (no-op, captures,
 * no-op, …), each rate over its own rounds, so that a drift weighs on both alike instead of on whichever ran
 * during it. As many no-op requests in all as before (at least 2,000, twice the captures).
 */
async function capturaYPing(url: string, capturas: readonly (readonly Peticion[])[], clientes: number): Promise<{ captura: ResultadoCarga; ping: ResultadoCarga }> {
  const totalPing = Math.max(2000, capturas.reduce((s, g) => s + g.length, 0) * 2);
  const tramosCaptura: Tramo[] = [];
  const tramosPing: Tramo[] = [];
  // Round r of n items: from the r-th to the (r+1)-th fraction, so the rounds add up to n exactly.
  const corte = (n: number, r: number) => Math.floor((n * r) / RONDAS_CAPTURA);
  for (let r = 0; r < RONDAS_CAPTURA; r++) {
    tramosPing.push(await tramoLectura(url, '/api/v1/ping', corte(totalPing, r + 1) - corte(totalPing, r), clientes));
    tramosCaptura.push(await tramoEscrituras(url, capturas.slice(corte(capturas.length, r), corte(capturas.length, r + 1)), clientes, [200]));
  }
  return { captura: combinar(tramosCaptura), ping: combinar(tramosPing) };
}

export async function medirWorkerd(opciones: { clientes: number; pendientesCada: number; alAvanzar?: (t: string) => void }): Promise<MedidaWorkerd> {
  const aviso = opciones.alAvanzar ?? (() => {});
  const cat = generarJalisco(2024);
  const esperadas = actasEsperadas(cat);
  if (!esperadas.ok) throw new Error('catálogo sin actas esperadas');
  const apertura = ventana({ jornada: JORNADA, inicioMinutos: 20 * 60, duracionMinutos: 24 * 60, cadenciaMinutos: 5 }, cat.entidad.utcOffsetMinutes)!.apertura;
  const publicadas = esperadas.value.map((a, i) => ({ a, pub: actaSintetica(a, i, 0, apertura + 30 * MINUTO) }));
  const pendientes = publicadas.filter((x, i) => i % opciones.pendientesCada === 0 && x.pub.registro === 'captura');
  const enPendientes = new Set(pendientes.map((x) => x.a.clave));
  const precarga = publicadas.filter((x) => !enPendientes.has(x.a.clave)).map((x) => x.pub);

  const sitio = mkdtempSync(path.join(tmpdir(), 'prep-bench-sitio-'));
  let pila: Pila | null = null;
  const t0 = performance.now();
  try {
    aviso('workerd: portal (astro build)');
    construirPortal(sitio);
    let cred: Credenciales = new Map();
    aviso('workerd: catálogo, personal y bitácora de publicación precargada');
    pila = await iniciarPila({
      congelar: true,
      assetsDir: path.join(sitio, 'client'),
      prepararDatos: async ({ persistTo }) => {
        await sembrarLocal(2024, persistTo);
        cred = await crearPersonal(persistTo, cat);
        const archivo = path.join(sitio, 'precarga.sql');
        writeFileSync(archivo, sqlPrecarga(precarga));
        ejecutarArchivoD1Local(persistTo, archivo);
      },
    });
    const segundosPreparacion = (performance.now() - t0) / 1000;
    const p = pila;
    const admin = await fetch(`${p.url}/api/v1/cortes/configuracion`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${cred.get(ADMIN)}`, 'content-type': 'application/json' },
      body: JSON.stringify({ jornada: JORNADA, inicioMinutos: 20 * 60, duracionMinutos: 24 * 60, cadenciaMinutos: 5 }),
    });
    if (admin.status !== 202) throw new Error(`configuración de cortes: HTTP ${admin.status}`);
    // A change of the window is applied when a second administrator confirms it (issue 17).
    const { id } = (await admin.json()) as { id: string };
    const confirmada = await fetch(`${p.url}/api/v1/cortes/solicitudes/${id}/confirmar`, { method: 'POST', headers: { authorization: `Bearer ${cred.get(ADMIN_CONFIRMA)}` } });
    if (!confirmada.ok) throw new Error(`confirmación de la configuración de cortes: HTTP ${confirmada.status}`);

    aviso(`workerd: corte completo (${precarga.length} actas)`);
    const completo = await ultimoCorte(p, await disparar(p, apertura + 60 * MINUTO));

    aviso(`workerd: API de captura, ${opciones.clientes} clientes (${pendientes.length} actas; la captura y la ruta sin efecto en ${RONDAS_CAPTURA} rondas alternadas)`);
    const grupos = pendientes.map((x) => peticiones(cat, x.a, x.pub, cred));
    const acopioImagen = await cargaEscrituras(p.url, grupos.map((g) => g.recibir), opciones.clientes, [200, 201]);
    // Half the actas are captured alone, the other half with ten consoles open, each reading GET
    // /api/v1/consola/estado every 5 s as /consola/ does (site/lib/consola/useEstadoConsola.ts): the console must
    // cost the captures nothing measurable (issue 17).
    const mitad = Math.floor(grupos.length / 2);
    const { captura, ping } = await capturaYPing(p.url, grupos.slice(0, mitad).map((g) => g.capturar), opciones.clientes);
    aviso('workerd: API de captura con 10 consolas abiertas');
    const consolas = abrirConsolas(p.url, cred.get(ADMIN)!, CONSOLAS, 5000);
    const capturaConConsolas = await cargaEscrituras(p.url, grupos.slice(mitad).map((g) => g.capturar), opciones.clientes, [200]);
    const lecturasConsola = await consolas.cerrar();

    // Every capture that was answered 200 is in D1 once, and nothing else is.
    const filas = p.d1<{ acta: string; n: number }>("SELECT acta, count(*) AS n FROM captura GROUP BY acta");
    const porActa = new Map(filas.map((f) => [f.acta, f.n]));
    const respondidas = (captura.estados['200'] ?? 0) + (capturaConConsolas.estados['200'] ?? 0);
    const enD1 = filas.reduce((s, f) => s + f.n, 0);
    let perdidas = 0;
    let duplicadas = 0;
    for (const x of pendientes) {
      const n = porActa.get(x.a.clave) ?? 0;
      if (n < 2) perdidas += 2 - n;
      if (n > 2) duplicadas += n - 2;
    }
    for (const [clave, n] of porActa) if (!enPendientes.has(clave)) duplicadas += n;
    const [v] = p.d1<{ n: number }>(
      `SELECT count(*) AS n FROM acta WHERE etapa = 'VERIFICADA' AND clave IN (${pendientes.map((x) => `'${x.a.clave}'`).join(', ')})`,
    );
    const [b] = p.d1<{ n: number }>("SELECT count(*) AS n FROM bitacora WHERE accion = 'CAPTURA'");
    const escrituras = {
      esperadas: respondidas,
      enD1,
      perdidas,
      duplicadas: duplicadas + Math.max(0, enD1 - respondidas),
      detalle: `${v!.n} de ${pendientes.length} actas verificadas; ${b!.n} entradas CAPTURA en la bitácora`,
    };
    if (v!.n !== pendientes.length || b!.n !== enD1) escrituras.perdidas += Math.abs(pendientes.length - v!.n) + Math.abs(b!.n - enD1);

    aviso('workerd: corte incremental');
    const incremental = await ultimoCorte(p, await disparar(p, apertura + 65 * MINUTO));

    aviso('bytes: shards, zip, portal');
    const bytes = await medirBytes(p.url, path.join(sitio, 'client'));
    return {
      actasEsperadas: esperadas.value.length,
      precargadas: precarga.length,
      pendientes: pendientes.length,
      clientes: opciones.clientes,
      completo,
      incremental,
      acopioImagen,
      captura,
      capturaConConsolas,
      lecturasConsola,
      ping,
      escrituras,
      bytes,
      segundosPreparacion,
    };
  } finally {
    await pila?.parar();
    rmSync(sitio, { recursive: true, force: true });
  }
}
