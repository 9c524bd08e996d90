/**
 * The cron handler (wrangler.toml fires it every minute): decides from the configuration in D1 and the
 * entidad's offset in the catalogue whether a corte is due (worker/domain/corte/calendario.ts) and runs it.
 * Overlapping or repeated invocations are harmless: the lease lets one run at a time, a turn is marked once
 * it got its corte, and the same change sequence publishes once.
 */
import { decidir, type Decision } from '../domain/corte/calendario.ts';
import { almacenR2 } from './almacen.ts';
import { publicacionDelWorker } from './identidad.ts';
import { ejecutarCorte, type Dependencias, type ResultadoCorte } from './publicar.ts';
import { leerConfig } from './registro-d1.ts';

export interface ResultadoProgramado {
  decision: Decision | { tipo: 'esperar'; motivo: 'SIN_CATALOGO' };
  corte: ResultadoCorte | null;
}

async function estadoDePublicacion(db: D1Database): Promise<{ offset: number | null; finalPublicado: boolean }> {
  const [ent, fin] = await db.batch<Record<string, number>>([
    db.prepare('SELECT utc_offset_minutes AS offset FROM entidad ORDER BY id LIMIT 1'),
    db.prepare('SELECT count(*) AS n FROM corte WHERE final = 1'),
  ]);
  const offset = ent!.results[0]?.offset;
  return { offset: offset === undefined ? null : Number(offset), finalPublicado: Number(fin!.results[0]?.n ?? 0) > 0 };
}

/** One cron tick at `scheduledTime`. `deps` replaces the defaults (tests inject the store and the clock). */
export async function alProgramar(env: Env, scheduledTime: number, deps: Partial<Dependencias> = {}): Promise<ResultadoProgramado> {
  const db = deps.db ?? env.DB;
  const config = await leerConfig(db);
  const { offset, finalPublicado } = await estadoDePublicacion(db);
  if (offset === null) return { decision: { tipo: 'esperar', motivo: 'SIN_CATALOGO' }, corte: null };
  const decision = decidir(config, offset, scheduledTime, { ultimoTurno: config.ultimoTurno, finalPublicado });
  if (decision.tipo === 'esperar') return { decision, corte: null };
  const corte = await ejecutarCorte(
    { db, almacen: deps.almacen ?? almacenR2(env.BUCKET), publicacion: await publicacionDelWorker(env), ...deps },
    { instante: scheduledTime, final: decision.final, motivo: decision.final ? 'final' : 'programado', turno: decision.turno },
  );
  return { decision, corte };
}
