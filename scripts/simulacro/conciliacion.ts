/**
 * The reconciliation at the end of a simulacro. Expectations come from the plan, never from what the driver
 * believes it did:
 *   1. the replay: no unexpected answer, every refusal the night provoked was a 403;
 *   2. exactly once, in D1: one acta per acta sent (and no other), each in its final stage, received once, with
 *      exactly the captures, images and audit entries its steps make (a duplicated or lost write shows up here);
 *   3. the final corte equals the ground truth for every election and territory (verdad.ts);
 *   4. `npm run verify` on the final corte passes (hashes, manifest chain, CSV figures).
 * With a CATD left to people (`npm start`, mano.ts), their actas need only be in D1 (at whatever stage they
 * reached), the corte must show what the publication log had for them, and their work is reported apart: figures
 * typed by hand that differ from the truth, and actas left pending, do not fail the night.
 */
import type { ActaPublicada } from '../../worker/domain/acta/publicada.ts';
import { claveIdentificacion } from '../../worker/domain/captura/acopio.ts';
import type { Catalogo } from '../../worker/domain/catalogo/esquema.ts';
import { main as verificar } from '../verify.ts';
import type { EstadoNoche } from './estado.ts';
import { actasAMano, clavesDelCatd, cuantos, lineasAMano, listaSql, planConLoHechoAMano, publicadasEn, resumirAMano, type AMano, type ResumenAMano } from './mano.ts';
import type { PlanNoche } from './plan.ts';
import { compararConCorte, verdadDelPlan, type Lector, type PlanVerdad } from './verdad.ts';

export interface Comprobacion {
  que: string;
  ok: boolean;
  detalle: string;
}

export interface Conciliacion {
  ok: boolean;
  comprobaciones: Comprobacion[];
  /** What people did at the hand-operated CATD (reported, never failing). */
  aMano?: ResumenAMano;
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
  /** The address people use: the verify line names it. */
  url: string;
  /** Where the final corte is read from (Pila.urlApi: past wrangler's dev proxy); default `url`. */
  urlApi?: string;
  cat: Catalogo;
  plan: PlanNoche;
  estado: EstadoNoche;
  /** Rows of a query on the stack's local D1. */
  d1: <T = Record<string, unknown>>(sql: string) => T[];
  /** The CATD left to people, if any. */
  aMano?: AMano | null;
}

/** People's actas (mano.ts) and the operators they act as; empty without a hand-operated CATD. */
export interface Manos {
  actas: ReadonlySet<string>;
  operadores: readonly string[];
}
const SIN_MANOS: Manos = { actas: new Set(), operadores: [] };

export function lectorHttp(url: string): Lector {
  return async (ruta) => {
    const r = await fetch(`${url}/${ruta}`);
    if (r.status === 404) return null;
    if (!r.ok) throw new Error(`GET /${ruta}: HTTP ${r.status}`);
    return new Uint8Array(await r.arrayBuffer());
  };
}

export async function conciliar(x: EntradaConciliacion): Promise<Conciliacion> {
  if (!x.aMano) {
    const c = [...comprobarRespuestas(x), ...comprobarD1(x), ...(await comprobarCorte(x))];
    return { ok: c.every((y) => y.ok), comprobaciones: c };
  }
  const m = x.aMano;
  const manos: Manos = { actas: actasAMano(x.cat, x.plan, m, x.d1), operadores: m.operadores };
  let alCorte = new Map<string, ActaPublicada>();
  const c = [
    ...comprobarRespuestas(x, manos),
    ...comprobarD1(x, manos),
    ...(await comprobarCorte(x, (secuencia) => {
      alCorte = publicadasEn(x.d1, manos.actas, secuencia);
      return planConLoHechoAMano(x.plan, manos.actas, alCorte);
    })),
  ];
  const etapas = new Map(
    x.d1<{ clave: string; etapa: string }>(`SELECT clave, etapa FROM acta WHERE clave IN (SELECT value FROM json_each(${listaSql(manos.actas)}))`).map((f) => [f.clave, f.etapa]),
  );
  const aMano = resumirAMano({
    plan: x.plan,
    catd: m.catd,
    aMano: manos.actas,
    delCatd: clavesDelCatd(x.cat, x.plan, m.catd),
    publicadas: alCorte,
    etapas,
    yaHechos: x.estado.yaHechosAMano.length,
  });
  return { ok: c.every((y) => y.ok), comprobaciones: c, aMano };
}

/** 1. The replay itself: no unexpected answer, every provoked refusal was a 403. */
export function comprobarRespuestas(x: Pick<EntradaConciliacion, 'plan' | 'estado'>, manos: Manos = SIN_MANOS): Comprobacion[] {
  const c: Comprobacion[] = [];
  const { plan, estado } = x;
  const agregar = (que: string, ok: boolean, detalle: string) => c.push({ que, ok, detalle });
  // A 409 is people having done the step first only on an acta they touched.
  const hechos = estado.yaHechosAMano;
  const e = [...estado.errores, ...hechos.filter((h) => !manos.actas.has(h.acta))];
  const aMano = hechos.length - (e.length - estado.errores.length);
  agregar(
    'respuestas de la API',
    e.length === 0,
    e.length === 0
      ? `cada solicitud recibió la respuesta esperada${aMano ? ` (${cuantos(aMano, 'paso ya hecho', 'pasos ya hechos')} a mano: 409)` : ''}`
      : `${e.length} inesperadas; la primera: ${e[0]!.acta} ${e[0]!.paso}: ${e[0]!.detalle}`,
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

/**
 * 2. Exactly once, in D1: actas, captures, images and audit entries, against what the plan sends. People's actas
 * are only required to be there (whatever stage they reached); what people wrote is theirs, not the plan's.
 */
export function comprobarD1(x: Pick<EntradaConciliacion, 'plan' | 'd1'>, manos: Manos = SIN_MANOS): Comprobacion[] {
  const c: Comprobacion[] = [];
  const { plan } = x;
  const deManos = (clave: string) => manos.actas.has(clave);
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
    if (deManos(a.esperada.clave)) {
      if (fila === undefined) problemas.push(`${a.esperada.clave} no está en D1`);
      continue;
    }
    const etapa = a.resultado.tipo === 'sin_acta' ? 'SIN_ACTA' : 'VERIFICADA';
    const cotejada = a.erronea ? 2 : 0;
    if (fila === undefined) problemas.push(`${a.esperada.clave} no está en D1`);
    else if (fila.etapa !== etapa || fila.cotejada !== cotejada || fila.recibida !== 1) {
      problemas.push(`${a.esperada.clave}: etapa ${fila.etapa}, cotejada ${fila.cotejada}, recibida ${fila.recibida} (se esperaba ${etapa}, ${cotejada}, 1)`);
    }
  }
  for (const clave of porClave.keys()) if (!deManos(clave)) problemas.push(`${clave} está en D1 y la simulación no la envió`);
  const fcPlan = new Set(plan.fueraCatalogo.map((f) => claveIdentificacion(f.identificacion)));
  const fcD1 = actas.filter((a) => a.esperada === 0 && !deManos(a.clave));
  if (fcD1.length !== fcPlan.size || fcD1.some((a) => a.fc === null || !fcPlan.has(a.fc))) {
    problemas.push(`fuera de catálogo: ${fcD1.length} en D1, ${fcPlan.size} enviadas`);
  }
  agregar(
    'cada acta enviada, una vez',
    problemas.length === 0,
    problemas.length === 0
      ? `${nf.format(plan.actas.length)} actas esperadas y ${fcPlan.size} fuera de catálogo, cada una una sola vez y en su etapa final` +
        (manos.actas.size > 0 ? ` (las ${nf.format(manos.actas.size)} de la captura a mano, en la etapa a la que llegaron)` : '')
      : `${problemas.length} diferencias; ${problemas.slice(0, 5).join('; ')}`,
  );

  const capturasPlan = new Map<string, number>();
  const imagenesPlan = new Map<string, number>();
  for (const a of plan.actas) {
    if (a.resultado.tipo !== 'captura' || deManos(a.esperada.clave)) continue;
    capturasPlan.set(`${a.esperada.clave}/1`, 2);
    if (a.erronea) capturasPlan.set(`${a.esperada.clave}/2`, 2);
    imagenesPlan.set(a.esperada.clave, 1);
  }
  const capturasD1 = new Map(
    x.d1<{ a: string; k: string; n: number }>("SELECT acta AS a, acta || '/' || ronda AS k, count(*) AS n FROM captura GROUP BY acta, ronda")
      .filter((r) => !deManos(r.a))
      .map((r) => [r.k, r.n]),
  );
  const imagenesD1 = new Map(
    x.d1<{ k: string; n: number }>('SELECT acta AS k, count(*) AS n FROM imagen GROUP BY acta')
      .filter((r) => !deManos(r.k))
      .map((r) => [r.k, r.n]),
  );
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

  const n = (f: (a: PlanNoche['actas'][number]) => boolean) => plan.actas.filter((a) => !deManos(a.esperada.clave) && f(a)).length;
  const conCaptura = n((a) => a.resultado.tipo === 'captura');
  const bitacoraPlan = new Map<string, number>([
    ['ACOPIO', n(() => true) + plan.fueraCatalogo.length],
    ['DIGITALIZACION', conCaptura],
    ['CAPTURA', totalCapturas],
    ['VERIFICACION', n((a) => a.discrepancia)],
    ['COTEJO', n((a) => a.erronea !== null)],
    ['RECHAZO', intentosPlan],
  ]);
  // People's entries are theirs, and so are the script's steps on their actas (refusals it provoked still count).
  const deLaSimulacion =
    manos.operadores.length === 0
      ? ''
      : ` AND operador NOT IN (SELECT value FROM json_each(${listaSql(manos.operadores)}))` +
        ` AND (accion = 'RECHAZO' OR acta IS NULL OR acta NOT IN (SELECT value FROM json_each(${listaSql(manos.actas)})))`;
  const bitacoraD1 = new Map(
    x.d1<{ accion: string; n: number }>(
      `SELECT accion, count(*) AS n FROM bitacora WHERE accion IN ('ACOPIO', 'DIGITALIZACION', 'CAPTURA', 'VERIFICACION', 'COTEJO', 'RECHAZO')${deLaSimulacion} GROUP BY accion`,
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

/**
 * 3. The final corte against the ground truth (computed from `planDeLaVerdad` at the corte's change sequence when
 * people's actas are in it); 4. npm run verify on it.
 */
export async function comprobarCorte(
  x: Pick<EntradaConciliacion, 'url' | 'urlApi' | 'cat' | 'plan'>,
  planDeLaVerdad: (secuencia: number) => PlanVerdad = () => x.plan,
): Promise<Comprobacion[]> {
  const c: Comprobacion[] = [];
  const agregar = (que: string, ok: boolean, detalle: string) => c.push({ que, ok, detalle });
  // 3 and 4 read the same corte independently: both at once, so one's computing overlaps the other's reads (the
  // Worker serves while this process compares); the checks are still listed in their order.
  const lineas: string[] = [];
  const [comparado, codigo] = await Promise.all([
    compararConCorte((m) => verdadDelPlan(x.cat, planDeLaVerdad(m.secuencia)), lectorHttp(x.urlApi ?? x.url)).then(
      (cmp) => ({ cmp }),
      (err: unknown) => ({ err }),
    ),
    verificar([x.urlApi ?? x.url], (l) => lineas.push(l)),
  ]);
  // 3. The final corte against the ground truth.
  try {
    if ('err' in comparado) throw comparado.err;
    const { cmp } = comparado;
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
    ...(r.aMano ? lineasAMano(r.aMano) : []),
    r.ok ? 'CONCILIACIÓN LIMPIA: todo lo enviado está una vez y el corte final coincide con la verdad de la simulación.' : 'LA CONCILIACIÓN FALLÓ.',
  ];
}
