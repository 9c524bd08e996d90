import { describe, expect, it } from 'vitest';
import { eventosDelPaso } from './eventos.ts';

describe('eventosDelPaso', () => {
  it('a capture that completes a round: equal → RONDA; different → RONDA and DISCREPANCIA', () => {
    expect(eventosDelPaso('CAPTURA', 'CAPTURA', 'VERIFICADA')).toEqual(['RONDA']);
    expect(eventosDelPaso('CAPTURA', 'CAPTURA', 'VERIFICACION')).toEqual(['RONDA', 'DISCREPANCIA']);
  });
  it('the first capture of a round, or a third one that settles a verification, completes no round', () => {
    expect(eventosDelPaso('CAPTURA', 'CAPTURA', 'CAPTURA')).toEqual([]);
    expect(eventosDelPaso('CAPTURA', 'VERIFICACION', 'VERIFICADA')).toEqual([]);
  });
  it('a verifier\'s or supervisor\'s decision; sending back is a DEVOLUCION', () => {
    expect(eventosDelPaso('VERIFICACION', 'VERIFICACION', 'VERIFICADA')).toEqual(['DECISION']);
    expect(eventosDelPaso('VERIFICACION', 'VERIFICACION', 'CAPTURA')).toEqual(['DECISION', 'DEVOLUCION']);
    expect(eventosDelPaso('COTEJO', 'VERIFICADA', 'VERIFICADA')).toEqual(['DECISION']);
    expect(eventosDelPaso('COTEJO', 'VERIFICADA', 'DIGITALIZACION')).toEqual(['DECISION', 'DEVOLUCION']);
  });
  it('receiving and digitizing are no events', () => {
    expect(eventosDelPaso('ACOPIO', null, 'DIGITALIZACION')).toEqual([]);
    expect(eventosDelPaso('DIGITALIZACION', 'DIGITALIZACION', 'CAPTURA')).toEqual([]);
  });
});
