/**
 * A table whose columns sort by a button in their header (keyboard and screen-reader usable: the header carries
 * aria-sort and the button says what it does). Rows keep the order of `filas` until a column is chosen.
 */
import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';

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
}

const texto = new Intl.Collator('es-MX', { numeric: true, sensitivity: 'base' });

export default function TablaOrdenable<R>({ titulo, columnas, filas, claveFila, ordenInicial, id }: Props<R>) {
  const [orden, setOrden] = useState(ordenInicial ?? null);
  const columna = orden ? columnas.find((c) => c.clave === orden.clave) : undefined;
  const ordenadas = columna
    ? [...filas].sort((a, b) => {
        const va = columna.valor(a);
        const vb = columna.valor(b);
        const d = typeof va === 'number' && typeof vb === 'number' ? va - vb : texto.compare(String(va), String(vb));
        return orden!.desc ? -d : d;
      })
    : filas;

  return (
    <div class="tabla-desplazable" tabIndex={0} role="region" aria-label={titulo}>
      <table class="ordenable" id={id}>
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
          {ordenadas.map((f) => (
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
    </div>
  );
}
