// `npm run audit:verify` on a populated temporary local D1: passes, then fails naming the entry that was altered.
import { afterAll, describe, expect, it } from 'vitest';
import { NOMBRE_BD, wrangler } from './lib/local.ts';
import { d1Temporal, ejecutar } from './lib/prueba-local.ts';

const d1 = d1Temporal();
afterAll(() => d1.borrar());
/** Each setup step must succeed: a step that failed would show up later as a wrong count, far from its cause. */
const operators = (...args: string[]) => {
  const r = ejecutar('operators.ts', args, d1.persistTo);
  expect(r.status, `operators ${args.join(' ')}: ${r.stderr}`).toBe(0);
};
const verify = () => ejecutar('audit-verify.ts', [], d1.persistTo);

describe('npm run audit:verify', { timeout: 120_000 }, () => {
  it('passes on a populated log', () => {
    operators('crear', '--id', 'ana', '--ambito', 'CATD', '--catd', 'CATD-D01', '--roles', 'captura');
    operators('crear', '--id', 'luis', '--ambito', 'CCV', '--roles', 'verificacion');
    operators('token', '--operador', 'ana');
    operators('token', '--operador', 'luis');
    const r = verify();
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/bitácora íntegra: 4 entradas/);
    expect(r.stdout).toMatch(/fuera de la cadena: 0 rechazos sin credencial .*\(0 direcciones\)/);
  });

  it('fails naming the entry after one row is altered', () => {
    wrangler(['d1', 'execute', NOMBRE_BD, '--local', '--persist-to', d1.persistTo, '--command',
      "DROP TRIGGER bitacora_sin_cambios; UPDATE bitacora SET detalle = json_set(detalle, '$.limitePorMinuto', 100000) WHERE id = 3"], { quiet: true });
    const r = verify();
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/bitácora ROTA en la entrada 3 \(TOKEN_EMITIDO .*\): HASH_NO_COINCIDE; 2 entradas anteriores verificadas/);
  });
});
