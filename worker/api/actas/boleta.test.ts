import { exports } from 'cloudflare:workers';
import { beforeAll, describe, expect, it } from 'vitest';
import { claveCasilla } from '../../domain/claves/clave.ts';
import { catalogoEjemplo } from '../../../test/ejemplos/eleccion.ts';
import { error, llamar, ok, pasos, prepararEscenario, type Tokens } from '../../../test/captura/ayuda.ts';
import { partesDeCombinacion, type BoletaActa } from './boleta.ts';

let t: Tokens;
let p: ReturnType<typeof pasos>;
beforeAll(async () => {
  t = await prepararEscenario();
  p = pasos(t);
});

const CLAVE = '140338B01004';
const casilla = (clave: string) => catalogoEjemplo.casillas.find((c) => claveCasilla(14, c) === clave.slice(0, 11))!;
const boleta = (clave: string, token: string) => ok<BoletaActa>(llamar('GET', `/api/v1/actas/${clave}/boleta`, { token }));

describe('GET /api/v1/actas/{clave}/boleta', () => {
  it("gives the acta's own ballot: vote fields with names, the five totals, the casilla's limit", async () => {
    await p.recibir(CLAVE);
    await p.digitalizar(CLAVE);
    const b = await boleta(CLAVE, t['d01-cap1']!);
    const gub = catalogoEjemplo.boletas.find((x) => x.eleccion === 'GUB' && x.territorio === 0)!;
    expect(b.campos.map((c) => c.columna)).toEqual([...gub.columnas, 'NO_REGISTRADAS', 'NULOS']);
    expect(b.campos[0]).toEqual({ columna: 'PAN', nombre: 'Partido Acción Nacional', tipo: 'partido' });
    expect(b.campos.find((c) => c.columna === 'PAN_PRI_PRD')).toEqual({ columna: 'PAN_PRI_PRD', nombre: 'PAN + PRI + PRD', tipo: 'combinacion' });
    expect(b.campos.at(-1)).toEqual({ columna: 'NULOS', nombre: 'Votos nulos', tipo: 'nulos' });
    expect(b.totales).toEqual(['TOTAL_BOLETAS_SOBRANTES', 'TOTAL_PERSONAS_VOTARON', 'TOTAL_REP_PARTIDO_CI_VOTARON', 'TOTAL_VOTOS_SACADOS', 'TOTAL_VOTOS_ASENTADO']);
    const c = casilla(CLAVE);
    expect(b).toMatchObject({ clave: CLAVE, etapa: 'CAPTURA', ronda: 1, eleccion: { codigo: 'GUB', nombre: 'Gubernatura' }, capturadaPorUsted: false });
    expect(b.identificacion).toEqual({ seccion: 338, tipo: 'B', id: 1, extContigua: 0 });
    expect(b.listaNominal).toBe(c.listaNominal);
    expect(b.limite).toBe(c.listaNominal + c.representantes);
  });

  it("never carries another capture's figures; says only whether the caller captured it", async () => {
    // Figures nobody else would type: any trace of them in an answer to the second capturist is a leak.
    await p.capturar(CLAVE, 'd01-cap1', 4321);
    const primera = await boleta(CLAVE, t['d01-cap1']!);
    expect(primera.capturadaPorUsted).toBe(true);
    for (const ruta of [`/api/v1/actas/${CLAVE}/boleta`, '/api/v1/cola/captura', `/api/v1/actas/${CLAVE}`]) {
      const r = await llamar('GET', ruta, { token: t['d01-cap2'] });
      const texto = await r.text();
      expect(r.status, texto).toBe(200);
      expect(texto, ruta).not.toContain('4321');
      expect(texto, ruta).not.toMatch(/"votos"|"totales"\s*:\s*\{/);
    }
    expect((await boleta(CLAVE, t['d01-cap2']!)).capturadaPorUsted).toBe(false);
  });

  it('a casilla especial: the limit is the approved ballots + representantes, no lista nominal; works before acopio', async () => {
    const b = await boleta('142302S01005', t['d02-cap1']!);
    const c = casilla('142302S01005');
    expect(b).toMatchObject({ etapa: 'PENDIENTE', ronda: null, listaNominal: null, limite: 750 + c.representantes, capturadaPorUsted: false });
    expect(b.campos.length).toBeGreaterThan(2);
  });

  it('within the reader’s scope only; 404 for an unknown acta', async () => {
    await error(llamar('GET', `/api/v1/actas/${CLAVE}/boleta`, { token: t['d02-cap1'] }), 403, 'ACTA_FUERA_DE_ALCANCE');
    await error(llamar('GET', '/api/v1/actas/149999B01004/boleta', { token: t['d01-cap1'] }), 404, 'ACTA_NO_ENCONTRADA');
    await error(llamar('GET', `/api/v1/actas/${CLAVE}/boleta`), 401);
  });

  it('is in the OpenAPI document with its schema', async () => {
    const doc = (await (await exports.default.fetch('http://prep.test/api/v1/openapi.json')).json()) as {
      paths: Record<string, Record<string, unknown>>;
      components: { schemas: Record<string, unknown> };
    };
    expect(doc.paths['/api/v1/actas/{clave}/boleta']).toHaveProperty('get');
    expect(doc.components.schemas).toHaveProperty('BoletaActa');
  });
});

describe('partesDeCombinacion', () => {
  it('splits a combination on known party keys, even keys holding "_"', () => {
    const siglas = new Set(['PAN', 'PRI', 'PVEM', 'MORENA', 'CI_1', 'PT']);
    expect(partesDeCombinacion('PAN_PRI', siglas)).toEqual(['PAN', 'PRI']);
    expect(partesDeCombinacion('PVEM_PT_MORENA', siglas)).toEqual(['PVEM', 'PT', 'MORENA']);
    expect(partesDeCombinacion('CI_1_PAN', siglas)).toEqual(['CI_1', 'PAN']);
    expect(partesDeCombinacion('PAN_XYZ', siglas)).toBeNull();
  });
});
