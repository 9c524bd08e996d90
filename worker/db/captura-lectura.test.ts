/**
 * The snapshot every write reads first is planned on key lookups alone: no ephemeral table (a CTE materialized, a
 * sort, an IN list), which SQLite builds anew on every execution and which cost far more than the lookups, and no
 * scan of the cortes (issue 16).
 */
import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { INSTANTANEA_SQL, type QuienLee } from './captura-lectura.ts';

const PARAMS = ['140338B01004', 'GUB/338/B/1/0', 338, 'd01-cap1', 'k:x', 'auto:y'];

describe('the snapshot statement', () => {
  for (const quien of Object.keys(INSTANTANEA_SQL) as QuienLee[]) {
    it(`(${quien}) builds no temporary table or sort`, async () => {
      const plan = await env.DB.prepare(`EXPLAIN QUERY PLAN ${INSTANTANEA_SQL[quien]}`)
        .bind(...PARAMS)
        .all<{ detail: string }>();
      const detalles = plan.results.map((f) => f.detail);
      expect(detalles.length).toBeGreaterThan(0);
      expect(detalles.filter((d) => /MATERIALIZE|TEMP B-TREE|LIST SUBQUERY|AUTOMATIC|COMPOUND/.test(d))).toEqual([]);
      // Whether the final corte is out is one lookup in its partial index, not a scan of the night's cortes.
      expect(detalles.filter((d) => /\bSCAN corte\b/.test(d))).toEqual([]);
    });
  }
});
