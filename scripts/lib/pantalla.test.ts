import { describe, expect, it } from 'vitest';
import { pantalla, type Terminal } from './pantalla.ts';

function sumidero(tty: boolean, columnas?: number): Terminal & { escrito: string[] } {
  const escrito: string[] = [];
  return { tty, ...(columnas !== undefined ? { columnas } : {}), escrito, escribir: (t) => void escrito.push(t) };
}

describe('status display', () => {
  it('redraws the same lines in place on a terminal, at most every cadaTtyMs, cutting lines to its width', () => {
    let ms = 0;
    const t = sumidero(true, 10);
    const p = pantalla(t, { ahora: () => ms });
    p.mostrar(() => ['uno', 'una línea muy larga']);
    expect(t.escrito).toEqual(['\x1b[2Kuno\n\x1b[2Kuna línea…\n']);
    ms = 100;
    p.mostrar(() => ['dos', 'x']);
    expect(t.escrito).toHaveLength(1);
    ms = 200;
    p.mostrar(() => ['dos', 'x']);
    expect(t.escrito[1]).toBe('\x1b[2A\x1b[2Kdos\n\x1b[2Kx\n');
    // Unchanged lines are not written again.
    ms = 400;
    p.mostrar(() => ['dos', 'x']);
    expect(t.escrito).toHaveLength(2);
  });

  it('assumes 120 columns on a terminal that reports none', () => {
    const t = sumidero(true, 0);
    pantalla(t).mostrar(() => ['corta', 'x'.repeat(130)]);
    expect(t.escrito[0]).toBe(`\x1b[2Kcorta\n\x1b[2K${'x'.repeat(119)}…\n`);
  });

  it('erases its lines before another message, then draws them again below it', () => {
    let ms = 0;
    const t = sumidero(true);
    const p = pantalla(t, { ahora: () => ms });
    p.mostrar(() => ['a', 'b']);
    p.apartar();
    expect(t.escrito[1]).toBe('\x1b[2A\x1b[J');
    ms = 1;
    p.mostrar(() => ['a', 'b']);
    expect(t.escrito[2]).toBe('\x1b[2Ka\n\x1b[2Kb\n');
  });

  it('prints plain lines every cadaMs elsewhere (CI, a log), never escape codes, and the last state at the end', () => {
    let ms = 0;
    const t = sumidero(false);
    const p = pantalla(t, { ahora: () => ms, lineasPlanas: 2 });
    p.mostrar(() => ['a 1', 'b 1', 'c 1']);
    ms = 9_999;
    p.mostrar(() => ['a 2', 'b 2', 'c 2']);
    p.apartar();
    ms = 10_000;
    p.mostrar(() => ['a 3', 'b 3', 'c 3']);
    p.terminar(['a 4', 'b 4', 'c 4']);
    expect(t.escrito).toEqual(['a 1\n  b 1\n', 'a 3\n  b 3\n', 'a 4\n  b 4\n']);
  });
});
