/**
 * An election's code and territory kind from the name on line 1 of its results file ("PRESIDENCIA DE LA
 * REPÚBLICA", "Diputaciones Locales", "Ayuntamientos"…). Names outside this list get a code from their
 * initials and their kind from the data (derivar.ts); `--eleccion` overrides the code.
 */
import type { TipoTerritorio } from '../../../worker/domain/catalogo/esquema.ts';
import { normalizarNombre } from './encabezados.ts';

export interface EleccionReconocida {
  codigo: string;
  territorio: TipoTerritorio | null;
}

const REGLAS: { re: RegExp; codigo: string; territorio: TipoTerritorio }[] = [
  { re: /PRESIDENCIA(S)?_MUNICIPAL|PRESIDENTE(S)?_MUNICIPAL|AYUNTAMIENTO|MUNICIPE/, codigo: 'AYUN', territorio: 'municipio' },
  { re: /ALCALDIA|ALCALDE/, codigo: 'ALC', territorio: 'municipio' },
  { re: /JUNTA(S)?_MUNICIPAL/, codigo: 'JM', territorio: 'municipio' },
  { re: /PRESIDENCIA|PRESIDENTE/, codigo: 'PRES', territorio: 'entidad' },
  { re: /SENADU|SENADOR/, codigo: 'SEN', territorio: 'entidad' },
  { re: /DIPUTA.*FEDERAL/, codigo: 'DIP_FED', territorio: 'distrito' },
  { re: /DIPUTA/, codigo: 'DIP_LOC', territorio: 'distrito' },
  { re: /GUBERNATURA|GOBERNADOR|JEFATURA_DE_GOBIERNO|JEFE_DE_GOBIERNO/, codigo: 'GUB', territorio: 'entidad' },
];

const CODIGO_RE = /^[A-Z][A-Z_]{1,15}$/;

export function reconocerEleccion(nombre: string): EleccionReconocida {
  const n = normalizarNombre(nombre);
  const regla = REGLAS.find((r) => r.re.test(n));
  if (regla) return { codigo: regla.codigo, territorio: regla.territorio };
  const palabras = n.split('_').filter((p) => p.length > 2 && /^[A-Z]/.test(p));
  const iniciales = palabras.map((p) => p[0]).join('').slice(0, 16);
  const codigo = iniciales.length >= 2 ? iniciales : (palabras[0] ?? '').replace(/[^A-Z]/g, '').slice(0, 16);
  return { codigo: CODIGO_RE.test(codigo) ? codigo : '', territorio: null };
}
