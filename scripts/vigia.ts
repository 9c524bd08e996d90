/**
 * `npm run vigia -- <URL base> [--webhook URL] [--max-edad-min N] [--cada-s N] [--repetir-min N] [--una-vez]`
 *
 * Watches a PREP from outside the Worker it watches: every few seconds it reads `latest.json` and `/health` as
 * the public would, and calls the webhook (a JSON POST: scripts/vigia/evaluacion.ts `Aviso`) when the cortes
 * stall, the publication is missing or unreadable, or the Worker stops answering; again while it lasts; and once
 * more when everything is back. With `--una-vez` it looks once and exits 1 if something is wrong (for a cron of
 * the institute's own). Exit 2: wrong arguments.
 */
import { interfaz, leerArgumentos, responder, type Salida } from './lib/argumentos.ts';
import { decidirAviso, ESTADO_INICIAL, problemasDe, type Aviso, type EstadoVigia, type Umbrales } from './vigia/evaluacion.ts';
import { observar } from './vigia/sondeo.ts';

const USO = interfaz({
  comando: 'npm run vigia --',
  descripcion:
    'Vigila un PREP desde fuera: la edad de latest.json y /health. Llama al webhook cuando los cortes se detienen,\n' +
    'la publicación falta o el Worker no responde; de nuevo mientras dure, y al recuperarse.',
  posicionales: { texto: '<URL base>', min: 1, max: 1 },
  opciones: {
    webhook: { tipo: 'texto', valor: 'URL', ayuda: 'recibe cada aviso como POST JSON (sin él, sólo se imprime)' },
    'max-edad-min': { tipo: 'numero', mayorQue: 0, max: 1440, omision: 15, valor: 'N', ayuda: 'edad máxima del corte más reciente (min)' },
    'cada-s': { tipo: 'numero', mayorQue: 0, max: 3600, omision: 60, valor: 'N', ayuda: 'segundos entre revisiones' },
    'repetir-min': { tipo: 'numero', mayorQue: 0, max: 1440, omision: 15, valor: 'N', ayuda: 'repite el aviso mientras dure el problema (min)' },
    'limite-s': { tipo: 'numero', mayorQue: 0, max: 120, omision: 10, valor: 'N', ayuda: 'tiempo máximo de cada petición (s)' },
    'una-vez': { tipo: 'bandera', ayuda: 'revisa una vez; código 1 si hay un problema' },
  },
  ejemplos: ['npm run vigia -- https://prep.iepcjalisco.org.mx --webhook https://chat.example/hooks/prep', 'npm run vigia -- http://localhost:8787 --una-vez'],
});

async function entregar(webhook: string | undefined, aviso: Aviso, limiteMs: number, pedir: typeof fetch): Promise<boolean> {
  if (webhook === undefined) return true;
  try {
    const r = await pedir(webhook, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(aviso), signal: AbortSignal.timeout(limiteMs) });
    if (r.ok) return true;
    console.error(`el webhook respondió HTTP ${r.status}; se reintenta en la próxima revisión`);
  } catch (e) {
    console.error(`el webhook no respondió (${e instanceof Error ? e.message : String(e)}); se reintenta en la próxima revisión`);
  }
  return false;
}

function imprimir(aviso: Aviso): void {
  const lineas = aviso.problemas.length > 0 ? aviso.problemas.map((p) => `  ${p.codigo}: ${p.mensaje}`) : ['  todo en orden'];
  console.log(`[${aviso.instante}] ${aviso.estado.toUpperCase()} ${aviso.base}\n${lineas.join('\n')}`);
}

/** One round: look, decide, notify. Returns the state to keep and the problems seen. */
async function ronda(base: string, estado: EstadoVigia, u: Umbrales & { limiteMs: number; webhook?: string }, pedir: typeof fetch) {
  const o = await observar({ base, limiteMs: u.limiteMs, pedir });
  const problemas = problemasDe(o, u);
  const { aviso, siEntregado } = decidirAviso(estado, problemas, o, base, u);
  if (aviso === null) return { estado, problemas };
  imprimir(aviso);
  return { estado: (await entregar(u.webhook, aviso, u.limiteMs, pedir)) ? siEntregado : estado, problemas };
}

export async function main(argv: readonly string[], salida?: Salida, pedir: typeof fetch = fetch): Promise<number> {
  const l = leerArgumentos(argv, USO);
  if (l.tipo === 'salida') return responder(l, salida);
  const v = l.valores;
  let base: string;
  try {
    base = new URL(l.posicionales[0]!.replace(/\/*$/, '/')).href;
  } catch {
    return responder({ codigo: 2, texto: `error: «${l.posicionales[0]}» no es una URL` }, salida);
  }
  const u = { maxEdadCorteMs: v['max-edad-min'] * 60_000, repetirMs: v['repetir-min'] * 60_000, limiteMs: v['limite-s'] * 1000, webhook: v.webhook };
  let r = await ronda(base, ESTADO_INICIAL, u, pedir);
  if (v['una-vez']) {
    if (r.problemas.length === 0) console.log(`${base}: en orden`);
    return r.problemas.length > 0 ? 1 : 0;
  }
  console.log(`vigilando ${base} cada ${v['cada-s']} s (Ctrl+C para terminar)`);
  for (;;) {
    await new Promise((listo) => setTimeout(listo, v['cada-s'] * 1000));
    r = await ronda(base, r.estado, u, pedir);
  }
}

if (import.meta.main) process.exitCode = await main(process.argv.slice(2));
