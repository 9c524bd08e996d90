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
    await p.capturar('140338C01004', 'd01-cap3', 31);
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

  it('only verified actas; sin acta is not reviewed here', async () => {
    await p.recibir('140339B01004');
    await error(cotejar('140339B01004', { accion: 'ACEPTAR' }), 409, 'ACTA_NO_VERIFICADA');
    await p.recibir('140339S01004', { sinActa: 'SIN_SOBRE' });
    await error(cotejar('140339S01004', { accion: 'RECAPTURA', motivo: 'sí había acta' }), 409, 'ACTA_NO_VERIFICADA');
    await error(cotejar('140339B01004', { accion: 'RECAPTURA' }), 400, 'SOLICITUD_INVALIDA');
  });
});
