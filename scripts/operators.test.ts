// `npm run operators` against a temporary local D1 (wrangler), as an operator would run it.
import { afterAll, describe, expect, it } from 'vitest';
import { sha256Hex } from '../worker/domain/bitacora/cadena.ts';
import { d1Temporal, ejecutar } from './lib/prueba-local.ts';

const d1 = d1Temporal();
afterAll(() => d1.borrar());
const run = (...args: string[]) => ejecutar('operators.ts', args, d1.persistTo);

describe('npm run operators', { timeout: 120_000 }, () => {
  it('creates an operator with its roles, and refuses bad or duplicate ones with a reason', () => {
    const ok = run('crear', '--id', 'ana', '--nombre', 'Ana Pérez', '--ambito', 'CATD', '--catd', 'CATD-D01', '--roles', 'captura,verificacion');
    expect(ok.status, ok.stderr).toBe(0);
    expect(d1.consulta("SELECT rol FROM operador_rol WHERE operador = 'ana' ORDER BY rol")).toEqual([{ rol: 'captura' }, { rol: 'verificacion' }]);
    const dup = run('crear', '--id', 'ana', '--ambito', 'CCV', '--roles', 'captura');
    expect(dup.status).toBe(1);
    expect(dup.stderr).toMatch(/ya existe un operador/);
    const catd = run('crear', '--id', 'bob', '--ambito', 'CATD', '--catd', 'CATD-X9', '--roles', 'acopio');
    expect(catd.stderr).toMatch(/CATD no está en el catálogo/);
    const rol = run('crear', '--id', 'tel', '--ambito', 'CASILLA', '--roles', 'captura', '--casillas', '140338B0100');
    expect(rol.stderr).toMatch(/no admite el rol captura/);
    expect(d1.consulta("SELECT id FROM operador ORDER BY id")).toEqual([{ id: 'ana' }]);
  });

  it('binds a PREP Casilla device to catalogue casillas only', () => {
    expect(run('crear', '--id', 'tel-1', '--ambito', 'CASILLA', '--roles', 'digitalizacion', '--casillas', '140338B0100,149999B0100').stderr).toMatch(/casilla no está en el catálogo/);
    expect(run('crear', '--id', 'tel-1', '--ambito', 'CASILLA', '--roles', 'digitalizacion', '--casillas', '140338B0100,140338C0100').status).toBe(0);
    expect(d1.consulta("SELECT count(*) AS n FROM operador_casilla WHERE operador = 'tel-1'")).toEqual([{ n: 2 }]);
  });

  it('prints a token once and stores only its SHA-256', async () => {
    const r = run('token', '--operador', 'ana', '--horas', '2', '--limite', '120');
    expect(r.status, r.stderr).toBe(0);
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

  it('revokes one token or all of an operator, and writes every change to the audit log', () => {
    const a = run('token', '--operador', 'ana').stdout.trim().slice(5, 21);
    expect(run('revocar', '--token', a).status).toBe(0);
    expect(run('revocar', '--token', a).stderr).toMatch(/ya estaba revocado/);
    expect(run('revocar', '--operador', 'ana').status).toBe(0);
    expect(d1.consulta("SELECT count(*) AS n FROM token WHERE operador = 'ana' AND revocado_at IS NULL")).toEqual([{ n: 0 }]);
    const acciones = d1.consulta<{ accion: string }>('SELECT accion FROM bitacora ORDER BY id').map((x) => x.accion);
    expect(acciones).toEqual(['OPERADOR_CREADO', 'OPERADOR_CREADO', 'TOKEN_EMITIDO', 'TOKEN_EMITIDO', 'TOKEN_REVOCADO', 'TOKEN_REVOCADO']);
  });

  it('lists operators and explains its usage', () => {
    expect(run('listar').stdout).toMatch(/ana.*CATD-D01/);
    expect(run('borrar').status).toBe(2);
  });
});
