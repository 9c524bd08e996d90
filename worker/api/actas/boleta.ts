/**
 * GET /api/v1/actas/{clave}/boleta — what a capture screen needs to build the form of ONE acta: its ballot's vote
 * fields in publication order (each with a name a person reads: the party, the coalition combination, the fixed
 * columns), the five totals, the casilla's limit of votes (docs/REGLAS.md §4) to point out an obvious slip, and
 * whether the caller already captured it in the current round. Catalogue facts and the caller's own state only:
 * never a figure of any capture (a capturist must not see another capture before typing their own).
 */
import { z } from '@hono/zod-openapi';
import { TOTALES } from '../../domain/acta/esquema.ts';
import { limiteVotos } from '../../domain/acta/clasificar.ts';
import type { Instantanea } from '../../db/captura-lectura.ts';
import { TipoCasillaSchema } from '../../domain/catalogo/esquema.ts';

const CampoSchema = z.object({
  columna: z.string().openapi({ example: 'PAN_PRI' }),
  nombre: z.string().openapi({ example: 'PAN + PRI' }),
  tipo: z.enum(['partido', 'independiente', 'combinacion', 'no_registradas', 'nulos']),
});

export const BoletaActaSchema = z
  .object({
    clave: z.string(),
    etapa: z.string(),
    ronda: z.number().int().nullable(),
    eleccion: z.object({ codigo: z.string(), nombre: z.string() }),
    identificacion: z.object({ seccion: z.number().int(), tipo: TipoCasillaSchema, id: z.number().int(), extContigua: z.number().int() }).nullable(),
    /** The vote fields of the acta's ballot, in order; empty when no ballot applies (nothing to capture). */
    campos: z.array(CampoSchema),
    totales: z.array(z.enum(TOTALES)),
    /** Highest TOTAL_VOTOS_CALCULADO that counts (lista nominal + representantes, …); null: no limit or unknown. */
    limite: z.number().int().nullable(),
    listaNominal: z.number().int().nullable(),
    /** The caller already captured this acta in its current round (a second capture by them would be refused). */
    capturadaPorUsted: z.boolean(),
  })
  .openapi('BoletaActa');
export type BoletaActa = z.infer<typeof BoletaActaSchema>;

interface FilaCatalogo {
  partidos: string;
  eleccion: string | null;
  casilla: string | null;
}
const PartidoSchema = z.object({ siglas: z.string(), nombre: z.string(), tipo: z.enum(['partido', 'independiente']) });
const EleccionSchema = z.object({ codigo: z.string(), nombre: z.string(), boletasEspecial: z.number() });
const CasillaSchema = z.object({ tipo: TipoCasillaSchema, listaNominal: z.number(), representantes: z.number() });

// One statement: the parties (for the names), the acta's election and, for an expected acta, its casilla (with a
// split casilla's part's own lista nominal when it has one: data/migrations/0014_parte_lista_nominal.sql).
const SQL = `SELECT
  (SELECT json_group_array(json_object('siglas', siglas, 'nombre', nombre, 'tipo', tipo)) FROM partido) AS partidos,
  (SELECT json_object('codigo', codigo, 'nombre', nombre, 'boletasEspecial', boletas_especial) FROM eleccion WHERE codigo = ?1) AS eleccion,
  (SELECT json_object('tipo', c.tipo, 'listaNominal', COALESCE(ae.lista_nominal, c.lista_nominal), 'representantes', c.representantes)
   FROM acta_esperada ae JOIN casilla c ON c.clave = ae.casilla WHERE ae.clave_acta = ?2) AS casilla`;

/** A combination column (PAN_PRI_PRD) as its parties, split on the known party keys (which may hold "_" too). */
export function partesDeCombinacion(columna: string, siglas: ReadonlySet<string>): string[] | null {
  if (siglas.has(columna)) return [columna];
  const trozos = columna.split('_');
  for (let i = 1; i < trozos.length; i++) {
    const cabeza = trozos.slice(0, i).join('_');
    if (!siglas.has(cabeza)) continue;
    const resto = partesDeCombinacion(trozos.slice(i).join('_'), siglas);
    if (resto !== null) return [cabeza, ...resto];
  }
  return null;
}

type Partido = z.infer<typeof PartidoSchema>;

function campo(columna: string, partidos: ReadonlyMap<string, Partido>): BoletaActa['campos'][number] {
  if (columna === 'NO_REGISTRADAS') return { columna, nombre: 'Candidaturas no registradas', tipo: 'no_registradas' };
  if (columna === 'NULOS') return { columna, nombre: 'Votos nulos', tipo: 'nulos' };
  const p = partidos.get(columna);
  if (p) return { columna, nombre: p.nombre, tipo: p.tipo };
  const partes = partesDeCombinacion(columna, new Set(partidos.keys()));
  return { columna, nombre: (partes ?? columna.split('_')).join(' + '), tipo: 'combinacion' };
}

/** The ballot of the acta in `inst` (already checked to exist and be within the caller's scope). */
export async function leerBoleta(db: D1Database, clave: string, inst: Instantanea, operador: string): Promise<BoletaActa> {
  const estado = inst.acta?.estado ?? null;
  const ident = estado?.identificacion ?? inst.esperada?.identificacion ?? null;
  const f = await db.prepare(SQL).bind(ident?.eleccion ?? null, inst.esperada?.clave ?? null).first<FilaCatalogo>();
  const partidos = new Map(z.array(PartidoSchema).parse(JSON.parse(f?.partidos ?? '[]')).map((p) => [p.siglas, p]));
  const eleccion = f?.eleccion ? EleccionSchema.parse(JSON.parse(f.eleccion)) : null;
  const casilla = f?.casilla ? CasillaSchema.parse(JSON.parse(f.casilla)) : null;
  const ronda = estado?.ronda ?? null;
  return {
    clave: estado?.clave ?? clave,
    etapa: estado?.etapa ?? 'PENDIENTE',
    ronda,
    eleccion: { codigo: ident?.eleccion ?? '', nombre: eleccion?.nombre ?? ident?.eleccion ?? '' },
    identificacion: ident === null ? null : { seccion: ident.seccion, tipo: ident.tipo, id: ident.id, extContigua: ident.extContigua },
    campos: (inst.campos ?? []).map((c) => campo(c, partidos)),
    totales: [...TOTALES],
    limite: casilla !== null && eleccion !== null ? limiteVotos(casilla, eleccion.boletasEspecial) : null,
    listaNominal: casilla?.tipo === 'B' || casilla?.tipo === 'C' || casilla?.tipo === 'E' ? casilla.listaNominal : null,
    capturadaPorUsted: inst.capturas.some((k) => k.ronda === ronda && k.operador === operador),
  };
}
