import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import * as domain from './index.ts';

const aqui = path.dirname(fileURLToPath(import.meta.url));

function fuentes(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return fuentes(p);
    return e.name.endsWith('.ts') && !e.name.endsWith('.test.ts') ? [p] : [];
  });
}

describe('domain index', () => {
  it('re-exports the public API', () => {
    for (const nombre of [
      'clasificarActa', 'observacionesTexto', 'actasEsperadas', 'actaRegistrada', 'entradaConteo',
      'conteoVacio', 'sumarActa', 'sumarEsperada', 'sumarConteo', 'figuras', 'figurasFila', 'candidaturaDeColumna',
      'figurasDeConteo', 'porcentajeTruncado', 'textoPorcentaje', 'valorPorcentaje', 'resultadosDeFila', 'rutaShard',
      'VERSION_SHARDS', 'FIGURAS', 'CONTEO',
      'claveCasilla', 'claveActa', 'parseClaveCasilla', 'parseClaveActa', 'csvKey',
      'formatFechaHora', 'formatCorte', 'parseCorteLine', 'assertNever', 'ok', 'err',
      'CatalogoSchema', 'CapturaSchema', 'ActaPublicadaSchema', 'ClasificacionSchema', 'ConteoSchema', 'FigurasSchema',
    ]) {
      expect(domain, nombre).toHaveProperty(nombre);
    }
  });

  it('the domain core is pure: no Node-only modules, no I/O, no clock or randomness', () => {
    for (const archivo of fuentes(aqui)) {
      const texto = readFileSync(archivo, 'utf8');
      const rel = path.relative(aqui, archivo);
      expect(texto, rel).not.toMatch(/from ['"]node:|require\(|\bprocess\.|\bfetch\(|Date\.now\(|Math\.random\(/);
    }
  });

  it('every source file of acta/, conteo/, contrato/, claves/, tiempo/ and the root has its test beside it', () => {
    const carpetas = ['acta', 'conteo', 'contrato', 'claves', 'tiempo'].map((c) => path.join(aqui, c));
    const propios = fuentes(aqui).filter((f) => path.dirname(f) === aqui || carpetas.includes(path.dirname(f)));
    // Re-exports, declarative schemas, and the contract's type declarations (checked against the schemas by
    // contrato/contrato.test.ts).
    const exentos = [
      'index.ts', 'acta/esquema.ts', 'acta/publicada.ts', 'contrato/index.ts', 'contrato/acta.ts', 'contrato/catalogo.ts',
      'contrato/shards.ts', 'contrato/manifiesto.ts', 'contrato/salud.ts', 'contrato/aviso.ts',
    ];
    const sinTest = propios
      .filter((f) => !exentos.includes(path.relative(aqui, f)))
      .filter((f) => !readdirSync(path.dirname(f)).includes(path.basename(f).replace(/\.ts$/, '.test.ts')));
    expect(sinTest.map((f) => path.relative(aqui, f))).toEqual([]);
  });
});
