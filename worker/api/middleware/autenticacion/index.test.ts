/**
 * Bearer authentication through HTTP: absent, malformed, unknown, wrong-secret, revoked and expired tokens and
 * inactive operators are each refused with 401 (WWW-Authenticate: Bearer), and each refusal is one audit entry.
 */
import { env } from 'cloudflare:workers';
import { beforeAll, describe, expect, it } from 'vitest';
import { HORA, error, llamar, prepararEscenario, rechazada, ultima, type Tokens } from '../../../../test/captura/ayuda.ts';
import { ejecutorD1, emitirToken, revocar } from '../../../db/administracion.ts';
import { verificarBitacora } from '../../../db/bitacora.ts';
import { MAX_FALLOS_POR_TOKEN } from './index.ts';

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

  it('wrong secrets against one token id: 401 each up to the limit, then 429 that writes nothing; the right secret still works', async () => {
    const { id, token } = await emitirToken(ejecutorD1(env.DB), { operador: 'd01-sup', vigenciaMs: HORA, limitePorMinuto: 100 }, Date.now());
    const variante = (i: number) => `${token.slice(0, 22)}${String(i).padStart(3, '0')}${token.slice(25)}`;
    const malo = (i: number) => (variante(i) === token ? variante(i + 500) : variante(i));
    // The count is per clock minute: start well inside one.
    const resta = 60_000 - (Date.now() % 60_000);
    if (resta < 8_000) await new Promise((r) => setTimeout(r, resta + 50));
    // From one address per request: the per-address limits are not what is tested here.
    const estados: number[] = [];
    let r: Response | undefined;
    for (let i = 0; i < MAX_FALLOS_POR_TOKEN + 5; i++) {
      r = await llamar('GET', ruta, { token: malo(i) });
      estados.push(r.status);
      if (i < MAX_FALLOS_POR_TOKEN) await r.body?.cancel();
      else if (i < MAX_FALLOS_POR_TOKEN + 4) await error(r, 429, 'INTENTOS_EXCEDIDOS');
    }
    expect(estados).toEqual([...Array<number>(MAX_FALLOS_POR_TOKEN).fill(401), ...Array<number>(5).fill(429)]);
    expect(Number(r!.headers.get('retry-after'))).toBeGreaterThan(0);
    const antes = await ultima();
    const fallos = await env.DB.prepare('SELECT sum(n) AS n FROM fallo_token WHERE token = ?').bind(id).first<{ n: number }>();
    await error(llamar('GET', ruta, { token: malo(99) }), 429, 'INTENTOS_EXCEDIDOS');
    // Past the limit a guess writes neither an audit entry nor a count.
    expect((await ultima())!.id).toBe(antes!.id);
    expect(await env.DB.prepare('SELECT sum(n) AS n FROM fallo_token WHERE token = ?').bind(id).first<{ n: number }>()).toEqual(fallos);
    expect((await llamar('GET', ruta, { token })).status).toBe(200);
  });

  it('after all these refusals the audit chain is intact', async () => {
    expect(await verificarBitacora(env.DB)).toMatchObject({ ok: true });
  });
});
