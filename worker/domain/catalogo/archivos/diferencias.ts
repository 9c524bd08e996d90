/**
 * What changed between two catalogues, for the report of a re-import before puesta en ceros: casillas added,
 * removed and changed (by CLAVE_CASILLA), and the same counts for every other table by its key.
 */
import { isDeepEqual } from './igualdad.ts';
import { claveCasilla } from '../../claves/clave.ts';
import type { Catalogo } from '../esquema.ts';
import { casillaTexto } from '../validar.ts';

export interface CambiosTabla {
  agregadas: string[];
  quitadas: string[];
  cambiadas: string[];
}

export interface DiferenciasCatalogo {
  entidad: boolean;
  tablas: Record<Exclude<keyof Catalogo, 'entidad'>, CambiosTabla>;
}

function cambios<T>(antes: readonly T[], despues: readonly T[], clave: (x: T) => string): CambiosTabla {
  const a = new Map(antes.map((x) => [clave(x), x]));
  const d = new Map(despues.map((x) => [clave(x), x]));
  return {
    agregadas: [...d.keys()].filter((k) => !a.has(k)),
    quitadas: [...a.keys()].filter((k) => !d.has(k)),
    cambiadas: [...d].filter(([k, x]) => a.has(k) && !isDeepEqual(a.get(k), x)).map(([k]) => k),
  };
}

export function diferenciasCatalogos(antes: Catalogo, despues: Catalogo): DiferenciasCatalogo {
  // Casillas are compared by CLAVE_CASILLA of the new entidad: an entidad change shows as every casilla changed.
  const cc = (cat: Catalogo) => (c: Catalogo['casillas'][number]) => claveCasilla(cat.entidad.id, c);
  return {
    entidad: !isDeepEqual(antes.entidad, despues.entidad),
    tablas: {
      elecciones: cambios(antes.elecciones, despues.elecciones, (e) => e.codigo),
      partidos: cambios(antes.partidos, despues.partidos, (p) => p.siglas),
      coaliciones: cambios(antes.coaliciones, despues.coaliciones, (c) => c.id),
      distritos: cambios(antes.distritos, despues.distritos, (x) => String(x.id)),
      municipios: cambios(antes.municipios, despues.municipios, (x) => String(x.id)),
      secciones: cambios(antes.secciones, despues.secciones, (x) => String(x.id)),
      casillas: cambios(antes.casillas.map((c) => ({ clave: cc(antes)(c), c })), despues.casillas.map((c) => ({ clave: cc(despues)(c), c })), (x) => x.clave),
      boletas: cambios(antes.boletas, despues.boletas, (b) => `${b.eleccion} ${b.territorio}`),
      candidaturas: cambios(antes.candidaturas, despues.candidaturas, (c) => `${c.eleccion} ${c.territorio} ${c.partidoCi}`),
      catds: cambios(antes.catds, despues.catds, (c) => c.id),
      partes: cambios(antes.partes ?? [], despues.partes ?? [], (p) => `${p.eleccion} ${casillaTexto(p)} ${p.parte}`),
      // The boundaries file as a whole: added, removed or changed.
      mapaSecciones: cambios(antes.mapaSecciones === undefined ? [] : [antes.mapaSecciones], despues.mapaSecciones === undefined ? [] : [despues.mapaSecciones], () => 'secciones.topojson'),
    },
  };
}

export function sinCambios(d: DiferenciasCatalogo): boolean {
  return !d.entidad && Object.values(d.tablas).every((t) => t.agregadas.length + t.quitadas.length + t.cambiadas.length === 0);
}

const NOMBRE_TABLA: Record<keyof DiferenciasCatalogo['tablas'], string> = {
  elecciones: 'elecciones',
  partidos: 'partidos',
  coaliciones: 'coaliciones',
  distritos: 'distritos',
  municipios: 'municipios',
  secciones: 'secciones',
  partes: 'partes de casillas',
  casillas: 'casillas',
  boletas: 'boletas',
  candidaturas: 'candidaturas',
  catds: 'CATD',
  mapaSecciones: 'mapa de secciones',
};

/** Spanish lines: casillas first (always, with examples), then only the tables that changed. */
export function describirCambios(d: DiferenciasCatalogo, ejemplos = 5): string[] {
  const muestra = (xs: string[]) => (xs.length === 0 ? '' : `: ${xs.slice(0, ejemplos).join(', ')}${xs.length > ejemplos ? ', …' : ''}`);
  const c = d.tablas.casillas;
  const lineas = [
    `casillas agregadas: ${c.agregadas.length}${muestra(c.agregadas)}`,
    `casillas quitadas: ${c.quitadas.length}${muestra(c.quitadas)}`,
    `casillas cambiadas: ${c.cambiadas.length}${muestra(c.cambiadas)}`,
  ];
  if (d.entidad) lineas.push('entidad: cambió');
  for (const [k, t] of Object.entries(d.tablas) as [keyof DiferenciasCatalogo['tablas'], CambiosTabla][]) {
    if (k === 'casillas') continue;
    const partes = [
      t.agregadas.length ? `${t.agregadas.length} agregadas` : '',
      t.quitadas.length ? `${t.quitadas.length} quitadas` : '',
      t.cambiadas.length ? `${t.cambiadas.length} cambiadas` : '',
    ].filter(Boolean);
    if (partes.length) lineas.push(`${NOMBRE_TABLA[k]}: ${partes.join(', ')}`);
  }
  return lineas;
}
