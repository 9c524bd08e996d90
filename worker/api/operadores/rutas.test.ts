/**
 * /api/v1/operadores through HTTP (issue 17): only an admin; create, issue, revoke, bind casillas, each one audit
 * entry naming the admin; the validity ceiling of INSTITUTO secrets; clear answers to repeated changes; the
 * screens' cookie session (with CSRF) as well as the bearer token.
 */
import { env } from 'cloudflare:workers';
import { beforeAll, describe, expect, it } from 'vitest';
import { HORA, error, llamar, ok, type Tokens } from '../../../test/captura/ayuda.ts';
import { prepararEscenario } from '../../../test/captura/ayuda.ts';
import { CambioRechazado, ejecutorD1, emitirToken } from '../../db/administracion.ts';
import { reasignarCatd } from '../../db/reasignacion.ts';
import { verificarBitacora } from '../../db/bitacora.ts';

let t: Tokens;
beforeAll(async () => {
  t = await prepararEscenario();
});

interface Listado {
  id: string;
  ambito: string;
  catd: string | null;
  roles: string[];
  activo: boolean;
  casillas: string[];
  tokensVigentes: { id: string; expiraAt: number }[];
  ultimoUsoAt: number | null;
}
interface Emitido {
  operador: string;
  id: string;
  token: string;
  expiraAt: number;
}

const comoAdmin = (metodo: string, ruta: string, body?: unknown) => llamar(metodo, ruta, { token: t.admin, body });
const entradas = () => env.DB.prepare('SELECT id, operador, accion, detalle FROM bitacora ORDER BY id').all<{ id: number; operador: string; accion: string; detalle: string }>().then((r) => r.results);
const nuevo = (id: string, extra: Record<string, unknown> = {}) => ({ id, nombre: `Persona ${id}`, ambito: 'CATD', catd: 'CATD-D01', roles: ['captura'], casillas: [], ...extra });

describe('/api/v1/operadores', () => {
  it('answers only an operator with role admin', async () => {
    await error(llamar('GET', '/api/v1/operadores'), 401);
    await error(llamar('GET', '/api/v1/operadores', { token: t['d01-sup'] }), 403, 'ROL_NO_AUTORIZADO');
    await error(llamar('POST', '/api/v1/operadores', { token: t['d01-sup'], body: nuevo('intruso') }), 403, 'ROL_NO_AUTORIZADO');
    expect(await env.DB.prepare("SELECT count(*) AS n FROM operador WHERE id = 'intruso'").first('n')).toBe(0);
  });

  it('lists every operator with roles, CATD, live tokens (never a secret) and bound casillas', async () => {
    const r = await comoAdmin('GET', '/api/v1/operadores');
    const texto = await r.clone().text();
    const { operadores } = await ok<{ ahora: number; operadores: Listado[] }>(r);
    expect(operadores.map((o) => o.id)).toEqual([...operadores.map((o) => o.id)].sort());
    const cap = operadores.find((o) => o.id === 'd01-cap1')!;
    expect(cap).toMatchObject({ ambito: 'CATD', catd: 'CATD-D01', roles: ['captura'], activo: true, casillas: [] });
    expect(cap.tokensVigentes.map((x) => x.id)).toEqual([t['d01-cap1']!.slice(5, 21)]);
    expect(operadores.find((o) => o.id === 'casilla-338b1')!.casillas).toEqual(['140338B0100']);
    // The admin's own request of this minute counts as a use; no token's secret is in the answer.
    expect(operadores.find((o) => o.id === 'admin')!.ultimoUsoAt).toBeGreaterThan(0);
    for (const s of Object.values(t)) expect(texto).not.toContain(s.slice(22));
  });

  it('creates an operator once: a second time is 409 OPERADOR_EXISTE and changes nothing', async () => {
    const creado = await ok<Listado>(comoAdmin('POST', '/api/v1/operadores', nuevo('lucia')), 201);
    expect(creado).toMatchObject({ id: 'lucia', ambito: 'CATD', catd: 'CATD-D01', roles: ['captura'], tokensVigentes: [], ultimoUsoAt: null });
    const e = (await entradas()).at(-1)!;
    expect(e).toMatchObject({ operador: 'admin', accion: 'OPERADOR_CREADO' });
    expect(JSON.parse(e.detalle)).toMatchObject({ id: 'lucia', catd: 'CATD-D01' });
    const antes = (await entradas()).length;
    await error(comoAdmin('POST', '/api/v1/operadores', nuevo('lucia', { ambito: 'CCV', catd: null, nombre: 'Otra' })), 409, 'OPERADOR_EXISTE');
    expect(await env.DB.prepare("SELECT nombre, ambito FROM operador WHERE id = 'lucia'").first()).toEqual({ nombre: 'Persona lucia', ambito: 'CATD' });
    await error(comoAdmin('POST', '/api/v1/operadores', nuevo('mario', { catd: 'CATD-X9' })), 422, 'CATD_DESCONOCIDO');
    await error(comoAdmin('POST', '/api/v1/operadores', nuevo('mario', { roles: ['admin'] })), 400, 'SOLICITUD_INVALIDA');
    expect((await entradas()).length).toBe(antes);
  });

  it('issues a secret once (no-store), by the ámbito default; the secret works and only its hash is stored', async () => {
    const antes = Date.now();
    const r = await comoAdmin('POST', '/api/v1/operadores/lucia/tokens', {});
    expect(r.headers.get('cache-control')).toBe('no-store');
    const s = await ok<Emitido>(r, 201);
    expect(s.token).toMatch(/^prep_[0-9a-f]{16}_[A-Za-z0-9_-]{43}$/);
    expect(s.expiraAt).toBeGreaterThanOrEqual(antes + 16 * HORA);
    expect(s.expiraAt).toBeLessThanOrEqual(Date.now() + 16 * HORA);
    await ok(llamar('GET', '/api/v1/cola/captura', { token: s.token }));
    const e = (await entradas()).at(-1)!;
    expect(e).toMatchObject({ operador: 'admin', accion: 'TOKEN_EMITIDO' });
    expect(JSON.parse(e.detalle)).toMatchObject({ token: s.id, operador: 'lucia', limitePorMinuto: 600 });
    const todo = JSON.stringify([...(await env.DB.prepare('SELECT * FROM token').all()).results, ...(await entradas())]);
    expect(todo).not.toContain(s.token.slice(22));
    await error(comoAdmin('POST', '/api/v1/operadores/nadie/tokens', {}), 404, 'OPERADOR_DESCONOCIDO');
  });

  it('an INSTITUTO secret lives within a night: 8 h by default, at most 12 h, more is refused with the ceiling', async () => {
    await ok(comoAdmin('POST', '/api/v1/operadores', { id: 'coord', nombre: 'Coordinación', ambito: 'INSTITUTO', catd: null, roles: ['admin'], casillas: [] }), 201);
    const antes = Date.now();
    const omision = await ok<Emitido>(comoAdmin('POST', '/api/v1/operadores/coord/tokens', {}), 201);
    expect(omision.expiraAt - antes).toBeGreaterThanOrEqual(8 * HORA);
    expect(omision.expiraAt - Date.now()).toBeLessThanOrEqual(8 * HORA);
    await ok(comoAdmin('POST', '/api/v1/operadores/coord/tokens', { horas: 12 }), 201);
    const tokens = await env.DB.prepare("SELECT count(*) AS n FROM token WHERE operador = 'coord'").first('n');
    const e = await error(comoAdmin('POST', '/api/v1/operadores/coord/tokens', { horas: 13 }), 422, 'VIGENCIA_EXCEDIDA');
    expect(e.details).toMatchObject({ ambito: 'INSTITUTO', maximaHoras: 12, horasSolicitadas: 13 });
    await error(comoAdmin('POST', '/api/v1/operadores/coord/tokens', { horas: 721 }), 400, 'SOLICITUD_INVALIDA');
    expect(await env.DB.prepare("SELECT count(*) AS n FROM token WHERE operador = 'coord'").first('n')).toBe(tokens);
    // The guard inside the issuing batch is the enforcement: the raw function cannot go around it either.
    await expect(emitirToken(ejecutorD1(env.DB), { operador: 'coord', vigenciaMs: 48 * HORA, limitePorMinuto: 10 }, Date.now())).rejects.toEqual(new CambioRechazado('VIGENCIA_EXCEDIDA'));
    expect((await ok<Emitido>(comoAdmin('POST', '/api/v1/operadores/lucia/tokens', { horas: 720 }), 201)).expiraAt).toBeGreaterThan(Date.now() + 719 * HORA);
  });

  it('revokes one token; a second time is 409 TOKEN_YA_REVOCADO; another operator’s token is 404', async () => {
    const s = await ok<Emitido>(comoAdmin('POST', '/api/v1/operadores/lucia/tokens', { horas: 1 }), 201);
    expect(await ok(comoAdmin('DELETE', `/api/v1/operadores/lucia/tokens/${s.id}`))).toEqual({ operador: 'lucia', revocados: [s.id] });
    expect((await entradas()).at(-1)).toMatchObject({ operador: 'admin', accion: 'TOKEN_REVOCADO' });
    await error(llamar('GET', '/api/v1/cola/captura', { token: s.token }), 401);
    const n = (await entradas()).length;
    const otra = await error(comoAdmin('DELETE', `/api/v1/operadores/lucia/tokens/${s.id}`), 409, 'TOKEN_YA_REVOCADO');
    expect(otra.details).toMatchObject({ revocadoAt: expect.any(Number) });
    await error(comoAdmin('DELETE', `/api/v1/operadores/lucia/tokens/${t['d01-cap1']!.slice(5, 21)}`), 404, 'TOKEN_DESCONOCIDO');
    // Only the 409 and 404 refusals of this admin are not logged as changes.
    expect((await entradas()).slice(n).filter((e) => e.accion === 'TOKEN_REVOCADO')).toEqual([]);
  });

  it('revokes all of an operator’s tokens with the screen session (CSRF): its own session ends on its next request', async () => {
    const admin = await sesion('admin', t.admin!);
    const clave = await ok<Emitido>(comoAdmin('POST', '/api/v1/operadores/lucia/tokens', { horas: 2 }), 201);
    const lucia = await sesion('lucia', clave.token);
    await ok(conCookie('GET', '/api/v1/sesion', lucia));
    await error(conCookie('POST', '/api/v1/operadores/lucia/revocar', admin), 403, 'CSRF_INVALIDO');
    const r = await ok<{ revocados: string[] }>(conCookie('POST', '/api/v1/operadores/lucia/revocar', admin, admin.csrf));
    expect(r.revocados).toContain(clave.id);
    expect((await entradas()).at(-1)).toMatchObject({ operador: 'admin', accion: 'TOKEN_REVOCADO', detalle: JSON.stringify({ operador: 'lucia' }) });
    await error(conCookie('GET', '/api/v1/sesion', lucia), 401);
    const n = (await entradas()).length;
    expect(await ok(conCookie('POST', '/api/v1/operadores/lucia/revocar', admin, admin.csrf))).toEqual({ operador: 'lucia', revocados: [] });
    expect((await entradas()).length).toBe(n);
    await error(comoAdmin('POST', '/api/v1/operadores/nadie/revocar'), 404, 'OPERADOR_DESCONOCIDO');
  });

  it('binds a PREP Casilla device to catalogue casillas only, audited', async () => {
    const d = await ok<Listado>(comoAdmin('PUT', '/api/v1/operadores/casilla-338b1/casillas', { casillas: ['140338C0100', '140338B0100', '140338C0100'] }));
    expect(d.casillas).toEqual(['140338B0100', '140338C0100']);
    const e = (await entradas()).at(-1)!;
    expect(e).toMatchObject({ operador: 'admin', accion: 'CASILLAS_VINCULADAS' });
    expect(JSON.parse(e.detalle)).toEqual({ operador: 'casilla-338b1', casillas: ['140338C0100', '140338B0100'] });
    await error(comoAdmin('PUT', '/api/v1/operadores/casilla-338b1/casillas', { casillas: ['149999B0100'] }), 422, 'CASILLA_DESCONOCIDA');
    await error(comoAdmin('PUT', '/api/v1/operadores/d01-cap1/casillas', { casillas: ['140338B0100'] }), 422, 'NO_ES_DISPOSITIVO');
    await error(comoAdmin('PUT', '/api/v1/operadores/casilla-338b1/casillas', { casillas: ['xx'] }), 400, 'SOLICITUD_INVALIDA');
    await error(comoAdmin('PUT', '/api/v1/operadores/nadie/casillas', { casillas: ['140338B0100'] }), 404, 'OPERADOR_DESCONOCIDO');
    expect((await env.DB.prepare("SELECT casilla FROM operador_casilla WHERE operador = 'casilla-338b1' ORDER BY casilla").all()).results).toEqual([
      { casilla: '140338B0100' },
      { casilla: '140338C0100' },
    ]);
  });

  it('moves a CATD operator to another CATD for the night and back: audited with before/after, its open session acts with it on its next request', async () => {
    const acopio = (clave: string, o: { token?: string; headers?: Record<string, string> }) => llamar('POST', '/api/v1/acopio', { ...o, body: { clave } });
    const d02 = await sesion('d02-acopio', t['d02-acopio']!);
    const cookie = (s: { id: string; csrf: string }) => ({ cookie: `__Host-prep_sesion=${s.id}`, 'x-csrf-token': s.csrf });
    await error(acopio('140338B01004', { token: t['d02-acopio'] }), 403, 'ACTA_FUERA_DE_ALCANCE');
    await error(llamar('POST', '/api/v1/operadores/d02-acopio/alcance', { token: t['d01-sup'], body: { catd: 'CATD-D01' } }), 403, 'ROL_NO_AUTORIZADO');

    const n = (await entradas()).length;
    expect(await ok(comoAdmin('POST', '/api/v1/operadores/d02-acopio/alcance', { catd: 'CATD-D01' }))).toEqual({ operador: 'd02-acopio', antes: 'CATD-D02', despues: 'CATD-D01', cambio: true });
    const e = (await entradas()).slice(n);
    expect(e.map((x) => [x.operador, x.accion, JSON.parse(x.detalle)])).toEqual([['admin', 'ALCANCE_REASIGNADO', { operador: 'd02-acopio', antes: 'CATD-D02', despues: 'CATD-D01' }]]);
    // The session opened before the change, and the token, act with the new CATD on their very next request.
    expect((await ok<{ operador: { catd: string } }>(conCookie('GET', '/api/v1/sesion', d02))).operador.catd).toBe('CATD-D01');
    await ok(llamar('POST', '/api/v1/acopio', { headers: cookie(d02), body: { clave: '140338B01004' } }), 201);
    await ok(acopio('140338C01004', { token: t['d02-acopio'] }), 201);
    expect((await ok<{ operadores: Listado[] }>(comoAdmin('GET', '/api/v1/operadores'))).operadores.find((o) => o.id === 'd02-acopio')!.catd).toBe('CATD-D01');

    // Asking again changes nothing and writes nothing; refusals change nothing either.
    const m = (await entradas()).length;
    expect(await ok(comoAdmin('POST', '/api/v1/operadores/d02-acopio/alcance', { catd: 'CATD-D01' }))).toMatchObject({ antes: 'CATD-D01', despues: 'CATD-D01', cambio: false });
    await error(comoAdmin('POST', '/api/v1/operadores/d02-acopio/alcance', { catd: 'CATD-X9' }), 422, 'CATD_DESCONOCIDO');
    await error(comoAdmin('POST', '/api/v1/operadores/d02-acopio/alcance', { catd: 'catd-d01' }), 400, 'SOLICITUD_INVALIDA');
    for (const otro of ['ccv-cap1', 'casilla-338b1', 'admin']) {
      const r = await error(comoAdmin('POST', `/api/v1/operadores/${otro}/alcance`, { catd: 'CATD-D01' }), 422, 'NO_ES_OPERADOR_CATD');
      expect(r.details).toHaveProperty('ambito');
    }
    await error(comoAdmin('POST', '/api/v1/operadores/nadie/alcance', { catd: 'CATD-D01' }), 404, 'OPERADOR_DESCONOCIDO');
    expect((await entradas()).length).toBe(m);
    // The "before" of the audit entry is the stored one: a change computed on a stale read is refused.
    await expect(reasignarCatd(ejecutorD1(env.DB), 'd02-acopio', 'CATD-D02', 'CATD-M120', Date.now(), 'admin')).rejects.toEqual(new CambioRechazado('ALCANCE_CAMBIADO'));

    // Back home: the dark CATD's actas are out of its reach again, at once.
    await ok(comoAdmin('POST', '/api/v1/operadores/d02-acopio/alcance', { catd: 'CATD-D02' }));
    await error(llamar('POST', '/api/v1/acopio', { headers: cookie(d02), body: { clave: '140339B01004' } }), 403, 'ACTA_FUERA_DE_ALCANCE');
    expect(JSON.parse((await entradas()).filter((x) => x.accion === 'ALCANCE_REASIGNADO').at(-1)!.detalle)).toEqual({ operador: 'd02-acopio', antes: 'CATD-D01', despues: 'CATD-D02' });
  });

  it('leaves the audit chain whole', async () => {
    expect(await verificarBitacora(env.DB)).toMatchObject({ ok: true });
  });
});

async function sesion(operador: string, clave: string): Promise<{ id: string; csrf: string }> {
  const r = await llamar('POST', '/api/v1/sesion', { body: { operador, clave } });
  const { csrf } = await ok<{ csrf: string }>(r);
  return { id: /__Host-prep_sesion=([^;]+)/.exec(r.headers.get('set-cookie')!)![1]!, csrf };
}

function conCookie(metodo: string, ruta: string, s: { id: string }, csrf?: string) {
  return llamar(metodo, ruta, { headers: { cookie: `__Host-prep_sesion=${s.id}`, ...(csrf === undefined ? {} : { 'x-csrf-token': csrf }) } });
}
