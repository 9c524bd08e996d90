import { env, exports } from 'cloudflare:workers';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { crearOperador, ejecutorD1, emitirToken } from '../../db/administracion.ts';
import { cargarFixture, leerJson, registrarEnLog, reiniciar } from '../../../test/cortes/prueba.ts';
import { fixtureActas } from '../../../test/ejemplos/eleccion.ts';
import { ACCION_SIN_CAMBIOS } from './auditoria.ts';

const BASE = 'http://prep.test';
const tokens: Record<string, string> = {};

function llamar(metodo: string, ruta: string, token?: string, body?: unknown): Promise<Response> {
  const headers: Record<string, string> = token ? { authorization: `Bearer ${token}` } : {};
  if (body !== undefined) headers['content-type'] = 'application/json';
  return exports.default.fetch(new Request(BASE + ruta, { method: metodo, headers, body: body === undefined ? undefined : JSON.stringify(body) }));
}

/** Admin 1 requests the final corte, admin 2 confirms it; the published corte. */
async function finalConfirmado(extra: Record<string, unknown> = {}): Promise<Record<string, unknown>> {
  const pedido = await llamar('POST', '/api/v1/cortes', tokens.instituto, { final: true, ...extra });
  expect(pedido.status).toBe(202);
  const { id } = (await pedido.json()) as { id: string };
  const r = await llamar('POST', `/api/v1/cortes/solicitudes/${id}/confirmar`, tokens.instituto2);
  expect(r.status).toBe(200);
  return ((await r.json()) as { aplicada: Record<string, unknown> }).aplicada;
}

const codigo = async (r: Response) => ((await r.json()) as { error: { code: string } }).error.code;

beforeAll(async () => {
  await reiniciar();
  await cargarFixture();
  const ej = ejecutorD1(env.DB);
  const ahora = Date.now();
  for (const o of [
    { id: 'instituto', ambito: 'INSTITUTO' as const, catd: null, roles: ['admin' as const] },
    { id: 'instituto2', ambito: 'INSTITUTO' as const, catd: null, roles: ['admin' as const] },
    { id: 'cotaprep', ambito: 'INSTITUTO' as const, catd: null, roles: ['observador' as const] },
    { id: 'capturista', ambito: 'CCV' as const, catd: null, roles: ['captura' as const] },
  ]) {
    await crearOperador(ej, { ...o, nombre: o.id, casillas: [] }, ahora);
    tokens[o.id] = (await emitirToken(ej, { operador: o.id, vigenciaMs: 3_600_000, limitePorMinuto: 1000 }, ahora)).token;
  }
});

beforeEach(async () => {
  await env.DB.batch([env.DB.prepare('DELETE FROM corte'), env.DB.prepare('DELETE FROM acta_publicacion'), env.DB.prepare('DELETE FROM corte_solicitud')]);
  const lista = await env.BUCKET.list();
  if (lista.objects.length > 0) await env.BUCKET.delete(lista.objects.map((o) => o.key));
});

describe('POST /api/v1/cortes (a corte now)', () => {
  it('needs a token of an operator with role admin', async () => {
    expect((await llamar('POST', '/api/v1/cortes', undefined, {})).status).toBe(401);
    const r = await llamar('POST', '/api/v1/cortes', tokens.capturista, {});
    expect(r.status).toBe(403);
    expect(await codigo(r)).toBe('ROL_NO_AUTORIZADO');
  });

  it('publishes a corte, then answers that nothing changed, then publishes the final corte and closes', async () => {
    await registrarEnLog(fixtureActas.map((f) => f.acta));
    const a = await llamar('POST', '/api/v1/cortes', tokens.instituto, {});
    expect(a.status).toBe(201);
    expect(await a.json()).toMatchObject({ resultado: 'publicado', numero: 1, final: false, estadisticas: { modo: expect.any(String), shardsEscritos: expect.any(Number) } });
    const b = await llamar('POST', '/api/v1/cortes', tokens.instituto, {});
    expect(b.status).toBe(200);
    expect(await b.json()).toEqual({ resultado: 'sin_cambios', numero: 1, secuencia: fixtureActas.length });
    const c = await finalConfirmado();
    expect(c).toMatchObject({ numero: 2, final: true });
    const d = await llamar('POST', '/api/v1/cortes', tokens.instituto, {});
    expect(d.status).toBe(409);
    expect(await codigo(d)).toBe('PUBLICACION_CERRADA');
  });

  it('stamps the corte at the instant asked for (a replay of a past night), never before the last corte', async () => {
    await registrarEnLog(fixtureActas.slice(0, 4).map((f) => f.acta));
    const a = await llamar('POST', '/api/v1/cortes', tokens.instituto, { instante: '2024-06-02T23:00:00-06:00' });
    expect(a.status).toBe(201);
    const puntero = await leerJson<{ instante: number; corte: string; abiertos: { nombre: string } }>('datos/latest.json');
    expect(puntero).toMatchObject({ instante: Date.parse('2024-06-03T05:00:00Z'), corte: '02/06/2024 23:00 (UTC-6)', abiertos: { nombre: 'SIMULACRO_20240602_2300_PREP.zip' } });
    await registrarEnLog(fixtureActas.slice(4, 5).map((f) => f.acta));
    const antes = await llamar('POST', '/api/v1/cortes', tokens.instituto, { instante: '2024-06-02T22:59:00-06:00' });
    expect(antes.status).toBe(409);
    expect(await codigo(antes)).toBe('INSTANTE_ANTERIOR');
    expect((await llamar('POST', '/api/v1/cortes', tokens.instituto, { instante: '2 de junio' })).status).toBe(400);
    expect(await finalConfirmado({ instante: '2024-06-02T23:05:00-06:00' })).toMatchObject({ final: true });
    expect(await leerJson<{ instante: number }>('datos/latest.json')).toMatchObject({ instante: Date.parse('2024-06-03T05:05:00Z') });
  });

  it('answers 409 while another corte holds the lease', async () => {
    await env.DB.prepare('UPDATE corte_lease SET titular = ?, vence = ? WHERE id = 1').bind('otro', Date.now() + 60_000).run();
    const r = await llamar('POST', '/api/v1/cortes', tokens.instituto, {});
    expect(r.status).toBe(409);
    expect(await codigo(r)).toBe('CORTE_EN_CURSO');
    await env.DB.prepare('UPDATE corte_lease SET titular = NULL, vence = 0 WHERE id = 1').run();
  });
});

describe('/api/v1/cortes/configuracion', () => {
  it('reads and changes the window and cadence; refuses a cadence slower than 20 minutes', async () => {
    const antes = await llamar('GET', '/api/v1/cortes/configuracion', tokens.instituto);
    expect(await antes.json()).toEqual({ jornada: null, inicioMinutos: 1200, duracionMinutos: 1440, cadenciaMinutos: 5 });
    const config = { jornada: '2024-06-02', inicioMinutos: 1140, duracionMinutos: 1440, cadenciaMinutos: 10 };
    expect((await llamar('PUT', '/api/v1/cortes/configuracion', tokens.instituto, { ...config, cadenciaMinutos: 21 })).status).toBe(400);
    const pedido = await llamar('PUT', '/api/v1/cortes/configuracion', tokens.instituto, config);
    expect(pedido.status).toBe(202);
    const { id } = (await pedido.json()) as { id: string };
    expect(await (await llamar('GET', '/api/v1/cortes/configuracion', tokens.instituto)).json()).toMatchObject({ cadenciaMinutos: 5 });
    expect((await llamar('POST', `/api/v1/cortes/solicitudes/${id}/confirmar`, tokens.instituto2)).status).toBe(200);
    expect(await (await llamar('GET', '/api/v1/cortes/configuracion', tokens.instituto)).json()).toEqual(config);
    expect((await llamar('PUT', '/api/v1/cortes/configuracion', tokens.capturista, config)).status).toBe(403);
  });
});

/** The audit entries of the cortes' administration, oldest first. */
async function bitacoraCortes(): Promise<{ operador: string; accion: string; detalle: Record<string, unknown> }[]> {
  const { results } = await env.DB.prepare("SELECT operador, accion, detalle FROM bitacora WHERE accion LIKE 'CORTE%' ORDER BY id").all<{ operador: string; accion: string; detalle: string }>();
  return results.map((r) => ({ ...r, detalle: JSON.parse(r.detalle) as Record<string, unknown> }));
}

describe('separation of duties: the final corte and the window need a second administrator', () => {
  async function pedirFinal(): Promise<string> {
    const r = await llamar('POST', '/api/v1/cortes', tokens.instituto, { final: true });
    expect(r.status).toBe(202);
    const s = (await r.json()) as { id: string; estado: string; solicitante: string; venceAt: number; creadaAt: number; descripcion: string };
    expect(s).toMatchObject({ estado: 'PENDIENTE', solicitante: 'instituto', descripcion: expect.stringMatching(/corte final/) });
    expect(s.venceAt - s.creadaAt).toBe(15 * 60_000);
    return s.id;
  }

  it('publishes nothing on the request; refuses the requester (403); publishes once when another admin confirms, twice gives the same answer', async () => {
    await registrarEnLog(fixtureActas.map((f) => f.acta));
    const id = await pedirFinal();
    expect(await env.DB.prepare('SELECT count(*) AS n FROM corte').first('n')).toBe(0);
    const lista = await llamar('GET', '/api/v1/cortes/solicitudes', tokens.cotaprep);
    expect(((await lista.json()) as { solicitudes: { id: string }[] }).solicitudes.map((s) => s.id)).toEqual([id]);
    const propio = await llamar('POST', `/api/v1/cortes/solicitudes/${id}/confirmar`, tokens.instituto);
    expect(propio.status).toBe(403);
    expect(await codigo(propio)).toBe('MISMO_ADMINISTRADOR');
    expect((await llamar('POST', `/api/v1/cortes/solicitudes/${id}/confirmar`, tokens.cotaprep)).status).toBe(403);
    const [a, b] = await Promise.all([1, 2].map(() => llamar('POST', `/api/v1/cortes/solicitudes/${id}/confirmar`, tokens.instituto2)));
    const estados = [a!.status, b!.status].sort();
    // Two confirmations at once: one applies, the other gets the same answer or is told it is being applied.
    expect(estados[0]).toBe(200);
    const otra = await llamar('POST', `/api/v1/cortes/solicitudes/${id}/confirmar`, tokens.instituto2);
    expect(otra.status).toBe(200);
    const cuerpo = (await otra.json()) as { solicitud: { estado: string; resolvio: string }; aplicada: { numero: number; final: boolean } };
    expect(cuerpo).toMatchObject({ solicitud: { estado: 'APLICADA', resolvio: 'instituto2' }, aplicada: { numero: 1, final: true } });
    expect(await env.DB.prepare('SELECT count(*) AS n FROM corte WHERE final = 1').first('n')).toBe(1);
    expect(await leerJson<{ final: boolean }>('datos/latest.json')).toMatchObject({ final: true });
    const entradas = (await bitacoraCortes()).filter((e) => e.detalle.solicitud === id);
    expect(entradas.map((e) => [e.accion, e.operador])).toEqual([
      ['CORTES_SOLICITUD_CREADA', 'instituto'],
      ['CORTE_FINAL_PUBLICADO', 'instituto2'],
    ]);
    expect(entradas[1]!.detalle).toMatchObject({ solicitante: 'instituto', confirmo: 'instituto2', numero: 1 });
    // The corte itself records both administrators (the console lists them beside it).
    const listado = (await (await llamar('GET', '/api/v1/cortes', tokens.cotaprep)).json()) as { cortes: Record<string, unknown>[] };
    expect(listado.cortes).toMatchObject([{ numero: 1, final: true, solicitadoPor: 'instituto', confirmadoPor: 'instituto2' }]);
    expect(((await (await llamar('GET', '/api/v1/cortes/solicitudes', tokens.instituto)).json()) as { solicitudes: unknown[] }).solicitudes).toEqual([]);
  });

  it('refuses an expired request (409) and lets either administrator cancel a pending one', async () => {
    const id = await pedirFinal();
    await env.DB.prepare('UPDATE corte_solicitud SET vence_at = ? WHERE id = ?').bind(Date.now() - 1, id).run();
    const vencida = await llamar('POST', `/api/v1/cortes/solicitudes/${id}/confirmar`, tokens.instituto2);
    expect(vencida.status).toBe(409);
    expect(await codigo(vencida)).toBe('SOLICITUD_VENCIDA');
    expect((await llamar('POST', `/api/v1/cortes/solicitudes/${id}/cancelar`, tokens.instituto)).status).toBe(200);
    const otra = await pedirFinal();
    const c = await llamar('POST', `/api/v1/cortes/solicitudes/${otra}/cancelar`, tokens.instituto2);
    expect(await c.json()).toMatchObject({ estado: 'CANCELADA', resolvio: 'instituto2' });
    const tarde = await llamar('POST', `/api/v1/cortes/solicitudes/${otra}/confirmar`, tokens.instituto2);
    expect(await codigo(tarde)).toBe('SOLICITUD_CANCELADA');
    expect(await env.DB.prepare('SELECT count(*) AS n FROM corte').first('n')).toBe(0);
    expect((await llamar('POST', `/api/v1/cortes/solicitudes/${crypto.randomUUID()}/confirmar`, tokens.instituto2)).status).toBe(404);
  });

  it('audits the window change with both administrators, and the corte published by hand with its operator', async () => {
    const config = { jornada: '2024-06-02', inicioMinutos: 1180, duracionMinutos: 600, cadenciaMinutos: 3 };
    const { id } = (await (await llamar('PUT', '/api/v1/cortes/configuracion', tokens.instituto2, config)).json()) as { id: string };
    expect((await llamar('POST', `/api/v1/cortes/solicitudes/${id}/confirmar`, tokens.instituto2)).status).toBe(403);
    const r = await llamar('POST', `/api/v1/cortes/solicitudes/${id}/confirmar`, tokens.instituto);
    expect(await r.json()).toMatchObject({ aplicada: { resultado: 'configurada', configuracion: config } });
    await registrarEnLog(fixtureActas.slice(0, 3).map((f) => f.acta));
    expect((await llamar('POST', '/api/v1/cortes', tokens.instituto, {})).status).toBe(201);
    const entradas = await bitacoraCortes();
    expect(entradas.find((e) => e.detalle.solicitud === id && e.accion === 'CORTES_CONFIGURACION_CAMBIADA')).toMatchObject({
      operador: 'instituto',
      detalle: { solicitante: 'instituto2', confirmo: 'instituto', configuracion: config },
    });
    expect(entradas.at(-1)).toMatchObject({ operador: 'instituto', accion: 'CORTE_PUBLICADO_A_MANO', detalle: { numero: 1 } });
  });
});

describe('GET /api/v1/cortes (the console: every corte and the publication latency)', () => {
  it('lists every corte with what it cost and the latency from verification to the corte, for admin and observador', async () => {
    const actas = fixtureActas.map((f) => f.acta);
    await registrarEnLog(actas.slice(0, 4));
    expect((await llamar('POST', '/api/v1/cortes', tokens.instituto, {})).status).toBe(201);
    await registrarEnLog(actas.slice(4));
    expect((await llamar('POST', '/api/v1/cortes', tokens.instituto, {})).status).toBe(201);
    expect((await llamar('GET', '/api/v1/cortes', tokens.capturista)).status).toBe(403);
    const r = await llamar('GET', '/api/v1/cortes', tokens.cotaprep);
    expect(r.status).toBe(200);
    const lista = (await r.json()) as { cortes: Record<string, number | string | null>[]; latencia: { actas: number; pendientes: number; p50Ms: number; p95Ms: number } };
    const filas = await env.DB.prepare('SELECT numero, secuencia, shards_escritos, bytes_escritos, problemas, publicado_at FROM corte ORDER BY numero').all<Record<string, number>>();
    expect(lista.cortes.map((x) => [x.numero, x.secuencia, x.shardsEscritos, x.bytesEscritos, x.problemas])).toEqual(
      filas.results.map((f) => [f.numero, f.secuencia, f.shards_escritos, f.bytes_escritos, f.problemas]),
    );
    // Asked for by hand: each corte names its operator; none names a confirmer (only the final corte needs one).
    expect(lista.cortes.map((x) => [x.solicitadoPor, x.confirmadoPor])).toEqual([['instituto', null], ['instituto', null]]);
    // Independent count: distinct claves logged up to each corte's sequence.
    for (const x of lista.cortes) {
      expect(x.actas).toBe(await env.DB.prepare('SELECT count(DISTINCT clave) AS n FROM acta_publicacion WHERE seq <= ?').bind(x.secuencia).first('n'));
    }
    const verificadas = actas.filter((a) => a.verificacionAt !== null);
    expect(lista.latencia.actas + lista.latencia.pendientes).toBe(new Set(verificadas.map((a) => a.clave)).size);
    expect(lista.latencia.pendientes).toBe(0);
    // The slowest acta waited at most until the last corte was recorded since its verification.
    const ultimo = filas.results.at(-1)!.publicado_at as number;
    expect(lista.latencia.p95Ms).toBeLessThanOrEqual(ultimo - Math.min(...verificadas.map((a) => a.verificacionAt!)));
    expect(lista.latencia.p50Ms).toBeLessThanOrEqual(lista.latencia.p95Ms);
  });
});

describe('every administrative action is audited with its operator (issue 14, defect 4)', () => {
  /** The audit entries written since `desde`, as [accion, operador, detalle]. */
  async function desde(id: number): Promise<[string, string, Record<string, unknown>][]> {
    const { results } = await env.DB.prepare('SELECT operador, accion, detalle FROM bitacora WHERE id > ? ORDER BY id').bind(id).all<{ operador: string; accion: string; detalle: string }>();
    return results.map((r) => [r.accion, r.operador, JSON.parse(r.detalle) as Record<string, unknown>]);
  }
  const punta = async () => Number(await env.DB.prepare('SELECT coalesce(max(id), 0) AS n FROM bitacora').first('n'));
  const hecho = async (r: Promise<Response>, status: number) => {
    const x = await r;
    expect(x.status, await x.clone().text()).toBe(status);
    return x.json() as Promise<Record<string, unknown>>;
  };

  it('window change, corte by hand (published and with nothing new), final corte, notice, operator, secret and revocation', async () => {
    const inicio = await punta();
    const config = { jornada: '2024-06-02', inicioMinutos: 1200, duracionMinutos: 1440, cadenciaMinutos: 5 };
    const { id: cambio } = await hecho(llamar('PUT', '/api/v1/cortes/configuracion', tokens.instituto, config), 202);
    await hecho(llamar('POST', `/api/v1/cortes/solicitudes/${cambio}/confirmar`, tokens.instituto2), 200);
    await registrarEnLog(fixtureActas.slice(0, 2).map((f) => f.acta));
    const corte = await hecho(llamar('POST', '/api/v1/cortes', tokens.instituto, {}), 201);
    await hecho(llamar('POST', '/api/v1/cortes', tokens.instituto2, {}), 200);
    const final = await finalConfirmado();
    await hecho(llamar('PUT', '/api/v1/aviso', tokens.instituto, { texto: 'Aviso de prueba.', nivel: 'informativo' }), 200);
    await hecho(llamar('DELETE', '/api/v1/aviso', tokens.instituto2), 200);
    await hecho(llamar('POST', '/api/v1/operadores', tokens.instituto, { id: 'nueva', nombre: 'Nueva', ambito: 'CCV', catd: null, roles: ['captura'], casillas: [] }), 201);
    const { id: token } = await hecho(llamar('POST', '/api/v1/operadores/nueva/tokens', tokens.instituto2, {}), 201);
    await hecho(llamar('DELETE', `/api/v1/operadores/nueva/tokens/${token}`, tokens.instituto), 200);

    const entradas = await desde(inicio);
    expect(entradas.map(([accion, operador]) => [accion, operador])).toEqual([
      ['CORTES_SOLICITUD_CREADA', 'instituto'],
      ['CORTES_CONFIGURACION_CAMBIADA', 'instituto2'],
      ['CORTE_PUBLICADO_A_MANO', 'instituto'],
      [ACCION_SIN_CAMBIOS, 'instituto2'],
      ['CORTES_SOLICITUD_CREADA', 'instituto'],
      ['CORTE_FINAL_PUBLICADO', 'instituto2'],
      ['AVISO_PUBLICADO', 'instituto'],
      ['AVISO_RETIRADO', 'instituto2'],
      ['OPERADOR_CREADO', 'instituto'],
      ['TOKEN_EMITIDO', 'instituto2'],
      ['TOKEN_REVOCADO', 'instituto'],
    ]);
    // The corte asked for by hand names its operator and the corte; the final one both administrators.
    expect(entradas[2]![2]).toMatchObject({ numero: corte.numero, manifiesto: corte.manifiesto, instantePedido: null });
    expect(entradas[3]![2]).toMatchObject({ ultimoCorte: corte.numero });
    expect(entradas[5]![2]).toMatchObject({ solicitante: 'instituto', confirmo: 'instituto2', numero: final.numero });
  });
});
