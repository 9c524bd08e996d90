import { describe, expect, it } from 'vitest';
import { ErrorCatd } from '../api.ts';
import { actaPartida, numeroDeParte } from './partida.ts';

const partida = (detalles: unknown) => new ErrorCatd(409, 'ACTA_PARTIDA', 'La casilla 1121 B 1 tiene 2 actas de AYUN…', detalles);

describe('actaPartida', () => {
  it('offers one choice per key the API listed, in part order, labelled with the key and its part', () => {
    expect(actaPartida(partida({ claves: ['141121B01006-2', '141121B01006'] }))).toEqual({
      mensaje: 'Esta casilla tiene su acta partida en 2 partes (sección dividida entre territorios): elige cuál recibes.',
      opciones: [
        { clave: '141121B01006', parte: 1, etiqueta: '141121B01006 · parte 1' },
        { clave: '141121B01006-2', parte: 2, etiqueta: '141121B01006-2 · parte 2' },
      ],
    });
    expect(actaPartida(partida({ claves: ['140338B01004', '140338B01004-2', '140338B01004-3'] }))?.mensaje).toContain('partida en 3 partes');
  });

  it('is null for any other failure, and for an ACTA_PARTIDA without usable keys', () => {
    expect(actaPartida(new ErrorCatd(409, 'YA_RECIBIDA', 'El acta ya fue recibida.', { claves: ['140338B01004'] }))).toBeNull();
    expect(actaPartida(new Error('ACTA_PARTIDA'))).toBeNull();
    expect(actaPartida(partida(null))).toBeNull();
    expect(actaPartida(partida({ claves: [7, ''] }))).toBeNull();
  });
});

describe('numeroDeParte', () => {
  it('reads n of CLAVE_ACTA-n, 1 for the plain key', () => {
    expect(numeroDeParte('141121B01006')).toBe(1);
    expect(numeroDeParte('141121B01006-2')).toBe(2);
  });
});
