/**
 * Loads a validated catalogue into D1 through the Worker binding, replacing whatever catalogue was there.
 * Statements are chunked under 100 bound parameters. A Jalisco-size catalogue needs ~4,000 statements, more
 * than the 1,000 queries one production invocation may run, so this path is for tests and small catalogues;
 * large ones are seeded with `wrangler d1 execute --file` from `guionSqlCatalogo` (scripts/seed.ts).
 */
import { CatalogoSchema, type Catalogo } from '../domain/catalogo/esquema.ts';
import { validarCatalogo, type ProblemaCatalogo } from '../domain/catalogo/validar.ts';
import { CATALOGUE_TABLES, filasCatalogo } from './catalogo-filas.ts';
import { BORRAR_MAPA_SQL, filasMapa } from './catalogo-mapa.ts';
import { insertScript, insertStatements, runInBatches } from './sql-lotes.ts';

export class CatalogoRechazado extends Error {
  readonly problems: ProblemaCatalogo[];
  constructor(problems: ProblemaCatalogo[]) {
    super(`catálogo rechazado: ${problems.length} problema(s)\n${problems.map((p) => `- ${p.mensaje}`).join('\n')}`);
    this.problems = problems;
  }
}

/** Parses and cross-validates; throws CatalogoRechazado naming every bad row. */
export function catalogoComprobado(input: unknown): Catalogo {
  const parsed = CatalogoSchema.safeParse(input);
  if (!parsed.success) {
    throw new CatalogoRechazado(
      parsed.error.issues.map((i) => ({
        tabla: String(i.path[0] ?? ''),
        fila: typeof i.path[1] === 'number' ? i.path[1] + 1 : 0,
        campo: i.path.slice(2).join('.') || undefined,
        codigo: 'ESQUEMA',
        mensaje: `${i.path.join('.')}: ${i.message}`,
      })),
    );
  }
  const problems = validarCatalogo(parsed.data);
  if (problems.length > 0) throw new CatalogoRechazado(problems);
  return parsed.data;
}

export async function cargarCatalogo(db: D1Database, input: Catalogo): Promise<void> {
  const cat = catalogoComprobado(input);
  const deletes = [...CATALOGUE_TABLES.map((t) => db.prepare(`DELETE FROM ${t}`)), db.prepare(BORRAR_MAPA_SQL)];
  const inserts = [...filasCatalogo(cat), filasMapa(cat)].flatMap((t) => insertStatements(db, t));
  await db.batch(deletes);
  await runInBatches(db, inserts);
}

/** The same catalogue as one SQL script (literal values) for `wrangler d1 execute --file`. */
export function guionSqlCatalogo(input: Catalogo): string {
  const cat = catalogoComprobado(input);
  const deletes = [...CATALOGUE_TABLES.map((t) => `DELETE FROM ${t};`), `${BORRAR_MAPA_SQL};`].join('\n');
  const mapa = filasMapa(cat);
  const tablas = mapa.rows.length > 0 ? [...filasCatalogo(cat), mapa] : filasCatalogo(cat);
  return `${[deletes, ...tablas.map((t) => insertScript(t))].join('\n')}\n`;
}
