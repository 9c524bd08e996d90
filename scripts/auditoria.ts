/**
 * `npm run auditoria -- [--entorno pruebas|produccion] [--url <URL base>] [--despliegues <json>] [--version-cf <json>]`
 *
 * What the ente auditor runs from the audited commit (docs/CONTROL-DE-CAMBIOS.md): rebuilds the portal and the
 * Worker into a temporary folder, computes their identity, and compares it with what was deployed —
 *   - the deployment recorded by `npm run deploy` (.state/despliegue/<entorno>): the bundle wrangler bundled for
 *     it, digested again here (not trusted from the record), and the identity it was deployed with;
 *   - with `--url`, a running Worker: the identity its `/health` reports, the platform version that answers (the
 *     version metadata binding: its id is printed, its tag must be the rebuild's commit) and, file by file, the
 *     portal it serves;
 *   - with `--despliegues` / `--version-cf`, Cloudflare's record as the auditor saved it with the institute's
 *     account (`wrangler deployments list --env <entorno> --json`, `wrangler versions view <id> --env <entorno>
 *     --json`): the active version must be the one `/health` names, with the rebuild's tag and message.
 * Exit code 0 when everything matches, 1 when something does not, 2 for a usage error.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ENTORNOS, type Entorno, type IdentidadConstruccion } from '../worker/domain/contrato/index.ts';
import { IdentidadConstruccionSchema } from '../worker/domain/corte/shards.ts';
import { interfaz, leerArgumentos, responder } from './lib/argumentos.ts';
import { RAIZ, binario, correr, entornoDeConstruccion } from './lib/local.ts';
import { compararIdentidad, compararPortalServido, compararValor, type Comparacion } from './identidad/comparar.ts';
import { dirBundle, leerRegistro } from './identidad/despliegue.ts';
import { digestoArbol } from './identidad/digesto.ts';
import { commitDe } from './identidad/commit.ts';
import { textoIdentidad } from './identidad/identidad.ts';
import { digestoPortal } from './identidad/portal.ts';
import { compararVersion, esLocal, leerRegistroCuenta, VersionPlataformaSchema, type RegistroCuenta } from './identidad/version.ts';
import { empaquetarWorker, excluidosDelBundle } from './identidad/worker.ts';

const USO = interfaz({
  comando: 'npm run auditoria --',
  descripcion:
    'Reconstruye el commit actual y compara su identidad (commit, SHA-256 del Worker y del portal) con lo desplegado:\n' +
    'el registro de `npm run deploy` y, con --url, lo que informa y sirve un Worker en marcha.',
  opciones: {
    entorno: { tipo: 'texto', valor: 'ENTORNO', omision: 'pruebas', ayuda: 'pruebas o produccion' },
    url: { tipo: 'texto', valor: 'URL', ayuda: 'un Worker en marcha: compara su /health (identidad y versión de la plataforma) y el portal que sirve' },
    despliegues: { tipo: 'texto', valor: 'JSON', ayuda: 'la salida de `wrangler deployments list --env <entorno> --json` (requiere --url)' },
    'version-cf': { tipo: 'texto', valor: 'JSON', ayuda: 'la salida de `wrangler versions view <id> --env <entorno> --json` (requiere --url)' },
    desplegado: { tipo: 'texto', valor: 'DIR', ayuda: 'el registro del despliegue (por omisión: .state/despliegue/<entorno>)' },
    portal: { tipo: 'texto', valor: 'DIR', ayuda: 'no reconstruye el portal: usa estos assets ya construidos (el Worker sí se reconstruye)' },
  },
  ejemplos: [
    'npm run auditoria',
    'npm run auditoria -- --url http://localhost:8787',
    'npm run auditoria -- --entorno produccion --url https://prep.example.mx --despliegues despliegues.json --version-cf version.json',
  ],
});

interface Reconstruccion {
  identidad: IdentidadConstruccion;
  portal: ReturnType<typeof digestoPortal>;
}

/** Rebuilds into `tmp`: the portal with astro (unless given) and the Worker bundle for `entorno`. */
async function reconstruir(tmp: string, entorno: Entorno, portalDado: string | undefined): Promise<Reconstruccion | null> {
  let portal = portalDado;
  if (portal === undefined) {
    if ((await correr(binario('astro'), ['build', '--silent', '--outDir', tmp], entornoDeConstruccion)) !== 0) return null;
    portal = path.join(tmp, 'client');
  }
  const worker = empaquetarWorker({ raiz: RAIZ, outdir: path.join(tmp, 'bundle'), entorno, assets: portal });
  const digesto = digestoPortal(portal);
  return { identidad: { commit: commitDe(RAIZ), workerSha256: worker.sha256, portalSha256: digesto.sha256 }, portal: digesto };
}

/** The deployment recorded by `npm run deploy`: its bundle re-digested, and the identity it recorded. */
function contraRegistro(dir: string, entorno: Entorno, r: Reconstruccion): Comparacion[] {
  const registro = leerRegistro(dir);
  if (registro === null) return [{ que: `registro del despliegue (${dir})`, coincide: false, detalle: 'no existe: ejecute `npm run deploy -- <entorno> --dry-run`' }];
  const bundle = digestoArbol(dirBundle(dir), excluidosDelBundle);
  return [
    compararValor('despliegue: entorno', entorno, registro.entorno),
    compararValor('despliegue: SHA-256 del bundle desplegado (recalculado)', r.identidad.workerSha256, bundle.sha256),
    ...compararIdentidad('despliegue: identidad registrada', r.identidad, registro.identidad),
  ];
}

/** A running Worker: its /health identity, environment and platform version, and every portal file it serves. */
async function contraWorker(url: string, entorno: Entorno, r: Reconstruccion, cuenta: RegistroCuenta, pedir: typeof fetch): Promise<Comparacion[]> {
  const res = await pedir(`${url.replace(/\/+$/, '')}/health`).catch((e: unknown) => e as Error);
  if (res instanceof Error || !res.ok) return [{ que: `${url}/health`, coincide: false, detalle: res instanceof Error ? res.message : `HTTP ${res.status}` }];
  const salud = (await res.json()) as { entorno?: string; construccion?: unknown; version?: unknown };
  const construccion = IdentidadConstruccionSchema.nullable().safeParse(salud.construccion ?? null);
  const version = VersionPlataformaSchema.safeParse(salud.version);
  return [
    compararValor(`${url}/health: entorno`, entorno, salud.entorno),
    ...compararIdentidad(`${url}/health`, r.identidad, construccion.success ? construccion.data : null),
    ...compararVersion(`${url}/health`, r.identidad, version.success ? version.data : null, esLocal(url), cuenta),
    await compararPortalServido(url, r.portal.archivos, pedir),
  ];
}

export async function main(args: readonly string[], escribir: (l: string) => void = (l) => console.log(l), escribirError: (l: string) => void = (l) => console.error(l), pedir: typeof fetch = fetch): Promise<number> {
  const l = leerArgumentos(args, USO);
  if (l.tipo === 'salida') return responder(l, { log: escribir, error: escribirError });
  const v = l.valores;
  const entorno = v.entorno as Entorno;
  if (!ENTORNOS.includes(entorno)) return responder({ codigo: 2, texto: `error: entorno desconocido: ${v.entorno} (pruebas o produccion)` }, { log: escribir, error: escribirError });
  if ((v.despliegues || v['version-cf']) && !v.url) return responder({ codigo: 2, texto: 'error: --despliegues y --version-cf se comparan con el /health de --url' }, { log: escribir, error: escribirError });
  let cuenta: RegistroCuenta;
  try {
    cuenta = leerRegistroCuenta({ despliegues: v.despliegues, version: v['version-cf'] });
  } catch (e) {
    return responder({ codigo: 2, texto: `error: ${e instanceof Error ? e.message : String(e)}` }, { log: escribir, error: escribirError });
  }
  const tmp = mkdtempSync(path.join(tmpdir(), 'prep-auditoria-'));
  try {
    escribir(`» reconstruyendo ${v.portal ? 'el Worker' : 'el portal y el Worker'} del árbol actual…`);
    const r = await reconstruir(tmp, entorno, v.portal && path.resolve(v.portal));
    if (r === null) return 1;
    escribir(`Reconstrucción: ${textoIdentidad(r.identidad)}`);
    if (r.identidad.commit.endsWith('-modificado')) escribir('AVISO: el árbol tiene cambios sin confirmar; se audita el árbol, no un commit.');
    const comparaciones = contraRegistro(path.resolve(v.desplegado ?? path.join(RAIZ, '.state/despliegue', entorno)), entorno, r);
    if (v.url) comparaciones.push(...(await contraWorker(v.url, entorno, r, cuenta, pedir)));
    for (const c of comparaciones) escribir(`${c.coincide ? '✓' : '✗'} ${c.que}: ${c.detalle}`);
    const ok = comparaciones.every((c) => c.coincide);
    escribir(ok ? 'AUDITORÍA: lo desplegado es la reconstrucción de este árbol.' : 'AUDITORÍA: NO COINCIDE (ver ✗ arriba).');
    return ok ? 0 : 1;
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

if (import.meta.main) process.exit(await main(process.argv.slice(2)));
