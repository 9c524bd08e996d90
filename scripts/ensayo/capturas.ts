/**
 * The rehearsal's writes: the actas one CATD still expects (its acopio queue) taken through the capture API at a
 * fixed rate, as that CATD's operators would: acopio, a scanned image (a small PNG made here), the ballot's
 * fields (GET …/boleta), then two identical captures that verify the acta. Every write goes through the
 * simulacro's client (scripts/simulacro/cliente.ts): an Idempotency-Key per step, retried on a dropped
 * connection, a lost race or a 429.
 */
import { TOTALES } from '../../worker/domain/acta/esquema.ts';
import { Cliente } from '../simulacro/cliente.ts';
import { Lienzo } from '../simulacro/lienzo.ts';
import { codificarPng } from '../simulacro/png.ts';
import { medirGet, type Muestra } from './medicion.ts';

export interface Tokens {
  acopio: string;
  digitalizacion: string;
  captura1: string;
  captura2: string;
}

export interface OpcionesCapturas {
  base: string;
  tokens: Tokens;
  actasPorSegundo: number;
  hastaMs: number;
  limiteMs: number;
  /** Distinguishes this run's idempotency keys from any other run's. */
  corrida: string;
}

export interface ResultadoCapturas {
  /** Actas taken through every step with the expected answers. */
  verificadas: number;
  /** Actas that stopped at a step: `paso: HTTP status`. */
  fallidas: Record<string, number>;
  reintentos: number;
  /** Actas in the queue when the run started. */
  enCola: number;
}

interface Boleta {
  campos: { columna: string }[];
  limite: number | null;
  listaNominal: number | null;
}

/** A blank 64×32 PNG whose comment names the acta: one distinct, valid image per acta. */
function imagenDe(clave: string): Uint8Array {
  return codificarPng(new Lienzo(64, 32), [0xffffff, 0x000000], `ENSAYO ${clave}`);
}

/** Plausible figures within the casilla's limit: half the lista nominal, spread over the ballot's fields. */
export function figurasDe(b: Boleta): { votos: Record<string, number>; totales: Record<string, number> } {
  const tope = Math.max(20, Math.min(b.listaNominal ?? b.limite ?? 100, b.limite ?? Number.POSITIVE_INFINITY));
  const total = Math.floor(tope / 2);
  const votos: Record<string, number> = {};
  let resto = total;
  b.campos.forEach((c, i) => {
    const n = i === b.campos.length - 1 ? resto : Math.floor(resto / 3);
    votos[c.columna] = n;
    resto -= n;
  });
  const totales: Record<string, number> = Object.fromEntries(TOTALES.map((t) => [t, total]));
  totales.TOTAL_BOLETAS_SOBRANTES = Math.max(0, tope - total);
  totales.TOTAL_REP_PARTIDO_CI_VOTARON = 0;
  return { votos, totales };
}

async function cola(o: OpcionesCapturas): Promise<string[]> {
  const r = await fetch(`${o.base}/api/v1/cola/acopio?limite=500`, { headers: { authorization: `Bearer ${o.tokens.acopio}` }, signal: AbortSignal.timeout(o.limiteMs) });
  if (!r.ok) throw new Error(`la cola de acopio respondió HTTP ${r.status}: ${(await r.text()).slice(0, 300)}`);
  const { actas } = (await r.json()) as { actas: { clave: string; etapa: string; desde: number | null }[] };
  // Only what has not arrived yet: a rehearsal never touches an acta someone else is working on.
  return actas.filter((a) => a.desde === null).map((a) => a.clave);
}

/** One acta through every step; returns null when it verified, else the step and status where it stopped. */
async function unaActa(o: OpcionesCapturas, cliente: Cliente, clave: string, muestras: Muestra[], contar: (n: number) => void): Promise<string | null> {
  const k = (paso: string) => `ensayo-${o.corrida}-${clave}-${paso}`;
  const post = async (paso: string, p: Parameters<Cliente['post']>[0], esperado: number[]) => {
    const r = await cliente.post(p).catch(() => ({ status: 0, ms: 0, reintentos: 0 }));
    muestras.push({ ms: r.ms, status: r.status, cache: null });
    contar(r.reintentos);
    return esperado.includes(r.status) ? null : `${paso}: HTTP ${r.status || 'sin respuesta'}`;
  };
  const t = o.tokens;
  let fallo = await post('acopio', { ruta: '/api/v1/acopio', token: t.acopio, json: { clave, mecanismoTraslado: 'F' }, idempotencia: k('acopio') }, [200, 201]);
  if (fallo) return fallo;
  fallo = await post(
    'imagen',
    { ruta: `/api/v1/actas/${clave}/imagen?origen=CATD&digitalizacion=ESCANER&tipoDocumento=ACTA_PREP`, token: t.digitalizacion, bytes: imagenDe(clave), tipo: 'image/png', idempotencia: k('imagen') },
    [200, 201],
  );
  if (fallo) return fallo;
  const b = await medirGet(`${o.base}/api/v1/actas/${clave}/boleta`, { authorization: `Bearer ${t.captura1}`, accept: 'application/json' }, o.limiteMs);
  muestras.push(b.muestra);
  if (b.muestra.status !== 200) return `boleta: HTTP ${b.muestra.status || 'sin respuesta'}`;
  const figuras = figurasDe(JSON.parse(b.cuerpo) as Boleta);
  fallo = await post('captura 1', { ruta: `/api/v1/actas/${clave}/capturas`, token: t.captura1, json: figuras, idempotencia: k('cap1') }, [200]);
  if (fallo) return fallo;
  return post('captura 2', { ruta: `/api/v1/actas/${clave}/capturas`, token: t.captura2, json: figuras, idempotencia: k('cap2') }, [200]);
}

const dormir = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Starts one acta every 1/actasPorSegundo s until `hastaMs` or the queue runs out, then waits for those in flight. */
export async function correrCapturas(o: OpcionesCapturas, muestras: Muestra[]): Promise<ResultadoCapturas> {
  const cliente = new Cliente(o.base);
  const claves = await cola(o);
  const res: ResultadoCapturas = { verificadas: 0, fallidas: {}, reintentos: 0, enCola: claves.length };
  const enCurso: Promise<void>[] = [];
  const intervalo = 1000 / o.actasPorSegundo;
  const t0 = Date.now();
  for (const [i, clave] of claves.entries()) {
    const turno = t0 + i * intervalo;
    if (turno >= o.hastaMs) break;
    await dormir(Math.max(0, turno - Date.now()));
    enCurso.push(
      unaActa(o, cliente, clave, muestras, (n) => {
        res.reintentos += n;
      }).then((fallo) => {
        if (fallo === null) res.verificadas++;
        else res.fallidas[fallo] = (res.fallidas[fallo] ?? 0) + 1;
      }),
    );
  }
  await Promise.all(enCurso);
  return res;
}
