import { describe, expect, it } from 'vitest';
import type { Captura } from '../../worker/domain/acta/esquema.ts';
import type { ActaPublicada } from '../../worker/domain/acta/publicada.ts';
import { comprobarRespuestas } from './conciliacion.ts';
import { bloqueDemo, DISPOSITIVO_DEMO, elegirCatdDemo, MINIMO_ACTAS_DEMO, operadoresDemo, personalDemo, PUESTOS_DEMO } from './demo.ts';
import { estadoInicial } from './estado.ts';
import { clavesDelCatd, lineasAMano, mismasCifras, planConLoHechoAMano, resumirAMano } from './mano.ts';
import type { PlanActa } from './plan.ts';
import { prepararNoche } from './simulacro.ts';
import { verdadDelPlan } from './verdad.ts';

const noche = prepararNoche(2024, { actas: 2000 });
const { cat, plan } = noche;
const demo = elegirCatdDemo(cat, plan)!;
const delDemo = plan.actas.filter((a) => a.catd === demo.catd.id);
const conCifras = delDemo.filter((a): a is PlanActa & { resultado: { tipo: 'captura'; captura: Captura } } => a.resultado.tipo === 'captura');

describe('the CATD left to people', () => {
  it('is the smallest CATD of the night with enough actas to capture, the same for the same seed', () => {
    const porCapturar = new Map<string, number>();
    for (const a of plan.actas) if (a.resultado.tipo === 'captura') porCapturar.set(a.catd, (porCapturar.get(a.catd) ?? 0) + 1);
    expect(demo.porCapturar).toBe(porCapturar.get(demo.catd.id));
    expect(demo.porCapturar).toBeGreaterThanOrEqual(MINIMO_ACTAS_DEMO);
    for (const [id, n] of porCapturar) if (n >= MINIMO_ACTAS_DEMO) expect(n >= demo.porCapturar, id).toBe(true);
    expect(demo.actas).toBe(delDemo.length);
    // Whatever order the plan lists its actas in (ties go to the lowest id).
    expect(elegirCatdDemo(cat, { ...plan, actas: [...plan.actas].reverse() })?.catd.id).toBe(demo.catd.id);
  });

  it('falls back to the busiest CATD when none has enough actas', () => {
    const corto = { ...plan, actas: delDemo.slice(0, 3) };
    expect(elegirCatdDemo(cat, corto)?.catd.id).toBe(demo.catd.id);
    expect(elegirCatdDemo(cat, { ...plan, actas: [] })).toBeNull();
  });

  it('has one operator per role of its CATD, two capturists, and a phone bound to one of its secciones', () => {
    const ops = personalDemo(demo);
    expect(ops.map((o) => o.id)).toEqual(operadoresDemo());
    expect(ops.filter((o) => o.ambito === 'CATD').every((o) => o.catd === demo.catd.id)).toBe(true);
    expect(ops.flatMap((o) => o.roles).sort()).toEqual(['acopio', 'captura', 'captura', 'digitalizacion', 'digitalizacion', 'supervisor', 'verificacion']);
    const telefono = ops.find((o) => o.id === DISPOSITIVO_DEMO)!;
    expect(telefono.casillas.length).toBeGreaterThan(0);
    expect(delDemo.some((a) => a.esperada.casilla.seccion === demo.seccion)).toBe(true);
  });

  it('prints the screens, every operator with its own key, in a few lines', () => {
    const claves = new Map(operadoresDemo().map((id, i) => [id, `prep_token${i}_secreto${i}`]));
    const lineas = bloqueDemo('http://localhost:8787', demo, claves);
    const texto = lineas.join('\n');
    expect(lineas[0]).toContain('http://localhost:8787/catd/entrar/');
    expect(texto).toContain(demo.catd.id);
    for (const p of PUESTOS_DEMO) expect(texto).toMatch(new RegExp(`${p.etiqueta}\\s+${p.id}\\s+${claves.get(p.id)}$`, 'm'));
    expect(texto).toMatch(new RegExp(`PREP Casilla\\s+${DISPOSITIVO_DEMO}\\s+${claves.get(DISPOSITIVO_DEMO)}$`, 'm'));
    expect(lineas.length).toBeLessThanOrEqual(12);
  });
});

/** The publication log's entry for a hand-verified acta. */
function publicada(a: PlanActa, captura: Captura): ActaPublicada {
  const c = a.esperada.casilla;
  return {
    clave: a.esperada.clave,
    identificacion: { eleccion: a.esperada.eleccion.codigo, seccion: c.seccion, tipo: c.tipo, id: c.id, extContigua: c.extContigua },
    registro: 'captura',
    motivoSinActa: null,
    captura,
    mecanismoTraslado: null,
    imagen: null,
    acopioAt: 1,
    capturaAt: 2,
    verificacionAt: 3,
    cotejada: 0,
  };
}

describe('the reconciliation of what people did by hand', () => {
  const [bien, mal, pendiente] = conCifras;
  const verdad = bien!.resultado.captura;
  const nulos = mal!.resultado.captura.votos.NULOS;
  const tecleada: Captura = { ...mal!.resultado.captura, votos: { ...mal!.resultado.captura.votos, NULOS: typeof nulos === 'number' ? nulos + 5 : 5 } };
  const fc: ActaPublicada = { ...publicada(bien!, verdad), clave: 'FC-1', registro: 'fuera_catalogo', captura: null, identificacion: { ...publicada(bien!, verdad).identificacion, tipo: 'C', id: 77 } };
  const publicadas = new Map([
    [bien!.esperada.clave, publicada(bien!, verdad)],
    [mal!.esperada.clave, publicada(mal!, tecleada)],
    ['FC-1', fc],
  ]);
  const aMano = new Set([...clavesDelCatd(cat, plan, demo.catd.id), 'FC-1']);

  it('expects in the corte what people typed, and counts what they left unfinished as expected but not captured', () => {
    const p = planConLoHechoAMano(plan, aMano, publicadas);
    const porClave = new Map(p.actas.map((a) => [a.esperada.clave, a]));
    expect(porClave.get(bien!.esperada.clave)?.resultado).toEqual({ tipo: 'captura', captura: verdad });
    expect(porClave.get(mal!.esperada.clave)?.resultado).toEqual({ tipo: 'captura', captura: tecleada });
    expect(porClave.has(pendiente!.esperada.clave)).toBe(false);
    expect(p.noLlegan.map((e) => e.clave)).toContain(pendiente!.esperada.clave);
    // Every expected acta still once; the hand-registered fuera de catálogo is in too.
    expect(p.actas.length + p.noLlegan.length).toBe(plan.actas.length + plan.noLlegan.length);
    expect(p.fueraCatalogo).toHaveLength(plan.fueraCatalogo.length + 1);
    // The tallies see the typed figure where the ground truth has another.
    const eleccion = mal!.esperada.eleccion.codigo;
    const base = verdadDelPlan(cat, plan);
    const t = verdadDelPlan(cat, p).get(eleccion)!.secciones.get(mal!.esperada.casilla.seccion)!;
    expect(t).not.toEqual(base.get(eleccion)!.secciones.get(mal!.esperada.casilla.seccion));
    // Without people, nothing changes.
    expect(verdadDelPlan(cat, planConLoHechoAMano(plan, new Set(), new Map()))).toEqual(base);
  });

  it('reports typed figures that differ and pending actas apart, by stage', () => {
    const etapas = new Map(delDemo.map((a) => [a.esperada.clave, 'CAPTURA']));
    etapas.set(conCifras[3]!.esperada.clave, 'VERIFICACION');
    etapas.set('FC-1', 'DIGITALIZACION');
    const r = resumirAMano({ plan, catd: demo.catd.id, aMano, delCatd: clavesDelCatd(cat, plan, demo.catd.id), publicadas, etapas, yaHechos: 1 });
    expect(r).toMatchObject({ porCapturar: conCifras.length, verificadas: 2, coinciden: 1, fueraDelGuion: 1, deOtrosCatd: 0, yaHechos: 1 });
    expect(r.pendientes).toEqual({ CAPTURA: conCifras.length - 3, VERIFICACION: 1 });
    const texto = lineasAMano(r).join('\n');
    expect(texto).toContain(`2 de ${conCifras.length} actas capturadas y verificadas a mano`);
    expect(texto).toContain('1 coinciden con la verdad del simulacro, 1 no');
    expect(texto).toMatch(/pendientes \(no es un error\): \d+ en captura, 1 en verificación/);
    expect(texto).toContain('además: 1 acta registrada a mano fuera del guion; 1 paso del guion que ya se había hecho a mano (409).');
    expect(mismasCifras(verdad, { votos: Object.fromEntries(Object.entries(verdad.votos).reverse()), totales: verdad.totales })).toBe(true);
  });

  it('takes a 409 as people having done the step first only on an acta they touched', () => {
    const estado = estadoInicial({ apertura: 0, cierre: 1 }, -360, 0);
    estado.yaHechosAMano.push({ acta: bien!.esperada.clave, paso: 'acopio', status: 409, detalle: 'ACTA_YA_RECIBIDA' });
    const manos = { actas: aMano, operadores: operadoresDemo() };
    const ok = comprobarRespuestas({ plan: { ...plan, actas: [] }, estado }, manos).find((c) => c.que === 'respuestas de la API')!;
    expect(ok.ok).toBe(true);
    expect(ok.detalle).toContain('1 paso ya hecho a mano: 409');
    const ajena = plan.actas.find((a) => !aMano.has(a.esperada.clave))!.esperada.clave;
    estado.yaHechosAMano.push({ acta: ajena, paso: 'acopio', status: 409, detalle: 'ACTA_YA_RECIBIDA' });
    const mal409 = comprobarRespuestas({ plan: { ...plan, actas: [] }, estado }, manos).find((c) => c.que === 'respuestas de la API')!;
    expect(mal409.ok).toBe(false);
    expect(mal409.detalle).toContain(ajena);
  });
});
