import { describe, expect, it } from 'vitest';
import type { OperadorNuevo } from '../../worker/domain/captura/operador-nuevo.ts';
import { dispositivosPorSeccion } from './dispositivos.ts';

const catd: OperadorNuevo = { id: 'replay-catd-d01', nombre: 'CATD', ambito: 'CATD', catd: 'D01', roles: ['acopio', 'digitalizacion'], casillas: [] };
const admin: OperadorNuevo = { id: 'replay-instituto', nombre: 'Instituto', ambito: 'INSTITUTO', catd: null, roles: ['admin'], casillas: [] };
const dispositivo = (casillas: string[]): OperadorNuevo => ({ id: 'replay-casilla', nombre: 'Réplica: PREP Casilla', ambito: 'CASILLA', catd: null, roles: ['digitalizacion'], casillas });

describe('dispositivosPorSeccion', () => {
  it('splits the PREP Casilla device into one per sección, each bound to its own casillas only', () => {
    const d = dispositivosPorSeccion({ casilla: 'replay-casilla', todos: [catd, dispositivo(['210113B0100', '210113C0100', '210114B0100', '210000M0100']), admin] });
    expect(d.todos.map((o) => [o.id, o.ambito, o.casillas.join('+')])).toEqual([
      ['replay-catd-d01', 'CATD', ''],
      ['replay-casilla-113', 'CASILLA', '210113B0100+210113C0100'],
      ['replay-casilla-114', 'CASILLA', '210114B0100'],
      ['replay-casilla-0', 'CASILLA', '210000M0100'],
      ['replay-instituto', 'INSTITUTO', ''],
    ]);
    expect(d.operadorDe('replay-casilla', '210113C0100')).toBe('replay-casilla-113');
    expect(d.operadorDe('replay-casilla', '210000M0100')).toBe('replay-casilla-0');
    // Another operator's step, or a casilla no device holds, keeps the plan's operator (the API decides).
    expect(d.operadorDe('replay-catd-d01', '210113C0100')).toBe('replay-catd-d01');
    expect(d.operadorDe('replay-casilla', '210115B0100')).toBe('replay-casilla');
    expect(d.operadorDe('replay-casilla', null)).toBe('replay-casilla');
  });

  it('leaves the operators as planned when there is no PREP Casilla device', () => {
    const d = dispositivosPorSeccion({ casilla: null, todos: [catd, admin] });
    expect(d.todos).toEqual([catd, admin]);
    expect(d.operadorDe('replay-catd-d01', '210113B0100')).toBe('replay-catd-d01');
  });
});
