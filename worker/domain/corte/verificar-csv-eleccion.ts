/**
 * `npm run verify`'s check of each election's CSVs at their own URLs (manifest `csv`): each file's SHA-256 and
 * size; INE's layout is the zip's entry (same SHA-256 as the manifest lists inside the zip); the tidy file is,
 * byte for byte, the tidy transformation of INE's rows (csv-ordenado.ts), so a newsroom that reads either reads
 * the same figures. A manifest published before these files has no `csv`: nothing to check.
 */
import { sha256Hex, desdeUtf8 } from './bytes.ts';
import { csvOrdenado, filaOrdenada, formaDeCabecera } from './csv-ordenado.ts';
import { BOM, EOL } from './csv-resultados.ts';
import type { Manifiesto } from '../contrato/index.ts';

export type ResultadoCsvEleccion = { ok: true; detalle: string } | { ok: false; detalle: string };

/** Line 5 of INE's layout is the data header; rows follow (none holds a line break). */
const LINEA_CABECERA = 4;

async function conHash(leer: (ruta: string) => Promise<Uint8Array | null>, a: { ruta: string; sha256: string; bytes: number }): Promise<Uint8Array | string> {
  const bytes = await leer(a.ruta);
  if (bytes === null) return `${a.ruta}: no existe`;
  if (bytes.length !== a.bytes || (await sha256Hex(bytes)) !== a.sha256) return `${a.ruta}: su SHA-256 o su tamaño no son los del manifiesto`;
  return bytes;
}

export async function comprobarCsvPorEleccion(leer: (ruta: string) => Promise<Uint8Array | null>, m: Manifiesto): Promise<ResultadoCsvEleccion> {
  if (m.csv === undefined) return { ok: true, detalle: 'el manifiesto no lista CSV por elección (publicado antes de que existieran)' };
  for (const c of m.csv) {
    const enZip = m.abiertos.archivos.find((a) => a.nombre.endsWith(`_PREP_${c.codigo}/${c.codigo}.csv`));
    if (enZip?.sha256 !== c.resultados.sha256) return { ok: false, detalle: `${c.resultados.ruta}: no es el ${c.codigo}.csv del zip` };
    const ine = await conHash(leer, c.resultados);
    if (typeof ine === 'string') return { ok: false, detalle: ine };
    const ordenado = await conHash(leer, c.ordenado);
    if (typeof ordenado === 'string') return { ok: false, detalle: ordenado };
    const lineas = desdeUtf8(ine).replace(BOM, '').split(EOL);
    const forma = formaDeCabecera(lineas[LINEA_CABECERA]!.split(','), m.entidad.utcOffsetMinutes);
    let esperado: string;
    try {
      esperado = csvOrdenado(forma, lineas.slice(LINEA_CABECERA + 1, -1).map((f) => filaOrdenada(f, forma)));
    } catch (e) {
      return { ok: false, detalle: `${c.resultados.ruta}: una fila no se puede leer (${(e as Error).message})` };
    }
    if (desdeUtf8(ordenado) !== esperado) return { ok: false, detalle: `${c.ordenado.ruta}: no dice lo mismo que ${c.resultados.ruta}` };
  }
  return { ok: true, detalle: `${m.csv.length} elecciones: cada CSV en su dirección es el del zip, y su variante ordenada dice lo mismo` };
}
