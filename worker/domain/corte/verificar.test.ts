import { unzipSync, zipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { FIXTURE_APERTURA_MS, fixtureActas, catalogoEjemplo } from '../../../test/ejemplos/eleccion.ts';
import { figurasFila } from '../conteo/figuras-csv.ts';
import { desdeUtf8, sha256Hex, utf8 } from './bytes.ts';
import { construirModelo } from './modelo.ts';
import { publicarEnMemoria } from '../../../test/ejemplos/publicacion-memoria.ts';
import { rehacerShard } from '../../../test/ejemplos/falsificacion.ts';
import { direccionShard, RUTA_LATEST_RAIZ, rutaAbiertos, rutaManifiesto } from '../contrato/index.ts';
import { ManifiestoSchema, PunteroSchema, type EntidadShard, type Manifiesto, type Puntero } from './shards.ts';
import { leerCsvResultados, recalcular } from './verificar-csv.ts';
import { verificarCorte, type Fuente, type LectorBitacora } from './verificar.ts';
import { aFila, PUNTA_VACIA, sellar, type FilaBitacora } from '../bitacora/cadena.ts';

const actas = fixtureActas.map((f) => f.acta);
let publicado: Map<string, Uint8Array>;

beforeAll(async () => {
  const m = construirModelo(catalogoEjemplo);
  if (!m.ok) throw new Error('modelo');
  publicado = await publicarEnMemoria(m.value, [
    { actas: actas.slice(0, 10), instante: FIXTURE_APERTURA_MS },
    { actas: actas.slice(10), instante: FIXTURE_APERTURA_MS + 5 * 60_000 },
    { actas: [{ ...actas[0]!, cotejada: 1 }], instante: FIXTURE_APERTURA_MS + 10 * 60_000 },
  ]);
});

const fuente = (objetos: Map<string, Uint8Array>): Fuente => ({ leer: async (ruta) => objetos.get(ruta) ?? null });
const leerJson = (objetos: Map<string, Uint8Array>, ruta: string) => JSON.parse(desdeUtf8(objetos.get(ruta)!)) as unknown;
const puntero = (o: Map<string, Uint8Array>): Puntero => PunteroSchema.parse(leerJson(o, RUTA_LATEST_RAIZ));
const manifiesto = (o: Map<string, Uint8Array>): Manifiesto => ManifiestoSchema.parse(leerJson(o, puntero(o).manifiesto.ruta));

/** Rewrites the newest corte's GUB.csv and, when `rehacer`, every hash above it (zip, manifest, pointer): a forgery. */
async function falsificarCsv(original: Map<string, Uint8Array>, cambiar: (lineas: string[]) => void, rehacer: boolean): Promise<Map<string, Uint8Array>> {
  const o = new Map(original);
  const p = puntero(o);
  const m = manifiesto(o);
  const archivos = unzipSync(o.get(m.abiertos.ruta)!);
  const nombre = Object.keys(archivos).find((n) => n.endsWith('/GUB.csv'))!;
  const lineas = desdeUtf8(archivos[nombre]!).split('\r\n');
  cambiar(lineas);
  archivos[nombre] = utf8(lineas.join('\r\n')) as Uint8Array<ArrayBuffer>;
  const zip = zipSync(archivos);
  if (!rehacer) {
    o.set(m.abiertos.ruta, zip);
    return o;
  }
  const shaZip = await sha256Hex(zip);
  const abiertos = {
    ...m.abiertos,
    ruta: rutaAbiertos(14, shaZip, m.abiertos.nombre),
    sha256: shaZip,
    bytes: zip.length,
    archivos: await Promise.all(m.abiertos.archivos.map(async (a) => (a.nombre === nombre ? { ...a, sha256: await sha256Hex(archivos[nombre]!), bytes: archivos[nombre]!.length } : a))),
  };
  o.set(abiertos.ruta, zip);
  const nuevo = utf8(JSON.stringify({ ...m, abiertos }));
  const sha = await sha256Hex(nuevo);
  o.set(rutaManifiesto(14, sha), nuevo);
  const np: Puntero = { ...p, manifiesto: { ruta: rutaManifiesto(14, sha), sha256: sha }, abiertos: { ruta: abiertos.ruta, nombre: abiertos.nombre, sha256: shaZip, bytes: zip.length } };
  o.set(RUTA_LATEST_RAIZ, utf8(JSON.stringify(np)));
  return o;
}

/** Line index (in the split file, BOM on line 0) of the row of an acta. */
const filaDe = (lineas: string[], clave: string) => lineas.findIndex((l) => l.startsWith(`'${clave.slice(0, 11)},'${clave},`));

describe('verificarCorte', () => {
  it('passes on an untouched publication and walks the chain to the first corte', async () => {
    const informe = await verificarCorte(fuente(publicado));
    expect(informe.primerFallo).toBeNull();
    expect(informe.ok).toBe(true);
    expect(informe.comprobaciones.map((c) => c.que)).toEqual([
      'puntero datos/latest.json y manifiesto',
      'shards',
      'datos abiertos',
      'CSV 20240602_2010_PREP_AYUN/AYUN.csv',
      'CSV 20240602_2010_PREP_DIP_LOC/DIP_LOC.csv',
      'CSV 20240602_2010_PREP_GUB/GUB.csv',
      'datos abiertos por elección (CSV en su dirección)',
      'resultados NIST SP 1500-100',
      'cadena de manifiestos',
    ]);
    expect(informe.comprobaciones.at(-1)!.detalle).toContain('3 manifiestos encadenados');
  });

  it('fails on a tampered shard, naming it', async () => {
    const o = new Map(publicado);
    const ruta = manifiesto(o).shards.find((s) => s.id === 'seccion/338')!.ruta;
    const texto = desdeUtf8(o.get(ruta)!);
    // An acta's status and TOTAL_VOTOS_CALCULADO (estatus, contabilizada, observaciones, votos, totales, total).
    const alterado = texto.replace(/,"CONTABILIZADA",1,\[\],(\[[^\]]*\]),(\[[^\]]*\]),(\d+),/, (_, v, t, n) => `,"CONTABILIZADA",1,[],${v},${t},${Number(n) + 1},`);
    expect(alterado).not.toBe(texto);
    o.set(ruta, utf8(alterado));
    const informe = await verificarCorte(fuente(o));
    expect(informe.ok).toBe(false);
    expect(informe.primerFallo!.que).toBe('shards');
    expect(informe.primerFallo!.detalle).toContain('shard seccion/338');
    expect(informe.primerFallo!.detalle).toContain('SHA-256');
  });

  it('fails on an entidad row that addresses another shard, even with every hash above it redone', async () => {
    // A valid address, only not this distrito's: the territorio shard's.
    const otro = direccionShard(manifiesto(publicado).shards.find((s) => s.id === 'territorios')!.sha256);
    const o = await rehacerShard(publicado, 'GUB/entidad', (t) => t.replace(/("distritos":\[\{"id":1,"nombre":"[^"]*","h":")[0-9a-f]+/, `$1${otro}`));
    const informe = await verificarCorte(fuente(o));
    expect(informe.primerFallo!.que).toBe('shards');
    expect(informe.primerFallo!.detalle).toContain(`su fila de GUB/distrito/1 apunta a ${otro}, que no es el shard del manifiesto`);
  });

  it('fails on a distrito row of a sección that has no shard, even with every hash above it redone', async () => {
    const o = await rehacerShard(publicado, 'GUB/distrito/1', (t) => t.replace('"secciones":[[338,', '"secciones":[[9338,'));
    const informe = await verificarCorte(fuente(o));
    expect(informe.primerFallo!.que).toBe('shards');
    expect(informe.primerFallo!.detalle).toContain('su fila de la sección 9338 no tiene shard en el manifiesto');
  });

  it('fails when an entidad shard names another group than the manifest, even with every hash above it redone', async () => {
    const o = await rehacerShard(publicado, 'GUB/entidad', (t) => {
      const e = JSON.parse(t) as EntidadShard;
      return JSON.stringify({ ...e, secciones: { ...e.secciones, grupos: e.secciones.grupos.map((h, i) => (i === 3 ? 'f'.repeat(20) : h)) } });
    });
    const informe = await verificarCorte(fuente(o));
    expect(informe.primerFallo!.que).toBe('shards');
    expect(informe.primerFallo!.detalle).toMatch(/^shard GUB\/entidad .*: su grupo de secciones 3 apunta a f{20}, que no es el shard secciones\/3 del manifiesto$/);
  });

  it('fails on a missing group of secciones (the way to a sección from a link), naming it', async () => {
    const o = new Map(publicado);
    o.delete(manifiesto(o).shards.find((s) => s.id === 'secciones/3')!.ruta);
    const informe = await verificarCorte(fuente(o));
    expect(informe.primerFallo!.que).toBe('shards');
    expect(informe.primerFallo!.detalle).toContain('shard secciones/3');
  });

  it('fails on a tampered group of secciones, naming it', async () => {
    const o = new Map(publicado);
    const ruta = manifiesto(o).shards.find((s) => s.id === 'secciones/3')!.ruta;
    o.set(ruta, utf8(desdeUtf8(o.get(ruta)!).replace('"id":338', '"id":339')));
    const informe = await verificarCorte(fuente(o));
    expect(informe.primerFallo!.que).toBe('shards');
    expect(informe.primerFallo!.detalle).toContain('shard secciones/3');
    expect(informe.primerFallo!.detalle).toContain('SHA-256');
  });

  it('fails on a group row that addresses another shard, even with every hash above it redone', async () => {
    const otro = direccionShard(manifiesto(publicado).shards.find((s) => s.id === 'territorios')!.sha256);
    const o = await rehacerShard(publicado, 'secciones/3', (t) => t.replace(/("id":338,"h":")[0-9a-f]+/, `$1${otro}`));
    const informe = await verificarCorte(fuente(o));
    expect(informe.primerFallo!.que).toBe('shards');
    expect(informe.primerFallo!.detalle).toContain(`shard secciones/3 (datos/14/secciones/3/`);
    expect(informe.primerFallo!.detalle).toContain(`su fila de seccion/338 apunta a ${otro}`);
  });

  it('fails when a sección is left out of its group, even with every hash above it redone', async () => {
    const o = await rehacerShard(publicado, 'secciones/3', (t) => t.replace(/\{"id":338,"h":"[0-9a-f]+"\},?/, '').replace(',]', ']'));
    const informe = await verificarCorte(fuente(o));
    expect(informe.primerFallo!.que).toBe('shards');
    expect(informe.primerFallo!.detalle).toBe('shard seccion/338: no está en su grupo secciones/3');
  });

  it('fails when the pointer names another group than the manifest', async () => {
    const o = new Map(publicado);
    const p = puntero(o);
    const grupos = p.secciones.grupos.map((h, i) => (i === 3 ? 'f'.repeat(20) : h));
    o.set(RUTA_LATEST_RAIZ, utf8(JSON.stringify({ ...p, secciones: { ...p.secciones, grupos } })));
    const informe = await verificarCorte(fuente(o));
    expect(informe.ok).toBe(false);
    expect(informe.primerFallo!.detalle).toContain(`su grupo de secciones 3 apunta a ${'f'.repeat(20)}, que no es el shard secciones/3 del manifiesto`);
  });

  it('fails on a tampered CSV row, naming the row (and the zip whose hash no longer matches)', async () => {
    const o = await falsificarCsv(publicado, (l) => {
      const i = filaDe(l, '140338B01004');
      l[i] = l[i]!.replace(',4,82,530,0,530,101,', ',4,82,530,0,530,111,');
    }, false);
    const informe = await verificarCorte(fuente(o));
    expect(informe.ok).toBe(false);
    expect(informe.primerFallo!.que).toBe('datos abiertos');
    expect(informe.primerFallo!.detalle).toContain('SHA-256');
    const csv = informe.comprobaciones.find((c) => c.que.endsWith('GUB.csv'))!;
    expect(csv.ok).toBe(false);
    expect(csv.detalle).toMatch(/línea \d+ \(CLAVE_ACTA '140338B01004\): TOTAL_VOTOS_CALCULADO 530 no es la suma de sus votos \(540\)/);
  });

  it('fails on a forged CSV row whose totals, summary and hashes were all redone, naming the row', async () => {
    const o = await falsificarCsv(publicado, (l) => {
      const i = filaDe(l, '140338B01004');
      l[i] = l[i]!.replace(',4,82,530,0,530,101,', ',4,82,530,0,530,111,').replace(',530,530,612,9,', ',540,540,612,9,');
      const leido = leerCsvResultados(l.join('\r\n'));
      if (!leido.ok) throw new Error(leido.error.mensaje);
      const r = recalcular(leido.value, { final: false });
      if (!r.ok) throw new Error(r.error.mensaje);
      l[3] = figurasFila(r.value.figuras).join(',');
    }, true);
    const informe = await verificarCorte(fuente(o));
    expect(informe.ok).toBe(false);
    expect(informe.primerFallo!.que).toBe('CSV 20240602_2010_PREP_GUB/GUB.csv');
    expect(informe.primerFallo!.detalle).toMatch(/línea \d+ \(CLAVE_ACTA '140338B01004\): TOTAL_VOTOS_CALCULADO = 540 en el CSV, 530 en el shard seccion\/338/);
    // The forger did not redo GUB.csv at its own URL: it is no longer the zip's entry.
    expect(informe.comprobaciones.filter((c) => !c.ok).map((c) => c.que)).toEqual(['CSV 20240602_2010_PREP_GUB/GUB.csv', 'datos abiertos por elección (CSV en su dirección)']);
  });

  it('fails on a broken chain, naming the manifest', async () => {
    const o = new Map(publicado);
    const primero = manifiesto(o).anterior!;
    const segundo = ManifiestoSchema.parse(leerJson(o, primero.ruta)).anterior!;
    const m1 = ManifiestoSchema.parse(leerJson(o, segundo.ruta));
    o.set(segundo.ruta, utf8(JSON.stringify({ ...m1, secuencia: m1.secuencia + 1 })));
    const informe = await verificarCorte(fuente(o));
    expect(informe.ok).toBe(false);
    expect(informe.primerFallo!.que).toBe('cadena de manifiestos');
    expect(informe.primerFallo!.detalle).toContain('manifiesto del corte 1');
    expect(informe.comprobaciones.filter((c) => !c.ok)).toHaveLength(1);
  });

  it('fails when the pointer names a manifest that is not there', async () => {
    const o = new Map(publicado);
    o.delete(puntero(o).manifiesto.ruta);
    const informe = await verificarCorte(fuente(o));
    expect(informe.ok).toBe(false);
    expect(informe.primerFallo!.detalle).toMatch(/manifiesto del corte 3 .* no existe/);
  });
});

describe('verificarCorte: environment labels', () => {
  /** The newest corte's manifest and pointer rewritten by `cambiar`, every hash above them redone. */
  async function reetiquetar(original: Map<string, Uint8Array>, cambiar: (m: Manifiesto) => Manifiesto): Promise<Map<string, Uint8Array>> {
    const o = new Map(original);
    const m = cambiar(manifiesto(o));
    const bytes = utf8(JSON.stringify(m));
    const sha = await sha256Hex(bytes);
    o.set(rutaManifiesto(14, sha), bytes);
    o.set(RUTA_LATEST_RAIZ, utf8(JSON.stringify({ ...puntero(o), entorno: m.entorno, simulacro: m.simulacro, manifiesto: { ruta: rutaManifiesto(14, sha), sha256: sha } })));
    return o;
  }

  it('reports a simulacro as such', async () => {
    const informe = await verificarCorte(fuente(publicado));
    expect(informe.primerFallo).toBeNull();
    expect(informe.comprobaciones[0]!.detalle).toContain('SIMULACRO (entorno pruebas)');
  });

  it('refuses a simulacro relabelled as production (the zip name and the LEEMEs still say SIMULACRO)', async () => {
    const o = await reetiquetar(publicado, (m) => ({ ...m, entorno: 'produccion', simulacro: null }));
    const informe = await verificarCorte(fuente(o));
    expect(informe.primerFallo?.detalle).toMatch(/zip de un corte de produccion se llama \d{8}_\d{4}_PREP\.zip, no SIMULACRO_/);
  });

  it('refuses a pruebas manifest without its legend', async () => {
    const o = await reetiquetar(publicado, (m) => ({ ...m, simulacro: null }));
    expect((await verificarCorte(fuente(o))).primerFallo?.detalle).toMatch(/entorno pruebas con leyenda null/);
  });
});

describe('verificarCorte: the audit log and the instants (issue 14)', () => {
  /** A sealed audit log of `n` entries, as rows of the bitacora table. */
  async function log(n: number): Promise<FilaBitacora[]> {
    const filas: FilaBitacora[] = [];
    let punta = PUNTA_VACIA;
    for (let i = 0; i < n; i++) {
      const e = await sellar(punta, { at: FIXTURE_APERTURA_MS + i, operador: 'op', token: null, catd: null, accion: 'ACOPIO', acta: `A${i}`, seq: i + 1, status: 201, detalle: {} });
      filas.push(aFila(e));
      punta = { id: e.id, hash: e.hash };
    }
    return filas;
  }
  const lector = (filas: readonly FilaBitacora[]): LectorBitacora => async (desde, limite) => filas.filter((f) => f.id > desde).slice(0, limite);
  const tip = (f: FilaBitacora) => ({ id: f.id, hash: f.hash });

  let filas: FilaBitacora[];
  let conPuntas: Map<string, Uint8Array>;
  beforeAll(async () => {
    filas = await log(30);
    const m = construirModelo(catalogoEjemplo);
    if (!m.ok) throw new Error('modelo');
    conPuntas = await publicarEnMemoria(m.value, [
      { actas: actas.slice(0, 10), instante: FIXTURE_APERTURA_MS, bitacora: tip(filas[9]!) },
      { actas: actas.slice(10), instante: FIXTURE_APERTURA_MS + 5 * 60_000, bitacora: tip(filas[19]!) },
    ]);
  });

  it('passes when the log still extends the tip every manifest recorded (and keeps growing after it)', async () => {
    const r = await verificarCorte(fuente(conPuntas), { bitacora: lector(filas) });
    expect(r.primerFallo).toBeNull();
    expect(r.comprobaciones.find((c) => c.que === 'bitácora')?.detalle).toMatch(/íntegra \(30 entradas.*la del corte 2: entrada 20/);
  });

  it('fails when the newest entries were deleted, naming the tip that is gone', async () => {
    const r = await verificarCorte(fuente(conPuntas), { bitacora: lector(filas.slice(0, 15)) });
    expect(r.ok).toBe(false);
    expect(r.primerFallo?.que).toBe('bitácora');
    expect(r.primerFallo?.detalle).toContain(`la punta registrada por el corte 2 (entrada 20, hash ${filas[19]!.hash}) ya no está`);
    expect(r.primerFallo?.detalle).toContain('termina en la entrada 15');
  });

  it('fails when the newest entries were rewritten, naming the tip whose hash no longer matches', async () => {
    // Entries 13–25 replaced by others sealed over entry 12: the chain itself is intact, only the tip shows it.
    const reescrito = filas.slice(0, 12);
    let punta = { id: 12, hash: filas[11]!.hash };
    for (let i = 0; i < 13; i++) {
      const e = await sellar(punta, { at: FIXTURE_APERTURA_MS + i, operador: 'otro', token: null, catd: null, accion: 'ACOPIO', acta: `B${i}`, seq: null, status: 201, detalle: {} });
      reescrito.push(aFila(e));
      punta = { id: e.id, hash: e.hash };
    }
    const r = await verificarCorte(fuente(conPuntas), { bitacora: lector(reescrito) });
    expect(r.primerFallo?.detalle).toMatch(/punta registrada por el corte 2 \(entrada 20.*no coincide/);
  });

  it('fails when a corte is stamped before the one it follows (instants only move forward)', async () => {
    const m = construirModelo(catalogoEjemplo);
    if (!m.ok) throw new Error('modelo');
    const atras = await publicarEnMemoria(m.value, [
      { actas: actas.slice(0, 10), instante: Date.UTC(2099, 0, 1) },
      { actas: actas.slice(10), instante: FIXTURE_APERTURA_MS },
    ]);
    const r = await verificarCorte(fuente(atras));
    expect(r.primerFallo?.que).toBe('cadena de manifiestos');
    expect(r.primerFallo?.detalle).toMatch(/corte 2 .*su instante es anterior al del corte 1/);
  });
});
