/**
 * The reconciliation at the end of a simulacro. Expectations come from the plan, never from what the driver
 * believes it did:
 *   1. the replay: no unexpected answer, every refusal the night provoked was a 403;
 *   2. exactly once, in D1: one acta per acta sent (and no other), each in its final stage, received once, with
 *      exactly the captures, images and audit entries its steps make (a duplicated or lost write shows up here);
 *   3. the final corte equals the ground truth for every election and territory (verdad.ts);
 *   4. `npm run verify` on the final corte passes (hashes, manifest chain, CSV figures).
 */
import { claveIdentificacion } from '../../worker/domain/captura/acopio.ts';
import type { Catalogo } from '../../worker/domain/catalogo/esquema.ts';
import { main as verificar } from '../verify.ts';
import type { EstadoNoche } from './estado.ts';
import type { PlanNoche } from './plan.ts';
import { compararConCorte, verdadDelPlan, type Lector } from './verdad.ts';

export interface Comprobacion {
  que: string;
  ok: boolean;
  detalle: string;
}

export interface Conciliacion {
  ok: boolean;
  comprobaciones: Comprobacion[];
}

const nf = new Intl.NumberFormat('es-MX');

/** Compares two count maps; describes the first few differences. */
function diferenciasDeConteo(esperado: Map<string, number>, real: Map<string, number>, limite = 5): string[] {
  const out: string[] = [];
  for (const k of new Set([...esperado.keys(), ...real.keys()])) {
    const e = esperado.get(k) ?? 0;
    const r = real.get(k) ?? 0;
    if (e !== r) out.push(`${k}: ${r} en D1, ${e} según el plan`);
    if (out.length >= limite) break;
  }
  return out;
}

export interface EntradaConciliacion {
  url: string;
  cat: Catalogo;
  plan: PlanNoche;
  estado: EstadoNoche;
  /** Rows of a query on the stack's local D1. */
  d1: <T = Record<string, unknown>>(sql: string) => T[];
}

export function lectorHttp(url: string): Lector {
  return async (ruta) => {
    const r = await fetch(`${url}/${ruta}`);
    if (r.status === 404) return null;
    if (!r.ok) throw new Error(`GET /${ruta}: HTTP ${r.status}`);
    return new Uint8Array(await r.arrayBuffer());
  };
}

export async function conciliar(x: EntradaConciliacion): Promise<Conciliacion> {
  const c = [...comprobarRespuestas(x), ...comprobarD1(x), ...(await comprobarCorte(x))];
  return { ok: c.every((y) => y.ok), comprobaciones: c };
}

/** 1. The replay itself: no unexpected answer, every provoked refusal was a 403. */
export function comprobarRespuestas(x: Pick<EntradaConciliacion, 'plan' | 'estado'>): Comprobacion[] {
  const c: Comprobacion[] = [];
  const { plan, estado } = x;
  const agregar = (que: string, ok: boolean, detalle: string) => c.push({ que, ok, detalle });
  const e = estado.errores;
  agregar(
    'respuestas de la API',
    e.length === 0,
    e.length === 0 ? 'cada solicitud recibió la respuesta esperada' : `${e.length} inesperadas; la primera: ${e[0]!.acta} ${e[0]!.paso}: ${e[0]!.detalle}`,
  );
  const intentos = estado.intentos.ajenos + estado.intentos.rol;
  const intentosPlan = intentosDelPlan(plan);
  agregar(
    'intentos de otro CATD o sin el rol',
    intentos === intentosPlan && estado.intentos.rechazados === intentos,
    `${nf.format(estado.intentos.rechazados)} de ${nf.format(intentosPlan)} rechazados con 403`,
  );

  return c;
}

function intentosDelPlan(plan: PlanNoche): number {
  return plan.actas.filter((a) => a.intentoAjeno).length + plan.actas.filter((a) => a.intentoRol).length;
}

/** 2. Exactly once, in D1: actas, captures, images and audit entries, against what the plan sends. */
export function comprobarD1(x: Pick<EntradaConciliacion, 'plan' | 'd1'>): Comprobacion[] {
  const c: Comprobacion[] = [];
  const { plan } = x;
  const agregar = (que: string, ok: boolean, detalle: string) => c.push({ que, ok, detalle });
  const intentosPlan = intentosDelPlan(plan);
  const actas = x.d1<{ clave: string; esperada: number; etapa: string; cotejada: number; recibida: number; fc: string | null }>(
    'SELECT clave, esperada, etapa, cotejada, acopio_at IS NOT NULL AS recibida, fc_identificacion AS fc FROM acta',
  );
  const porClave = new Map(actas.filter((a) => a.esperada === 1).map((a) => [a.clave, a]));
  const problemas: string[] = [];
  for (const a of plan.actas) {
    const fila = porClave.get(a.esperada.clave);
    porClave.delete(a.esperada.clave);
    const etapa = a.resultado.tipo === 'sin_acta' ? 'SIN_ACTA' : 'VERIFICADA';
    const cotejada = a.erronea ? 2 : 0;
    if (fila === undefined) problemas.push(`${a.esperada.clave} no está en D1`);
    else if (fila.etapa !== etapa || fila.cotejada !== cotejada || fila.recibida !== 1) {
      problemas.push(`${a.esperada.clave}: etapa ${fila.etapa}, cotejada ${fila.cotejada}, recibida ${fila.recibida} (se esperaba ${etapa}, ${cotejada}, 1)`);
    }
  }
  for (const clave of porClave.keys()) problemas.push(`${clave} está en D1 y la simulación no la envió`);
  const fcPlan = new Set(plan.fueraCatalogo.map((f) => claveIdentificacion(f.identificacion)));
  const fcD1 = actas.filter((a) => a.esperada === 0);
  if (fcD1.length !== fcPlan.size || fcD1.some((a) => a.fc === null || !fcPlan.has(a.fc))) {
    problemas.push(`fuera de catálogo: ${fcD1.length} en D1, ${fcPlan.size} enviadas`);
  }
  agregar(
    'cada acta enviada, una vez',
    problemas.length === 0,
    problemas.length === 0
      ? `${nf.format(plan.actas.length)} actas esperadas y ${fcPlan.size} fuera de catálogo, cada una una sola vez y en su etapa final`
      : `${problemas.length} diferencias; ${problemas.slice(0, 5).join('; ')}`,
  );

  const capturasPlan = new Map<string, number>();
  const imagenesPlan = new Map<string, number>();
  for (const a of plan.actas) {
    if (a.resultado.tipo !== 'captura') continue;
    capturasPlan.set(`${a.esperada.clave}/1`, 2);
    if (a.erronea) capturasPlan.set(`${a.esperada.clave}/2`, 2);
    imagenesPlan.set(a.esperada.clave, 1);
  }
  const capturasD1 = new Map(x.d1<{ k: string; n: number }>("SELECT acta || '/' || ronda AS k, count(*) AS n FROM captura GROUP BY acta, ronda").map((r) => [r.k, r.n]));
  const imagenesD1 = new Map(x.d1<{ k: string; n: number }>('SELECT acta AS k, count(*) AS n FROM imagen GROUP BY acta').map((r) => [r.k, r.n]));
  const difCapturas = diferenciasDeConteo(capturasPlan, capturasD1);
  const difImagenes = diferenciasDeConteo(imagenesPlan, imagenesD1);
  const totalCapturas = [...capturasPlan.values()].reduce((s, v) => s + v, 0);
  agregar(
    'capturas e imágenes, ni perdidas ni duplicadas',
    difCapturas.length === 0 && difImagenes.length === 0,
    difCapturas.length + difImagenes.length === 0
      ? `${nf.format(totalCapturas)} capturas y ${nf.format(imagenesPlan.size)} imágenes, exactamente las enviadas`
      : [...difCapturas, ...difImagenes].join('; '),
  );

  const n = (f: (a: PlanNoche['actas'][number]) => boolean) => plan.actas.filter(f).length;
  const conCaptura = n((a) => a.resultado.tipo === 'captura');
  const bitacoraPlan = new Map<string, number>([
    ['ACOPIO', plan.actas.length + plan.fueraCatalogo.length],
    ['DIGITALIZACION', conCaptura],
    ['CAPTURA', totalCapturas],
    ['VERIFICACION', n((a) => a.discrepancia)],
    ['COTEJO', n((a) => a.erronea !== null)],
    ['RECHAZO', intentosPlan],
  ]);
  const bitacoraD1 = new Map(
    x.d1<{ accion: string; n: number }>(
      "SELECT accion, count(*) AS n FROM bitacora WHERE accion IN ('ACOPIO', 'DIGITALIZACION', 'CAPTURA', 'VERIFICACION', 'COTEJO', 'RECHAZO') GROUP BY accion",
    ).map((r) => [r.accion, r.n]),
  );
  const difBitacora = diferenciasDeConteo(bitacoraPlan, bitacoraD1);
  agregar(
    'bitácora: una entrada por paso',
    difBitacora.length === 0,
    difBitacora.length === 0 ? [...bitacoraPlan].map(([k, v]) => `${k} ${nf.format(v)}`).join(', ') : difBitacora.join('; '),
  );

  return c;
}

/** 3. The final corte against the ground truth; 4. npm run verify on it. */
export async function comprobarCorte(x: Pick<EntradaConciliacion, 'url' | 'cat' | 'plan'>): Promise<Comprobacion[]> {
  const c: Comprobacion[] = [];
  const { plan } = x;
  const agregar = (que: string, ok: boolean, detalle: string) => c.push({ que, ok, detalle });
  // 3. The final corte against the ground truth.
  try {
    const cmp = await compararConCorte(verdadDelPlan(x.cat, plan), lectorHttp(x.url));
    const m = cmp.manifiesto;
    agregar('corte final', m.final, `corte nº ${m.numero}${m.final ? ' (final)' : ' NO es el final'}, secuencia ${nf.format(m.secuencia)}`);
    const d = cmp.diferencias;
    agregar(
      'cifras del corte final = verdad de la simulación',
      d.length === 0,
      d.length === 0
        ? `13 cifras, votos por partido y por candidatura iguales en ${m.elecciones.length} elecciones × ${nf.format(cmp.territorios)} territorios (entidad, distritos, municipios) y ${nf.format(cmp.secciones)} filas de sección`
        : `${d.length} diferencias; ${d
            .slice(0, 5)
            .map((x) => `${x.donde}: ${x.que} publicado ${JSON.stringify(x.publicado)}, esperado ${JSON.stringify(x.esperado)}`)
            .join('; ')}`,
    );
  } catch (err) {
    agregar('cifras del corte final = verdad de la simulación', false, `no se pudo leer el corte: ${(err as Error).message}`);
  }

  // 4. npm run verify on the final corte.
  const lineas: string[] = [];
  const codigo = await verificar([x.url], (l) => lineas.push(l));
  const buenas = lineas.filter((l) => l.startsWith('✓')).length;
  agregar(
    `npm run verify -- ${x.url}`,
    codigo === 0,
    codigo === 0 ? `${buenas} comprobaciones; ${lineas.at(-1)}` : (lineas.find((l) => l.startsWith('PRIMER FALLO')) ?? lineas.at(-1) ?? `código ${codigo}`),
  );

  return c;
}

export function lineasConciliacion(r: Conciliacion): string[] {
  return [
    'Conciliación:',
    ...r.comprobaciones.map((x) => `  ${x.ok ? '✓' : '✗'} ${x.que}: ${x.detalle}`),
    r.ok ? 'CONCILIACIÓN LIMPIA: todo lo enviado está una vez y el corte final coincide con la verdad de la simulación.' : 'LA CONCILIACIÓN FALLÓ.',
  ];
}
