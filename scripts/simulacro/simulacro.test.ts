/**
 * A short simulacro end to end: wrangler dev (workerd, local D1 and R2) on a temporary state, the synthetic
 * Jalisco catalogue and the night's staff, ~300 actas (whole secciones chosen so that every kind of incident of
 * the plan happens) replayed through the HTTP API with cortes on the simulated clock, and the reconciliation.
 * Then the reconciliation is shown to catch what it is there to catch: a night that differs from the one sent.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { iniciarPila, type Pila } from '../lib/pila.ts';
import { comprobarD1, lectorHttp, lineasConciliacion } from './conciliacion.ts';
import type { EstadoNoche } from './estado.ts';
import type { Credenciales } from './personal.ts';
import type { PlanNoche } from './plan.ts';
import { prepararDatos, prepararNoche, simular, type ResultadoSimulacro } from './simulacro.ts';
import { compararConCorte, verdadDelPlan } from './verdad.ts';

const SEMILLA = 11;
const noche = prepararNoche(SEMILLA, { actas: 300 });
let pila: Pila;
let credenciales: Credenciales;
let r: ResultadoSimulacro;
// The reconciliation reads the API and the published data, never the portal: an empty assets folder will do.
const sinPortal = mkdtempSync(path.join(tmpdir(), 'prep-simulacro-sin-portal-'));

beforeAll(async () => {
  pila = await iniciarPila({
    congelar: true,
    assetsDir: sinPortal,
    prepararDatos: async ({ persistTo }) => {
      credenciales = await prepararDatos(persistTo, noche.cat);
    },
  });
  // As npm start: the night's requests straight to the Worker (past wrangler's dev proxy), the reconciliation's
  // verify line on the address people use.
  r = await simular({ url: pila.url, urlApi: pila.urlApi, d1: pila.d1, noche, credenciales, seed: SEMILLA, velocidad: 5760, cadenciaMin: 20, concurrencia: 8 });
}, 480_000);

afterAll(async () => {
  await pila?.parar();
  rmSync(sinPortal, { recursive: true, force: true });
});

describe('a short simulacro through the HTTP API', () => {
  it('sends the night to the Worker itself, not through wrangler dev\'s proxy (Linux: found from /proc)', () => {
    expect(pila.urlApi).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(pila.urlApi).not.toBe(pila.url);
  });

  it('reconciles cleanly: every acta once, the final corte equals the ground truth, verify passes', () => {
    expect(r.conciliacion.ok, lineasConciliacion(r.conciliacion).join('\n')).toBe(true);
    expect(r.conciliacion.comprobaciones.map((c) => c.que)).toEqual(
      expect.arrayContaining(['cada acta enviada, una vez', 'cifras del corte final = verdad de la simulación', `npm run verify -- ${pila.url}`]),
    );
  });

  it('exercised every kind of incident of the night', () => {
    const e: EstadoNoche = r.estado;
    expect(noche.plan.actas.length).toBeGreaterThanOrEqual(300);
    expect(e.sinActa).toBeGreaterThan(0);
    expect(e.pasos.foto).toBeGreaterThan(0);
    expect(e.pasos.digitalizacion).toBeGreaterThan(0);
    expect(e.pasos.verificacion).toBeGreaterThan(0);
    expect(e.pasos.cotejo).toBeGreaterThan(0);
    expect(e.pasos.recaptura).toBe(2 * e.pasos.cotejo);
    expect(e.pasos.fueraCatalogo).toBe(noche.plan.fueraCatalogo.length);
    expect(e.intentos.ajenos).toBeGreaterThan(0);
    expect(e.intentos.rol).toBeGreaterThan(0);
    expect(e.intentos.rechazados).toBe(e.intentos.ajenos + e.intentos.rol);
    expect(e.reintentos).toBeGreaterThan(0);
    expect(e.cortes.publicados).toBeGreaterThan(10);
    expect(e.final).toBe(true);
    expect(e.errores).toEqual([]);
  });

  it('the comparison with the final corte catches a single vote that differs', async () => {
    const i = noche.plan.actas.findIndex((a) => a.resultado.tipo === 'captura' && typeof a.resultado.captura.votos.NULOS === 'number');
    const a = noche.plan.actas[i]!;
    if (a.resultado.tipo !== 'captura') throw new Error('unreachable');
    const captura = a.resultado.captura;
    const votos = { ...captura.votos, NULOS: (captura.votos.NULOS as number) + 1 };
    const otra: PlanNoche = {
      ...noche.plan,
      actas: noche.plan.actas.map((x, j) => (j === i ? { ...a, resultado: { tipo: 'captura' as const, captura: { ...captura, votos } } } : x)),
    };
    const cmp = await compararConCorte(verdadDelPlan(noche.cat, otra), lectorHttp(pila.url));
    const donde = new Set(cmp.diferencias.map((d) => d.donde.split(',')[0]));
    const e = a.esperada;
    expect(donde).toEqual(
      new Set([`${e.eleccion.codigo} entidad`, `${e.eleccion.codigo} distrito ${e.seccion.distrito}`, `${e.eleccion.codigo} municipio ${e.seccion.municipio}`]),
    );
    expect(cmp.diferencias.some((d) => d.que === 'TOTAL_VOTOS_C_CS' || d.que === 'votos por columna')).toBe(true);
  }, 60_000);

  it('the exactly-once check catches an acta that was never sent and one the system holds but the night did not send', async () => {
    const [primera, ...resto] = noche.plan.actas;
    const nunca = noche.plan.noLlegan[0]!;
    const otra: PlanNoche = { ...noche.plan, actas: [{ ...primera!, esperada: nunca }, ...resto] };
    const c = comprobarD1({ plan: otra, d1: pila.d1 });
    const unaVez = c.find((x) => x.que === 'cada acta enviada, una vez')!;
    expect(unaVez.ok).toBe(false);
    expect(unaVez.detalle).toContain(`${nunca.clave} no está en D1`);
    expect(unaVez.detalle).toContain(`${primera!.esperada.clave} está en D1 y la simulación no la envió`);
    // The same check on the night that was sent passes (it is in the clean reconciliation above).
    expect(comprobarD1({ plan: noche.plan, d1: pila.d1 }).every((x) => x.ok)).toBe(true);
  }, 60_000);
});
