/**
 * The stack of the readers' load test: the synthetic Jalisco catalogue, the publication log preloaded with a
 * verified synthetic acta for every expected acta but those of a few secciones (held back for the corte changes,
 * one group per change), the corte window configured by two administrators, and the Worker served through its
 * bench-only entry that counts R2 operations (worker-medido.ts).
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { actasEsperadas } from '../../../worker/domain/acta/esperadas.ts';
import type { ActaPublicada } from '../../../worker/domain/acta/publicada.ts';
import { ventana } from '../../../worker/domain/corte/calendario.ts';
import { generarJalisco } from '../../generador/generar.ts';
import { ejecutarArchivoD1Local } from '../../lib/d1-local.ts';
import { iniciarPila, type Pila } from '../../lib/pila.ts';
import { RAIZ } from '../../lib/local.ts';
import { sembrarLocal } from '../../seed.ts';
import { ADMIN, ADMIN_CONFIRMA, crearPersonal } from '../../simulacro/personal.ts';
import { actaSintetica } from '../corte-sintetico.ts';
import { ordenSecciones, SECCIONES_VISTAS } from './espectadores.ts';

const MINUTO = 60_000;
const JORNADA = '2024-06-02';
const CONFIGURACION = { jornada: JORNADA, inicioMinutos: 20 * 60, duracionMinutos: 24 * 60, cadenciaMinutos: 5 };
/** Secciones whose actas each corte change brings (spread over the secciones the viewers open). */
const SECCIONES_POR_CAMBIO = 20;

export interface EscenarioLectores {
  pila: Pila;
  actasEsperadas: number;
  precargadas: number;
  /** The secciones in the viewers' order (espectadores.ts). */
  orden: number[];
  /** Publishes a corte at `minuto` minutes after the window opens (through the scheduled handler). */
  corte(minuto: number): Promise<void>;
  /** Adds the held-back actas of change `i` to the publication log (the next corte publishes them). */
  cambiar(i: number): number;
  parar(): Promise<void>;
}

/** INSERTs into the publication log, in statements of at most ~90 KB, with sequence numbers from `desde` + 1. */
function sqlPublicacion(actas: readonly ActaPublicada[], desde: number): string {
  const out: string[] = [];
  let actual: string[] = [];
  let bytes = 0;
  const cerrar = () => {
    if (actual.length) out.push(`INSERT INTO acta_publicacion (seq, clave, eleccion, payload) VALUES ${actual.join(', ')};`);
    actual = [];
    bytes = 0;
  };
  actas.forEach((a, i) => {
    const f = `(${desde + i + 1}, '${a.clave}', '${a.identificacion.eleccion}', '${JSON.stringify(a).replaceAll("'", "''")}')`;
    if (bytes + f.length > 90_000) cerrar();
    actual.push(f);
    bytes += f.length + 2;
  });
  cerrar();
  out.push(`UPDATE secuencia SET valor = ${desde + actas.length} WHERE id = 1;`);
  return `${out.join('\n')}\n`;
}

async function configurarCortes(url: string, admin: string, confirma: string): Promise<void> {
  const r = await fetch(`${url}/api/v1/cortes/configuracion`, {
    method: 'PUT',
    headers: { authorization: `Bearer ${admin}`, 'content-type': 'application/json' },
    body: JSON.stringify(CONFIGURACION),
  });
  if (r.status !== 202) throw new Error(`configuración de cortes: HTTP ${r.status} ${await r.text()}`);
  const { id } = (await r.json()) as { id: string };
  const c = await fetch(`${url}/api/v1/cortes/solicitudes/${id}/confirmar`, { method: 'POST', headers: { authorization: `Bearer ${confirma}` } });
  if (!c.ok) throw new Error(`confirmación de la configuración de cortes: HTTP ${c.status}`);
}

export async function prepararLectores(cambios: number): Promise<EscenarioLectores> {
  const cat = generarJalisco(2024);
  const esperadas = actasEsperadas(cat);
  if (!esperadas.ok) throw new Error('catálogo sin actas esperadas');
  const apertura = ventana(CONFIGURACION, cat.entidad.utcOffsetMinutes)!.apertura;
  const orden = ordenSecciones(cat.secciones.map((s) => s.id));
  // Change i holds back the actas of secciones i·k, (i + cambios)·k … among those the viewers open.
  const paso = Math.floor(SECCIONES_VISTAS / (SECCIONES_POR_CAMBIO * cambios));
  const grupoDe = new Map<number, number>();
  for (let j = 0; j < SECCIONES_POR_CAMBIO * cambios; j++) grupoDe.set(orden[j * paso]!, j % cambios);
  const publicadas = esperadas.value.map((a, i) => ({ grupo: grupoDe.get(a.seccion.id) ?? -1, pub: actaSintetica(a, i, 0, apertura + 30 * MINUTO) }));
  const precarga = publicadas.filter((x) => x.grupo < 0).map((x) => x.pub);
  let secuencia = precarga.length;

  const dir = mkdtempSync(path.join(tmpdir(), 'prep-bench-lectores-'));
  const portalVacio = path.join(dir, 'portal');
  mkdirSync(portalVacio);
  try {
    let cred = new Map<string, string>() as ReadonlyMap<string, string>;
    const pila = await iniciarPila({
      congelar: true,
      principal: path.join(RAIZ, 'scripts/bench/lectores/worker-medido.ts'),
      // The load test reads /datos only: the portal's pages are not needed.
      assetsDir: portalVacio,
      prepararDatos: async ({ persistTo }) => {
        await sembrarLocal(2024, persistTo);
        cred = await crearPersonal(persistTo, cat);
        const archivo = path.join(dir, 'precarga.sql');
        writeFileSync(archivo, sqlPublicacion(precarga, 0));
        ejecutarArchivoD1Local(persistTo, archivo);
      },
    });
    await configurarCortes(pila.url, cred.get(ADMIN)!, cred.get(ADMIN_CONFIRMA)!);
    return {
      pila,
      actasEsperadas: esperadas.value.length,
      precargadas: precarga.length,
      orden,
      async corte(minuto) {
        const r = await fetch(`${pila.url}/cdn-cgi/local/scheduled?cron=${encodeURIComponent('* * * * *')}&time=${apertura + minuto * MINUTO}`);
        const texto = await r.text();
        if (!r.ok) throw new Error(`el disparador programado respondió ${r.status}: ${texto}\n${pila.salida()}`);
      },
      cambiar(i) {
        const actas = publicadas.filter((x) => x.grupo === i).map((x) => x.pub);
        const archivo = path.join(dir, `cambio-${i}.sql`);
        writeFileSync(archivo, sqlPublicacion(actas, secuencia));
        ejecutarArchivoD1Local(pila.persistTo, archivo);
        secuencia += actas.length;
        return actas.length;
      },
      async parar() {
        await pila.parar();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  } catch (e) {
    rmSync(dir, { recursive: true, force: true });
    throw e;
  }
}
