import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sha256Hex } from '../bitacora/cadena.ts';
import {
  DURACION_SESION_MS,
  MAX_INTENTOS_FALLIDOS,
  VENTANA_INTENTOS_MS,
  cookieBorrada,
  cookieSesion,
  csrfAceptado,
  decidirIngreso,
  expiracionSesion,
  idSesionBienFormado,
  rechazoDeSesion,
  segundosHastaOtraVentana,
  sesionDesdeBytes,
  ventanaDeIntentos,
  type Ingreso,
  type SesionLeida,
} from './sesion.ts';

const AHORA = 1_780_000_000_000;

describe('session ids', () => {
  it('are 43 base64url characters per 32 bytes, stored as their SHA-256 only, with a separate CSRF value', async () => {
    const s = await sesionDesdeBytes(new Uint8Array(32).fill(1), new Uint8Array(32).fill(2));
    expect(s.id).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(s.csrf).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(s.csrf).not.toBe(s.id);
    expect(s.idHash).toBe(await sha256Hex(s.id));
    expect(idSesionBienFormado(s.id)).toBe(true);
    await expect(sesionDesdeBytes(new Uint8Array(31), new Uint8Array(32))).rejects.toThrow();
  });

  it('malformed cookie values are not looked up', () => {
    for (const v of [undefined, '', 'a'.repeat(42), 'a'.repeat(44), `${'a'.repeat(42)}=`, `${'a'.repeat(42)};`]) {
      expect(idSesionBienFormado(v)).toBe(false);
    }
  });
});

describe('cookies', () => {
  it('carry exactly the agreed attributes, with whole seconds left', () => {
    expect(cookieSesion('abc', AHORA + 8 * 3_600_000 + 999, AHORA)).toBe(
      '__Host-prep_sesion=abc; HttpOnly; Secure; SameSite=Strict; Path=/; Max-Age=28800',
    );
    expect(cookieSesion('abc', AHORA - 5, AHORA)).toMatch(/Max-Age=0$/);
    expect(cookieBorrada()).toBe('__Host-prep_sesion=; HttpOnly; Secure; SameSite=Strict; Path=/; Max-Age=0');
  });

  it('a session lasts 8 h but never outlives its token', () => {
    expect(expiracionSesion(AHORA, AHORA + 24 * 3_600_000)).toBe(AHORA + DURACION_SESION_MS);
    expect(expiracionSesion(AHORA, AHORA + 60_000)).toBe(AHORA + 60_000);
  });
});

describe('what ends a session', () => {
  const viva: SesionLeida = { expiraAt: AHORA + 1, cerradaAt: null, tokenExpiraAt: AHORA + 1, tokenRevocadoAt: null, operadorActivo: true };

  it('each cause, with its code', () => {
    expect(rechazoDeSesion(viva, AHORA)).toBeNull();
    expect(rechazoDeSesion(null, AHORA)).toBe('SESION_AUSENTE');
    expect(rechazoDeSesion({ ...viva, cerradaAt: AHORA - 1 }, AHORA)).toBe('SESION_REVOCADA');
    expect(rechazoDeSesion({ ...viva, expiraAt: AHORA }, AHORA)).toBe('SESION_EXPIRADA');
    expect(rechazoDeSesion({ ...viva, tokenExpiraAt: AHORA }, AHORA)).toBe('SESION_EXPIRADA');
    expect(rechazoDeSesion({ ...viva, tokenRevocadoAt: AHORA - 1 }, AHORA)).toBe('SESION_REVOCADA');
    expect(rechazoDeSesion({ ...viva, operadorActivo: false }, AHORA)).toBe('SESION_REVOCADA');
  });

  it('property: a session may act exactly when open, unexpired, its token live and its operator active', () => {
    fc.assert(
      fc.property(
        fc.record({
          expiraAt: fc.integer({ min: AHORA - 10, max: AHORA + 10 }),
          cerradaAt: fc.option(fc.integer({ min: 0, max: AHORA })),
          tokenExpiraAt: fc.integer({ min: AHORA - 10, max: AHORA + 10 }),
          tokenRevocadoAt: fc.option(fc.integer({ min: 0, max: AHORA })),
          operadorActivo: fc.boolean(),
        }),
        (s) => {
          const puede = s.cerradaAt === null && s.expiraAt > AHORA && s.tokenExpiraAt > AHORA && s.tokenRevocadoAt === null && s.operadorActivo;
          expect(rechazoDeSesion(s, AHORA) === null).toBe(puede);
        },
      ),
    );
  });
});

describe('CSRF', () => {
  it('GET and HEAD need no header; every other method the session’s value', () => {
    expect(csrfAceptado('GET', undefined, 'x'.repeat(43))).toBe(true);
    expect(csrfAceptado('HEAD', undefined, 'x'.repeat(43))).toBe(true);
    for (const m of ['POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']) {
      expect(csrfAceptado(m, undefined, 'x'.repeat(43))).toBe(false);
      expect(csrfAceptado(m, '', 'x'.repeat(43))).toBe(false);
      expect(csrfAceptado(m, 'x'.repeat(43), 'x'.repeat(43))).toBe(true);
    }
  });

  it('property: a write passes exactly when the header equals the session’s value', () => {
    fc.assert(
      fc.property(fc.constantFrom('POST', 'PUT', 'PATCH', 'DELETE'), fc.string(), fc.string(), (m, presentado, esperado) => {
        expect(csrfAceptado(m, presentado, esperado)).toBe(presentado === esperado);
        expect(csrfAceptado(m, esperado, esperado)).toBe(true);
      }),
    );
  });
});

describe('sign-in', () => {
  const hash = 'a'.repeat(64);
  const bueno: Ingreso = {
    operador: 'ana',
    hashClave: hash,
    intento: 1,
    credencial: { hash, operador: 'ana', expiraAt: AHORA + 1, revocadoAt: null, activo: true },
  };

  it('every failure is the same answer; over the limit even the right key is refused', () => {
    expect(decidirIngreso(bueno, AHORA)).toBeNull();
    expect(decidirIngreso({ ...bueno, intento: MAX_INTENTOS_FALLIDOS }, AHORA)).toBeNull();
    expect(decidirIngreso({ ...bueno, intento: MAX_INTENTOS_FALLIDOS + 1 }, AHORA)).toBe('INTENTOS_EXCEDIDOS');
    const c = bueno.credencial!;
    for (const malo of [
      { ...bueno, credencial: null },
      { ...bueno, hashClave: null },
      { ...bueno, hashClave: 'b'.repeat(64) },
      { ...bueno, operador: 'beto' },
      { ...bueno, credencial: { ...c, revocadoAt: AHORA - 1 } },
      { ...bueno, credencial: { ...c, expiraAt: AHORA } },
      { ...bueno, credencial: { ...c, activo: false } },
    ]) {
      expect(decidirIngreso(malo, AHORA)).toBe('CREDENCIALES_INVALIDAS');
    }
  });

  it('property: only the limit, or a live key of that very operator, decides', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 3 * MAX_INTENTOS_FALLIDOS }),
        fc.constantFrom('ana', 'beto'),
        fc.constantFrom(hash, 'b'.repeat(64)),
        fc.option(fc.record({ revocado: fc.boolean(), vencido: fc.boolean(), activo: fc.boolean() }), { nil: null }),
        (intento, operador, hashClave, estado) => {
          const credencial =
            estado === null ? null : { hash, operador: 'ana', expiraAt: estado.vencido ? AHORA : AHORA + 1, revocadoAt: estado.revocado ? 1 : null, activo: estado.activo };
          const r = decidirIngreso({ operador, hashClave, intento, credencial }, AHORA);
          const entra = estado !== null && operador === 'ana' && hashClave === hash && !estado.revocado && !estado.vencido && estado.activo;
          expect(r).toBe(intento > MAX_INTENTOS_FALLIDOS ? 'INTENTOS_EXCEDIDOS' : entra ? null : 'CREDENCIALES_INVALIDAS');
        },
      ),
    );
  });

  it('attempts are counted per 15-minute window; Retry-After is the rest of it', () => {
    const inicio = ventanaDeIntentos(AHORA) * VENTANA_INTENTOS_MS;
    expect(ventanaDeIntentos(inicio + VENTANA_INTENTOS_MS - 1)).toBe(ventanaDeIntentos(inicio));
    expect(ventanaDeIntentos(inicio + VENTANA_INTENTOS_MS)).toBe(ventanaDeIntentos(inicio) + 1);
    expect(segundosHastaOtraVentana(inicio)).toBe(900);
    expect(segundosHastaOtraVentana(inicio + VENTANA_INTENTOS_MS - 1)).toBe(1);
  });
});
