// The catalogue hash of the puesta en ceros names the sección boundaries when the catalogue carried them, and is
// unchanged for a catalogue without them (a real local D1 with the example catalogue).
import { afterAll, describe, expect, it } from 'vitest';
import { d1Temporal } from '../lib/prueba-local.ts';
import { hashCatalogo } from './huellas.ts';
import { leerTablasCatalogo } from './lectura.ts';

const d1 = d1Temporal();
afterAll(() => d1.borrar());

describe('leerTablasCatalogo', { timeout: 60_000 }, () => {
  it('adds the boundaries rows of configuracion as one more block, only when there are any', async () => {
    const sinMapa = leerTablasCatalogo(d1);
    expect(sinMapa.map((t) => t.tabla)).not.toContain('configuracion');
    d1.consulta("INSERT INTO configuracion (clave, valor) VALUES ('otra_cosa', 'x')");
    expect(await hashCatalogo(leerTablasCatalogo(d1))).toBe(await hashCatalogo(sinMapa));
    d1.consulta(`INSERT INTO configuracion (clave, valor) VALUES ('mapa_secciones/indice', '{"huella":"0123456789abcdef","territorios":[]}'),
      ('mapa_secciones/texto/0000', '{"type":"Topology"}')`);
    const conMapa = leerTablasCatalogo(d1);
    expect(conMapa.at(-1)).toEqual({
      tabla: 'configuracion',
      filas: ['["mapa_secciones/indice","{\\"huella\\":\\"0123456789abcdef\\",\\"territorios\\":[]}"]', '["mapa_secciones/texto/0000","{\\"type\\":\\"Topology\\"}"]'],
    });
    expect(await hashCatalogo(conMapa)).not.toBe(await hashCatalogo(sinMapa));
  });
});
