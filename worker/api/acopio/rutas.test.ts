import { env } from 'cloudflare:workers';
import { beforeAll, describe, expect, it } from 'vitest';
import { error, jpeg, llamar, ok, prepararEscenario, publicaciones, subirImagen, type Tokens } from '../../../test/captura/ayuda.ts';

let t: Tokens;
beforeAll(async () => {
  t = await prepararEscenario();
});

const acopio = (body: unknown, op = 'd01-acopio') => llamar('POST', '/api/v1/acopio', { token: t[op], body });

describe('POST /api/v1/acopio', () => {
  it('receives an expected acta by its CLAVE_ACTA: recorded at the stated time, not yet public', async () => {
    const antes = Date.now();
    const r = await acopio({ clave: '140338B01004', fechaHora: '2024-06-02T20:15:00-06:00', mecanismoTraslado: 'D' });
    expect(r.headers.get('etag')).toBe('"1"');
    const v = await ok(r, 201);
    expect(v).toMatchObject({ clave: '140338B01004', version: 1, etapa: 'DIGITALIZACION', publicada: null });
    const acopioReg = v.estado.acopio as { at: number; atServidor: number; operador: string; catd: string };
    expect(acopioReg).toMatchObject({ at: Date.UTC(2024, 5, 3, 2, 15), operador: 'd01-acopio', catd: 'CATD-D01', mecanismoTraslado: 'D' });
    expect(acopioReg.atServidor).toBeGreaterThanOrEqual(antes);
    expect(await publicaciones('140338B01004')).toEqual([]);
  });

  it('receives an expected acta by the identification read from it', async () => {
    const v = await ok(acopio({ identificacion: { eleccion: 'DIP_LOC', seccion: 338, tipo: 'C', id: 2, extContigua: 0 } }), 201);
    expect(v.clave).toBe('140338C02005');
    expect(v.estado).toMatchObject({ esperada: true, registro: 'captura' });
  });

  it('registers an identification outside the catalogue as fuera de catálogo, published at once', async () => {
    const v = await ok(acopio({ identificacion: { eleccion: 'AYUN', seccion: 1121, tipo: 'C', id: 5, extContigua: 0 }, mecanismoTraslado: 'I' }), 201);
    expect(v.clave).toMatch(/^FC-\d+$/);
    expect(v.estado).toMatchObject({ esperada: false, registro: 'fuera_catalogo', distrito: 1, municipio: 98, territorio: 98, casilla: '141121C0500', catdRegistro: 'CATD-D01' });
    const [p] = await publicaciones(v.clave);
    expect(p!.payload).toMatchObject({ clave: v.clave, registro: 'fuera_catalogo', captura: null, mecanismoTraslado: 'I' });
    expect(p!.seq).toBe(v.seq);
  });

  it('a CLAVE_ACTA that parses but is not expected is fuera de catálogo too; the same one again is the same acta', async () => {
    const a = await ok(acopio({ clave: '140338B09004' }), 201);
    expect(a.estado).toMatchObject({ registro: 'fuera_catalogo', identificacion: { seccion: 338, tipo: 'B', id: 9 } });
    const otra = await ok(acopio({ clave: '140338B09004' }), 201);
    expect(otra).toEqual(a);
    await error(acopio({ clave: '140338B09004', mecanismoTraslado: 'F' }), 409, 'ACTA_YA_RECIBIDA');
  });

  it('records sin acta with its reason, published at once', async () => {
    const v = await ok(acopio({ clave: '140339B01005', sinActa: 'PAQUETE_NO_ENTREGADO' }), 201);
    expect(v).toMatchObject({ etapa: 'SIN_ACTA', publicada: { registro: 'sin_acta', motivoSinActa: 'PAQUETE_NO_ENTREGADO' } });
    expect(await publicaciones('140339B01005')).toHaveLength(1);
    await error(acopio({ identificacion: { eleccion: 'GUB', seccion: 9000, tipo: 'B', id: 1, extContigua: 0 }, sinActa: 'SIN_SOBRE' }), 422, 'SIN_ACTA_FUERA_DE_CATALOGO');
  });

  it('an acta whose phone image arrived first: acopio completes it (200), and cannot be sin acta', async () => {
    await ok(subirImagen(t['casilla-338b1']!, '140338B01006', jpeg('tel'), 'origen=CASILLA&digitalizacion=MOVIL&tipoDocumento=ACTA_PREP'), 201);
    await error(acopio({ clave: '140338B01006', sinActa: 'SIN_SOBRE' }), 409, 'ACTA_CON_IMAGEN');
    const v = await ok(acopio({ clave: '140338B01006' }), 200);
    expect(v).toMatchObject({ version: 2, etapa: 'CAPTURA' });
  });

  it('refuses identifications it cannot read', async () => {
    await error(acopio({ clave: '140338B0100Z' }), 422, 'CLAVE_INVALIDA');
    await error(acopio({ clave: '150338B01004' }), 422, 'ENTIDAD_AJENA');
    await error(acopio({ identificacion: { eleccion: 'SEN', seccion: 338, tipo: 'B', id: 1, extContigua: 0 } }), 422, 'ELECCION_DESCONOCIDA');
    await error(acopio({ clave: '140338B01004', identificacion: { eleccion: 'GUB', seccion: 338, tipo: 'B', id: 1, extContigua: 0 } }), 400, 'SOLICITUD_INVALIDA');
    await error(acopio({ mecanismoTraslado: 'D' }), 400, 'SOLICITUD_INVALIDA');
    await error(acopio({ clave: '140338B01004', color: 'rojo' }), 400, 'SOLICITUD_INVALIDA');
  });

  it('every registration moved the change sequence once', async () => {
    const n = await env.DB.prepare("SELECT count(*) AS n FROM bitacora WHERE status < 400 AND accion IN ('ACOPIO', 'DIGITALIZACION')").first<{ n: number }>();
    const s = await env.DB.prepare('SELECT valor FROM secuencia').first<{ valor: number }>();
    expect(s!.valor).toBe(n!.n);
  });
});
