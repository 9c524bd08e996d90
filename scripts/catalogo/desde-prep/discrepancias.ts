/**
 * Disagreements between rows that a real database holds by design (a sección split between two municipios or
 * juntas, one casilla with an acta per part): each is kept as the first occurrence says, and said so. Many of
 * one kind in one file make one warning, at the first occurrence, listing the others, so a file that disagrees
 * with another on every sección does not bury the other warnings.
 */
import type { ProblemaArchivo } from '../../../worker/domain/catalogo/archivos/problemas.ts';

/** How many of the others a warning lists before it says how many more there are. */
const LISTADAS = 10;

export class Discrepancias {
  private readonly porArchivoYCodigo = new Map<string, { primera: ProblemaArchivo; breve: string; otras: string[] }>();

  /** One occurrence: the first of its file and code is the warning; the others are listed in it by `breve`. */
  anotar(lugar: ProblemaArchivo, breve: string): void {
    const k = `${lugar.archivo}|${lugar.codigo}`;
    const previa = this.porArchivoYCodigo.get(k);
    if (previa) {
      if (breve !== previa.breve && !previa.otras.includes(breve)) previa.otras.push(breve);
    }
    else this.porArchivoYCodigo.set(k, { primera: lugar, breve, otras: [] });
  }

  avisos(): ProblemaArchivo[] {
    return [...this.porArchivoYCodigo.values()].map(({ primera, otras }) => {
      if (otras.length === 0) return primera;
      const lista = otras.slice(0, LISTADAS).join(', ') + (otras.length > LISTADAS ? `, … (${otras.length - LISTADAS} más)` : '');
      return { ...primera, mensaje: `${primera.mensaje}; lo mismo en ${otras.length} caso(s) más de este archivo: ${lista}` };
    });
  }
}
