import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { hashCatalogo, hashConfiguracion, type Configuracion } from './huellas.ts';

const sha = (t: string) => createHash('sha256').update(t).digest('hex');

describe('puesta en ceros: hashes', () => {
  it('hashes the catalogue as docs/PUESTA-EN-CEROS.md writes it: table name, then one line per row', async () => {
    const tablas = [
      { tabla: 'entidad', filas: ['[14,"Jalisco",-360,1]'] },
      { tabla: 'eleccion', filas: ['["DIP","Diputaciones"]', '["GOB","Gubernatura"]'] },
      { tabla: 'coalicion', filas: [] },
    ];
    const esperado = sha('entidad\n[14,"Jalisco",-360,1]\neleccion\n["DIP","Diputaciones"]\n["GOB","Gubernatura"]\ncoalicion\n');
    expect(await hashCatalogo(tablas)).toBe(esperado);
    const cambiada = [tablas[0]!, { tabla: 'eleccion', filas: ['["DIP","Diputaciones"]', '["GOB","Gubernaturo"]'] }, tablas[2]!];
    expect(await hashCatalogo(cambiada)).not.toBe(esperado);
    // A row moved to another table is another catalogue.
    expect(await hashCatalogo([tablas[0]!, { tabla: 'eleccion', filas: ['["DIP","Diputaciones"]'] }, { tabla: 'coalicion', filas: ['["GOB","Gubernatura"]'] }])).not.toBe(esperado);
  });

  it('hashes the configuration as canonical JSON (sorted keys, no blanks)', async () => {
    const c: Configuracion = {
      wrangler: { sha256: 'f'.repeat(64), entorno: 'pruebas', nombre: 'prep-edge' },
      cortes: { jornada: '2027-06-06', inicioMinutos: 1200, duracionMinutos: 1440, cadenciaMinutos: 5 },
    };
    const texto = `{"cortes":{"cadenciaMinutos":5,"duracionMinutos":1440,"inicioMinutos":1200,"jornada":"2027-06-06"},"wrangler":{"entorno":"pruebas","nombre":"prep-edge","sha256":"${'f'.repeat(64)}"}}`;
    expect(await hashConfiguracion(c)).toBe(sha(texto));
    expect(await hashConfiguracion({ ...c, cortes: { ...c.cortes, cadenciaMinutos: 6 } })).not.toBe(sha(texto));
  });
});
