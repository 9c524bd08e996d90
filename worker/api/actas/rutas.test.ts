import { beforeAll, describe, expect, it } from 'vitest';
import { error, llamar, ok, pasos, prepararEscenario, type Tokens } from '../../../test/captura/ayuda.ts';

let t: Tokens;
let p: ReturnType<typeof pasos>;
beforeAll(async () => {
  t = await prepararEscenario();
  p = pasos(t);
});

type Historial = { clave: string; eventos: { accion: string; operador: string; catd: string; at: number; seq: number; detalle: Record<string, unknown> }[] };

describe('GET /api/v1/actas/{clave}', () => {
  it('an expected acta nobody touched yet is PENDIENTE, version 0', async () => {
    const r = await llamar('GET', '/api/v1/actas/142302S01005', { token: t['d02-cap1'] });
    expect(r.headers.get('etag')).toBe('"0"');
    expect(await ok(r)).toEqual({ clave: '142302S01005', version: 0, seq: 0, etapa: 'PENDIENTE', estado: null, capturasRonda: [], publicada: null });
  });

  it('a registered acta: its state, version (ETag) and last change', async () => {
    await p.recibir('140338B01004');
    await p.digitalizar('140338B01004');
    const r = await llamar('GET', '/api/v1/actas/140338B01004', { token: t['d01-cap1'] });
    expect(r.headers.get('etag')).toBe('"2"');
    const v = await ok(r);
    expect(v).toMatchObject({ clave: '140338B01004', version: 2, etapa: 'CAPTURA', estado: { acopio: { operador: 'd01-acopio' }, imagen: { operador: 'd01-dig' } } });
    expect(v.seq).toBeGreaterThan(0);
  });

  it('404 for an acta that is neither expected nor registered; 400 for a malformed clave', async () => {
    await error(llamar('GET', '/api/v1/actas/149999B01004', { token: t.admin }), 404, 'ACTA_NO_ENCONTRADA');
    await error(llamar('GET', '/api/v1/actas/FC-77', { token: t.admin }), 404, 'ACTA_NO_ENCONTRADA');
    await error(llamar('GET', '/api/v1/actas/nada', { token: t.admin }), 400, 'SOLICITUD_INVALIDA');
  });
});

describe('GET /api/v1/actas/{clave}/historial', () => {
  it('lists every step with its operator, CATD, server time, stated time and change sequence', async () => {
    await p.capturar('140338B01004', 'd01-cap1', 1);
    const h = await ok<Historial>(llamar('GET', '/api/v1/actas/140338B01004/historial', { token: t.admin }));
    expect(h.eventos.map((e) => [e.accion, e.operador, e.catd])).toEqual([
      ['ACOPIO', 'd01-acopio', 'CATD-D01'],
      ['DIGITALIZACION', 'd01-dig', 'CATD-D01'],
      ['CAPTURA', 'd01-cap1', 'CATD-D01'],
    ]);
    expect(h.eventos.map((e) => e.detalle.etapa)).toEqual(['DIGITALIZACION', 'CAPTURA', 'CAPTURA']);
    expect(h.eventos.every((e, i) => i === 0 || e.seq > h.eventos[i - 1]!.seq)).toBe(true);
  });

  it('hides the figures of captures from capturists while the acta is being captured', async () => {
    const capturista = await ok<Historial>(llamar('GET', '/api/v1/actas/140338B01004/historial', { token: t['d01-cap2'] }));
    expect(capturista.eventos[2]!.detalle).not.toHaveProperty('captura');
    const verificador = await ok<Historial>(llamar('GET', '/api/v1/actas/140338B01004/historial', { token: t['d01-ver'] }));
    expect(verificador.eventos[2]!.detalle).toHaveProperty('captura');
    await p.capturar('140338B01004', 'd01-cap2', 1);
    const despues = await ok<Historial>(llamar('GET', '/api/v1/actas/140338B01004/historial', { token: t['d01-cap2'] }));
    expect(despues.eventos[2]!.detalle).toHaveProperty('captura');
  });

  it('refusals are not steps of the timeline', async () => {
    await llamar('POST', '/api/v1/actas/140338B01004/capturas', { token: t['d02-cap1'], body: {} });
    const h = await ok<Historial>(llamar('GET', '/api/v1/actas/140338B01004/historial', { token: t.admin }));
    expect(h.eventos.map((e) => e.accion)).toEqual(['ACOPIO', 'DIGITALIZACION', 'CAPTURA', 'CAPTURA']);
  });
});

describe('GET /api/v1/actas/{clave}/imagen', () => {
  it('404 while the acta has no image', async () => {
    await p.recibir('140338C01004');
    await error(llamar('GET', '/api/v1/actas/140338C01004/imagen', { token: t['d01-cap1'] }), 404, 'SIN_IMAGEN');
  });
});
