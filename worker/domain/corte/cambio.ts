/**
 * A corte's change feed (contrato/diferencias.ts): per election, the rows of the actas whose log moved since the
 * previous corte, as the state now publishes them, so that applying it to the previous corte's CSV gives this
 * corte's byte for byte (cambio.test.ts). An acta that leaves its row — a correction that makes it unplaceable,
 * or a fuera de catálogo registration moved to another election — is carried too: an expected acta's row goes
 * back to pending, and the fuera de catálogo rows of both elections are carried whole.
 */
import type { ActaPublicada } from '../acta/publicada.ts';
import { VERSION_DIFERENCIAS, type ActaFila, type ActaShard, type Diferencias, type DiferenciasEleccion } from '../contrato/index.ts';
import { igualesProfundo } from './bytes.ts';
import { cabeceraCsvResultados, EOL } from './csv-resultados.ts';
import type { EstadoCorte } from './estado.ts';
import type { ActaModelo, EleccionModelo } from './modelo.ts';

/** One acta whose log moved since the previous corte: its state then (null: not registered) and now. */
export interface Cambio {
  clave: string;
  eleccion: string;
  antes: ActaPublicada | null;
  despues: ActaPublicada;
}

/** What the diff of a corte is computed from besides the state (already at this corte). */
export interface DatosDiferencias {
  numero: number;
  instante: number;
  secuencia: number;
  final: boolean;
  anterior: { numero: number; secuencia: number } | null;
  cambios: readonly Cambio[];
}

interface Movidas {
  nuevas: string[];
  cambiadas: string[];
  esperadas: Map<number, ActaModelo>;
  fueraCatalogo: boolean;
}

/** Where a log entry's row is: an expected acta's (as `actaEnCorte` places it), or its election's fuera de catálogo rows. */
function marcar(estado: EstadoCorte, porEleccion: Map<string, Movidas>, x: ActaPublicada): void {
  const a = x.registro === 'fuera_catalogo' ? undefined : estado.modelo.actaPorClave.get(x.clave);
  if (a !== undefined) porEleccion.get(a.eleccion.codigo)?.esperadas.set(a.orden, a);
  else {
    const e = porEleccion.get(x.identificacion.eleccion);
    if (e) e.fueraCatalogo = true;
  }
}

/**
 * Most rows one diff carries (~770 bytes each at Jalisco scale). A corte that moved more — a replay loading a
 * whole night at once: 32,709 rows would be 25.6 MB of JSON, held twice over in a 128 MB isolate — publishes its
 * diff without rows (`aplicable` false): a client then downloads that corte's zip, no bigger than such a diff.
 */
export const MAXIMO_FILAS_DIFERENCIAS = 5_000;

export function diferenciasCorte(estado: EstadoCorte, d: DatosDiferencias, maximo = MAXIMO_FILAS_DIFERENCIAS): Diferencias {
  const m = estado.modelo;
  const porEleccion = new Map<string, Movidas>(m.elecciones.map((em) => [em.eleccion.codigo, { nuevas: [], cambiadas: [], esperadas: new Map(), fueraCatalogo: false }]));
  for (const c of d.cambios) {
    if (c.antes !== null && igualesProfundo(c.antes, c.despues)) continue;
    const e = porEleccion.get(c.eleccion);
    if (e) (c.antes === null ? e.nuevas : e.cambiadas).push(c.clave);
    if (c.antes !== null) marcar(estado, porEleccion, c.antes);
    marcar(estado, porEleccion, c.despues);
  }
  let filas = 0;
  for (const [codigo, x] of porEleccion) filas += x.esperadas.size + (x.fueraCatalogo ? estado.elecciones.get(codigo)!.fueraCatalogo.size : 0);
  const aplicable = filas <= maximo;
  return {
    tipo: 'diferencias',
    version: VERSION_DIFERENCIAS,
    entidad: m.entidad.id,
    numero: d.numero,
    secuencia: d.secuencia,
    anterior: d.anterior ? { numero: d.anterior.numero, secuencia: d.anterior.secuencia } : null,
    aplicable,
    elecciones: m.elecciones.map((em) => eleccionDiferencias(estado, em, porEleccion.get(em.eleccion.codigo)!, d, aplicable)),
  };
}

function eleccionDiferencias(estado: EstadoCorte, em: EleccionModelo, x: Movidas, d: DatosDiferencias, conFilas: boolean): DiferenciasEleccion {
  if (!conFilas) {
    x.esperadas.clear();
    x.fueraCatalogo = false;
  }
  const codigo = em.eleccion.codigo;
  const ee = estado.elecciones.get(codigo)!;
  // The very lines the CSV has: rendered by the same function.
  const cabecera = cabeceraCsvResultados({ modelo: estado.modelo, eleccion: em, conteo: ee.entidad, instante: d.instante, final: d.final }).split(EOL);
  const filas = [...x.esperadas.values()]
    .sort((a, b) => a.orden - b.orden)
    .map((a) => ({ clave: a.clave, indice: a.orden, fila: estado.fila(ee, a), seccion: a.seccion.id, acta: JSON.parse(estado.fragmento(a)) as ActaFila }));
  const fc = x.fueraCatalogo ? estado.fueraCatalogo(codigo) : null;
  return {
    codigo,
    nuevas: x.nuevas.sort(),
    cambiadas: x.cambiadas.sort(),
    corte: cabecera[1]!,
    resumen: cabecera[3]!,
    esperadas: em.actas.length,
    filas,
    fueraCatalogo: fc && { filas: fc.map((r) => r.fila), actas: fc.map((r) => JSON.parse(r.fragmento) as ActaShard) },
  };
}
