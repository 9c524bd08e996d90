import { describe, expect, it } from 'vitest';
import { ILEGIBLE, SIN_DATO } from '../../../../worker/domain/contrato/index.ts';
import { avisosDe, sumaDeVotos } from './avisos.ts';
import { camposDeFormulario } from './campos.ts';
import { cuerpoCaptura } from './envio.ts';
import type { BoletaActa } from './tipos.ts';
import { marcaDeTecla, numeroDe, soloDigitos, textoDe, valorDe } from './valores.ts';

const boleta: BoletaActa = {
  clave: '140338B01004',
  etapa: 'CAPTURA',
  ronda: 1,
  eleccion: { codigo: 'GUB', nombre: 'Gubernatura' },
  identificacion: { seccion: 338, tipo: 'B', id: 1, extContigua: 0 },
  campos: [
    { columna: 'PAN', nombre: 'Partido Acción Nacional', tipo: 'partido' },
    { columna: 'PAN_PRI', nombre: 'PAN + PRI', tipo: 'combinacion' },
    { columna: 'NO_REGISTRADAS', nombre: 'Candidaturas no registradas', tipo: 'no_registradas' },
    { columna: 'NULOS', nombre: 'Votos nulos', tipo: 'nulos' },
  ],
  totales: ['TOTAL_BOLETAS_SOBRANTES', 'TOTAL_PERSONAS_VOTARON', 'TOTAL_REP_PARTIDO_CI_VOTARON', 'TOTAL_VOTOS_SACADOS', 'TOTAL_VOTOS_ASENTADO'],
  limite: 105,
  listaNominal: 100,
  capturadaPorUsted: false,
};
const campos = camposDeFormulario(boleta);
const completas = { PAN: '40', PAN_PRI: '5', NO_REGISTRADAS: '0', NULOS: '3', TOTAL_VOTOS_ASENTADO: '48', TOTAL_BOLETAS_SOBRANTES: '52', TOTAL_PERSONAS_VOTARON: '48', TOTAL_REP_PARTIDO_CI_VOTARON: '0', TOTAL_VOTOS_SACADOS: '48' };

describe('valores', () => {
  it('keeps digits only, without leading zeros, at most five', () => {
    expect(soloDigitos('0a1b2')).toBe('12');
    expect(soloDigitos('000')).toBe('0');
    expect(soloDigitos('1234567')).toBe('12345');
  });

  it('an untyped field is Sin dato; the marks stay; digits are numbers', () => {
    expect(valorDe('')).toBe(SIN_DATO);
    expect(valorDe(ILEGIBLE)).toBe(ILEGIBLE);
    expect(valorDe('015')).toBe(15);
    expect(numeroDe(SIN_DATO)).toBeNull();
    expect(textoDe(ILEGIBLE)).toBe('Ilegible');
  });

  it('I or * marks Ilegible, S or / Sin dato, nothing else', () => {
    expect(['i', 'I', '*'].map(marcaDeTecla)).toEqual([ILEGIBLE, ILEGIBLE, ILEGIBLE]);
    expect(['s', 'S', '/'].map(marcaDeTecla)).toEqual([SIN_DATO, SIN_DATO, SIN_DATO]);
    expect(['1', 'a', 'Enter'].map(marcaDeTecla)).toEqual([null, null, null]);
  });
});

describe('camposDeFormulario', () => {
  it("is the ballot's vote fields then the totals in the acta's printed order", () => {
    expect(campos.map((c) => c.clave)).toEqual([
      'PAN', 'PAN_PRI', 'NO_REGISTRADAS', 'NULOS',
      'TOTAL_VOTOS_ASENTADO', 'TOTAL_BOLETAS_SOBRANTES', 'TOTAL_PERSONAS_VOTARON', 'TOTAL_REP_PARTIDO_CI_VOTARON', 'TOTAL_VOTOS_SACADOS',
    ]);
  });
});

describe('avisosDe', () => {
  it('says nothing of figures that add up within the limit', () => {
    expect(avisosDe(campos, completas, 105)).toEqual([]);
  });

  it('points out empty fields, which go as Sin dato', () => {
    const a = avisosDe(campos, { ...completas, PAN_PRI: '', NULOS: '' }, 105);
    expect(a[0]).toEqual({ campo: 'PAN_PRI', texto: '2 campos vacíos se enviarán como Sin dato: PAN + PRI, Votos nulos.' });
  });

  it('points out a total of votes or of votes taken out that differs from the sum (Ilegible counts 0)', () => {
    const e = { ...completas, PAN: ILEGIBLE };
    expect(sumaDeVotos(campos, e)).toBe(8);
    expect(avisosDe(campos, e, 105).map((x) => x.campo)).toEqual(['TOTAL_VOTOS_ASENTADO', 'TOTAL_VOTOS_SACADOS']);
    expect(avisosDe(campos, { ...completas, TOTAL_VOTOS_ASENTADO: '1048' }, 105)[0]!.texto).toBe(
      'La suma de los votos (48) no coincide con el total de votos asentado (1,048).',
    );
  });

  it('points out a sum above the limit, or one figure above it; no limit known, no such warning', () => {
    const excede = { ...completas, PAN: '100', TOTAL_VOTOS_ASENTADO: '108', TOTAL_VOTOS_SACADOS: '108' };
    expect(avisosDe(campos, excede, 105).map((x) => x.texto)).toEqual([
      'La suma de los votos (108) supera el límite de la casilla (105, lista nominal y representantes): el acta quedará como «Excede lista nominal».',
    ]);
    expect(avisosDe(campos, excede, null)).toEqual([]);
    expect(avisosDe(campos, { ...completas, TOTAL_PERSONAS_VOTARON: '480' }, 105)).toEqual([
      { campo: 'TOTAL_PERSONAS_VOTARON', texto: 'Personas que votaron: 480 es mayor que el límite de la casilla (105).' },
    ]);
  });
});

describe('cuerpoCaptura', () => {
  it('is every vote field and the five totals, empty ones as Sin dato', () => {
    expect(cuerpoCaptura(campos, { ...completas, PAN_PRI: ILEGIBLE, NULOS: '' })).toEqual({
      votos: { PAN: 40, PAN_PRI: ILEGIBLE, NO_REGISTRADAS: 0, NULOS: SIN_DATO },
      totales: { TOTAL_BOLETAS_SOBRANTES: 52, TOTAL_PERSONAS_VOTARON: 48, TOTAL_REP_PARTIDO_CI_VOTARON: 0, TOTAL_VOTOS_SACADOS: 48, TOTAL_VOTOS_ASENTADO: 48 },
    });
  });
});
