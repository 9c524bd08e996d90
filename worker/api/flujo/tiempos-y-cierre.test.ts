/**
 * Issue 14, defects 2 and 8: a declared `fechaHora` is published only when plausible (never 2099, never before
 * the publication window), the server's time always recorded and the refusal audited; and after the final corte
 * every write is refused with CORTE_FINAL_PUBLICADO while an acknowledged request still replays.
 */
import { env } from 'cloudflare:workers';
import { beforeAll, describe, expect, it } from 'vitest';
import { error, llamar, ok, prepararEscenario, publicaciones, ultima, type Tokens } from '../../../test/captura/ayuda.ts';
import { FIXTURE_APERTURA_MS } from '../../../test/ejemplos/eleccion.ts';
import { almacenR2 } from '../../cortes/almacen.ts';
import { PREFIJO_FINAL } from '../../domain/corte/calendario.ts';
import { ejecutarCorte, LEASE_MS } from '../../cortes/publicar.ts';
import { guardarConfig, soltarLease, tomarLease } from '../../cortes/registro-d1.ts';

let t: Tokens;
beforeAll(async () => {
  t = await prepararEscenario();
});

const acopio = (body: unknown, headers: Record<string, string> = {}) => llamar('POST', '/api/v1/acopio', { token: t['d01-acopio'], body, headers });
const sinActa = (clave: string, fechaHora: string) => acopio({ clave, sinActa: 'PAQUETE_NO_ENTREGADO', fechaHora });

/** The acopio time the publication log holds for the acta (what a corte publishes as FECHA_HORA_ACOPIO). */
async function acopioPublicado(clave: string): Promise<number> {
  const [p] = await publicaciones(clave);
  return p!.payload.acopioAt as number;
}

describe('declared times (fechaHora)', () => {
  it('a fechaHora in 2099 is not published: the server time is, and the audit keeps the declared one as refused', async () => {
    const antes = Date.now();
    await ok(sinActa('140339B01005', '2099-06-02T20:15:00-06:00'), 201);
    const at = await acopioPublicado('140339B01005');
    expect(at).toBeGreaterThanOrEqual(antes);
    expect(at).toBeLessThanOrEqual(Date.now());
    const detalle = JSON.parse((await ultima())!.detalle) as Record<string, unknown>;
    expect(detalle).toMatchObject({ atCliente: Date.parse('2099-06-02T20:15:00-06:00'), atClienteRechazado: 'POSTERIOR_AL_SERVIDOR' });
  });

  it('without a window a past instant (a replay) is published as declared', async () => {
    await ok(sinActa('140338B01004', '2024-06-02T19:00:00-06:00'), 201);
    expect(await acopioPublicado('140338B01004')).toBe(Date.parse('2024-06-02T19:00:00-06:00'));
    expect(JSON.parse((await ultima())!.detalle)).not.toHaveProperty('atClienteRechazado');
  });

  it('with a window, an instant before its opening is refused and one inside it is published', async () => {
    // Opens 2 June 2024 20:00 in Jalisco (UTC-6): FIXTURE_APERTURA_MS.
    await guardarConfig(env.DB, { jornada: '2024-06-02', inicioMinutos: 20 * 60, duracionMinutos: 24 * 60, cadenciaMinutos: 5 });
    const antes = Date.now();
    await ok(sinActa('140339B01006', '2024-06-02T19:59:00-06:00'), 201);
    expect(await acopioPublicado('140339B01006')).toBeGreaterThanOrEqual(antes);
    expect(JSON.parse((await ultima())!.detalle)).toMatchObject({ atClienteRechazado: 'ANTERIOR_A_LA_VENTANA' });
    await ok(sinActa('140339B01004', '2024-06-02T20:15:00-06:00'), 201);
    expect(await acopioPublicado('140339B01004')).toBe(FIXTURE_APERTURA_MS + 15 * 60_000);
  });
});

describe('after the final corte', () => {
  it('while a final corte is being cut (its run holds the lease) writes are refused with 409 CORTE_FINAL_EN_CURSO', async () => {
    expect(await tomarLease(env.DB, `${PREFIJO_FINAL}prueba`, Date.now(), LEASE_MS)).toBe(true);
    await error(acopio({ clave: '140338C02005' }), 409, 'CORTE_FINAL_EN_CURSO');
    expect(await publicaciones('140338C02005')).toEqual([]);
    // A run that does not complete leaves publication open: the retry goes through.
    await soltarLease(env.DB, `${PREFIJO_FINAL}prueba`);
    await ok(sinActa('140338C02005', '2024-06-02T20:30:00-06:00'), 201);
  });

  it('refuses every write with 409 CORTE_FINAL_PUBLICADO, writes nothing, and still replays what it acknowledged', async () => {
    const previa = await acopio({ clave: '140338B01006' }, { 'idempotency-key': 'antes-del-final' });
    expect(previa.status).toBe(201);
    const cuerpo = await previa.text();
    const r = await ejecutarCorte({ db: env.DB, almacen: almacenR2(env.BUCKET), bitacora: () => {} }, { instante: Date.now(), final: true, motivo: 'final', turno: null });
    expect(r).toMatchObject({ tipo: 'publicado', final: true });
    const refusal = await error(acopio({ clave: '140338C01004' }), 409, 'CORTE_FINAL_PUBLICADO');
    expect(refusal.message).toMatch(/corte final/);
    expect(await publicaciones('140338C01004')).toEqual([]);
    const v = await env.DB.prepare("SELECT count(*) AS n FROM acta WHERE clave = '140338C01004'").first<{ n: number }>();
    expect(v!.n).toBe(0);
    const pasos = await env.DB.prepare("SELECT count(*) AS n FROM bitacora WHERE acta = '140338C01004'").first<{ n: number }>();
    expect(pasos!.n).toBe(0);
    const repetida = await acopio({ clave: '140338B01006' }, { 'idempotency-key': 'antes-del-final' });
    expect(repetida.status).toBe(201);
    expect(repetida.headers.get('idempotent-replayed')).toBe('true');
    expect(await repetida.text()).toBe(cuerpo);
  });
});
