/**
 * Operators and their bearer tokens in the local D1 (every change is written to the audit log):
 *
 *   npm run operators -- crear --id ana --nombre "Ana Pérez" --ambito CATD --catd CATD-D01 --roles captura,verificacion
 *   npm run operators -- token --operador ana [--horas 16] [--limite 600]     prints the token ONCE
 *     (validity by the operator's ámbito: INSTITUTO at most 12 h, 8 h by default; others 720 h, 16 h by default)
 *   npm run operators -- revocar --token <id del token>   |   revocar --operador ana   (all of its tokens)
 *   npm run operators -- alcance --operador ana --catd CATD-D02   moves a CATD operator to another CATD (and back)
 *   npm run operators -- listar
 *
 * Every option of each subcommand: `npm run operators -- <subcomando> --help` (the definitions below).
 */
import { OperadorIdSchema, OperadorNuevoSchema } from '../worker/domain/captura/operador-nuevo.ts';
import { AmbitoSchema } from '../worker/domain/captura/permisos.ts';
import { decidirReasignacion, ReasignacionSchema } from '../worker/domain/captura/reasignacion.ts';
import { VIGENCIA_MAXIMA_HORAS, VIGENCIA_POR_AMBITO } from '../worker/domain/captura/vigencia.ts';
import { CambioRechazado, crearOperador, emitirSecreto, revocar } from '../worker/db/administracion.ts';
import { reasignarCatd } from '../worker/db/reasignacion.ts';
import { elegirSubcomando, interfaz, leerArgumentos, responder, type Interfaz, type Opciones, type Salida, type Valores } from './lib/argumentos.ts';
import { OPCION_PERSIST_TO, d1Local, ejecutorLocal, persistDe, type D1Local } from './lib/d1-local.ts';

/** Where a run writes: lines, and the list of operators as a table (console.table on a terminal). */
export interface SalidaOperadores extends Salida {
  tabla(filas: Record<string, unknown>[]): void;
}

const consola: SalidaOperadores = { log: (l) => console.log(l), error: (l) => console.error(l), tabla: (f) => console.table(f) };

const MOTIVOS: Record<string, string> = {
  OPERADOR_EXISTE: 'ya existe un operador con ese id',
  CATD_DESCONOCIDO: 'el CATD no está en el catálogo cargado',
  CASILLA_DESCONOCIDA: 'alguna casilla no está en el catálogo cargado',
  OPERADOR_DESCONOCIDO: 'no existe ese operador (o está dado de baja)',
  TOKEN_DESCONOCIDO: 'no existe ese token o ya estaba revocado',
  VIGENCIA_EXCEDIDA: `la vigencia excede el máximo del ámbito del operador (${Object.entries(VIGENCIA_POR_AMBITO)
    .map(([a, v]) => `${a}: ${v.maximaHoras} h`)
    .join('; ')})`,
  UNICIDAD: 'el registro ya existe',
  NO_ES_OPERADOR_CATD: 'solo un operador de ámbito CATD cambia de CATD',
  ALCANCE_CAMBIADO: 'otro administrador cambió el CATD del operador al mismo tiempo; vuelva a intentarlo',
};

const lista = (s: string | undefined) => (s ? s.split(',').map((x) => x.trim()).filter(Boolean) : []);

const COMANDO = 'npm run operators --';

const CREAR = interfaz({
  comando: `${COMANDO} crear`,
  descripcion: 'Crea un operador con sus roles (el cambio queda en la bitácora).',
  opciones: {
    id: { tipo: 'texto', valor: 'ID', ayuda: 'identificador del operador' },
    nombre: { tipo: 'texto', valor: 'NOMBRE', ayuda: 'nombre completo (por omisión: el id)' },
    ambito: { tipo: 'texto', valor: 'ÁMBITO', ayuda: 'CATD (requiere --catd), CCV, CASILLA (requiere --casillas) o INSTITUTO' },
    catd: { tipo: 'texto', valor: 'CATD', ayuda: 'el CATD del operador' },
    roles: { tipo: 'texto', valor: 'R1,R2', ayuda: 'acopio, digitalizacion, captura, verificacion, supervisor, admin, observador (solo la consola)' },
    casillas: { tipo: 'texto', valor: 'C1,C2', ayuda: 'claves de casilla de un dispositivo PREP Casilla' },
    'persist-to': OPCION_PERSIST_TO,
  },
  ejemplos: [
    `${COMANDO} crear --id ana --nombre "Ana Pérez" --ambito CATD --catd CATD-D01 --roles captura,verificacion`,
    `${COMANDO} crear --id tel-0338 --ambito CASILLA --roles digitalizacion --casillas 140338B0100`,
  ],
});

const TOKEN = interfaz({
  comando: `${COMANDO} token`,
  descripcion: 'Emite un token para un operador y lo muestra una sola vez (en la base solo queda su SHA-256).',
  opciones: {
    operador: { tipo: 'texto', valor: 'ID', ayuda: 'el operador' },
    horas: {
      tipo: 'numero',
      mayorQue: 0,
      max: VIGENCIA_MAXIMA_HORAS,
      valor: 'H',
      ayuda: 'vigencia en horas (por omisión y como máximo, según el ámbito: INSTITUTO 8 h, a lo más 12 h; los demás 16 h, a lo más 720 h)',
    },
    limite: { tipo: 'entero', min: 1, max: 1_000_000, omision: 600, ayuda: 'solicitudes por minuto' },
    'persist-to': OPCION_PERSIST_TO,
  },
});

const REVOCAR = interfaz({
  comando: `${COMANDO} revocar`,
  descripcion: 'Revoca un token, o todos los de un operador (indique uno de los dos).',
  opciones: {
    token: { tipo: 'texto', valor: 'ID', ayuda: 'el id del token' },
    operador: { tipo: 'texto', valor: 'ID', ayuda: 'revoca todos los tokens del operador' },
    'persist-to': OPCION_PERSIST_TO,
  },
});

const ALCANCE = interfaz({
  comando: `${COMANDO} alcance`,
  descripcion:
    'Cambia el CATD de un operador de ámbito CATD: cubre un CATD sin conexión o sin sede, y lo regresa al suyo después\n' +
    '(docs/CONTINGENCIA.md §3). Queda en la bitácora con el CATD anterior y el nuevo; sus claves y sesiones siguen vigentes.',
  opciones: {
    operador: { tipo: 'texto', valor: 'ID', ayuda: 'el operador (de ámbito CATD)' },
    catd: { tipo: 'texto', valor: 'CATD', ayuda: 'el CATD del catálogo que pasa a tener' },
    'persist-to': OPCION_PERSIST_TO,
  },
  ejemplos: [`${COMANDO} alcance --operador d02-acopio --catd CATD-D01`],
});

const LISTAR = interfaz({
  comando: `${COMANDO} listar`,
  descripcion: 'Lista los operadores, sus roles y cuántos tokens vigentes tienen.',
  opciones: { 'persist-to': OPCION_PERSIST_TO },
});

const SUBCOMANDOS = {
  comando: COMANDO,
  descripcion: 'Operadores y sus tokens en la D1 local; cada cambio queda en la bitácora (docs/CAPTURA.md).',
  subcomandos: {
    crear: 'crea un operador con sus roles',
    token: 'emite un token (se muestra una sola vez)',
    revocar: 'revoca un token, o todos los de un operador',
    alcance: 'cambia el CATD de un operador de ámbito CATD',
    listar: 'lista los operadores',
  },
};

async function crear(d1: D1Local, v: Valores<typeof CREAR.opciones>, salida: SalidaOperadores): Promise<void> {
  const o = OperadorNuevoSchema.safeParse({
    id: v.id,
    nombre: v.nombre ?? v.id,
    ambito: v.ambito,
    catd: v.catd ?? null,
    roles: lista(v.roles),
    casillas: lista(v.casillas),
  });
  if (!o.success) throw new Error(`operador inválido:\n${o.error.issues.map((i) => `  - ${i.path.join('.') || 'operador'}: ${i.message}`).join('\n')}`);
  await crearOperador(ejecutorLocal(d1), o.data, Date.now());
  salida.log(`operador ${o.data.id} creado (${o.data.ambito}${o.data.catd ? ` ${o.data.catd}` : ''}; roles ${o.data.roles.join(', ')})`);
}

async function token(d1: D1Local, v: Valores<typeof TOKEN.opciones>, salida: SalidaOperadores): Promise<void> {
  if (!v.operador) throw new Error('falta --operador');
  // The ámbito decides the default and the ceiling; the issuing batch checks the stored one again.
  const id = OperadorIdSchema.safeParse(v.operador);
  const [fila] = id.success ? d1.consulta<{ ambito: string }>(`SELECT ambito FROM operador WHERE id = '${id.data}' AND activo = 1`) : [];
  if (fila === undefined) throw new CambioRechazado('OPERADOR_DESCONOCIDO');
  const ambito = AmbitoSchema.parse(fila.ambito);
  const solicitud = { operador: v.operador, ambito, limitePorMinuto: v.limite };
  const t = await emitirSecreto(ejecutorLocal(d1), v.horas === undefined ? solicitud : { ...solicitud, horas: v.horas }, Date.now()).catch((e: unknown) => {
    if (e instanceof CambioRechazado && e.motivo === 'VIGENCIA_EXCEDIDA') {
      throw new Error(`la vigencia excede el máximo de ${VIGENCIA_POR_AMBITO[ambito].maximaHoras} h de un operador de ámbito ${ambito}`);
    }
    throw e;
  });
  salida.error(`token ${t.id} para ${v.operador}, vence ${new Date(t.expiraAt).toISOString()}; se muestra solo esta vez:`);
  salida.log(t.token);
}

async function revocarToken(d1: D1Local, v: Valores<typeof REVOCAR.opciones>, salida: SalidaOperadores): Promise<void> {
  if ((v.token === undefined) === (v.operador === undefined)) throw new Error('indique --token <id> o --operador <id>');
  const objetivo = v.token !== undefined ? { token: v.token } : { operador: v.operador! };
  await revocar(ejecutorLocal(d1), objetivo, Date.now());
  salida.log(v.token !== undefined ? `token ${v.token} revocado` : `tokens de ${v.operador} revocados`);
}

async function alcance(d1: D1Local, v: Valores<typeof ALCANCE.opciones>, salida: SalidaOperadores): Promise<void> {
  if (!v.operador || !v.catd) throw new Error('indique --operador <id> y --catd <CATD>');
  const pedido = ReasignacionSchema.safeParse({ catd: v.catd });
  if (!pedido.success) throw new Error(`CATD inválido: ${v.catd} (p. ej. CATD-D01)`);
  const id = OperadorIdSchema.safeParse(v.operador);
  const [fila] = id.success ? d1.consulta<{ ambito: string; catd: string | null; activo: number }>(`SELECT ambito, catd, activo FROM operador WHERE id = '${id.data}'`) : [];
  if (fila === undefined) throw new CambioRechazado('OPERADOR_DESCONOCIDO');
  const d = decidirReasignacion({ id: v.operador, ambito: AmbitoSchema.parse(fila.ambito), catd: fila.catd, activo: fila.activo === 1 }, pedido.data.catd);
  if (!d.ok) throw new CambioRechazado(d.error.code);
  if (!d.value.cambio) {
    salida.log(`${v.operador} ya es del ${d.value.despues}: no se cambió nada`);
    return;
  }
  await reasignarCatd(ejecutorLocal(d1), v.operador, d.value.antes, d.value.despues, Date.now());
  salida.log(`${v.operador} pasa del ${d.value.antes} al ${d.value.despues} (queda en la bitácora)`);
}

function listar(d1: D1Local, _v: Valores<typeof LISTAR.opciones>, salida: SalidaOperadores): void {
  const filas = d1.consulta(
    `SELECT o.id, o.ambito, coalesce(o.catd, '') AS catd, o.activo,
            (SELECT group_concat(rol, ',') FROM operador_rol WHERE operador = o.id) AS roles,
            (SELECT count(*) FROM token t WHERE t.operador = o.id AND t.revocado_at IS NULL
               AND t.expira_at > ${Date.now()}) AS tokens_vigentes
     FROM operador o ORDER BY o.id`,
  );
  salida.tabla(filas);
}

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

/**
 * A subcommand run: its arguments read by `uso` (help, usage errors: exit 0 or 2), then `hacer` on the local D1;
 * a refused change or a failure is one line on stderr and exit code 1.
 */
function subcomando<O extends Opciones>(uso: Interfaz<O>, hacer: (d1: D1Local, v: Valores<O>, salida: SalidaOperadores) => void | Promise<void>) {
  return async (argv: readonly string[], salida: SalidaOperadores): Promise<number> => {
    const l = leerArgumentos(argv, uso);
    if (l.tipo === 'salida') return responder(l, salida);
    const d1 = d1Local(persistDe((l.valores as { 'persist-to'?: string })['persist-to']));
    try {
      await conMigraciones(d1, () => hacer(d1, l.valores, salida));
      return 0;
    } catch (e) {
      const motivo = e instanceof CambioRechazado ? (MOTIVOS[e.motivo] ?? e.motivo) : e instanceof Error ? e.message : String(e);
      salida.error(`error: ${motivo}`);
      return 1;
    }
  };
}

const ACCIONES: Record<string, (argv: readonly string[], salida: SalidaOperadores) => Promise<number>> = {
  crear: subcomando(CREAR, crear),
  token: subcomando(TOKEN, token),
  revocar: subcomando(REVOCAR, revocarToken),
  alcance: subcomando(ALCANCE, alcance),
  listar: subcomando(LISTAR, listar),
};

export async function main(argv: readonly string[], salida: SalidaOperadores = consola): Promise<number> {
  const sub = elegirSubcomando(argv, SUBCOMANDOS);
  if (sub.tipo === 'salida') return responder(sub, salida);
  return ACCIONES[sub.nombre]!(sub.resto, salida);
}

if (import.meta.main) process.exit(await main(process.argv.slice(2)));
