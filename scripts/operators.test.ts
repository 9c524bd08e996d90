// `npm run operators` against a temporary local D1 (wrangler's workerd), as an operator would run it: its main in
// this process for the changes and refusals, and the command line itself where what reaches stdout matters.
import { afterAll, describe, expect, it } from 'vitest';
import { sha256Hex } from '../worker/domain/bitacora/cadena.ts';
import { d1Temporal, ejecutar, type Salida } from './lib/prueba-local.ts';
import { main } from './operators.ts';

const d1 = d1Temporal();
afterAll(() => d1.borrar());

/** `npm run operators -- …args` run by its main here: exit code, and stdout and stderr as lines. */
async function run(...args: string[]): Promise<Salida> {
  const out: string[] = [];
  const err: string[] = [];
  const tabla = (filas: Record<string, unknown>[]) => out.push(JSON.stringify(filas));
  const status = await main([...args, '--persist-to', d1.persistTo], { log: (l) => out.push(l), error: (l) => err.push(l), tabla });
  return { status, stdout: out.map((l) => `${l}\n`).join(''), stderr: err.map((l) => `${l}\n`).join('') };
}
/** The same, as a separate `node scripts/operators.ts …` process. */
const cli = (...args: string[]) => ejecutar('operators.ts', args, d1.persistTo);

describe('npm run operators', { timeout: 120_000 }, () => {
  it('creates an operator with its roles, and refuses bad or duplicate ones with a reason', async () => {
    const ok = await run('crear', '--id', 'ana', '--nombre', 'Ana Pérez', '--ambito', 'CATD', '--catd', 'CATD-D01', '--roles', 'captura,verificacion');
    expect(ok.status, ok.stderr).toBe(0);
    expect(d1.consulta("SELECT rol FROM operador_rol WHERE operador = 'ana' ORDER BY rol")).toEqual([{ rol: 'captura' }, { rol: 'verificacion' }]);
    const dup = await run('crear', '--id', 'ana', '--ambito', 'CCV', '--roles', 'captura');
    expect(dup.status).toBe(1);
    expect(dup.stderr).toMatch(/ya existe un operador/);
    const catd = await run('crear', '--id', 'bob', '--ambito', 'CATD', '--catd', 'CATD-X9', '--roles', 'acopio');
    expect(catd.stderr).toMatch(/CATD no está en el catálogo/);
    const rol = await run('crear', '--id', 'tel', '--ambito', 'CASILLA', '--roles', 'captura', '--casillas', '140338B0100');
    expect(rol.stderr).toMatch(/no admite el rol captura/);
    expect(d1.consulta("SELECT id FROM operador ORDER BY id")).toEqual([{ id: 'ana' }]);
  });

  it('binds a PREP Casilla device to catalogue casillas only', async () => {
    expect((await run('crear', '--id', 'tel-1', '--ambito', 'CASILLA', '--roles', 'digitalizacion', '--casillas', '140338B0100,149999B0100')).stderr).toMatch(/casilla no está en el catálogo/);
    expect((await run('crear', '--id', 'tel-1', '--ambito', 'CASILLA', '--roles', 'digitalizacion', '--casillas', '140338B0100,140338C0100')).status).toBe(0);
    expect(d1.consulta("SELECT count(*) AS n FROM operador_casilla WHERE operador = 'tel-1'")).toEqual([{ n: 2 }]);
  });

  it('prints a token once and stores only its SHA-256', async () => {
    // The command line: stdout carries the token alone (for a pipe), the notice goes to stderr.
    const r = cli('token', '--operador', 'ana', '--horas', '2', '--limite', '120');
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/se muestra solo esta vez/);
    const token = r.stdout.trim();
    expect(token).toMatch(/^prep_[0-9a-f]{16}_[A-Za-z0-9_-]{43}$/);
    const id = token.slice(5, 21);
    const [fila] = d1.consulta<{ hash: string; limite_por_minuto: number; expira_at: number; emitido_at: number }>(`SELECT * FROM token WHERE id = '${id}'`);
    expect(fila!.hash).toBe(await sha256Hex(token));
    expect(fila!.limite_por_minuto).toBe(120);
    expect(fila!.expira_at - fila!.emitido_at).toBe(2 * 3_600_000);
    const texto = JSON.stringify([...d1.consulta('SELECT * FROM token'), ...d1.consulta('SELECT * FROM bitacora')]);
    expect(texto).not.toContain(token.slice(22));
  });

  it('gives a secret the validity of its ámbito: an INSTITUTO one 8 h by default and at most 12 h', async () => {
    expect((await run('crear', '--id', 'coord', '--ambito', 'INSTITUTO', '--roles', 'admin')).status).toBe(0);
    const vigencia = (id: string) => d1.consulta<{ h: number }>(`SELECT (expira_at - emitido_at) / 3600000.0 AS h FROM token WHERE id = '${id}'`)[0]!.h;
    expect(vigencia((await run('token', '--operador', 'coord')).stdout.trim().slice(5, 21))).toBe(8);
    expect(vigencia((await run('token', '--operador', 'coord', '--horas', '12')).stdout.trim().slice(5, 21))).toBe(12);
    const largo = await run('token', '--operador', 'coord', '--horas', '16');
    expect(largo.status).toBe(1);
    expect(largo.stderr).toMatch(/excede el máximo de 12 h de un operador de ámbito INSTITUTO/);
    expect(largo.stdout).toBe('');
    expect((await run('token', '--operador', 'ana', '--horas', '721')).status).toBe(2);
    expect((await run('token', '--operador', 'nadie')).stderr).toMatch(/no existe ese operador/);
    expect(d1.consulta("SELECT count(*) AS n FROM token WHERE operador = 'coord'")).toEqual([{ n: 2 }]);
  });

  it('revokes one token or all of an operator, and writes every change to the audit log', async () => {
    const a = (await run('token', '--operador', 'ana')).stdout.trim().slice(5, 21);
    expect(d1.consulta<{ h: number }>(`SELECT (expira_at - emitido_at) / 3600000 AS h FROM token WHERE id = '${a}'`)).toEqual([{ h: 16 }]);
    expect((await run('revocar', '--token', a)).status).toBe(0);
    expect((await run('revocar', '--token', a)).stderr).toMatch(/ya estaba revocado/);
    expect((await run('revocar', '--operador', 'ana')).status).toBe(0);
    expect(d1.consulta("SELECT count(*) AS n FROM token WHERE operador = 'ana' AND revocado_at IS NULL")).toEqual([{ n: 0 }]);
    const acciones = d1.consulta<{ accion: string }>('SELECT accion FROM bitacora ORDER BY id').map((x) => x.accion);
    expect(acciones).toEqual(['OPERADOR_CREADO', 'OPERADOR_CREADO', 'TOKEN_EMITIDO', 'OPERADOR_CREADO', 'TOKEN_EMITIDO', 'TOKEN_EMITIDO', 'TOKEN_EMITIDO', 'TOKEN_REVOCADO', 'TOKEN_REVOCADO']);
  });

  it('lists operators and explains its usage', async () => {
    expect(cli('listar').stdout).toMatch(/ana.*CATD-D01/);
    expect((await run('borrar')).status).toBe(2);
  });

  it('creates the console\'s read-only observador at the institute only', async () => {
    const cotaprep = await run('crear', '--id', 'cotaprep-1', '--ambito', 'INSTITUTO', '--roles', 'observador');
    expect(cotaprep.status, cotaprep.stderr).toBe(0);
    expect(d1.consulta("SELECT rol FROM operador_rol WHERE operador = 'cotaprep-1'")).toEqual([{ rol: 'observador' }]);
    const enCatd = await run('crear', '--id', 'obs-catd', '--ambito', 'CATD', '--catd', 'CATD-D01', '--roles', 'observador');
    expect(enCatd.stderr).toMatch(/no admite el rol observador/);
  });

  it('moves a CATD operator to another catalogue CATD and back, audited with before and after; a repeat changes nothing', async () => {
    const detalles = () => d1.consulta<{ operador: string; detalle: string }>("SELECT operador, detalle FROM bitacora WHERE accion = 'ALCANCE_REASIGNADO' ORDER BY id");
    const ida = await run('alcance', '--operador', 'ana', '--catd', 'CATD-D02');
    expect(ida.status, ida.stderr).toBe(0);
    expect(ida.stdout).toBe('ana pasa del CATD-D01 al CATD-D02 (queda en la bitácora)\n');
    expect(d1.consulta("SELECT catd FROM operador WHERE id = 'ana'")).toEqual([{ catd: 'CATD-D02' }]);
    expect((await run('alcance', '--operador', 'ana', '--catd', 'CATD-D02')).stdout).toMatch(/ya es del CATD-D02: no se cambió nada/);
    expect((await run('alcance', '--operador', 'ana', '--catd', 'CATD-X9')).stderr).toMatch(/CATD no está en el catálogo/);
    expect((await run('alcance', '--operador', 'coord', '--catd', 'CATD-D01')).stderr).toMatch(/solo un operador de ámbito CATD/);
    expect((await run('alcance', '--operador', 'nadie', '--catd', 'CATD-D01')).stderr).toMatch(/no existe ese operador/);
    expect((await run('alcance', '--operador', 'ana')).status).toBe(1);
    expect((await run('alcance', '--operador', 'ana', '--catd', 'CATD-D01')).status).toBe(0);
    expect(detalles().map((e) => [e.operador, JSON.parse(e.detalle)])).toEqual([
      ['sistema:operators', { operador: 'ana', antes: 'CATD-D01', despues: 'CATD-D02' }],
      ['sistema:operators', { operador: 'ana', antes: 'CATD-D02', despues: 'CATD-D01' }],
    ]);
  });
});
