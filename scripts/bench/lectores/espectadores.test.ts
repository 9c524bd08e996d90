import { describe, expect, it } from 'vitest';
import { espectadores, ordenSecciones, SECCIONES_VISTAS, type Vistas } from './espectadores.ts';

const vistas: Vistas = {
  elecciones: ['GUB', 'DIP', 'AYUN'].map((e, k) => ({ entidad: `datos/14/${e}/entidad/x.json`, territorios: Array.from({ length: 20 + 105 * k }, (_, i) => `datos/14/${e}/t/${i}.json`) })),
  secciones: Array.from({ length: SECCIONES_VISTAS }, (_, i) => ({ grupo: `datos/14/secciones/${i % 37}/g.json`, seccion: `datos/14/seccion/${i}/x.json` })),
};

const contar = (rutas: string[]) => rutas.reduce((m, r) => m.set(r, (m.get(r) ?? 0) + 1), new Map<string, number>());

describe('the viewers of the readers load test', () => {
  it('1,000 viewers open every sección (through its group) and territorio of the set; 10,000 open the same pages ten times', () => {
    const pocos = espectadores(1000, vistas, null);
    const muchos = espectadores(10_000, vistas, '"e"');
    expect(pocos).toHaveLength(6000);
    const distintos = (l: typeof pocos) => new Set(l.map((p) => p.ruta));
    expect(distintos(muchos)).toEqual(distintos(pocos));
    const todos = [...vistas.secciones.flatMap((s) => [s.grupo, s.seccion]), ...vistas.elecciones.flatMap((e) => [e.entidad, ...e.territorios])].map((r) => `/${r}`);
    for (const r of todos) expect(distintos(pocos).has(r)).toBe(true);
    const secciones = [...contar(muchos.map((p) => p.ruta)).entries()].filter(([r]) => r.includes('/seccion/'));
    expect(secciones.every(([, n]) => n === 10)).toBe(true);
  });

  it('every viewer polls the pointer with the ETag it holds, then the notice', () => {
    const l = espectadores(3, vistas, '"abc"');
    expect(l.filter((p) => p.ruta === '/datos/latest.json').map((p) => p.encabezados['if-none-match'])).toEqual(['"abc"', '"abc"', '"abc"']);
    expect(l.filter((p) => p.ruta === '/datos/aviso.json')).toHaveLength(3);
    expect(espectadores(1, vistas, null)[0]!.encabezados['if-none-match']).toBeUndefined();
  });

  it('the secciones order is a fixed permutation, not the ids in order', () => {
    const ids = Array.from({ length: 50 }, (_, i) => i + 1);
    const orden = ordenSecciones(ids);
    expect([...orden].sort((a, b) => a - b)).toEqual(ids);
    expect(orden).not.toEqual(ids);
    expect(ordenSecciones([...ids].reverse())).toEqual(orden);
  });
});
