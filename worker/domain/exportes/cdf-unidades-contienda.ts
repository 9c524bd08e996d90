/**
 * Where a contest's votes are reported in the CDF export: its own unit first, then its child units — for the
 * entidad-wide contest its distritos and municipios, for a distrito's or municipio's its secciones (in a
 * precinct-level report) with the votes of the sección's actas counted in that territory (a split sección has a
 * part in each). Each with the published results of that unit (the same arithmetic as the shards).
 */
import type { Resultados } from '../contrato/index.ts';
import type { EstadoCorte } from '../corte/estado.ts';
import { resultados } from '../corte/generar-shards.ts';
import type { EleccionModelo } from '../corte/modelo.ts';
import { idCdf } from './cdf-ids.ts';

export interface UnidadContienda {
  gpUnitId: string;
  resultados: Resultados;
}

export function unidadesDeContienda(estado: EstadoCorte, em: EleccionModelo, territorio: number, final: boolean, conSecciones: boolean): UnidadContienda[] {
  const m = estado.modelo;
  const codigo = em.eleccion.codigo;
  const nivel = em.eleccion.territorio;
  if (nivel === 'entidad') {
    return [
      { gpUnitId: idCdf.entidad(m.entidad.id), resultados: resultados(estado.conteo(codigo, 'entidad'), final) },
      ...m.distritos.map((d) => ({ gpUnitId: idCdf.distrito(d.id), resultados: resultados(estado.conteo(codigo, 'distrito', d.id), final) })),
      ...m.municipios.map((x) => ({ gpUnitId: idCdf.municipio(x.id), resultados: resultados(estado.conteo(codigo, 'municipio', x.id), final) })),
    ];
  }
  const propia = { gpUnitId: nivel === 'distrito' ? idCdf.distrito(territorio) : idCdf.municipio(territorio), resultados: resultados(estado.conteo(codigo, nivel, territorio), final) };
  if (!conSecciones) return [propia];
  const ee = estado.elecciones.get(codigo)!;
  const propias = (nivel === 'distrito' ? m.seccionesPorDistrito : m.seccionesPorMunicipio).get(territorio) ?? [];
  const partes = [...em.unidadesExtra].map((u) => m.unidadPorId.get(u)!).filter((u) => u[nivel] === territorio).map((u) => u.seccion);
  const secciones = [...new Set([...propias, ...partes])].sort((a, b) => a - b);
  const hijas: UnidadContienda[] = [];
  for (const s of secciones) {
    const c = estado.conteoEn(ee, s, nivel, territorio);
    if (c !== null) hijas.push({ gpUnitId: idCdf.seccion(s), resultados: resultados(c, final) });
  }
  return [propia, ...hijas];
}
