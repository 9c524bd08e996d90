// Self-replay end to end (issue 12): the database our corte publishes for a small generated night, written to
// files and fed to `npm run replay`, which starts a fresh local instance, sends every acta through the real
// capture API, publishes a corte at the file's instant and compares: no difference at all. The property over many
// nights, without the API, is scripts/replay/autorreplay.test.ts.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { arbActasNoche, baseDeDatosNoche, catalogoNoche, modeloNoche } from '../test/ejemplos/noche-generada.ts';
import { ELECCIONES } from './generador/generar.ts';
import { main, SALIDA, type Salida } from './replay.ts';

const tmp = mkdtempSync(path.join(os.tmpdir(), 'prep-autorreplay-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('npm run replay on our own published database', { timeout: 150_000 }, () => {
  it('reproduces a generated night exactly: every acta and every summary figure of every election (exit 0)', async () => {
    // Three elections, one coalition, every expected acta registered in some state, fuera de catálogo rows.
    const catalogo = catalogoNoche({
      entidad: 19,
      nombreEntidad: 'Nuevo León',
      utcOffsetMinutes: -360,
      elecciones: ELECCIONES,
      distritos: 2,
      municipios: 3,
      coaliciones: 1,
      independientes: 1,
      semilla: 12,
      casillas: { B: 5, C: 4, E: 1, S: 1 },
    });
    const modelo = modeloNoche(catalogo);
    const [actas] = fc.sample(arbActasNoche(modelo), { numRuns: 1, seed: 12 });
    const base = baseDeDatosNoche(modelo, actas!, true);
    const rutas = base.map((a) => {
      const ruta = path.join(tmp, a.nombre);
      writeFileSync(ruta, a.bytes);
      return ruta;
    });
    const log: string[] = [];
    const error: string[] = [];
    const salida: Salida = { log: (l) => log.push(l), error: (l) => error.push(l) };
    const codigo = await main([...rutas, '--final'], salida);
    const texto = [...error, ...log].join('\n');
    expect(codigo, texto).toBe(SALIDA.COINCIDE);
    expect(log.at(-1), texto).toBe('VEREDICTO: COINCIDE — nuestra publicación reproduce el archivo: cada acta y cada cifra del resumen.');
    expect(texto).not.toMatch(/✗|NO CONCUERDA/);
    for (const e of modelo.elecciones) expect(texto).toContain(e.eleccion.codigo);
  });
});
