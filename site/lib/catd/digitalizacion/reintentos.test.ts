import { describe, expect, it } from 'vitest';
import { ErrorCatd, SIN_CONEXION } from '../api.ts';
import { conReintentos, esCorte, nuevaClave } from './reintentos.ts';

const cortado = () => new ErrorCatd(0, SIN_CONEXION, 'Sin conexión con el servidor.');
const sinEspera = { dormir: async () => {} };

describe('conReintentos', () => {
  it('tries again after a cut until the API answers, telling each new try', async () => {
    let n = 0;
    const vistos: number[] = [];
    const r = await conReintentos(
      async () => {
        if (++n < 3) throw cortado();
        return 'ok';
      },
      { ...sinEspera, alReintentar: (i) => vistos.push(i) },
    );
    expect([r, n, vistos]).toEqual(['ok', 3, [2, 3]]);
  });

  it("never repeats after an answer of the API, and gives up after the last wait", async () => {
    let n = 0;
    const rechazo = new ErrorCatd(409, 'ACTA_YA_RECIBIDA', 'ya');
    await expect(conReintentos(async () => { n++; throw rechazo; }, sinEspera)).rejects.toBe(rechazo);
    expect(n).toBe(1);
    n = 0;
    await expect(conReintentos(async () => { n++; throw cortado(); }, { ...sinEspera, esperas: [1, 1] })).rejects.toMatchObject({ code: SIN_CONEXION });
    expect(n).toBe(3);
  });

  it('counts gateways that gave up as cuts, not the API’s own 500', () => {
    expect(esCorte(new ErrorCatd(504, 'HTTP_504', 'x'))).toBe(true);
    expect(esCorte(new ErrorCatd(500, 'ERROR_INTERNO', 'x'))).toBe(false);
    expect(esCorte(new Error('x'))).toBe(false);
  });

  it('makes a new key each time, valid for the API (visible ASCII, ≤ 200)', () => {
    const a = nuevaClave('acopio');
    expect(a).toMatch(/^acopio-[\x21-\x7e]{1,190}$/);
    expect(nuevaClave('acopio')).not.toBe(a);
  });
});
