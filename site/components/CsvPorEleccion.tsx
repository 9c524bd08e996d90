/**
 * Island of /datos-abiertos/: each election's CSVs of the newest corte at their own URLs, in INE's layout and the
 * tidy one, and the pandas and R lines that load them with this portal's address (worker/domain/contrato/recetas.ts:
 * the text the LEEME shows and the pandas test runs).
 */
import { useEffect, useState } from 'preact/hooks';
import { recetaPandas, recetaPandasIne, recetaR, recetaRIne } from '../../worker/domain/contrato/index.ts';
import { enlacesCsv } from '../lib/csvEleccion.ts';
import EnlacesCsv from './EnlacesCsv.tsx';
import { sondeo } from '../lib/publicacion.ts';

export default function CsvPorEleccion() {
  const [estado, setEstado] = useState(sondeo.estado);
  useEffect(() => sondeo.suscribir(setEstado), []);
  const p = estado.puntero;
  const enlaces = p ? enlacesCsv(p) : [];
  const receta = p && enlaces.length > 0 ? { base: location.origin, entidad: p.entidad.id, eleccion: enlaces[0]!.codigo } : null;
  return (
    <section aria-labelledby="csv-por-eleccion">
      <h2 id="csv-por-eleccion">Cada elección en un CSV</h2>
      <p>
        Además del zip, cada corte publica el CSV de resultados de cada elección en su propia dirección: en el formato
        del INE (el mismo archivo del zip) y en un <strong>formato ordenado</strong> que pandas, R o una hoja de
        cálculo leen sin opciones: una sola línea de encabezado, claves sin apóstrofo, fechas ISO 8601 con el desfase
        de la entidad, celdas vacías donde no hay valor (las columnas <code>CAMPOS_ILEGIBLES</code> y{' '}
        <code>CAMPOS_SIN_DATO</code> dicen qué cifra del acta era ilegible o no tenía dato) y solo números en las
        columnas numéricas. Quien no pide compresión (curl sin <code>--compressed</code>, pandas, R) los recibe sin
        comprimir.
      </p>
      {enlaces.length > 0 ? (
        <ul id="csv-eleccion" class="csv-eleccion">
          {enlaces.map((e) => (
            <EnlacesCsv key={e.codigo} e={e} antes={`${e.nombre}:`} />
          ))}
        </ul>
      ) : (
        <p>Los enlaces aparecen con el primer corte que los publica.</p>
      )}
      {receta ? (
        <>
          <h3>Con pandas (Python)</h3>
          <pre tabindex={0}>
            <code data-receta="pandas">{recetaPandas(receta)}</code>
          </pre>
          <h3>Con R</h3>
          <pre tabindex={0}>
            <code data-receta="r">{recetaR(receta)}</code>
          </pre>
          <h3>El formato del INE con pandas</h3>
          <p>El encabezado de datos está en la línea 5; las líneas 3 y 4 son el resumen del corte.</p>
          <pre tabindex={0}>
            <code data-receta="pandas-ine">{recetaPandasIne(receta)}</code>
          </pre>
          <h3>El formato del INE con R</h3>
          <pre tabindex={0}>
            <code data-receta="r-ine">{recetaRIne(receta)}</code>
          </pre>
        </>
      ) : null}
    </section>
  );
}
