/**
 * The screens' sessions through HTTP (issue 13): sign-in with operator id and access key, the cookie and CSRF
 * rules on the capture routes, sign-out, expiry, revocation on the next request, no enumeration, the attempts
 * limit, and the bearer API unchanged beside them.
 */
import { env } from 'cloudflare:workers';
import { beforeAll, describe, expect, it } from 'vitest';
import { HORA, direccionNueva, error, llamar, ok, prepararEscenario, rechazada, ultima, type Tokens } from '../../../test/captura/ayuda.ts';
import { ejecutorD1, emitirToken, revocar } from '../../db/administracion.ts';
import { verificarBitacora } from '../../db/bitacora.ts';
import { sha256Hex } from '../../domain/bitacora/cadena.ts';
import { MAX_INTENTOS_FALLIDOS } from '../../domain/captura/sesion.ts';

let t: Tokens;
beforeAll(async () => {
  t = await prepararEscenario();
});

const COOKIE_RE = /^__Host-prep_sesion=([A-Za-z0-9_-]{43}); HttpOnly; Secure; SameSite=Strict; Path=\/; Max-Age=(\d+)$/;
const BORRADA = '__Host-prep_sesion=; HttpOnly; Secure; SameSite=Strict; Path=/; Max-Age=0';

interface Sesion {
  id: string;
  csrf: string;
  expiraAt: number;
  cuerpo: Record<string, unknown>;
}

const ingresar = (operador: string, clave: string | undefined) => llamar('POST', '/api/v1/sesion', { body: { operador, clave } });

async function iniciar(operador: string, clave = t[operador]!): Promise<Sesion> {
  const r = await ingresar(operador, clave);
  const cuerpo = await ok<Record<string, unknown> & { csrf: string; expiraAt: number }>(r);
  const id = COOKIE_RE.exec(r.headers.get('set-cookie') ?? '')?.[1];
  expect(id).toBeDefined();
  return { id: id!, csrf: cuerpo.csrf, expiraAt: cuerpo.expiraAt, cuerpo };
}

/** A request with the session cookie (and the CSRF header when `csrf` is given). */
function conSesion(metodo: string, ruta: string, s: { id: string }, o: { csrf?: string; body?: unknown; headers?: Record<string, string> } = {}) {
  const headers: Record<string, string> = { cookie: `__Host-prep_sesion=${s.id}`, ...(o.csrf === undefined ? {} : { 'x-csrf-token': o.csrf }), ...o.headers };
  return llamar(metodo, ruta, { body: o.body, headers });
}

const hashDe = (id: string) => sha256Hex(id);
const tokenIdDe = (token: string) => token.slice(5, 21);

describe('POST /api/v1/sesion', () => {
  it('opens a session: the agreed body, an HttpOnly Secure SameSite=Strict __Host- cookie, only hashes stored, one audit entry', async () => {
    const antes = Date.now();
    const r = await ingresar('d01-acopio', t['d01-acopio']);
    const texto = await r.clone().text();
    const cuerpo = await ok<{ operador: Record<string, unknown>; csrf: string; expiraAt: number }>(r);
    expect(Object.keys(cuerpo).sort()).toEqual(['csrf', 'expiraAt', 'operador']);
    expect(cuerpo.operador).toEqual({ id: 'd01-acopio', nombre: 'Operador d01-acopio', ambito: 'CATD', catd: 'CATD-D01', roles: ['acopio'], casillas: [] });
    expect(cuerpo.csrf).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(cuerpo.expiraAt).toBeGreaterThanOrEqual(antes + 8 * HORA);
    expect(cuerpo.expiraAt).toBeLessThanOrEqual(Date.now() + 8 * HORA);
    const m = COOKIE_RE.exec(r.headers.get('set-cookie')!)!;
    expect(m).not.toBeNull();
    expect(Number(m[2])).toBeGreaterThan(8 * 3600 - 5);
    expect(Number(m[2])).toBeLessThanOrEqual(8 * 3600);
    expect(r.headers.get('cache-control')).toBe('no-store');
    // The key is never echoed, and the cookie's id is not in the body.
    expect(texto).not.toContain(t['d01-acopio']!.slice(22));
    expect(texto).not.toContain(m[1]);
    const fila = await env.DB.prepare('SELECT * FROM sesion WHERE operador = ?').bind('d01-acopio').first<Record<string, unknown>>();
    expect(fila).toMatchObject({ id_hash: await hashDe(m[1]!), token: tokenIdDe(t['d01-acopio']!), csrf: cuerpo.csrf, expira_at: cuerpo.expiraAt, cerrada_at: null });
    expect(JSON.stringify(fila)).not.toContain(m[1]);
    const e = await ultima();
    expect(e).toMatchObject({ accion: 'SESION_INICIADA', operador: 'd01-acopio', token: tokenIdDe(t['d01-acopio']!), status: 200 });
    expect(e!.detalle).not.toContain(m[1]);
    expect(e!.detalle).not.toContain(t['d01-acopio']!.slice(22));
  });

  it('a session never outlives its token', async () => {
    const corto = await emitirToken(ejecutorD1(env.DB), { operador: 'd01-dig', vigenciaMs: HORA, limitePorMinuto: 100 }, Date.now());
    const s = await iniciar('d01-dig', corto.token);
    expect(s.expiraAt).toBe(corto.expiraAt);
  });

  it('any wrong id, key, revoked or expired token or inactive operator: the same 401, no cookie, nothing echoed', async () => {
    const ej = ejecutorD1(env.DB);
    const real = t['d01-cap1']!;
    const revocado = await emitirToken(ej, { operador: 'd01-cap1', vigenciaMs: HORA, limitePorMinuto: 100 }, Date.now());
    await revocar(ej, { token: revocado.id }, Date.now());
    const vencido = await emitirToken(ej, { operador: 'd01-cap1', vigenciaMs: -1, limitePorMinuto: 100 }, Date.now());
    await env.DB.prepare("UPDATE operador SET activo = 0 WHERE id = 'd01-cap3'").run();
    const casos: [string, string][] = [
      ['nadie', real],
      ['d01-cap2', real],
      ['d01-cap1', real.slice(0, 22) + (real[22] === 'x' ? 'y' : 'x') + real.slice(23)],
      ['d01-cap1', 'no-es-una-clave'],
      ['d01-cap1', `prep_0123456789abcdef_${'A'.repeat(43)}`],
      ['d01-cap1', revocado.token],
      ['d01-cap1', vencido.token],
      ['d01-cap3', t['d01-cap3']!],
    ];
    const cuerpos = new Set<string>();
    for (const [operador, clave] of casos) {
      const r = await ingresar(operador, clave);
      expect(r.headers.get('set-cookie')).toBeNull();
      const texto = await r.clone().text();
      expect(texto).not.toContain(clave);
      await error(r, 401, 'CREDENCIALES_INVALIDAS');
      cuerpos.add(texto);
    }
    expect(cuerpos.size).toBe(1);
    expect(await env.DB.prepare("SELECT count(*) AS n FROM sesion WHERE operador IN ('d01-cap1', 'd01-cap3', 'nadie')").first('n')).toBe(0);
  });

  it('a refused sign-in is one audit entry, with the presented token id and never the key', async () => {
    const real = t['d01-ver']!;
    const otro = real.slice(0, 22) + (real[22] === 'x' ? 'y' : 'x') + real.slice(23);
    const e = await rechazada(() => ingresar('d01-ver2', otro), 401, 'CREDENCIALES_INVALIDAS', null);
    expect(e.token).toBe(tokenIdDe(real));
    expect(e.detalle).not.toContain(otro.slice(22));
  });

  it('malformed bodies are 400/415 without echoing the key', async () => {
    const larga = `prep_${'a'.repeat(300)}`;
    const r = await ingresar('d01-sup', larga);
    expect(await r.clone().text()).not.toContain(larga);
    await error(r, 400, 'SOLICITUD_INVALIDA');
    await error(ingresar('d01-sup', undefined), 400, 'SOLICITUD_INVALIDA');
    await error(llamar('POST', '/api/v1/sesion', { body: { operador: 'd01-sup', clave: t['d01-sup'], extra: 1 } }), 400, 'SOLICITUD_INVALIDA');
    await error(llamar('POST', '/api/v1/sesion', { raw: 'operador=d01-sup', headers: { 'content-type': 'application/x-www-form-urlencoded' } }), 415);
  });

  it(`after ${MAX_INTENTOS_FALLIDOS} failures for one operator id, 429 even with the right key; others unaffected; successes do not count`, async () => {
    for (let i = 0; i < 3; i++) await iniciar('d02-sup');
    expect(await env.DB.prepare("SELECT sum(n) AS n FROM intento_sesion WHERE operador = 'd02-sup'").first('n')).toBe(0);
    const malo = `prep_0123456789abcdef_${'B'.repeat(43)}`;
    for (let i = 0; i < MAX_INTENTOS_FALLIDOS; i++) await error(ingresar('d02-sup', malo), 401, 'CREDENCIALES_INVALIDAS');
    const antes = await ultima();
    const r = await ingresar('d02-sup', t['d02-sup']);
    expect(r.headers.get('set-cookie')).toBeNull();
    const espera = Number(r.headers.get('retry-after'));
    expect(espera).toBeGreaterThan(0);
    expect(espera).toBeLessThanOrEqual(15 * 60);
    await error(r, 429, 'INTENTOS_EXCEDIDOS');
    expect((await ultima())!.id).toBe(antes!.id);
    await iniciar('d02-ver');
  });

  it('from one address: failures past the refusal limit get 429 unlogged, and past the sign-in limit nothing is even counted', async () => {
    // wrangler.toml: LIMITE_RECHAZOS 30 and LIMITE_INGRESOS 60 per address and 60 s, counted per clock minute.
    const resta = 60_000 - (Date.now() % 60_000);
    if (resta < 10_000) await new Promise((r) => setTimeout(r, resta + 50));
    const ip = direccionNueva();
    const desde = (operador: string) => llamar('POST', '/api/v1/sesion', { body: { operador, clave: 'x' }, headers: { 'cf-connecting-ip': ip } });
    const codigos: string[] = [];
    // A stranger cycling operator ids: each id's own limit never fires.
    for (let i = 0; i < 60; i++) codigos.push(((await (await desde(`nadie-${i}`)).json()) as { error: { code: string } }).error.code);
    expect(codigos).toEqual([...Array<string>(30).fill('CREDENCIALES_INVALIDAS'), ...Array<string>(30).fill('DEMASIADOS_RECHAZOS')]);
    const intentos = () => env.DB.prepare('SELECT count(*) AS n FROM intento_sesion').first('n');
    const [antes, entrada] = [await intentos(), await ultima()];
    const r = await desde('nadie-60');
    expect(Number(r.headers.get('retry-after'))).toBeGreaterThan(0);
    await error(r, 429, 'DEMASIADOS_INGRESOS');
    expect([await intentos(), (await ultima())!.id]).toEqual([antes, entrada!.id]);
    // The same operator from the CATD's other address is unaffected.
    await iniciar('d01-cap2');
  });
});

describe('the session on the capture routes', () => {
  it('a write with the cookie and the CSRF header acts as the operator, with the session’s token in the audit log', async () => {
    const s = await iniciar('d01-acopio');
    const v = await ok<{ clave: string; estado: { acopio: { operador: string } } }>(conSesion('POST', '/api/v1/acopio', s, { csrf: s.csrf, body: { clave: '140338B01004' } }), 201);
    expect(v.estado.acopio.operador).toBe('d01-acopio');
    expect(await ultima()).toMatchObject({ accion: 'ACOPIO', operador: 'd01-acopio', token: tokenIdDe(t['d01-acopio']!), acta: '140338B01004' });
  });

  it('a write without the CSRF header, or with a wrong one or another session’s: 403 CSRF_INVALIDO, nothing changed', async () => {
    const s = await iniciar('d01-acopio');
    const otra = await iniciar('d01-acopio');
    const body = { clave: '140338B01006' };
    await rechazada(() => conSesion('POST', '/api/v1/acopio', s, { body }), 403, 'CSRF_INVALIDO', 'd01-acopio');
    await rechazada(() => conSesion('POST', '/api/v1/acopio', s, { body, csrf: `${s.csrf.slice(0, 42)}${s.csrf[42] === 'a' ? 'b' : 'a'}` }), 403, 'CSRF_INVALIDO', 'd01-acopio');
    await rechazada(() => conSesion('POST', '/api/v1/acopio', s, { body, csrf: otra.csrf }), 403, 'CSRF_INVALIDO', 'd01-acopio');
    await rechazada(() => conSesion('POST', '/api/v1/acopio', s, { body, csrf: '' }), 403, 'CSRF_INVALIDO', 'd01-acopio');
    expect(await ok(llamar('GET', '/api/v1/actas/140338B01006', { token: t['d01-acopio'] }))).toMatchObject({ version: 0, etapa: 'PENDIENTE' });
  });

  it('reads need no CSRF header; roles and ámbito are the operator’s, as with the bearer token', async () => {
    const s = await iniciar('d01-acopio');
    await ok(conSesion('GET', '/api/v1/actas/140338B01004', s));
    await ok(conSesion('GET', '/api/v1/cola/acopio', s));
    await rechazada(() => conSesion('POST', '/api/v1/actas/140338B01004/capturas', s, { csrf: s.csrf, body: {} }), 403, 'ROL_NO_AUTORIZADO', 'd01-acopio');
  });

  it('requests through the session count against its token’s rate limit', async () => {
    // The counter is per clock minute: start well inside one.
    const resta = 60_000 - (Date.now() % 60_000);
    if (resta < 3_000) await new Promise((r) => setTimeout(r, resta + 50));
    const { token } = await emitirToken(ejecutorD1(env.DB), { operador: 'd02-dig', vigenciaMs: HORA, limitePorMinuto: 3 }, Date.now());
    const s = await iniciar('d02-dig', token);
    for (let i = 0; i < 3; i++) await ok(conSesion('GET', '/api/v1/sesion', s));
    await error(conSesion('GET', '/api/v1/actas/140338B01004', s), 429, 'LIMITE_DE_SOLICITUDES');
  });

  it('GET /api/v1/sesion answers the same body after a reload (same csrf)', async () => {
    const s = await iniciar('d01-sup');
    const r = await conSesion('GET', '/api/v1/sesion', s);
    expect(r.headers.get('cache-control')).toBe('no-store');
    expect(await ok(r)).toEqual(s.cuerpo);
  });

  it('GET /api/v1/sesion without a live session: SESION_AUSENTE, and a bearer token is not a session', async () => {
    // Without a cookie it is the signed-out screens' "am I signed in?": answered, neither recorded nor limited per address.
    const antes = await ultima();
    const ip = direccionNueva();
    for (let i = 0; i < 40; i++) await error(llamar('GET', '/api/v1/sesion', { headers: { 'cf-connecting-ip': ip } }), 401, 'SESION_AUSENTE');
    await error(llamar('GET', '/api/v1/sesion', { token: t['d01-sup'] }), 401, 'SESION_AUSENTE');
    expect((await ultima())!.id).toBe(antes!.id);
    // With a cookie that names no session it is a refusal like any other.
    await rechazada(() => conSesion('GET', '/api/v1/sesion', { id: 'A'.repeat(43) }), 401, 'SESION_AUSENTE', null);
    const r = await conSesion('GET', '/api/v1/sesion', { id: 'A'.repeat(43) });
    expect(r.headers.get('set-cookie')).toBe(BORRADA);
    await error(r, 401, 'SESION_AUSENTE');
    await error(conSesion('GET', '/api/v1/sesion', { id: 'corta' }), 401, 'SESION_AUSENTE');
  });
});

describe('the end of a session', () => {
  it('sign-out needs the CSRF header, clears the cookie, is audited, and the session is dead server-side', async () => {
    const s = await iniciar('d01-ver');
    await rechazada(() => conSesion('DELETE', '/api/v1/sesion', s), 403, 'CSRF_INVALIDO', 'd01-ver');
    const r = await conSesion('DELETE', '/api/v1/sesion', s, { csrf: s.csrf });
    expect(r.status).toBe(204);
    expect(r.headers.get('set-cookie')).toBe(BORRADA);
    expect(await r.text()).toBe('');
    expect(await ultima()).toMatchObject({ accion: 'SESION_CERRADA', operador: 'd01-ver', token: tokenIdDe(t['d01-ver']!), status: 204 });
    const cerrada = await env.DB.prepare('SELECT cerrada_at FROM sesion WHERE id_hash = ?').bind(await hashDe(s.id)).first('cerrada_at');
    expect(cerrada).toBeGreaterThan(0);
    // The same cookie replayed: refused everywhere, and nothing more is written on a second sign-out.
    await rechazada(() => conSesion('GET', '/api/v1/sesion', s), 401, 'SESION_REVOCADA', null);
    await rechazada(() => conSesion('GET', '/api/v1/actas/140338B01004', s), 401, 'SESION_REVOCADA', null);
    await rechazada(() => conSesion('DELETE', '/api/v1/sesion', s, { csrf: s.csrf }), 401, 'SESION_REVOCADA', null);
  });

  it('an expired session: 401 SESION_EXPIRADA and the cookie cleared', async () => {
    const s = await iniciar('ccv-cap1');
    await ok(conSesion('GET', '/api/v1/sesion', s));
    await env.DB.prepare('UPDATE sesion SET expira_at = ? WHERE id_hash = ?').bind(Date.now() - 1, await hashDe(s.id)).run();
    const r = await conSesion('GET', '/api/v1/actas/140338B01004', s);
    expect(r.headers.get('set-cookie')).toBe(BORRADA);
    await error(r, 401, 'SESION_EXPIRADA');
  });

  it('its token revoked: out on the next request', async () => {
    const propio = await emitirToken(ejecutorD1(env.DB), { operador: 'ccv-cap2', vigenciaMs: HORA, limitePorMinuto: 100 }, Date.now());
    const s = await iniciar('ccv-cap2', propio.token);
    await ok(conSesion('GET', '/api/v1/actas/140338B01004', s));
    await revocar(ejecutorD1(env.DB), { operador: 'ccv-cap2' }, Date.now());
    await rechazada(() => conSesion('GET', '/api/v1/actas/140338B01004', s), 401, 'SESION_REVOCADA', null);
  });

  it('its operator dado de baja: out on the next request', async () => {
    const s = await iniciar('ccv-ver');
    await ok(conSesion('GET', '/api/v1/actas/140338B01004', s));
    await env.DB.prepare("UPDATE operador SET activo = 0 WHERE id = 'ccv-ver'").run();
    await rechazada(() => conSesion('POST', '/api/v1/actas/140338B01004/verificacion', s, { csrf: s.csrf, body: {} }), 401, 'SESION_REVOCADA', null);
  });
});

describe('the bearer API beside the sessions', () => {
  it('is unchanged: no CSRF header needed, and with both the bearer token alone decides', async () => {
    const s = await iniciar('d01-acopio');
    const headers = { cookie: `__Host-prep_sesion=${s.id}` };
    await ok(llamar('POST', '/api/v1/acopio', { token: t['d01-acopio'], body: { clave: '140339B01005' }, headers }), 201);
    await ok(llamar('GET', '/api/v1/actas/140339B01005', { token: t['d01-acopio'], headers }));
    await rechazada(() => llamar('GET', '/api/v1/actas/140339B01005', { token: `prep_0123456789abcdef_${'A'.repeat(43)}`, headers }), 401, 'TOKEN_INVALIDO', null);
    await rechazada(() => llamar('GET', '/api/v1/actas/140339B01005'), 401, 'TOKEN_AUSENTE', null);
  });

  it('the API reference documents the session routes and that the capture routes take either credential', async () => {
    const doc = (await (await llamar('GET', '/api/v1/openapi.json')).json()) as {
      paths: Record<string, Record<string, { security?: unknown }>>;
      components: { securitySchemes: Record<string, unknown> };
    };
    expect(Object.keys(doc.paths['/api/v1/sesion']!).sort()).toEqual(['delete', 'get', 'post']);
    expect(doc.paths['/api/v1/sesion']!.post!.security).toBeUndefined();
    expect(doc.components.securitySchemes.sesion).toMatchObject({ type: 'apiKey', in: 'cookie', name: '__Host-prep_sesion' });
    expect(doc.paths['/api/v1/actas/{clave}/capturas']!.post!.security).toEqual([{ bearer: [] }, { sesion: [] }]);
  });

  it('after all this the audit chain is intact', async () => {
    expect(await verificarBitacora(env.DB)).toMatchObject({ ok: true });
  });
});
