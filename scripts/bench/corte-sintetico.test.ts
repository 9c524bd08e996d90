import { describe, expect, it } from 'vitest';
import { ActaPublicadaSchema } from '../../worker/domain/acta/publicada.ts';
import { catalogoEjemplo } from '../../test/ejemplos/eleccion.ts';
import { EstadoCorte } from '../../worker/domain/corte/estado.ts';
import { construirModelo } from '../../worker/domain/corte/modelo.ts';
import { actaSintetica } from './corte-sintetico.ts';

describe('synthetic verified actas', () => {
  it('are valid log entries, deterministic, and mostly counted', () => {
    const m = construirModelo(catalogoEjemplo);
    if (!m.ok) throw new Error('modelo');
    const actas = [...m.value.actaPorClave.values()].map((a, i) => actaSintetica(a, i, 0, 1_717_380_000_000));
    for (const a of actas) expect(ActaPublicadaSchema.safeParse(a).success).toBe(true);
    expect(actaSintetica(m.value.actaPorClave.get('140338B01004')!, 7, 1, 1)).toEqual(actaSintetica(m.value.actaPorClave.get('140338B01004')!, 7, 1, 1));
    expect(actaSintetica(m.value.actaPorClave.get('140338B01004')!, 7, 2, 1)).not.toEqual(actaSintetica(m.value.actaPorClave.get('140338B01004')!, 7, 1, 1));
    const { estado, resultado } = EstadoCorte.completo(m.value, actas);
    expect(resultado.problemas).toEqual([]);
    expect(estado.elecciones.get('GUB')!.entidad.contabilizadas).toBeGreaterThan(8);
  });
});
