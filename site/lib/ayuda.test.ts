import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { TERMINOS } from './ayuda.ts';
import { terminoDeCifra, terminoDeDetalle, type Termino } from './terminos.ts';

const cifras = readFileSync(new URL('../components/Cifras.tsx', import.meta.url), 'utf8');

describe('the glossary (help next to each term)', () => {
  it('has a short Spanish definition for each term, without markup', () => {
    for (const [id, t] of Object.entries(TERMINOS)) {
      expect(t.nombre, id).toMatch(/^[a-záéíóúñ ]+$/);
      expect(t.definicion.length, id).toBeGreaterThan(40);
      expect(t.definicion.length, id).toBeLessThan(420);
      expect(t.definicion, id).not.toMatch(/[<>]/);
    }
  });

  it('says what docs/REGLAS.md says for the terms with a rule', () => {
    expect(TERMINOS.participacion.definicion).toMatch(/sin los de casillas especiales.*corte final/s);
    expect(TERMINOS.participacion.definicion).toContain('Se trunca');
    expect(TERMINOS['fuera-de-catalogo'].definicion).toMatch(/no corresponde a ninguna casilla aprobada.*no se suman/s);
    expect(TERMINOS['actas-capturadas'].definicion).toContain('No incluye las actas fuera de catálogo');
    expect(TERMINOS['actas-registradas'].definicion).toContain('incluidas las que están fuera de catálogo');
    expect(TERMINOS['acta-contabilizada'].definicion).toMatch(/sin acta.*excede la lista nominal.*ilegibles o están vacíos/s);
    expect(TERMINOS.inconsistencias.definicion).toMatch(/cuenta como cero y el acta sí se contabiliza/);
    expect(TERMINOS['casilla-especial'].definicion).toContain('No tiene lista nominal propia');
  });

  it('every figure on screen (Cifras.tsx) has the help of the term it names', () => {
    const ids = [...cifras.matchAll(/id: '([a-z-]+)'/g)].map((m) => m[1]!);
    expect(ids.length).toBe(9);
    for (const id of ids) expect(terminoDeCifra(id), id).toBeDefined();
    const conDetalle: Termino[] = ['inconsistencias', 'fuera-de-catalogo'];
    expect(ids.map(terminoDeDetalle).filter((t) => t !== undefined)).toEqual(conDetalle);
  });
});
