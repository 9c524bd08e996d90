import { describe, expect, it } from 'vitest';
import { CapturaSchema } from '../../worker/domain/acta/esquema.ts';
import { ADMIN, CAMPOS_GUB, capturaGub, dispositivoCasilla, operadorCatd, operadorCcv } from './captura.ts';
import { catalogoEjemplo } from './eleccion.ts';

describe('capture fixtures', () => {
  it('builds operators of every ámbito bound to the fixture catalogue', () => {
    const catd = catalogoEjemplo.catds[0]!;
    const op = operadorCatd('ana', catd.id, 'captura');
    expect(op.catd).toEqual({ id: catd.id, ambito: catd.ambito, territorio: catd.territorio, elecciones: catd.elecciones });
    expect(operadorCcv('ccv', 'verificacion').catd).toBeNull();
    expect(dispositivoCasilla('tel', '140338B0100').casillas).toEqual(['140338B0100']);
    expect(ADMIN.roles).toEqual(['admin']);
  });

  it('captures exactly the GUB ballot, valid for the captura schema', () => {
    const c = capturaGub((campo) => (campo === 'NULOS' ? 'ILEGIBLE' : 2));
    expect(Object.keys(c.votos)).toEqual([...CAMPOS_GUB]);
    expect(c.votos.NULOS).toBe('ILEGIBLE');
    expect(CapturaSchema.safeParse(c).success).toBe(true);
  });
});
