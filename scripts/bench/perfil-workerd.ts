/**
 * Where the Worker's CPU goes per request, by request kind (issue 16): a Jalisco-scale stack on local workerd,
 * then each kind of the night's requests (acopio, CATD scan, PREP Casilla photo, first and second capture, a
 * verificación, the console's status read, the no-op ping) sent on its own actas, twice: once to count the
 * workerd CPU it costs (utime+stime of the process that holds the user Worker, /proc), once under the V8
 * profiler (connected straight to that workerd's inspector), whose self time is aggregated by function.
 *
 *   node scripts/bench/perfil-workerd.ts [--actas N] [--clientes C] [--perfiles DIR] [--top N] [--principal ENTRY.ts]
 *
 * Prints CPU-ms per request per kind and the top functions per kind; with --perfiles, also writes each kind's
 * .cpuprofile (open it in Chrome's DevTools). A diagnostic for the developers, not part of `npm run bench`.
 */
import { mkdirSync, readdirSync, readFileSync, readlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { generarJalisco } from '../generador/generar.ts';
import { actasEsperadas, type ActaEsperada } from '../../worker/domain/acta/esperadas.ts';
import type { Catalogo } from '../../worker/domain/catalogo/esquema.ts';
import { ventana } from '../../worker/domain/corte/calendario.ts';
import { actaSintetica } from './corte-sintetico.ts';
import { puertosEscuchando } from '../lib/directa.ts';
import { iniciarPila } from '../lib/pila.ts';
import { sembrarLocal } from '../seed.ts';
import { Cliente, type Peticion } from '../simulacro/cliente.ts';
import { imprentaDe } from '../simulacro/imagen.ts';
import { ADMIN, ADMIN_CONFIRMA, crearPersonal, idDispositivo, idPuesto, type Credenciales } from '../simulacro/personal.ts';
import { catdDe } from '../simulacro/plan.ts';

const JORNADA = '2024-06-02';
const MINUTO = 60_000;

/** The user Worker's workerd: a descendant of this process whose command line has --inspector-addr. */
function workerdDelWorker(): { pid: number } {
  const padreDe = (pid: number): number => {
    const s = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return Number(s.slice(s.lastIndexOf(')') + 2).split(' ')[1]);
  };
  for (const d of readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    let linea: string;
    try {
      linea = readFileSync(`/proc/${d}/cmdline`, 'utf8');
    } catch {
      continue;
    }
    const m = /--inspector-addr=([^\0]+)/.exec(linea);
    if (!m || !linea.includes('workerd')) continue;
    let p = Number(d);
    try {
      while (p > 1 && p !== process.pid) p = padreDe(p);
    } catch {
      continue;
    }
    if (p === process.pid) return { pid: Number(d) };
  }
  throw new Error('no se encontró el workerd del Worker');
}

/** The inspector's host:port: workerd is started with port 0, so it is the one of its listening ports that lists targets. */
async function inspectorDe(pids: readonly number[], urlApi: string, acepta: (lista: { id?: string }[]) => boolean): Promise<string> {
  const porInodo = puertosEscuchando(readFileSync('/proc/net/tcp', 'utf8'));
  // wrangler's inspector proxy may listen on IPv6 (localhost → ::1).
  for (const linea of readFileSync('/proc/net/tcp6', 'utf8').split('\n').slice(1)) {
    const c = linea.trim().split(/\s+/);
    if (c.length >= 10 && c[3] === '0A') porInodo.set(c[9]!, Number.parseInt(c[1]!.split(':')[1]!, 16));
  }
  const api = Number(new URL(urlApi).port);
  for (const [pid, fd] of pids.flatMap((p) => readdirSync(`/proc/${p}/fd`).map((f) => [p, f] as const))) {
    let destino: string;
    try {
      destino = readlinkSync(`/proc/${pid}/fd/${fd}`);
    } catch {
      continue;
    }
    const puerto = porInodo.get(/^socket:\[(\d+)\]$/.exec(destino)?.[1] ?? '');
    if (puerto === undefined || puerto === api) continue;
    const control = new AbortController();
    const plazo = setTimeout(() => control.abort(), 2000);
    const lista = await Promise.race([
      fetch(`http://localhost:${puerto}/json`, { signal: control.signal }).then((r) => (r.ok ? r.json() : null)),
      new Promise((listo) => setTimeout(listo, 2500, null)),
    ]).catch(() => null);
    clearTimeout(plazo);
    if (Array.isArray(lista) && acepta(lista)) return `localhost:${puerto}`;
  }
  throw new Error('no se encontró el inspector de workerd');
}

const cpuMs = (pid: number): number => {
  const s = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const c = s.slice(s.lastIndexOf(')') + 2).split(' ');
  return (Number(c[11]) + Number(c[12])) * 10;
};

/**
 * A minimal CDP client for one inspector target. workerd's inspector echoes some commands back (Profiler.enable,
 * .start) instead of answering them: an echo counts as the answer, except for commands that return something.
 */
/** What a command answers here: Profiler.stop's profile, or an error. */
interface RespuestaCdp {
  profile?: PerfilV8;
  error?: unknown;
}

async function conectarObjetivo(url: string): Promise<{ enviar: (metodo: string, params?: object) => Promise<RespuestaCdp>; cerrar: () => void }> {
  // wrangler's inspector proxy wants an Origin it allows from a client that sends a User-Agent (Node's does);
  // undici's WebSocket takes extra headers as its second argument.
  const ws = new WebSocket(url, { headers: { origin: 'http://localhost' } } as unknown as string[]);
  await new Promise((listo, falla) => {
    ws.onopen = listo;
    ws.onerror = falla;
  });
  let n = 0;
  const pendientes = new Map<number, { listo: (r: RespuestaCdp) => void; conResultado: boolean }>();
  ws.onmessage = (e) => {
    const m = JSON.parse(String(e.data));
    const p = m.id === undefined ? undefined : pendientes.get(m.id);
    if (!p || (p.conResultado && m.result === undefined && m.error === undefined)) return;
    pendientes.delete(m.id);
    p.listo(m.error ? { error: m.error } : (m.result ?? {}));
  };
  return {
    enviar: (metodo, params = {}) =>
      new Promise((listo) => {
        const id = ++n;
        pendientes.set(id, { listo, conResultado: metodo === 'Profiler.stop' });
        ws.send(JSON.stringify({ id, method: metodo, params }));
      }),
    cerrar: () => ws.close(),
  };
}

/** The workerd services whose JS runs in the user Worker's process: the Worker, miniflare's entry, D1, R2, limits. */
const OBJETIVOS = ['core:entry', 'd1:db', 'd1:db:entry', 'r2:bucket', 'r2:bucket:entry', 'ratelimit:ns', 'ratelimit:ns:entry'];

async function conectarInspector(direccion: string): Promise<Map<string, Awaited<ReturnType<typeof conectarObjetivo>>>> {
  const out = new Map<string, Awaited<ReturnType<typeof conectarObjetivo>>>();
  for (const id of OBJETIVOS) {
    const c = await conectarObjetivo(`ws://${direccion}/${id}`);
    // A target that never answers (not every service's isolate takes a profiler) is left out.
    const r = await Promise.race([c.enviar('Profiler.enable'), new Promise((listo) => setTimeout(listo, 3000, null))]);
    if (r === null) {
      console.error(`inspector: ${id} no responde; sin perfil`);
      c.cerrar();
      continue;
    }
    out.set(id, c);
  }
  return out;
}

interface Nodo {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  hitCount?: number;
  children?: number[];
}

/** Self time per function (name, file:line), in ms, most first; plus the total and the idle share. */
interface PerfilV8 {
  nodes: Nodo[];
  samples: number[];
  timeDeltas: number[];
}

function agregar(perfil: PerfilV8): { total: number; filas: [string, number][] } {
  const porNodo = new Map<number, Nodo>(perfil.nodes.map((n) => [n.id, n]));
  const tiempo = new Map<string, number>();
  let total = 0;
  for (let i = 0; i < perfil.samples.length; i++) {
    const n = porNodo.get(perfil.samples[i]!)!;
    const dt = (perfil.timeDeltas[i + 1] ?? 0) / 1000;
    const f = n.callFrame;
    const clave = `${f.functionName || '(anónima)'}  ${f.url.split('/').slice(-1)[0]}:${f.lineNumber + 1}`;
    tiempo.set(clave, (tiempo.get(clave) ?? 0) + dt);
    if (f.functionName !== '(idle)' && f.functionName !== '(program)') total += dt;
  }
  return { total, filas: [...tiempo].sort((a, b) => b[1] - a[1]) };
}

type Tipo = 'acopio' | 'imagen' | 'foto' | 'captura1' | 'captura2' | 'captura2-difiere' | 'verificacion' | 'consola' | 'ping';

function peticionesDe(cat: Catalogo, a: ActaEsperada, i: number, cred: Credenciales, apertura: number): Record<Exclude<Tipo, 'consola' | 'ping'>, Peticion> & { difiere: boolean } {
  const pub = actaSintetica(a, i, 0, apertura + 30 * MINUTO);
  const catd = catdDe(cat.catds, a).id;
  const tok = (p: Parameters<typeof idPuesto>[1]) => cred.get(idPuesto(catd, p))!;
  const figuras = { votos: pub.captura!.votos, totales: pub.captura!.totales };
  const [primero, valor] = Object.entries(pub.captura!.votos)[0]!;
  const otra = { votos: { ...pub.captura!.votos, [primero]: typeof valor === 'number' && valor > 0 ? valor - 1 : 1 }, totales: pub.captura!.totales };
  const fecha = new Date(apertura + 40 * MINUTO).toISOString();
  const k = (paso: string) => `perfil-${a.clave}-${paso}`;
  const ruta = `/api/v1/actas/${a.clave}`;
  return {
    difiere: false,
    acopio: { ruta: '/api/v1/acopio', token: tok('acopio'), json: { clave: a.clave, fechaHora: fecha, mecanismoTraslado: 'D' }, idempotencia: k('acopio') },
    imagen: {
      ruta: `${ruta}/imagen?origen=CATD&digitalizacion=ESCANER&tipoDocumento=ACTA_PREP&fechaHora=${encodeURIComponent(fecha)}`,
      token: tok('dig'),
      bytes: imprentaDe(cat).imagen(a, pub.captura, 'CATD'),
      tipo: 'image/png',
      idempotencia: k('imagen'),
    },
    foto: {
      ruta: `${ruta}/imagen?origen=CASILLA&digitalizacion=MOVIL&tipoDocumento=ACTA_PREP&fechaHora=${encodeURIComponent(fecha)}`,
      token: cred.get(idDispositivo(a.casilla.seccion))!,
      bytes: imprentaDe(cat).imagen(a, pub.captura, 'CASILLA'),
      tipo: 'image/png',
      idempotencia: k('foto'),
    },
    captura1: { ruta: `${ruta}/capturas`, token: tok('cap1'), json: { ...figuras, fechaHora: fecha }, idempotencia: k('cap1') },
    captura2: { ruta: `${ruta}/capturas`, token: tok('cap2'), json: { ...figuras, fechaHora: fecha }, idempotencia: k('cap2') },
    'captura2-difiere': { ruta: `${ruta}/capturas`, token: tok('cap2'), json: { ...otra, fechaHora: fecha }, idempotencia: k('cap2') },
    verificacion: {
      ruta: `${ruta}/verificacion`,
      token: tok('ver'),
      json: { resolucion: 'CAPTURA', captura: figuras, fechaHora: fecha },
      idempotencia: k('ver'),
    },
  };
}

async function correr(cliente: Cliente, lista: readonly Peticion[], clientes: number, esperados: readonly number[]): Promise<Record<number, number>> {
  const estados: Record<number, number> = {};
  let i = 0;
  await Promise.all(
    Array.from({ length: clientes }, async () => {
      while (i < lista.length) {
        const r = await cliente.post(lista[i++]!);
        estados[r.status] = (estados[r.status] ?? 0) + 1;
        if (!esperados.includes(r.status) && (estados[r.status] ?? 0) < 3) console.error(r.status, JSON.stringify(r.cuerpo).slice(0, 300));
      }
    }),
  );
  return estados;
}

async function lecturas(url: string, ruta: string, token: string | null, n: number, clientes: number): Promise<Record<number, number>> {
  const estados: Record<number, number> = {};
  let i = 0;
  await Promise.all(
    Array.from({ length: clientes }, async () => {
      while (i++ < n) {
        const r = await fetch(url + ruta, token ? { headers: { authorization: `Bearer ${token}` } } : {});
        await r.arrayBuffer();
        estados[r.status] = (estados[r.status] ?? 0) + 1;
      }
    }),
  );
  return estados;
}

async function principal(): Promise<void> {
  const { values } = parseArgs({
    options: { actas: { type: 'string', default: '200' }, clientes: { type: 'string', default: '4' }, perfiles: { type: 'string' }, top: { type: 'string', default: '25' }, principal: { type: 'string' } },
  });
  const n = Number(values.actas);
  const clientes = Number(values.clientes);
  const cat = generarJalisco(2024);
  const esperadas = actasEsperadas(cat);
  if (!esperadas.ok) throw new Error('catálogo sin actas esperadas');
  const apertura = ventana({ jornada: JORNADA, inicioMinutos: 20 * 60, duracionMinutos: 24 * 60, cadenciaMinutos: 5 }, cat.entidad.utcOffsetMinutes)!.apertura;
  const conCaptura = esperadas.value.map((a, i) => ({ a, i })).filter(({ a, i }) => actaSintetica(a, i, 0, apertura + 30 * MINUTO).registro === 'captura');
  let cred: Credenciales = new Map();
  const t0 = performance.now();
  const pila = await iniciarPila({
    congelar: true,
    // Another copy of the Worker (a before/after comparison in one sitting); default: worker/index.ts.
    ...(values.principal === undefined ? {} : { principal: path.resolve(values.principal) }),
    prepararDatos: async ({ persistTo }) => {
      await sembrarLocal(2024, persistTo);
      cred = await crearPersonal(persistTo, cat);
    },
  });
  console.log(`pila lista en ${((performance.now() - t0) / 1000).toFixed(0)} s; API en ${pila.urlApi}`);
  const parar = () => void pila.parar().then(() => process.exit(1));
  process.once('SIGTERM', parar);
  process.once('SIGINT', parar);
  try {
    const h = { authorization: `Bearer ${cred.get(ADMIN)}`, 'content-type': 'application/json' };
    const admin = await fetch(`${pila.urlApi}/api/v1/cortes/configuracion`, {
      method: 'PUT',
      headers: h,
      body: JSON.stringify({ jornada: JORNADA, inicioMinutos: 20 * 60, duracionMinutos: 24 * 60, cadenciaMinutos: 5 }),
    });
    const { id } = (await admin.json()) as { id: string };
    await fetch(`${pila.urlApi}/api/v1/cortes/solicitudes/${id}/confirmar`, { method: 'POST', headers: { authorization: `Bearer ${cred.get(ADMIN_CONFIRMA)}` } });
    const { pid } = workerdDelWorker();
    const cdp = await conectarInspector(await inspectorDe([pid], pila.urlApi, (l) => l.some((o) => o.id === 'd1:db')));
    // The user Worker's own target answers only through wrangler's inspector proxy (wrangler holds the session),
    // which runs in wrangler's other workerd, a sibling of this one.
    const padre = Number(readFileSync(`/proc/${pid}/status`, 'utf8').match(/PPid:\s+(\d+)/)![1]);
    const hermanos = readdirSync('/proc').filter((d) => /^\d+$/.test(d) && Number(d) !== pid).map(Number).filter((d) => {
      try {
        return readFileSync(`/proc/${d}/status`, 'utf8').match(/PPid:\s+(\d+)/)![1] === String(padre);
      } catch {
        return false;
      }
    });
    const proxy = await inspectorDe([padre, ...hermanos], pila.urlApi, (l) => !l.some((o) => o.id === 'd1:db'));
    const lista = (await (await fetch(`http://${proxy}/json`)).json()) as { webSocketDebuggerUrl: string }[];
    const usuario = await conectarObjetivo(lista[0]!.webSocketDebuggerUrl);
    await usuario.enviar('Profiler.enable');
    cdp.set('worker', usuario);
    const todos = (metodo: string) => Promise.all([...cdp].map(async ([id, c]) => [id, await c.enviar(metodo)] as const));
    await Promise.all([...cdp.values()].map((c) => c.enviar('Profiler.setSamplingInterval', { interval: 100 })));
    const cliente = new Cliente(pila.urlApi);
    // Pass 0 warms up; pass 1 counts CPU without the profiler; pass 2 profiles. Each pass on its own actas; in
    // each, the CATD path (acopio, scan, two equal captures) on half of them, and on the other half a PREP
    // Casilla photo, two differing captures and a verificación.
    const porPasada = 2 * n;
    const resultados = new Map<Tipo, { cpu: number; peticiones: number; perfil?: ReturnType<typeof agregar> }>();
    for (const pasada of [0, 1, 2]) {
      const actas = conCaptura.slice(pasada * porPasada, (pasada + 1) * porPasada).map(({ a, i }) => peticionesDe(cat, a, i, cred, apertura));
      const catd = actas.slice(0, n);
      const casilla = actas.slice(n);
      const fases: [Tipo, () => Promise<Record<number, number>>, number][] = [
        ['acopio', () => correr(cliente, catd.map((x) => x.acopio), clientes, [200, 201]), catd.length],
        ['imagen', () => correr(cliente, catd.map((x) => x.imagen), clientes, [200, 201]), catd.length],
        ['foto', () => correr(cliente, casilla.map((x) => x.foto), clientes, [200, 201]), casilla.length],
        ['captura1', () => correr(cliente, [...catd, ...casilla].map((x) => x.captura1), clientes, [200]), actas.length],
        ['captura2', () => correr(cliente, catd.map((x) => x.captura2), clientes, [200]), catd.length],
        ['captura2-difiere', () => correr(cliente, casilla.map((x) => x['captura2-difiere']), clientes, [200]), casilla.length],
        ['verificacion', () => correr(cliente, casilla.map((x) => x.verificacion), clientes, [200]), casilla.length],
        ['consola', () => lecturas(pila.urlApi, '/api/v1/consola/estado', cred.get(ADMIN)!, n, clientes), n],
        ['ping', () => lecturas(pila.urlApi, '/api/v1/ping', null, n, clientes), n],
      ];
      for (const [tipo, fase, cuantas] of fases) {
        if (pasada === 2) await todos('Profiler.start');
        const c0 = cpuMs(pid);
        const estados = await fase();
        const cpu = cpuMs(pid) - c0;
        if (pasada === 0) continue;
        if (pasada === 1) {
          resultados.set(tipo, { cpu: cpu / cuantas, peticiones: cuantas });
          console.log(`${tipo.padEnd(18)} ${(cpu / cuantas).toFixed(2)} CPU-ms/petición  ${JSON.stringify(estados)}`);
          continue;
        }
        const perfiles = await todos('Profiler.stop');
        const filas = new Map<string, number>();
        let total = 0;
        for (const [id, { profile }] of perfiles) {
          if (!profile) continue;
          if (values.perfiles) {
            mkdirSync(values.perfiles, { recursive: true });
            writeFileSync(path.join(values.perfiles, `${tipo}.${id.replaceAll(':', '_')}.cpuprofile`), JSON.stringify(profile));
          }
          const a = agregar(profile);
          total += a.total;
          for (const [f, ms] of a.filas) filas.set(`[${id}] ${f}`, ms);
          filas.set(`[${id}] (total JS)`, a.total);
        }
        resultados.get(tipo)!.perfil = { total, filas: [...filas].filter(([f]) => !f.includes('(idle)')).sort((x, y) => y[1] - x[1]) };
      }
    }
    for (const c of cdp.values()) c.cerrar();
    console.log('\nCPU de workerd por petición (pasada sin perfilador):');
    for (const [tipo, r] of resultados) console.log(`  ${tipo.padEnd(18)} ${r.cpu.toFixed(2)} ms`);
    for (const [tipo, r] of resultados) {
      const p = r.perfil!;
      console.log(`\n== ${tipo}: ${(p.total / r.peticiones).toFixed(2)} ms de JS muestreado por petición; las funciones con más tiempo propio (ms/petición):`);
      for (const [f, ms] of p.filas.slice(0, Number(values.top))) console.log(`  ${(ms / r.peticiones).toFixed(3).padStart(7)}  ${f}`);
    }
  } finally {
    await pila.parar();
  }
}

await principal();
process.exit(0);
