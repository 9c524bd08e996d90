import { describe, expect, it } from 'vitest';
import { cabeceras, errorDeRespuesta } from './api.ts';

describe('cabeceras', () => {
  it('send the CSRF token on writes only, and JSON only with a body', () => {
    expect(cabeceras('GET', 'k', false)).toEqual({ accept: 'application/json' });
    expect(cabeceras('head', 'k', false)).toEqual({ accept: 'application/json' });
    expect(cabeceras('DELETE', 'k', false)).toEqual({ accept: 'application/json', 'x-csrf-token': 'k' });
    expect(cabeceras('POST', 'k', true)).toEqual({ accept: 'application/json', 'content-type': 'application/json', 'x-csrf-token': 'k' });
    expect(cabeceras('POST', null, true)).toEqual({ accept: 'application/json', 'content-type': 'application/json' });
  });
});

describe('errorDeRespuesta', () => {
  it("keeps the API's code, message and details", () => {
    const e = errorDeRespuesta(401, JSON.stringify({ error: { code: 'SESION_EXPIRADA', message: 'La sesión venció.', details: null } }));
    expect([e.status, e.code, e.message, e.detalles]).toEqual([401, 'SESION_EXPIRADA', 'La sesión venció.', null]);
  });

  it('adds Retry-After to the details', () => {
    const e = errorDeRespuesta(429, JSON.stringify({ error: { code: 'INTENTOS_EXCEDIDOS', message: 'x', details: { intentos: 5 } } }), '120');
    expect(e.detalles).toEqual({ intentos: 5, reintentarEnS: 120 });
  });

  it('names a body that is not the API error shape by its status', () => {
    for (const texto of ['<html>Bad gateway</html>', '', '{"mensaje":"x"}']) {
      const e = errorDeRespuesta(502, texto);
      expect([e.code, e.status]).toEqual(['HTTP_502', 502]);
    }
  });
});
