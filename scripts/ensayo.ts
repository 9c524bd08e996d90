/**
 * `npm run ensayo -- <URL base> [opciones]`: the load and soak test an institute runs against its own `pruebas`
 * deployment during its simulacros (docs/ESCALA.md). For a bounded time, readers load portal pages as visitors do
 * (scripts/ensayo/lectores.ts) and, with the tokens of one CATD's operators, actas from that CATD's acopio queue
 * are taken through the capture API at a fixed rate (scripts/ensayo/capturas.ts). It prints latency percentiles,
 * errors and the edge cache hit ratio the responses report. Writes are refused unless /health says `pruebas`.
 * Exit 0: no errors; 1: some request failed (5xx, 429 or no answer) or an acta stopped; 2: wrong arguments.
 */
import { randomUUID } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { interfaz, leerArgumentos, responder, type Salida } from './lib/argumentos.ts';
import { correrCapturas, type Tokens } from './ensayo/capturas.ts';
import { textoEnsayo, type ResultadoEnsayo } from './ensayo/informe.ts';
import { correrLectores } from './ensayo/lectores.ts';
import { resumir, type Muestra } from './ensayo/medicion.ts';

const USO = interfaz({
  comando: 'npm run ensayo --',
  descripcion:
    'Prueba de carga y de resistencia contra un despliegue propio de `pruebas` durante un simulacro: lectores que\n' +
    'cargan páginas del portal y, con los tokens de un CATD, capturas a ritmo fijo; imprime latencias, errores y\n' +
    'aciertos de la caché del borde. Tokens también en PREP_TOKEN_ACOPIO, PREP_TOKEN_DIGITALIZACION,\n' +
    'PREP_TOKEN_CAPTURA1 y PREP_TOKEN_CAPTURA2.',
  posicionales: { texto: '<URL base>', min: 1, max: 1 },
  opciones: {
    'duracion-s': { tipo: 'entero', min: 1, max: 4 * 3600, omision: 300, valor: 'N', ayuda: 'duración de la prueba (s); a lo más 4 h' },
    lectores: { tipo: 'entero', min: 0, max: 5000, omision: 50, valor: 'N', ayuda: 'lectores simultáneos' },
    'cada-s': { tipo: 'numero', mayorQue: 0, max: 600, omision: 5, valor: 'N', ayuda: 'segundos entre visitas de cada lector' },
    'actas-por-s': { tipo: 'numero', mayorQue: 0, max: 200, omision: 1, valor: 'N', ayuda: 'actas por segundo (con tokens)' },
    'token-acopio': { tipo: 'texto', valor: 'TOKEN', ayuda: 'token de acopio de un CATD' },
    'token-digitalizacion': { tipo: 'texto', valor: 'TOKEN', ayuda: 'token de digitalización del mismo CATD' },
    'token-captura1': { tipo: 'texto', valor: 'TOKEN', ayuda: 'token de la primera captura' },
    'token-captura2': { tipo: 'texto', valor: 'TOKEN', ayuda: 'token de la segunda captura' },
    'limite-s': { tipo: 'numero', mayorQue: 0, max: 120, omision: 15, valor: 'N', ayuda: 'tiempo máximo de cada petición (s)' },
    json: { tipo: 'texto', valor: 'ARCHIVO', ayuda: 'guarda también el resultado como JSON' },
  },
  ejemplos: [
    'npm run ensayo -- https://prep-edge-pruebas.example.workers.dev --duracion-s 1800 --lectores 200',
    'PREP_TOKEN_ACOPIO=… PREP_TOKEN_DIGITALIZACION=… PREP_TOKEN_CAPTURA1=… PREP_TOKEN_CAPTURA2=… npm run ensayo -- http://localhost:8787 --actas-por-s 2',
  ],
});

/** Where the tokens may also come from (process.env). */
type Entorno = Readonly<Record<string, string | undefined>>;

type Valores = Extract<ReturnType<typeof leerArgumentos<typeof USO.opciones>>, { tipo: 'valores' }>['valores'];

/** All four tokens, from the flags or the environment; null with none; an error text with some missing. */
function tokensDe(v: Valores, env: Entorno): Tokens | null | string {
  const t = {
    acopio: v['token-acopio'] ?? env.PREP_TOKEN_ACOPIO,
    digitalizacion: v['token-digitalizacion'] ?? env.PREP_TOKEN_DIGITALIZACION,
    captura1: v['token-captura1'] ?? env.PREP_TOKEN_CAPTURA1,
    captura2: v['token-captura2'] ?? env.PREP_TOKEN_CAPTURA2,
  };
  const faltan = Object.entries(t).filter(([, x]) => !x);
  if (faltan.length === 4) return null;
  if (faltan.length > 0) return `faltan tokens: ${faltan.map(([k]) => k).join(', ')} (se necesitan los cuatro para capturar)`;
  return t as Tokens;
}

/** The deployment's environment as /health says it; null when it does not answer. */
async function entornoDe(base: string, limiteMs: number): Promise<string | null> {
  try {
    const r = await fetch(`${base}/health`, { signal: AbortSignal.timeout(limiteMs) });
    return r.ok ? ((await r.json()) as { entorno?: string }).entorno ?? null : null;
  } catch {
    return null;
  }
}

export async function main(argv: readonly string[], salida: Salida = console, env: Entorno = process.env): Promise<number> {
  const l = leerArgumentos(argv, USO);
  if (l.tipo === 'salida') return responder(l, salida);
  const v = l.valores;
  let base: string;
  try {
    base = new URL(l.posicionales[0]!).href.replace(/\/+$/, '');
  } catch {
    return responder({ codigo: 2, texto: `error: «${l.posicionales[0]}» no es una URL` }, salida);
  }
  const tokens = tokensDe(v, env);
  if (typeof tokens === 'string') return responder({ codigo: 2, texto: `error: ${tokens}` }, salida);
  const limiteMs = v['limite-s'] * 1000;
  if (tokens !== null) {
    const entorno = await entornoDe(base, limiteMs);
    if (entorno !== 'pruebas') {
      salida.error(`error: ${base}/health dice entorno «${entorno ?? 'sin respuesta'}»: el ensayo sólo captura en un despliegue de pruebas`);
      return 1;
    }
  }
  const inicio = Date.now();
  const hastaMs = inicio + v['duracion-s'] * 1000;
  const lecturas: Muestra[] = [];
  const escrituras: Muestra[] = [];
  salida.log(`ensayo: ${v['duracion-s']} s contra ${base}…`);
  const [, capturas] = await Promise.all([
    correrLectores({ base, lectores: v.lectores, cadaMs: v['cada-s'] * 1000, hastaMs, limiteMs, azar: Math.random }, lecturas),
    tokens === null
      ? Promise.resolve(null)
      : correrCapturas({ base, tokens, actasPorSegundo: v['actas-por-s'], hastaMs, limiteMs, corrida: randomUUID().slice(0, 8) }, escrituras),
  ]);
  const segundos = (Date.now() - inicio) / 1000;
  const r: ResultadoEnsayo = {
    base,
    inicio: new Date(inicio).toISOString(),
    segundos,
    lectores: v.lectores,
    cadaS: v['cada-s'],
    actasPorSegundo: v['actas-por-s'],
    lecturas: resumir(lecturas, segundos),
    escrituras: capturas ? resumir(escrituras, segundos) : null,
    capturas,
  };
  for (const t of textoEnsayo(r)) salida.log(t);
  if (v.json) writeFileSync(v.json, `${JSON.stringify(r, null, 2)}\n`);
  const detenidas = capturas ? Object.values(capturas.fallidas).reduce((a, b) => a + b, 0) : 0;
  return r.lecturas.errores + (r.escrituras?.errores ?? 0) + detenidas > 0 ? 1 : 0;
}

if (import.meta.main) process.exitCode = await main(process.argv.slice(2));
