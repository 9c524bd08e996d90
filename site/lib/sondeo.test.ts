import { describe, expect, it } from 'vitest';
import { Sondeo, type EstadoSondeo } from './sondeo.ts';

interface Puntero {
  corte: number;
}
const leer = (j: unknown): Puntero => {
  const c = (j as { corte?: unknown }).corte;
  if (typeof c !== 'number') throw new Error('no es un puntero');
  return { corte: c };
};

/** A scripted server: each call answers with the next response (or throws, for a network failure). */
function servidor(respuestas: (() => Response)[]) {
  const pedidas: { ifNoneMatch: string | null }[] = [];
  const f = async (_url: RequestInfo | URL, init?: RequestInit) => {
    const h = new Headers(init?.headers);
    pedidas.push({ ifNoneMatch: h.get('if-none-match') });
    const r = respuestas.shift();
    if (!r) throw new Error('sin respuesta preparada');
    return r();
  };
  return { fetch: f as typeof fetch, pedidas };
}
const json = (body: unknown, etag: string) =>
  () => new Response(JSON.stringify(body), { status: 200, headers: { etag, 'content-type': 'application/json' } });
const noModificado = () => new Response(null, { status: 304 });
const caido = () => {
  throw new TypeError('Failed to fetch');
};

describe('Sondeo (conditional GET of latest)', () => {
  it('reads the pointer, then revalidates with its ETag', async () => {
    const s = servidor([json({ corte: 1 }, '"a"'), noModificado, json({ corte: 2 }, '"b"')]);
    let t = 1000;
    const sondeo = new Sondeo({ url: '/latest', leer, fetch: s.fetch, ahora: () => t });
    await sondeo.consultar();
    expect(sondeo.estado).toEqual({ puntero: { corte: 1 }, confirmadoEn: 1000, error: null, sinPublicacion: false });
    t = 2000;
    await sondeo.consultar();
    expect(sondeo.estado.puntero).toEqual({ corte: 1 });
    expect(sondeo.estado.confirmadoEn).toBe(2000);
    await sondeo.consultar();
    expect(sondeo.estado.puntero).toEqual({ corte: 2 });
    expect(s.pedidas.map((p) => p.ifNoneMatch)).toEqual([null, '"a"', '"a"']);
  });

  it('keeps the last pointer when the network fails, and says so', async () => {
    const s = servidor([json({ corte: 7 }, '"x"'), caido, noModificado]);
    let t = 0;
    const sondeo = new Sondeo({ url: '/latest', leer, fetch: s.fetch, ahora: () => t });
    await sondeo.consultar();
    t = 60_000;
    await sondeo.consultar();
    expect(sondeo.estado.puntero).toEqual({ corte: 7 });
    expect(sondeo.estado.confirmadoEn).toBe(0);
    expect(sondeo.estado.error).toBe('Sin conexión: no se pudo contactar al servidor del PREP.');
    t = 120_000;
    await sondeo.consultar();
    expect(sondeo.estado.error).toBeNull();
    expect(sondeo.estado.confirmadoEn).toBe(120_000);
  });

  it('keeps the last pointer on a server error or an unreadable body', async () => {
    const s = servidor([json({ corte: 3 }, '"c"'), () => new Response('x', { status: 503 }), json({ otra: 1 }, '"d"')]);
    const sondeo = new Sondeo({ url: '/latest', leer, fetch: s.fetch });
    await sondeo.consultar();
    await sondeo.consultar();
    expect(sondeo.estado.error).toBe('El servidor del PREP no respondió como se esperaba.');
    await sondeo.consultar();
    expect(sondeo.estado.puntero).toEqual({ corte: 3 });
    expect(sondeo.estado.error).toBe('Los datos recibidos no se pudieron leer.');
    expect(s.pedidas.at(-1)?.ifNoneMatch).toBe('"c"');
  });

  it('reports that nothing is published yet (404)', async () => {
    const s = servidor([() => new Response('{}', { status: 404 })]);
    const sondeo = new Sondeo({ url: '/latest', leer, fetch: s.fetch });
    await sondeo.consultar();
    expect(sondeo.estado.sinPublicacion).toBe(true);
    expect(sondeo.estado.puntero).toBeNull();
  });

  it('polls while someone listens, and stops with the last listener', async () => {
    const s = servidor([json({ corte: 1 }, '"a"'), noModificado, json({ corte: 2 }, '"b"'), noModificado]);
    const sondeo = new Sondeo({ url: '/latest', leer, fetch: s.fetch, intervaloMs: 5 });
    const vistos: EstadoSondeo<Puntero>[] = [];
    const fin = sondeo.suscribir((e) => vistos.push(e));
    while (!vistos.some((e) => e.puntero?.corte === 2)) await new Promise((r) => setTimeout(r, 5));
    fin();
    const n = s.pedidas.length;
    await new Promise((r) => setTimeout(r, 30));
    expect(s.pedidas.length).toBeLessThanOrEqual(n + 1);
    // Every state seen after the first pointer still holds a pointer: views never see an empty state.
    expect(vistos.filter((e) => e.puntero === null)).toHaveLength(0);
  });

  it('shares one request between concurrent checks', async () => {
    const s = servidor([json({ corte: 1 }, '"a"')]);
    const sondeo = new Sondeo({ url: '/latest', leer, fetch: s.fetch });
    await Promise.all([sondeo.consultar(), sondeo.consultar(), sondeo.consultar()]);
    expect(s.pedidas).toHaveLength(1);
  });
});
