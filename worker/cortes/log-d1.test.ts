import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ActaPublicadaSchema } from '../domain/acta/publicada.ts';
import { construirModelo } from '../domain/corte/modelo.ts';
import { catalogoEjemplo } from '../../test/ejemplos/eleccion.ts';
import { entradaEsperada, entradaFueraCatalogo } from '../../test/ejemplos/historias.ts';
import { actaDelLog } from './log-d1.ts';

const m = construirModelo(catalogoEjemplo);
if (!m.ok) throw new Error('catálogo de ejemplo inválido');
const modelo = m.value;
const entrada = fc.oneof(fc.constantFrom(...modelo.actaPorClave.values()).chain(entradaEsperada), entradaFueraCatalogo(modelo, 3));

describe('a publication log entry as the corte reads it', () => {
  it('is the entry as written, field for field, with its vote fields in their written order (what zod gives, without its copy)', () => {
    fc.assert(
      fc.property(entrada, (e) => {
        const payload = JSON.stringify(e);
        const leida = actaDelLog(payload, 'seq 1');
        expect(leida).toEqual(e);
        expect(leida).toEqual(ActaPublicadaSchema.parse(JSON.parse(payload)));
        expect(JSON.stringify(leida)).toBe(payload);
      }),
    );
  });

  it('is refused, naming the entry, when it is not a publishable acta', () => {
    const [a] = modelo.actaPorClave.values();
    const e = fc.sample(entradaEsperada(a!), { numRuns: 1, seed: 1 })[0]!;
    expect(() => actaDelLog(JSON.stringify({ ...e, sobra: 1 }), 'acta_publicacion seq 7 (X)')).toThrow(/^acta_publicacion seq 7 \(X\) no es un ActaPublicada/);
    expect(() => actaDelLog(JSON.stringify({ ...e, cotejada: 9 }), 'seq 8')).toThrow(/^seq 8 no es un ActaPublicada/);
    const votos = { PAN: -1 };
    expect(() => actaDelLog(JSON.stringify({ ...e, registro: 'captura', motivoSinActa: null, captura: { votos, totales: { TOTAL_BOLETAS_SOBRANTES: 0, TOTAL_PERSONAS_VOTARON: 0, TOTAL_REP_PARTIDO_CI_VOTARON: 0, TOTAL_VOTOS_SACADOS: 0, TOTAL_VOTOS_ASENTADO: 0 } } }), 'seq 9')).toThrow(/^seq 9 /);
  });
});
