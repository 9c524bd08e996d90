import { describe, expect, it } from 'vitest';
import { fixtureActas, catalogoEjemplo } from '../../../test/ejemplos/eleccion.ts';
import { clasificarActa } from './clasificar.ts';
import { actasEsperadas, type ActaEsperada } from './esperadas.ts';
import type { ActaPublicada } from './publicada.ts';
import { actaRegistrada, entradaConteo } from './registrada.ts';

const r = actasEsperadas(catalogoEjemplo);
if (!r.ok) throw new Error('fixture');
const porClave = new Map<string, ActaEsperada>(r.value.map((e) => [e.clave, e]));
const acta = (clave: string): ActaPublicada => fixtureActas.find((f) => f.acta.clave === clave)!.acta;

describe('actaRegistrada', () => {
  it('a captured acta takes its casilla and boletas especial from the catalogue', () => {
    const p = acta('140339S01004');
    expect(actaRegistrada(p, porClave.get(p.clave))).toEqual({
      ok: true,
      value: { tipo: 'captura', captura: p.captura, casilla: { tipo: 'S', listaNominal: 0, representantes: 6 }, boletasEspecial: 750 },
    });
  });
  it('sin acta carries its motivo', () => {
    const p = acta('141121C01004');
    expect(actaRegistrada(p, porClave.get(p.clave))).toEqual({ ok: true, value: { tipo: 'sin_acta', motivo: 'PAQUETE_NO_ENTREGADO' } });
  });
  it('fuera de catálogo keeps its figures, if any', () => {
    const [fc1, fc2] = fixtureActas.filter((f) => f.acta.registro === 'fuera_catalogo').map((f) => f.acta);
    expect(actaRegistrada(fc1!, undefined)).toEqual({ ok: true, value: { tipo: 'fuera_catalogo', captura: fc1!.captura } });
    expect(actaRegistrada(fc2!, undefined)).toEqual({ ok: true, value: { tipo: 'fuera_catalogo', captura: null } });
  });
  it('reports inconsistent publication data as values', () => {
    const p = acta('140338B01004');
    expect(actaRegistrada(p, undefined)).toEqual({ ok: false, error: { motivo: 'NO_ESPERADA', clave: p.clave } });
    expect(actaRegistrada({ ...p, captura: null }, porClave.get(p.clave))).toEqual({ ok: false, error: { motivo: 'SIN_CAPTURA', clave: p.clave } });
    const s = acta('141121C01004');
    expect(actaRegistrada({ ...s, motivoSinActa: null }, porClave.get(s.clave))).toEqual({ ok: false, error: { motivo: 'SIN_MOTIVO', clave: s.clave } });
    expect(actaRegistrada(s, undefined)).toEqual({ ok: false, error: { motivo: 'NO_ESPERADA', clave: s.clave } });
  });
});

describe('entradaConteo', () => {
  it('takes votes from the capture and tipo, lista nominal and ballot from the catalogue', () => {
    const p = acta('142301B01006');
    const e = porClave.get(p.clave)!;
    const reg = actaRegistrada(p, e);
    if (!reg.ok) throw new Error('expected ok');
    const c = clasificarActa(reg.value);
    expect(entradaConteo(p, e, c)).toEqual({ clasificacion: c, votos: p.captura!.votos, tipo: 'B', listaNominal: 655, boleta: e.boleta });
  });
  it('fuera de catálogo: the identification type, no lista nominal, no ballot', () => {
    const p = fixtureActas.find((f) => f.acta.registro === 'fuera_catalogo')!.acta;
    const c = clasificarActa({ tipo: 'fuera_catalogo', captura: p.captura });
    expect(entradaConteo(p, undefined, c)).toEqual({ clasificacion: c, votos: p.captura!.votos, tipo: 'B', listaNominal: 0, boleta: null });
  });
});
