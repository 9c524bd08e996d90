/**
 * The `@id` of every object of the CDF export (cdf.ts). Built from catalogue keys, so the same territory or
 * candidatura has the same id in every corte and a reader can join reports across the night.
 */
export const idCdf = {
  entidad: (entidad: number) => `ru-entidad-${entidad}`,
  distrito: (id: number) => `ru-distrito-${id}`,
  municipio: (id: number) => `ru-municipio-${id}`,
  seccion: (id: number) => `ru-seccion-${id}`,
  /** Parties, independents and coalitions share one namespace: their siglas / ids are distinct catalogue columns. */
  partido: (siglas: string) => `party-${siglas}`,
  contienda: (eleccion: string, territorio: number) => `contest-${eleccion}-${territorio}`,
  seleccion: (eleccion: string, territorio: number, candidatura: string) => `sel-${eleccion}-${territorio}-${candidatura}`,
  noRegistradas: (eleccion: string, territorio: number) => `sel-${eleccion}-${territorio}-no-registradas`,
  candidato: (eleccion: string, territorio: number, partidoCi: string, cargo: 'propietaria' | 'suplente') => `cand-${eleccion}-${territorio}-${partidoCi}-${cargo}`,
};
