import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decidirAviso, ESTADO_INICIAL, problemasDe, type EstadoVigia, type Observacion, type Umbrales } from './evaluacion.ts';

const U: Umbrales = { maxEdadCorteMs: 15 * 60_000, repetirMs: 30 * 60_000 };
const T = Date.UTC(2024, 5, 3, 5, 0, 0);
const BASE = 'https://prep.example/';

const viva = (edadMs: number, final = false): Observacion => ({
  instante: T,
  publicacion: { tipo: 'corte', numero: 7, instante: T - edadMs, final },
  salud: { ok: true },
});

describe('problemasDe', () => {
  it('sees nothing wrong with a recent corte and a healthy Worker', () => {
    expect(problemasDe(viva(14 * 60_000), U)).toEqual([]);
    expect(problemasDe(viva(15 * 60_000), U)).toEqual([]);
  });

  it('reports stalled cortes past the limit, naming the corte and its age in es-MX', () => {
    expect(problemasDe(viva(15 * 60_000 + 1), U).map((p) => p.codigo)).toEqual(['CORTES_DETENIDOS']);
    expect(problemasDe(viva(90 * 60_000), U)[0]!.mensaje).toBe('El corte más reciente (número 7) tiene 90 min; el máximo es 15 min.');
  });

  it('does not call a night stalled once its final corte is out', () => {
    expect(problemasDe(viva(10 * 3_600_000, true), U)).toEqual([]);
  });

  it('reports a missing or unreadable publication and a Worker that does not answer, together', () => {
    const o: Observacion = { instante: T, publicacion: { tipo: 'ausente' }, salud: { ok: false, motivo: 'HTTP 503' } };
    expect(problemasDe(o, U).map((p) => p.codigo)).toEqual(['PUBLICACION_AUSENTE', 'WORKER_SIN_RESPUESTA']);
    const ilegible: Observacion = { ...o, publicacion: { tipo: 'ilegible', motivo: 'HTTP 500' }, salud: { ok: true } };
    expect(problemasDe(ilegible, U)).toEqual([{ codigo: 'PUBLICACION_ILEGIBLE', mensaje: 'latest.json no se pudo leer: HTTP 500' }]);
  });
});

describe('decidirAviso', () => {
  const detenida = viva(60 * 60_000);

  it('stays quiet while all is well, alerts on the first problem, and says when it is over', () => {
    expect(decidirAviso(ESTADO_INICIAL, [], viva(0), BASE, U).aviso).toBeNull();
    const alerta = decidirAviso(ESTADO_INICIAL, problemasDe(detenida, U), detenida, BASE, U);
    expect(alerta.aviso).toMatchObject({ fuente: 'prep-vigia', estado: 'alerta', base: BASE, instante: '2024-06-03T05:00:00.000Z' });
    expect(alerta.siEntregado).toEqual({ codigos: ['CORTES_DETENIDOS'], avisadoAt: T });
    const bien = { ...viva(0), instante: T + 60_000 };
    const fin = decidirAviso(alerta.siEntregado, [], bien, BASE, U);
    expect(fin.aviso).toMatchObject({ estado: 'recuperado', problemas: [] });
    expect(fin.siEntregado.codigos).toEqual([]);
  });

  it('repeats an alert that lasts every repetirMs, not before', () => {
    const estado: EstadoVigia = { codigos: ['CORTES_DETENIDOS'], avisadoAt: T };
    const en = (ms: number) => ({ ...detenida, instante: T + ms });
    expect(decidirAviso(estado, problemasDe(detenida, U), en(U.repetirMs - 1), BASE, U).aviso).toBeNull();
    expect(decidirAviso(estado, problemasDe(detenida, U), en(U.repetirMs), BASE, U).aviso?.estado).toBe('alerta');
  });

  it('keeps an aviso the webhook refused: the old state still differs from the problems, so the next round sends again', () => {
    const problemas = problemasDe(detenida, U);
    const primera = decidirAviso(ESTADO_INICIAL, problemas, detenida, BASE, U);
    // The webhook failed: the caller keeps ESTADO_INICIAL.
    expect(decidirAviso(ESTADO_INICIAL, problemas, { ...detenida, instante: T + 60_000 }, BASE, U).aviso).toEqual({
      ...primera.aviso,
      instante: '2024-06-03T05:01:00.000Z',
    });
  });

  const observacion = fc.record({
    edad: fc.integer({ min: 0, max: 3 * 3_600_000 }),
    final: fc.boolean(),
    salud: fc.boolean(),
    ausente: fc.boolean(),
  });

  it('over any sequence of rounds (webhook always taking them): an aviso exactly when the set of problems changes or a repeat is due', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(observacion, fc.integer({ min: 1, max: 20 * 60_000 })), { maxLength: 40 }), (rondas) => {
        let estado = ESTADO_INICIAL;
        let ahora = T;
        for (const [r, paso] of rondas) {
          ahora += paso;
          const o: Observacion = {
            instante: ahora,
            publicacion: r.ausente ? { tipo: 'ausente' } : { tipo: 'corte', numero: 1, instante: ahora - r.edad, final: r.final },
            salud: r.salud ? { ok: true } : { ok: false, motivo: 'x' },
          };
          const problemas = problemasDe(o, U);
          const codigos = [...new Set(problemas.map((p) => p.codigo))].sort();
          const { aviso, siEntregado } = decidirAviso(estado, problemas, o, BASE, U);
          const cambio = codigos.join() !== estado.codigos.join();
          const repetir = codigos.length > 0 && estado.avisadoAt !== null && ahora - estado.avisadoAt >= U.repetirMs;
          expect(aviso !== null).toBe(cambio || repetir);
          if (aviso) expect(aviso.estado).toBe(codigos.length > 0 ? 'alerta' : 'recuperado');
          // What is remembered is always what was last reported.
          expect(siEntregado.codigos).toEqual(aviso ? codigos : estado.codigos);
          estado = siEntregado;
        }
      }),
    );
  });
});
