/**
 * Operators and their bearer tokens in the local D1 (every change is written to the audit log):
 *
 *   npm run operators -- crear --id ana --nombre "Ana Pérez" --ambito CATD --catd CATD-D01 --roles captura,verificacion
 *   npm run operators -- crear --id tel-0338 --nombre "PREP Casilla 338" --ambito CASILLA --roles digitalizacion --casillas 140338B0100
 *   npm run operators -- token --operador ana [--horas 16] [--limite 600]     prints the token ONCE
 *   npm run operators -- revocar --token <id del token>   |   revocar --operador ana   (all of its tokens)
 *   npm run operators -- listar
 *
 * Ámbitos: CATD (needs --catd), CCV, CASILLA (needs --casillas), INSTITUTO. Roles: acopio, digitalizacion, captura,
 * verificacion, supervisor, admin (each ámbito admits some). `--persist-to DIR` uses another local state.
 */
import { parseArgs } from 'node:util';
import { OperadorNuevoSchema } from '../worker/domain/captura/operador-nuevo.ts';
import { CambioRechazado, crearOperador, emitirToken, revocar } from '../worker/db/administracion.ts';
import { d1Local, ejecutorLocal, persistDe, type D1Local } from './lib/d1-local.ts';

const HORA = 3_600_000;

const MOTIVOS: Record<string, string> = {
  OPERADOR_EXISTE: 'ya existe un operador con ese id',
  CATD_DESCONOCIDO: 'el CATD no está en el catálogo cargado',
  CASILLA_DESCONOCIDA: 'alguna casilla no está en el catálogo cargado',
  OPERADOR_DESCONOCIDO: 'no existe ese operador (o está dado de baja)',
  TOKEN_DESCONOCIDO: 'no existe ese token o ya estaba revocado',
  UNICIDAD: 'el registro ya existe',
};

const lista = (s: string | undefined) => (s ? s.split(',').map((x) => x.trim()).filter(Boolean) : []);

function opciones(argv: string[]) {
  return parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      id: { type: 'string' },
      nombre: { type: 'string' },
      ambito: { type: 'string' },
      catd: { type: 'string' },
      roles: { type: 'string' },
      casillas: { type: 'string' },
      operador: { type: 'string' },
      token: { type: 'string' },
      horas: { type: 'string', default: '16' },
      limite: { type: 'string', default: '600' },
      'persist-to': { type: 'string' },
    },
  });
}

type Valores = ReturnType<typeof opciones>['values'];

async function crear(d1: D1Local, v: Valores): Promise<void> {
  const o = OperadorNuevoSchema.safeParse({
    id: v.id,
    nombre: v.nombre ?? v.id,
    ambito: v.ambito,
    catd: v.catd ?? null,
    roles: lista(v.roles),
    casillas: lista(v.casillas),
  });
  if (!o.success) throw new Error('operador inválido:\n' + o.error.issues.map((i) => `  - ${i.path.join('.') || 'operador'}: ${i.message}`).join('\n'));
  await crearOperador(ejecutorLocal(d1), o.data, Date.now());
  console.log(`operador ${o.data.id} creado (${o.data.ambito}${o.data.catd ? ' ' + o.data.catd : ''}; roles ${o.data.roles.join(', ')})`);
}

async function token(d1: D1Local, v: Valores): Promise<void> {
  const horas = Number(v.horas);
  const limite = Number(v.limite);
  if (!v.operador) throw new Error('falta --operador');
  if (!(horas > 0 && horas <= 24 * 30)) throw new Error('--horas debe estar entre 0 y 720');
  if (!(Number.isInteger(limite) && limite > 0)) throw new Error('--limite debe ser un entero positivo');
  const t = await emitirToken(ejecutorLocal(d1), { operador: v.operador, vigenciaMs: horas * HORA, limitePorMinuto: limite }, Date.now());
  console.error(`token ${t.id} para ${v.operador}, vence ${new Date(t.expiraAt).toISOString()}; se muestra solo esta vez:`);
  console.log(t.token);
}

async function revocarToken(d1: D1Local, v: Valores): Promise<void> {
  if ((v.token === undefined) === (v.operador === undefined)) throw new Error('indique --token <id> o --operador <id>');
  const objetivo = v.token !== undefined ? { token: v.token } : { operador: v.operador! };
  await revocar(ejecutorLocal(d1), objetivo, Date.now());
  console.log(v.token !== undefined ? `token ${v.token} revocado` : `tokens de ${v.operador} revocados`);
}

function listar(d1: D1Local): void {
  const filas = d1.consulta(
    `SELECT o.id, o.ambito, coalesce(o.catd, '') AS catd, o.activo,
            (SELECT group_concat(rol, ',') FROM operador_rol WHERE operador = o.id) AS roles,
            (SELECT count(*) FROM token t WHERE t.operador = o.id AND t.revocado_at IS NULL
               AND t.expira_at > ${Date.now()}) AS tokens_vigentes
     FROM operador o ORDER BY o.id`,
  );
  console.table(filas);
}

const ACCIONES: Record<string, (d1: D1Local, v: Valores) => void | Promise<void>> = {
  crear,
  token,
  revocar: revocarToken,
  listar: (d1) => listar(d1),
};

/** Runs `f`; if the local database has no tables yet, applies the migrations and runs it again. */
async function conMigraciones(d1: D1Local, f: () => void | Promise<void>): Promise<void> {
  try {
    await f();
  } catch (e) {
    if (!(e instanceof Error && /no such table/.test(e.message))) throw e;
    d1.migrar();
    await f();
  }
}

export async function main(argv: string[]): Promise<number> {
  const { values, positionals } = opciones(argv);
  const d1 = d1Local(persistDe(argv));
  const accion = ACCIONES[positionals[0] ?? ''];
  if (accion === undefined) {
    console.error('uso: npm run operators -- crear|token|revocar|listar …  (ver scripts/operators.ts)');
    return 2;
  }
  try {
    await conMigraciones(d1, () => accion(d1, values));
    return 0;
  } catch (e) {
    const motivo = e instanceof CambioRechazado ? (MOTIVOS[e.motivo] ?? e.motivo) : e instanceof Error ? e.message : String(e);
    console.error(`error: ${motivo}`);
    return 1;
  }
}

if (import.meta.main) process.exit(await main(process.argv.slice(2)));
