import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { arbEleccion, camposDe, conteoDe } from '../../../test/ejemplos/conteos.ts';
import { ConteoSchema, conteoVacio, restarEsperada, sumarEsperada, type Conteo } from './conteo.ts';
import { IndiceVotos, registroOrdenado, sumarActaDensa, sumarActaDensaEn, sumarVotosDensos, votosDensos, type VotosDensos } from './densos.ts';

/** A dense tally as one record tally: what the corte publishes of it. */
function comoRegistros(t: Conteo, d: VotosDensos, slot: number, ix: IndiceVotos): Conteo {
  return {
    ...t,
    votos: registroOrdenado(d.votos, slot, ix.columnas, t.votos),
    candidaturas: registroOrdenado(d.candidaturas, slot, ix.candidaturas, t.candidaturas),
  };
}

/** `r` with the keys of `orden` first, in that order, then the others sorted. */
function ordenado(r: Record<string, number>, orden: readonly string[]): Record<string, number> {
  return Object.fromEntries([...orden.filter((k) => r[k] !== undefined), ...Object.keys(r).filter((k) => !orden.includes(k)).sort()].map((k) => [k, r[k]!]));
}

describe('dense votes', () => {
  it('add and remove (an incremental corte) as the records do, columns outside the index included', () => {
    fc.assert(
      fc.property(
        arbEleccion.chain((actas) => fc.tuple(fc.constant(actas), fc.array(fc.boolean(), { minLength: actas.length, maxLength: actas.length }), fc.nat())),
        ([actas, quitar, semilla]) => {
          const { columnas, candidaturas } = camposDe(actas);
          // Every column indexed, or some left out (they go through the records).
          for (const parte of [(_: number) => true, (i: number) => (i + semilla) % 3 !== 0]) {
            const ix = new IndiceVotos([...columnas].filter((_, i) => parte(i)), [...candidaturas].filter((_, i) => parte(i + 1)));
            const t = conteoVacio();
            const d = votosDensos(ix, 2);
            for (const a of actas) {
              if (a.tipo === 'pendiente') sumarEsperada(t);
              else sumarActaDensa(t, d, 1, ix, a.entrada);
            }
            actas.forEach((a, i) => {
              if (!quitar[i]) return;
              if (a.tipo === 'pendiente') restarEsperada(t);
              else sumarActaDensa(t, d, 1, ix, a.entrada, -1);
            });
            const publicado = comoRegistros(t, d, 1, ix);
            expect(publicado).toEqual(conteoDe(actas.filter((_, i) => !quitar[i])));
            expect(ConteoSchema.parse(publicado)).toEqual(publicado);
          }
        },
      ),
    );
  });

  it('into several tallies at once equal each; the ordered record is the records in index order', () => {
    fc.assert(
      fc.property(arbEleccion, fc.nat(), (actas, semilla) => {
        const { columnas, candidaturas } = camposDe(actas);
        // Some columns and candidaturas left out of the index: they go through the records.
        const ix = new IndiceVotos([...columnas].filter((_, i) => (i + semilla) % 4 !== 0), [...candidaturas].filter((_, i) => (i + semilla) % 3 !== 0));
        const d = votosDensos(ix, 3);
        const [juntos, solo, aparte] = [conteoVacio(), conteoVacio(), conteoVacio()];
        for (const a of actas) {
          if (a.tipo === 'pendiente') continue;
          sumarActaDensaEn([{ t: juntos, d, slot: 0 }, { t: aparte, d, slot: 2 }], ix, a.entrada);
          sumarActaDensa(solo, d, 1, ix, a.entrada);
        }
        expect(juntos).toEqual(solo);
        expect(aparte).toEqual(solo);
        expect([...d.votos.subarray(0, ix.columnas.length)]).toEqual([...d.votos.subarray(ix.columnas.length, 2 * ix.columnas.length)]);
        const registros = conteoDe(actas.filter((a) => a.tipo === 'registrada'));
        expect(JSON.stringify(registroOrdenado(d.votos, 1, ix.columnas, solo.votos))).toBe(JSON.stringify(ordenado(registros.votos, ix.columnas)));
        expect(JSON.stringify(registroOrdenado(d.candidaturas, 1, ix.candidaturas, solo.candidaturas))).toBe(
          JSON.stringify(ordenado(registros.candidaturas, ix.candidaturas)),
        );
      }),
    );
  });

  it('sum slot by slot as their tallies do', () => {
    fc.assert(
      fc.property(arbEleccion, arbEleccion, (a, b) => {
        const { columnas, candidaturas } = camposDe([...a, ...b]);
        const ix = new IndiceVotos([...columnas], [...candidaturas]);
        const d = votosDensos(ix, 3);
        const [ta, tb, padre] = [conteoVacio(), conteoVacio(), conteoVacio()];
        for (const [t, slot, actas] of [[ta, 0, a], [tb, 1, b]] as const) {
          for (const x of actas) if (x.tipo === 'registrada') sumarActaDensa(t, d, slot, ix, x.entrada);
        }
        sumarVotosDensos(d, 2, d, 0, ix);
        sumarVotosDensos(d, 2, d, 1, ix);
        const registradas = [...a, ...b].filter((x) => x.tipo === 'registrada');
        expect(comoRegistros(padre, d, 2, ix).votos).toEqual(conteoDe(registradas).votos);
        expect(comoRegistros(padre, d, 2, ix).candidaturas).toEqual(conteoDe(registradas).candidaturas);
      }),
      { numRuns: 50 },
    );
  });
});
