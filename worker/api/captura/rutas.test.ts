import { beforeAll, describe, expect, it } from 'vitest';
import { capturaPara, error, jpeg, llamar, ok, pasos, prepararEscenario, publicaciones, type Tokens } from '../../../test/captura/ayuda.ts';

let t: Tokens;
let p: ReturnType<typeof pasos>;
beforeAll(async () => {
  t = await prepararEscenario();
  p = pasos(t);
  for (const clave of ['140338B01004', '142302C01005', '142301B01006', '140338C01004']) {
    await llamar('POST', '/api/v1/acopio', { token: t[clave.startsWith('1423') && clave.endsWith('6') ? 'm120-acopio' : clave.startsWith('1423') ? 'd02-acopio' : 'd01-acopio'], body: { clave } });
  }
  await p.digitalizar('140338B01004');
  await p.digitalizar('140338C01004');
  await ok(llamar('POST', '/api/v1/actas/142302C01005/imagen?origen=CATD&digitalizacion=ESCANER&tipoDocumento=ACTA_PREP', { token: t['d02-dig'], raw: jpeg('142302C01005'), headers: { 'content-type': 'image/jpeg' } }));
  await ok(llamar('POST', '/api/v1/actas/142301B01006/imagen?origen=CATD&digitalizacion=ESCANER&tipoDocumento=ACTA_PREP', { token: t['m120-dig'], raw: jpeg('142301B01006'), headers: { 'content-type': 'image/jpeg' } }));
});

const capturar = (clave: string, op: string, body: unknown) => llamar('POST', `/api/v1/actas/${clave}/capturas`, { token: t[op], body });

describe('POST /api/v1/actas/{clave}/capturas', () => {
  it('validates against the acta’s own ballot: missing and foreign fields are named', async () => {
    const c = capturaPara('GUB', 0, 1);
    const { PVEM_PT: _x, ...sin } = c.votos;
    const e = await error(capturar('140338B01004', 'd01-cap1', { ...c, votos: { ...sin, CI_1: 3 } }), 422, 'CAPTURA_NO_CORRESPONDE_A_BOLETA');
    expect(e.details).toEqual({ faltantes: ['PVEM_PT'], sobrantes: ['CI_1'] });
  });

  it('each ballot differs by territory: distrito 2 has no SHHJ combinations; Zapopan has CI_1', async () => {
    await error(capturar('142302C01005', 'ccv-cap1', capturaPara('DIP_LOC', 1, 1)), 422, 'CAPTURA_NO_CORRESPONDE_A_BOLETA');
    await ok(capturar('142302C01005', 'ccv-cap1', capturaPara('DIP_LOC', 2, 1)));
    const v = await ok(capturar('142301B01006', 'ccv-cap1', capturaPara('AYUN', 120, (k) => (k === 'CI_1' ? 'ILEGIBLE' : k === 'NULOS' ? 'SIN_DATO' : 4))));
    expect(v.capturasRonda).toEqual([expect.objectContaining({ n: 1, operador: 'ccv-cap1' })]);
  });

  it('values are integers 0–99,999, ILEGIBLE or SIN_DATO; totals are required', async () => {
    for (const malo of [-1, 1.5, 100_000, 'ilegible', '3', null]) {
      await error(capturar('140338C01004', 'd01-cap1', capturaPara('GUB', 0, (k) => (k === 'MC' ? (malo as number) : 1))), 400, 'SOLICITUD_INVALIDA');
    }
    const c = capturaPara('GUB', 0, 1);
    const { TOTAL_VOTOS_ASENTADO: _t, ...totales } = c.totales;
    await error(capturar('140338C01004', 'd01-cap1', { ...c, totales }), 400, 'SOLICITUD_INVALIDA');
  });

  it('one capture per person per round; a different second capture goes to verification; figures are never shown back', async () => {
    await ok(capturar('140338B01004', 'd01-cap1', capturaPara('GUB', 0, 2)));
    await error(capturar('140338B01004', 'd01-cap1', capturaPara('GUB', 0, 3)), 409, 'CAPTURA_DUPLICADA');
    const v = await ok(capturar('140338B01004', 'd01-cap2', capturaPara('GUB', 0, 3)));
    expect(v.etapa).toBe('VERIFICACION');
    expect(JSON.stringify(v)).not.toContain('"PAN":2');
    expect(await publicaciones('140338B01004')).toEqual([]);
  });

  it('a third capture that agrees with one of the two verifies the acta', async () => {
    const v = await ok(capturar('140338B01004', 'd01-cap3', capturaPara('GUB', 0, 2)));
    expect(v).toMatchObject({ etapa: 'VERIFICADA', estado: { verificada: { operador: null, ronda: 1 } }, publicada: { captura: capturaPara('GUB', 0, 2) } });
    await error(capturar('140338B01004', 'ccv-cap1', capturaPara('GUB', 0, 2)), 409, 'ACTA_YA_VERIFICADA');
  });

  it('no capture before the image; none for an acta that does not exist', async () => {
    await llamar('POST', '/api/v1/acopio', { token: t['d01-acopio'], body: { clave: '140339B01004' } });
    await error(capturar('140339B01004', 'd01-cap1', capturaPara('GUB', 0, 1)), 409, 'ACTA_SIN_IMAGEN');
    await error(capturar('140339S01004', 'd01-cap1', capturaPara('GUB', 0, 1)), 409, 'ACTA_SIN_IMAGEN');
    await error(capturar('149999B01004', 'd01-cap1', capturaPara('GUB', 0, 1)), 404, 'ACTA_NO_ENCONTRADA');
  });

  it('a fuera de catálogo acta in an unknown sección of an entidad-wide election uses the entidad ballot', async () => {
    const fc = await ok(llamar('POST', '/api/v1/acopio', { token: t['d01-acopio'], body: { identificacion: { eleccion: 'GUB', seccion: 9999, tipo: 'B', id: 1, extContigua: 0 } } }), 201);
    await p.digitalizar(fc.clave, 'fc');
    await ok(capturar(fc.clave, 'd01-cap1', capturaPara('GUB', 0, 1)));
    const v = await ok(capturar(fc.clave, 'd01-cap2', capturaPara('GUB', 0, 1)));
    expect(v.publicada).toMatchObject({ registro: 'fuera_catalogo', captura: capturaPara('GUB', 0, 1) });
  });

  it('a fuera de catálogo acta with no ballot (munícipes in an unknown sección) cannot be captured', async () => {
    const fc = await ok(llamar('POST', '/api/v1/acopio', { token: t['d01-acopio'], body: { identificacion: { eleccion: 'AYUN', seccion: 9999, tipo: 'B', id: 1, extContigua: 0 } } }), 201);
    await p.digitalizar(fc.clave, 'fc-ayun');
    await error(capturar(fc.clave, 'd01-cap1', capturaPara('AYUN', 39, 1)), 422, 'SIN_BOLETA');
  });
});
