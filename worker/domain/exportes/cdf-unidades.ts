/**
 * The CDF GpUnits of a corte: the entidad (state), its distritos locales (state-house districts), its municipios
 * (municipality) and, in a precinct-level report, its secciones (precinct). The entidad is composed of its
 * distritos and of its municipios (each set covers it once); a distrito or municipio of its secciones, a sección
 * split between territories (catalogue `partes`) in each of them.
 */
import type { CorteModelo } from '../corte/modelo.ts';
import { idCdf } from './cdf-ids.ts';
import { textoEs } from './cdf-texto.ts';
import type { UnidadCdf } from './cdf-tipos.ts';

export function unidadesCdf(m: CorteModelo, conSecciones: boolean): UnidadCdf[] {
  const seccionesDe = (nivel: 'distrito' | 'municipio', id: number) => {
    const propias = (nivel === 'distrito' ? m.seccionesPorDistrito : m.seccionesPorMunicipio).get(id) ?? [];
    const partes = m.unidades.filter((u) => u.id !== u.seccion && u[nivel] === id).map((u) => u.seccion);
    return [...new Set([...propias, ...partes])].sort((a, b) => a - b).map(idCdf.seccion);
  };
  const hijos = (nivel: 'distrito' | 'municipio', id: number) => (conSecciones ? { ComposingGpUnitIds: seccionesDe(nivel, id) } : {});
  const entidad: UnidadCdf = {
    '@id': idCdf.entidad(m.entidad.id),
    '@type': 'ElectionResults.ReportingUnit',
    Type: 'state',
    Name: textoEs(m.entidad.nombre),
    Number: String(m.entidad.id),
    ComposingGpUnitIds: [...m.distritos.map((d) => idCdf.distrito(d.id)), ...m.municipios.map((x) => idCdf.municipio(x.id))],
  };
  const distritos = m.distritos.map(
    (d): UnidadCdf => ({
      '@id': idCdf.distrito(d.id),
      '@type': 'ElectionResults.ReportingUnit',
      Type: 'state-house',
      Name: textoEs(`Distrito ${d.id} (${d.cabecera})`),
      Number: String(d.id),
      ...hijos('distrito', d.id),
    }),
  );
  const municipios = m.municipios.map(
    (x): UnidadCdf => ({ '@id': idCdf.municipio(x.id), '@type': 'ElectionResults.ReportingUnit', Type: 'municipality', Name: textoEs(x.nombre), Number: String(x.id), ...hijos('municipio', x.id) }),
  );
  const secciones = conSecciones
    ? m.secciones.map((s): UnidadCdf => ({ '@id': idCdf.seccion(s.id), '@type': 'ElectionResults.ReportingUnit', Type: 'precinct', Name: textoEs(`Sección ${s.id}`), Number: String(s.id) }))
    : [];
  return [entidad, ...distritos, ...municipios, ...secciones];
}
