/**
 * Per-election membership of casillas (casillas.csv ELECCIONES): the votes from abroad, published by real PREP
 * databases as sección 0000, casilla M 00 in a pseudo-distrito, vote only for the entidad-wide election.
 */
import { describe, expect, it } from 'vitest';
import { catalogoEjemplo } from '../../../test/ejemplos/eleccion.ts';
import { CASILLA_EXTRANJERO, catalogoConVotoExtranjero } from '../../../test/ejemplos/voto-extranjero.ts';
import { actasEsperadas } from '../acta/esperadas.ts';
import { parseClaveCasilla } from '../claves/clave.ts';
import { archivosACatalogo } from './archivos/leer.ts';
import { catalogoAArchivos } from './archivos/escribir.ts';
import { votaEn } from './pertenencia.ts';
import { validarCatalogo } from './validar.ts';

const EXTRANJERO = CASILLA_EXTRANJERO;
const conVotoExtranjero = catalogoConVotoExtranjero;

const bytes = (texto: string) => new TextEncoder().encode(texto);

describe('votaEn', () => {
  it('is every election without ELECCIONES, and only the listed ones with it', () => {
    expect(votaEn({}, 'AYUN')).toBe(true);
    expect(votaEn({ elecciones: ['GUB'] }, 'GUB')).toBe(true);
    expect(votaEn({ elecciones: ['GUB'] }, 'AYUN')).toBe(false);
  });
});

describe('a casilla that votes in some elections only', () => {
  it('validates without a ballot for the pseudo-distrito in the elections it does not vote in', () => {
    expect(validarCatalogo(conVotoExtranjero())).toEqual([]);
  });

  it('expects its acta only in its elections, with key 210000M0000-style sección 0000 and casilla 00', () => {
    const r = actasEsperadas(conVotoExtranjero());
    if (!r.ok) throw new Error(JSON.stringify(r.error));
    const suyas = r.value.filter((a) => a.claveCasilla === '140000M0000');
    expect(suyas.map((a) => [a.clave, a.eleccion.codigo, a.territorio])).toEqual([['140000M00004', 'GUB', 0]]);
    const base = actasEsperadas(catalogoEjemplo);
    if (!base.ok) throw new Error('fixture');
    expect(r.value.length).toBe(base.value.length + 1);
  });

  it('round-trips through the catalogue files, with the ELECCIONES column only when some casilla has it', () => {
    const archivos = catalogoAArchivos(conVotoExtranjero());
    const casillas = archivos.find((a) => a.nombre === 'casillas.csv')!.texto;
    expect(casillas.split('\r\n')[0]).toMatch(/,ELECCIONES$/);
    expect(casillas).toContain("'140000M0000,0,M,0,0,1,0,0,GUB\r\n");
    expect(casillas).toContain("'140338B0100,338,B,1,0,");
    const leido = archivosACatalogo(archivos.map((a) => ({ nombre: a.nombre, bytes: bytes(a.texto) })));
    if (!leido.ok) throw new Error(JSON.stringify(leido.error));
    expect(catalogoAArchivos(leido.value)).toEqual(archivos);
    const sin = catalogoAArchivos(catalogoEjemplo).find((a) => a.nombre === 'casillas.csv')!.texto;
    expect(sin.split('\r\n')[0]).not.toContain('ELECCIONES');
  });

  it('refuses sección 0 or casilla 0 for any type but M, and unknown or repeated elections', () => {
    const cat = conVotoExtranjero();
    cat.casillas = [
      ...catalogoEjemplo.casillas,
      { ...EXTRANJERO, tipo: 'B', id: 1, elecciones: undefined },
      { ...EXTRANJERO, id: 1, elecciones: ['GUB', 'SEN', 'GUB'] },
    ];
    const codigos = validarCatalogo(cat).map((p) => [p.codigo, p.mensaje.replace(/^casillas fila \d+: /, '')]);
    expect(codigos).toContainEqual(['FUERA_DE_RANGO', 'la casilla 0000 B 01 00 es tipo B: solo una casilla M (voto desde el extranjero) puede ser de la sección 0 o tener número 0']);
    expect(codigos).toContainEqual(['ELECCION_DESCONOCIDA', 'la casilla 0000 M 01 00 vota en la elección SEN, que no existe']);
    expect(codigos).toContainEqual(['DUPLICADO', 'la casilla 0000 M 01 00 repite la elección GUB']);
  });

  it('parses the key of the votes from abroad, and no other sección 0000 or casilla 00', () => {
    expect(parseClaveCasilla("'210000M0000").ok).toBe(true);
    expect(parseClaveCasilla('210000B0100').ok).toBe(false);
    expect(parseClaveCasilla('210338B0000').ok).toBe(false);
  });
});
