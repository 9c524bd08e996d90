import { createExecutionContext, createScheduledController, waitOnExecutionContext } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import { beforeEach, describe, expect, it } from 'vitest';
import worker from '../index.ts';
import { FIXTURE_APERTURA_MS, fixtureActas } from '../../test/ejemplos/eleccion.ts';
import { cargarFixture, registrarEnLog, reiniciar } from '../../test/cortes/prueba.ts';
import { RUTA_LATEST_RAIZ, rutaHistorial, rutaLatest } from '../domain/contrato/index.ts';
import { METADATO_PROXIMO_CORTE } from './almacen.ts';
import { alProgramar } from './programado.ts';
import { guardarConfig } from './registro-d1.ts';

const MIN = 60_000;
/** Election day 2 June 2024, 20:00 in Jalisco (UTC-6, from the catalogue). */
const APERTURA = FIXTURE_APERTURA_MS;
const actas = fixtureActas.map((f) => f.acta);

/** One cron tick through the Worker's own `scheduled` export, `minuto` minutes after the opening. */
async function tick(minuto: number): Promise<void> {
  const ctx = createExecutionContext();
  await worker.scheduled(createScheduledController({ scheduledTime: APERTURA + minuto * MIN, cron: '* * * * *' }), env, ctx);
  await waitOnExecutionContext(ctx);
}

async function cortes(): Promise<{ numero: number; minuto: number; final: number; motivo: string }[]> {
  const { results } = await env.DB.prepare('SELECT numero, instante, final, motivo FROM corte ORDER BY numero').all<Record<string, number | string>>();
  return results.map((r) => ({ numero: Number(r.numero), minuto: (Number(r.instante) - APERTURA) / MIN, final: Number(r.final), motivo: String(r.motivo) }));
}

beforeEach(async () => {
  await reiniciar();
  await cargarFixture();
  await guardarConfig(env.DB, { jornada: '2024-06-02', inicioMinutos: 20 * 60, duracionMinutos: 24 * 60, cadenciaMinutos: 5 });
});

describe('the cron handler', () => {
  it('publishes nothing before the window, then on every turn of the cadence and never between', async () => {
    await registrarEnLog(actas.slice(0, 2));
    await tick(-30);
    await tick(-1);
    expect(await cortes()).toEqual([]);
    for (let m = 0; m < 16; m++) {
      // A new acta is verified every minute; only the turn boundaries publish.
      await registrarEnLog([actas[2 + m]!]);
      await tick(m);
    }
    expect((await cortes()).map((c) => c.minuto)).toEqual([0, 5, 10, 15]);
    expect((await cortes()).every((c) => c.motivo === 'programado' && c.final === 0)).toBe(true);
    // The calendar's cortes name nobody as having asked for them.
    expect(await env.DB.prepare('SELECT count(*) AS n FROM corte WHERE solicitado_por IS NOT NULL OR confirmado_por IS NOT NULL').first('n')).toBe(0);
  });

  it('a turn with nothing new publishes nothing, and a change arriving later in that turn waits for the next turn', async () => {
    await registrarEnLog(actas.slice(0, 3));
    await tick(0);
    await tick(5); // nothing new since 20:00: no corte, the turn is covered
    await registrarEnLog([actas[3]!]);
    await tick(6);
    await tick(9);
    expect((await cortes()).map((c) => c.minuto)).toEqual([0]);
    await tick(10);
    expect((await cortes()).map((c) => c.minuto)).toEqual([0, 10]);
  });

  it('follows the configured cadence (every 10 minutes here)', async () => {
    await guardarConfig(env.DB, { jornada: '2024-06-02', inicioMinutos: 20 * 60, duracionMinutos: 24 * 60, cadenciaMinutos: 10 });
    for (let m = 0; m < 25; m++) {
      await registrarEnLog([actas[m % actas.length]!, { ...actas[m % actas.length]!, cotejada: ((m % 3) + 1) as 1 | 2 | 3 }]);
      await tick(m);
    }
    expect((await cortes()).map((c) => c.minuto)).toEqual([0, 10, 20]);
  });

  it('publishes the final corte at the close of the window, then nothing', async () => {
    await registrarEnLog(actas);
    await tick(0);
    await tick(24 * 60 - 1);
    expect(await cortes()).toHaveLength(1);
    await tick(24 * 60);
    await tick(24 * 60 + 1);
    await registrarEnLog([{ ...actas[0]!, cotejada: 1 }]);
    await tick(24 * 60 + 5);
    expect(await cortes()).toEqual([
      { numero: 1, minuto: 0, final: 0, motivo: 'programado' },
      { numero: 2, minuto: 24 * 60, final: 1, motivo: 'final' },
    ]);
  });

  it('writes beside latest.json and historial.json (R2 metadata) when the next corte is due, for the edge cache', async () => {
    const proximos = () =>
      Promise.all([rutaLatest(14), RUTA_LATEST_RAIZ, rutaHistorial(14)].map(async (r) => (await env.BUCKET.head(r))?.customMetadata?.[METADATO_PROXIMO_CORTE]));
    // On the server's clock (the night is now): the next turn, then 'final'.
    const enHora = (minuto: number) => alProgramar(env, APERTURA + minuto * MIN, { ahora: () => APERTURA + minuto * MIN + 3_000 });
    await registrarEnLog(actas.slice(0, 2));
    await enHora(0);
    expect(await proximos()).toEqual(Array(3).fill(String(APERTURA + 5 * MIN)));
    await registrarEnLog(actas.slice(2, 3));
    await enHora(7);
    expect(await proximos()).toEqual(Array(3).fill(String(APERTURA + 10 * MIN)));
    await registrarEnLog(actas.slice(3, 4));
    await enHora(24 * 60);
    expect(await proximos()).toEqual(Array(3).fill('final'));
  });

  it('writes no due instant for a night on another clock (a simulacro, a replay): the edge cache keeps 5 s', async () => {
    await registrarEnLog(actas.slice(0, 2));
    await tick(0); // the real clock is not election night 2024
    expect((await env.BUCKET.head(rutaLatest(14)))?.customMetadata).toEqual({});
  });

  it('takes the window from the entidad offset in the catalogue (UTC-7: opens an hour later in UTC)', async () => {
    await env.DB.prepare('UPDATE entidad SET utc_offset_minutes = -420').run();
    await registrarEnLog(actas.slice(0, 2));
    await tick(0);
    await tick(59);
    expect(await cortes()).toEqual([]);
    await tick(60);
    expect((await cortes()).map((c) => c.minuto)).toEqual([60]);
  });

  it('does nothing without an election day configured', async () => {
    await guardarConfig(env.DB, { jornada: null, inicioMinutos: 20 * 60, duracionMinutos: 24 * 60, cadenciaMinutos: 5 });
    await registrarEnLog(actas.slice(0, 2));
    await tick(0);
    expect(await cortes()).toEqual([]);
  });
});
