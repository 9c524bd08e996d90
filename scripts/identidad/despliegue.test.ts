// `npm run deploy -- <entorno> --dry-run` and `npm run auditoria` end to end, with wrangler's real dry run: the
// deployment record matches a rebuild; one byte changed in the deployed bundle or in the portal is named.
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main as auditoria } from '../auditoria.ts';
import { main as deploy } from '../deploy.ts';
import { leerRegistro } from './despliegue.ts';
import { leerIdentidad } from './identidad.ts';

const tmp = mkdtempSync(path.join(tmpdir(), 'prep-despliegue-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const portal = path.join(tmp, 'portal');
const salida = path.join(tmp, 'registro');

async function correr(f: typeof deploy, args: string[]): Promise<{ codigo: number; texto: string }> {
  const lineas: string[] = [];
  const codigo = await f(args, (l) => lineas.push(l), (l) => lineas.push(l));
  return { codigo, texto: lineas.join('\n') };
}

beforeAll(() => {
  mkdirSync(path.join(portal, 'acerca'), { recursive: true });
  writeFileSync(path.join(portal, 'index.html'), '<h1>PREP</h1>');
  writeFileSync(path.join(portal, 'acerca/index.html'), '<h1>Acerca</h1>');
});

describe('deploy --dry-run and auditoria', () => {
  it('records the deployment with its identity, which a rebuild matches; a changed byte is found', async () => {
    const d = await correr(deploy, ['pruebas', '--dry-run', '--sin-construir', '--portal', portal, '--salida', salida]);
    expect(d.codigo, d.texto).toBe(0);
    const registro = leerRegistro(salida);
    expect(registro?.entorno).toBe('pruebas');
    expect(d.texto).toContain(`Identidad: commit ${registro!.identidad.commit}, Worker sha256 ${registro!.identidad.workerSha256}, portal sha256 ${registro!.identidad.portalSha256}`);
    // The Worker reads the same identity from its assets.
    expect(leerIdentidad(portal)).toEqual(registro!.identidad);

    const a = await correr(auditoria, ['--portal', portal, '--desplegado', salida]);
    expect(a.codigo, a.texto).toBe(0);
    expect(a.texto).not.toContain('✗');
    expect(a.texto).toContain('✓ despliegue: SHA-256 del bundle desplegado (recalculado)');

    // One byte of the deployed bundle: the record still claims the old digest, the recomputation does not.
    const bundle = path.join(salida, 'worker/index.js');
    const copia = path.join(tmp, 'index.js');
    cpSync(bundle, copia);
    writeFileSync(bundle, readFileSync(bundle, 'utf8').replace('no cumple su esquema', 'no cumple su esquemo'));
    const b = await correr(auditoria, ['--portal', portal, '--desplegado', salida]);
    expect(b.codigo).toBe(1);
    expect(b.texto).toMatch(/✗ despliegue: SHA-256 del bundle desplegado \(recalculado\): reconstruido [0-9a-f]{64}, dice [0-9a-f]{64}/);
    expect(b.texto).toContain('AUDITORÍA: NO COINCIDE');
    cpSync(copia, bundle);

    // A portal that is not the deployed one.
    writeFileSync(path.join(portal, 'index.html'), '<h1>PREP.</h1>');
    const c = await correr(auditoria, ['--portal', portal, '--desplegado', salida]);
    expect(c.codigo).toBe(1);
    expect(c.texto).toMatch(/✗ despliegue: identidad registrada: portal sha256/);
  }, 600_000);

  it('says what is wrong with its arguments (exit 2)', async () => {
    expect((await correr(deploy, [])).codigo).toBe(2);
    const x = await correr(deploy, ['ensayo', '--dry-run']);
    expect(x.codigo).toBe(2);
    expect(x.texto).toContain('entorno desconocido: ensayo');
    expect((await correr(auditoria, ['--entorno', 'local'])).codigo).toBe(2);
    const sinUrl = await correr(auditoria, ['--despliegues', 'despliegues.json']);
    expect([sinUrl.codigo, sinUrl.texto]).toEqual([2, 'error: --despliegues y --version-cf se comparan con el /health de --url']);
  });
});
