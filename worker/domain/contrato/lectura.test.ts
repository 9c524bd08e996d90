import { describe, expect, it } from 'vitest';
import { fixtureActas, catalogoEjemplo } from '../../../test/ejemplos/eleccion.ts';
import { figuras } from '../conteo/figuras.ts';
import { desdeUtf8 } from '../corte/bytes.ts';
import { EstadoCorte } from '../corte/estado.ts';
import { construirModelo } from '../corte/modelo.ts';
import { renderizar } from '../corte/generar-shards.ts';
import { SeccionShardSchema } from '../corte/shards.ts';
import { actaDeFila, CONTEO, leerActa, resultadosDeFila, tablaDeBloque } from './index.ts';

describe('reading shards without zod', () => {
  it('expands a sección block and its actas: figures, votes by column, image URL', async () => {
    const m = construirModelo(catalogoEjemplo);
    if (!m.ok) throw new Error('modelo');
    const estado = EstadoCorte.completo(m.value, fixtureActas.map((f) => f.acta)).estado;
    const r = await renderizar(estado, { final: false });
    const s = SeccionShardSchema.parse(JSON.parse(desdeUtf8(r.contenidos.get('seccion/338')!)));
    const gub = s.elecciones.find((e) => e.codigo === 'GUB')!;
    const tabla = tablaDeBloque(s, gub);
    expect(tabla.columnas).toEqual([...catalogoEjemplo.boletas.find((b) => b.eleccion === 'GUB')!.columnas, 'NO_REGISTRADAS', 'NULOS']);
    const res = resultadosDeFila(gub, tabla);
    expect(res.figuras).toEqual(figuras(estado.elecciones.get('GUB')!.secciones.get(338)!, { final: false }));
    // B1 and C1 count; C2 exceeds its lista nominal and does not.
    expect(res.votos.PAN).toBe(101 + 150);
    const acta = leerActa(actaDeFila(gub.actas[0]!, s.seccion), tabla.columnas, s.entidad);
    expect(acta.votos).toEqual(fixtureActas[0]!.acta.captura!.votos);
    expect(acta.totales).toEqual(fixtureActas[0]!.acta.captura!.totales);
    expect(acta.imagen!.url).toBe(`/datos/14/imagenes/${fixtureActas[0]!.acta.imagen!.sha256}.jpg`);
    expect(CONTEO).toHaveLength(gub.t.length);
  });
});
