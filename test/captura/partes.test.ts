/**
 * A split sección through the real capture API (docs/catalogo.md, partes.csv): casilla 1121 B 01 has two AYUN
 * actas under one CLAVE_ACTA, part 1 counted in Tlaquepaque (98) and part 2, `141121B01006-2`, in Guadalajara (39)
 * with a lista nominal of its own (4). Acopio by fields cannot tell which paper arrived and asks for the key; each
 * part is then received, captured and verified by its own key, and classified against its own lista nominal.
 */
import { env } from 'cloudflare:workers';
import { beforeAll, describe, expect, it } from 'vitest';
import { actasEsperadas } from '../../worker/domain/acta/esperadas.ts';
import { clasificarPublicada } from '../../worker/domain/acta/registrada.ts';
import type { ActaPublicada } from '../../worker/domain/acta/publicada.ts';
import { leerCatalogo } from '../../worker/cortes/catalogo-d1.ts';
import { cargarCatalogo } from '../../worker/db/catalogo-carga.ts';
import { catalogoConPartes } from '../ejemplos/partes.ts';
import { capturaPara, error, huellaBase, jpeg, llamar, ok, prepararEscenario, subirImagen, type Tokens, type Vista } from './ayuda.ts';

const PARTE_1 = '141121B01006';
const PARTE_2 = '141121B01006-2';
let t: Tokens;

beforeAll(async () => {
  t = await prepararEscenario();
  await cargarCatalogo(env.DB, catalogoConPartes);
});

const acopio = (body: Record<string, unknown>) => llamar('POST', '/api/v1/acopio', { token: t['d01-acopio'], body });
const porCampos = (eleccion: string, seccion: number, tipo: string, id: number) => acopio({ identificacion: { eleccion, seccion, tipo, id, extContigua: 0 } });

/** Received by its key, digitized and verified by two equal AYUN captures of `v` per field on `municipio`'s ballot. */
async function verificada(clave: string, municipio: number, v: number): Promise<Vista> {
  await ok(acopio({ clave }), 201);
  await ok(subirImagen(t['d01-dig']!, clave, jpeg(clave)));
  const captura = capturaPara('AYUN', municipio, v);
  await ok(llamar('POST', `/api/v1/actas/${clave}/capturas`, { token: t['d01-cap1'], body: captura }));
  return ok(llamar('POST', `/api/v1/actas/${clave}/capturas`, { token: t['d01-cap2'], body: captura }));
}

/** How the corte classifies a published acta: its expected acta from the catalogue as D1 holds it. */
async function clasificacion(p: ActaPublicada) {
  const cat = await leerCatalogo(env.DB);
  const esperadas = actasEsperadas(cat!);
  if (!esperadas.ok) throw new Error(JSON.stringify(esperadas.error));
  const r = clasificarPublicada(p, esperadas.value.find((e) => e.clave === p.clave));
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.value;
}

describe('acopio of a split casilla', () => {
  it('by fields: 409 ACTA_PARTIDA listing both keys, in Spanish, and nothing is written', async () => {
    const antes = await huellaBase();
    const e = await error(porCampos('AYUN', 1121, 'B', 1), 409, 'ACTA_PARTIDA');
    expect(e.details).toEqual({ claves: [PARTE_1, PARTE_2] });
    expect(e.message).toBe(`La casilla 1121 B 1 tiene 2 actas de AYUN, una por territorio (sección partida): registre la recibida por su clave (${PARTE_1}, ${PARTE_2}).`);
    expect(await huellaBase()).toBe(antes);
  });

  it('by fields of the same casilla in an election where it is not split, and of an unsplit casilla: received as always', async () => {
    expect((await ok(porCampos('GUB', 1121, 'B', 1), 201)).clave).toBe('141121B01004');
    expect((await ok(porCampos('AYUN', 1121, 'C', 1), 201)).clave).toBe('141121C01006');
  });

  it('the key of a part the casilla does not have: refused (404 PARTE_INEXISTENTE), nothing written', async () => {
    const antes = await huellaBase();
    await error(acopio({ clave: '141120B01006-2' }), 404, 'PARTE_INEXISTENTE');
    expect(await huellaBase()).toBe(antes);
  });
});

describe('each part by its own key', () => {
  it('part 2 is its own acta, in its own territory, with its own limit of votes', async () => {
    const v = await ok(acopio({ clave: PARTE_2 }), 201);
    expect(v).toMatchObject({ clave: PARTE_2, estado: { esperada: true, registro: 'captura', distrito: 1, municipio: 39, territorio: 39 } });
    const b2 = await ok<{ limite: number; listaNominal: number; campos: { columna: string }[] }>(llamar('GET', `/api/v1/actas/${PARTE_2}/boleta`, { token: t['d01-cap1'] }));
    const b1 = await ok<{ limite: number; listaNominal: number }>(llamar('GET', `/api/v1/actas/${PARTE_1}/boleta`, { token: t['d01-cap1'] }));
    // Lista nominal + representantes (docs/REGLAS.md §4): the part's 4 + 9, the casilla's 701 + 9.
    expect([b2.listaNominal, b2.limite, b1.listaNominal, b1.limite]).toEqual([4, 13, 701, 710]);
    const ballot39 = catalogoConPartes.boletas.find((b) => b.eleccion === 'AYUN' && b.territorio === 39)!;
    expect(b2.campos.map((c) => c.columna)).toEqual([...ballot39.columnas, 'NO_REGISTRADAS', 'NULOS']);
  });

  it('the same votes exceed part 2’s lista nominal and not part 1’s', async () => {
    await ok(subirImagen(t['d01-dig']!, PARTE_2, jpeg(PARTE_2)));
    const captura = capturaPara('AYUN', 39, 2);
    await ok(llamar('POST', `/api/v1/actas/${PARTE_2}/capturas`, { token: t['d01-cap1'], body: captura }));
    const p2 = await ok(llamar('POST', `/api/v1/actas/${PARTE_2}/capturas`, { token: t['d01-cap2'], body: captura }));
    const p1 = await verificada(PARTE_1, 98, 2);
    for (const v of [p1, p2]) expect(v.etapa).toBe('VERIFICADA');
    const c2 = await clasificacion(p2.publicada as ActaPublicada);
    const c1 = await clasificacion(p1.publicada as ActaPublicada);
    expect(c2.totalVotosCalculado).toBeGreaterThan(13);
    expect(c1.totalVotosCalculado).toBeLessThanOrEqual(710);
    expect(c2).toMatchObject({ estatus: 'EXCEDE_LISTA_NOMINAL', observaciones: [{ tipo: 'EXCEDE_LISTA_NOMINAL' }] });
    expect(c1).toMatchObject({ estatus: 'CONTABILIZADA', observaciones: [] });
  });
});
