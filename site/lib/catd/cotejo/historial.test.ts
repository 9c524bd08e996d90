import { describe, expect, it } from 'vitest';
import { nombrePaso, resumenEvento } from './historial.ts';

const ev = (accion: string, detalle: Record<string, unknown>) => ({ id: 1, at: 0, accion, operador: 'x', detalle });

describe('historial en palabras', () => {
  it('names each step and what it decided', () => {
    expect(nombrePaso('VERIFICACION')).toBe('Verificación');
    expect(resumenEvento(ev('CAPTURA', { ronda: 1, n: 2, resultado: 'DISCREPA', captura: {} }))).toBe('ronda 1 · captura 2 · no coincide: pasa a verificación');
    expect(resumenEvento(ev('COTEJO', { accion: 'RECAPTURA', motivo: 'PRI mal leído', ronda: 2 }))).toBe('ronda 2 · enviada a recaptura · motivo: «PRI mal leído»');
    expect(resumenEvento(ev('ACOPIO', {}))).toBe('');
  });
});
