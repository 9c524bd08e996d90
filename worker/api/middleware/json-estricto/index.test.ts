import { beforeAll, describe, expect, it } from 'vitest';
import { error, llamar, prepararEscenario, type Tokens } from '../../../../test/captura/ayuda.ts';
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
});
