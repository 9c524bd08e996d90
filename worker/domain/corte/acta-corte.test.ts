import { describe, expect, it } from 'vitest';
import { fixtureActas, catalogoEjemplo } from '../../../test/ejemplos/eleccion.ts';
import { actaEnCorte } from './acta-corte.ts';
import { EstadoCorte } from './estado.ts';
import { construirModelo } from './modelo.ts';

const modelo = () => {
  const m = construirModelo(catalogoEjemplo);
  if (!m.ok) throw new Error('modelo');
  return m.value;
};
const captura = fixtureActas[0]!.acta;

describe('an acta placed in the corte', () => {
  it('is its expected acta, classified, with what it adds to the tallies', () => {
    const r = actaEnCorte(modelo(), captura);
    expect(r.ok && r.value.esperada?.clave).toBe('140338B01004');
    expect(r.ok && r.value.clasificacion.estatus).toBe('CONTABILIZADA');
  });

  it('is fuera de catálogo when its clave is no expected acta, whatever the log says', () => {
    const r = actaEnCorte(modelo(), { ...captura, clave: '149999B01004' });
    expect(r.ok && r.value.esperada).toBeNull();
    expect(r.ok && r.value.clasificacion.estatus).toBe('FUERA_CATALOGO');
  });

  it('is left out, and reported, when the entry cannot be placed', () => {
    const m = modelo();
    expect(actaEnCorte(m, { ...captura, captura: null })).toEqual({ ok: false, error: { motivo: 'SIN_CAPTURA', clave: '140338B01004' } });
    const fc = { ...captura, clave: 'FC-9', registro: 'fuera_catalogo' as const, identificacion: { ...captura.identificacion, eleccion: 'SENADO' } };
    expect(actaEnCorte(m, fc)).toEqual({ ok: false, error: { motivo: 'ELECCION_DESCONOCIDA', clave: 'FC-9' } });
    const r = new EstadoCorte(m).aplicar([{ antes: null, despues: { ...captura, captura: null } }, { antes: null, despues: fixtureActas[1]!.acta }]);
    expect(r).toEqual({ procesadas: 2, sinCambio: 0, problemas: [{ motivo: 'SIN_CAPTURA', clave: '140338B01004' }] });
  });

  it('an identical entry later in the log changes nothing', () => {
    const estado = new EstadoCorte(modelo());
    estado.aplicar([{ antes: null, despues: captura }]);
    expect(estado.aplicar([{ antes: captura, despues: { ...captura } }]).sinCambio).toBe(1);
    expect(estado.actas.get(captura.clave)!.fila).toContain('140338B01004');
  });
});
