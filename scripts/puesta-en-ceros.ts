/**
 * `npm run puesta-en-ceros [-- --cierre]` (docs/PUESTA-EN-CEROS.md): before the night, checks that the local D1
 * holds the catalogue and nothing else of the night (no acta, capture, image, corte, audit entry or R2 object),
 * records the catalogue's, the build's and the configuration's SHA-256 as the FIRST entry of the audit chain, and
 * prints the act to be signed. After the night, `--cierre` records the closing entry and prints the closing act.
 * Exit code 0 when recorded, 1 when refused (nothing is written then), 2 for a usage error.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { canonicalJson } from '../worker/domain/bitacora/cadena.ts';
import type { IdentidadConstruccion } from '../worker/domain/contrato/index.ts';
import { CambioRechazado, administrar } from '../worker/db/administracion.ts';
import { guardia } from '../worker/db/guardia.ts';
import { interfaz, leerArgumentos, responder, type Salida } from './lib/argumentos.ts';
import { OPCION_PERSIST_TO, d1Local, ejecutorLocal, persistDe, type D1Local } from './lib/d1-local.ts';
import { DIR_ESTADO, RAIZ } from './lib/local.ts';
import { leerIdentidad } from './identidad/identidad.ts';
import { textoActaCierre, textoActaPuesta } from './puesta-en-ceros/acta.ts';
import { hashCatalogo, hashConfiguracion, type Configuracion } from './puesta-en-ceros/huellas.ts';
import * as L from './puesta-en-ceros/lectura.ts';
import { contarObjetosR2 } from './puesta-en-ceros/r2.ts';
import { ACCION_CIERRE, ACCION_PUESTA, problemasCierre, problemasPuesta, puestaYaHecha } from './puesta-en-ceros/veredicto.ts';
import { leerWrangler } from './puesta-en-ceros/wrangler.ts';

const USO = interfaz({
  comando: 'npm run puesta-en-ceros --',
  descripcion:
    'Puesta en ceros: comprueba que la D1 local solo tiene el catálogo, registra los hashes del catálogo, de la\n' +
    'construcción y de la configuración como primera entrada de la bitácora e imprime el acta a firmar.\n' +
    'Con --cierre, después de la noche, registra e imprime el acta de cierre. Código 1 si se rechaza.',
  opciones: {
    cierre: { tipo: 'bandera', ayuda: 'registra el cierre (después de la noche) en lugar de la puesta en ceros' },
    portal: { tipo: 'texto', valor: 'DIR', omision: 'dist/client', ayuda: 'el portal construido, con su identidad.json' },
    salida: { tipo: 'texto', valor: 'ARCHIVO', ayuda: 'dónde escribir el acta (por omisión: .state/acta-puesta-en-ceros.txt o .state/acta-cierre.txt)' },
    'persist-to': OPCION_PERSIST_TO,
  },
  ejemplos: ['npm run build && npm run puesta-en-ceros', 'npm run puesta-en-ceros -- --cierre'],
});

/** Who records these entries in the audit chain. */
export const OPERADOR_PUESTA = 'sistema:puesta-en-ceros';

class Rechazo extends Error {}

function rechazar(problemas: readonly string[]): never {
  throw new Rechazo(problemas.map((p) => `  - ${p}`).join('\n'));
}

function identidadOFalla(portal: string): IdentidadConstruccion {
  const i = leerIdentidad(portal);
  if (i === null) rechazar([`no hay identidad de la construcción en ${portal}/identidad.json: construya primero (npm run build)`]);
  return i;
}

function entidadOFalla(d1: D1Local): L.Entidad {
  const e = L.leerEntidad(d1);
  if (e === null) rechazar(['no hay catálogo cargado (npm run catalogue -- import <carpeta>)']);
  return e;
}

/** Records the entry; a guard tripped by a concurrent writer becomes a refusal. */
async function registrar(d1: D1Local, motivo: string, condicion: string, accion: string, detalle: Record<string, unknown>, ahora: number) {
  try {
    return await administrar(ejecutorLocal(d1), [guardia(motivo, condicion)], { operador: OPERADOR_PUESTA, accion, acta: null, detalle }, ahora);
  } catch (e) {
    if (e instanceof CambioRechazado && e.motivo === motivo) rechazar(['la base cambió mientras se revisaba; revise y repita']);
    throw e;
  }
}

async function puesta(d1: D1Local, portal: string): Promise<string> {
  const identidad = identidadOFalla(portal);
  const cadena = L.leerCadena(d1);
  const hecha = puestaYaHecha(cadena);
  if (hecha !== null) rechazar([hecha]);
  const entidad = L.leerEntidad(d1);
  const enD1 = problemasPuesta(L.leerConteos(d1, null), cadena, entidad !== null);
  if (enD1.length > 0) rechazar(enD1);
  // The bucket is listed once the database is found empty: a listing starts a workerd of its own.
  const r2 = await contarObjetosR2(d1.persistTo);
  const conteos = L.leerConteos(d1, Object.values(r2).reduce((s, n) => s + n, 0));
  const problemas = problemasPuesta(conteos, cadena, true);
  if (problemas.length > 0) rechazar(problemas);
  const tablas = L.leerTablasCatalogo(d1);
  const configuracion: Configuracion = { cortes: L.leerConfigCortes(d1), wrangler: leerWrangler() };
  const catalogo = { ...L.leerResumenCatalogo(d1), filas: tablas.reduce((s, t) => s + t.filas.length, 0) };
  const personal = L.leerPersonal(d1);
  const catalogoSha256 = await hashCatalogo(tablas);
  const configuracionSha256 = await hashConfiguracion(configuracion);
  const detalle = { identidad, catalogoSha256, configuracionSha256, configuracion, catalogo, conteos, personal };
  const e = await registrar(d1, 'NO_VACIA', L.NO_VACIA_SQL, ACCION_PUESTA, detalle, Date.now());
  const { nombre, sintetico, utcOffsetMinutes } = entidad!;
  return textoActaPuesta({
    entidad: nombre, sintetico, utcOffsetMinutes, entorno: configuracion.wrangler.entorno, at: e.at,
    entrada: { id: e.id, hash: e.hash, prevHash: e.prevHash },
    identidad, catalogoSha256, configuracionSha256, catalogo,
    cortes: { jornada: configuracion.cortes.jornada, cadenciaMinutos: configuracion.cortes.cadenciaMinutos },
    conteos, personal,
  });
}

async function cierre(d1: D1Local, portal: string): Promise<string> {
  const problemas = problemasCierre(L.leerCadena(d1));
  if (problemas.length > 0) rechazar(problemas);
  const entidad = entidadOFalla(d1);
  const inicio = L.leerPuesta(d1);
  const identidad = leerIdentidad(portal);
  const mismaIdentidad = identidad !== null && canonicalJson(identidad) === canonicalJson(inicio.detalle.identidad);
  const figuras = L.leerFigurasCierre(d1);
  const cadena = await L.revisarCadena(d1);
  const detalle = { puesta: { id: inicio.id, hash: inicio.hash }, identidad, mismaIdentidad, ...figuras, cadena };
  const e = await registrar(d1, 'SIN_PUESTA_O_CERRADA', L.SIN_PUESTA_O_CERRADA_SQL, ACCION_CIERRE, detalle, Date.now());
  return textoActaCierre({
    entidad: entidad.nombre, sintetico: entidad.sintetico, utcOffsetMinutes: entidad.utcOffsetMinutes,
    entorno: leerWrangler().entorno, at: e.at, entrada: { id: e.id, hash: e.hash, prevHash: e.prevHash },
    puesta: { id: inicio.id, at: inicio.at, hash: inicio.hash }, identidad, mismaIdentidad, ...figuras, cadena,
  });
}

const consola: Salida = { log: (t) => console.log(t), error: (t) => console.error(t) };

export async function main(argv: readonly string[], salida: Salida = consola): Promise<number> {
  const l = leerArgumentos(argv, USO);
  if (l.tipo === 'salida') return responder(l, salida);
  const v = l.valores;
  const d1 = d1Local(persistDe(v['persist-to']));
  const portal = path.resolve(RAIZ, v.portal);
  const archivo = path.resolve(v.salida ?? path.join(DIR_ESTADO, v.cierre ? 'acta-cierre.txt' : 'acta-puesta-en-ceros.txt'));
  try {
    const texto = v.cierre ? await cierre(d1, portal) : await puesta(d1, portal);
    mkdirSync(path.dirname(archivo), { recursive: true });
    writeFileSync(archivo, `${texto}\n`);
    salida.log(texto);
    salida.log(`(acta escrita en ${archivo})`);
    return 0;
  } catch (e) {
    if (!(e instanceof Rechazo)) throw e;
    salida.error(`${v.cierre ? 'cierre rechazado' : 'puesta en ceros rechazada'}; no se registró nada:\n${e.message}`);
    return 1;
  }
}

if (import.meta.main) {
  try {
    process.exit(await main(process.argv.slice(2)));
  } catch (e) {
    console.error(`error: ${e instanceof Error ? e.message : String(e)}`);
    process.exit(1);
  }
}
