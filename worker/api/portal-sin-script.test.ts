import { createExecutionContext, waitOnExecutionContext } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import { beforeAll, describe, expect, it } from 'vitest';
import { crearApp } from './app.ts';
import { almacenR2 } from '../cortes/almacen.ts';
import { ejecutarCorte } from '../cortes/publicar.ts';
import { cargarFixture, registrarEnLog, reiniciar } from '../../test/cortes/prueba.ts';
import { FIXTURE_APERTURA_MS, fixtureActas } from '../../test/ejemplos/eleccion.ts';
import type { EntidadShard, Puntero } from '../domain/contrato/index.ts';
import { entero, porcentaje } from '../../site/lib/formato.ts';

/** The built pages as the asset server answers them: each with its <noscript> placeholder and an island. */
const PAGINA = (titulo: string) =>
  `<html><body><h1>${titulo}</h1><div id="isla"><p class="cargando-cuerpo">Cargando…</p></div><noscript id="sin-script"><p>Aún no hay corte.</p></noscript></body></html>`;
const ETAG_ACTIVO = '"activo-1"';
const ASSETS = {
  fetch: async (r: Request) => {
    const ruta = new URL(r.url).pathname;
    if (r.headers.has('if-none-match')) return new Response(null, { status: 304, headers: { etag: ETAG_ACTIVO } });
    const titulo = ruta === '/' ? 'Inicio' : ruta === '/datos-abiertos/' ? 'Datos abiertos' : null;
    if (!titulo) return new Response(null, { status: 404 });
    return new Response(PAGINA(titulo), { headers: { 'content-type': 'text/html; charset=utf-8', etag: ETAG_ACTIVO, 'cache-control': 'public, max-age=0, must-revalidate' } });
  },
};

async function pedir(url: string, headers: Record<string, string> = {}, method = 'GET'): Promise<Response> {
  const ctx = createExecutionContext();
  const r = await crearApp().fetch(new Request(url, { method, headers }), { ...env, ASSETS } as never, ctx);
  const cuerpo = await r.text();
  await waitOnExecutionContext(ctx);
  return new Response(method === 'HEAD' || r.status === 304 ? null : cuerpo, r);
}

/** What the reader without scripts gets: the <noscript>'s content. */
const noscript = (html: string) => /<noscript id="sin-script">([\s\S]*)<\/noscript>/.exec(html)?.[1] ?? '';

describe('the portal for a reader without JavaScript', () => {
  it('serves the page as built while no corte is published (its <noscript> says so)', async () => {
    await reiniciar();
    // Another origin than the tests below: the edge cache is per origin, and this one never saw a corte.
    const r = await pedir('http://vacio.test/');
    expect(r.status).toBe(200);
    expect(r.headers.get('etag')).toBe(ETAG_ACTIVO);
    expect(await r.text()).toBe(PAGINA('Inicio'));
  });

  describe('with a published corte', () => {
    let p: Puntero;
    let shards: EntidadShard[];
    beforeAll(async () => {
      await reiniciar();
      await cargarFixture();
      await registrarEnLog(fixtureActas.map((f) => f.acta));
      await ejecutarCorte({ db: env.DB, almacen: almacenR2(env.BUCKET), bitacora: () => {} }, { instante: FIXTURE_APERTURA_MS, final: false, motivo: 'programado', turno: null });
      p = (await (await pedir('http://prep.test/datos/latest.json')).json()) as Puntero;
      shards = await Promise.all(p.elecciones.map(async (e) => (await (await pedir(`http://prep.test/${e.ruta}`)).json()) as EntidadShard));
    });

    it('renders inicio’s summary of every election into the <noscript>, leaving the island as built', async () => {
      const r = await pedir('http://prep.test/');
      expect(r.status).toBe(200);
      const html = await r.text();
      expect(html).toContain('<div id="isla"><p class="cargando-cuerpo">Cargando…</p></div>');
      const sin = noscript(html);
      expect(sin).toContain(`Corte ${p.numero}`);
      expect(sin).not.toContain('<script');
      expect(sin).not.toContain('style=');
      for (const s of shards) {
        expect(sin).toContain(`<h2 id="sin-script-${s.eleccion.codigo}">${s.eleccion.nombre}</h2>`);
        expect(sin).toContain(porcentaje(s.resultados.figuras.PORCENTAJE_ACTAS_CONTABILIZADAS));
        for (const [id, votos] of Object.entries(s.resultados.candidaturas)) {
          if (votos > 0) expect(sin).toMatch(new RegExp(`data-candidatura="${id}">[\\s\\S]*?<td class="num">${entero(votos)}</td>`));
        }
      }
      expect(sin).toContain('data-respuesta="contabilizadas"');
    });

    it('renders datos abiertos’ downloads of the newest corte: zip, manifest, each election’s CSVs', async () => {
      const sin = noscript(await (await pedir('http://prep.test/datos-abiertos/')).text());
      expect(sin).toContain(`href="/${p.abiertos.ruta}"`);
      expect(sin).toContain(p.abiertos.sha256);
      expect(sin).toContain(`href="/${p.manifiesto.ruta}"`);
      for (const e of p.elecciones) {
        expect(sin).toContain(`href="/${e.csv!.resultados}"`);
        expect(sin).toContain(`href="/${e.csv!.ordenado}"`);
      }
      // Each link is a published file.
      expect((await pedir(`http://prep.test/${p.abiertos.ruta}`, {}, 'HEAD')).status).toBe(200);
    });

    it('validates the page by built page and corte: its own ETag, 304 on a match, a new page on a new corte', async () => {
      const r = await pedir('http://prep.test/');
      const etag = r.headers.get('etag')!;
      expect(etag).not.toBe(ETAG_ACTIVO);
      expect(etag).toContain(p.manifiesto.sha256.slice(0, 16));
      expect(r.headers.get('content-length')).toBeNull();
      expect(r.headers.get('cache-control')).toBe('public, max-age=0, must-revalidate');
      const otra = await pedir('http://prep.test/', { 'if-none-match': etag });
      expect(otra.status).toBe(304);
      // The asset's own validator no longer matches: the page it names had another corte (or none).
      expect((await pedir('http://prep.test/', { 'if-none-match': ETAG_ACTIVO })).status).toBe(200);
    });

    it('answers HEAD with the page’s headers and no body', async () => {
      const r = await pedir('http://prep.test/', {}, 'HEAD');
      expect(r.status).toBe(200);
      expect(r.headers.get('content-type')).toContain('text/html');
      expect(await r.text()).toBe('');
    });
  });
});
