/**
 * The catalogue as a corte needs it, read from D1 in one batch (one round trip, ~12k rows for Jalisco) and
 * parsed with the catalogue schemas at the boundary. CATDs are not read: a corte does not need them.
 */
import { PARTES_SQL, partesDeFilas } from '../db/catalogo-partes.ts';
import { CatalogoSchema, type Boleta, type Catalogo } from '../domain/catalogo/esquema.ts';

type Fila = Record<string, unknown>;

const CatalogoCorteSchema = CatalogoSchema.omit({ catds: true });

const CONSULTAS = [
  'SELECT id, nombre, utc_offset_minutes, sintetico FROM entidad ORDER BY id LIMIT 1',
  'SELECT codigo, nombre, territorio, tipo_acta, boletas_especial, orden FROM eleccion ORDER BY orden, codigo',
  'SELECT siglas, nombre, color, tipo, orden FROM partido ORDER BY orden, siglas',
  'SELECT id, nombre FROM coalicion ORDER BY id',
  'SELECT cp.coalicion, cp.partido FROM coalicion_partido cp JOIN partido p ON p.siglas = cp.partido ORDER BY cp.coalicion, p.orden',
  'SELECT id, cabecera FROM distrito ORDER BY id',
  'SELECT id, nombre FROM municipio ORDER BY id',
  'SELECT id, distrito, municipio FROM seccion ORDER BY id',
  'SELECT seccion, tipo, id_casilla, ext_contigua, ubicacion, lista_nominal, representantes, elecciones FROM casilla ORDER BY clave',
  'SELECT eleccion, territorio, orden, columna FROM boleta_columna ORDER BY eleccion, territorio, orden',
  'SELECT b.eleccion, b.territorio, b.coalicion, b.partido FROM boleta_coalicion b JOIN partido p ON p.siglas = b.partido ORDER BY b.eleccion, b.territorio, b.coalicion, p.orden',
  'SELECT eleccion, territorio, partido_ci, propietaria, suplente FROM candidatura ORDER BY eleccion, territorio, partido_ci',
  PARTES_SQL,
] as const;

function agrupar<T>(filas: Fila[], clave: (f: Fila) => string, valor: (f: Fila) => T): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const f of filas) {
    const k = clave(f);
    const lista = out.get(k) ?? [];
    lista.push(valor(f));
    out.set(k, lista);
  }
  return out;
}

function boletas(columnas: Fila[], coaliciones: Fila[]): Boleta[] {
  const clave = (f: Fila) => `${String(f.eleccion)}/${Number(f.territorio)}`;
  const cols = agrupar(columnas, clave, (f) => String(f.columna));
  const coal = agrupar(coaliciones, clave, (f) => ({ coalicion: String(f.coalicion), partido: String(f.partido) }));
  return [...cols].map(([k, c]) => {
    const [eleccion, territorio] = k.split('/') as [string, string];
    const porCoalicion = agrupar(coal.get(k) ?? [], (x) => String(x.coalicion), (x) => String(x.partido));
    return {
      eleccion,
      territorio: Number(territorio),
      columnas: c,
      coaliciones: [...porCoalicion].map(([coalicion, partidos]) => ({ coalicion, partidos })),
    };
  });
}

/** The loaded catalogue, or null when none is loaded yet (no entidad row). Throws when it does not parse. */
export async function leerCatalogo(db: D1Database): Promise<Catalogo | null> {
  const r = await db.batch<Fila>(CONSULTAS.map((q) => db.prepare(q)));
  const [ent, ele, par, coa, coaPar, dis, mun, sec, cas, bCol, bCoa, can, partes] = r.map((x) => x.results);
  const e = ent![0];
  if (e === undefined) return null;
  const partidosDe = agrupar(coaPar!, (f) => String(f.coalicion), (f) => String(f.partido));
  const catalogo = CatalogoCorteSchema.parse({
    entidad: { id: e.id, nombre: e.nombre, utcOffsetMinutes: e.utc_offset_minutes, sintetico: e.sintetico === 1 },
    elecciones: ele!.map((f) => ({ codigo: f.codigo, nombre: f.nombre, territorio: f.territorio, tipoActa: f.tipo_acta, boletasEspecial: f.boletas_especial, orden: f.orden })),
    partidos: par!.map((f) => ({ siglas: f.siglas, nombre: f.nombre, color: f.color, tipo: f.tipo, orden: f.orden })),
    coaliciones: coa!.map((f) => ({ id: f.id, nombre: f.nombre, partidos: partidosDe.get(String(f.id)) ?? [] })),
    distritos: dis!.map((f) => ({ id: f.id, cabecera: f.cabecera })),
    municipios: mun!.map((f) => ({ id: f.id, nombre: f.nombre })),
    secciones: sec!.map((f) => ({ id: f.id, distrito: f.distrito, municipio: f.municipio })),
    casillas: cas!.map((f) => ({
      seccion: f.seccion, tipo: f.tipo, id: f.id_casilla, extContigua: f.ext_contigua, ubicacion: f.ubicacion,
      listaNominal: f.lista_nominal, representantes: f.representantes,
      ...(f.elecciones === null ? {} : { elecciones: String(f.elecciones).split('+') }),
    })),
    boletas: boletas(bCol!, bCoa!),
    candidaturas: can!.map((f) => ({ eleccion: f.eleccion, territorio: f.territorio, partidoCi: f.partido_ci, propietaria: f.propietaria, suplente: f.suplente })),
    ...(partes!.length > 0 ? { partes: partesDeFilas(partes!) } : {}),
  });
  return { ...catalogo, catds: [] };
}
