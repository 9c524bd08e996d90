/**
 * What one console refresh reads from D1, in ONE batch of small queries — never a scan of the actas: the counters
 * the capture batches keep (consola_contador), the oldest acta per CATD, election and step (one seek each on the
 * acta_consola index, only where something waits), the last write of every operator, the PREP Casilla devices
 * (counted in SQL, a short list returned), the events of the recent
 * window (a primary-key range) and of the night (consola_evento_total), the catalogue's CATDs, the corte job's
 * state and the audit chain's last check. Rows are checked with zod at this boundary.
 */
import { z } from 'zod';
import { ConfigCortesSchema } from '../domain/corte/calendario.ts';
import { PasoConsolaSchema, PasoPendienteSchema } from '../domain/consola/estado.ts';
import { TIPOS_EVENTO } from '../domain/consola/eventos.ts';
import { MAX_DISPOSITIVOS, type LecturaConsola } from '../domain/consola/tablero.ts';
import { LEER_VERIFICACION, verificacionDe } from './consola-bitacora.ts';

const PENDIENTES = PasoPendienteSchema.options.map((p) => `'${p}'`).join(', ');

const SQL = {
  catds: `SELECT c.id, c.nombre, (SELECT json_group_array(eleccion) FROM (SELECT eleccion FROM catd_eleccion WHERE catd = c.id ORDER BY eleccion)) AS elecciones
          FROM catd c ORDER BY c.id`,
  contadores: 'SELECT catd, eleccion, paso, recibida, n FROM consola_contador WHERE n > 0',
  antiguas: `SELECT k.catd, k.eleccion, k.paso,
       (SELECT a.clave FROM acta a WHERE a.catd_consola = k.catd AND a.eleccion = k.eleccion AND a.paso_consola = k.paso ORDER BY a.etapa_desde, a.clave LIMIT 1) AS clave,
       (SELECT a.etapa_desde FROM acta a WHERE a.catd_consola = k.catd AND a.eleccion = k.eleccion AND a.paso_consola = k.paso ORDER BY a.etapa_desde, a.clave LIMIT 1) AS desde
     FROM (SELECT DISTINCT catd, eleccion, paso FROM consola_contador WHERE n > 0 AND paso IN (${PENDIENTES})) k`,
  actividad: 'SELECT operador, catd, visto_at AS vistoAt FROM consola_actividad',
  // Thousands of devices (one per casilla team): counted here, and only the first MAX_DISPOSITIVOS returned, in the
  // screen's order (silent first, then the longest quiet, then id; tablero.ts). Reading them all cost each refresh
  // ~4,000 rows built and parsed (measured on the bench's 3,785 devices, one SQLite file at one moment: 16 ms to
  // read them all, 0.9 ms to count them, 1.6 ms to list 200).
  dispositivosCuenta: `SELECT count(*) AS total, count(a.visto_at) AS vistos, coalesce(sum(a.visto_at IS NULL OR a.visto_at <= ?1), 0) AS silenciosos
                       FROM operador o LEFT JOIN consola_actividad a ON a.operador = o.id WHERE o.ambito = 'CASILLA' AND o.activo = 1`,
  dispositivos: `SELECT o.id, o.nombre, a.visto_at AS vistoAt FROM operador o LEFT JOIN consola_actividad a ON a.operador = o.id
                 WHERE o.ambito = 'CASILLA' AND o.activo = 1
                 ORDER BY (a.visto_at IS NULL OR a.visto_at <= ?1) DESC, coalesce(a.visto_at, -1), o.id LIMIT ${MAX_DISPOSITIVOS}`,
  eventosRecientes: 'SELECT catd, tipo, sum(n) AS n FROM consola_evento WHERE minuto >= ? GROUP BY catd, tipo',
  eventosNoche: 'SELECT catd, tipo, n FROM consola_evento_total',
  cortes: `SELECT cc.jornada, cc.inicio_minutos, cc.duracion_minutos, cc.cadencia_minutos, cc.ultimo_turno,
                  (SELECT utc_offset_minutes FROM entidad ORDER BY id LIMIT 1) AS offset_minutos,
                  l.titular, l.vence,
                  (SELECT json_object('numero', numero, 'instante', instante, 'publicadoAt', publicado_at, 'final', final) FROM corte ORDER BY numero DESC LIMIT 1) AS ultimo,
                  EXISTS (SELECT 1 FROM corte WHERE final = 1) AS final_publicado
           FROM corte_config cc, corte_lease l WHERE cc.id = 1 AND l.id = 1`,
};

const FilaContadorSchema = z.object({ catd: z.string(), eleccion: z.string(), paso: PasoConsolaSchema, recibida: z.number(), n: z.number().int() });
const FilaAntiguaSchema = z.object({ catd: z.string(), eleccion: z.string(), paso: PasoPendienteSchema, clave: z.string(), desde: z.number().int() });
const FilaEventoSchema = z.object({ catd: z.string(), tipo: z.enum(TIPOS_EVENTO), n: z.number().int() });
const CuentaDispositivosSchema = z.object({ total: z.number().int(), vistos: z.number().int(), silenciosos: z.number().int() });
const UltimoSchema = z.object({ numero: z.number(), instante: z.number(), publicadoAt: z.number(), final: z.number() });

/** Everything one refresh shows, the audit chain's last check (the cron's, worker/db/consola-bitacora.ts) included. */
export async function leerConsola(db: D1Database, p: { desdeMinuto: number; silencioDesde: number }): Promise<LecturaConsola> {
  const r = await db.batch<Record<string, unknown>>([
    db.prepare(SQL.catds),
    db.prepare(SQL.contadores),
    db.prepare(SQL.antiguas),
    db.prepare(SQL.actividad),
    db.prepare(SQL.dispositivos).bind(p.silencioDesde),
    db.prepare(SQL.eventosRecientes).bind(p.desdeMinuto),
    db.prepare(SQL.eventosNoche),
    db.prepare(SQL.cortes),
    db.prepare(LEER_VERIFICACION),
    db.prepare(SQL.dispositivosCuenta).bind(p.silencioDesde),
  ]);
  const filas = (i: number) => r[i]!.results;
  return {
    catds: filas(0).map((f) => ({ id: String(f.id), nombre: String(f.nombre), elecciones: z.array(z.string()).parse(JSON.parse(String(f.elecciones))) })),
    contadores: filas(1).map((f) => {
      const c = FilaContadorSchema.parse(f);
      return { ...c, recibida: c.recibida === 1 };
    }),
    antiguas: filas(2)
      .filter((f) => f.clave !== null)
      .map((f) => FilaAntiguaSchema.parse(f)),
    actividad: filas(3).map((f) => ({ operador: String(f.operador), catd: f.catd === null ? null : String(f.catd), vistoAt: Number(f.vistoAt) })),
    dispositivos: {
      ...CuentaDispositivosSchema.parse(filas(9)[0]),
      lista: filas(4).map((f) => ({ id: String(f.id), nombre: String(f.nombre), vistoAt: f.vistoAt === null ? null : Number(f.vistoAt) })),
    },
    eventosRecientes: filas(5).map((f) => FilaEventoSchema.parse(f)),
    eventosNoche: filas(6).map((f) => FilaEventoSchema.parse(f)),
    cortes: cortesDe(filas(7)[0]),
    bitacora: bitacoraDe(filas(8)[0]),
  };
}

function cortesDe(f: Record<string, unknown> | undefined): LecturaConsola['cortes'] {
  if (f === undefined) throw new Error('faltan las filas de corte_config o corte_lease (migración 0004)');
  const num = (x: unknown): number | null => (x === null || x === undefined ? null : Number(x));
  const u = f.ultimo === null ? null : UltimoSchema.parse(JSON.parse(String(f.ultimo)));
  return {
    config: ConfigCortesSchema.parse({
      jornada: f.jornada ?? null,
      inicioMinutos: Number(f.inicio_minutos),
      duracionMinutos: Number(f.duracion_minutos),
      cadenciaMinutos: Number(f.cadencia_minutos),
    }),
    ultimoTurno: num(f.ultimo_turno),
    offsetMinutos: num(f.offset_minutos),
    finalPublicado: Number(f.final_publicado) === 1,
    lease: { titular: f.titular === null ? null : String(f.titular), vence: Number(f.vence) },
    ultimo: u === null ? null : { numero: u.numero, instante: u.instante, publicadoAt: u.publicadoAt, final: u.final === 1 },
  };
}

function bitacoraDe(f: Record<string, unknown> | undefined): LecturaConsola['bitacora'] {
  const v = verificacionDe(f);
  return { hastaId: v.hasta.id, verificadaAt: v.verificadaAt, rotaId: v.rotaId, motivo: v.motivo };
}
