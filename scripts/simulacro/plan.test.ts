import { describe, expect, it } from 'vitest';
import { generarJalisco } from '../generador/generar.ts';
import { clasificarActa } from '../../worker/domain/acta/clasificar.ts';
import { planNoche, recortarPlan, TASAS } from './plan.ts';

const cat = generarJalisco(2024);
const plan = planNoche(cat, 7);

describe('planNoche', () => {
  it('is deterministic for a seed and differs for another', () => {
    expect(JSON.stringify(planNoche(cat, 7))).toBe(JSON.stringify(plan));
    expect(JSON.stringify(planNoche(cat, 8).actas.slice(0, 50))).not.toBe(JSON.stringify(plan.actas.slice(0, 50)));
  });

  it('accounts for every expected acta exactly once', () => {
    const claves = [...plan.actas.map((a) => a.esperada.clave), ...plan.noLlegan.map((e) => e.clave)];
    expect(claves).toHaveLength(32_709);
    expect(new Set(claves).size).toBe(32_709);
  });

  it('sends each acta to the CATD that serves its territory and election', () => {
    const catd = new Map(cat.catds.map((c) => [c.id, c]));
    for (const a of plan.actas) {
      const c = catd.get(a.catd)!;
      expect(c.elecciones).toContain(a.esperada.eleccion.codigo);
      expect(c.territorio).toBe(c.ambito === 'distrito' ? a.esperada.seccion.distrito : a.esperada.seccion.municipio);
    }
  });

  it('arrives on a curve: few in the first hour, a peak around midnight, a tail into the next day', () => {
    const porHora = new Array(24).fill(0);
    for (const a of plan.actas) porHora[Math.floor(a.llegadaMin / 60)]++;
    const pico = porHora.indexOf(Math.max(...porHora));
    expect(pico).toBeGreaterThanOrEqual(2);
    expect(pico).toBeLessThanOrEqual(5);
    expect(porHora[0]).toBeGreaterThan(0);
    expect(porHora[23]).toBeGreaterThan(0);
    expect(porHora[0]).toBeLessThan(porHora[pico]);
  });

  it('contains every kind of incident the night must exercise', () => {
    const estatus = new Set<string>();
    for (const a of plan.actas) {
      if (a.resultado.tipo === 'sin_acta') estatus.add('SIN_ACTA');
      else {
        const c = clasificarActa({
          tipo: 'captura',
          captura: a.resultado.captura,
          casilla: a.esperada.casilla,
          boletasEspecial: a.esperada.eleccion.boletasEspecial,
        });
        estatus.add(c.estatus);
        for (const o of c.observaciones) estatus.add(o.tipo);
      }
    }
    expect([...estatus].sort()).toEqual(
      expect.arrayContaining(['CONTABILIZADA', 'EXCEDE_LISTA_NOMINAL', 'ILEGIBLE', 'SIN_ACTA', 'SIN_DATO', 'TODOS_ILEGIBLES', 'TODOS_VACIOS']),
    );
    expect(plan.actas.some((a) => a.discrepancia)).toBe(true);
    expect(plan.actas.some((a) => a.erronea !== null)).toBe(true);
    expect(plan.actas.some((a) => a.reintento)).toBe(true);
    expect(plan.actas.some((a) => a.intentoAjeno)).toBe(true);
    expect(plan.actas.some((a) => a.fotoCasillaMin !== null)).toBe(true);
    expect(plan.fueraCatalogo.length).toBeGreaterThan(0);
    expect(plan.noLlegan.length).toBeGreaterThan(0);
  });

  it('writes a wrong version that differs from the truth for every later correction', () => {
    for (const a of plan.actas) if (a.erronea) expect(a.erronea).not.toEqual(a.resultado.tipo === 'captura' ? a.resultado.captura : null);
  });
});

describe('recortarPlan', () => {
  const corto = recortarPlan(plan, 300);

  it('keeps whole secciones, about n actas, and every expected acta still exactly once', () => {
    expect(corto.actas.length).toBeGreaterThanOrEqual(300);
    expect(corto.actas.length).toBeLessThan(600);
    const secciones = new Set(corto.actas.map((a) => a.esperada.casilla.seccion));
    for (const a of plan.actas) if (secciones.has(a.esperada.casilla.seccion)) expect(corto.actas).toContain(a);
    const claves = [...corto.actas.map((a) => a.esperada.clave), ...corto.noLlegan.map((e) => e.clave)];
    expect(claves).toHaveLength(32_709);
    expect(new Set(claves).size).toBe(32_709);
  });

  it('still holds every kind of incident of the whole night', () => {
    expect(corto.actas.some((a) => a.resultado.tipo === 'sin_acta')).toBe(true);
    for (const k of ['discrepancia', 'reintento', 'intentoAjeno', 'intentoRol'] as const) expect(corto.actas.some((a) => a[k])).toBe(true);
    expect(corto.actas.some((a) => a.erronea !== null)).toBe(true);
    expect(corto.actas.some((a) => a.fotoCasillaMin !== null)).toBe(true);
    expect(corto.fueraCatalogo.length).toBeGreaterThan(0);
  });

  it('has wrong-role attempts at about their rate', () => {
    const n = plan.actas.filter((a) => a.intentoRol).length / plan.actas.length;
    expect(n).toBeGreaterThan(TASAS.intentoRol / 2);
    expect(n).toBeLessThan(TASAS.intentoRol * 2);
  });
});
