import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CONFIG_PREDETERMINADA } from './calendario.ts';
import { percentil } from '../estadistica/percentil.ts';
import { latenciasDePublicacion } from './latencia.ts';
import {
  ABANDONO_APLICANDO_MS,
  ESTADOS_SOLICITUD,
  VIGENCIA_SOLICITUD_MS,
  decidirCancelacion,
  decidirConfirmacion,
  descripcion,
  nuevaSolicitud,
  type Solicitud,
} from './solicitud.ts';

const T0 = Date.UTC(2024, 5, 3, 3, 0);
const final = nuevaSolicitud('s1', { tipo: 'CORTE_FINAL', instante: null }, 'admin-a', T0);

describe('two-administrator requests', () => {
  it('expire after 15 minutes and are applied only when another administrator confirms in time', () => {
    expect(final.venceAt - final.creadaAt).toBe(VIGENCIA_SOLICITUD_MS);
    expect(decidirConfirmacion(final, 'admin-b', T0 + 1000)).toEqual({ ok: true, value: { tipo: 'aplicar' } });
    expect(decidirConfirmacion(final, 'admin-a', T0 + 1000)).toEqual({ ok: false, error: { code: 'MISMO_ADMINISTRADOR', status: 403 } });
    expect(decidirConfirmacion(final, 'admin-b', final.venceAt)).toMatchObject({ ok: false, error: { code: 'SOLICITUD_VENCIDA', status: 409 } });
  });

  it('answer an applied request with its stored result, and refuse a cancelled one', () => {
    const aplicada: Solicitud = { ...final, estado: 'APLICADA', resolvio: 'admin-b', resueltaAt: T0 + 5, resultado: { numero: 7 } };
    expect(decidirConfirmacion(aplicada, 'admin-b', T0 + 10 * VIGENCIA_SOLICITUD_MS)).toEqual({ ok: true, value: { tipo: 'ya_aplicada', resultado: { numero: 7 } } });
    expect(decidirCancelacion(aplicada)).toMatchObject({ ok: false, error: { code: 'SOLICITUD_APLICADA' } });
    const cancelada: Solicitud = { ...final, estado: 'CANCELADA', resolvio: 'admin-a', resueltaAt: T0 + 5 };
    expect(decidirConfirmacion(cancelada, 'admin-b', T0 + 6)).toMatchObject({ ok: false, error: { code: 'SOLICITUD_CANCELADA' } });
    expect(decidirCancelacion(cancelada)).toEqual({ ok: true, value: { tipo: 'ya_cancelada' } });
    expect(decidirCancelacion(final)).toEqual({ ok: true, value: { tipo: 'cancelar' } });
  });

  it('let a request stuck while being applied be taken again only after the abandonment delay', () => {
    const aplicando: Solicitud = { ...final, estado: 'APLICANDO', resolvio: 'admin-b', resueltaAt: T0 + 100 };
    expect(decidirConfirmacion(aplicando, 'admin-c', T0 + 101)).toMatchObject({ ok: false, error: { code: 'SOLICITUD_EN_CURSO' } });
    expect(decidirConfirmacion(aplicando, 'admin-c', T0 + 100 + ABANDONO_APLICANDO_MS)).toEqual({ ok: true, value: { tipo: 'aplicar' } });
  });

  it('never let the requester apply their own request, whatever its state and the time (property)', () => {
    fc.assert(
      fc.property(fc.constantFrom(...ESTADOS_SOLICITUD), fc.integer({ min: 0, max: 10 * VIGENCIA_SOLICITUD_MS }), (estado, dt) => {
        const s: Solicitud = { ...final, estado, resueltaAt: estado === 'PENDIENTE' ? null : T0 };
        const r = decidirConfirmacion(s, 'admin-a', T0 + dt);
        expect(r.ok).toBe(false);
        const otro = decidirConfirmacion(s, 'admin-b', T0 + dt);
        // Another administrator applies it at most when pending and unexpired (or abandoned while being applied).
        if (otro.ok && otro.value.tipo === 'aplicar') expect((estado === 'PENDIENTE' && dt < VIGENCIA_SOLICITUD_MS) || (estado === 'APLICANDO' && dt >= ABANDONO_APLICANDO_MS)).toBe(true);
      }),
    );
  });

  it('describe what they will do in Spanish', () => {
    expect(descripcion(final.accion)).toMatch(/corte final/);
    expect(descripcion({ tipo: 'CONFIGURAR', config: { ...CONFIG_PREDETERMINADA, jornada: '2024-06-02', inicioMinutos: 19 * 60 } })).toBe(
      'Cambiar la publicación: jornada 2024-06-02, apertura 19:00, 1440 min, un corte cada 5 min.',
    );
  });
});

describe('publication latency (verified → in a published corte)', () => {
  it('measures each acta to the first corte that reaches its sequence and leaves unpublished ones apart', () => {
    const cortes = [
      { secuencia: 3, publicadoAt: 1_000 },
      { secuencia: 3, publicadoAt: 2_000 },
      { secuencia: 8, publicadoAt: 5_000 },
    ];
    const actas = [
      { seq: 1, verificacionAt: 400 },
      { seq: 3, verificacionAt: 900 },
      { seq: 4, verificacionAt: 1_500 },
      { seq: 9, verificacionAt: 4_900 },
    ];
    expect(latenciasDePublicacion(actas, cortes)).toEqual({ actas: 3, pendientes: 1, p50: 600, p95: 3_500 });
    expect(latenciasDePublicacion(actas, [])).toEqual({ actas: 0, pendientes: 4, p50: null, p95: null });
  });

  it('takes nearest-rank percentiles: p50 ≤ p95, both values of the sample (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 1e7 }), { minLength: 1, maxLength: 200 }), (xs) => {
        const o = [...xs].sort((a, b) => a - b);
        const p50 = percentil(o, 0.5);
        const p95 = percentil(o, 0.95);
        expect(p50).toBeLessThanOrEqual(p95);
        expect(o).toContain(p95);
        expect(o.filter((x) => x <= p50).length).toBeGreaterThanOrEqual(Math.ceil(o.length / 2));
      }),
    );
  });
});
