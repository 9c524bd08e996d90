/**
 * What `npm run bench:catd` starts from: the local stack (wrangler dev with local D1 and R2, the Worker frozen so
 * an edit elsewhere cannot reload it mid-run) serving the built portal, with the synthetic Jalisco catalogue and
 * a handful of operators of three CATDs, and the actas each CATD will handle (catd-actas.ts). One CATD works
 * through the screens, the others straight through the API (from the browser, from Node), so no desk ever sees
 * another side's actas in its queue.
 */
import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { OperadorNuevo } from '../../worker/domain/captura/operador-nuevo.ts';
import type { Catalogo } from '../../worker/domain/catalogo/esquema.ts';
import { generarJalisco } from '../generador/generar.ts';
import { RAIZ } from '../lib/local.ts';
import { crearOperadoresEnLote } from '../lib/operadores-lote.ts';
import { construirPortal, iniciarPila, type Pila } from '../lib/pila.ts';
import { sembrarLocal } from '../seed.ts';
import { catdDe } from '../simulacro/plan.ts';
import { elegirActas, type ActaBench } from './catd-actas.ts';

const HORA = 3_600_000;

export interface Lado {
  catd: string;
  actas: ActaBench[];
  /** The operator ids of this side, one per desk. */
  acopio: string;
  digitalizacion: string;
  captura: string;
}

export interface Preparacion {
  cat: Catalogo;
  pila: Pila;
  tokens: ReadonlyMap<string, string>;
  /** Works through the screens. */
  pantalla: Lado;
  /** The same writes straight to the API with a bearer token, from a page of the same browser. */
  api: Lado;
  /** The same writes straight to the API with a bearer token, from Node (the bench's own process). */
  node: Lado;
  cerrar(): Promise<void>;
}

function operadoresDe(lado: string, catd: string): OperadorNuevo[] {
  const op = (puesto: string, rol: 'acopio' | 'digitalizacion' | 'captura'): OperadorNuevo => ({
    id: `bench-${lado}-${puesto}`,
    nombre: `Banco ${lado} ${puesto}`,
    ambito: 'CATD',
    catd,
    roles: [rol],
    casillas: [],
  });
  return [op('acopio', 'acopio'), op('dig', 'digitalizacion'), op('cap', 'captura')];
}

const lado = (nombre: string, catd: string, actas: ActaBench[]): Lado => ({
  catd,
  actas,
  acopio: `bench-${nombre}-acopio`,
  digitalizacion: `bench-${nombre}-dig`,
  captura: `bench-${nombre}-cap`,
});

/**
 * The portal to serve, in a temporary folder of its own (removed by `cerrar`): a copy of `portal` when it has the
 * CATD screens (dist/client after `npx astro build`), so that a build running meanwhile cannot pull the files
 * from under the stack; else a fresh build.
 */
function portal(dir: string | null): { cliente: string; temporal: string } {
  const origen = dir ?? path.join(RAIZ, 'dist/client');
  const temporal = mkdtempSync(path.join(tmpdir(), 'prep-bench-catd-sitio-'));
  const cliente = path.join(temporal, 'client');
  try {
    if (existsSync(path.join(origen, 'catd/captura/index.html'))) cpSync(origen, cliente, { recursive: true });
    if (!existsSync(path.join(cliente, 'catd/captura/index.html'))) construirPortal(temporal);
  } catch (e) {
    rmSync(temporal, { recursive: true, force: true });
    throw e;
  }
  return { cliente, temporal };
}

export async function prepararCatd(o: { actas: number; portal: string | null; alAvanzar: (t: string) => void }): Promise<Preparacion> {
  const cat = generarJalisco(2024);
  const [deLaPantalla, deLaApi, deNode] = elegirActas(cat, o.actas, 3) as [ActaBench[], ActaBench[], ActaBench[]];
  const pantalla = lado('p', catdDe(cat.catds, deLaPantalla[0]!.acta).id, deLaPantalla);
  const api = lado('a', catdDe(cat.catds, deLaApi[0]!.acta).id, deLaApi);
  const node = lado('n', catdDe(cat.catds, deNode[0]!.acta).id, deNode);
  o.alAvanzar('portal');
  const { cliente, temporal } = portal(o.portal);
  let tokens = new Map<string, string>();
  o.alAvanzar('pila: catálogo sintético de Jalisco y operadores');
  try {
    const pila = await iniciarPila({
      congelar: true,
      assetsDir: cliente,
      prepararDatos: async ({ persistTo }) => {
        await sembrarLocal(2024, persistTo);
        const operadores = [...operadoresDe('p', pantalla.catd), ...operadoresDe('a', api.catd), ...operadoresDe('n', node.catd)];
        tokens = await crearOperadoresEnLote(persistTo, operadores, { vigenciaMs: 12 * HORA, limitePorMinuto: 10_000 });
      },
    });
    return {
      cat,
      pila,
      tokens,
      pantalla,
      api,
      node,
      async cerrar() {
        await pila.parar();
        rmSync(temporal, { recursive: true, force: true });
      },
    };
  } catch (e) {
    rmSync(temporal, { recursive: true, force: true });
    throw e;
  }
}
