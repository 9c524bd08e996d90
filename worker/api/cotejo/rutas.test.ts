import { beforeAll, describe, expect, it } from 'vitest';
import { capturaPara, error, jpeg, llamar, ok, pasos, prepararEscenario, publicaciones, sha, type Tokens } from '../../../test/captura/ayuda.ts';

let t: Tokens;
let p: ReturnType<typeof pasos>;
beforeAll(async () => {
  t = await prepararEscenario();
  p = pasos(t);
});

const cotejar = (clave: string, body: unknown, op = 'd01-sup') => llamar('POST', `/api/v1/actas/${clave}/cotejo`, { token: t[op], body });
const cotejadas = async (clave: string) => (await publicaciones(clave)).map((x) => x.payload.cotejada);

describe('POST /api/v1/actas/{clave}/cotejo', () => {
  it('ACEPTAR: COTEJADA 1, published; once', async () => {
    await p.verificada('140338B01004', 3);
    const v = await ok(cotejar('140338B01004', { accion: 'ACEPTAR' }));
    expect(v.publicada).toMatchObject({ cotejada: 1 });
    expect(await cotejadas('140338B01004')).toEqual([0, 1]);
    await error(cotejar('140338B01004', { accion: 'ACEPTAR', fechaHora: '2024-06-02T23:00:00Z' }), 409, 'ACTA_YA_COTEJADA');
  });

  it('RECAPTURA: COTEJADA 3 with the old figures published, then COTEJADA 2 with the corrected ones', async () => {
    await p.verificada('140338C01004', 3);
    const v = await ok(cotejar('140338C01004', { accion: 'RECAPTURA', motivo: 'MC dice 31' }));
    expect(v).toMatchObject({ etapa: 'CAPTURA', estado: { ronda: 2 }, publicada: { cotejada: 3, captura: capturaPara('GUB', 0, 3) } });
    // The capturists of the new round never get the figures verified before (neither answered nor read back).
    const respuesta = await p.capturar('140338C01004', 'd01-cap3', 31);
    const leida = await ok(llamar('GET', '/api/v1/actas/140338C01004', { token: t['d01-cap3'] }));
    for (const v of [respuesta, leida]) expect(v).toMatchObject({ etapa: 'CAPTURA', estado: { verificada: null }, publicada: null });
    const historial = await ok<{ eventos: { accion: string; detalle: Record<string, unknown> }[] }>(llamar('GET', '/api/v1/actas/140338C01004/historial', { token: t['d01-cap3'] }));
    expect(historial.eventos.map((e) => e.accion)).toEqual(expect.arrayContaining(['CAPTURA', 'COTEJO']));
    for (const e of historial.eventos) expect(e.detalle, e.accion).not.toHaveProperty('captura');
    expect((await ok(llamar('GET', '/api/v1/actas/140338C01004', { token: t['d01-sup'] }))).publicada).toMatchObject({ captura: capturaPara('GUB', 0, 3) });
    expect((await p.capturar('140338C01004', 'ccv-cap1', 31)).etapa).toBe('VERIFICADA');
    const log = await publicaciones('140338C01004');
    expect(log.map((x) => [x.payload.cotejada, (x.payload.captura as { votos: { MC: number } }).votos.MC])).toEqual([[0, 3], [3, 3], [2, 31]]);
  });

  it('REDIGITALIZACION: a new image, new captures, COTEJADA 2', async () => {
    await p.verificada('140338C02004', 4);
    await ok(cotejar('140338C02004', { accion: 'REDIGITALIZACION', motivo: 'imagen cortada' }));
    await error(llamar('POST', '/api/v1/actas/140338C02004/capturas', { token: t['d01-cap3'], body: capturaPara('GUB', 0, 4) }), 409, 'ACTA_SIN_IMAGEN');
    await p.digitalizar('140338C02004', 'completa');
    await p.capturar('140338C02004', 'd01-cap1', 4);
    const v = await p.capturar('140338C02004', 'd01-cap2', 4);
    expect(v.publicada).toMatchObject({ cotejada: 2, imagen: { sha256: await sha(jpeg('completa')) } });
    expect(await cotejadas('140338C02004')).toEqual([0, 3, 3, 2]);
  });

  it('a capturist of the new round sees none of the figures a verifier settled before', async () => {
    const clave = '141121B01004';
    await p.recibir(clave);
    await p.digitalizar(clave);
    await p.capturar(clave, 'd01-cap1', 5);
    await p.capturar(clave, 'd01-cap2', 6);
    await ok(llamar('POST', `/api/v1/actas/${clave}/verificacion`, { token: t['d01-ver'], body: { resolucion: 'CAPTURA', captura: capturaPara('GUB', 0, 5) } }));
    await ok(cotejar(clave, { accion: 'RECAPTURA', motivo: 'MC no coincide' }));
    const h = await ok<{ eventos: { accion: string; detalle: Record<string, unknown> }[] }>(llamar('GET', `/api/v1/actas/${clave}/historial`, { token: t['d01-cap3'] }));
    expect(h.eventos.map((e) => e.accion)).toEqual(['ACOPIO', 'DIGITALIZACION', 'CAPTURA', 'CAPTURA', 'VERIFICACION', 'COTEJO']);
    for (const e of h.eventos) expect(e.detalle, e.accion).not.toHaveProperty('captura');
    const sup = await ok<{ eventos: { accion: string; detalle: Record<string, unknown> }[] }>(llamar('GET', `/api/v1/actas/${clave}/historial`, { token: t['d01-sup'] }));
    expect(sup.eventos.find((e) => e.accion === 'VERIFICACION')?.detalle.captura).toEqual(capturaPara('GUB', 0, 5));
  });

  it('only verified actas; sin acta is not reviewed here', async () => {
    await p.recibir('140339B01004');
    await error(cotejar('140339B01004', { accion: 'ACEPTAR' }), 409, 'ACTA_NO_VERIFICADA');
    await p.recibir('140339S01004', { sinActa: 'SIN_SOBRE' });
    await error(cotejar('140339S01004', { accion: 'RECAPTURA', motivo: 'sí había acta' }), 409, 'ACTA_NO_VERIFICADA');
    await error(cotejar('140339B01004', { accion: 'RECAPTURA' }), 400, 'SOLICITUD_INVALIDA');
  });
});
