import { describe, expect, it } from 'vitest';
import { fixtureActas, catalogoEjemplo } from '../../../test/ejemplos/eleccion.ts';
import type { ActaPublicada } from '../acta/publicada.ts';
import { actaEnCorte } from './acta-corte.ts';
import { EstadoCorte } from './estado.ts';
import { renderizar } from './generar-shards.ts';
import { construirModelo, type CorteModelo } from './modelo.ts';

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
    expect(estado.retenida(captura.clave)!.fila).toContain('140338B01004');
  });

  it('reads the fields once when they are its ballot\'s columns in order, and publishes the same whatever their order', async () => {
    const m = modelo();
    const actas = fixtureActas.map((f) => f.acta);
    // Captures without Ilegible / Sin dato fields: their order then changes nothing that is published.
    const i = actas.findIndex((a) => a.captura !== null && a.registro === 'captura' && Object.values(a.captura.votos).every((v) => typeof v === 'number'));
    const a = actas[i]!;
    const leido = actaEnCorte(m, a);
    expect(leido.ok && leido.value.valores).toEqual(Object.values(a.captura!.votos));
    const cambiada = conVotos(a, Object.fromEntries(Object.entries(a.captura!.votos).map(([k, v], j) => [k, j === 0 ? (v as number) + 7 : v])));
    const alReves = conVotos(cambiada, Object.fromEntries(Object.entries(cambiada.captura!.votos).reverse()));
    const porClave = actaEnCorte(m, alReves);
    expect(porClave.ok && porClave.value.valores).toBeNull();
    // Out by the fields read in order, in by key, against the state built with the change in order.
    const incremental = EstadoCorte.completo(m, actas).estado;
    await renderizar(incremental, { final: false });
    expect(incremental.aplicar([{ antes: a, despues: alReves }]).sinCambio).toBe(0);
    const completo = EstadoCorte.completo(m, actas.map((x, j) => (j === i ? cambiada : x))).estado;
    expect(await publicado(m, incremental)).toEqual(await publicado(m, completo));
  });
});

function conVotos(a: ActaPublicada, votos: NonNullable<ActaPublicada['captura']>['votos']): ActaPublicada {
  return { ...a, captura: { ...a.captura!, votos } };
}

/** Every shard's bytes and every election's CSV rows. */
async function publicado(m: CorteModelo, estado: EstadoCorte) {
  await renderizar(estado, { final: false });
  const shards = Object.fromEntries([...estado.shards].map(([id, ref]) => [id, ref.sha256]));
  return { shards, filas: m.elecciones.map((em) => estado.filasCsv(em.eleccion.codigo)) };
}
