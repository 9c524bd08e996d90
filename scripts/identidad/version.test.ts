// The platform's side of `npm run auditoria`: /health's version against the rebuild and against the account's
// record as wrangler prints it with --json (the shapes below are those of Cloudflare's deployment and version
// objects, trimmed to a few of their fields plus one they carry that the audit ignores).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { etiquetasVersion } from './despliegue.ts';
import { compararVersion, esLocal, leerRegistroCuenta } from './version.ts';

const identidad = { commit: 'a'.repeat(40), workerSha256: 'b'.repeat(64), portalSha256: 'c'.repeat(64) };
const { tag, message } = etiquetasVersion(identidad);
const ID = '2f0e6a1c-3b4d-4e5f-8a9b-0c1d2e3f4a5b';
const desplegada = { id: ID, tag, timestamp: '2027-06-06T18:00:00.000Z' };
const despliegue = (version_id: string, created_on: string, percentage = 100) => ({ id: `d-${created_on}`, created_on, source: 'wrangler', author_email: 'prep@ejemplo.mx', versions: [{ version_id, percentage }] });
const versionCf = (id: string, t: string, m: string) => ({ id, number: 7, metadata: { created_on: '2027-06-06T18:00:00Z', source: 'wrangler' }, annotations: { 'workers/tag': t, 'workers/message': m } });
const fallidas = (cs: { que: string; coincide: boolean }[]) => cs.filter((c) => !c.coincide).map((c) => c.que);

const tmp = mkdtempSync(path.join(tmpdir(), 'prep-version-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('the platform version in an audit', () => {
  it('prints the version id; a local Worker (wrangler dev: no tag) is reported, not judged', () => {
    const c = compararVersion('http://localhost:8787/health', identidad, { ...desplegada, tag: '' }, true);
    expect(fallidas(c)).toEqual([]);
    expect(c[0]!.detalle).toBe(`id ${ID}, etiqueta «», subida 2027-06-06T18:00:00.000Z`);
  });

  it('a deployed version must carry the rebuild’s commit as its tag, and report itself at all', () => {
    expect(fallidas(compararVersion('h', identidad, desplegada, false))).toEqual([]);
    expect(fallidas(compararVersion('h', identidad, { ...desplegada, tag: '' }, false))).toEqual(['h: etiqueta de la versión (commit)']);
    expect(compararVersion('h', identidad, { ...desplegada, tag: 'bbbbbbbbbbbb' }, true)[1]!.detalle).toBe(`reconstruido ${tag}, dice «bbbbbbbbbbbb»`);
    expect(fallidas(compararVersion('h', identidad, null, false))).toEqual(['h: versión de la plataforma']);
  });

  it('the account’s newest deployment must send all traffic to the version /health names, with the rebuild’s tag and message', () => {
    const cuenta = { despliegues: [despliegue('viejo', '2027-06-05T10:00:00Z'), despliegue(ID, '2027-06-06T18:01:00Z')], version: versionCf(ID, tag, message) };
    expect(fallidas(compararVersion('h', identidad, desplegada, false, cuenta))).toEqual([]);
    // A rollback to another version after the audited deploy, a gradual deployment, another version's record.
    const otra = { ...cuenta, despliegues: [...cuenta.despliegues, despliegue('viejo', '2027-06-06T23:00:00Z')] };
    expect(fallidas(compararVersion('h', identidad, desplegada, false, otra))).toEqual(['wrangler deployments list: versión activa']);
    const gradual = { despliegues: [{ ...despliegue(ID, '2027-06-06T18:01:00Z', 50), versions: [{ version_id: ID, percentage: 50 }, { version_id: 'viejo', percentage: 50 }] }] };
    expect(compararVersion('h', identidad, desplegada, false, gradual).at(-1)!.detalle).toBe(`la cuenta dice ninguna al 100 %, /health dice ${ID}`);
    const ajena = { version: versionCf('x', tag, `worker ${'d'.repeat(40)} portal ${'c'.repeat(40)}`) };
    expect(fallidas(compararVersion('h', identidad, desplegada, false, ajena))).toEqual(['wrangler versions view: id', 'wrangler versions view: mensaje (SHA-256 del Worker y del portal)']);
  });

  it('reads the files wrangler wrote, and refuses one that is not its output', () => {
    const d = path.join(tmp, 'despliegues.json');
    const v = path.join(tmp, 'version.json');
    writeFileSync(d, JSON.stringify([despliegue(ID, '2027-06-06T18:01:00Z')]));
    writeFileSync(v, JSON.stringify(versionCf(ID, tag, message)));
    const cuenta = leerRegistroCuenta({ despliegues: d, version: v });
    expect(cuenta.despliegues?.[0]?.versions).toEqual([{ version_id: ID, percentage: 100 }]);
    expect(cuenta.version?.annotations?.['workers/tag']).toBe(tag);
    expect(() => leerRegistroCuenta({ despliegues: v })).toThrow(/no es la salida de `wrangler deployments list --json`/);
  });

  it('tells a Worker on this machine from a deployed one', () => {
    expect(['http://localhost:8787', 'http://127.0.0.1:8787/'].map(esLocal)).toEqual([true, true]);
    expect(esLocal('https://prep-edge-produccion.instituto.workers.dev')).toBe(false);
  });
});
