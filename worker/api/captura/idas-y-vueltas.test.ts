/**
 * Issue 16: a capture costs two D1 round trips (the credential, its rate-limit count and the acta's snapshot in one
 * batch; then the write batch), and what the isolate remembers of a credential never outlives a revocation.
 * The Worker's app is called with its D1 binding counted, so a test fails if someone adds a round trip.
 */
import { createExecutionContext, waitOnExecutionContext } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import { beforeAll, describe, expect, it } from 'vitest';
import { BASE, HORA, capturaPara, direccionNueva, jpeg, llamar, ok, type Tokens, prepararEscenario } from '../../../test/captura/ayuda.ts';
import { ejecutorD1, emitirToken, revocar } from '../../db/administracion.ts';
import { verificarBitacora } from '../../db/bitacora.ts';
import { reasignarCatd } from '../../db/reasignacion.ts';
import { sha256Hex } from '../../domain/bitacora/cadena.ts';
import { idDeToken } from '../../domain/captura/token.ts';
import { crearApp } from '../app.ts';
import { actaRecordada, recordarActa } from '../flujo/actas-recordadas.ts';
import { secretoConocido } from '../middleware/autenticacion/recordadas.ts';

/** Every call that reaches D1: a batch (with its number of statements) or a single statement. */
interface Ida {
  tipo: 'batch' | 'first' | 'all' | 'run' | 'raw' | 'exec';
  sentencias: number;
}

/** The binding, wrapped: each round trip is recorded in `idas`, then made by the real binding. */
function d1Contada(real: D1Database): { db: D1Database; idas: Ida[] } {
  const idas: Ida[] = [];
  const reales = new WeakMap<object, D1PreparedStatement>();
  const envolver = (s: D1PreparedStatement): D1PreparedStatement => {
    const ida = <T>(tipo: Ida['tipo'], f: () => T): T => {
      idas.push({ tipo, sentencias: 1 });
      return f();
    };
    const w = {
      bind: (...v: unknown[]) => envolver(s.bind(...v)),
      first: (columna?: string) => ida('first', () => (columna === undefined ? s.first() : s.first(columna))),
      all: () => ida('all', () => s.all()),
      run: () => ida('run', () => s.run()),
      raw: (o?: { columnNames?: false }) => ida('raw', () => s.raw(o)),
    };
    reales.set(w, s);
    return w as unknown as D1PreparedStatement;
  };
  const db = {
    prepare: (sql: string) => envolver(real.prepare(sql)),
    batch: (ss: D1PreparedStatement[]) => {
      idas.push({ tipo: 'batch', sentencias: ss.length });
      return real.batch(ss.map((s) => reales.get(s) ?? s));
    },
    exec: (sql: string) => {
      idas.push({ tipo: 'exec', sentencias: 1 });
      return real.exec(sql);
    },
  };
  return { db: db as unknown as D1Database, idas };
}

const app = crearApp();
const contada = d1Contada(env.DB);

/** A request to the app with the counted binding; answers the response and the round trips it made. */
async function pedir(metodo: string, ruta: string, o: { token?: string; body?: string; raw?: Uint8Array; headers?: Record<string, string> }) {
  const headers: Record<string, string> = { 'cf-connecting-ip': direccionNueva(), ...(o.token ? { authorization: `Bearer ${o.token}` } : {}), ...o.headers };
  if (o.body !== undefined) headers['content-type'] ??= 'application/json';
  const desde = contada.idas.length;
  const ctx = createExecutionContext();
  const res = await app.fetch(new Request(BASE + ruta, { method: metodo, headers, body: (o.body ?? o.raw) as BodyInit | undefined }), { ...env, DB: contada.db }, ctx);
  const texto = await res.text();
  await waitOnExecutionContext(ctx);
  return { res, texto, idas: contada.idas.slice(desde) };
}

const capturar = (clave: string, token: string, body: unknown, headers: Record<string, string> = {}) =>
  pedir('POST', `/api/v1/actas/${clave}/capturas`, { token, body: JSON.stringify(body), headers });

const recordado = async (token: string) => secretoConocido(idDeToken(token)!, await sha256Hex(token));

let t: Tokens;
beforeAll(async () => {
  t = await prepararEscenario();
  for (const clave of ['140338B01004', '140338C01004', '140339B01004', '140338C02004']) {
    await ok(llamar('POST', '/api/v1/acopio', { token: t['d01-acopio'], body: { clave } }), 201);
  }
});

describe('round trips of a write', () => {
  it('a capture is two: credential + rate count + snapshot in one batch, then the write; one when the isolate remembers the credential and the acta', async () => {
    for (const clave of ['140338B01004', '140338C01004']) {
      const img = await pedir('POST', `/api/v1/actas/${clave}/imagen?origen=CATD&digitalizacion=ESCANER&tipoDocumento=ACTA_PREP`, {
        token: t['d01-dig'],
        raw: jpeg(clave),
        headers: { 'content-type': 'image/jpeg' },
      });
      expect(img.res.status, img.texto).toBe(200);
      expect(img.idas.map((i) => i.tipo)).toEqual(['batch', 'batch']);
    }
    expect(await recordado(t['d01-cap1']!)).toBe(false);
    const primera = await capturar('140338B01004', t['d01-cap1']!, capturaPara('GUB', 0, 1), { 'idempotency-key': 'ida-1' });
    expect(primera.res.status, primera.texto).toBe(200);
    // First sight of this token in the isolate: the wrong-secret counters ride along (they do nothing for the right one).
    // The write: guard, acta, capture, stored answer, audit entry — the sequence and who was active ride on the audit
    // entry's trigger (data/migrations/0013_escritura_disparadores.sql), the console's counters
    // ride on the acta's triggers (data/migrations/0012_consola_disparadores.sql), a first capture has no event.
    expect(primera.idas).toEqual([{ tipo: 'batch', sentencias: 4 }, { tipo: 'batch', sentencias: 5 }]);
    expect(await recordado(t['d01-cap1']!)).toBe(true);
    // This isolate wrote the acta's image and remembers the credential: one batch, the request's rate-limit count
    // ahead of the same five, their guard also checking the credential, the count and the window's configuration.
    const segunda = await capturar('140338C01004', t['d01-cap1']!, capturaPara('GUB', 0, 1), { 'idempotency-key': 'ida-2' });
    expect(segunda.res.status, segunda.texto).toBe(200);
    expect(segunda.idas).toEqual([{ tipo: 'batch', sentencias: 6 }]);
    const tasa = await env.DB.prepare('SELECT sum(n) AS n FROM tasa WHERE token = ?').bind(idDeToken(t['d01-cap1']!)).first<{ n: number }>();
    expect(tasa!.n).toBe(2);
    // What the audit entry's trigger keeps: the change sequence at the newest entry's, the operator seen active.
    const traza = await env.DB.prepare(
      "SELECT (SELECT valor FROM secuencia) AS valor, (SELECT max(seq) FROM bitacora) AS seq, (SELECT catd FROM consola_actividad WHERE operador = 'd01-cap1') AS catd",
    ).first<{ valor: number; seq: number; catd: string }>();
    expect([traza!.valor, traza!.catd]).toEqual([traza!.seq, 'CATD-D01']);
  });

  it('an idempotent retry gets the first answer byte for byte, in the one round trip that authenticates it', async () => {
    const body = capturaPara('GUB', 0, 1);
    const primera = await capturar('140338B01004', t['d01-cap2']!, body, { 'idempotency-key': 'ida-3' });
    expect(primera.res.status, primera.texto).toBe(200);
    // The second capture completes a round: its events (RONDA) are one more statement whatever their number, and the
    // verified acta is published (one more).
    expect(primera.idas.at(-1)).toEqual({ tipo: 'batch', sentencias: 7 });
    const otra = await capturar('140338B01004', t['d01-cap2']!, body, { 'idempotency-key': 'ida-3' });
    expect(otra.res.status).toBe(200);
    expect(otra.res.headers.get('idempotent-replayed')).toBe('true');
    expect(otra.texto).toBe(primera.texto);
    expect(otra.idas).toEqual([{ tipo: 'batch', sentencias: 2 }]);
    const filas = await env.DB.prepare("SELECT count(*) AS n FROM captura WHERE acta = '140338B01004'").first<{ n: number }>();
    expect(filas!.n).toBe(2);
    // Same key, another payload: still refused, nothing written.
    const reusada = await capturar('140338B01004', t['d01-cap2']!, capturaPara('GUB', 0, 2), { 'idempotency-key': 'ida-3' });
    expect([reusada.res.status, JSON.parse(reusada.texto).error.code]).toEqual([409, 'IDEMPOTENCY_KEY_REUTILIZADA']);
  });

  it('a retry without a key that the workflow refuses as a conflict still gets the stored answer (read again by fingerprint)', async () => {
    const body = capturaPara('GUB', 0, 1);
    const primera = await capturar('140338C01004', t['d01-cap2']!, body);
    expect(primera.res.status, primera.texto).toBe(200);
    const otra = await capturar('140338C01004', t['d01-cap2']!, body);
    expect(otra.res.status, otra.texto).toBe(200);
    expect(otra.res.headers.get('idempotent-replayed')).toBe('true');
    expect(otra.texto).toBe(primera.texto);
  });
});

describe('a screen session', () => {
  it('captures in the same two round trips, and its retry gets its own stored answer in one', async () => {
    await ok(llamar('POST', '/api/v1/actas/140339B01004/imagen?origen=CATD&digitalizacion=ESCANER&tipoDocumento=ACTA_PREP', { token: t['d01-dig'], raw: jpeg('140339B01004'), headers: { 'content-type': 'image/jpeg' } }));
    const ingreso = await llamar('POST', '/api/v1/sesion', { body: { operador: 'd01-cap3', clave: t['d01-cap3'] } });
    const { csrf } = await ok<{ csrf: string }>(ingreso);
    const id = /__Host-prep_sesion=([^;]+)/.exec(ingreso.headers.get('set-cookie') ?? '')?.[1];
    const headers = { cookie: `__Host-prep_sesion=${id}`, 'x-csrf-token': csrf, 'idempotency-key': 'ida-sesion' };
    const enviar = () => pedir('POST', '/api/v1/actas/140339B01004/capturas', { body: JSON.stringify(capturaPara('GUB', 0, 1)), headers });
    const primera = await enviar();
    expect(primera.res.status, primera.texto).toBe(200);
    expect(primera.idas.map((i) => i.tipo)).toEqual(['batch', 'batch']);
    const otra = await enviar();
    expect([otra.res.status, otra.res.headers.get('idempotent-replayed'), otra.texto]).toEqual([200, 'true', primera.texto]);
    expect(otra.idas.map((i) => i.tipo)).toEqual(['batch']);
  });
});

describe('verification and cotejo on what the isolate remembers', () => {
  const paso = (clave: string, ruta: string, token: string, body: unknown, headers: Record<string, string> = {}) =>
    pedir('POST', `/api/v1/actas/${clave}/${ruta}`, { token, body: JSON.stringify(body), headers });
  /** The isolate's memory of an acta just before its cotejo (for the next test). */
  let antesDelCotejo: ReturnType<typeof actaRecordada>;

  /** Received, digitized and captured twice with different figures here: the acta waits for verification. */
  async function enVerificacion(clave: string) {
    await ok(llamar('POST', '/api/v1/acopio', { token: t['d01-acopio'], body: { clave } }), 201);
    const img = await pedir('POST', `/api/v1/actas/${clave}/imagen?origen=CATD&digitalizacion=ESCANER&tipoDocumento=ACTA_PREP`, { token: t['d01-dig'], raw: jpeg(clave), headers: { 'content-type': 'image/jpeg' } });
    expect(img.res.status, img.texto).toBe(200);
    for (const [op, v] of [['d01-cap1', 1], ['d01-cap2', 2]] as const) expect((await capturar(clave, t[op]!, capturaPara('DIP_LOC', 1, v))).res.status).toBe(200);
  }

  it('a verifier and a supervisor whose credentials the isolate remembers resolve and accept an acta in one round trip each', async () => {
    await enVerificacion('141120E01005');
    await enVerificacion('141120E01015');
    const resolver = (clave: string) => paso(clave, 'verificacion', t['d01-ver']!, { resolucion: 'CAPTURA', captura: capturaPara('DIP_LOC', 1, 1) });
    const primera = await resolver('141120E01005');
    expect(primera.res.status, primera.texto).toBe(200);
    // First sight of the verifier's token: the credential's round trip, then the write.
    expect(primera.idas.map((i) => i.tipo)).toEqual(['batch', 'batch']);
    const segunda = await resolver('141120E01015');
    expect(segunda.res.status, segunda.texto).toBe(200);
    expect(segunda.idas.map((i) => i.tipo)).toEqual(['batch']);
    const aceptar = (clave: string) => paso(clave, 'cotejo', t['d01-sup']!, { accion: 'ACEPTAR' });
    expect((await aceptar('141120E01005')).idas.map((i) => i.tipo)).toEqual(['batch', 'batch']);
    antesDelCotejo = actaRecordada('141120E01015');
    expect(antesDelCotejo?.acta.estado.cotejada).toBe(0);
    const cotejo = await aceptar('141120E01015');
    expect(cotejo.res.status, cotejo.texto).toBe(200);
    expect(cotejo.idas.map((i) => i.tipo)).toEqual(['batch']);
    const estados = await env.DB.prepare("SELECT clave, etapa, cotejada FROM acta WHERE clave IN ('141120E01005', '141120E01015') ORDER BY clave").all();
    expect(estados.results).toEqual([
      { clave: '141120E01005', etapa: 'VERIFICADA', cotejada: 1 },
      { clave: '141120E01015', etapa: 'VERIFICADA', cotejada: 1 },
    ]);
    expect((await verificarBitacora(env.DB)).ok).toBe(true);
  });

  it('a cotejo decided on a stale memory of the acta writes nothing, and is decided again on what D1 says', async () => {
    // As an isolate that did not see the cotejo above: it still remembers the acta not yet cotejada.
    recordarActa(antesDelCotejo!);
    const otra = await paso('141120E01015', 'cotejo', t['d01-sup']!, { accion: 'ACEPTAR' }, { 'idempotency-key': 'cotejo-otra-vez' });
    // Sent on memory and lost on the acta's version; then the usual read, where D1 refuses it as already cotejada
    // and the same operator's same request gets its stored answer (read by fingerprint), not a second cotejo.
    expect(otra.idas).toEqual([{ tipo: 'batch', sentencias: 7 }, { tipo: 'batch', sentencias: 2 }, { tipo: 'first', sentencias: 1 }]);
    expect([otra.res.status, otra.res.headers.get('idempotent-replayed')]).toEqual([200, 'true']);
    const n = await env.DB.prepare("SELECT count(*) AS n FROM bitacora WHERE acta = '141120E01015' AND accion = 'COTEJO'").first<{ n: number }>();
    expect(n!.n).toBe(1);
    expect((await verificarBitacora(env.DB)).ok).toBe(true);
  });
});

describe('what the isolate remembers', () => {
  it('a revoked token is refused on its very next request, though the isolate remembered it', async () => {
    const cola = await pedir('GET', '/api/v1/cola/digitalizacion', { token: t['d01-dig'] });
    expect(cola.res.status, cola.texto).toBe(200);
    expect(await recordado(t['d01-dig']!)).toBe(true);
    await revocar(ejecutorD1(env.DB), { token: idDeToken(t['d01-dig']!)! }, Date.now());
    const r = await pedir('POST', '/api/v1/actas/140338C02004/imagen?origen=CATD&digitalizacion=ESCANER&tipoDocumento=ACTA_PREP', {
      token: t['d01-dig'],
      raw: jpeg('140338C02004'),
      headers: { 'content-type': 'image/jpeg' },
    });
    expect(r.res.status, r.texto).toBe(401);
    expect(JSON.parse(r.texto).error.code).toBe('TOKEN_REVOCADO');
    const acta = await env.DB.prepare("SELECT etapa FROM acta WHERE clave = '140338C02004'").first<{ etapa: string }>();
    expect(acta!.etapa).toBe('DIGITALIZACION');
  });

  it('an operator moved to another CATD acts with its new scope on its next request', async () => {
    expect(await recordado(t['d01-cap1']!)).toBe(true);
    await reasignarCatd(ejecutorD1(env.DB), 'd01-cap1', 'CATD-D01', 'CATD-D02', Date.now());
    const r = await capturar('140339B01004', t['d01-cap1']!, capturaPara('GUB', 0, 1));
    expect(r.res.status, r.texto).toBe(403);
    await reasignarCatd(ejecutorD1(env.DB), 'd01-cap1', 'CATD-D02', 'CATD-D01', Date.now());
  });

  it('401 comes before any look at the body: no token, a wrong secret, a revoked token, each with a broken body', async () => {
    const roto = '{"votos": {"PAN": 1, "PAN": 2}, "totales": {}}';
    const sinToken = await pedir('POST', '/api/v1/actas/140338B01004/capturas', { body: roto });
    expect([sinToken.res.status, JSON.parse(sinToken.texto).error.code]).toEqual([401, 'TOKEN_AUSENTE']);
    const falso = `${t['d01-cap3']!.slice(0, -4)}AAAA`;
    const malo = await pedir('POST', '/api/v1/actas/140338B01004/capturas', { token: falso, body: roto });
    expect([malo.res.status, JSON.parse(malo.texto).error.code]).toEqual([401, 'TOKEN_INVALIDO']);
    const revocado = await pedir('POST', '/api/v1/actas/140338B01004/capturas', { token: t['d01-dig'], body: roto });
    expect([revocado.res.status, JSON.parse(revocado.texto).error.code]).toEqual([401, 'TOKEN_REVOCADO']);
    const noEsJson = await pedir('POST', '/api/v1/actas/140338B01004/capturas', { token: t['d01-dig'], body: 'x'.repeat(64), headers: { 'content-type': 'text/plain' } });
    expect(noEsJson.res.status).toBe(401);
    // With a good token the same body is a 400 naming the repeated key.
    const bueno = await pedir('POST', '/api/v1/actas/140338B01004/capturas', { token: t['d01-cap3'], body: roto });
    expect([bueno.res.status, JSON.parse(bueno.texto).error.code]).toEqual([400, 'CLAVE_DUPLICADA']);
  });
});

describe('one round trip on what the isolate remembers (flujo/sin-lectura.ts)', () => {
  const imagen = async (clave: string) => {
    const r = await pedir('POST', `/api/v1/actas/${clave}/imagen?origen=CATD&digitalizacion=ESCANER&tipoDocumento=ACTA_PREP`, {
      token: t['d01-dig2'],
      raw: jpeg(clave),
      headers: { 'content-type': 'image/jpeg' },
    });
    expect(r.res.status, r.texto).toBe(200);
  };
  const capturas = async (clave: string) =>
    (await env.DB.prepare('SELECT count(*) AS n FROM captura WHERE acta = ?').bind(clave).first<{ n: number }>())!.n;
  const DIP = (v: number) => capturaPara('DIP_LOC', 1, v);

  beforeAll(async () => {
    // d01-dig was revoked above: a second digitalizador of the same CATD, for the images these tests need.
    t['d01-dig2'] = (await emitirToken(ejecutorD1(env.DB), { operador: 'd01-dig', vigenciaMs: HORA, limitePorMinuto: 100_000 }, Date.now())).token;
    for (const clave of ['141120B01004', '141121B01004', '141121C01004', '140338B01005', '140338C01005', '140339B01005']) {
      await ok(llamar('POST', '/api/v1/acopio', { token: t['d01-acopio'], body: { clave } }), 201);
    }
  });

  it('a revoked token the isolate remembers: its capture sent on that memory writes nothing, and it is refused on that very request', async () => {
    await imagen('141120B01004');
    const primera = await capturar('141120B01004', t['ccv-cap1']!, capturaPara('GUB', 0, 1));
    expect(primera.res.status, primera.texto).toBe(200);
    await imagen('141121B01004');
    await revocar(ejecutorD1(env.DB), { token: idDeToken(t['ccv-cap1']!)! }, Date.now());
    const r = await capturar('141121B01004', t['ccv-cap1']!, capturaPara('GUB', 0, 1));
    expect([r.res.status, JSON.parse(r.texto).error.code]).toEqual([401, 'TOKEN_REVOCADO']);
    // The write was sent on the remembered credential; its guard saw the revocation and it wrote nothing; then the
    // credential's round trip answered the 401, which the audit log records (a read of its tip, the entry).
    expect(r.idas).toEqual([
      { tipo: 'batch', sentencias: 6 },
      { tipo: 'batch', sentencias: 2 },
      { tipo: 'first', sentencias: 1 },
      { tipo: 'batch', sentencias: 1 },
    ]);
    expect(await capturas('141121B01004')).toBe(0);
  });

  it('an acta another isolate changed meanwhile is not overwritten: decided again on what it is now', async () => {
    await imagen('141121C01004');
    expect((await capturar('141121C01004', t['ccv-cap2']!, capturaPara('GUB', 0, 1))).res.status).toBe(200);
    await imagen('140338B01005');
    expect((await capturar('140338B01005', t['d01-cap1']!, DIP(1))).res.status).toBe(200);
    const vieja = actaRecordada('140338B01005');
    expect(vieja?.capturas).toHaveLength(1);
    expect((await capturar('140338B01005', t['d01-cap2']!, DIP(1))).res.status).toBe(200);
    // As an isolate that did not see that second capture: it still remembers one capture, the acta in CAPTURA.
    recordarActa(vieja!);
    const r = await capturar('140338B01005', t['ccv-cap2']!, DIP(2));
    expect([r.res.status, JSON.parse(r.texto).error.code]).toEqual([409, 'ACTA_YA_VERIFICADA']);
    // Sent on memory (a second, different capture: its round's events are one more statement), lost on the
    // acta's version; then the credential's round trip and the reads of the usual path.
    expect(r.idas.slice(0, 2)).toEqual([{ tipo: 'batch', sentencias: 7 }, { tipo: 'batch', sentencias: 2 }]);
    expect(await capturas('140338B01005')).toBe(2);
    const acta = await env.DB.prepare("SELECT etapa FROM acta WHERE clave = '140338B01005'").first<{ etapa: string }>();
    expect(acta!.etapa).toBe('VERIFICADA');
    expect(await verificarBitacora(env.DB)).toMatchObject({ ok: true });
  });

  it('a body refused before the write, from a remembered token revoked meanwhile, is answered 401', async () => {
    await revocar(ejecutorD1(env.DB), { token: idDeToken(t['ccv-cap2']!)! }, Date.now());
    const roto = await pedir('POST', '/api/v1/actas/140338C01005/capturas', { token: t['ccv-cap2'], body: '{"votos": {"PAN": 1, "PAN": 2}}' });
    expect([roto.res.status, JSON.parse(roto.texto).error.code]).toEqual([401, 'TOKEN_REVOCADO']);
    // The body was refused without a round trip, then the credential's round trip, then the 401's audit entry.
    expect(roto.idas).toEqual([{ tipo: 'batch', sentencias: 2 }, { tipo: 'first', sentencias: 1 }, { tipo: 'batch', sentencias: 1 }]);
  });

  it("the token's rate limit holds for a write sent on memory: past it, 429 and nothing written", async () => {
    // Not at a minute's end: both requests must count in the same minute.
    if (60_000 - (Date.now() % 60_000) < 5_000) await new Promise((r) => setTimeout(r, 6_000));
    const uno = (await emitirToken(ejecutorD1(env.DB), { operador: 'd01-cap3', vigenciaMs: HORA, limitePorMinuto: 1 }, Date.now())).token;
    await imagen('140338C01005');
    expect((await capturar('140338C01005', uno, DIP(1))).res.status).toBe(200);
    await imagen('140339B01005');
    const r = await capturar('140339B01005', uno, DIP(1));
    expect([r.res.status, JSON.parse(r.texto).error.code]).toEqual([429, 'LIMITE_DE_SOLICITUDES']);
    expect(r.idas[0]).toEqual({ tipo: 'batch', sentencias: 6 });
    expect(await capturas('140339B01005')).toBe(0);
  });
});

describe('acopio with a remembered credential', () => {
  const acopio = (clave: string) => pedir('POST', '/api/v1/acopio', { token: t['d01-acopio'], body: JSON.stringify({ clave }) });
  const registrada = async (clave: string) => (await env.DB.prepare('SELECT count(*) AS n FROM acta WHERE clave = ?').bind(clave).first<{ n: number }>())!.n;

  it('is two round trips: the credential confirmed in the one that reads the acta named in the body, then the write', async () => {
    expect((await acopio('141120B01005')).res.status).toBe(201);
    const r = await acopio('141121B01005');
    expect(r.res.status, r.texto).toBe(201);
    expect(r.idas.map((i) => i.tipo)).toEqual(['batch', 'batch']);
    expect(r.idas[0]!.sentencias).toBe(2);
  });

  it('a revoked token is refused on its next acopio, and nothing is registered', async () => {
    await revocar(ejecutorD1(env.DB), { token: idDeToken(t['d01-acopio']!)! }, Date.now());
    const r = await acopio('141121C01005');
    expect([r.res.status, JSON.parse(r.texto).error.code]).toEqual([401, 'TOKEN_REVOCADO']);
    expect(await registrada('141121C01005')).toBe(0);
  });
});
