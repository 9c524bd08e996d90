/**
 * The Worker's own address under `wrangler dev`, past wrangler's dev proxy. wrangler dev runs two workerd
 * processes: one holds its proxy worker (listening on the port we asked for; it forwards every request through a
 * Durable Object and a second HTTP hop), the other holds our Worker on a port of its own choosing. A script that
 * sends tens of thousands of requests (the simulacro, the replay) talks to the second one: the same Worker, D1
 * and R2, without the proxy's CPU (measured: the proxy halves the requests/s of the no-op route on 2 cores).
 * Found from /proc (Linux): the listening sockets of the workerd processes in the process group we started, minus
 * the proxy's, probed with GET /health. Anywhere else, or if nothing answers, null: the caller keeps the proxy.
 */
import { readdirSync, readFileSync, readlinkSync } from 'node:fs';

/** Listening TCP ports on 127.0.0.1 by socket inode (/proc/net/tcp; state 0A = LISTEN). */
export function puertosEscuchando(tablaTcp: string): Map<string, number> {
  const porInodo = new Map<string, number>();
  for (const linea of tablaTcp.split('\n').slice(1)) {
    const c = linea.trim().split(/\s+/);
    if (c.length < 10 || c[3] !== '0A') continue;
    const [ip, puerto] = c[1]!.split(':');
    if (ip !== '0100007F' && ip !== '00000000') continue;
    porInodo.set(c[9]!, Number.parseInt(puerto!, 16));
  }
  return porInodo;
}

/** Process ids whose process group is `grupo` and whose name is `nombre`. */
function procesosDelGrupo(grupo: number, nombre: string): number[] {
  const pids: number[] = [];
  for (const d of readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const stat = readFileSync(`/proc/${d}/stat`, 'utf8');
      const cierre = stat.lastIndexOf(')');
      const comm = stat.slice(stat.indexOf('(') + 1, cierre);
      // Fields after "(comm)": state, ppid, pgrp, …
      const pgrp = Number(stat.slice(cierre + 2).split(' ')[2]);
      if (pgrp === grupo && comm === nombre) pids.push(Number(d));
    } catch {
      // the process ended while we looked
    }
  }
  return pids;
}

/** The ports each process listens on. */
function puertosDe(pid: number, porInodo: ReadonlyMap<string, number>): number[] {
  const puertos: number[] = [];
  try {
    for (const fd of readdirSync(`/proc/${pid}/fd`)) {
      try {
        const m = /^socket:\[(\d+)\]$/.exec(readlinkSync(`/proc/${pid}/fd/${fd}`));
        const p = m ? porInodo.get(m[1]!) : undefined;
        if (p !== undefined) puertos.push(p);
      } catch {
        // fd closed meanwhile
      }
    }
  } catch {
    // not ours to read, or gone
  }
  return puertos;
}

/**
 * http://127.0.0.1:PORT of the Worker itself, for a `wrangler dev` started as the leader of process group `grupo`
 * and serving on `puertoProxy`; null when it cannot be told (not Linux, nothing answers /health).
 */
export async function urlDirectaDelWorker(grupo: number, puertoProxy: number): Promise<string | null> {
  let tabla: string;
  try {
    tabla = readFileSync('/proc/net/tcp', 'utf8');
  } catch {
    return null;
  }
  const porInodo = puertosEscuchando(tabla);
  const procesos = procesosDelGrupo(grupo, 'workerd').map((pid) => puertosDe(pid, porInodo));
  const candidatos = procesos.filter((ps) => !ps.includes(puertoProxy)).flat();
  for (const p of candidatos) {
    const url = `http://127.0.0.1:${p}`;
    try {
      const r = await fetch(`${url}/health`, { signal: AbortSignal.timeout(2000) });
      const json = r.ok && (r.headers.get('content-type') ?? '').includes('json');
      await r.body?.cancel();
      if (json) return url;
    } catch {
      // the inspector or another socket: not the Worker's entry
    }
  }
  return null;
}
