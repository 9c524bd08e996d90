import { describe, expect, it } from 'vitest';
import { ErrorCatd, SIN_CONEXION } from '../api.ts';
import { claveActa, contextoDe, nombreCasilla } from './contexto.ts';
import { resultadoDeError, rutaFoto } from './envio.ts';

const f = { sha256: 'a'.repeat(64) };

describe('PREP Casilla send', () => {
  it('sends as PREP Casilla (CASILLA, MOVIL, ACTA_PREP) with the time the photo was taken', () => {
    const u = new URL(rutaFoto('140338B01004', Date.UTC(2027, 5, 6, 2, 15)), 'http://x');
    expect(u.pathname).toBe('/api/v1/actas/140338B01004/imagen');
    expect(Object.fromEntries(u.searchParams)).toEqual({
      origen: 'CASILLA',
      digitalizacion: 'MOVIL',
      tipoDocumento: 'ACTA_PREP',
      fechaHora: '2027-06-06T02:15:00.000Z',
    });
  });

  it('waits and retries without signal or with a server in trouble', () => {
    expect(resultadoDeError(new ErrorCatd(0, SIN_CONEXION, 'x'), f).tipo).toBe('reintentar');
    expect(resultadoDeError(new ErrorCatd(503, 'HTTP_503', 'x'), f).tipo).toBe('reintentar');
    expect(resultadoDeError(new ErrorCatd(429, 'LIMITE_EXCEDIDO', 'x'), f).tipo).toBe('reintentar');
    expect(resultadoDeError(new TypeError('x'), f).tipo).toBe('reintentar');
  });

  it('stops for a sign-in when the session is gone', () => {
    expect(resultadoDeError(new ErrorCatd(401, 'SESION_EXPIRADA', 'x'), f)).toEqual({ tipo: 'sin_sesion', motivo: 'SESION_EXPIRADA' });
    expect(resultadoDeError(new ErrorCatd(403, 'CSRF_INVALIDO', 'x'), f)).toEqual({ tipo: 'sin_sesion', motivo: 'CSRF_INVALIDO' });
  });

  it('counts the same image already registered as sent, and any other refusal as refused', () => {
    expect(resultadoDeError(new ErrorCatd(409, 'IMAGEN_YA_REGISTRADA', 'x', { sha256: f.sha256 }), f)).toEqual({ tipo: 'enviada', sha256: f.sha256, at: null });
    expect(resultadoDeError(new ErrorCatd(409, 'IMAGEN_YA_REGISTRADA', 'x', { sha256: 'b'.repeat(64) }), f).tipo).toBe('rechazada');
    expect(resultadoDeError(new ErrorCatd(403, 'FUERA_DE_ALCANCE', 'Fuera de su alcance.'), f)).toEqual({ tipo: 'rechazada', mensaje: 'Fuera de su alcance.' });
  });
});

describe('PREP Casilla context', () => {
  const sesion = { operador: { id: 'cel-338', nombre: 'PREP Casilla 338', ambito: 'CASILLA' as const, catd: null, roles: ['digitalizacion' as const] }, csrf: 'c', expiraAt: 1 };
  const elecciones = [{ codigo: 'GUB', nombre: 'Gubernatura', tipoActa: '4' }];

  it('keeps the catalogue read before when it cannot be read now, only for the same device', () => {
    const previo = contextoDe(sesion, ['140338B0100'], { elecciones, offsetMin: -360 }, null);
    expect(contextoDe(sesion, ['140338B0100', '140338C0100'], null, previo)).toEqual({ ...previo, casillas: ['140338B0100', '140338C0100'] });
    const otro = { ...sesion, operador: { ...sesion.operador, id: 'cel-339' } };
    expect(contextoDe(otro, ['140339B0100'], null, previo).elecciones).toEqual([]);
  });

  it('names the acta and the casilla', () => {
    expect(claveActa('140338B0100', elecciones[0]!)).toBe('140338B01004');
    expect(nombreCasilla('140338B0100')).toBe('Sección 338, básica 1');
    expect(nombreCasilla('140338C0203')).toBe('Sección 338, contigua 2, ext. contigua 3');
  });
});
