/**
 * `npm run deploy -- <pruebas|produccion> [--dry-run]`
 *
 * Builds the portal, bundles the Worker for the environment, computes the build identity (commit, Worker and
 * portal SHA-256: docs/CONTROL-DE-CAMBIOS.md), writes it beside the assets, records the deployment under
 * .state/despliegue/<entorno> for `npm run auditoria`, and deploys with `wrangler deploy --env <entorno>`, the
 * identity as the version's tag and message. `--dry-run` stops before uploading (no network). Production refuses
 * a work tree with uncommitted changes: only reviewed, committed code goes to the election night.
 */
import path from 'node:path';
import { ENTORNOS, type Entorno } from '../worker/domain/contrato/index.ts';
import { interfaz, leerArgumentos, responder } from './lib/argumentos.ts';
import { RAIZ, binario, correr, entornoDeConstruccion } from './lib/local.ts';
import { etiquetasVersion, prepararDespliegue } from './identidad/despliegue.ts';
import { textoIdentidad } from './identidad/identidad.ts';

const USO = interfaz({
  comando: 'npm run deploy --',
  descripcion:
    'Construye el portal y el Worker, calcula la identidad de la construcción (commit, SHA-256 del Worker y del portal)\n' +
    'y despliega en el entorno indicado con wrangler. En produccion no se despliega un árbol con cambios sin confirmar.',
  posicionales: { texto: '<pruebas | produccion>', min: 1, max: 1 },
  opciones: {
    'dry-run': { tipo: 'bandera', ayuda: 'todo menos subir: wrangler deploy --dry-run (sin red)' },
    'sin-construir': { tipo: 'bandera', ayuda: 'usa el portal ya construido en lugar de volver a construirlo' },
    portal: { tipo: 'texto', valor: 'DIR', ayuda: 'la carpeta de assets del portal (por omisión: dist/client)' },
    salida: { tipo: 'texto', valor: 'DIR', ayuda: 'dónde queda el registro del despliegue (por omisión: .state/despliegue/<entorno>)' },
  },
  ejemplos: ['npm run deploy -- pruebas --dry-run', 'npm run deploy -- produccion'],
});

export async function main(args: readonly string[], escribir: (l: string) => void = (l) => console.log(l), escribirError: (l: string) => void = (l) => console.error(l)): Promise<number> {
  const l = leerArgumentos(args, USO);
  if (l.tipo === 'salida') return responder(l, { log: escribir, error: escribirError });
  const entorno = l.posicionales[0] as Entorno;
  if (!ENTORNOS.includes(entorno)) return responder({ codigo: 2, texto: `error: entorno desconocido: ${entorno} (pruebas o produccion)` }, { log: escribir, error: escribirError });
  const v = l.valores;
  const portal = path.resolve(v.portal ?? path.join(RAIZ, 'dist/client'));
  const salida = path.resolve(v.salida ?? path.join(RAIZ, '.state/despliegue', entorno));
  if (!v['sin-construir']) {
    escribir('» construyendo el portal (astro build)…');
    if ((await correr(binario('astro'), ['build', '--silent', '--outDir', path.dirname(portal)], entornoDeConstruccion)) !== 0) return 1;
  }
  escribir(`» empaquetando el Worker para ${entorno} (wrangler deploy --dry-run --env ${entorno})…`);
  const identidad = prepararDespliegue({ raiz: RAIZ, entorno, portal, salida });
  escribir(`Identidad: ${textoIdentidad(identidad)}`);
  escribir(`Registro del despliegue: ${path.relative(RAIZ, salida) || salida}`);
  if (entorno === 'produccion' && !/^[0-9a-f]{40}$/.test(identidad.commit)) {
    const motivo = `produccion solo recibe un commit sin cambios pendientes; este árbol es ${identidad.commit}`;
    if (!v['dry-run']) {
      escribirError(`error: ${motivo}`);
      return 1;
    }
    escribir(`AVISO: ${motivo} (se permite solo en --dry-run)`);
  }
  if (v['dry-run']) {
    escribir(`--dry-run: no se subió nada. Entorno ${entorno}; bundle en ${path.relative(RAIZ, salida)}/worker.`);
    return 0;
  }
  const { tag, message } = etiquetasVersion(identidad);
  escribir(`» desplegando en ${entorno} (versión ${tag})…`);
  return correr(binario('wrangler'), ['deploy', '--env', entorno, '--assets', portal, '--tag', tag, '--message', message]);
}

if (import.meta.main) process.exit(await main(process.argv.slice(2)));
