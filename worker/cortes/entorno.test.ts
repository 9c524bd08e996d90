// Pruebas data is always labelled: every corte the Worker publishes outside production says SIMULACRO in its
// manifest, its `latest`, its LEEMEs and its zip's name, never in its CSVs; production's say nothing of it and its
// CSVs are byte for byte the same. The manifest records the build the Worker runs.
import { env } from 'cloudflare:workers';
import { unzipSync } from 'fflate';
import { beforeEach, describe, expect, it } from 'vitest';
import { LEYENDA_SIMULACRO, RUTA_IDENTIDAD } from '../domain/contrato/index.ts';
import { desdeUtf8 } from '../domain/corte/bytes.ts';
import { IdentidadConstruccionSchema, ManifiestoSchema, PunteroSchema, type Manifiesto } from '../domain/corte/shards.ts';
import { FIXTURE_APERTURA_MS, fixtureActas } from '../../test/ejemplos/eleccion.ts';
import { cargarFixture, leerJson, registrarEnLog, reiniciar } from '../../test/cortes/prueba.ts';
import { almacenR2 } from './almacen.ts';
import { entornoDe, publicacionDelWorker } from './identidad.ts';
import { ejecutarCorte } from './publicar.ts';
import type { Publicacion } from '../domain/corte/corte.ts';

const IDENTIDAD = { commit: '0123456789abcdef0123456789abcdef01234567', workerSha256: 'a'.repeat(64), portalSha256: 'b'.repeat(64) };

async function publicar(publicacion: Publicacion | undefined): Promise<{ manifiesto: Manifiesto; archivos: Record<string, Uint8Array>; puntero: unknown }> {
  await reiniciar();
  await cargarFixture();
  await registrarEnLog(fixtureActas.map((f) => f.acta));
  const r = await ejecutarCorte({ db: env.DB, almacen: almacenR2(env.BUCKET), bitacora: () => {}, publicacion }, { instante: FIXTURE_APERTURA_MS + 300_000, final: false, motivo: 'programado', turno: null });
  expect(r.tipo).toBe('publicado');
  const puntero = await leerJson('datos/latest.json');
  const manifiesto = ManifiestoSchema.parse(await leerJson(PunteroSchema.parse(puntero).manifiesto.ruta));
  const zip = await env.BUCKET.get(manifiesto.abiertos.ruta);
  return { manifiesto, puntero, archivos: unzipSync(new Uint8Array(await zip!.arrayBuffer())) };
}

const csvs = (a: Record<string, Uint8Array>) => Object.entries(a).filter(([n]) => n.endsWith('.csv')).map(([, b]) => desdeUtf8(b));
const leemes = (a: Record<string, Uint8Array>) => Object.entries(a).filter(([n]) => n.endsWith('/LEEME.txt')).map(([, b]) => desdeUtf8(b));

beforeEach(reiniciar);

describe('environment labels of a published corte', () => {
  it('pruebas (the default): SIMULACRO in the manifest, latest, LEEME and zip name, nowhere in the CSVs', async () => {
    const { manifiesto, puntero, archivos } = await publicar({ entorno: 'pruebas', construccion: IDENTIDAD });
    expect(manifiesto).toMatchObject({ entorno: 'pruebas', simulacro: LEYENDA_SIMULACRO, construccion: IDENTIDAD });
    expect(puntero).toMatchObject({ entorno: 'pruebas', simulacro: LEYENDA_SIMULACRO });
    expect(manifiesto.abiertos.nombre).toMatch(/^SIMULACRO_\d{8}_\d{4}_PREP\.zip$/);
    expect(manifiesto.abiertos.ruta.endsWith(`/${manifiesto.abiertos.nombre}`)).toBe(true);
    expect(leemes(archivos)).toHaveLength(3);
    for (const l of leemes(archivos)) expect(l.slice(0, 300)).toContain(LEYENDA_SIMULACRO);
    for (const c of csvs(archivos)) expect(c).not.toMatch(/SIMULACRO|PRUEBA/i);
    const sinDecir = await publicar(undefined);
    expect(sinDecir.manifiesto).toMatchObject({ entorno: 'pruebas', simulacro: LEYENDA_SIMULACRO, construccion: null });
  });

  it('produccion: no label anywhere, the same CSV bytes as pruebas, the build recorded', async () => {
    const prueba = await publicar({ entorno: 'pruebas', construccion: IDENTIDAD });
    const real = await publicar({ entorno: 'produccion', construccion: IDENTIDAD });
    expect(real.manifiesto).toMatchObject({ entorno: 'produccion', simulacro: null, construccion: IDENTIDAD });
    expect(real.puntero).toMatchObject({ entorno: 'produccion', simulacro: null });
    expect(real.manifiesto.abiertos.nombre).toMatch(/^\d{8}_\d{4}_PREP\.zip$/);
    for (const l of leemes(real.archivos)) expect(l).not.toMatch(/SIMULACRO|PRUEBA/);
    expect(csvs(real.archivos)).toEqual(csvs(prueba.archivos));
    // The shards (what the portal reads) do not depend on the environment either.
    expect(real.manifiesto.shards).toEqual(prueba.manifiesto.shards);
  });
});

describe("the Worker's own environment and build", () => {
  it('only an explicit "produccion" is production', () => {
    expect(entornoDe({ ENTORNO: 'produccion' })).toBe('produccion');
    for (const x of ['pruebas', 'Produccion', 'production', '', undefined]) expect(entornoDe({ ENTORNO: x })).toBe('pruebas');
  });

  it('local development (wrangler.toml top level) is pruebas, with the identity the build wrote into the assets', async () => {
    const p = await publicacionDelWorker(env);
    expect(p.entorno).toBe('pruebas');
    const res = await env.ASSETS.fetch(new Request(`https://assets.local${RUTA_IDENTIDAD}`));
    const escrita = res.ok ? IdentidadConstruccionSchema.parse(await res.json()) : null;
    expect(p.construccion).toEqual(escrita);
  });
});
