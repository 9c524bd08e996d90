/**
 * A local stack (wrangler dev, local D1 and R2) holding a catalogue and the siembra's operators, without the portal:
 * for the tests of command-line tools that read D1 and R2 (ensayo, informe). Returns the stack and each operator's
 * token.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Catalogo } from '../../../worker/domain/catalogo/esquema.ts';
import { guionSqlCatalogo } from '../../../worker/db/catalogo-carga.ts';
import { ejecutarArchivoD1Local } from '../../../scripts/lib/d1-local.ts';
import { cerrarD1Local } from '../../../scripts/lib/d1-sesion.ts';
import { crearOperadoresEnLote } from '../../../scripts/lib/operadores-lote.ts';
import { iniciarPila, type Pila } from '../../../scripts/lib/pila.ts';
import { catalogoEjemplo, fixtureActas } from '../../ejemplos/eleccion.ts';
import { construirPortal } from './pila.ts';
import { operadores, type Siembra } from './siembra.ts';

type OperadorNuevo = Parameters<typeof crearOperadoresEnLote>[1][number];

/**
 * The portal of this tree, built into `sitio` (or one built elsewhere: `portal`, its client folder), served by a
 * local stack holding the catalogue and the siembra's operators (plus `mas`): the portal's end-to-end tests.
 * `congelar`: the Worker bundled once, so a source edited meanwhile never reloads it in the middle of a corte.
 */
export async function pilaConPortal(
  cat: Catalogo,
  siembra: Siembra,
  sitio: string,
  o: { mas?: readonly OperadorNuevo[]; congelar?: boolean; portal?: string } = {},
): Promise<{ pila: Pila; tokens: Map<string, string> }> {
  if (o.portal === undefined) construirPortal(sitio);
  let tokens = new Map<string, string>();
  const pila = await iniciarPila({
    assetsDir: o.portal ?? path.join(sitio, 'client'),
    ...(o.congelar ? { congelar: true } : {}),
    prepararDatos: async ({ persistTo }) => {
      writeFileSync(path.join(sitio, 'catalogo.sql'), guionSqlCatalogo(cat));
      ejecutarArchivoD1Local(persistTo, path.join(sitio, 'catalogo.sql'));
      tokens = await crearOperadoresEnLote(persistTo, [...operadores(cat, siembra), ...(o.mas ?? [])], { vigenciaMs: 4 * 3_600_000, limitePorMinuto: 100_000 });
      cerrarD1Local(persistTo);
    },
  });
  return { pila, tokens };
}

/** A published JSON of the stack, as the portal fetches it; an HTTP error says which. */
export async function leerJson(pila: Pila, ruta: string): Promise<unknown> {
  const r = await fetch(`${pila.url}/${ruta}`);
  if (!r.ok) throw new Error(`/${ruta}: HTTP ${r.status}`);
  return r.json();
}

export async function pilaConOperadores(cat: Catalogo, siembra: Siembra, dir: string): Promise<{ pila: Pila; tokens: Map<string, string> }> {
  // The tools read D1 and R2, never the portal: an empty assets folder will do.
  const sinPortal = path.join(dir, 'portal');
  mkdirSync(sinPortal);
  writeFileSync(path.join(dir, 'catalogo.sql'), guionSqlCatalogo(cat));
  let tokens = new Map<string, string>();
  const pila = await iniciarPila({
    assetsDir: sinPortal,
    prepararDatos: async ({ persistTo }) => {
      ejecutarArchivoD1Local(persistTo, path.join(dir, 'catalogo.sql'));
      tokens = await crearOperadoresEnLote(persistTo, operadores(cat, siembra), { vigenciaMs: 3_600_000, limitePorMinuto: 100_000 });
      cerrarD1Local(persistTo);
    },
  });
  return { pila, tokens };
}

const literal = (x: string) => `'${x.replaceAll("'", "''")}'`;

/**
 * A local stack holding the example catalogue and the fixture's actas in the publication log, with a corte
 * published by the cron (`/__scheduled`), the window open since local midnight (UTC-6) of today; `assetsDir`: the
 * portal it serves, if any; `congelar` as in `pilaConPortal`. For the tests of what a cron corte publishes over HTTP
 * (and the Lighthouse bench).
 */
export async function pilaConCorteDelCron(dir: string, assetsDir?: string, o: { congelar?: boolean } = {}): Promise<Pila> {
  const pila = await iniciarPila({
    ...(assetsDir ? { assetsDir } : {}),
    ...(o.congelar ? { congelar: true } : {}),
    prepararDatos: ({ persistTo }) => {
      const hoy = new Date(Date.now() - 6 * 3_600_000).toISOString().slice(0, 10);
      const sql = [
        guionSqlCatalogo(catalogoEjemplo),
        ...fixtureActas.map(
          (f, i) =>
            `INSERT INTO acta_publicacion (seq, clave, eleccion, payload) VALUES (${i + 1}, ${literal(f.acta.clave)}, ${literal(f.acta.identificacion.eleccion)}, ${literal(JSON.stringify(f.acta))});`,
        ),
        `UPDATE secuencia SET valor = ${fixtureActas.length} WHERE id = 1;`,
        `UPDATE corte_config SET jornada = '${hoy}', inicio_minutos = 0 WHERE id = 1;`,
      ].join('\n');
      writeFileSync(path.join(dir, 'datos.sql'), sql);
      ejecutarArchivoD1Local(persistTo, path.join(dir, 'datos.sql'));
      cerrarD1Local(persistTo);
    },
  });
  // A frozen bundle answers the scheduled trigger at wrangler's own path only (as scripts/bench/lectores does).
  const disparador = o.congelar ? '/cdn-cgi/local/scheduled' : '/__scheduled';
  const r = await fetch(`${pila.url}${disparador}?cron=*+*+*+*+*`);
  if (!r.ok) {
    // The caller never gets this stack to stop.
    const salida = pila.salida();
    await pila.parar();
    throw new Error(`${disparador}: HTTP ${r.status}\n${salida}`);
  }
  return pila;
}
