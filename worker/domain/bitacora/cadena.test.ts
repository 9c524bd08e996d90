import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  GENESIS_HASH,
  PUNTA_VACIA,
  aFila,
  canonicalJson,
  canonicalJsonRecursivo,
  desdeFila,
  hashEntrada,
  sellar,
  sha256Hex,
  verificarTramo,
  type Entrada,
  type EntradaSellada,
  type FilaBitacora,
} from './cadena.ts';

const base = (i: number): Omit<Entrada, 'id'> => ({
  at: 1_717_380_000_000 + i,
  operador: i % 2 ? 'ana' : null,
  token: null,
  catd: 'CATD-D01',
  accion: 'CAPTURA',
  acta: '140338B01004',
  seq: i,
  status: 200,
  detalle: { ronda: 1, campos: ['PAN', 'PRI'], nota: `n${i}` },
});

async function cadena(n: number): Promise<EntradaSellada[]> {
  const out: EntradaSellada[] = [];
  let punta = PUNTA_VACIA;
  for (let i = 0; i < n; i++) {
    const e = await sellar(punta, base(i));
    out.push(e);
    punta = { id: e.id, hash: e.hash };
  }
  return out;
}

const filas = (es: EntradaSellada[]) => es.map((e) => desdeFila(aFila(e)));

describe('canonicalJson', () => {
  it('sorts keys at every level and drops undefined members', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { z: 1, y: 2 }], c: null }, u: undefined })).toBe(
      '{"a":{"c":null,"d":[1,{"y":2,"z":1}]},"b":1}',
    );
  });

  it('is the same text for any key order (property)', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.jsonValue()), (o) => {
        const reversed = Object.fromEntries(Object.entries(o).reverse());
        expect(canonicalJson(reversed)).toBe(canonicalJson(o));
        expect(canonicalJson(JSON.parse(canonicalJson(o)))).toBe(canonicalJson(o));
      }),
    );
  });

  it('refuses values JSON cannot carry', () => {
    expect(() => canonicalJson({ x: Number.NaN })).toThrow();
    expect(() => canonicalJson({ f: () => 1 })).toThrow();
    expect(() => canonicalJson([1, undefined])).toThrow();
    expect(() => canonicalJson({ a: [Number.POSITIVE_INFINITY] })).toThrow();
    expect(() => canonicalJson({ n: 1n })).toThrow();
    expect(() => canonicalJson(undefined)).toThrow();
  });

  it('the fast path writes exactly what the definition writes, whatever the keys (property)', () => {
    const clave = fc.oneof(fc.string(), fc.constantFrom('10', '9', '0', '-1', '01', '__proto__', '', ' a', 'Z', 'a'));
    const valor = fc.letrec((tie) => ({
      v: fc.oneof({ depthSize: 'small' }, fc.jsonValue(), fc.array(tie('v')), fc.dictionary(clave, tie('v'))),
    })).v;
    fc.assert(
      fc.property(valor, (v) => {
        expect(canonicalJson(v)).toBe(canonicalJsonRecursivo(v));
      }),
      { numRuns: 2000 },
    );
    expect(canonicalJson({ b: { '10': 1, '9': 2 }, a: 1 })).toBe('{"a":1,"b":{"10":1,"9":2}}');
    expect(canonicalJson(JSON.parse('{"__proto__":{"b":1,"a":2}}'))).toBe('{"__proto__":{"a":2,"b":1}}');
  });
});

describe('sha256Hex', () => {
  it('matches the published test vector for "abc"', async () => {
    expect(await sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });
});

describe('the chain', () => {
  it('links each entry to the previous hash, starting at genesis', async () => {
    const es = await cadena(3);
    expect(es[0]!.prevHash).toBe(GENESIS_HASH);
    expect(es[1]!.prevHash).toBe(es[0]!.hash);
    expect(es.map((e) => e.id)).toEqual([1, 2, 3]);
    expect(es[2]!.hash).toBe(await hashEntrada(es[1]!.hash, { ...base(2), id: 3 }));
  });

  it('verifies an intact log, whole or page by page', async () => {
    const es = await cadena(7);
    const todo = await verificarTramo(PUNTA_VACIA, filas(es));
    expect(todo).toEqual({ ok: true, punta: { id: 7, hash: es[6]!.hash }, revisadas: 7 });
    const p1 = await verificarTramo(PUNTA_VACIA, filas(es.slice(0, 4)));
    if (!p1.ok) throw new Error('page 1 broken');
    expect(await verificarTramo(p1.punta, filas(es.slice(4)))).toEqual(todo.ok ? { ...todo, revisadas: 3 } : todo);
  });

  it('names the altered entry when one stored column changes', async () => {
    const rows = (await cadena(5)).map(aFila);
    const tampered: FilaBitacora[] = rows.map((r) => (r.id === 3 ? { ...r, operador: 'mallory' } : r));
    expect(await verificarTramo(PUNTA_VACIA, tampered.map(desdeFila))).toMatchObject({ ok: false, id: 3, motivo: 'HASH_NO_COINCIDE', revisadas: 2 });
  });

  it('names the entry after a deleted one, and a re-hashed forgery breaks at its successor', async () => {
    const es = await cadena(5);
    const sinTercera = es.filter((e) => e.id !== 3);
    expect(await verificarTramo(PUNTA_VACIA, filas(sinTercera))).toMatchObject({ ok: false, id: 4, motivo: 'ID_FUERA_DE_ORDEN' });
    const forjada = await sellar({ id: 2, hash: es[1]!.hash }, { ...base(2), detalle: { nota: 'otra' } });
    const conForjada = es.map((e) => (e.id === 3 ? forjada : e));
    expect(await verificarTramo(PUNTA_VACIA, filas(conForjada))).toMatchObject({ ok: false, id: 4, motivo: 'PREV_HASH_NO_COINCIDE' });
  });

  it('detects a change in any column of any entry (property)', async () => {
    const rows = (await cadena(6)).map(aFila);
    const columnas = ['at', 'operador', 'token', 'catd', 'accion', 'acta', 'seq', 'status', 'detalle', 'prev_hash', 'hash'] as const;
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: 5 }), fc.constantFrom(...columnas), async (i, col) => {
        const r = rows[i]!;
        const changed = { ...r, [col]: alterar(r[col]) } as FilaBitacora;
        const res = await verificarTramo(PUNTA_VACIA, rows.map((x, j) => desdeFila(j === i ? changed : x)));
        expect(res).toMatchObject({ ok: false, id: r.id });
      }),
      { numRuns: 60 },
    );
  });

  it('reports unreadable rows by id', async () => {
    const rows = (await cadena(2)).map(aFila);
    const broken = { ...rows[1]!, detalle: 'no es json' };
    expect(await verificarTramo(PUNTA_VACIA, [rows[0]!, broken].map(desdeFila))).toMatchObject({ ok: false, id: 2, motivo: 'ENTRADA_ILEGIBLE' });
  });
});

function alterar(v: unknown): unknown {
  if (typeof v === 'number') return v + 1;
  if (v === null) return 'x';
  const s = String(v);
  if (/^[0-9a-f]{64}$/.test(s)) return (s[0] === 'a' ? 'b' : 'a') + s.slice(1);
  if (s.startsWith('{')) return s.replace('}', ',"x":1}');
  return `${s}X`;
}
