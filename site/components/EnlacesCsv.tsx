/**
 * One election's CSVs of the newest corte as links, in the tidy layout and INE's, each downloaded under its file
 * name (datos abiertos' island and its no-script downloads).
 */
import type { CsvEnlace } from '../lib/csvEleccion.ts';

export default function EnlacesCsv({ e, antes }: { e: CsvEnlace; antes: string }) {
  return (
    <li data-eleccion={e.codigo}>
      {antes}{' '}
      <a href={e.ordenado.url} download={e.ordenado.archivo} data-csv-ordenado>
        formato ordenado
      </a>{' '}
      ·{' '}
      <a href={e.resultados.url} download={e.resultados.archivo} data-csv-ine>
        formato del INE
      </a>
    </li>
  );
}
