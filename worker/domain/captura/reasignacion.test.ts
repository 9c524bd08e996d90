import { describe, expect, it } from 'vitest';
import { decidirReasignacion, ReasignacionSchema, type OperadorAReasignar } from './reasignacion.ts';

const ana: OperadorAReasignar = { id: 'ana', ambito: 'CATD', catd: 'CATD-D02', activo: true };

describe('moving an operator to another CATD', () => {
  it('moves a CATD operator, and says when it already has that CATD (nothing to change)', () => {
    expect(decidirReasignacion(ana, 'CATD-D01')).toEqual({ ok: true, value: { cambio: true, antes: 'CATD-D02', despues: 'CATD-D01' } });
    expect(decidirReasignacion(ana, 'CATD-D02')).toEqual({ ok: true, value: { cambio: false, antes: 'CATD-D02', despues: 'CATD-D02' } });
  });

  it('refuses the ámbitos without a CATD (CCV, PREP Casilla, institute) and an operator dado de baja', () => {
    for (const ambito of ['CCV', 'CASILLA', 'INSTITUTO'] as const) {
      const r = decidirReasignacion({ ...ana, ambito, catd: null }, 'CATD-D01');
      expect(r.ok ? null : [r.error.tipo, r.error.code, r.error.details]).toEqual(['INVALIDO', 'NO_ES_OPERADOR_CATD', { ambito }]);
    }
    const baja = decidirReasignacion({ ...ana, activo: false }, 'CATD-D01');
    expect(baja.ok ? null : baja.error.code).toBe('OPERADOR_DESCONOCIDO');
  });

  it('asks for exactly a CATD id', () => {
    expect(ReasignacionSchema.safeParse({ catd: 'CATD-M120' }).success).toBe(true);
    for (const x of [{}, { catd: 'catd-d01' }, { catd: 'X' }, { catd: 'CATD-D01', ambito: 'CCV' }]) expect(ReasignacionSchema.safeParse(x).success).toBe(false);
  });
});
