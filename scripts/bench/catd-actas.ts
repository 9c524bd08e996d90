/**
 * The actas `npm run bench:catd` works: Gubernatura actas of ordinary casillas of a few CATDs (the GUB ballot is
 * the same in every distrito, so the sides are comparable), each with synthetic figures a capturist can type
 * without a slip warning. Pure: the catalogue in, one list per CATD out.
 */
import { actasEsperadas, type ActaEsperada } from '../../worker/domain/acta/esperadas.ts';
import type { Captura } from '../../worker/domain/acta/esquema.ts';
import type { Catalogo } from '../../worker/domain/catalogo/esquema.ts';
import { catdDe } from '../simulacro/plan.ts';
import { actaSintetica } from './corte-sintetico.ts';

export interface ActaBench {
  acta: ActaEsperada;
  captura: Captura;
}

/** Figures with every field a number, totals that add up and a sum within the lista nominal: no slip warning. */
function sinAvisos(c: Captura, listaNominal: number): boolean {
  const votos = Object.values(c.votos);
  if (!votos.every((v) => typeof v === 'number')) return false;
  const suma = votos.reduce<number>((s, v) => s + (v as number), 0);
  return suma <= listaNominal && c.totales.TOTAL_VOTOS_ASENTADO === suma && c.totales.TOTAL_VOTOS_SACADOS === suma;
}

/** The first `catds` CATDs with `n` GUB actas of ordinary casillas each, in catalogue order, with their figures. */
export function elegirActas(cat: Catalogo, n: number, catds: number): ActaBench[][] {
  const r = actasEsperadas(cat);
  if (!r.ok) throw new Error('catálogo sin actas esperadas');
  const porCatd = new Map<string, ActaBench[]>();
  r.value.forEach((a, i) => {
    if (a.eleccion.codigo !== 'GUB' || a.casilla.tipo === 'S') return;
    const pub = actaSintetica(a, i, 0, 0);
    if (pub.captura === null || !sinAvisos(pub.captura, a.casilla.listaNominal)) return;
    const catd = catdDe(cat.catds, a).id;
    const lista = porCatd.get(catd) ?? [];
    porCatd.set(catd, lista);
    if (lista.length < n) lista.push({ acta: a, captura: pub.captura });
  });
  const llenos = [...porCatd.values()].filter((l) => l.length === n);
  if (llenos.length < catds) throw new Error(`no hay ${catds} CATDs con ${n} actas de Gubernatura`);
  return llenos.slice(0, catds);
}
