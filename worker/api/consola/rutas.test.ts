/**
 * The console's counters against the actas themselves: after random mixed sequences of workflow steps through the
 * API (many of them refused), the counters the capture batches keep equal a direct COUNT over the acta rows, and
 * the route's figures equal independent SQL. Plus who may read the console, and the alerts it raises.
 */
import { createExecutionContext, createScheduledController, waitOnExecutionContext } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import worker from '../../index.ts';
import { crearOperador, ejecutorD1, emitirToken } from '../../db/administracion.ts';
import { anotar } from '../../db/bitacora.ts';
import type { EstadoConsola } from '../../domain/consola/tablero.ts';
import { capturaPara, error, HORA, jpeg, llamar, ok, prepararEscenario, subirImagen, type Tokens } from '../../../test/captura/ayuda.ts';

let t: Tokens;
let claves: string[];

beforeAll(async () => {
  t = await prepararEscenario();
  const ej = ejecutorD1(env.DB);
  await crearOperador(ej, { id: 'cotaprep', nombre: 'COTAPREP', ambito: 'INSTITUTO', catd: null, roles: ['observador'], casillas: [] }, Date.now());
  t.cotaprep = (await emitirToken(ej, { operador: 'cotaprep', vigenciaMs: HORA, limitePorMinuto: 100_000 }, Date.now())).token;
  const r = await env.DB.prepare("SELECT clave_acta FROM acta_esperada WHERE eleccion = 'GUB' AND distrito = 1 ORDER BY clave_acta LIMIT 4").all<{ clave_acta: string }>();
  claves = r.results.map((x) => x.clave_acta);
});

const estado = (token: string, query = '') => ok<EstadoConsola>(llamar('GET', `/api/v1/consola/estado${query}`, { token }));

type Accion =
  | { k: 'recibir' | 'digitalizar' | 'verificarRecaptura'; i: number }
  | { k: 'capturar'; i: number; op: 'd01-cap1' | 'd01-cap2' | 'd01-cap3'; v: 1 | 2 }
  | { k: 'verificar'; i: number }
  | { k: 'cotejo'; i: number; accion: 'ACEPTAR' | 'RECAPTURA' | 'REDIGITALIZACION' }
  | { k: 'casilla' };

const accion = (n: number): fc.Arbitrary<Accion> => {
  const i = fc.nat({ max: n - 1 });
  return fc.oneof(
    fc.record({ k: fc.constantFrom('recibir' as const, 'digitalizar' as const, 'verificarRecaptura' as const, 'verificar' as const), i }),
    fc.record({ k: fc.constant('capturar' as const), i, op: fc.constantFrom('d01-cap1' as const, 'd01-cap2' as const, 'd01-cap3' as const), v: fc.constantFrom(1 as const, 2 as const) }),
    fc.record({ k: fc.constant('capturar' as const), i, op: fc.constantFrom('d01-cap1' as const, 'd01-cap2' as const), v: fc.constant(1 as const) }),
    fc.record({ k: fc.constant('cotejo' as const), i, accion: fc.constantFrom('ACEPTAR' as const, 'RECAPTURA' as const, 'REDIGITALIZACION' as const) }),
    fc.constant({ k: 'casilla' as const }),
  );
};

/** Runs a step; refusals (409 and the like) are part of the sequence, not failures. */
async function ejecutar(a: Accion): Promise<void> {
  const clave = a.k === 'casilla' ? '140338B01006' : claves[a.i]!;
  const ruta = `/api/v1/actas/${clave}`;
  const res = await (() => {
    switch (a.k) {
      case 'recibir':
        return llamar('POST', '/api/v1/acopio', { token: t['d01-acopio'], body: { clave } });
      case 'digitalizar':
        return subirImagen(t['d01-dig']!, clave, jpeg(`${clave}-${Math.random()}`));
      case 'capturar':
        return llamar('POST', `${ruta}/capturas`, { token: t[a.op], body: capturaPara('GUB', 0, a.v) });
      case 'verificar':
        return llamar('POST', `${ruta}/verificacion`, { token: t['d01-ver'], body: { resolucion: 'CAPTURA', captura: capturaPara('GUB', 0, 1) } });
      case 'verificarRecaptura':
        return llamar('POST', `${ruta}/verificacion`, { token: t['d01-ver2'], body: { resolucion: 'RECAPTURA', motivo: 'no coinciden' } });
      case 'cotejo':
        return llamar('POST', `${ruta}/cotejo`, { token: t['d01-sup'], body: a.accion === 'ACEPTAR' ? { accion: 'ACEPTAR' } : { accion: a.accion, motivo: 'revisar de nuevo' } });
      case 'casilla':
        return subirImagen(t['casilla-338b1']!, clave, jpeg(`casilla-${Math.random()}`), 'origen=CASILLA&digitalizacion=MOVIL&tipoDocumento=ACTA_PREP');
    }
  })();
  expect(res.status, `${a.k} ${clave}`).toBeLessThan(500);
  await res.body?.cancel();
}

/** The counters as the batches kept them. */
async function contadores(): Promise<string[]> {
  const r = await env.DB.prepare('SELECT catd, eleccion, paso, recibida, n FROM consola_contador WHERE n > 0').all();
  return r.results.map((x) => JSON.stringify(x)).sort();
}

/** The same, counted directly over the acta rows (neither the stored CATD nor the generated step column). */
async function contadoresDirectos(): Promise<string[]> {
  const r = await env.DB.prepare(
    `SELECT coalesce(a.catd_registro, (SELECT min(c.id) FROM catd c, catd_eleccion ce WHERE ce.catd = c.id AND ce.eleccion = a.eleccion
              AND c.territorio = CASE c.ambito WHEN 'distrito' THEN a.distrito ELSE a.municipio END), '') AS catd,
            a.eleccion,
            CASE WHEN a.etapa = 'VERIFICADA' AND a.cotejada = 0 THEN 'COTEJO' ELSE a.etapa END AS paso,
            CASE WHEN a.acopio_at IS NULL THEN 0 ELSE 1 END AS recibida,
            count(*) AS n
     FROM acta a GROUP BY 1, 2, 3, 4`,
  ).all();
  return r.results.map((x) => JSON.stringify(x)).sort();
}

/**
 * The night's events recounted from what the batches stored (not from the event tables): a round completed is a
 * second capture, a discrepancy one whose figures differ from the first's, a decision an accepted verification or
 * review in the audit log. Events are written by one statement per batch, their totals by a trigger
 * (data/migrations/0012_consola_disparadores.sql): this is what they must still add up to.
 */
async function eventosRecontados(): Promise<string[]> {
  const r = await env.DB.prepare(
    `SELECT catd, tipo, n FROM (
       SELECT a.catd_consola AS catd, 'RONDA' AS tipo, count(*) AS n FROM captura k JOIN acta a ON a.clave = k.acta WHERE k.n = 2 GROUP BY 1
       UNION ALL
       SELECT a.catd_consola, 'DISCREPANCIA', count(*) FROM captura k JOIN captura p ON p.acta = k.acta AND p.ronda = k.ronda AND p.n = 1
         JOIN acta a ON a.clave = k.acta WHERE k.n = 2 AND k.figuras <> p.figuras GROUP BY 1
       UNION ALL
       SELECT a.catd_consola, 'DECISION', count(*) FROM bitacora b JOIN acta a ON a.clave = b.acta
         WHERE b.accion IN ('VERIFICACION', 'COTEJO') AND b.status < 300 GROUP BY 1)`,
  ).all();
  return r.results.map((x) => JSON.stringify(x)).sort();
}

async function eventosGuardados(): Promise<string[]> {
  const r = await env.DB.prepare("SELECT catd, tipo, n FROM consola_evento_total WHERE tipo <> 'DEVOLUCION'").all();
  return r.results.map((x) => JSON.stringify(x)).sort();
}

describe('console counters', () => {
  it('equal a direct COUNT over the actas after any mixed sequence of steps (property)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(accion(4), { minLength: 5, maxLength: 30 }), async (acciones) => {
        for (const a of acciones) await ejecutar(a);
        expect(await contadores()).toEqual(await contadoresDirectos());
        const minutos = await env.DB.prepare('SELECT catd, tipo, sum(n) AS n FROM consola_evento GROUP BY catd, tipo').all();
        const totales = await env.DB.prepare('SELECT catd, tipo, n FROM consola_evento_total').all();
        expect(minutos.results.map((x) => JSON.stringify(x)).sort()).toEqual(totales.results.map((x) => JSON.stringify(x)).sort());
        expect(await eventosGuardados()).toEqual(await eventosRecontados());
      }),
      { numRuns: 12 },
    );
    // The sequences did move actas forward (the property is not about an empty table).
    expect(Number((await env.DB.prepare("SELECT count(*) AS n FROM acta WHERE etapa <> 'DIGITALIZACION'").first<{ n: number }>())!.n)).toBeGreaterThan(0);
  });

  it('the route shows per CATD and election what independent SQL over the actas says', async () => {
    const e = await estado(t.admin!);
    const d01 = e.catds.find((c) => c.id === 'CATD-D01')!.elecciones.find((x) => x.eleccion === 'GUB')!.figuras;
    const directo = await env.DB.prepare(
      `SELECT count(*) AS registradas, count(acopio_at) AS recibidas,
              sum(etapa IN ('CAPTURA', 'VERIFICACION', 'VERIFICADA')) AS digitalizadas, sum(etapa IN ('VERIFICACION', 'VERIFICADA')) AS capturadas,
              sum(etapa = 'VERIFICADA') AS verificadas, sum(etapa = 'DIGITALIZACION') AS dig, sum(etapa = 'CAPTURA') AS cap,
              sum(etapa = 'VERIFICACION') AS ver, sum(etapa = 'VERIFICADA' AND cotejada = 0) AS cot,
              min(CASE WHEN etapa = 'CAPTURA' THEN etapa_desde END) AS capDesde
       FROM acta WHERE eleccion = 'GUB' AND distrito = 1`,
    ).first<Record<string, number | null>>();
    expect(d01).toMatchObject({
      registradas: directo!.registradas,
      recibidas: directo!.recibidas,
      digitalizadas: directo!.digitalizadas,
      capturadas: directo!.capturadas,
      verificadas: directo!.verificadas,
      pendientes: { DIGITALIZACION: directo!.dig, CAPTURA: directo!.cap, VERIFICACION: directo!.ver, COTEJO: directo!.cot },
    });
    expect(d01.masAntigua.CAPTURA?.desde ?? null).toBe(directo!.capDesde);
    const total = await env.DB.prepare('SELECT count(*) AS n FROM acta').first<{ n: number }>();
    expect(e.entidad.figuras.registradas).toBe(total!.n);
    expect(e.entidad.dispositivos).toMatchObject({ total: 1, vistos: 1, silenciosos: 0 });
    expect(e.entidad.dispositivos.lista[0]).toMatchObject({ id: 'casilla-338b1', silencioso: false });
    // Counted in SQL with the same bound as the listed flags: with no tolerance, the device seen is silent.
    const callado = (await estado(t.admin!, '?silencioMin=0')).entidad.dispositivos;
    expect(callado).toMatchObject({ total: 1, vistos: 1, silenciosos: 1 });
    expect(callado.lista[0]).toMatchObject({ id: 'casilla-338b1', silencioso: true });
    // Reading the console checks nothing itself: until the cron's first check, the chain is "never verified".
    expect(e.bitacora).toMatchObject({ rotaId: null, hastaId: 0, verificadaAt: null });
    expect(e.alertas).toContainEqual(expect.objectContaining({ tipo: 'BITACORA_SIN_VERIFICAR' }));
  });
});

describe('who reads the console, and its alerts', () => {
  it('admin and observador read it; the observador reads nothing else; nobody outside the institute reads it', async () => {
    await estado(t.cotaprep!);
    await error(llamar('GET', '/api/v1/cola/captura', { token: t.cotaprep }), 403, 'ROL_NO_AUTORIZADO');
    await error(llamar('GET', '/api/v1/consola/estado', { token: t['d01-sup'] }), 403, 'AMBITO_NO_AUTORIZADO');
    await error(llamar('GET', '/api/v1/consola/estado', { token: t['ccv-sup'] }), 403, 'AMBITO_NO_AUTORIZADO');
    await error(llamar('GET', '/api/v1/consola/estado'), 401);
    await error(llamar('GET', '/api/v1/consola/estado?detenidaMin=-1', { token: t.admin }), 400, 'SOLICITUD_INVALIDA');
  });

  it('raises a stuck acta with a low threshold, and not with the default', async () => {
    await ok(llamar('POST', '/api/v1/acopio', { token: t['d02-acopio'], body: { clave: '142301B01004' } }), 201);
    const bajo = await estado(t.cotaprep!, '?detenidaMin=0');
    expect(bajo.alertas).toContainEqual(expect.objectContaining({ tipo: 'ACTA_DETENIDA', catd: 'CATD-D02', datos: expect.objectContaining({ clave: '142301B01004', paso: 'DIGITALIZACION' }) }));
    expect(bajo.umbrales.detenidaMin).toBe(0);
    const normal = await estado(t.cotaprep!);
    expect(normal.alertas.filter((a) => a.tipo === 'ACTA_DETENIDA' && a.catd === 'CATD-D02')).toEqual([]);
  });
});

describe("the audit chain's check is the cron's, and the console shows its result", () => {
  /** One cron tick through the Worker's own `scheduled` export, now. */
  async function tick(): Promise<void> {
    const ctx = createExecutionContext();
    await worker.scheduled(createScheduledController({ scheduledTime: Date.now(), cron: '* * * * *' }), env, ctx);
    await waitOnExecutionContext(ctx);
  }
  const punta = async () => (await env.DB.prepare('SELECT max(id) AS id FROM bitacora').first<{ id: number }>())!.id;
  const deLaBitacora = (e: EstadoConsola) => e.alertas.filter((a) => a.tipo.startsWith('BITACORA_'));

  it('a tick verifies up to the tip; a link broken after it is named after the next tick, not before', async () => {
    await tick();
    const verificada = await estado(t.cotaprep!);
    expect(verificada.bitacora).toMatchObject({ rotaId: null, hastaId: await punta() });
    expect(verificada.bitacora.verificadaAt).toBeGreaterThan(0);
    expect(deLaBitacora(verificada)).toEqual([]);

    // A new entry, then altered in D1 behind the triggers' back.
    const e = await anotar(env.DB, { at: Date.now(), operador: 'admin', token: null, catd: null, accion: 'PRUEBA_CONSOLA', acta: null, seq: null, status: 0, detalle: { n: 1 } });
    const disparador = (await env.DB.prepare("SELECT sql FROM sqlite_master WHERE name = 'bitacora_sin_cambios'").first<{ sql: string }>())!.sql;
    const alterar = (n: number) => env.DB.batch([env.DB.prepare('DROP TRIGGER bitacora_sin_cambios'), env.DB.prepare('UPDATE bitacora SET detalle = ? WHERE id = ?').bind(JSON.stringify({ n }), e.id), env.DB.prepare(disparador)]);
    await alterar(2);
    try {
      // The console's own reads never check the chain: nothing yet.
      expect(deLaBitacora(await estado(t.cotaprep!))).toEqual([]);
      await tick();
      const rota = await estado(t.cotaprep!);
      expect(rota.bitacora).toMatchObject({ rotaId: e.id });
      expect(deLaBitacora(rota)).toEqual([expect.objectContaining({ tipo: 'BITACORA_ROTA', datos: { entrada: e.id, motivo: 'HASH_NO_COINCIDE' } })]);
    } finally {
      await alterar(1);
      await env.DB.prepare('UPDATE bitacora_verificacion SET rota_id = NULL, motivo = NULL WHERE id = 1').run();
    }
  });
});
