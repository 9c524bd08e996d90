import { describe, expect, it } from 'vitest';
import { ADMIN, dispositivoCasilla, operadorCatd, operadorCcv } from '../../../test/ejemplos/captura.ts';
import { alcanzaActa, puedeEjercer, puedeVerConsola, PasoSchema, RolSchema, ROL_DEL_PASO, type AlcanceActa, type Paso } from './permisos.ts';

const acta = (x: Partial<AlcanceActa> = {}): AlcanceActa => ({
  clave: '140338B01004',
  eleccion: 'GUB',
  distrito: 1,
  municipio: 39,
  casilla: '140338B0100',
  catdRegistro: null,
  ...x,
});

describe('puedeEjercer: a role only its step', () => {
  const pasos = PasoSchema.options.filter((p): p is Exclude<Paso, 'CONSULTA'> => p !== 'CONSULTA');

  it.each(RolSchema.options.filter((r) => r !== 'admin' && r !== 'observador'))('a CATD operator with only %s does only its step', (rol) => {
    const op = operadorCatd('x', 'CATD-D01', rol);
    for (const paso of pasos) {
      const r = puedeEjercer(op, paso);
      expect(r.ok, `${rol} → ${paso}`).toBe(ROL_DEL_PASO[paso] === rol);
      if (!r.ok) expect(r.error).toMatchObject({ tipo: 'PROHIBIDO', code: 'ROL_NO_AUTORIZADO' });
    }
    expect(puedeEjercer(op, 'CONSULTA').ok).toBe(true);
  });

  it('admin reads but performs no workflow step', () => {
    for (const paso of pasos) expect(puedeEjercer(ADMIN, paso).ok).toBe(false);
    expect(puedeEjercer(ADMIN, 'CONSULTA').ok).toBe(true);
  });

  it('observador reads the console and nothing else; admin reads it too; nobody outside the institute does', () => {
    const observador = { ...ADMIN, id: 'cotaprep', roles: ['observador' as const] };
    for (const paso of PasoSchema.options) expect(puedeEjercer(observador, paso).ok, paso).toBe(false);
    expect(puedeVerConsola(observador).ok).toBe(true);
    expect(puedeVerConsola(ADMIN).ok).toBe(true);
    expect(puedeVerConsola({ ...ADMIN, roles: [] })).toMatchObject({ ok: false, error: { code: 'ROL_NO_AUTORIZADO' } });
    expect(puedeVerConsola({ ...operadorCcv('c', 'supervisor'), roles: ['admin'] })).toMatchObject({ ok: false, error: { code: 'AMBITO_NO_AUTORIZADO' } });
    expect(puedeVerConsola(operadorCatd('x', 'CATD-D01', 'supervisor')).ok).toBe(false);
  });

  it('an ámbito that cannot hold a role cannot use it even if stored', () => {
    const ccvAcopio = operadorCcv('c', 'acopio');
    expect(puedeEjercer(ccvAcopio, 'ACOPIO')).toMatchObject({ ok: false, error: { code: 'AMBITO_NO_AUTORIZADO' } });
    const tel = { ...dispositivoCasilla('tel', '140338B0100'), roles: ['captura' as const] };
    expect(puedeEjercer(tel, 'CAPTURA')).toMatchObject({ ok: false, error: { code: 'AMBITO_NO_AUTORIZADO' } });
    expect(puedeEjercer({ ...ADMIN, roles: [] }, 'CONSULTA').ok).toBe(false);
  });
});

describe('alcanzaActa: territory, elections, casillas', () => {
  it('a distrital CATD: its distrito and its elections only', () => {
    const d01 = operadorCatd('x', 'CATD-D01', 'captura');
    expect(alcanzaActa(d01, acta()).ok).toBe(true);
    expect(alcanzaActa(d01, acta({ distrito: 2 }))).toMatchObject({ ok: false, error: { tipo: 'PROHIBIDO', code: 'ACTA_FUERA_DE_ALCANCE' } });
    const d02 = operadorCatd('y', 'CATD-D02', 'captura');
    expect(alcanzaActa(d02, acta({ distrito: 2, eleccion: 'AYUN', municipio: 120 })).ok).toBe(false);
    expect(alcanzaActa(d02, acta({ distrito: 2, eleccion: 'DIP_LOC', municipio: 120 })).ok).toBe(true);
  });

  it('a municipal CATD: its municipio, whatever the distrito', () => {
    const m120 = operadorCatd('m', 'CATD-M120', 'acopio');
    expect(alcanzaActa(m120, acta({ eleccion: 'AYUN', distrito: 2, municipio: 120 })).ok).toBe(true);
    expect(alcanzaActa(m120, acta({ eleccion: 'AYUN', distrito: 2, municipio: 39 })).ok).toBe(false);
    expect(alcanzaActa(m120, acta({ eleccion: 'GUB', distrito: 2, municipio: 120 })).ok).toBe(false);
  });

  it('a fuera de catálogo acta belongs to the CATD that registered it', () => {
    const fc = acta({ clave: 'FC-3', distrito: null, municipio: null, casilla: null, catdRegistro: 'CATD-D02' });
    expect(alcanzaActa(operadorCatd('y', 'CATD-D02', 'captura'), fc).ok).toBe(true);
    expect(alcanzaActa(operadorCatd('x', 'CATD-D01', 'captura'), fc).ok).toBe(false);
  });

  it('a PREP Casilla device: its casillas only; CCV and institute: everything', () => {
    expect(alcanzaActa(dispositivoCasilla('t', '140338B0100'), acta()).ok).toBe(true);
    expect(alcanzaActa(dispositivoCasilla('t', '140338C0100'), acta()).ok).toBe(false);
    expect(alcanzaActa(dispositivoCasilla('t', '140338B0100'), acta({ casilla: null })).ok).toBe(false);
    expect(alcanzaActa(operadorCcv('c', 'captura'), acta({ distrito: 2 })).ok).toBe(true);
    expect(alcanzaActa(ADMIN, acta({ distrito: 2 })).ok).toBe(true);
  });
});
