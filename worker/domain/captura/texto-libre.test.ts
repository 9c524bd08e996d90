import { describe, expect, it } from 'vitest';
import { CotejoSchema } from './cotejo.ts';
import { ResolucionSchema } from './captura.ts';
import { OperadorNuevoSchema } from './operador-nuevo.ts';
import { bienFormado, textoLibre } from './texto-libre.ts';

describe('free text', () => {
  const motivo = textoLibre(3, 500);

  it('accepts printable text in any script, with tabs and line breaks', () => {
    for (const t of ['Cifras ilegibles', 'Línea 1\nLínea 2\tfin', 'ñandú 🗳️ 選挙', 'a\r\nb']) expect(motivo.safeParse(t).success, t).toBe(true);
  });

  it.each([
    ['NUL', 'abc\u0000def'],
    ['BEL', 'abc\u0007'],
    ['ESC', '\u001b[31mrojo'],
    ['DEL', 'abc\u007f'],
    ['C1 NEL', 'abc\u0085def'],
    ['C1 CSI', 'abc\u009b31m'],
    ['lone high surrogate', 'abc\ud800def'],
    ['lone low surrogate', 'abc\udc00def'],
    ['reversed pair', 'abc\udc00\ud800'],
  ])('refuses %s', (_n, t) => {
    expect(motivo.safeParse(t).success).toBe(false);
  });

  it('one-line text also refuses tab and line breaks', () => {
    expect(textoLibre(1, 50, { unaLinea: true }).safeParse('Ana\nPérez').success).toBe(false);
    expect(textoLibre(1, 50, { unaLinea: true }).safeParse('Ana Pérez').success).toBe(true);
  });

  it('surrogate pairs are well formed; lone halves are not', () => {
    expect(bienFormado('🗳️')).toBe(true);
    expect(bienFormado('\ud83d')).toBe(false);
  });

  it('the capture routes’ free-text fields use it', () => {
    expect(CotejoSchema.safeParse({ accion: 'RECAPTURA', motivo: 'ilegible\u0000' }).success).toBe(false);
    expect(ResolucionSchema.safeParse({ resolucion: 'RECAPTURA', motivo: 'ilegible\u0085' }).success).toBe(false);
    expect(ResolucionSchema.safeParse({ resolucion: 'RECAPTURA', motivo: 'ilegible \ud800' }).success).toBe(false);
    const op = { id: 'd01-x', ambito: 'INSTITUTO', catd: null, roles: ['admin'], casillas: [] };
    expect(OperadorNuevoSchema.safeParse({ ...op, nombre: 'Ana\u0000' }).success).toBe(false);
    expect(OperadorNuevoSchema.safeParse({ ...op, nombre: 'Ana Pérez' }).success).toBe(true);
  });
});
