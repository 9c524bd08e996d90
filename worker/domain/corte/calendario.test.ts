import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CONFIG_PREDETERMINADA, ConfigCortesSchema, decidir, proximoCorte, ventana, type ConfigCortes } from './calendario.ts';

const JALISCO = -360;
const config: ConfigCortes = { ...CONFIG_PREDETERMINADA, jornada: '2024-06-02' };
/** 2 June 2024 20:00 in Jalisco = 3 June 02:00 UTC. */
const APERTURA = Date.UTC(2024, 5, 3, 2, 0);
const MIN = 60_000;
const nada = { ultimoTurno: null, finalPublicado: false };

describe('ventana', () => {
  it('opens on election day at 20:00 local time of the entidad and lasts 24 h', () => {
    expect(ventana(config, JALISCO)).toEqual({ apertura: APERTURA, cierre: APERTURA + 24 * 60 * MIN });
  });

  it('takes the offset from the entidad: Sonora (UTC-7) opens an hour later in UTC', () => {
    expect(ventana(config, -420)!.apertura).toBe(APERTURA + 60 * MIN);
  });

  it('has no window without an election day', () => {
    expect(ventana(CONFIG_PREDETERMINADA, JALISCO)).toBeNull();
  });
});

describe('decidir', () => {
  it('waits before the opening and without an election day', () => {
    expect(decidir(config, JALISCO, APERTURA - MIN, nada)).toEqual({ tipo: 'esperar', motivo: 'ANTES_DE_APERTURA' });
    expect(decidir(CONFIG_PREDETERMINADA, JALISCO, APERTURA, nada)).toEqual({ tipo: 'esperar', motivo: 'SIN_JORNADA' });
  });

  it('cuts at the opening and once per turn of the cadence, not between', () => {
    expect(decidir(config, JALISCO, APERTURA, nada)).toEqual({ tipo: 'corte', final: false, turno: APERTURA });
    const cubierto = { ultimoTurno: APERTURA, finalPublicado: false };
    for (const m of [1, 2, 3, 4]) expect(decidir(config, JALISCO, APERTURA + m * MIN, cubierto).tipo).toBe('esperar');
    expect(decidir(config, JALISCO, APERTURA + 5 * MIN, cubierto)).toEqual({ tipo: 'corte', final: false, turno: APERTURA + 5 * MIN });
  });

  it('catches up on a missed turn with the current one, not with every missed turn', () => {
    const d = decidir(config, JALISCO, APERTURA + 23 * MIN, { ultimoTurno: APERTURA, finalPublicado: false });
    expect(d).toEqual({ tipo: 'corte', final: false, turno: APERTURA + 20 * MIN });
  });

  it('publishes one final corte at the close, then nothing more', () => {
    const cierre = APERTURA + 24 * 60 * MIN;
    const ultimo = { ultimoTurno: cierre - 5 * MIN, finalPublicado: false };
    expect(decidir(config, JALISCO, cierre, ultimo)).toEqual({ tipo: 'corte', final: true, turno: cierre });
    expect(decidir(config, JALISCO, cierre + 7 * MIN, ultimo)).toEqual({ tipo: 'corte', final: true, turno: cierre });
    expect(decidir(config, JALISCO, cierre + 7 * MIN, { ...ultimo, finalPublicado: true })).toEqual({ tipo: 'esperar', motivo: 'PUBLICACION_CERRADA' });
  });

  it('gives at least 3 cortes per hour inside the window for every allowed cadence', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 20 }), fc.integer({ min: 0, max: 22 * 60 }), (cadencia, desde) => {
        const c = { ...config, cadenciaMinutos: cadencia };
        let estado: { ultimoTurno: number | null; finalPublicado: boolean } = nada;
        let cortes = 0;
        for (let m = desde; m < desde + 60; m++) {
          const d = decidir(c, JALISCO, APERTURA + m * MIN, estado);
          if (d.tipo === 'corte') {
            cortes++;
            estado = { ultimoTurno: d.turno, finalPublicado: false };
          }
        }
        return cortes >= 3;
      }),
    );
  });

  it('refuses a cadence slower than 20 minutes or a window longer than 24 h', () => {
    expect(ConfigCortesSchema.safeParse({ ...config, cadenciaMinutos: 21 }).success).toBe(false);
    expect(ConfigCortesSchema.safeParse({ ...config, duracionMinutos: 24 * 60 + 1 }).success).toBe(false);
  });
});

describe('proximoCorte (when the edge cache should look for the next corte)', () => {
  it('is the next turn, the opening before it, the close for the last turn, and none after the final corte', () => {
    expect(proximoCorte(config, JALISCO, APERTURA + 2 * MIN, false)).toBe(APERTURA + 5 * MIN);
    expect(proximoCorte(config, JALISCO, APERTURA + 5 * MIN, false)).toBe(APERTURA + 10 * MIN);
    expect(proximoCorte(config, JALISCO, APERTURA - 60 * MIN, false)).toBe(APERTURA);
    const cierre = APERTURA + 24 * 60 * MIN;
    expect(proximoCorte({ ...config, cadenciaMinutos: 7 }, JALISCO, cierre - 2 * MIN, false)).toBe(cierre);
    expect(proximoCorte(config, JALISCO, cierre + MIN, false)).toBe(cierre);
    expect(proximoCorte(config, JALISCO, cierre, true)).toBe('final');
    expect(proximoCorte({ ...config, jornada: null }, JALISCO, APERTURA, false)).toBeNull();
  });
});
