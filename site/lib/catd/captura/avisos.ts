/**
 * Obvious slips pointed out before a capture is sent, never a block: what the acta says is what is captured
 * (docs/REGLAS.md §3–§4: totals never decide anything). A field left empty goes as Sin dato; the sum of the vote
 * fields (TOTAL_VOTOS_CALCULADO, Ilegible and Sin dato as 0) that differs from the total written on the acta or
 * from the votes taken out of the urns; a sum or a single figure above the casilla's limit (lista nominal +
 * representantes), which would make the acta "Excede lista nominal".
 */
import { entero } from '../formato.ts';
import type { CampoFormulario } from './campos.ts';
import { numeroDe, type Entrada } from './valores.ts';

export interface Aviso {
  /** The field to look at again, if one. */
  campo: string | null;
  texto: string;
}

type Entradas = Readonly<Record<string, Entrada>>;

export function sumaDeVotos(campos: readonly CampoFormulario[], e: Entradas): number {
  return campos.filter((c) => c.grupo === 'voto').reduce((s, c) => s + (numeroDe(e[c.clave]) ?? 0), 0);
}

function vacios(campos: readonly CampoFormulario[], e: Entradas): Aviso[] {
  const v = campos.filter((c) => (e[c.clave] ?? '') === '');
  if (v.length === 0) return [];
  const cuales = v.length <= 3 ? `: ${v.map((c) => c.nombre).join(', ')}` : '';
  return [{ campo: v[0]!.clave, texto: `${v.length === 1 ? 'Un campo vacío se enviará' : `${entero(v.length)} campos vacíos se enviarán`} como Sin dato${cuales}.` }];
}

function totales(campos: readonly CampoFormulario[], e: Entradas): Aviso[] {
  const suma = sumaDeVotos(campos, e);
  const avisos: Aviso[] = [];
  const asentado = numeroDe(e.TOTAL_VOTOS_ASENTADO);
  if (asentado !== null && asentado !== suma) {
    avisos.push({ campo: 'TOTAL_VOTOS_ASENTADO', texto: `La suma de los votos (${entero(suma)}) no coincide con el total de votos asentado (${entero(asentado)}).` });
  }
  const sacados = numeroDe(e.TOTAL_VOTOS_SACADOS);
  if (sacados !== null && sacados !== suma) {
    avisos.push({ campo: 'TOTAL_VOTOS_SACADOS', texto: `Los votos sacados de las urnas (${entero(sacados)}) no coinciden con la suma de los votos (${entero(suma)}).` });
  }
  return avisos;
}

function limite(campos: readonly CampoFormulario[], e: Entradas, max: number | null): Aviso[] {
  if (max === null) return [];
  const suma = sumaDeVotos(campos, e);
  if (suma > max) {
    return [{ campo: null, texto: `La suma de los votos (${entero(suma)}) supera el límite de la casilla (${entero(max)}, lista nominal y representantes): el acta quedará como «Excede lista nominal».` }];
  }
  const alto = campos.find((c) => c.clave !== 'TOTAL_BOLETAS_SOBRANTES' && (numeroDe(e[c.clave]) ?? 0) > max);
  return alto ? [{ campo: alto.clave, texto: `${alto.nombre}: ${entero(numeroDe(e[alto.clave])!)} es mayor que el límite de la casilla (${entero(max)}).` }] : [];
}

/** Every slip in the typed figures, in the order to look at them; empty when nothing looks wrong. */
export function avisosDe(campos: readonly CampoFormulario[], e: Entradas, max: number | null): Aviso[] {
  return [...vacios(campos, e), ...totales(campos, e), ...limite(campos, e, max)];
}
