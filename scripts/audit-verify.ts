/**
 * `npm run audit:verify [-- --persist-to DIR]`: checks the whole audit log (bitácora) of the local D1 as a hash
 * chain (worker/domain/bitacora/cadena.ts), page by page, and names the first broken entry. Exit code 0 when intact,
 * 1 when broken. It also prints the unchained count of repeated refusals (rechazo_agregado).
 */
import { verificarCadena, type FilaBitacora } from '../worker/domain/bitacora/cadena.ts';
import { interfaz, leerArgumentos, responder, type Salida } from './lib/argumentos.ts';
import { OPCION_PERSIST_TO, d1Local, persistDe, type D1Local } from './lib/d1-local.ts';

const PAGINA = 5000;

const USO = interfaz({
  comando: 'npm run audit:verify --',
  descripcion: 'Recalcula la cadena de hashes de toda la bitácora de la D1 local y nombra la primera entrada rota.\nCódigo de salida 0 si está íntegra, 1 si está rota.',
  opciones: {
    'persist-to': OPCION_PERSIST_TO,
  },
});

/** One page of the log (rows with id > desde, in id order), as the chain check and `npm run verify --bitacora` read it. */
export function leerPagina(d1: D1Local, desde: number, limite: number): FilaBitacora[] {
  const d = Math.trunc(desde);
  const l = Math.trunc(limite);
  return d1.consulta<FilaBitacora>(
    `SELECT id, at, operador, token, catd, accion, acta, seq, status, detalle, prev_hash, hash FROM bitacora WHERE id > ${d} ORDER BY id LIMIT ${l}`,
  );
}

/**
 * Repeated refusals without a credential beyond the first few a minute per address are counted outside the chain
 * (rechazo_agregado, docs/CAPTURA.md "Traffic without a credential"): said beside the verdict, never part of it.
 */
function resumenAgregado(d1: D1Local): string {
  const f = d1.consulta<{ n: number; direcciones: number }>('SELECT coalesce(sum(n), 0) AS n, count(DISTINCT direccion) AS direcciones FROM rechazo_agregado')[0];
  const fmt = new Intl.NumberFormat('es-MX');
  return `fuera de la cadena: ${fmt.format(f?.n ?? 0)} rechazos sin credencial contados por dirección y minuto (${fmt.format(f?.direcciones ?? 0)} direcciones)`;
}

export async function main(argv: readonly string[], salida?: Salida): Promise<number> {
  const l = leerArgumentos(argv, USO);
  if (l.tipo === 'salida') return responder(l, salida);
  const d1 = d1Local(persistDe(l.valores['persist-to']));
  const r = await verificarCadena(async (desde, limite) => leerPagina(d1, desde, limite), PAGINA);
  if (r.ok) {
    console.log(`bitácora íntegra: ${r.entradas} entradas; última ${r.punta.id}, hash ${r.punta.hash}`);
    console.log(resumenAgregado(d1));
    return 0;
  }
  const fila = d1.consulta<{ accion: string; at: number; operador: string | null }>(`SELECT accion, at, operador FROM bitacora WHERE id = ${Math.trunc(r.id)}`)[0];
  const que = fila ? ` (${fila.accion} de ${fila.operador ?? 'anónimo'}, ${new Date(fila.at).toISOString()})` : '';
  console.error(`bitácora ROTA en la entrada ${r.id}${que}: ${r.motivo}; ${r.entradas} entradas anteriores verificadas.`);
  return 1;
}

if (import.meta.main) {
  try {
    process.exit(await main(process.argv.slice(2)));
  } catch (e) {
    console.error(`error: no se pudo leer la bitácora local: ${e instanceof Error ? e.message : String(e)}`);
    process.exit(1);
  }
}
