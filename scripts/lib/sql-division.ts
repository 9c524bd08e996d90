/**
 * Cuts a SQL text (a migration file, the catalogue's SQL, a `--command`) into the statements of one D1 batch:
 * D1's `prepare` takes one statement at a time. A `;` ends a statement unless it is inside a string, a quoted
 * identifier, a comment, or the body of a CREATE TRIGGER (whose statements end in `;` until its `END;`).
 * Pieces holding only blanks and comments are dropped, as SQLite would ignore them.
 */

/** Characters of an SQLite identifier or keyword. */
const PALABRA = /[A-Za-z0-9_$\u0080-\uffff]/;

/** Where a span that must be skipped whole (string, quoted identifier, comment) ends, or -1 if none starts at `i`. */
function finDeTramo(sql: string, i: number): number {
  const c = sql[i];
  const sigue = sql[i + 1];
  if (c === '-' && sigue === '-') {
    const fin = sql.indexOf('\n', i + 2);
    return fin === -1 ? sql.length : fin + 1;
  }
  if (c === '/' && sigue === '*') {
    const fin = sql.indexOf('*/', i + 2);
    return fin === -1 ? sql.length : fin + 2;
  }
  // '' inside a string is two adjacent strings to this scanner: the same statement boundaries.
  const cierre = c === "'" || c === '"' || c === '`' ? c : c === '[' ? ']' : null;
  if (cierre === null) return -1;
  const fin = sql.indexOf(cierre, i + 1);
  return fin === -1 ? sql.length : fin + 1;
}

/** Whether a piece has something besides blanks and comments. */
function tieneSentencia(pieza: string): boolean {
  for (let i = 0; i < pieza.length; ) {
    const fin = finDeTramo(pieza, i);
    const c = pieza[i]!;
    if (fin !== -1 && (c === '-' || c === '/')) i = fin;
    else if (/\s|;/.test(c)) i++;
    else return true;
  }
  return false;
}

/**
 * The words of the statement so far decide whether a `;` ends it: after CREATE [TEMP|TEMPORARY] TRIGGER the
 * statement runs to the `;` that follows an END.
 */
class Disparador {
  private palabras: string[] = [];
  private enCuerpo = false;
  private ultima = '';

  palabra(p: string): void {
    const w = p.toUpperCase();
    this.ultima = w;
    if (this.palabras.length < 3) this.palabras.push(w);
    const [a, b, c] = this.palabras;
    if (a === 'CREATE' && (b === 'TRIGGER' || ((b === 'TEMP' || b === 'TEMPORARY') && c === 'TRIGGER'))) this.enCuerpo = true;
  }

  /** A `;` was read: true when it ends the statement. */
  puntoYComa(): boolean {
    if (this.enCuerpo && this.ultima !== 'END') {
      this.ultima = ';';
      return false;
    }
    this.palabras = [];
    this.enCuerpo = false;
    this.ultima = '';
    return true;
  }
}

/** The statements of `sql`, trimmed, without their final `;`. */
export function dividirSql(sql: string): string[] {
  const sentencias: string[] = [];
  const disparador = new Disparador();
  let inicio = 0;
  let i = 0;
  const cerrar = (fin: number) => {
    const pieza = sql.slice(inicio, fin).trim();
    if (tieneSentencia(pieza)) sentencias.push(pieza);
  };
  while (i < sql.length) {
    const fin = finDeTramo(sql, i);
    if (fin !== -1) {
      i = fin;
      continue;
    }
    const c = sql[i]!;
    if (c === ';') {
      if (disparador.puntoYComa()) {
        cerrar(i);
        inicio = i + 1;
      }
      i++;
    } else if (PALABRA.test(c)) {
      let j = i + 1;
      while (j < sql.length && PALABRA.test(sql[j]!)) j++;
      disparador.palabra(sql.slice(i, j));
      i = j;
    } else i++;
  }
  cerrar(sql.length);
  return sentencias;
}
