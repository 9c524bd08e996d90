/**
 * The quirks a published PREP database is read past (docs/catalogo.md, from-prep): each kind becomes one warning
 * that names the rule applied, where it first occurs and how many times, so that a file with the same quirk on
 * every row gives one readable line instead of thousands.
 */
import type { ProblemaArchivo } from '../../../worker/domain/catalogo/archivos/problemas.ts';

interface Rareza {
  linea?: number;
  columna?: number;
  mensaje: string;
  veces: number;
}

/** Collects the quirks of one file, by code. */
export class Rarezas {
  private readonly porCodigo = new Map<string, Rareza>();

  readonly archivo: string;

  constructor(archivo: string) {
    this.archivo = archivo;
  }

  /** One occurrence; the first one of a code gives its position and message. */
  anotar(codigo: string, mensaje: string, linea?: number, columna?: number): void {
    const r = this.porCodigo.get(codigo);
    if (r) r.veces++;
    else this.porCodigo.set(codigo, { mensaje, veces: 1, ...(linea !== undefined ? { linea } : {}), ...(columna !== undefined ? { columna } : {}) });
  }

  /** The warnings, one per code, in the order the codes first appeared. */
  avisos(): ProblemaArchivo[] {
    return [...this.porCodigo].map(([codigo, r]) => ({
      archivo: this.archivo,
      ...(r.linea !== undefined ? { linea: r.linea, columna: r.columna ?? 1 } : {}),
      codigo,
      mensaje: r.veces > 1 ? `${r.mensaje} (${r.veces} veces; la primera aquí)` : r.mensaje,
    }));
  }
}
