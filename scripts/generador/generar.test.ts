import { describe, expect, it } from 'vitest';
import { CatalogoSchema, type Casilla, type Catalogo } from '../../worker/domain/catalogo/esquema.ts';
import { actasEsperadas } from '../../worker/domain/acta/esperadas.ts';
import { validarCatalogo } from '../../worker/domain/catalogo/validar.ts';
import distritosJson from '../../data/jalisco/distritos.json' with { type: 'json' };
import municipioDistritos from '../../data/jalisco/municipio-distritos.json' with { type: 'json' };
import municipiosJson from '../../data/jalisco/municipios.json' with { type: 'json' };
import { repartir } from './repartir.ts';
import { combinaciones, generarJalisco, generarNacional, NACIONAL_CASILLAS } from './generar.ts';

// Generated once per file: each run takes tens of milliseconds (national: a few hundred).
const jal = generarJalisco();
const nacional = generarNacional();

const contar = <T>(xs: readonly T[], condicion: (x: T) => boolean) => xs.reduce((n, x) => n + (condicion(x) ? 1 : 0), 0);
const TIPO_ORDEN: Record<Casilla['tipo'], number> = { B: 0, C: 1, E: 2, S: 3, M: 4 };

describe('apportion', () => {
  it('hits the total exactly within bounds', () => {
    const x = repartir(100, [1, 1, 1]);
    expect(x).toEqual([34, 33, 33]);
    const y = repartir(1000, [5, 1, 1, 1], 100, 400);
    expect(y.reduce((a, b) => a + b, 0)).toBe(1000);
    expect(Math.max(...y)).toBeLessThanOrEqual(400);
    expect(Math.min(...y)).toBeGreaterThanOrEqual(100);
    expect(() => repartir(10, [1, 1], 6)).toThrow();
  });
});

describe('generarJalisco', () => {
  it('is deterministic: same seed byte-identical, another seed different', () => {
    const again = JSON.stringify(generarJalisco(2024));
    expect(again).toBe(JSON.stringify(jal));
    expect(JSON.stringify(generarJalisco(2025))).not.toBe(again);
  });

  it('parses with CatalogoSchema and has no cross-reference problems', () => {
    expect(CatalogoSchema.safeParse(jal).success).toBe(true);
    expect(validarCatalogo(jal)).toEqual([]);
  });

  it('is labelled as synthetic Jalisco in central time', () => {
    expect(jal.entidad).toEqual({ id: 14, nombre: 'Jalisco', utcOffsetMinutes: -360, sintetico: true });
  });

  it('has the real 2024 totals exactly', () => {
    const c = jal.casillas;
    expect(c).toHaveLength(10_903);
    expect([contar(c, (x) => x.tipo === 'B'), contar(c, (x) => x.tipo === 'C'), contar(c, (x) => x.tipo === 'E'), contar(c, (x) => x.tipo === 'S')]).toEqual([
      3785, 6783, 281, 54,
    ]);
    expect(contar(c, (x) => x.tipo === 'M')).toBe(0);
    expect(jal.secciones).toHaveLength(3785);
    expect(c.reduce((a, x) => a + x.listaNominal, 0)).toBe(6_619_342);
    expect(jal.municipios).toHaveLength(125);
    expect(jal.distritos).toHaveLength(20);
    expect(jal.catds).toHaveLength(145);
    const actas = actasEsperadas(jal);
    expect(actas.ok && actas.value.length).toBe(32_709);
  });

  it('keeps every casilla lista nominal within 100..750 (especiales 0) and representantes 1..9', () => {
    for (const x of jal.casillas) {
      if (x.tipo === 'S') expect(x.listaNominal).toBe(0);
      else expect(x.listaNominal >= 100 && x.listaNominal <= 750).toBe(true);
      expect(x.representantes >= 1 && x.representantes <= 9).toBe(true);
    }
  });

  it('has one básica per sección, each sección in one municipio and one distrito', () => {
    const basicas = new Map<number, number>();
    for (const x of jal.casillas) if (x.tipo === 'B') basicas.set(x.seccion, (basicas.get(x.seccion) ?? 0) + 1);
    expect(basicas.size).toBe(3785);
    expect([...basicas.values()].every((n) => n === 1)).toBe(true);
    expect(new Set(jal.secciones.map((s) => s.id)).size).toBe(3785);
    expect(new Set(jal.secciones.map((s) => s.municipio)).size).toBe(125);
    expect(new Set(jal.secciones.map((s) => s.distrito)).size).toBe(20);
  });

  it('puts each sección in a distrito its municipio lies in', () => {
    const mapping = municipioDistritos as Record<string, { distrito: number }[]>;
    for (const s of jal.secciones) expect(mapping[String(s.municipio)]!.map((d) => d.distrito)).toContain(s.distrito);
  });

  it('numbers secciones in ordered blocks per municipio, below ~3,800', () => {
    const ids = jal.secciones.map((s) => s.id);
    expect(ids).toEqual([...ids].sort((a, b) => a - b));
    expect(ids[0]).toBe(1);
    expect(ids.at(-1)!).toBeLessThanOrEqual(3900);
    const municipios = jal.secciones.map((s) => s.municipio);
    expect(municipios).toEqual([...municipios].sort((a, b) => a - b));
  });

  it('sorts casillas by sección, tipo (B, C, E, S), id, ext contigua', () => {
    const key = (x: Casilla) => [x.seccion, TIPO_ORDEN[x.tipo], x.id, x.extContigua];
    for (let i = 1; i < jal.casillas.length; i++) {
      const [a, b] = [key(jal.casillas[i - 1]!), key(jal.casillas[i]!)];
      const cmp = a.map((v, k) => v - b[k]!).find((d) => d !== 0) ?? 0;
      expect(cmp).toBeLessThan(0);
    }
  });

  it('spreads casillas by population, especiales only in big municipios, extraordinarias mostly rural', () => {
    const municipioDe = new Map(jal.secciones.map((s) => [s.id, s.municipio]));
    const pob = new Map(municipiosJson.map((m) => [m.id, m.pob]));
    const perMunicipio = new Map<number, number>();
    for (const x of jal.casillas) perMunicipio.set(municipioDe.get(x.seccion)!, (perMunicipio.get(municipioDe.get(x.seccion)!) ?? 0) + 1);
    expect(perMunicipio.get(120)!).toBeGreaterThan(perMunicipio.get(53)! * 5); // Zapopan ≫ Lagos de Moreno
    for (const x of jal.casillas.filter((c) => c.tipo === 'S')) expect(pob.get(municipioDe.get(x.seccion)!)!).toBeGreaterThanOrEqual(100_000);
    const e = jal.casillas.filter((c) => c.tipo === 'E');
    expect(contar(e, (x) => x.ubicacion === 2) / e.length).toBeGreaterThan(0.75);
  });

  it('has the three elections with their acta types', () => {
    expect(jal.elecciones.map((e) => [e.codigo, e.territorio, e.tipoActa, e.boletasEspecial, e.orden])).toEqual([
      ['GUB', 'entidad', '4', 750, 1],
      ['DIP_LOC', 'distrito', '5', 750, 2],
      ['AYUN', 'municipio', '6', 750, 3],
    ]);
  });

  it('builds ballots with both coalitions full for the gubernatura', () => {
    const gub = jal.boletas.filter((b) => b.eleccion === 'GUB');
    expect(gub).toHaveLength(1);
    expect(gub[0]!.territorio).toBe(0);
    const partidos = ['PAN', 'PRI', 'PRD', 'PVEM', 'PT', 'MC', 'MORENA', 'HAGAMOS', 'FUTURO'];
    expect(gub[0]!.columnas).toEqual([...partidos, ...combinaciones(['PAN', 'PRI', 'PRD']), ...combinaciones(['PVEM', 'PT', 'MORENA', 'HAGAMOS', 'FUTURO'])]);
    expect(gub[0]!.columnas).not.toContain('NULOS');
    expect(gub[0]!.columnas).not.toContain('NO_REGISTRADAS');
  });

  it('names combination columns larger subsets first, siglas in party orden', () => {
    expect(combinaciones(['PAN', 'PRI', 'PRD'])).toEqual(['PAN_PRI_PRD', 'PAN_PRI', 'PAN_PRD', 'PRI_PRD']);
    expect(combinaciones(['PVEM', 'PT', 'MORENA', 'HAGAMOS', 'FUTURO'])).toHaveLength(26);
    expect(combinaciones(['PT', 'MORENA'])).toEqual(['PT_MORENA']);
  });

  it('varies coalitions by territory: FYC in 124 of 125 municipios, SHHJ full, partial and absent', () => {
    const ayun = jal.boletas.filter((b) => b.eleccion === 'AYUN');
    const dip = jal.boletas.filter((b) => b.eleccion === 'DIP_LOC');
    expect(ayun).toHaveLength(125);
    expect(dip).toHaveLength(20);
    const has = (b: Catalogo['boletas'][number], id: string) => b.coaliciones.find((c) => c.coalicion === id)?.partidos.length ?? 0;
    expect(contar(ayun, (b) => has(b, 'FYC') === 3)).toBe(124);
    expect(contar(ayun, (b) => has(b, 'FYC') === 0)).toBe(1);
    expect(contar(dip, (b) => has(b, 'FYC') === 3)).toBe(20);
    expect(contar(ayun, (b) => has(b, 'SHHJ') === 5)).toBeGreaterThan(0);
    expect(contar(ayun, (b) => has(b, 'SHHJ') >= 2 && has(b, 'SHHJ') < 5)).toBeGreaterThan(0);
    expect(contar(ayun, (b) => has(b, 'SHHJ') === 0)).toBeGreaterThan(0);
    // Where FYC is absent its parties run alone: no combination column of theirs.
    const sinFyc = ayun.find((b) => has(b, 'FYC') === 0)!;
    expect(sinFyc.columnas.filter((c) => c.startsWith('PAN_') || c.startsWith('PRI_'))).toEqual([]);
  });

  it('lists one candidatura per party running alone, per coalition, and per independent', () => {
    for (const b of jal.boletas) {
      const rows = jal.candidaturas.filter((c) => c.eleccion === b.eleccion && c.territorio === b.territorio);
      const enCoalicion = new Set(b.coaliciones.flatMap((c) => c.partidos));
      const solos = jal.partidos.filter((p) => b.columnas.includes(p.siglas) && !enCoalicion.has(p.siglas));
      expect(rows.map((r) => r.partidoCi).sort()).toEqual([...solos.map((p) => p.siglas), ...b.coaliciones.map((c) => c.coalicion)].sort());
    }
    const ci = jal.partidos.filter((p) => p.tipo === 'independiente');
    expect(ci.length).toBeGreaterThanOrEqual(1);
    expect(ci.every((p) => /^CI_\d+$/.test(p.siglas))).toBe(true);
    expect(contar(jal.boletas, (b) => b.columnas.some((c) => c.startsWith('CI_')))).toBe(ci.length);
  });

  it('has 20 distrital and 125 municipal CATDs', () => {
    const d = jal.catds.filter((c) => c.ambito === 'distrito');
    const m = jal.catds.filter((c) => c.ambito === 'municipio');
    expect(d.map((c) => c.id)).toEqual(Array.from({ length: 20 }, (_, i) => `CATD-D${String(i + 1).padStart(2, '0')}`));
    expect(m.map((c) => c.id)).toEqual(Array.from({ length: 125 }, (_, i) => `CATD-M${String(i + 1).padStart(3, '0')}`));
    expect(d.every((c) => c.elecciones.join() === 'GUB,DIP_LOC')).toBe(true);
    expect(m.every((c) => c.elecciones.join() === 'AYUN')).toBe(true);
  });
});

describe('Jalisco facts', () => {
  it('maps every municipio to ≥ 1 distrito and every distrito to ≥ 1 municipio', () => {
    const mapping = municipioDistritos as Record<string, { distrito: number; share: number }[]>;
    expect(Object.keys(mapping)).toHaveLength(125);
    for (const list of Object.values(mapping)) {
      expect(list.length).toBeGreaterThanOrEqual(1);
      expect(list.reduce((a, d) => a + d.share, 0)).toBeCloseTo(1, 3);
    }
    const covered = new Set(Object.values(mapping).flatMap((l) => l.map((d) => d.distrito)));
    expect([...covered].sort((a, b) => a - b)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
  });

  it('has each distrito cabecera in a municipio of that distrito', () => {
    const mapping = municipioDistritos as Record<string, { distrito: number }[]>;
    for (const d of distritosJson) {
      expect(municipiosJson.find((m) => m.id === d.municipio)!.nombre).toBe(d.cabecera);
      expect(mapping[String(d.municipio)]!.map((x) => x.distrito)).toContain(d.id);
    }
  });

  it('has the 125 INEGI municipios with their Censo 2020 population', () => {
    expect(municipiosJson.map((m) => m.id)).toEqual(Array.from({ length: 125 }, (_, i) => i + 1));
    expect(municipiosJson.find((m) => m.id === 39)).toEqual({ id: 39, nombre: 'Guadalajara', pob: 1_385_629 });
    expect(municipiosJson.reduce((a, m) => a + m.pob, 0)).toBe(8_348_151);
  });
});

describe('generarNacional', () => {
  it('has 32 entidades and 170,648 casillas, each valid and within 9,999 secciones', () => {
    expect(nacional.map((c) => c.entidad.id)).toEqual(Array.from({ length: 32 }, (_, i) => i + 1));
    expect(nacional.reduce((a, c) => a + c.casillas.length, 0)).toBe(NACIONAL_CASILLAS);
    expect(NACIONAL_CASILLAS).toBe(170_648);
    for (const c of nacional) {
      expect(c.secciones.at(-1)!.id).toBeLessThanOrEqual(9999);
      expect(c.elecciones.map((e) => e.codigo)).toEqual(['GUB', 'DIP_LOC', 'AYUN']);
      expect(validarCatalogo(c)).toEqual([]);
    }
  });

  it('parses with CatalogoSchema (a sample of entidades)', () => {
    for (const i of [0, 8, 14, 19]) expect(CatalogoSchema.safeParse(nacional[i]).success).toBe(true);
  });

  it('is deterministic', () => {
    const again = generarNacional();
    expect(again.map((c) => c.casillas.length)).toEqual(nacional.map((c) => c.casillas.length));
    expect(JSON.stringify(again[19])).toBe(JSON.stringify(nacional[19]));
  });
});
