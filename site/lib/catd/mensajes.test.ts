import { describe, expect, it } from 'vitest';
import { ErrorCatd, SIN_CONEXION } from './api.ts';
import { mensajeDeError, mensajeDeMotivo } from './mensajes.ts';

const error = (status: number, code: string, detalles: unknown = null) => new ErrorCatd(status, code, `mensaje de la API ${code}`, detalles);

describe('mensajeDeError', () => {
  it('says in Spanish what to do for the sign-in and session codes', () => {
    expect(mensajeDeError(error(401, 'CREDENCIALES_INVALIDAS'))).toMatch(/operador o la clave de acceso no son válidos/);
    expect(mensajeDeError(error(401, 'SESION_EXPIRADA'))).toMatch(/sesión venció/);
    expect(mensajeDeError(error(401, 'SESION_REVOCADA'))).toMatch(/revocada/);
    expect(mensajeDeError(error(0, SIN_CONEXION))).toMatch(/Sin conexión/);
  });

  it('tells how long to wait after too many attempts, from Retry-After', () => {
    expect(mensajeDeError(error(429, 'INTENTOS_EXCEDIDOS', { reintentarEnS: 300 }))).toMatch(/dentro de 5 minutos/);
    expect(mensajeDeError(error(429, 'INTENTOS_EXCEDIDOS', { reintentarEnS: 61 }))).toMatch(/dentro de 2 minutos/);
    expect(mensajeDeError(error(429, 'INTENTOS_EXCEDIDOS'))).toMatch(/en unos minutos/);
  });

  it("shows the API's own message for other codes, and the status for server failures", () => {
    expect(mensajeDeError(error(403, 'CATD_AJENO'))).toBe('mensaje de la API CATD_AJENO');
    expect(mensajeDeError(error(500, 'INTERNO'))).toMatch(/error 500/);
    expect(mensajeDeError(error(502, 'HTTP_502'))).toMatch(/error 502/);
    expect(mensajeDeError(new TypeError('x'))).toMatch(/error inesperado/);
  });
});

describe('mensajeDeMotivo', () => {
  it('has a message for each reason and a default for unknown ones', () => {
    expect(mensajeDeMotivo('CERRADA')).toMatch(/Cerró su sesión/);
    expect(mensajeDeMotivo('<script>')).toBe(mensajeDeMotivo('SESION_AUSENTE'));
  });
});
