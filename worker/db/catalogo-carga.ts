/**
 * Loads a validated catalogue into D1 through the Worker binding, replacing whatever catalogue was there.
 * Statements are chunked under 100 bound parameters. A Jalisco-size catalogue needs ~4,000 statements, more
 * than the 1,000 queries one production invocation may run, so this path is for tests and small catalogues;
 * large ones are seeded with `wrangler d1 execute --file` from `catalogueSqlScript` (scripts/seed.ts).
 */
import { CatalogueSchema, type Catalogue } from '../domain/catalogo/esquema.ts';
import { validateCatalogue, type CatalogueProblem } from '../domain/catalogo/validar.ts';
import { CATALOGUE_TABLES, catalogueRows } from './catalogo-filas.ts';
import { insertScript, insertStatements, runInBatches } from './sql-lotes.ts';

export class CatalogueRejected extends Error {
  readonly problems: CatalogueProblem[];
  constructor(problems: CatalogueProblem[]) {
    super(`catálogo rechazado: ${problems.length} problema(s)\n` + problems.map((p) => `- ${p.mensaje}`).join('\n'));
    this.problems = problems;
  }
}

/** Parses and cross-validates; throws CatalogueRejected naming every bad row. */
export function checkedCatalogue(input: unknown): Catalogue {
  const parsed = CatalogueSchema.safeParse(input);
  if (!parsed.success) {
    throw new CatalogueRejected(
      parsed.error.issues.map((i) => ({
        tabla: String(i.path[0] ?? ''),
        fila: typeof i.path[1] === 'number' ? i.path[1] + 1 : 0,
        campo: i.path.slice(2).join('.') || undefined,
        codigo: 'ESQUEMA',
        mensaje: `${i.path.join('.')}: ${i.message}`,
      })),
    );
  }
  const problems = validateCatalogue(parsed.data);
  if (problems.length > 0) throw new CatalogueRejected(problems);
  return parsed.data;
}

export async function loadCatalogue(db: D1Database, input: Catalogue): Promise<void> {
  const cat = checkedCatalogue(input);
  const deletes = CATALOGUE_TABLES.map((t) => db.prepare(`DELETE FROM ${t}`));
  const inserts = catalogueRows(cat).flatMap((t) => insertStatements(db, t));
  await db.batch(deletes);
  await runInBatches(db, inserts);
}

/** The same catalogue as one SQL script (literal values) for `wrangler d1 execute --file`. */
export function catalogueSqlScript(input: Catalogue): string {
  const cat = checkedCatalogue(input);
  const deletes = CATALOGUE_TABLES.map((t) => `DELETE FROM ${t};`).join('\n');
  return [deletes, ...catalogueRows(cat).map((t) => insertScript(t))].join('\n') + '\n';
}
