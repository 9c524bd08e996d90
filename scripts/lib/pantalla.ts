/**
 * A status display of a few lines for a long-running script (the simulacro, a replay). On a terminal it redraws
 * the same lines in place a few times a second; anywhere else (CI, a log file, a test) it prints them every few
 * seconds as plain lines, so a log keeps a trace without thousands of repaints.
 */

/** Where the lines go: a terminal (redrawn in place) or a plain sink that gets whole lines. */
export interface Terminal {
  tty: boolean;
  /** Width of the terminal; longer lines are cut so a redraw never wraps. */
  columnas?: number;
  escribir(texto: string): void;
}

export interface OpcionesPantalla {
  /** Minimum ms between two redraws on a terminal. */
  cadaTtyMs?: number;
  /** Minimum ms between two plain prints. */
  cadaMs?: number;
  /** How many of the lines a plain print keeps (all by default). */
  lineasPlanas?: number;
  /** The clock (ms); injectable for the tests. */
  ahora?: () => number;
}

export interface Pantalla {
  /** Shows the lines if enough time has passed since the last time; `lineas` is called only then. */
  mostrar(lineas: () => readonly string[]): void;
  /** Shows the lines now (the last state). */
  terminar(lineas: readonly string[]): void;
  /** Erases the redrawn lines (terminal only) so another message prints cleanly; the next `mostrar` redraws. */
  apartar(): void;
}

const ESC = '\x1b[';

/** A Node stream as a terminal (process.stdout, process.stderr). */
export function terminalDe(flujo: NodeJS.WriteStream): Terminal {
  return {
    tty: flujo.isTTY === true,
    get columnas() {
      return flujo.columns;
    },
    escribir: (t) => void flujo.write(t),
  };
}

export function pantalla(t: Terminal, o: OpcionesPantalla = {}): Pantalla {
  const ahora = o.ahora ?? (() => performance.now());
  const cada = t.tty ? (o.cadaTtyMs ?? 200) : (o.cadaMs ?? 10_000);
  let dibujadas = 0;
  let ultimo = Number.NEGATIVE_INFINITY;
  let ultimoTexto = '';

  const dibujar = (lineas: readonly string[]) => {
    // A pseudo-terminal without a size reports 0 columns: then assume 120.
    const ancho = t.tty ? t.columnas || 120 : Number.POSITIVE_INFINITY;
    const cortadas = lineas.map((l) => (l.length > ancho ? `${l.slice(0, ancho - 1)}…` : l));
    const texto = cortadas.join('\n');
    if (texto === ultimoTexto) return;
    ultimoTexto = texto;
    if (t.tty) {
      const subir = dibujadas > 0 ? `${ESC}${dibujadas}A` : '';
      t.escribir(subir + cortadas.map((l) => `${ESC}2K${l}\n`).join(''));
      dibujadas = cortadas.length;
    } else {
      t.escribir(`${cortadas.slice(0, o.lineasPlanas ?? cortadas.length).join('\n  ')}\n`);
    }
  };

  return {
    mostrar(lineas) {
      const t0 = ahora();
      if (t0 - ultimo < cada) return;
      ultimo = t0;
      dibujar(lineas());
    },
    terminar(lineas) {
      dibujar(lineas);
    },
    apartar() {
      if (!t.tty || dibujadas === 0) return;
      // Up to the first drawn line, and erase from there to the end of the screen.
      t.escribir(`${ESC}${dibujadas}A${ESC}J`);
      dibujadas = 0;
      ultimoTexto = '';
      ultimo = Number.NEGATIVE_INFINITY;
    },
  };
}
