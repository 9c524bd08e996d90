/**
 * Bearer authentication through HTTP: absent, malformed, unknown, wrong-secret, revoked and expired tokens and
 * inactive operators are each refused with 401 (WWW-Authenticate: Bearer), and each refusal is one audit entry.
 */
import { env } from 'cloudflare:workers';
import { beforeAll, describe, expect, it } from 'vitest';
import { HORA, llamar, prepararEscenario, rechazada, type Tokens } from '../../../../test/captura/ayuda.ts';
import { ejecutorD1, emitirToken, revocar } from '../../../db/administracion.ts';
import { verificarBitacora } from '../../../db/bitacora.ts';

let t: Tokens;
beforeAll(async () => {
  t = await prepararEscenario();
});

describe('tokens', () => {
  const ruta = '/api/v1/actas/140338B01004';

  it('absent: 401 TOKEN_AUSENTE', async () => {
    const e = await rechazada(() => llamar('GET', ruta), 401, 'TOKEN_AUSENTE', null);
    expect(e.token).toBeNull();
  });

  it.each([
    ['not Bearer', 'Basic dXNlcjpwYXNz'],
    ['Bearer without token', 'Bearer '],
    ['not prep_', 'Bearer abc.def.ghi'],
    ['short secret', 'Bearer prep_0123456789abcdef_short'],
    ['upper-case id', `Bearer prep_0123456789ABCDEF_${'a'.repeat(43)}`],
    ['two spaces', `Bearer  prep_0123456789abcdef_${'a'.repeat(43)}`],
  ])('malformed (%s): 401 TOKEN_MALFORMADO', async (_n, header) => {
    await rechazada(() => llamar('GET', ruta, { headers: { authorization: header } }), 401, 'TOKEN_MALFORMADO', null);
  });

  it('unknown id or wrong secret: 401 TOKEN_INVALIDO, with the presented id in the log', async () => {
    const desconocido = `prep_0123456789abcdef_${'A'.repeat(43)}`;
    const e1 = await rechazada(() => llamar('GET', ruta, { token: desconocido }), 401, 'TOKEN_INVALIDO', null);
    expect(e1.token).toBe('0123456789abcdef');
    const real = t['d01-cap1']!;
    const otroSecreto = real.slice(0, 22) + (real[22] === 'x' ? 'y' : 'x') + real.slice(23);
    const e2 = await rechazada(() => llamar('GET', ruta, { token: otroSecreto }), 401, 'TOKEN_INVALIDO', null);
    expect(e2.token).toBe(real.slice(5, 21));
  });

  it('revoked: 401 TOKEN_REVOCADO; the operator’s other tokens too when revoked by operator', async () => {
    const ej = ejecutorD1(env.DB);
    const uno = await emitirToken(ej, { operador: 'd01-ver2', vigenciaMs: HORA, limitePorMinuto: 100 }, Date.now());
    const dos = await emitirToken(ej, { operador: 'd01-ver2', vigenciaMs: HORA, limitePorMinuto: 100 }, Date.now());
    expect((await llamar('GET', ruta, { token: uno.token })).status).toBe(200);
    await revocar(ej, { token: uno.id }, Date.now());
    await rechazada(() => llamar('GET', ruta, { token: uno.token }), 401, 'TOKEN_REVOCADO', null);
    expect((await llamar('GET', ruta, { token: dos.token })).status).toBe(200);
    await revocar(ej, { operador: 'd01-ver2' }, Date.now());
    await rechazada(() => llamar('GET', ruta, { token: dos.token }), 401, 'TOKEN_REVOCADO', null);
  });

  it('expired: 401 TOKEN_EXPIRADO', async () => {
    const vencido = await emitirToken(ejecutorD1(env.DB), { operador: 'd01-sup', vigenciaMs: -1, limitePorMinuto: 100 }, Date.now());
    await rechazada(() => llamar('GET', ruta, { token: vencido.token }), 401, 'TOKEN_EXPIRADO', null);
  });

  it('an inactive operator: 401 OPERADOR_INACTIVO', async () => {
    await env.DB.prepare("UPDATE operador SET activo = 0 WHERE id = 'd01-cap3'").run();
    await rechazada(() => llamar('GET', ruta, { token: t['d01-cap3'] }), 401, 'OPERADOR_INACTIVO', null);
  });

  it('auth comes before everything else: an anonymous bad request is a 401, not a 400', async () => {
    await rechazada(() => llamar('POST', '/api/v1/acopio', { body: { nada: 1 } }), 401, 'TOKEN_AUSENTE', null);
  });

  it('after all these refusals the audit chain is intact', async () => {
    expect(await verificarBitacora(env.DB)).toMatchObject({ ok: true });
  });
});
