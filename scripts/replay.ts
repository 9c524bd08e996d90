/**
 * `npm run replay -- <resultados.csv> [candidaturas.csv] [<resultados2.csv> …] [--final] [opciones]`
 *
 * Replays a published PREP database through this system, end to end, and compares: a fresh local instance
 * (wrangler dev with a temporary --persist-to), the catalogue derived from the file(s) imported through the
 * documented import path, operators created, every registered acta of the file sent through the real HTTP
 * capture API (acopio, a placeholder image marked «IMAGEN DE REEMPLAZO — REPLAY», two captures that verify it;
 * sin acta with its reason; fuera de catálogo by identification), one corte published at the file's instant,
 * and our published CSV and shards read back and compared with the file (scripts/replay/).
 * The logic is pure and tested (scripts/replay/**); this file moves bytes. Exit codes: see AYUDA.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { strFromU8 } from 'fflate';
import { formatProblema } from '../worker/domain/catalogo/archivos/problemas.ts';
import { FORMATO, leerHuso } from '../worker/domain/catalogo/archivos/especificacion.ts';
import type { ArchivoEntrada } from '../worker/domain/catalogo/archivos/leer.ts';
import { catalogoAArchivos } from '../worker/domain/catalogo/archivos/escribir.ts';
import { coincide, compararReplay, type FallaEnvio } from './replay/comparar.ts';
import { imagenReemplazo } from './replay/imagen.ts';
import { lineasEleccion, lineasVeredicto } from './replay/informe.ts';
import { planearReplay, type ActaReplay, type OpcionesReplay, type PlanReplay } from './replay/plan.ts';
import { leerPublicado, type LeerObjeto, type Publicado } from './replay/publicado.ts';
import { CLAVE, pasosDe, type Paso } from './replay/solicitudes.ts';
import { fechaIso } from './replay/valores.ts';
import { importarCatalogo } from './catalogue.ts';
import { interfaz, leerArgumentos, responder, textoDeUso, type Salida } from './lib/argumentos.ts';
import { RAIZ } from './lib/local.ts';
import { crearOperadoresEnLote } from './lib/operadores-lote.ts';
import { iniciarPila, type Pila } from './lib/pila.ts';

export const SALIDA = {
  /** Ours follows docs/REGLAS.md on every acta and figure, and equals the file wherever the file follows REGLAS. */
  COINCIDE: 0,
  /** A difference of ours: our publication is not what REGLAS give for the file's figures. */
  NO_COINCIDE: 1,
  USO: 2,
  /** The file cannot be replayed (unreadable, not a PREP results CSV, no catalogue can be derived from it). */
  ARCHIVO: 3,
  /** The local instance could not be started, loaded, or publish and serve the corte. */
  INSTANCIA: 4,
  INESPERADO: 70,
} as const;

const DESCRIPCION = `Reproduce una base de datos del PREP publicada (docs/REGLAS.md §7; estilos 2018, 2021 y 2024) en una instancia local
nueva y compara lo que nosotros publicamos con lo que publicó el archivo:
  1. deriva el catálogo del archivo (como «npm run catalogue -- from-prep») y lo importa por el camino de import;
  2. crea operadores (un CATD por territorio, dos capturistas, PREP Casilla si hace falta, el instituto);
  3. envía cada acta registrada por la API de captura real: acopio, una imagen de reemplazo marcada
     «IMAGEN DE REEMPLAZO — REPLAY» (no es el acta), dos capturas con las cifras del archivo (enteros, Ilegible,
     Sin dato; «-» no aplica) que la verifican; sin acta con su motivo (de OBSERVACIONES); fuera de catálogo por
     su identificación;
  4. publica un corte al instante del archivo (--final: el corte final, la participación usa TOTAL_VOTOS_C_CS);
  5. lee nuestro CSV y nuestros shards publicados e imprime, por elección: cada acta (CONTABILIZADA y
     TOTAL_VOTOS_CALCULADO, nuestro / archivo), las 13 cifras del resumen (nuestro / archivo / lo que suman las
     filas del archivo / REGLAS) y si el archivo concuerda consigo mismo (su resumen contra sus propias filas).
Un CSV de candidaturas después de su CSV de resultados da la boleta de los territorios sin actas con votos.

Cada diferencia se atribuye: nuestra publicación debe seguir docs/REGLAS.md aunque el archivo no lo haga.
  ✓  nuestro = archivo = REGLAS
  !  DEL ARCHIVO: nuestro = REGLAS ≠ archivo (el archivo no sigue REGLAS o no concuerda consigo mismo)
  ✗  NUESTRA: nuestro ≠ REGLAS (un defecto nuestro, o algo que el catálogo no admite, como actas sin sección)

Códigos de salida:
  0  coincide: nuestra publicación es la de REGLAS en cada acta y cifra y es igual al archivo donde el archivo
     sigue REGLAS; las diferencias del archivo (!) se informan pero no fallan
  1  no coincide: al menos una diferencia nuestra (✗)
  2  uso incorrecto o archivo inexistente
  3  el archivo no se puede reproducir (ilegible, no es un CSV de resultados del PREP, su catálogo no se deriva)
  4  la instancia local no arrancó, no cargó el catálogo o no publicó el corte
 70  error inesperado`;

const INTERFAZ = interfaz({
  comando: 'npm run replay --',
  descripcion: DESCRIPCION,
  posicionales: { texto: '<resultados.csv> [candidaturas.csv] [<resultados2.csv> [candidaturas2.csv] …]', min: 0, max: Number.POSITIVE_INFINITY },
  opciones: {
    final: { tipo: 'bandera', ayuda: 'el archivo es el corte final: la participación usa TOTAL_VOTOS_C_CS' },
    entidad: { tipo: 'entero', min: 1, max: 32, ayuda: 'como en from-prep (docs/catalogo.md): solo las filas de esta entidad' },
    huso: { tipo: 'texto', valor: 'UTC-7', ayuda: 'como en from-prep: huso horario de la entidad' },
    'boletas-especial': { tipo: 'entero', min: 0, max: 99_999, ayuda: 'como en from-prep: boletas aprobadas por casilla especial' },
    eleccion: { tipo: 'texto', valor: 'COD1,COD2', ayuda: 'como en from-prep: código de cada elección' },
    concurrencia: { tipo: 'entero', min: 1, max: 32, omision: 4, ayuda: 'actas enviadas a la vez' },
    mantener: { tipo: 'bandera', ayuda: 'deja la instancia corriendo al terminar (Ctrl-C la detiene)' },
  },
});

/** The help: usage, what a replay does, the exit codes. */
export const AYUDA = textoDeUso(INTERFAZ);

/** `log`: the report; `error`: progress and errors. */
export type { Salida };

const consola: Salida = { log: (l) => console.log(l), error: (l) => console.error(l) };

/** For the tests: looks at the live instance after the report, before it is stopped. */
export interface Ganchos {
  antesDeParar?: (pila: Pila) => Promise<void>;
}

interface Argumentos {
  rutas: string[];
  opciones: OpcionesReplay;
  concurrencia: number;
  mantener: boolean;
}

/** The arguments, or what to print instead (help, a usage error) and its exit code. */
function argumentosDe(argv: readonly string[]): Argumentos | { codigo: 0 | 2; texto: string } {
  const l = leerArgumentos(argv, INTERFAZ);
  if (l.tipo === 'salida') return l;
  const { final, mantener, entidad, huso, 'boletas-especial': boletasEspecial, eleccion, concurrencia } = l.valores;
  if (l.posicionales.length === 0) return { codigo: 2, texto: `error: indique el CSV de resultados a reproducir\n\n${AYUDA}` };
  // The reader takes --huso as text: checked here (the derivation would refuse it as a problem of the file, exit 3).
  if (huso !== undefined && typeof leerHuso(huso) !== 'number') return { codigo: 2, texto: `error: --huso debe ser ${FORMATO.huso} (se recibió «${huso}»)` };
  const opciones: OpcionesReplay = {
    final,
    ...(entidad !== undefined ? { entidad } : {}),
    ...(huso !== undefined ? { huso } : {}),
    ...(boletasEspecial !== undefined ? { boletasEspecial } : {}),
    ...(eleccion !== undefined ? { codigos: eleccion.split(',').map((x) => x.trim().toUpperCase()) } : {}),
  };
  return { rutas: l.posicionales, opciones, concurrencia, mantener };
}

function leerArchivos(rutas: readonly string[]): ArchivoEntrada[] | { error: string } {
  const entradas: ArchivoEntrada[] = [];
  for (const r of rutas) {
    if (!existsSync(r)) return { error: `${r}: el archivo no existe` };
    if (!statSync(r).isFile()) return { error: `${r}: no es un archivo (indique el CSV de resultados, no una carpeta)` };
    try {
      entradas.push({ nombre: r, bytes: new Uint8Array(readFileSync(r)) });
    } catch (e) {
      return { error: `${r}: no se pudo leer (${(e as NodeJS.ErrnoException).code ?? String(e)})` };
    }
  }
  return entradas;
}

// ---- HTTP ---------------------------------------------------------------------------------------------------

/** A refused request: the API's own error code and message. */
export class Rechazo extends Error {
  readonly status: number;
  readonly codigo: string;
  constructor(status: number, codigo: string, mensaje: string) {
    super(`HTTP ${status} ${codigo}: ${mensaje}`);
    this.status = status;
    this.codigo = codigo;
  }
}

const REINTENTABLE = new Set(['CONFLICTO_CONCURRENTE', 'LIMITE_DE_SOLICITUDES', 'CORTE_EN_CURSO']);

/** Retries by cause (`HTTP 500`, `CONFLICTO_CONCURRENTE`, `red`…), reported with the send summary. */
const reintentos = new Map<string, number>();
const reintento = (causa: string) => reintentos.set(causa, (reintentos.get(causa) ?? 0) + 1);
const esperar = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface Pedido {
  metodo: 'GET' | 'POST';
  ruta: string;
  token?: string;
  json?: unknown;
  bytes?: { contenido: Uint8Array; tipo: string };
  /** Idempotency-Key: a retried write has one effect. */
  clave?: string;
}

/** One request, retried (same Idempotency-Key) on contention, rate limits and dropped connections. */
async function pedir(base: string, p: Pedido): Promise<{ status: number; cuerpo: Uint8Array }> {
  const headers: Record<string, string> = {};
  if (p.token) headers.authorization = `Bearer ${p.token}`;
  if (p.clave) headers['idempotency-key'] = p.clave;
  let body: BodyInit | undefined;
  if (p.json !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(p.json);
  } else if (p.bytes) {
    headers['content-type'] = p.bytes.tipo;
    headers['x-sha256'] = createHash('sha256').update(p.bytes.contenido).digest('hex');
    body = new Blob([p.bytes.contenido as Uint8Array<ArrayBuffer>]);
  }
  for (let intento = 0; ; intento++) {
    let r: Response;
    try {
      r = await fetch(base + p.ruta, { method: p.metodo, headers, body });
    } catch (e) {
      if (intento >= 6) throw e;
      reintento('red');
      await esperar(100 * 2 ** intento);
      continue;
    }
    const cuerpo = new Uint8Array(await r.arrayBuffer());
    if (r.ok) return { status: r.status, cuerpo };
    let codigo = `HTTP_${r.status}`;
    let mensaje = strFromU8(cuerpo).slice(0, 300);
    try {
      const e = JSON.parse(strFromU8(cuerpo)) as { error?: { code?: string; message?: string } };
      codigo = e.error?.code ?? codigo;
      mensaje = e.error?.message ?? mensaje;
    } catch {
      // not JSON: keep the text
    }
    // Writes carry an Idempotency-Key: retrying one the server may have applied has one effect. Every write of
    // the entidad serializes on the audit chain's tip (docs/CAPTURA.md, known limits): under contention the
    // server's own retries run out and this one waits its turn (nobody is waiting on a replay).
    if ((REINTENTABLE.has(codigo) || r.status >= 500) && intento < 16) {
      reintento(r.status >= 500 ? `HTTP ${r.status} ${codigo}` : codigo);
      await esperar(Math.min(3000, 100 * 2 ** intento) * (0.5 + Math.random()));
      continue;
    }
    throw new Rechazo(r.status, codigo, mensaje);
  }
}

const leerJson = <T>(b: Uint8Array) => JSON.parse(strFromU8(b)) as T;

// ---- sending the actas ----------------------------------------------------------------------------------------

/** Sends one acta's steps; returns why it failed, or null. */
async function enviarActa(base: string, plan: PlanReplay, a: ActaReplay, tokens: ReadonlyMap<string, string>): Promise<string | null> {
  const pasos = pasosDe(a, plan.operadores, plan.corte.offsetMinutes);
  let clave = a.clave;
  let ultimaEtapa: string | null = null;
  for (const [n, paso] of pasos.entries()) {
    const ruta = paso.ruta.replace(encodeURIComponent(CLAVE), encodeURIComponent(clave ?? '')).replace(CLAVE, encodeURIComponent(clave ?? ''));
    const token = tokens.get(paso.operador);
    if (!token) return `no hay token del operador ${paso.operador}`;
    const idem = `replay:${a.eleccion}:${a.linea}:${n}`;
    try {
      const r = await enviarPaso(base, paso, ruta, token, idem, a, clave);
      const vista = leerJson<{ clave: string; etapa: string }>(r.cuerpo);
      if (paso.paso === 'ACOPIO') clave = vista.clave;
      ultimaEtapa = vista.etapa;
    } catch (e) {
      return `${paso.paso.toLowerCase()} (${ruta}): ${e instanceof Error ? e.message : String(e)}`;
    }
  }
  const capturada = a.registro.tipo === 'captura' || (a.registro.tipo === 'fuera_catalogo' && a.registro.captura !== null);
  if (capturada && ultimaEtapa !== 'VERIFICADA') return `las dos capturas iguales no la verificaron (etapa ${ultimaEtapa})`;
  return null;
}

function enviarPaso(base: string, paso: Paso, ruta: string, token: string, idem: string, a: ActaReplay, clave: string | null) {
  switch (paso.paso) {
    case 'ACOPIO':
    case 'CAPTURA':
      return pedir(base, { metodo: 'POST', ruta, token, json: paso.cuerpo, clave: idem });
    case 'IMAGEN': {
      const png = imagenReemplazo({ clave: clave ?? a.etiqueta, origen: `${path.basename(a.archivo)}:${a.linea}`, codigoArchivo: a.codigoArchivo });
      const q = new URLSearchParams(paso.consulta).toString();
      return pedir(base, { metodo: 'POST', ruta: `${ruta}?${q}`, token, bytes: { contenido: png, tipo: 'image/png' }, clave: idem });
    }
  }
}

/** Sends every acta, `concurrencia` at a time; returns the failures per election. */
async function enviarTodo(base: string, plan: PlanReplay, tokens: ReadonlyMap<string, string>, concurrencia: number, salida: Salida): Promise<Map<string, FallaEnvio[]>> {
  const trabajo = plan.elecciones.flatMap((e) => e.actas.filter((a) => pasosDe(a, plan.operadores, plan.corte.offsetMinutes).length > 0));
  const fallas = new Map<string, FallaEnvio[]>(plan.elecciones.map((e) => [e.codigo, []]));
  let siguiente = 0;
  let hechas = 0;
  const t0 = Date.now();
  const trabajador = async () => {
    while (siguiente < trabajo.length) {
      const a = trabajo[siguiente++]!;
      const falla = await enviarActa(base, plan, a, tokens);
      if (falla !== null) {
        fallas.get(a.eleccion)!.push({ etiqueta: a.etiqueta, linea: a.linea, mensaje: falla });
        salida.error(`  ✗ ${a.etiqueta} (${path.basename(a.archivo)}:${a.linea}): ${falla}`);
      }
      hechas++;
      if (hechas % 500 === 0) salida.error(`  … ${hechas} de ${trabajo.length} actas enviadas`);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrencia, trabajo.length) }, trabajador));
  const r = [...reintentos].map(([causa, n]) => `${causa}: ${n}`).join(', ');
  salida.error(`${trabajo.length} actas enviadas por la API en ${((Date.now() - t0) / 1000).toFixed(1)} s${r ? ` (reintentos: ${r})` : ''}`);
  return fallas;
}

// ---- main -------------------------------------------------------------------------------------------------------

function textoError(e: unknown): string {
  const m = e instanceof Error ? e.message : String(e);
  return m.length > 2000 ? `${m.slice(0, 2000)} …` : m;
}

/** The static assets wrangler dev serves: the built portal when there is one (for --mantener), else nothing. */
function carpetaAssets(): { dir: string; temporal: boolean } {
  const portal = path.join(RAIZ, 'dist/client');
  if (existsSync(portal)) return { dir: portal, temporal: false };
  return { dir: mkdtempSync(path.join(os.tmpdir(), 'prep-replay-assets-')), temporal: true };
}

export async function main(argv: readonly string[], salida: Salida = consola, ganchos: Ganchos = {}): Promise<number> {
  const args = argumentosDe(argv);
  if ('texto' in args) return responder(args, salida);
  const entradas = leerArchivos(args.rutas);
  if ('error' in entradas) {
    salida.error(entradas.error);
    return SALIDA.USO;
  }
  const plan = planearReplay(entradas, args.opciones);
  if (!plan.ok) {
    for (const p of plan.error) salida.error(formatProblema(p));
    salida.error(`no se puede reproducir: ${plan.error.length} problema(s) en el archivo; no se inició nada.`);
    return SALIDA.ARCHIVO;
  }
  const p = plan.value;
  for (const a of p.avisos) salida.error(`aviso: ${formatProblema(a)}`);

  const assets = carpetaAssets();
  let pila: Pila | null = null;
  try {
    // 1–2. A fresh local instance, the derived catalogue through the import path, the operators.
    salida.error('iniciando una instancia local nueva (wrangler dev, D1 y R2 en una carpeta temporal)…');
    let tokens = new Map<string, string>();
    try {
      pila = await iniciarPila({
        assetsDir: assets.dir,
        prepararDatos: async ({ persistTo }) => {
          const archivos = catalogoAArchivos(p.catalogue).map((a) => ({ nombre: a.nombre, bytes: new TextEncoder().encode(a.texto) }));
          const r = importarCatalogo(archivos, { persistDir: persistTo });
          if (r.estado !== 'cargado') {
            throw new Error(r.estado === 'rechazado' ? `el catálogo derivado no se pudo importar:\n${r.problemas.map(formatProblema).join('\n')}` : `importación del catálogo: ${r.estado}`);
          }
          salida.error(`catálogo importado: ${p.catalogue.entidad.nombre} (entidad ${p.catalogue.entidad.id}), ${p.catalogue.elecciones.length} elección(es), ${p.catalogue.casillas.length} casillas`);
          tokens = await crearOperadoresEnLote(persistTo, p.operadores.todos, { vigenciaMs: 24 * 3_600_000, limitePorMinuto: 1_000_000 });
          salida.error(`${p.operadores.todos.length} operadores creados (${[...tokens.keys()].join(', ')})`);
        },
      });
    } catch (e) {
      salida.error(`no se pudo preparar la instancia local: ${textoError(e)}`);
      return SALIDA.INSTANCIA;
    }
    salida.error(`instancia local en ${pila.url}`);

    // 3. Every registered acta through the capture API.
    const fallas = await enviarTodo(pila.url, p, tokens, args.concurrencia, salida);
    if ([...fallas.values()].some((f) => f.length > 0)) salida.error(`salida reciente de wrangler dev:\n${pila.salida().slice(-3000)}`);

    // 4. One corte at the file's instant.
    let leido: Publicado;
    try {
      const r = await pedir(pila.url, {
        metodo: 'POST',
        ruta: '/api/v1/cortes',
        token: tokens.get(p.operadores.administrador),
        json: { final: p.final, instante: fechaIso(p.corte.ms, p.corte.offsetMinutes) },
      });
      const corte = leerJson<{ resultado: string; numero: number }>(r.cuerpo);
      salida.error(`corte ${corte.numero} ${corte.resultado} al instante del archivo: ${p.corte.texto}${p.final ? ' (final)' : ''}`);
      // 5. Our CSV and shards, read back as anyone would.
      const base = pila.url;
      const leer: LeerObjeto = async (ruta) => {
        try {
          return (await pedir(base, { metodo: 'GET', ruta: `/${ruta}` })).cuerpo;
        } catch (e) {
          if (e instanceof Rechazo && e.status === 404) return null;
          throw e;
        }
      };
      leido = await leerPublicado(leer, p);
    } catch (e) {
      salida.error(`no se pudo publicar o leer el corte: ${textoError(e)}\n${pila.salida().slice(-2000)}`);
      return SALIDA.INSTANCIA;
    }

    const informes = compararReplay(p, leido, fallas);
    for (const i of informes) {
      for (const l of lineasEleccion(i, { corte: p.corte.texto, final: p.final })) salida.log(l);
      salida.log('');
    }
    for (const l of lineasVeredicto(informes)) salida.log(l);
    const codigo = coincide(informes) ? SALIDA.COINCIDE : SALIDA.NO_COINCIDE;
    await ganchos.antesDeParar?.(pila);

    if (args.mantener) {
      salida.error(`la instancia sigue en ${pila.url} (portal, API y /datos/latest.json); Ctrl-C la detiene y borra sus datos`);
      await new Promise<void>((resolve) => {
        process.once('SIGINT', () => resolve());
        process.once('SIGTERM', () => resolve());
      });
    }
    return codigo;
  } catch (e) {
    salida.error(`error inesperado: ${textoError(e)}`);
    return SALIDA.INESPERADO;
  } finally {
    await pila?.parar();
    if (assets.temporal) rmSync(assets.dir, { recursive: true, force: true });
  }
}

if (import.meta.main) process.exit(await main(process.argv.slice(2)));
