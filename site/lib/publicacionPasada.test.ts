import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { catalogoEjemplo, FIXTURE_APERTURA_MS, fixtureActas } from '../../test/ejemplos/eleccion.ts';
import { publicarEnMemoria } from '../../test/ejemplos/publicacion-memoria.ts';
import {
  grupoDeSeccion,
  RUTA_LATEST_RAIZ,
  rutaHistorial,
  rutaShard,
  shardIds,
  type CorteHistorial,
  type EntidadShard,
  type GrupoSeccionesShard,
  type Historial,
} from '../../worker/domain/contrato/index.ts';
import { desdeUtf8 } from '../../worker/domain/corte/bytes.ts';
import { construirModelo } from '../../worker/domain/corte/modelo.ts';
import type { Puntero } from './publicacion.ts';
import { cargarCortePasado, cortesConsultables, esSinCorte } from './publicacionPasada.ts';
import { cargarSeccion } from './publicacionSeccion.ts';
import { cargarSeccionPasada } from './publicacionSeccionPasada.ts';

const entrada = (numero: number, elecciones?: string[]): CorteHistorial =>
  ({ numero, instante: numero * 300_000, final: false, ...(elecciones ? { elecciones: elecciones.map((codigo) => ({ codigo, ruta: `datos/${codigo}-${numero}.json` })) } : {}) }) as CorteHistorial;

describe('cortesConsultables', () => {
  it('offers, newest first, the past cortes whose entry names the election shard, before the pointer corte', () => {
    const h = { cortes: [entrada(1), entrada(2, ['GUB']), entrada(3, ['GUB', 'AYUN']), entrada(4, ['AYUN']), entrada(5, ['GUB']), entrada(6, ['GUB'])] } as Historial;
    const p = { numero: 5 } as Puntero;
    expect(cortesConsultables(h, p, 'GUB').map((c) => c.numero)).toEqual([3, 2]);
    expect(cortesConsultables(h, p, 'AYUN').map((c) => c.numero)).toEqual([4, 3]);
    expect(cortesConsultables(h, p, 'DIP_LOC')).toEqual([]);
  });
});

/** Corte code publications (test/ejemplos/publicacion-memoria.ts) served as /datos/… through `fetch`: the loaders' transport, nothing else. */
const DOS_CORTES = [
  { actas: fixtureActas.slice(0, 10).map((f) => f.acta), instante: FIXTURE_APERTURA_MS },
  { actas: fixtureActas.slice(10).map((f) => f.acta), instante: FIXTURE_APERTURA_MS + 5 * 60_000 },
];
const leer = <T>(o: Map<string, Uint8Array>, ruta: string) => JSON.parse(desdeUtf8(o.get(ruta)!)) as T;

describe('a sección and a territory as of a past corte, from shards the corte code built', () => {
  let objetos: Map<string, Uint8Array>;
  let p1: Puntero;
  let p2: Puntero;
  let h: Historial;
  const pedidos: string[] = [];
  /** Every object any test read: the loaders keep what they read, so a pruned object must be one never read. */
  const leidos = new Set<string>();
  beforeAll(async () => {
    const m = construirModelo(catalogoEjemplo);
    if (!m.ok) throw new Error('modelo');
    // Corte 1 alone (its pointer: what the newest view showed then) and the night of two cortes (its historial).
    const uno = await publicarEnMemoria(m.value, DOS_CORTES.slice(0, 1));
    const dos = await publicarEnMemoria(m.value, DOS_CORTES);
    p1 = leer<Puntero>(uno, RUTA_LATEST_RAIZ);
    p2 = leer<Puntero>(dos, RUTA_LATEST_RAIZ);
    h = leer<Historial>(dos, rutaHistorial(14));
    objetos = dos;
    vi.stubGlobal('fetch', async (u: string) => {
      pedidos.push(u);
      leidos.add(u);
      const b = objetos.get(u.replace(/^\//, ''));
      return b ? new Response(desdeUtf8(b), { status: 200 }) : new Response('', { status: 404 });
    });
  });
  afterAll(() => {
    vi.unstubAllGlobals();
  });

  it("reads that corte's entidad shard, the group of secciones it names and the sección shard only (no parent)", async () => {
    // A sección corte 2 changed: its group rows of the two cortes name different shards.
    const fila = (p: Puntero, s: number, o: Map<string, Uint8Array>) => {
      const g = grupoDeSeccion(s);
      return leer<GrupoSeccionesShard>(o, rutaShard(14, shardIds.grupoSecciones(g), p.secciones.grupos[g]!)).secciones.find((x) => x.id === s)!.h;
    };
    const sec = catalogoEjemplo.secciones.find((x) => fila(p1, x.id, objetos) !== fila(p2, x.id, objetos))!;
    expect(sec).toBeDefined();
    pedidos.length = 0;
    const v = await cargarSeccionPasada(h, p2, { e: 'GUB', s: sec.id }, 1);
    const ent = leer<EntidadShard>(objetos, h.cortes[0]!.elecciones!.find((e) => e.codigo === 'GUB')!.ruta);
    // Corte 1's entidad shard names corte 1's groups: those its pointer named then.
    expect(ent.secciones).toEqual(p1.secciones);
    const g = grupoDeSeccion(sec.id);
    expect(pedidos).toEqual([
      `/${h.cortes[0]!.elecciones!.find((e) => e.codigo === 'GUB')!.ruta}`,
      `/${rutaShard(14, shardIds.grupoSecciones(g), ent.secciones.grupos[g]!)}`,
      `/${rutaShard(14, shardIds.seccion(sec.id), fila(p1, sec.id, objetos))}`,
    ]);
    expect(esSinCorte(v) ? null : v.corte).toEqual({ numero: 1, instante: FIXTURE_APERTURA_MS, offsetMinutes: -360, final: false, entidad: p2.entidad });
  });

  it('a corte not in the historial, and one whose objects are gone, say so instead of an empty view', async () => {
    const s = catalogoEjemplo.secciones[1]!.id;
    expect(await cargarSeccionPasada(h, p2, { e: 'GUB', s }, 9)).toEqual({ tipo: 'no-existe', ultimo: 2 });
    expect(await cargarCortePasado(h, p2, { vista: 'entidad', e: 'GUB' }, 9)).toEqual({ tipo: 'no-existe', ultimo: 2 });
    const sinHistorial = { ...h, cortes: h.cortes.map(({ elecciones: _, ...c }) => c) };
    expect(await cargarSeccionPasada(sinHistorial, p2, { e: 'GUB', s }, 1)).toEqual({ tipo: 'sin-shard' });
    // A pruned bucket (before anything read it: a page keeps what it read): corte 1's entidad shard of DIP_LOC is
    // gone (corte 2 replaced it: it is not the newest's).
    const ref = h.cortes[0]!.elecciones!.find((e) => e.codigo === 'DIP_LOC')!.ruta;
    expect(ref).not.toBe(p2.elecciones.find((e) => e.codigo === 'DIP_LOC')!.ruta);
    const guardado = objetos.get(ref)!;
    objetos.delete(ref);
    try {
      expect(await cargarSeccionPasada(h, p2, { e: 'DIP_LOC', s }, 1)).toEqual({ tipo: 'sin-datos' });
      expect(await cargarCortePasado(h, p2, { vista: 'territorio', e: 'DIP_LOC', d: 1 }, 1)).toEqual({ tipo: 'sin-datos' });
    } finally {
      objetos.set(ref, guardado);
    }
    // Its entidad shard there but the sección's group of secciones of that corte gone (one nothing read yet).
    const ayun = leer<EntidadShard>(objetos, h.cortes[0]!.elecciones!.find((e) => e.codigo === 'AYUN')!.ruta);
    const rutaGrupo = (x: number) => rutaShard(14, shardIds.grupoSecciones(grupoDeSeccion(x)), ayun.secciones.grupos[grupoDeSeccion(x)]!);
    const sec = catalogoEjemplo.secciones.find((x) => !leidos.has(`/${rutaGrupo(x.id)}`))!;
    expect(sec).toBeDefined();
    const gGuardado = objetos.get(rutaGrupo(sec.id))!;
    objetos.delete(rutaGrupo(sec.id));
    try {
      expect(await cargarSeccionPasada(h, p2, { e: 'AYUN', s: sec.id }, 1)).toEqual({ tipo: 'sin-datos' });
    } finally {
      objetos.set(rutaGrupo(sec.id), gGuardado);
    }
  });

  it('a sección of corte 1 is what the newest view showed when corte 1 was the newest, though corte 2 changed it', async () => {
    const secciones = catalogoEjemplo.secciones.map((s) => s.id);
    let cambiadas = 0;
    for (const eleccion of ['GUB', 'DIP_LOC', 'AYUN']) {
      for (const s of secciones) {
        const entonces = await cargarSeccion(p1, eleccion, s).catch(() => null);
        if (!entonces) continue;
        const pasada = await cargarSeccionPasada(h, p2, { e: eleccion, s }, 1);
        expect(pasada, `${eleccion} ${s}`).toEqual(entonces);
        const ahora = await cargarSeccion(p2, eleccion, s);
        if (JSON.stringify(ahora.figuras) !== JSON.stringify(entonces.figuras)) cambiadas++;
      }
    }
    // Corte 2 moved some of them: the past view is not the newest one under another label.
    expect(cambiadas).toBeGreaterThan(0);
  });
});
