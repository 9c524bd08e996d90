/**
 * The catalogue as rows of the D1 tables of data/migrations/0001_catalogo.sql (acta_esperada.lista_nominal: 0014),
 * in insertion order
 * (parents before children). Pure: used by the Worker's loader and by the seed script's SQL file alike.
 */
import { actasEsperadas } from '../domain/acta/esperadas.ts';
import type { Catalogo } from '../domain/catalogo/esquema.ts';
import { claveActa, claveCasilla, claveDeParte } from '../domain/claves/clave.ts';
import type { TableRows } from './sql-lotes.ts';

/** Tables in deletion order (children first); insertion is the reverse. */
export const CATALOGUE_TABLES = [
  'acta_esperada',
  'catd_eleccion',
  'catd',
  'candidatura',
  'boleta_coalicion',
  'boleta_columna',
  'casilla',
  'seccion',
  'municipio',
  'distrito',
  'coalicion_partido',
  'coalicion',
  'partido',
  'eleccion',
  'entidad',
] as const;

/** A part's own lista nominal by its key (CLAVE_ACTA-n); parts without one, and ordinary actas, have none (NULL). */
function listasDePartes(cat: Catalogo): Map<string, number> {
  const out = new Map<string, number>();
  const tipoActa = new Map(cat.elecciones.map((e) => [e.codigo, e.tipoActa]));
  for (const p of cat.partes ?? []) {
    const t = tipoActa.get(p.eleccion);
    if (p.listaNominal !== undefined && t !== undefined) out.set(claveDeParte(claveActa(claveCasilla(cat.entidad.id, p), t), p.parte), p.listaNominal);
  }
  return out;
}

function actaEsperadaRows(cat: Catalogo): TableRows {
  const actas = actasEsperadas(cat);
  const listaDeParte = listasDePartes(cat);
  if (!actas.ok) throw new Error(`catálogo sin actas esperadas construibles: ${JSON.stringify(actas.error)}`);
  const rows: TableRows['rows'] = [];
  const ordenEnEleccion = new Map<string, number>();
  for (const a of actas.value) {
    // orden: position of the acta in its election's results CSV.
    const orden = ordenEnEleccion.get(a.eleccion.codigo) ?? 0;
    ordenEnEleccion.set(a.eleccion.codigo, orden + 1);
    const fila = [a.clave, a.claveCasilla, a.eleccion.codigo, a.seccion.id, a.seccion.distrito, a.seccion.municipio, a.territorio, orden];
    rows.push(listaDeParte.size === 0 ? fila : [...fila, listaDeParte.get(a.clave) ?? null]);
  }
  // Without a part's own lista nominal the column is left to its default (NULL): an ordinary catalogue's
  // statements, and so its SQL and SHA-256, stay exactly what they were.
  const columns = ['clave_acta', 'casilla', 'eleccion', 'seccion', 'distrito', 'municipio', 'territorio', 'orden'];
  return { table: 'acta_esperada', columns: listaDeParte.size === 0 ? columns : [...columns, 'lista_nominal'], rows };
}

export function filasCatalogo(cat: Catalogo): TableRows[] {
  const e = cat.entidad;
  return [
    { table: 'entidad', columns: ['id', 'nombre', 'utc_offset_minutes', 'sintetico'], rows: [[e.id, e.nombre, e.utcOffsetMinutes, e.sintetico ? 1 : 0]] },
    {
      table: 'eleccion',
      columns: ['codigo', 'nombre', 'territorio', 'tipo_acta', 'boletas_especial', 'orden'],
      rows: cat.elecciones.map((x) => [x.codigo, x.nombre, x.territorio, x.tipoActa, x.boletasEspecial, x.orden]),
    },
    {
      table: 'partido',
      columns: ['siglas', 'nombre', 'color', 'tipo', 'orden'],
      rows: cat.partidos.map((p) => [p.siglas, p.nombre, p.color, p.tipo, p.orden]),
    },
    { table: 'coalicion', columns: ['id', 'nombre'], rows: cat.coaliciones.map((c) => [c.id, c.nombre]) },
    {
      table: 'coalicion_partido',
      columns: ['coalicion', 'partido'],
      rows: cat.coaliciones.flatMap((c) => c.partidos.map((p) => [c.id, p])),
    },
    { table: 'distrito', columns: ['id', 'cabecera'], rows: cat.distritos.map((d) => [d.id, d.cabecera]) },
    { table: 'municipio', columns: ['id', 'nombre'], rows: cat.municipios.map((m) => [m.id, m.nombre]) },
    { table: 'seccion', columns: ['id', 'distrito', 'municipio'], rows: cat.secciones.map((s) => [s.id, s.distrito, s.municipio]) },
    {
      table: 'casilla',
      columns: ['clave', 'seccion', 'tipo', 'id_casilla', 'ext_contigua', 'ubicacion', 'lista_nominal', 'representantes', 'elecciones'],
      rows: cat.casillas.map((c) => [
        claveCasilla(e.id, c),
        c.seccion,
        c.tipo,
        c.id,
        c.extContigua,
        c.ubicacion,
        c.listaNominal,
        c.representantes,
        c.elecciones === undefined ? null : c.elecciones.join('+'),
      ]),
    },
    {
      table: 'boleta_columna',
      columns: ['eleccion', 'territorio', 'orden', 'columna'],
      rows: cat.boletas.flatMap((b) => b.columnas.map((col, i) => [b.eleccion, b.territorio, i, col])),
    },
    {
      table: 'boleta_coalicion',
      columns: ['eleccion', 'territorio', 'coalicion', 'partido'],
      rows: cat.boletas.flatMap((b) => b.coaliciones.flatMap((c) => c.partidos.map((p) => [b.eleccion, b.territorio, c.coalicion, p]))),
    },
    {
      table: 'candidatura',
      columns: ['eleccion', 'territorio', 'partido_ci', 'propietaria', 'suplente'],
      rows: cat.candidaturas.map((c) => [c.eleccion, c.territorio, c.partidoCi, c.propietaria, c.suplente]),
    },
    { table: 'catd', columns: ['id', 'nombre', 'ambito', 'territorio'], rows: cat.catds.map((c) => [c.id, c.nombre, c.ambito, c.territorio]) },
    {
      table: 'catd_eleccion',
      columns: ['catd', 'eleccion'],
      rows: cat.catds.flatMap((c) => c.elecciones.map((el) => [c.id, el])),
    },
    actaEsperadaRows(cat),
  ];
}
