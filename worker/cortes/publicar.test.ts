import { env } from 'cloudflare:workers';
import { unzipSync } from 'fflate';
import { beforeEach, describe, expect, it } from 'vitest';
import { desdeUtf8 } from '../domain/corte/bytes.ts';
import { DiferenciasSchema, EntidadShardSchema, HistorialSchema, ManifiestoSchema, PunteroSchema, type Manifiesto, type Puntero } from '../domain/corte/shards.ts';
import { EstadoCorte } from '../domain/corte/estado.ts';
import { construirModelo } from '../domain/corte/modelo.ts';
import { renderizar } from '../domain/corte/generar-shards.ts';
import { FIXTURE_APERTURA_MS, fixtureActas, catalogoEjemplo } from '../../test/ejemplos/eleccion.ts';
import { almacenR2, type Almacen } from './almacen.ts';
import { cacheDelIsolate } from './cache.ts';
import { almacenConPausa, almacenQueFalla, cargarFixture, contarCortes, leerJson, registrarEnLog, reiniciar } from '../../test/cortes/prueba.ts';
import { anotar } from '../db/bitacora.ts';
import { ejecutarCorte, LEASE_MS, type Dependencias, type Pedido } from './publicar.ts';
import { tomarLease } from './registro-d1.ts';

const MIN = 60_000;
const actas = fixtureActas.map((f) => f.acta);
const primeras = actas.slice(0, 12);
const resto = actas.slice(12);

function deps(extra: Partial<Dependencias> = {}): Dependencias & { lineas: Record<string, unknown>[] } {
  const lineas: Record<string, unknown>[] = [];
  return { db: env.DB, almacen: almacenR2(env.BUCKET), bitacora: (l) => lineas.push(l), lineas, ...extra };
}

const pedido = (minuto: number, final = false): Pedido => ({ instante: FIXTURE_APERTURA_MS + minuto * MIN, final, motivo: final ? 'final' : 'programado', turno: null });

async function latest(): Promise<Puntero> {
  return PunteroSchema.parse(await leerJson('datos/14/latest.json'));
}

async function manifiesto(p: Puntero): Promise<Manifiesto> {
  return ManifiestoSchema.parse(await leerJson(p.manifiesto.ruta));
}

async function todosPresentes(m: Manifiesto): Promise<boolean> {
  for (const s of m.shards) {
    const o = await almacenR2(env.BUCKET).get(s.ruta);
    if (o === null || o.bytes.length !== s.bytes) return false;
  }
  return (await env.BUCKET.head(m.abiertos.ruta)) !== null && (await almacenR2(env.BUCKET).get(m.diferencias.ruta)) !== null;
}

beforeEach(async () => {
  await reiniciar();
  await cargarFixture();
});

describe('ejecutarCorte', () => {
  it('publishes a first corte: every shard, the zip, the diff and the manifest, then the history and latest', async () => {
    const seq = await registrarEnLog(primeras);
    const d = deps();
    const r = await ejecutarCorte(d, pedido(5));
    expect(r).toMatchObject({ tipo: 'publicado', numero: 1, secuencia: seq, final: false });
    const p = await latest();
    expect(p).toMatchObject({ numero: 1, secuencia: seq, corte: '02/06/2024 20:05 (UTC-6)', final: false });
    expect(PunteroSchema.parse(await leerJson('datos/latest.json'))).toEqual(p);
    const m = await manifiesto(p);
    expect(m.anterior).toBeNull();
    expect(m.shards.length).toBeGreaterThan(20);
    expect(await todosPresentes(m)).toBe(true);
    const h = HistorialSchema.parse(await leerJson('datos/14/historial.json'));
    expect(h.cortes.map((c) => [c.numero, c.manifiesto.sha256])).toEqual([[1, p.manifiesto.sha256]]);
    const dif = DiferenciasSchema.parse(await leerJson(m.diferencias.ruta));
    expect(dif.elecciones.flatMap((e) => e.nuevas).sort()).toEqual(primeras.map((a) => a.clave).sort());
    // The corte's own log line: actas processed, shards written vs reused, bytes, milliseconds.
    expect(d.lineas).toHaveLength(1);
    expect(d.lineas[0]).toMatchObject({ evento: 'corte', numero: 1, modo: 'completo', actasProcesadas: 12, shardsEscritos: m.shards.length, shardsReusados: 0 });
    expect(d.lineas[0]!.bytesEscritos).toBeGreaterThan(m.shards.reduce((s, x) => s + x.bytes, 0));
    expect(typeof d.lineas[0]!.milisegundos).toBe('number');
  });

  it('publishes the same change sequence once', async () => {
    await registrarEnLog(primeras);
    expect((await ejecutarCorte(deps(), pedido(5))).tipo).toBe('publicado');
    expect(await ejecutarCorte(deps(), pedido(10))).toMatchObject({ tipo: 'sin_cambios', numero: 1 });
    expect(await contarCortes()).toBe(1);
    expect((await latest()).numero).toBe(1);
  });

  it('the next corte applies only what changed, rewrites only its sección, its group, its parents in its election and the entidad shards, and chains its manifest', async () => {
    await registrarEnLog(primeras);
    await ejecutarCorte(deps(), pedido(5));
    const p1 = await latest();
    const m1 = await manifiesto(p1);
    const nueva = resto.find((a) => a.clave === '142302C01005')!;
    await registrarEnLog([nueva]);
    const d = deps();
    const r = await ejecutarCorte(d, pedido(10));
    expect(r).toMatchObject({ tipo: 'publicado', numero: 2 });
    expect(d.lineas[0]).toMatchObject({ modo: 'incremental', actasProcesadas: 1, shardsEscritos: 7, shardsReusados: m1.shards.length - 7 });
    const p2 = await latest();
    const m2 = await manifiesto(p2);
    expect(m2.anterior).toEqual({ numero: 1, sha256: p1.manifiesto.sha256, ruta: p1.manifiesto.ruta });
    expect(HistorialSchema.parse(await leerJson('datos/14/historial.json')).cortes.map((c) => c.anterior)).toEqual([null, p1.manifiesto.sha256]);
    expect(p2.numero).toBe(2);
    const cambiados = m2.shards.filter((s) => m1.shards.find((x) => x.id === s.id)!.sha256 !== s.sha256).map((s) => s.id);
    // A DIP_LOC acta: the other elections' parents keep their bytes (their rows carry figures, not the sección's
    // address); every entidad shard names the groups, and the sección's group moved.
    expect(cambiados.sort()).toEqual(['seccion/2302', 'secciones/23', 'DIP_LOC/distrito/2', 'DIP_LOC/municipio/120', ...['GUB', 'DIP_LOC', 'AYUN'].map((e) => `${e}/entidad`)].sort());
    const dif = DiferenciasSchema.parse(await leerJson(m2.diferencias.ruta));
    expect(dif.elecciones.find((e) => e.codigo === 'DIP_LOC')!.nuevas).toEqual(['142302C01005']);
    expect(dif.anterior).toEqual({ numero: 1, secuencia: 12 });
  });

  it('a cold isolate (no cached state) publishes byte for byte the manifest a warm one does', async () => {
    const correr = async (frio: boolean) => {
      await reiniciar();
      await cargarFixture();
      await registrarEnLog(primeras);
      await ejecutarCorte(deps(), pedido(5));
      await registrarEnLog(resto);
      if (frio) cacheDelIsolate.vaciar();
      const d = deps();
      await ejecutarCorte(d, pedido(10));
      return { p: await latest(), linea: d.lineas[0]!, m: await manifiesto(await latest()) };
    };
    const caliente = await correr(false);
    const frio = await correr(true);
    expect(caliente.linea.modo).toBe('incremental');
    expect(frio.linea.modo).toBe('completo');
    expect(frio.m.shards.filter((s, i) => s.sha256 !== caliente.m.shards[i]!.sha256).map((s) => s.id)).toEqual([]);
    expect({ ...frio.m, shards: [] }).toEqual({ ...caliente.m, shards: [] });
    expect(frio.p.manifiesto).toEqual(caliente.p.manifiesto);
    expect(frio.linea.shardsEscritos).toBe(caliente.linea.shardsEscritos);
  });

  it('a corte that dies after writing half its shards leaves latest on the previous corte; the next run publishes it whole', async () => {
    await registrarEnLog(primeras);
    await ejecutarCorte(deps(), pedido(5));
    const antes = await latest();
    await registrarEnLog(resto);
    const base = almacenR2(env.BUCKET);
    // Corte 2 writes `n` new shards (computed by the domain on the same actas); the store dies after half of them.
    const m = construirModelo(catalogoEjemplo);
    if (!m.ok) throw new Error('modelo');
    const estado = EstadoCorte.completo(m.value, primeras).estado;
    await renderizar(estado, { final: false });
    estado.aplicar(resto.map((despues) => ({ antes: null, despues })));
    const n = (await renderizar(estado, { final: false })).nuevos.length;
    expect(n).toBeGreaterThan(10);
    const mitad = Math.floor(n / 2);
    const roto = almacenQueFalla(base, mitad);
    await expect(ejecutarCorte(deps({ almacen: roto }), pedido(10))).rejects.toThrow(/falla inyectada/);
    expect(roto.escritos.length).toBe(mitad);
    expect(roto.escritos.every((r) => !r.includes('/manifiestos/') && !r.endsWith('latest.json'))).toBe(true);
    expect(await latest()).toEqual(antes);
    expect(PunteroSchema.parse(await leerJson('datos/latest.json'))).toEqual(antes);
    expect(await contarCortes()).toBe(1);
    const d = deps();
    const r = await ejecutarCorte(d, pedido(11));
    expect(r).toMatchObject({ tipo: 'publicado', numero: 2 });
    expect(d.lineas[0]!.shardsEscritos).toBe(n);
    const despues = await latest();
    expect(despues.numero).toBe(2);
    expect(await todosPresentes(await manifiesto(despues))).toBe(true);
    expect((await manifiesto(despues)).anterior!.sha256).toBe(antes.manifiesto.sha256);
  });

  it('two concurrent cortes never both publish', async () => {
    await registrarEnLog(primeras);
    const [a, b] = await Promise.all([ejecutarCorte(deps({ titular: 'A' }), pedido(5)), ejecutarCorte(deps({ titular: 'B' }), pedido(5))]);
    expect([a.tipo, b.tipo].sort()).toEqual(['ocupado', 'publicado']);
    expect(await contarCortes()).toBe(1);
  });

  it('a run whose lease expired mid-corte and was taken by another records nothing and never moves latest', async () => {
    await registrarEnLog(primeras);
    let otro: Awaited<ReturnType<typeof ejecutarCorte>> | null = null;
    const lento: Almacen = almacenConPausa(almacenR2(env.BUCKET), 3, async () => {
      // Run A stalls past its lease; run B takes the expired lease and publishes corte 1.
      await env.DB.prepare('UPDATE corte_lease SET vence = 1 WHERE id = 1').run();
      otro = await ejecutarCorte(deps({ titular: 'B' }), pedido(6));
    });
    await expect(ejecutarCorte(deps({ titular: 'A', almacen: lento }), pedido(5))).rejects.toThrow(/no se registró|se perdió el lease/);
    expect(otro).toMatchObject({ tipo: 'publicado', numero: 1 });
    expect(await contarCortes()).toBe(1);
    const p = await latest();
    expect(p.numero).toBe(1);
    expect(p.instante).toBe(pedido(6).instante);
  });

  it('the final corte switches participation to TOTAL_VOTOS_C_CS, even with nothing new, and closes publication', async () => {
    await registrarEnLog(actas);
    await ejecutarCorte(deps(), pedido(5));
    const gub = async () => {
      const p = await latest();
      const ruta = p.elecciones.find((e) => e.codigo === 'GUB')!.ruta;
      return EntidadShardSchema.parse(await leerJson(ruta)).resultados.figuras;
    };
    const antes = await gub();
    expect(antes.PORCENTAJE_PARTICIPACION_CIUDADANA).toBe(74.3394);
    const r = await ejecutarCorte(deps(), { ...pedido(24 * 60), motivo: 'final', final: true });
    expect(r).toMatchObject({ tipo: 'publicado', numero: 2, final: true });
    const despues = await gub();
    expect(despues.TOTAL_VOTOS_C_CS).toBe(antes.TOTAL_VOTOS_C_CS);
    expect(despues.PORCENTAJE_PARTICIPACION_CIUDADANA).toBe(101.701);
    const p = await latest();
    expect(p.final).toBe(true);
    const zip = unzipSync(new Uint8Array(await (await env.BUCKET.get(p.abiertos.ruta))!.arrayBuffer()));
    const csv = desdeUtf8(Object.entries(zip).find(([n]) => n.endsWith('/GUB.csv'))![1]);
    expect(csv.split('\r\n')[3]!.split(',').at(-1)).toBe('101.7010');
    expect(await ejecutarCorte(deps(), pedido(24 * 60 + 5))).toEqual({ tipo: 'cerrado', numero: 2 });
  });

  it('repairs latest when a run died after recording its corte', async () => {
    await registrarEnLog(primeras);
    await ejecutarCorte(deps(), pedido(5));
    await registrarEnLog(resto);
    // Corte 2 is recorded but its run dies before writing history and latest: simulate by rolling latest back.
    const p1 = await latest();
    await ejecutarCorte(deps(), pedido(10));
    const p2 = await latest();
    await env.BUCKET.put('datos/14/latest.json', JSON.stringify(p1));
    expect(await ejecutarCorte(deps(), pedido(15))).toMatchObject({ tipo: 'sin_cambios', numero: 2 });
    expect(await latest()).toEqual(p2);
  });

  it('records the audit log tip of its instant in the manifest', async () => {
    await registrarEnLog(primeras);
    const e = await anotar(env.DB, { at: Date.now(), operador: null, token: null, catd: null, accion: 'PRUEBA_PUNTA', acta: null, seq: null, status: 0, detalle: {} });
    await ejecutarCorte(deps(), pedido(5));
    expect((await manifiesto(await latest())).bitacora).toEqual({ id: e.id, hash: e.hash });
  });

  it('a corte asked for in the future is stamped at the server time, and no corte is stamped before the previous one', async () => {
    await registrarEnLog(primeras);
    const ahora = Date.now();
    const d = deps({ ahora: () => ahora });
    const futuro = Date.UTC(2099, 0, 1);
    const r = await ejecutarCorte(d, { instante: futuro, final: false, motivo: 'administrador', turno: null });
    expect(r).toMatchObject({ tipo: 'publicado', numero: 1, instanteRechazado: { pedido: futuro, motivo: 'POSTERIOR_AL_SERVIDOR' } });
    expect(d.lineas[0]).toMatchObject({ instante: ahora, instanteRechazado: { pedido: futuro } });
    expect((await latest()).instante).toBe(ahora);
    await registrarEnLog(resto);
    // Asked for an instant before corte 1's (a replay's clock behind the server's): stamped at corte 1's.
    const r2 = await ejecutarCorte(d, pedido(5));
    expect(r2).toMatchObject({ tipo: 'publicado', numero: 2, instanteRechazado: { motivo: 'ANTERIOR_AL_CORTE_PREVIO' } });
    expect((await latest()).instante).toBe(ahora);
  });
});

describe('the corte lease (issue 14, defect 9)', () => {
  it('a run killed mid-way (its lease neither renewed nor released) is taken over after 30 s, not before', async () => {
    await registrarEnLog(primeras);
    const t0 = Date.now();
    // What a killed run leaves behind: the lease it took, never renewed, never released.
    expect(await tomarLease(env.DB, 'muerto', t0, LEASE_MS)).toBe(true);
    expect(await ejecutarCorte(deps({ titular: 'B', ahora: () => t0 + 29_000 }), pedido(5))).toEqual({ tipo: 'ocupado' });
    expect(await ejecutarCorte(deps({ titular: 'B', ahora: () => t0 + 30_000 }), pedido(5))).toMatchObject({ tipo: 'publicado', numero: 1 });
  });

  it('a live run renews between puts: however long it takes, every other run is refused and only it publishes', async () => {
    await registrarEnLog(primeras);
    const inicio = Date.now();
    let t = inicio;
    const otros: string[] = [];
    const base = almacenR2(env.BUCKET);
    let puts = 0;
    const lento: Almacen = {
      async put(ruta, bytes, opciones) {
        // Each put takes 3 s of the injected clock (6 in flight at most: under one lease between renewals).
        t += 3_000;
        if (++puts % 5 === 0) otros.push((await ejecutarCorte(deps({ titular: `B${puts}`, ahora: () => t }), pedido(6))).tipo);
        return base.put(ruta, bytes, opciones);
      },
      get: (ruta) => base.get(ruta),
    };
    const r = await ejecutarCorte(deps({ titular: 'A', almacen: lento, ahora: () => t }), pedido(5));
    expect(r).toMatchObject({ tipo: 'publicado', numero: 1 });
    expect(t - inicio).toBeGreaterThan(2 * LEASE_MS);
    expect(otros.length).toBeGreaterThan(3);
    expect(otros.every((x) => x === 'ocupado')).toBe(true);
    expect(await contarCortes()).toBe(1);
  });
});
