/**
 * `npm run replay -- <resultados.csv> [candidaturas.csv] [<resultados2.csv> …] [--final] [opciones]`
 * `npm run replay -- --noche <carpeta1> <carpeta2> … [--final] [opciones]`
 *
 * Replays a published PREP database through this system, end to end, and compares: a fresh local instance
 * (wrangler dev with a temporary --persist-to), the catalogue derived from the file(s) imported through the
 * documented import path, operators created, every registered acta of the file sent through the real HTTP
 * capture API (acopio, a placeholder image marked «IMAGEN DE REEMPLAZO — REPLAY», two captures that verify it;
 * sin acta with its reason; fuera de catálogo by identification), one corte published at the file's instant,
 * and our published CSV and shards read back and compared with the file (scripts/replay/). --noche does it for
 * each corte of a night on one instance, sending only what changed (scripts/replay/noche.ts).
 * The logic is pure and tested (scripts/replay/**); this file moves bytes. Exit codes: see AYUDA.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { strFromU8 } from 'fflate';
import { formatProblema } from '../worker/domain/catalogo/archivos/problemas.ts';
import { FORMATO, leerHuso } from '../worker/domain/catalogo/archivos/especificacion.ts';
import type { ArchivoEntrada } from '../worker/domain/catalogo/archivos/leer.ts';
import { catalogoAArchivos } from '../worker/domain/catalogo/archivos/escribir.ts';
import type { OperadorNuevo } from '../worker/domain/captura/operador-nuevo.ts';
import { coincide, compararReplay, type FallaEnvio } from './replay/comparar.ts';
import { imagenReemplazo } from './replay/imagen.ts';
import { lineasEleccion, lineasVeredicto } from './replay/informe.ts';
import { planearReplay, type ActaReplay, type OpcionesReplay, type PlanReplay } from './replay/plan.ts';
import { anotarActa, anotarPaso, clasePaso, desenlaceDe, lineaFinal, lineasProgreso, progresoEnvio } from './replay/progreso.ts';
import { leerPublicado, type LeerObjeto, type Publicado } from './replay/publicado.ts';
import { conCatalogoDe, diferenciaCorte, esPlanEnvio, motivoCorreccion, planEnvio, SUPERVISOR, trasEnviar, type Enviadas } from './replay/noche.ts';
import { cortesDeLaNoche, type CarpetaLeida, type CorteNoche } from './replay/noche-cortes.ts';
import { lineasCatalogo, lineasCorte, lineasResumenNoche, type FilaNoche } from './replay/noche-informe.ts';
import { dispositivosPorSeccion, type Dispositivos } from './replay/dispositivos.ts';
import { CLAVE, pasosCorreccion, pasosDe, type Paso } from './replay/solicitudes.ts';
import { fechaIso } from './replay/valores.ts';
import { importarCatalogo } from './catalogue.ts';
import { interfaz, leerArgumentos, responder, textoDeUso, type Salida } from './lib/argumentos.ts';
import { RAIZ } from './lib/local.ts';
import { crearOperadoresEnLote } from './lib/operadores-lote.ts';
import { pantalla, terminalDe } from './lib/pantalla.ts';
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
  5. lee nuestro CSV y nuestros shards publicados e imprime, por elección: cada acta × cifra que ambos llevan
     (votos por columna, totales, LISTA_NOMINAL, OBSERVACIONES, CONTABILIZADA…; nuestro / archivo / REGLAS), las
     diferencias agrupadas por la regla que rompen (--todas: cada una), la suma de cada columna de votos, las 13
     cifras del resumen (nuestro / archivo / lo que suman las filas del archivo / REGLAS) y si el archivo concuerda
     consigo mismo (su resumen contra sus propias filas). Una fila que repite una CLAVE_ACTA no se envía: es una
     diferencia del archivo (el catálogo tiene un acta por CLAVE_ACTA).
Un CSV de candidaturas después de su CSV de resultados da la boleta de los territorios sin actas con votos.

Una noche entera (--noche <carpeta1> <carpeta2> …): cada carpeta es un corte publicado (sus CSV de resultados y
de candidaturas, reconocidos por su encabezado); los cortes se ordenan por el instante que declara cada archivo
y las carpetas de un mismo instante (una por elección) son un corte. El catálogo es el del último corte. En cada
corte, por la API: las actas nuevas, el camino completo; las ya verificadas cuyas cifras cambian, la corrección
(cotejo RECAPTURA y dos capturas con las cifras nuevas); lo que la API no puede reproducir (un acta que el archivo
deja de registrar o quita) se informa y no se envía. Luego un corte al instante del archivo, comparado con él;
--final: el último corte es el final. Sale con 0 solo si cada corte coincide.

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
  (--noche: el peor de los cortes; 1 si alguno no coincide)
 70  error inesperado`;

const INTERFAZ = interfaz({
  comando: 'npm run replay --',
  descripcion: DESCRIPCION,
  posicionales: { texto: '<resultados.csv> [candidaturas.csv] [<resultados2.csv> [candidaturas2.csv] …]  |  --noche <carpeta1> <carpeta2> …', min: 0, max: Number.POSITIVE_INFINITY },
  opciones: {
    final: { tipo: 'bandera', ayuda: 'el archivo es el corte final: la participación usa TOTAL_VOTOS_C_CS (con --noche: el último corte)' },
    noche: { tipo: 'bandera', ayuda: 'una noche entera: cada posicional es la carpeta de un corte (sus CSV de resultados y de candidaturas)' },
    entidad: { tipo: 'entero', min: 1, max: 32, ayuda: 'como en from-prep (docs/catalogo.md): solo las filas de esta entidad' },
    huso: { tipo: 'texto', valor: 'UTC-7', ayuda: 'como en from-prep: huso horario de la entidad' },
    'boletas-especial': { tipo: 'entero', min: 0, max: 99_999, ayuda: 'como en from-prep: boletas aprobadas por casilla especial' },
    eleccion: { tipo: 'texto', valor: 'COD1,COD2', ayuda: 'como en from-prep: código de cada elección' },
    concurrencia: { tipo: 'entero', min: 1, max: 32, omision: 8, ayuda: 'actas enviadas a la vez (cada una, sus solicitudes en orden)' },
    mantener: { tipo: 'bandera', ayuda: 'deja la instancia corriendo al terminar (Ctrl-C la detiene)' },
    todas: { tipo: 'bandera', ayuda: 'lista cada diferencia de cada regla (sin ella: el conteo y los primeros ejemplos)' },
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
  noche: boolean;
  todas: boolean;
}

/** The arguments, or what to print instead (help, a usage error) and its exit code. */
function argumentosDe(argv: readonly string[]): Argumentos | { codigo: 0 | 2; texto: string } {
  const l = leerArgumentos(argv, INTERFAZ);
  if (l.tipo === 'salida') return l;
  const { final, mantener, noche, todas, entidad, huso, 'boletas-especial': boletasEspecial, eleccion, concurrencia } = l.valores;
  if (l.posicionales.length === 0) return { codigo: 2, texto: `error: ${noche ? 'indique las carpetas de los cortes' : 'indique el CSV de resultados a reproducir'}\n\n${AYUDA}` };
  // The reader takes --huso as text: checked here (the derivation would refuse it as a problem of the file, exit 3).
  if (huso !== undefined && typeof leerHuso(huso) !== 'number') return { codigo: 2, texto: `error: --huso debe ser ${FORMATO.huso} (se recibió «${huso}»)` };
  const opciones: OpcionesReplay = {
    final,
    ...(entidad !== undefined ? { entidad } : {}),
    ...(huso !== undefined ? { huso } : {}),
    ...(boletasEspecial !== undefined ? { boletasEspecial } : {}),
    ...(eleccion !== undefined ? { codigos: eleccion.split(',').map((x) => x.trim().toUpperCase()) } : {}),
  };
  return { rutas: l.posicionales, opciones, concurrencia, mantener, noche, todas };
}

function leerArchivos(rutas: readonly string[]): ArchivoEntrada[] | { error: string } {
  const entradas: ArchivoEntrada[] = [];
  for (const r of rutas) {
    if (!existsSync(r)) return { error: `${r}: el archivo no existe` };
    if (!statSync(r).isFile()) return { error: `${r}: no es un archivo (indique el CSV de resultados, no una carpeta; una carpeta por corte es --noche)` };
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
  // identity: as the simulacro's client (scripts/simulacro/cliente.ts), so wrangler dev does not gzip the answers.
  const headers: Record<string, string> = { 'accept-encoding': 'identity' };
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

/** The operators' tokens, and who sends each step (a PREP Casilla step: the device of the acta's sección). */
interface Credenciales {
  tokens: ReadonlyMap<string, string>;
  operadorDe: Dispositivos['operadorDe'];
}

/** The requests that send one acta. */
function pasosDelActa(plan: PlanReplay, a: ActaReplay): Paso[] {
  // A whole night's corte marks the actas it corrects: they take the correction path (scripts/replay/noche.ts).
  const cotejo = esPlanEnvio(plan) ? plan.correcciones.get(a) : undefined;
  return esPlanEnvio(plan) && cotejo !== undefined
    ? pasosCorreccion(a, plan.operadores, plan.supervisor, cotejo, motivoCorreccion(plan.corte.texto), plan.corte.offsetMinutes)
    : pasosDe(a, plan.operadores, plan.corte.offsetMinutes);
}

/** Sends one acta's steps (`alPaso` after each answered one, for the progress); returns why it failed, or null. */
async function enviarActa(base: string, plan: PlanReplay, a: ActaReplay, envio: Credenciales, alPaso?: (pasos: readonly Paso[], n: number) => void): Promise<string | null> {
  const pasos = pasosDelActa(plan, a);
  let clave = a.clave;
  let ultimaEtapa: string | null = null;
  for (const [n, paso] of pasos.entries()) {
    const ruta = paso.ruta.replace(encodeURIComponent(CLAVE), encodeURIComponent(clave ?? '')).replace(CLAVE, encodeURIComponent(clave ?? ''));
    const operador = envio.operadorDe(paso.operador, a.casillaClave);
    const token = envio.tokens.get(operador);
    if (!token) return `no hay token del operador ${operador}`;
    // Unique across the cortes of a night (the same line of two cortes' files is often another acta).
    const idem = `replay:${plan.corte.ms}:${a.eleccion}:${a.linea}:${n}`;
    try {
      const r = await enviarPaso(base, paso, ruta, token, idem, a, clave);
      const vista = leerJson<{ clave: string; etapa: string }>(r.cuerpo);
      if (paso.paso === 'ACOPIO') clave = vista.clave;
      ultimaEtapa = vista.etapa;
      alPaso?.(pasos, n);
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
    case 'COTEJO':
      return pedir(base, { metodo: 'POST', ruta, token, json: paso.cuerpo, clave: idem });
    case 'IMAGEN': {
      const png = imagenReemplazo({ clave: clave ?? a.etiqueta, origen: `${path.basename(a.archivo)}:${a.linea}`, codigoArchivo: a.codigoArchivo });
      const q = new URLSearchParams(paso.consulta).toString();
      return pedir(base, { metodo: 'POST', ruta: `${ruta}?${q}`, token, bytes: { contenido: png, tipo: 'image/png' }, clave: idem });
    }
  }
}

/** Sends every acta, `concurrencia` at a time, showing the progress (scripts/replay/progreso.ts); returns the failures per election. */
async function enviarTodo(
  base: string,
  plan: PlanReplay,
  envio: Credenciales,
  concurrencia: number,
  salida: Salida,
  opciones: { titulo?: string } = {},
): Promise<Map<string, FallaEnvio[]>> {
  const trabajo = plan.elecciones.flatMap((e) => e.actas.filter((a) => pasosDe(a, plan.operadores, plan.corte.offsetMinutes).length > 0));
  const fallas = new Map<string, FallaEnvio[]>(plan.elecciones.map((e) => [e.codigo, []]));
  // Retries by cause during this call (the counter runs across the cortes of a night).
  const antes = new Map(reintentos);
  const nuevos = () => [...reintentos].map(([causa, n]) => [causa, n - (antes.get(causa) ?? 0)] as const).filter(([, n]) => n > 0);
  const progreso = progresoEnvio(trabajo.map((a) => pasosDelActa(plan, a).length), performance.now());
  // A terminal gets a redrawn status; anything else (CI, a log, the tests) a plain line every 10 s.
  const tty = salida === consola && process.stderr.isTTY === true;
  const vista = pantalla(tty ? terminalDe(process.stderr) : { tty: false, escribir: (t) => salida.error(t.trimEnd()) });
  const lineas = () => {
    progreso.reintentos = nuevos().reduce((s, [, n]) => s + n, 0);
    return lineasProgreso(progreso, performance.now(), opciones.titulo);
  };
  const latido = setInterval(() => vista.mostrar(lineas), 500);
  let siguiente = 0;
  const trabajador = async () => {
    while (siguiente < trabajo.length) {
      const a = trabajo[siguiente++]!;
      let pasosActa: readonly Paso[] = [];
      progreso.enVuelo++;
      const falla = await enviarActa(base, plan, a, envio, (pasos, n) => {
        pasosActa = pasos;
        anotarPaso(progreso, clasePaso(pasos, n), performance.now());
        vista.mostrar(lineas);
      });
      progreso.enVuelo--;
      anotarActa(progreso, desenlaceDe(a.registro.tipo, pasosActa, falla), performance.now());
      if (falla !== null) {
        fallas.get(a.eleccion)!.push({ etiqueta: a.etiqueta, linea: a.linea, mensaje: falla });
        vista.apartar();
        salida.error(`  ✗ ${a.etiqueta} (${path.basename(a.archivo)}:${a.linea}): ${falla}`);
      }
    }
  };
  try {
    await Promise.all(Array.from({ length: Math.min(concurrencia, trabajo.length) }, trabajador));
  } finally {
    clearInterval(latido);
  }
  if (tty) vista.terminar(lineas());
  salida.error(lineaFinal(progreso, performance.now(), nuevos().map(([causa, n]) => `${causa}: ${n}`).join(', ')));
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

/** The operators created, by ámbito: a real file makes thousands of PREP Casilla devices, too many to name. */
function resumenOperadores(operadores: readonly OperadorNuevo[]): string {
  const porAmbito = new Map<string, number>();
  for (const o of operadores) porAmbito.set(o.ambito, (porAmbito.get(o.ambito) ?? 0) + 1);
  return [...porAmbito].map(([ambito, n]) => `${ambito} ${n}`).join(', ');
}

/** The final corte needs a second administrator's confirmation (separation of duties, issue 17). */
const SEGUNDO_ADMINISTRADOR: OperadorNuevo = { id: 'replay-instituto-2', nombre: 'Réplica: instituto (confirma)', ambito: 'INSTITUTO', catd: null, roles: ['admin'], casillas: [] };

/** 1–2. A fresh local instance, the plan's catalogue through the import path, its operators (and `extra` ones). */
async function iniciarInstancia(p: PlanReplay, extra: readonly OperadorNuevo[], assetsDir: string, salida: Salida): Promise<{ pila: Pila; credenciales: Credenciales } | null> {
  salida.error('iniciando una instancia local nueva (wrangler dev, D1 y R2 en una carpeta temporal)…');
  let tokens = new Map<string, string>();
  const dispositivos = dispositivosPorSeccion(p.operadores);
  const operadores = [...dispositivos.todos, SEGUNDO_ADMINISTRADOR, ...extra];
  try {
    const pila = await iniciarPila({
      assetsDir,
      // One bundle built at start, as the simulacro: an edited source file must not reload the Worker mid-replay.
      congelar: true,
      prepararDatos: async ({ persistTo }) => {
        const archivos = catalogoAArchivos(p.catalogue).map((a) => ({ nombre: a.nombre, bytes: new TextEncoder().encode(a.texto) }));
        const r = importarCatalogo(archivos, { persistDir: persistTo });
        if (r.estado !== 'cargado') {
          throw new Error(r.estado === 'rechazado' ? `el catálogo derivado no se pudo importar:\n${r.problemas.map(formatProblema).join('\n')}` : `importación del catálogo: ${r.estado}`);
        }
        salida.error(`catálogo importado: ${p.catalogue.entidad.nombre} (entidad ${p.catalogue.entidad.id}), ${p.catalogue.elecciones.length} elección(es), ${p.catalogue.casillas.length} casillas`);
        tokens = await crearOperadoresEnLote(persistTo, operadores, { vigenciaMs: 24 * 3_600_000, limitePorMinuto: 1_000_000 });
        salida.error(`${operadores.length} operadores creados (${resumenOperadores(operadores)})`);
      },
    });
    salida.error(`instancia local en ${pila.url}`);
    return { pila, credenciales: { tokens, operadorDe: dispositivos.operadorDe } };
  } catch (e) {
    salida.error(`no se pudo preparar la instancia local: ${textoError(e)}`);
    return null;
  }
}

async function confirmarFinal(base: string, tokens: ReadonlyMap<string, string>, id: string): Promise<{ resultado: string; numero: number }> {
  const r = await pedir(base, { metodo: 'POST', ruta: `/api/v1/cortes/solicitudes/${id}/confirmar`, token: tokens.get(SEGUNDO_ADMINISTRADOR.id) });
  return leerJson<{ aplicada: { resultado: string; numero: number } }>(r.cuerpo).aplicada;
}

/** 4–5. A corte at the plan's instant, then our CSV and shards read back as anyone would; null: it failed (said). */
async function publicarYLeer(pila: Pila, { tokens }: Credenciales, p: PlanReplay, salida: Salida): Promise<Publicado | null> {
  try {
    const r = await pedir(pila.urlApi, {
      metodo: 'POST',
      ruta: '/api/v1/cortes',
      token: tokens.get(p.operadores.administrador),
      json: { final: p.final, instante: fechaIso(p.corte.ms, p.corte.offsetMinutes) },
    });
    // The final corte is only requested (202): the second administrator confirms it, which publishes it.
    const corte = r.status !== 202 ? leerJson<{ resultado: string; numero: number }>(r.cuerpo) : await confirmarFinal(pila.urlApi, tokens, leerJson<{ id: string }>(r.cuerpo).id);
    salida.error(`corte ${corte.numero} ${corte.resultado} al instante del archivo: ${p.corte.texto}${p.final ? ' (final)' : ''}`);
    const base = pila.urlApi;
    const leer: LeerObjeto = async (ruta) => {
      try {
        return (await pedir(base, { metodo: 'GET', ruta: `/${ruta}` })).cuerpo;
      } catch (e) {
        if (e instanceof Rechazo && e.status === 404) return null;
        throw e;
      }
    };
    return await leerPublicado(leer, p);
  } catch (e) {
    salida.error(`no se pudo publicar o leer el corte: ${textoError(e)}\n${pila.salida().slice(-2000)}`);
    return null;
  }
}

/** --mantener: the instance stays up until Ctrl-C. */
async function mantener(pila: Pila, salida: Salida): Promise<void> {
  salida.error(`la instancia sigue en ${pila.url} (portal, API y /datos/latest.json); Ctrl-C la detiene y borra sus datos`);
  await new Promise<void>((resolve) => {
    process.once('SIGINT', () => resolve());
    process.once('SIGTERM', () => resolve());
  });
}

/** Runs `cuerpo` on a fresh instance of `p`'s catalogue and stops it (and its temporary folders) afterwards. */
async function conInstancia(p: PlanReplay, extra: readonly OperadorNuevo[], args: Argumentos, salida: Salida, ganchos: Ganchos, cuerpo: (pila: Pila, credenciales: Credenciales) => Promise<number>): Promise<number> {
  const assets = carpetaAssets();
  let pila: Pila | null = null;
  try {
    const inst = await iniciarInstancia(p, extra, assets.dir, salida);
    if (inst === null) return SALIDA.INSTANCIA;
    pila = inst.pila;
    const codigo = await cuerpo(inst.pila, inst.credenciales);
    if (codigo === SALIDA.INSTANCIA) return codigo;
    await ganchos.antesDeParar?.(inst.pila);
    if (args.mantener) await mantener(inst.pila, salida);
    return codigo;
  } catch (e) {
    salida.error(`error inesperado: ${textoError(e)}`);
    return SALIDA.INESPERADO;
  } finally {
    await pila?.parar();
    if (assets.temporal) rmSync(assets.dir, { recursive: true, force: true });
  }
}

export async function main(argv: readonly string[], salida: Salida = consola, ganchos: Ganchos = {}): Promise<number> {
  const args = argumentosDe(argv);
  if ('texto' in args) return responder(args, salida);
  if (args.noche) return mainNoche(args, salida, ganchos);
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
  return conInstancia(p, [], args, salida, ganchos, async (pila, credenciales) => {
    // 3. Every registered acta through the capture API.
    const fallas = await enviarTodo(pila.urlApi, p, credenciales, args.concurrencia, salida);
    if ([...fallas.values()].some((f) => f.length > 0)) salida.error(`salida reciente de wrangler dev:\n${pila.salida().slice(-3000)}`);
    const leido = await publicarYLeer(pila, credenciales, p, salida);
    if (leido === null) return SALIDA.INSTANCIA;
    const informes = compararReplay(p, leido, fallas);
    for (const i of informes) {
      for (const l of lineasEleccion(i, { corte: p.corte.texto, final: p.final, todas: args.todas })) salida.log(l);
      salida.log('');
    }
    for (const l of lineasVeredicto(informes)) salida.log(l);
    return coincide(informes) ? SALIDA.COINCIDE : SALIDA.NO_COINCIDE;
  });
}

// ---- a whole night ----------------------------------------------------------------------------------------------

/** Every folder's CSVs (other files, such as LEEME.txt, are not read). */
function leerCarpetas(rutas: readonly string[]): CarpetaLeida[] | { error: string } {
  const carpetas: CarpetaLeida[] = [];
  for (const r of rutas) {
    if (!existsSync(r)) return { error: `${r}: la carpeta no existe` };
    if (!statSync(r).isDirectory()) return { error: `${r}: no es una carpeta (con --noche, indique una carpeta por corte)` };
    const csv = readdirSync(r).filter((f) => f.toLowerCase().endsWith('.csv')).sort();
    if (csv.length === 0) return { error: `${r}: la carpeta no tiene ningún CSV` };
    const archivos = leerArchivos(csv.map((f) => path.join(r, f)));
    if ('error' in archivos) return archivos;
    carpetas.push({ carpeta: r, csv: archivos });
  }
  return carpetas;
}

/** Each corte's plan (the last one final with --final); null: a corte cannot be replayed (said). */
function planesDeLaNoche(cortes: readonly CorteNoche[], opciones: OpcionesReplay, salida: Salida): PlanReplay[] | null {
  const planes: PlanReplay[] = [];
  for (const [i, c] of cortes.entries()) {
    const plan = planearReplay(c.entradas, { ...opciones, final: opciones.final && i === cortes.length - 1 });
    if (!plan.ok) {
      for (const p of plan.error) salida.error(formatProblema(p));
      salida.error(`no se puede reproducir el corte ${c.texto} (${c.carpetas.join(', ')}): ${plan.error.length} problema(s); no se inició nada.`);
      return null;
    }
    planes.push(plan.value);
  }
  return planes.map((p) => conCatalogoDe(p, planes.at(-1)!));
}

async function mainNoche(args: Argumentos, salida: Salida, ganchos: Ganchos): Promise<number> {
  const carpetas = leerCarpetas(args.rutas);
  if ('error' in carpetas) {
    salida.error(carpetas.error);
    return SALIDA.USO;
  }
  const cortes = cortesDeLaNoche(carpetas);
  if (!cortes.ok) {
    for (const p of cortes.error) salida.error(formatProblema(p));
    salida.error(`no se puede reproducir la noche: ${cortes.error.length} problema(s); no se inició nada.`);
    return SALIDA.ARCHIVO;
  }
  const planes = planesDeLaNoche(cortes.value, args.opciones, salida);
  if (planes === null) return SALIDA.ARCHIVO;
  // The catalogue is the last corte's: every acta is in every corte's file, but only a captured acta's row carries
  // its REPRESENTANTES_PP_CI, and by the last corte the most actas are captured.
  const ultimo = planes.at(-1)!;
  for (const l of lineasCatalogo(planes, cortes.value)) salida.error(l);
  for (const a of ultimo.avisos) salida.error(`aviso: ${formatProblema(a)}`);
  const t0 = Date.now();
  return conInstancia(ultimo, [SUPERVISOR], args, salida, ganchos, async (pila, credenciales) => {
    let enviadas: Enviadas = new Map();
    const filas: FilaNoche[] = [];
    for (const [i, p] of planes.entries()) {
      const corte = cortes.value[i]!;
      const d = diferenciaCorte(enviadas, p);
      for (const l of lineasCorte(i, planes.length, corte, d)) salida.log(l);
      const envio = planEnvio(p, d, ultimo.operadores, SUPERVISOR.id);
      const t = Date.now();
      const fallas = await enviarTodo(pila.urlApi, envio, credenciales, args.concurrencia, salida, { titulo: `corte ${i + 1} de ${planes.length}` });
      enviadas = trasEnviar(enviadas, d, fallidas(envio, fallas));
      const leido = await publicarYLeer(pila, credenciales, p, salida);
      if (leido === null) return SALIDA.INSTANCIA;
      const informes = compararReplay(p, leido, fallas);
      // Every corte's verdict; the whole comparison of the last one, and of any corte that does not match.
      if (!coincide(informes) || i === planes.length - 1) {
        for (const inf of informes) for (const l of [...lineasEleccion(inf, { corte: p.corte.texto, final: p.final, todas: args.todas }), '']) salida.log(`  ${l}`);
      }
      for (const l of lineasVeredicto(informes)) salida.log(`  ${l}`);
      salida.log('');
      filas.push({ corte: p.corte.texto, final: p.final, diferencia: d, informes, segundos: (Date.now() - t) / 1000 });
    }
    for (const l of lineasResumenNoche(filas, (Date.now() - t0) / 1000)) salida.log(l);
    return filas.every((f) => coincide(f.informes)) ? SALIDA.COINCIDE : SALIDA.NO_COINCIDE;
  });
}

/** The actas whose sending failed (they stay as the server had them). */
function fallidas(envio: PlanReplay, fallas: ReadonlyMap<string, readonly FallaEnvio[]>): Set<ActaReplay> {
  const s = new Set<ActaReplay>();
  for (const e of envio.elecciones) {
    const lineas = new Set((fallas.get(e.codigo) ?? []).map((f) => f.linea));
    for (const a of e.actas) if (lineas.has(a.linea)) s.add(a);
  }
  return s;
}

if (import.meta.main) process.exit(await main(process.argv.slice(2)));
