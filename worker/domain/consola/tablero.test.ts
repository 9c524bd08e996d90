import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CONFIG_PREDETERMINADA } from '../corte/calendario.ts';
import { PasoConsolaSchema, PASOS_PENDIENTES, type FilaContador, type FilaMasAntigua } from './estado.ts';
import { construirEstado, SIN_CATD, type LecturaConsola } from './tablero.ts';
import { UMBRALES_PREDETERMINADOS as U } from './umbrales.ts';

const AHORA = 1_717_380_000_000;
const MIN = 60_000;

function lectura(x: Partial<LecturaConsola> = {}): LecturaConsola {
  return {
    catds: [
      { id: 'CATD-D01', nombre: 'Distrito 1', elecciones: ['DIP_LOC', 'GUB'] },
      { id: 'CATD-M120', nombre: 'Tlajomulco', elecciones: ['AYUN'] },
    ],
    contadores: [],
    antiguas: [],
    actividad: [],
    dispositivos: { total: 0, vistos: 0, silenciosos: 0, lista: [] },
    eventosRecientes: [],
    eventosNoche: [],
    cortes: { config: CONFIG_PREDETERMINADA, ultimoTurno: null, offsetMinutos: -360, finalPublicado: false, lease: { titular: null, vence: 0 }, ultimo: null },
    bitacora: { hastaId: 0, verificadaAt: AHORA, rotaId: null, motivo: null },
    ...x,
  };
}

const fila = (catd: string, eleccion: string, paso: FilaContador['paso'], recibida: boolean, n: number): FilaContador => ({ catd, eleccion, paso, recibida, n });

describe('construirEstado', () => {
  it('every catalogue CATD × election, zeros included; CATDs only the counters know, and the unassigned last', () => {
    const e = construirEstado(lectura({ contadores: [fila(SIN_CATD, 'GUB', 'CAPTURA', false, 2), fila('CATD-D01', 'GUB', 'VERIFICADA', true, 3)] }), AHORA, U);
    expect(e.catds.map((c) => [c.id, c.elecciones.map((x) => x.eleccion)])).toEqual([
      ['CATD-D01', ['DIP_LOC', 'GUB']],
      ['CATD-M120', ['AYUN']],
      [SIN_CATD, ['GUB']],
    ]);
    expect(e.catds[2]!.nombre).toBe('Sin CATD asignado');
    expect(e.entidad.figuras).toMatchObject({ registradas: 5, recibidas: 3, digitalizadas: 5, capturadas: 3, verificadas: 3 });
    expect(e.entidad.elecciones.map((x) => [x.eleccion, x.figuras.registradas])).toEqual([['AYUN', 0], ['DIP_LOC', 0], ['GUB', 5]]);
  });

  it('definitions: each step counts in the cumulative figures it has passed', () => {
    const contadores = PasoConsolaSchema.options.map((p) => fila('CATD-D01', 'GUB', p, true, 1));
    const f = construirEstado(lectura({ contadores }), AHORA, U).catds[0]!.elecciones[1]!.figuras;
    expect(f).toMatchObject({ registradas: 6, recibidas: 6, digitalizadas: 4, capturadas: 3, verificadas: 2, sinActa: 1 });
    expect(f.pendientes).toEqual({ DIGITALIZACION: 1, CAPTURA: 1, VERIFICACION: 1, COTEJO: 1 });
  });

  it('property: the entidad is the sum of its CATDs and of its elections; the oldest is the minimum', () => {
    const catd = fc.constantFrom('CATD-D01', 'CATD-M120', SIN_CATD, 'CATD-X');
    const eleccion = fc.constantFrom('GUB', 'DIP_LOC', 'AYUN');
    const contador = fc.record({ catd, eleccion, paso: fc.constantFrom(...PasoConsolaSchema.options), recibida: fc.boolean(), n: fc.integer({ min: 1, max: 500 }) });
    const antigua = fc.record({ catd, eleccion, paso: fc.constantFrom(...PASOS_PENDIENTES), clave: fc.stringMatching(/^[0-9]{6}$/), desde: fc.integer({ min: AHORA - 600 * MIN, max: AHORA }) });
    fc.assert(
      fc.property(fc.uniqueArray(contador, { selector: (c) => `${c.catd}|${c.eleccion}|${c.paso}|${c.recibida}` }), fc.array(antigua, { maxLength: 20 }), (contadores, antiguas: FilaMasAntigua[]) => {
        const e = construirEstado(lectura({ contadores, antiguas }), AHORA, U);
        const total = contadores.reduce((s, c) => s + c.n, 0);
        expect(e.entidad.figuras.registradas).toBe(total);
        expect(e.catds.reduce((s, c) => s + c.figuras.registradas, 0)).toBe(total);
        expect(e.entidad.elecciones.reduce((s, x) => s + x.figuras.verificadas, 0)).toBe(e.entidad.figuras.verificadas);
        for (const p of PASOS_PENDIENTES) {
          const min = Math.min(...antiguas.filter((a) => a.paso === p).map((a) => a.desde));
          expect(e.entidad.figuras.masAntigua[p]?.desde ?? Number.POSITIVE_INFINITY).toBe(min);
        }
      }),
    );
  });

  it('PREP Casilla devices: silent (never seen, or quiet for the silence threshold), silent first; counts as read', () => {
    const lista = [
      { id: 'tel-a', nombre: 'A', vistoAt: AHORA - MIN },
      { id: 'tel-b', nombre: 'B', vistoAt: null },
      { id: 'tel-c', nombre: 'C', vistoAt: AHORA - 10 * MIN },
    ];
    const d = construirEstado(lectura({ dispositivos: { total: 4000, vistos: 3000, silenciosos: 1500, lista } }), AHORA, U).entidad.dispositivos;
    expect(d).toMatchObject({ total: 4000, vistos: 3000, silenciosos: 1500 });
    expect(d.lista.map((x) => [x.id, x.silencioso])).toEqual([['tel-b', true], ['tel-c', true], ['tel-a', false]]);
  });

  it('a CATD\'s last activity is its operators\' latest write; its silence becomes an alert', () => {
    const actividad = [
      { operador: 'a', catd: 'CATD-D01', vistoAt: AHORA - 30 * MIN },
      { operador: 'b', catd: 'CATD-D01', vistoAt: AHORA - 20 * MIN },
      { operador: 'admin', catd: null, vistoAt: AHORA },
    ];
    const contadores = [fila('CATD-D01', 'GUB', 'CAPTURA', true, 4)];
    const antiguas: FilaMasAntigua[] = [{ catd: 'CATD-D01', eleccion: 'GUB', paso: 'CAPTURA', clave: '140338B01004', desde: AHORA - 5 * MIN }];
    const e = construirEstado(lectura({ actividad, contadores, antiguas }), AHORA, U);
    expect(e.catds[0]!.ultimaActividad).toBe(AHORA - 20 * MIN);
    expect(e.alertas.map((a) => a.tipo)).toEqual(['CATD_SILENCIOSO']);
  });

  it('event rates per CATD and for the entidad (the unassigned count in the entidad only)', () => {
    const eventos = [
      { catd: 'CATD-D01', tipo: 'RONDA' as const, n: 10 },
      { catd: 'CATD-D01', tipo: 'DISCREPANCIA' as const, n: 8 },
      { catd: SIN_CATD, tipo: 'RONDA' as const, n: 10 },
      { catd: SIN_CATD, tipo: 'DISCREPANCIA' as const, n: 8 },
    ];
    const e = construirEstado(lectura({ eventosRecientes: eventos, eventosNoche: eventos }), AHORA, U);
    expect(e.alertas.map((a) => `${a.tipo}:${a.catd}`)).toEqual(['TASA_DISCREPANCIA:null']);
  });
});
