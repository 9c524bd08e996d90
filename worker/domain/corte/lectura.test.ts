import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fixtureActas, fixtureCatalogue } from '../../../test/ejemplos/eleccion.ts';
import { figuras, type Tally } from '../conteo/conteo.ts';
import { desdeUtf8 } from './bytes.ts';
import { EstadoCorte } from './estado.ts';
import { CONTEO, figurasDeConteo, leerActa, resultadosDeFila } from './lectura.ts';
import { construirModelo } from './modelo.ts';
import { renderizar } from './render-shards.ts';
import { SeccionShardSchema } from './shards.ts';

const conteo = fc
  .record({ esperadas: fc.nat(40_000), capturadas: fc.nat(40_000), contabilizadas: fc.nat(40_000), fueraCatalogo: fc.nat(50), inconsistencias: fc.nat(40_000), listaNominalContabilizadas: fc.nat(30_000_000), votosSinEspeciales: fc.nat(30_000_000), especiales: fc.nat(100_000) })
  .map((x) => ({
    esperadas: x.esperadas,
    registradas: x.capturadas + x.fueraCatalogo,
    fueraCatalogo: x.fueraCatalogo,
    capturadas: x.capturadas,
    contabilizadas: Math.min(x.contabilizadas, x.capturadas),
    inconsistencias: x.inconsistencias,
    listaNominalContabilizadas: x.listaNominalContabilizadas,
    votosConEspeciales: x.votosSinEspeciales + x.especiales,
    votosSinEspeciales: x.votosSinEspeciales,
  }));

describe('reading shards without zod', () => {
  it('computes the 13 figures exactly as the corte does, final or not', () => {
    fc.assert(
      fc.property(conteo, fc.boolean(), (t, final) => {
        const tally: Tally = { ...t, votos: {}, candidaturas: {} };
        expect(figurasDeConteo(t, final)).toEqual(figuras(tally, { final }));
      }),
    );
  });

  it('expands a sección block and its actas: figures, votes by column, image URL', async () => {
    const m = construirModelo(fixtureCatalogue);
    if (!m.ok) throw new Error('modelo');
    const estado = EstadoCorte.completo(m.value, fixtureActas.map((f) => f.acta)).estado;
    const r = await renderizar(estado, { final: false });
    const s = SeccionShardSchema.parse(JSON.parse(desdeUtf8(r.contenidos.get('seccion/338')!)));
    const gub = s.elecciones.find((e) => e.codigo === 'GUB')!;
    const res = resultadosDeFila(gub, { ...gub, final: s.final });
    expect(res.figuras).toEqual(figuras(estado.elecciones.get('GUB')!.secciones.get(338)!, { final: false }));
    // B1 and C1 count; C2 exceeds its lista nominal and does not.
    expect(res.votos.PAN).toBe(101 + 150);
    const acta = leerActa(gub.actas[0]!, gub.columnas, s.entidad);
    expect(acta.votos).toEqual(fixtureActas[0]!.acta.captura!.votos);
    expect(acta.totales).toEqual(fixtureActas[0]!.acta.captura!.totales);
    expect(acta.imagen!.url).toBe(`/datos/14/imagenes/${fixtureActas[0]!.acta.imagen!.sha256}.jpg`);
    expect(CONTEO).toHaveLength(gub.t.length);
  });
});
