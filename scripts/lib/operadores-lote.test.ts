// Operators in one batch on a temporary local D1 (wrangler): the same rows and audit entries as one change at a
// time, the chain intact, and a failed guard leaves nothing behind.
import { afterAll, describe, expect, it } from 'vitest';
import { sha256Hex, verificarCadena, type FilaBitacora } from '../../worker/domain/bitacora/cadena.ts';
import type { OperadorNuevo } from '../../worker/domain/captura/operador-nuevo.ts';
import { comoTexto } from '../../worker/db/sentencia.ts';
import { sentenciasCrearOperador } from '../../worker/db/operadores.ts';
import { crearOperadoresEnLote, fusionar } from './operadores-lote.ts';
import { d1Temporal } from './prueba-local.ts';

const d1 = d1Temporal();
afterAll(() => d1.borrar());

const op = (id: string, extra: Partial<OperadorNuevo> = {}): OperadorNuevo => ({
  id,
  nombre: `Operador ${id}`,
  ambito: 'CATD',
  catd: 'CATD-D01',
  roles: ['captura'],
  casillas: [],
  ...extra,
});

const OPERADORES: OperadorNuevo[] = [
  op('d01-cap1'),
  op('d01-ver', { roles: ['verificacion'] }),
  op('cel-338', { ambito: 'CASILLA', catd: null, roles: ['digitalizacion'], casillas: ['140338B0100', '140338C0100'] }),
  op('admin', { ambito: 'INSTITUTO', catd: null, roles: ['admin'] }),
];

describe('crearOperadoresEnLote', { timeout: 120_000 }, () => {
  it('creates every operator with its roles, casillas and one token, and two audit entries each on an intact chain', async () => {
    const tokens = await crearOperadoresEnLote(d1.persistTo, OPERADORES, { vigenciaMs: 3_600_000, limitePorMinuto: 500 });
    expect([...tokens.keys()]).toEqual(OPERADORES.map((o) => o.id));
    expect(d1.consulta('SELECT id FROM operador ORDER BY id')).toEqual(['admin', 'cel-338', 'd01-cap1', 'd01-ver'].map((id) => ({ id })));
    expect(d1.consulta("SELECT casilla FROM operador_casilla WHERE operador = 'cel-338' ORDER BY casilla")).toEqual([{ casilla: '140338B0100' }, { casilla: '140338C0100' }]);
    for (const [id, token] of tokens) {
      const [fila] = d1.consulta<{ hash: string; operador: string; limite_por_minuto: number }>(`SELECT hash, operador, limite_por_minuto FROM token WHERE id = '${token.slice(5, 21)}'`);
      expect(fila).toEqual({ hash: await sha256Hex(token), operador: id, limite_por_minuto: 500 });
    }
    const acciones = d1.consulta<{ accion: string; n: number }>('SELECT accion, count(*) AS n FROM bitacora GROUP BY accion ORDER BY accion');
    expect(acciones).toEqual([{ accion: 'OPERADOR_CREADO', n: 4 }, { accion: 'TOKEN_EMITIDO', n: 4 }]);
    const filas = d1.consulta<FilaBitacora>('SELECT * FROM bitacora ORDER BY id');
    const cadena = await verificarCadena(async (desde, limite) => filas.filter((f) => f.id > desde).slice(0, limite));
    expect(cadena).toMatchObject({ ok: true, entradas: 8 });
  });

  it('continues the chain from its tip, and a failed guard (unknown CATD, unknown casilla) writes nothing', async () => {
    const antes = d1.consulta<{ n: number }>('SELECT count(*) AS n FROM bitacora')[0]!.n;
    await expect(crearOperadoresEnLote(d1.persistTo, [op('d02-cap'), op('xx', { catd: 'CATD-X9' })], { vigenciaMs: 1, limitePorMinuto: 1 })).rejects.toThrow(
      /GUARDIA:CATD_DESCONOCIDO/,
    );
    await expect(
      crearOperadoresEnLote(d1.persistTo, [op('cel-x', { ambito: 'CASILLA', catd: null, roles: ['digitalizacion'], casillas: ['149999B0100'] })], { vigenciaMs: 1, limitePorMinuto: 1 }),
    ).rejects.toThrow(/GUARDIA:CASILLA_DESCONOCIDA/);
    await expect(crearOperadoresEnLote(d1.persistTo, [op('d01-cap1')], { vigenciaMs: 1, limitePorMinuto: 1 })).rejects.toThrow(/GUARDIA:OPERADOR_EXISTE/);
    expect(d1.consulta<{ n: number }>('SELECT count(*) AS n FROM bitacora')[0]!.n).toBe(antes);
    expect(d1.consulta("SELECT id FROM operador WHERE id IN ('d02-cap', 'xx', 'cel-x')")).toEqual([]);
    await crearOperadoresEnLote(d1.persistTo, [op('d01-cap2')], { vigenciaMs: 1, limitePorMinuto: 1 });
    const filas = d1.consulta<FilaBitacora>('SELECT * FROM bitacora ORDER BY id');
    expect(filas).toHaveLength(antes + 2);
    expect((await verificarCadena(async (desde, limite) => filas.filter((f) => f.id > desde).slice(0, limite))).ok).toBe(true);
  });

  it('fuses statements into multi-row INSERTs and OR-ed guards, keeping each group where it first appears', () => {
    const s = [...sentenciasCrearOperador(op('a'), 1), ...sentenciasCrearOperador(op('b'), 1)];
    const f = fusionar(s);
    expect(f).toHaveLength(4);
    expect(f[0]).toMatch(/^INSERT INTO guardia \(motivo\) SELECT 'OPERADOR_EXISTE' WHERE \(EXISTS .*'a'.*\) OR \(EXISTS .*'b'.*\);$/);
    expect(f[1]).toMatch(/^INSERT INTO guardia \(motivo\) SELECT 'CATD_DESCONOCIDO' WHERE /);
    expect(f[2]).toMatch(/^INSERT INTO operador \(.*\) VALUES \('a', .*\), \('b', .*\);$/);
    expect(f[3]).toMatch(/^INSERT INTO operador_rol \(operador, rol\) VALUES \('a', 'captura'\), \('b', 'captura'\);$/);
    expect(f.join('').length).toBeLessThan(s.map(comoTexto).join('').length);
  });
});
