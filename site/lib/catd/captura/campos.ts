/**
 * The fields of one acta's capture form, in the order they are printed on the acta: the ballot's vote fields
 * (parties, independents, coalition combinations, no registradas, nulos), then the totals as the acta lists them
 * (the total of votes closes the vote rows). Each field keeps the API's key and a name a person reads.
 */
import { TOTALES, type Total } from '../../../../worker/domain/contrato/index.ts';
import type { BoletaActa, TipoCampo } from './tipos.ts';

export interface CampoFormulario {
  clave: string;
  nombre: string;
  grupo: 'voto' | 'total';
  tipo: TipoCampo | 'total';
}

export const ORDEN_TOTALES: readonly Total[] = [
  'TOTAL_VOTOS_ASENTADO',
  'TOTAL_BOLETAS_SOBRANTES',
  'TOTAL_PERSONAS_VOTARON',
  'TOTAL_REP_PARTIDO_CI_VOTARON',
  'TOTAL_VOTOS_SACADOS',
];

export const NOMBRE_TOTAL: Readonly<Record<Total, string>> = {
  TOTAL_VOTOS_ASENTADO: 'Total de votos (asentado en el acta)',
  TOTAL_BOLETAS_SOBRANTES: 'Boletas sobrantes',
  TOTAL_PERSONAS_VOTARON: 'Personas que votaron',
  TOTAL_REP_PARTIDO_CI_VOTARON: 'Representantes que votaron sin estar en la lista nominal',
  TOTAL_VOTOS_SACADOS: 'Votos sacados de las urnas',
};

export function camposDeFormulario(b: BoletaActa): CampoFormulario[] {
  const votos = b.campos.map((c): CampoFormulario => ({ clave: c.columna, nombre: c.nombre, grupo: 'voto', tipo: c.tipo }));
  const pedidos = new Set<string>(b.totales.length > 0 ? b.totales : TOTALES);
  const totales = ORDEN_TOTALES.filter((t) => pedidos.has(t)).map((t): CampoFormulario => ({ clave: t, nombre: NOMBRE_TOTAL[t], grupo: 'total', tipo: 'total' }));
  return [...votos, ...totales];
}
