/**
 * A long table made usable on a phone: columns sort by a button in their header (the header carries aria-sort and
 * the button says what it does), a search box narrows the rows by name or clave (accent-insensitive), and only a
 * page of rows is drawn at a time, with "Mostrar más" and the count "1–50 de 1,234". Rows keep the order of
 * `filas` until a column is chosen.
 */
import type { ComponentChildren } from 'preact';
import { useId, useState } from 'preact/hooks';
import { entero } from '../lib/formato.ts';
import { filtrar, rangoTexto, visibles } from '../lib/tabla.ts';
import Desplazable from './Desplazable.tsx';

export interface Columna<R> {
  clave: string;
  titulo: string;
  /** Value used to sort (numbers sort numerically, text with es-MX collation). */
  valor: (fila: R) => number | string;
  /** What the cell shows; the value itself when absent. */
  celda?: (fila: R) => ComponentChildren;
  numerica?: boolean;
  /** The first column is the row header. */
}

interface Props<R> {
  titulo: string;
  columnas: readonly Columna<R>[];
  filas: readonly R[];
  claveFila: (fila: R) => string;
  /** Column sorted on first render, if any. */
  ordenInicial?: { clave: string; desc: boolean };
  /** Extra attributes for the table (e.g. a test id). */
  id?: string;
  /** What the search box matches in a row; the first column's value (name with its clave) when absent. */
  textoFiltro?: (fila: R) => string;
  /** Rows drawn per page (and added by "Mostrar más"). */
  porPagina?: number;
}

const texto = new Intl.Collator('es-MX', { numeric: true, sensitivity: 'base' });

/** Below this many rows a search box and paging are more clutter than help. */
const MINIMO_FILTRO = 12;

function ordenar<R>(filas: readonly R[], columna: Columna<R> | undefined, desc: boolean): readonly R[] {
  if (!columna) return filas;
  return [...filas].sort((a, b) => {
    const va = columna.valor(a);
    const vb = columna.valor(b);
    const d = typeof va === 'number' && typeof vb === 'number' ? va - vb : texto.compare(String(va), String(vb));
    return desc ? -d : d;
  });
}

export default function TablaOrdenable<R>({ titulo, columnas, filas, claveFila, ordenInicial, id, textoFiltro, porPagina = 50 }: Props<R>) {
  const [orden, setOrden] = useState(ordenInicial ?? null);
  const [consulta, setConsulta] = useState('');
  const [mostradas, setMostradas] = useState(porPagina);
  const base = useId();
  const columna = orden ? columnas.find((c) => c.clave === orden.clave) : undefined;
  const textoDe = textoFiltro ?? ((f: R) => String(columnas[0]!.valor(f)));
  const filtradas = filtrar(filas, consulta, textoDe);
  const ordenadas = ordenar(filtradas, columna, orden?.desc ?? false);
  const n = visibles(ordenadas.length, mostradas);
  const conControles = filas.length >= MINIMO_FILTRO;
  const idTabla = id ?? `${base}-tabla`;

  return (
    <div class="tabla-larga">
      {conControles ? (
        <div class="filtro-tabla">
          <label for={`${base}-filtro`}>Buscar por nombre o número</label>
          <input
            id={`${base}-filtro`}
            type="search"
            value={consulta}
            autocomplete="off"
            aria-controls={idTabla}
            onInput={(e) => {
              setConsulta((e.target as HTMLInputElement).value);
              setMostradas(porPagina);
            }}
          />
        </div>
      ) : null}
      <Desplazable etiqueta={titulo} id={idTabla}>
        <table class="ordenable" id={idTabla}>
          <caption>
            {titulo}
            <span class="sr-only">. Los encabezados de columna ordenan la tabla.</span>
          </caption>
          <thead>
            <tr>
              {columnas.map((c) => {
                const activa = orden?.clave === c.clave;
                const ariaSort = activa ? (orden!.desc ? 'descending' : 'ascending') : undefined;
                const siguienteDesc = activa ? !orden!.desc : c.numerica === true;
                return (
                  <th key={c.clave} scope="col" aria-sort={ariaSort} class={c.numerica ? 'num' : undefined}>
                    <button
                      type="button"
                      onClick={() => setOrden({ clave: c.clave, desc: siguienteDesc })}
                      title={`Ordenar por ${c.titulo.toLowerCase()} ${siguienteDesc ? 'de mayor a menor' : 'de menor a mayor'}`}
                    >
                      {c.titulo}
                      <span aria-hidden="true" class="flecha">
                        {activa ? (orden!.desc ? ' ▼' : ' ▲') : ' ⇅'}
                      </span>
                    </button>
                  </th>
                );
              })}
            </tr>
          </thead>
          <tbody>
            {ordenadas.slice(0, n).map((f) => (
              <tr key={claveFila(f)}>
                {columnas.map((c, i) => {
                  const contenido = c.celda ? c.celda(f) : c.valor(f);
                  return i === 0 ? (
                    <th key={c.clave} scope="row">
                      {contenido}
                    </th>
                  ) : (
                    <td key={c.clave} class={c.numerica ? 'num' : undefined}>
                      {contenido}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </Desplazable>
      {conControles ? (
        <div class="paginas-tabla">
          <p role="status" data-rango>
            {ordenadas.length === 0 ? 'Ninguna fila coincide con la búsqueda' : `Se muestran ${rangoTexto(n, ordenadas.length)}`}
            {consulta.trim() ? ` (de ${entero(filas.length)} en total)` : ''}
          </p>
          {n < ordenadas.length ? (
            <button type="button" class="boton" aria-controls={idTabla} onClick={() => setMostradas(n + porPagina)}>
              Mostrar {entero(Math.min(porPagina, ordenadas.length - n))} más
            </button>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}
