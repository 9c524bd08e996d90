import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ARCHIVOS, candidaturasSpec, leerBooleano, leerClave, leerHuso, leerUbicacion } from './especificacion.ts';

const raiz = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');

describe('cell readers', () => {
  it('reads time zones as fixed offsets in minutes', () => {
    expect(leerHuso('UTC-6')).toBe(-360);
    expect(leerHuso('utc-07:00')).toBe(-420);
    expect(leerHuso('UTC+5:30')).toBe(330);
    expect(leerHuso('-8')).toBe(-480);
    expect(leerHuso('UTC−6')).toBe(-360);
    expect(leerHuso('UTC')).toBe(0);
    expect(leerHuso('America/Hermosillo')).toBe('America/Hermosillo');
    expect(leerHuso('UTC-6:75')).toBe('UTC-6:75');
  });
  it('reads 0/1 and ubicación words', () => {
    expect([leerBooleano('1'), leerBooleano('no'), leerBooleano('Sí'), leerBooleano('2')]).toEqual([true, false, true, '2']);
    expect([leerUbicacion('Urbana'), leerUbicacion('NO URBANA'), leerUbicacion('2'), leerUbicacion('x')]).toEqual([1, 2, 2, 'x']);
  });
  it('reads keys with or without spreadsheet apostrophes', () => {
    expect([leerClave("'140338B0100"), leerClave("'140338b0100'"), leerClave('140338B0100')]).toEqual(['140338B0100', '140338B0100', '140338B0100']);
  });
});

describe('docs/catalogo.md', () => {
  const doc = readFileSync(path.join(raiz, 'docs/catalogo.md'), 'utf8');
  it('documents every file and every column', () => {
    const specs = [...ARCHIVOS, candidaturasSpec('DIP_LOC', 'distrito'), candidaturasSpec('AYUN', 'municipio')];
    for (const s of specs) {
      const nombre = s.archivo.startsWith('candidaturas_') ? 'candidaturas_<ELECCION>.csv' : s.archivo;
      expect(doc, nombre).toContain(`## ${nombre}`);
      for (const c of s.columnas) expect(doc, `${nombre} ${c.nombre}`).toContain(`| ${c.nombre} |`);
    }
  });
});
