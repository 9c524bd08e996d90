import { describe, expect, it } from 'vitest';
import { ErrorCatd, SIN_CONEXION } from '../api.ts';
import { borrarBorrador, conContenido, firmaDe, guardarBorrador, leerBorrador, llaveBorrador, olvidarAjenos, type Almacen } from './borrador.ts';
import { motivoParaOmitir, siguiente } from './cola.ts';
import { conReintentos, reintentable } from './envio.ts';
import type { BoletaActa } from './tipos.ts';

const cortada = () => new ErrorCatd(0, SIN_CONEXION, 'Sin conexión con el servidor.');

describe('conReintentos', () => {
  it('sends again after a cut or a server failure, up to the waits given, then succeeds', async () => {
    const fallas = [cortada(), new ErrorCatd(503, 'HTTP_503', 'x')];
    const esperas: number[] = [];
    const avisos: number[] = [];
    const r = await conReintentos(
      async () => {
        const f = fallas.shift();
        if (f) throw f;
        return 'ok';
      },
      [10, 20, 30],
      (n) => avisos.push(n),
      async (ms) => void esperas.push(ms),
    );
    expect(r).toBe('ok');
    expect(esperas).toEqual([10, 20]);
    expect(avisos).toEqual([1, 2]);
  });

  it('gives up when the waits run out, and never repeats a refusal (409, 422, 403)', async () => {
    let n = 0;
    const siempre = () => {
      n++;
      return Promise.reject(cortada());
    };
    await expect(conReintentos(siempre, [1, 1], undefined, async () => {})).rejects.toMatchObject({ code: SIN_CONEXION });
    expect(n).toBe(3);
    for (const [status, code] of [[409, 'CAPTURA_DUPLICADA'], [422, 'CAPTURA_NO_CORRESPONDE_A_BOLETA'], [403, 'ACTA_FUERA_DE_ALCANCE']] as const) {
      expect(reintentable(new ErrorCatd(status, code, 'x'))).toBe(false);
    }
    expect(reintentable(new ErrorCatd(409, 'CONFLICTO_CONCURRENTE', 'x'))).toBe(true);
  });
});

/** sessionStorage's interface over a Map (Node has no Web Storage). */
function almacen(): Almacen & { datos: Map<string, string> } {
  const datos = new Map<string, string>();
  return {
    datos,
    getItem: (k) => datos.get(k) ?? null,
    setItem: (k, v) => void datos.set(k, v),
    removeItem: (k) => void datos.delete(k),
    key: (i) => [...datos.keys()][i] ?? null,
    get length() {
      return datos.size;
    },
  };
}

describe('borrador', () => {
  it('keeps the figures and the send key per operator and acta, and removes them', () => {
    const a = almacen();
    guardarBorrador(a, 'ana', 'X1', { entradas: { PAN: '12', PRI: 'ILEGIBLE' }, envio: { llave: 'k1', firma: 'f' } });
    expect(leerBorrador(a, 'ana', 'X1')).toEqual({ entradas: { PAN: '12', PRI: 'ILEGIBLE' }, envio: { llave: 'k1', firma: 'f' } });
    expect(leerBorrador(a, 'beto', 'X1')).toBeNull();
    borrarBorrador(a, 'ana', 'X1');
    expect(a.datos.size).toBe(0);
  });

  it('reads back only figures and marks: anything else in storage is dropped', () => {
    const a = almacen();
    a.setItem(llaveBorrador('ana', 'X1'), JSON.stringify({ entradas: { PAN: '12', PRI: '<b>', MC: 7 }, token: 'prep_x' }));
    expect(leerBorrador(a, 'ana', 'X1')).toEqual({ entradas: { PAN: '12' }, envio: null });
    a.setItem(llaveBorrador('ana', 'X2'), '{roto');
    expect(leerBorrador(a, 'ana', 'X2')).toBeNull();
  });

  it("forgets other operators' drafts, keeps one's own and anything that is not a draft", () => {
    const a = almacen();
    for (const [op, clave] of [['ana', 'X1'], ['beto', 'X1'], ['beto', 'X2'], ['ana', 'X3']]) guardarBorrador(a, op!, clave!, { entradas: { PAN: '1' }, envio: null });
    a.setItem('otra-cosa', '1');
    olvidarAjenos(a, 'ana');
    expect([...a.datos.keys()].sort()).toEqual(['otra-cosa', llaveBorrador('ana', 'X1'), llaveBorrador('ana', 'X3')]);
  });

  it('an untouched form is not worth a draft', () => {
    expect(conContenido({ entradas: { PAN: '', PRI: '' }, envio: null })).toBe(false);
    expect(conContenido({ entradas: { PAN: '', PRI: 'SIN_DATO' }, envio: null })).toBe(true);
    expect(conContenido({ entradas: {}, envio: { llave: 'k', firma: 'f' } })).toBe(true);
  });

  it('the same figures in any order have the same signature; a changed figure does not', () => {
    expect(firmaDe({ A: '1', B: '2' })).toBe(firmaDe({ B: '2', A: '1' }));
    expect(firmaDe({ A: '1', B: '2' })).not.toBe(firmaDe({ A: '1', B: '3' }));
  });
});

describe('cola de captura', () => {
  const cola = ['A', 'B', 'C'].map((clave, i) => ({ clave, etapa: 'CAPTURA', desde: i }));
  it('takes the oldest acta not set aside', () => {
    expect(siguiente(cola, new Set())?.clave).toBe('A');
    expect(siguiente(cola, new Set(['A', 'B']))?.clave).toBe('C');
    expect(siguiente(cola, new Set(['A', 'B', 'C']))).toBeNull();
  });

  it('sets aside an acta this person captured, one out of captura and one without a ballot', () => {
    const b = { clave: 'A', etapa: 'CAPTURA', campos: [{ columna: 'PAN', nombre: 'PAN', tipo: 'partido' }], capturadaPorUsted: false } as BoletaActa;
    expect(motivoParaOmitir(b)).toBeNull();
    expect(motivoParaOmitir({ ...b, capturadaPorUsted: true })).toMatch(/Ya capturó/);
    expect(motivoParaOmitir({ ...b, etapa: 'VERIFICADA' })).toMatch(/ya no está en captura/);
    expect(motivoParaOmitir({ ...b, campos: [] })).toMatch(/ninguna boleta/);
  });
});
