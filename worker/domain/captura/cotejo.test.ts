import { describe, expect, it } from 'vitest';
import { AHORA, capturaGub, ctx, enCaptura, operadorCatd } from '../../../test/ejemplos/captura.ts';
import { cotejar } from './cotejo.ts';
import type { ActaVersionada } from './estado.ts';
import { actaPublicada } from './publicacion.ts';

const sup = operadorCatd('sup', 'CATD-D01', 'supervisor');
const verificada = (cotejada: 0 | 1 | 2 | 3 = 0): ActaVersionada => {
  const a = enCaptura();
  const v = { captura: capturaGub(5), ronda: 1, capturaAt: AHORA, at: AHORA, atServidor: AHORA, operador: null };
  return { ...a, estado: { ...a.estado, etapa: 'VERIFICADA', verificada: v, cotejada } };
};

describe('cotejar', () => {
  it('ACEPTAR: COTEJADA 1, once', () => {
    expect(cotejar(verificada(), { accion: 'ACEPTAR' }, ctx(sup))).toMatchObject({ ok: true, value: { estado: { cotejada: 1, etapa: 'VERIFICADA' } } });
    expect(cotejar(verificada(1), { accion: 'ACEPTAR' }, ctx(sup))).toMatchObject({ ok: false, error: { code: 'ACTA_YA_COTEJADA' } });
  });

  it('RECAPTURA: COTEJADA 3, a new capture round, the verified figures stay published', () => {
    const r = cotejar(verificada(), { accion: 'RECAPTURA', motivo: 'PAN mal leído' }, ctx(sup, AHORA + 9));
    if (!r.ok) throw new Error(r.error.code);
    expect(r.value.estado).toMatchObject({ etapa: 'CAPTURA', ronda: 2, cotejada: 3, devolucion: { por: 'COTEJO', accion: 'RECAPTURA', motivo: 'PAN mal leído', at: AHORA + 9 } });
    expect(actaPublicada(r.value.estado)).toMatchObject({ cotejada: 3, captura: capturaGub(5) });
  });

  it('REDIGITALIZACION: waits for a new image', () => {
    expect(cotejar(verificada(1), { accion: 'REDIGITALIZACION', motivo: 'borrosa' }, ctx(sup))).toMatchObject({ ok: true, value: { estado: { etapa: 'DIGITALIZACION', cotejada: 3 } } });
  });

  it('only verified actas are reviewed', () => {
    expect(cotejar(enCaptura(), { accion: 'ACEPTAR' }, ctx(sup))).toMatchObject({ ok: false, error: { tipo: 'CONFLICTO', code: 'ACTA_NO_VERIFICADA' } });
    expect(cotejar(null, { accion: 'ACEPTAR' }, ctx(sup))).toMatchObject({ ok: false, error: { code: 'ACTA_NO_VERIFICADA' } });
  });
});
