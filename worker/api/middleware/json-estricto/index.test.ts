import { beforeAll, describe, expect, it } from 'vitest';
import { capturaPara, error, llamar, prepararEscenario, type Tokens } from '../../../../test/captura/ayuda.ts';
import { JSON_MAX_BYTES } from './index.ts';

let t: Tokens;
beforeAll(async () => {
  t = await prepararEscenario();
});

const enviar = (raw: BodyInit, tipo: string | null) =>
  llamar('POST', '/api/v1/acopio', { token: t['d01-acopio'], raw, headers: tipo === null ? {} : { 'content-type': tipo } });

describe('strict JSON bodies', () => {
  it('415 unless the body is application/json', async () => {
    for (const tipo of ['text/plain', 'application/x-www-form-urlencoded', 'application/json-seq', null]) {
      await error(enviar('{"clave":"140338B01004"}', tipo), 415, 'TIPO_DE_CONTENIDO_NO_ADMITIDO');
    }
  });

  it('400 for malformed JSON, non-UTF-8 text and non-object JSON', async () => {
    await error(enviar('{"clave":', 'application/json'), 400, 'JSON_INVALIDO');
    await error(enviar(new Uint8Array([0x7b, 0xff, 0x7d]), 'application/json'), 400, 'JSON_INVALIDO');
    for (const x of ['[]', '"x"', '1', 'null', '']) await error(enviar(x, 'application/json; charset=utf-8'), 400, 'JSON_INVALIDO');
  });

  it('400 naming unknown fields', async () => {
    const e = await error(enviar(JSON.stringify({ clave: '140338B01004', operador: 'yo' }), 'application/json'), 400, 'SOLICITUD_INVALIDA');
    expect(JSON.stringify(e.details)).toContain('operador');
  });

  it('413 over the limit, whether declared by Content-Length or streamed', async () => {
    const grande = JSON.stringify({ clave: '140338B01004', x: 'a'.repeat(JSON_MAX_BYTES) });
    await error(enviar(grande, 'application/json'), 413, 'CUERPO_DEMASIADO_GRANDE');
    const flujo = new ReadableStream({
      start(c) {
        c.enqueue(new TextEncoder().encode(grande));
        c.close();
      },
    });
    await error(enviar(flujo, 'application/json'), 413, 'CUERPO_DEMASIADO_GRANDE');
  });

  it('the limit is inclusive: a body of exactly the limit is read (and then judged by its schema)', async () => {
    const base = JSON.stringify({ clave: '140338B01004', x: '' });
    const justo = JSON.stringify({ clave: '140338B01004', x: 'a'.repeat(JSON_MAX_BYTES - base.length) });
    expect(new TextEncoder().encode(justo).length).toBe(JSON_MAX_BYTES);
    await error(enviar(justo, 'application/json'), 400, 'SOLICITUD_INVALIDA');
  });

  describe('what JSON.parse lets through silently (issue 14)', () => {
    const CLAVE = '140338B01004';
    const capturar = (texto: string) => llamar('POST', `/api/v1/actas/${CLAVE}/capturas`, { token: t['d01-cap1'], raw: texto, headers: { 'content-type': 'application/json' } });
    const verificar = (motivo: string) => llamar('POST', `/api/v1/actas/${CLAVE}/verificacion`, { token: t['d01-ver'], body: { resolucion: 'RECAPTURA', motivo } });
    const votosCon = (extra: string) => {
      const texto = JSON.stringify(capturaPara('GUB', 0, 1));
      return texto.replace('"votos":{', `"votos":{${extra},`);
    };

    it('a body that is fine otherwise is judged by the route (here: the acta was never received), not refused as JSON', async () => {
      expect((await capturar(votosCon('"EXTRA_NO":1'))).status).not.toBe(400);
      expect((await capturar(JSON.stringify(capturaPara('GUB', 0, 1)))).status).toBe(409);
    });

    it('"__proto__" in votos: 400 CLAVE_PROHIBIDA naming where, not dropped', async () => {
      const e = await error(capturar(votosCon('"__proto__":7')), 400, 'CLAVE_PROHIBIDA');
      expect(e.details).toEqual({ ruta: ['votos'], clave: '__proto__' });
      await error(capturar(votosCon('"__pro\\u0074o__":{"x":1}')), 400, 'CLAVE_PROHIBIDA');
    });

    it('a repeated key: 400 CLAVE_DUPLICADA, whichever would have won', async () => {
      const texto = JSON.stringify(capturaPara('GUB', 0, 1));
      const campo = /"votos":\{"([^"]+)"/.exec(texto)![1]!;
      const e = await error(capturar(votosCon(`"${campo}":999`)), 400, 'CLAVE_DUPLICADA');
      expect(e.details).toEqual({ ruta: ['votos'], clave: campo });
      await error(capturar(texto.replace('{', '{"totales":{},')), 400, 'CLAVE_DUPLICADA');
    });

    it('free text: NUL, C1 controls and lone surrogates refused with 400; the same text without them is not', async () => {
      expect((await verificar('Cifras ilegibles')).status).not.toBe(400);
      for (const malo of ['Cifras\u0000ilegibles', 'Cifras\u0085ilegibles', 'Cifras\u009bilegibles']) {
        const e = await error(verificar(malo), 400, 'SOLICITUD_INVALIDA');
        expect(JSON.stringify(e.details)).toContain('motivo');
      }
      const raw = '{"resolucion":"RECAPTURA","motivo":"Cifras \\ud800 ilegibles"}';
      const e = await error(llamar('POST', `/api/v1/actas/${CLAVE}/verificacion`, { token: t['d01-ver'], raw, headers: { 'content-type': 'application/json' } }), 400, 'SUSTITUTO_SUELTO');
      expect(e.details).toEqual({ ruta: ['motivo'] });
    });
  });
});
