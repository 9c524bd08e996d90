// The build identity is reproducible: the same sources give the same digests wherever and whenever they are built,
// and a one-byte change in a source gives another. The Worker is bundled for real by wrangler's dry run from two
// copies of the sources in different folders; the portal digest is checked on a small tree against coreutils'
// `sha256sum` (an independent implementation of the documented recipe), and one real astro build is compared with
// the build `npm test` made before (pretest).
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RAIZ, entornoDeConstruccion } from '../lib/local.ts';
import { leerIdentidad } from './identidad.ts';
import { digestoPortal } from './portal.ts';
import { empaquetarWorker } from './worker.ts';

const tmp = mkdtempSync(path.join(tmpdir(), 'prep-identidad-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/**
 * A checkout's Worker sources under `dir` (node_modules linked, not copied): `site` too, since the Worker renders
 * the portal's components for readers without JavaScript (worker/api/portal-sin-script.ts).
 */
function copiaDeFuentes(origen: string, dir: string): void {
  mkdirSync(dir, { recursive: true });
  for (const f of ['worker', 'site', 'wrangler.toml', 'package.json', 'tsconfig.json']) cpSync(path.join(origen, f), path.join(dir, f), { recursive: true });
  symlinkSync(path.join(RAIZ, 'node_modules'), path.join(dir, 'node_modules'));
}

describe('Worker bundle digest (wrangler deploy --dry-run)', () => {
  // Two folders at the same depth: the bundle names each npm module by its path relative to the checkout, and the
  // copies link node_modules to this checkout's (in a real checkout it is inside, so the path does not matter).
  const a = path.join(tmp, 'a/prep');
  const b = path.join(tmp, 'b/prep');
  const assets = path.join(tmp, 'assets');
  beforeAll(() => {
    mkdirSync(assets);
    writeFileSync(path.join(assets, 'index.html'), '<!doctype html><title>x</title>');
    copiaDeFuentes(RAIZ, a);
    // b is copied from a, so that both hold the same bytes even while the working tree changes.
    copiaDeFuentes(a, b);
  });

  it('is the same for the same sources built twice in two folders, for either environment, and changes with one byte', () => {
    const uno = empaquetarWorker({ raiz: a, outdir: path.join(tmp, 'out-a'), assets });
    const dos = empaquetarWorker({ raiz: b, outdir: path.join(tmp, 'out-b'), assets, entorno: 'produccion' });
    expect(uno.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(uno.archivos.map((x) => x.ruta)).toContain('index.js');
    expect(dos.sha256).toBe(uno.sha256);
    // One byte of a string the Worker serves.
    const fuente = path.join(b, 'worker/cortes/identidad.ts');
    const texto = readFileSync(fuente, 'utf8');
    expect(texto).toContain('no cumple su esquema');
    writeFileSync(fuente, texto.replace('no cumple su esquema', 'no cumple su esquemo'));
    const tres = empaquetarWorker({ raiz: b, outdir: path.join(tmp, 'out-b2'), assets });
    expect(tres.sha256).not.toBe(uno.sha256);
    // Timeouts catch hangs: three bundles take ~15 s on an idle 2-core machine.
  }, 300_000);
});

describe('portal digest', () => {
  const dir = path.join(tmp, 'portal');
  beforeAll(() => {
    mkdirSync(path.join(dir, '_astro'), { recursive: true });
    mkdirSync(path.join(dir, 'acerca'), { recursive: true });
    writeFileSync(path.join(dir, 'index.html'), '<h1>PREP</h1>');
    writeFileSync(path.join(dir, 'acerca/index.html'), '<h1>Acerca</h1>');
    writeFileSync(path.join(dir, '_astro/a.B1.js'), 'export{}');
    writeFileSync(path.join(dir, '_astro/Z.css'), 'a{}');
    writeFileSync(path.join(dir, '_headers'), '/_astro/*\n  Cache-Control: immutable\n');
    writeFileSync(path.join(dir, '.assetsignore'), 'wrangler.json\n.dev.vars\n');
    writeFileSync(path.join(dir, 'wrangler.json'), '{"configPath":"/una/ruta/absoluta"}');
    writeFileSync(path.join(dir, 'identidad.json'), '{}');
  });

  it('equals the documented coreutils recipe over the files wrangler uploads', () => {
    const shell = execFileSync(
      'bash',
      ['-c', "find . -type f ! -name .assetsignore ! -name wrangler.json ! -name .dev.vars ! -name identidad.json -printf '%P\\n' | LC_ALL=C sort | xargs sha256sum | sha256sum"],
      { cwd: dir, encoding: 'utf8' },
    );
    const d = digestoPortal(dir);
    expect(d.sha256).toBe(shell.split(' ')[0]);
    expect(d.archivos.map((x) => x.ruta)).toEqual(['_astro/Z.css', '_astro/a.B1.js', '_headers', 'acerca/index.html', 'index.html']);
  });

  it('ignores what is not uploaded and the identity file, and changes with one byte or a renamed file', () => {
    const antes = digestoPortal(dir).sha256;
    writeFileSync(path.join(dir, 'wrangler.json'), '{"configPath":"/otra"}');
    writeFileSync(path.join(dir, 'identidad.json'), '{"commit":"x"}');
    expect(digestoPortal(dir).sha256).toBe(antes);
    writeFileSync(path.join(dir, 'acerca/index.html'), '<h1>Acerca.</h1>');
    const cambiado = digestoPortal(dir).sha256;
    expect(cambiado).not.toBe(antes);
    rmSync(path.join(dir, 'acerca/index.html'));
    writeFileSync(path.join(dir, 'acerca/indice.html'), '<h1>Acerca.</h1>');
    expect(digestoPortal(dir).sha256).not.toBe(cambiado);
  });
});

describe('astro build (one run)', () => {
  it('rebuilds the portal of the build before (pretest) to the same identity', () => {
    const previa = leerIdentidad(path.join(RAIZ, 'dist/client'));
    expect(previa, 'dist/client/identidad.json: `npm test` builds the portal first (pretest)').not.toBeNull();
    const out = path.join(tmp, 'astro');
    const r = spawnSync(path.join(RAIZ, 'node_modules/.bin/astro'), ['build', '--silent', '--outDir', out], { cwd: RAIZ, env: entornoDeConstruccion, encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    const nueva = leerIdentidad(path.join(out, 'client'));
    expect(nueva).toEqual(previa);
    expect(digestoPortal(path.join(out, 'client')).sha256).toBe(previa!.portalSha256);
  }, 600_000);
});
