import { describe, expect, it } from 'vitest';
import { OperadorNuevoSchema } from '../../worker/domain/captura/operador-nuevo.ts';
import { ROLES_DEL_AMBITO } from '../../worker/domain/captura/permisos.ts';
import { generarJalisco } from '../generador/generar.ts';
import {
  aplazarHasta,
  DECISION_MIN,
  debePublicarAMano,
  minutoDeFraccion,
  operadorDe,
  operadoresDeRelevo,
  planCatdCaido,
  planCronDetenido,
  SILENCIO_MIN,
} from './contingencia-plan.ts';
import { idPuesto, PUESTOS } from './personal.ts';
import { planNoche, recortarPlan } from './plan.ts';

const cat = generarJalisco(2024);
const completo = planNoche(cat, 7);
const corto = recortarPlan(completo, 300);

describe('minutoDeFraccion', () => {
  it('gives the arrival minute below which the fraction lies', () => {
    expect(minutoDeFraccion([50, 10, 30, 20, 40], 0)).toBe(10);
    expect(minutoDeFraccion([50, 10, 30, 20, 40], 0.5)).toBe(30);
    expect(minutoDeFraccion([50, 10, 30, 20, 40], 1)).toBe(50);
    expect(minutoDeFraccion([12.7], 1 / 3)).toBe(12);
    expect(minutoDeFraccion([], 0.5)).toBe(0);
  });
});

describe('planCronDetenido', () => {
  for (const [nombre, plan] of [['completo', completo], ['300 actas', corto]] as const) {
    it(`stops the cron while actas flow, long enough to be seen and short of the close (${nombre})`, () => {
      const p = planCronDetenido(plan, 5, 24 * 60);
      const llegadas = plan.actas.map((a) => a.llegadaMin);
      const antes = llegadas.filter((m) => m < p.desde).length;
      // About a third arrived before the stop, and actas keep arriving during it.
      expect(antes / llegadas.length).toBeGreaterThan(0.25);
      expect(antes / llegadas.length).toBeLessThan(0.45);
      expect(llegadas.some((m) => m >= p.desde && m < p.hasta)).toBe(true);
      expect(p.hasta - p.desde).toBeGreaterThan(p.maxEdadMin + 5);
      expect(p.hasta).toBeLessThanOrEqual(24 * 60 - 10);
      expect(p.maxEdadMin).toBe(15);
    });
  }

  it('publishes by hand once per cadence after the vigía saw the stall, and never after the cron resumed', () => {
    const p = { desde: 100, hasta: 150, maxEdadMin: 15 };
    expect(debePublicarAMano(p, 5, 110, null, null)).toBe(false);
    expect(debePublicarAMano(p, 5, 112, 112, null)).toBe(true);
    expect(debePublicarAMano(p, 5, 114, 112, 112)).toBe(false);
    expect(debePublicarAMano(p, 5, 117, 112, 112)).toBe(true);
    expect(debePublicarAMano(p, 5, 150, 112, 145)).toBe(false);
    const minutos = Array.from({ length: 60 }, (_, i) => 100 + i);
    let ultima: number | null = null;
    const publicadas: number[] = [];
    for (const m of minutos) {
      if (debePublicarAMano(p, 5, m, 116, ultima)) {
        ultima = m;
        publicadas.push(m);
      }
    }
    expect(publicadas).toEqual([116, 121, 126, 131, 136, 141, 146]);
  });
});

describe('planCatdCaido', () => {
  it('darkens the CATD with the most actas to capture, once a third of its actas arrived', () => {
    const p = planCatdCaido(corto)!;
    const por = new Map<string, number>();
    for (const a of corto.actas) if (a.resultado.tipo === 'captura') por.set(a.catd, (por.get(a.catd) ?? 0) + 1);
    expect(p.porCapturar).toBe(Math.max(...por.values()));
    expect(por.get(p.catd)).toBe(p.porCapturar);
    const suyas = corto.actas.filter((a) => a.catd === p.catd).map((a) => a.llegadaMin);
    expect(p.actas).toBe(suyas.length);
    // Work already arrived and more is still to come when it goes dark.
    expect(suyas.some((m) => m <= p.caida)).toBe(true);
    expect(suyas.some((m) => m > p.caida)).toBe(true);
    expect(p.reasignacion - p.caida).toBe(SILENCIO_MIN + DECISION_MIN);
    expect(planCatdCaido(corto)).toEqual(p);
  });

  it('is null for a night without actas', () => {
    expect(planCatdCaido({ ...corto, actas: [] })).toBeNull();
  });

  it("holds only the dark CATD's steps, only while nobody covers them", () => {
    const p = { catd: 'CATD-07', actas: 10, porCapturar: 9, caida: 100, reasignacion: 120 };
    expect(aplazarHasta(p, 'CATD-07', 99.9)).toBeNull();
    expect(aplazarHasta(p, 'CATD-07', 100)).toBe(120);
    expect(aplazarHasta(p, 'CATD-07', 119.5)).toBe(120);
    expect(aplazarHasta(p, 'CATD-07', 120)).toBeNull();
    expect(aplazarHasta(p, 'CATD-08', 110)).toBeNull();
  });

  it('hands capture, verification and cotejo to the CCV, acopio and digitalización to operators of its scope', () => {
    const p = { catd: 'CATD-07', actas: 10, porCapturar: 9, caida: 100, reasignacion: 120 };
    const relevo = operadoresDeRelevo(p);
    const ids = new Set(relevo.map((o) => o.id));
    for (const o of relevo) {
      expect(OperadorNuevoSchema.safeParse(o).success).toBe(true);
      for (const r of o.roles) expect(ROLES_DEL_AMBITO[o.ambito]).toContain(r);
      if (o.ambito === 'CATD') expect(o.catd).toBe('CATD-07');
    }
    for (const puesto of PUESTOS) {
      expect(operadorDe(p, 'CATD-07', puesto, 110)).toBe(idPuesto('CATD-07', puesto));
      expect(operadorDe(p, 'CATD-08', puesto, 130)).toBe(idPuesto('CATD-08', puesto));
      const relevoDe = operadorDe(p, 'CATD-07', puesto, 130);
      expect(ids.has(relevoDe)).toBe(true);
      const o = relevo.find((x) => x.id === relevoDe)!;
      expect(o.ambito).toBe(puesto === 'acopio' || puesto === 'dig' ? 'CATD' : 'CCV');
    }
    // The double capture still takes two different people.
    expect(operadorDe(p, 'CATD-07', 'cap1', 130)).not.toBe(operadorDe(p, 'CATD-07', 'cap2', 130));
  });
});
