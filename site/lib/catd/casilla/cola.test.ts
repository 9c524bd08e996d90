import { describe, expect, it } from 'vitest';
import { ColaFotos, debidas, esperaTras, type AlmacenFotos, type Enviar, type Resultado } from './cola.ts';
import type { Foto } from './tipos.ts';

/** The queue's storage in memory, copying on the way in and out as IndexedDB does (structured clone). */
class AlmacenMemoria implements AlmacenFotos {
  readonly filas = new Map<string, Foto>();
  async guardar(f: Foto) {
    this.filas.set(f.id, structuredClone(f));
  }
  async fotosDe(operador: string) {
    return [...this.filas.values()].filter((f) => f.operador === operador).map((f) => structuredClone(f));
  }
  async borrar(id: string) {
    this.filas.delete(id);
  }
}

/** A server that records every try (key, clave) and answers from a script; then "enviada" with the photo's hash. */
function servidor(guion: Resultado[] = []) {
  const intentos: { id: string; clave: string; sha256: string }[] = [];
  const enviar: Enviar = async (f) => {
    intentos.push({ id: f.id, clave: f.clave, sha256: f.sha256 });
    return guion.shift() ?? { tipo: 'enviada', sha256: f.sha256, at: 1_000 + intentos.length };
  };
  return { intentos, enviar };
}

function preparar(guion: Resultado[] = []) {
  let ahora = 10_000;
  const almacen = new AlmacenMemoria();
  const s = servidor(guion);
  const cola = new ColaFotos(almacen, s.enviar, () => ahora);
  const tomar = (id: string, clave: string, operador = 'cel-338') =>
    cola.tomar({ id, operador, clave, mime: 'image/png', sha256: `sha-${id}`, datos: new Uint8Array([1, 2, 3]).buffer });
  return { almacen, cola, tomar, intentos: s.intentos, avanzar: (ms: number) => (ahora += ms), ahora: () => ahora };
}

const SIN_SENAL: Resultado = { tipo: 'reintentar', mensaje: 'Sin señal' };

describe('PREP Casilla photo queue', () => {
  it('keeps a photo taken without signal, then sends it once with the key it got when taken', async () => {
    const p = preparar([SIN_SENAL]);
    await p.tomar('k1', '140338B01004');
    const r1 = await p.cola.vaciar('cel-338');
    expect(r1).toMatchObject({ enviadas: 0, esperando: 1, sinSesion: null, siguienteAt: p.ahora() + 2_000 });
    const [esperando] = await p.cola.fotos('cel-338');
    expect(esperando).toMatchObject({ estado: 'esperando', intentos: 1, mensaje: 'Sin señal' });
    expect(esperando!.datos).not.toBeNull();

    // Not due yet: nothing is sent; the connection coming back (forzar) sends it at once.
    expect((await p.cola.vaciar('cel-338')).enviadas).toBe(0);
    expect((await p.cola.vaciar('cel-338', true)).enviadas).toBe(1);
    expect(p.intentos.map((i) => i.id)).toEqual(['k1', 'k1']);
    const [enviada] = await p.cola.fotos('cel-338');
    expect(enviada).toMatchObject({ estado: 'enviada', servidor: { sha256: 'sha-k1', at: 1_002 }, datos: null });

    // A sent photo is never sent again.
    await p.cola.vaciar('cel-338', true);
    expect(p.intentos).toHaveLength(2);
  });

  it('sends in the order taken and stops at the first failure without signal', async () => {
    const p = preparar([{ tipo: 'enviada', sha256: 'sha-a', at: 5 }, SIN_SENAL]);
    await p.tomar('a', '140338B01004');
    p.avanzar(1);
    await p.tomar('b', '140338B01005');
    p.avanzar(1);
    await p.tomar('c', '140338B01006');
    const r = await p.cola.vaciar('cel-338');
    expect(r).toMatchObject({ enviadas: 1, esperando: 2 });
    expect(p.intentos.map((i) => i.id)).toEqual(['a', 'b']);
    p.avanzar(2_000);
    await p.cola.vaciar('cel-338');
    expect(p.intentos.map((i) => i.id)).toEqual(['a', 'b', 'b', 'c']);
  });

  it('tries the waiting photos again soon once one goes through (the connection works again)', async () => {
    const p = preparar([SIN_SENAL, SIN_SENAL, SIN_SENAL, SIN_SENAL, SIN_SENAL, SIN_SENAL]);
    await p.tomar('a', '140338B01004');
    for (let i = 0; i < 6; i++) await p.cola.vaciar('cel-338', true);
    expect((await p.cola.fotos('cel-338'))[0]!.siguienteAt).toBe(p.ahora() + 60_000);
    p.avanzar(1);
    await p.tomar('b', '140338B01005');
    // 'a' is not due; 'b' is, and goes: 'a' is then due two seconds later, not a minute later.
    const r = await p.cola.vaciar('cel-338');
    expect(r).toMatchObject({ enviadas: 1, esperando: 1, siguienteAt: p.ahora() + 2_000 });
    p.avanzar(2_000);
    expect((await p.cola.vaciar('cel-338')).enviadas).toBe(1);
    expect(p.intentos.map((i) => i.id)).toEqual(['a', 'a', 'a', 'a', 'a', 'a', 'b', 'a']);
  });

  it('backs off 2 s, 4 s, 8 s … up to one minute', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 20].map(esperaTras)).toEqual([2_000, 4_000, 8_000, 16_000, 32_000, 60_000, 60_000, 60_000]);
  });

  it('stops when the session is gone, keeps the photo as it was, and sends it once after signing in again', async () => {
    const p = preparar([{ tipo: 'sin_sesion', motivo: 'SESION_EXPIRADA' }]);
    await p.tomar('k1', '140338B01004');
    await p.tomar('k2', '140338B01005');
    const r = await p.cola.vaciar('cel-338', true);
    expect(r).toMatchObject({ enviadas: 0, esperando: 2, sinSesion: 'SESION_EXPIRADA' });
    expect((await p.cola.fotos('cel-338')).map((f) => [f.estado, f.intentos])).toEqual([['esperando', 0], ['esperando', 0]]);
    expect((await p.cola.vaciar('cel-338', true)).enviadas).toBe(2);
    expect(p.intentos.map((i) => i.id)).toEqual(['k1', 'k1', 'k2']);
  });

  it('never sends a photo twice when passes overlap (the online event while a timer pass runs)', async () => {
    const p = preparar();
    await p.tomar('k1', '140338B01004');
    await p.tomar('k2', '140338B01005');
    const [a, b] = await Promise.all([p.cola.vaciar('cel-338', true), p.cola.vaciar('cel-338', true)]);
    expect(a.enviadas + b.enviadas).toBe(2);
    expect(p.intentos.map((i) => i.id).sort()).toEqual(['k1', 'k2']);
  });

  it('keeps a refused photo with its reason; it is retried only when the operator asks, and discarded only then', async () => {
    const p = preparar([{ tipo: 'rechazada', mensaje: 'No existe el acta indicada.' }]);
    const f = await p.tomar('k1', '140338B01009');
    await p.cola.vaciar('cel-338', true);
    await p.cola.vaciar('cel-338', true);
    expect(p.intentos).toHaveLength(1);
    const [rechazada] = await p.cola.fotos('cel-338');
    expect(rechazada).toMatchObject({ estado: 'rechazada', mensaje: 'No existe el acta indicada.' });
    // A waiting photo cannot be discarded.
    await p.cola.descartar(f);
    expect(p.almacen.filas.size).toBe(1);
    await p.cola.reintentar(rechazada!);
    expect((await p.cola.vaciar('cel-338')).enviadas).toBe(1);
    await p.cola.descartar((await p.cola.fotos('cel-338'))[0]!);
    expect(p.almacen.filas.size).toBe(1);
  });

  it('keeps each device operator’s photos apart', async () => {
    const p = preparar();
    await p.tomar('k1', '140338B01004', 'cel-338');
    await p.tomar('k2', '140339B01004', 'cel-339');
    await p.cola.vaciar('cel-338', true);
    expect(p.intentos.map((i) => i.id)).toEqual(['k1']);
    expect((await p.cola.fotos('cel-339'))[0]!.estado).toBe('esperando');
  });

  it('lists as due only waiting photos with bytes, oldest first', () => {
    const base = { operador: 'o', clave: 'c', mime: 'image/png' as const, sha256: 's', intentos: 0, servidor: null, mensaje: null };
    const fotos: Foto[] = [
      { ...base, id: 'b', tomadaAt: 2, siguienteAt: 50, estado: 'esperando', datos: new ArrayBuffer(1) },
      { ...base, id: 'a', tomadaAt: 1, siguienteAt: 0, estado: 'esperando', datos: new ArrayBuffer(1) },
      { ...base, id: 'c', tomadaAt: 0, siguienteAt: 0, estado: 'enviada', datos: null },
    ];
    expect(debidas(fotos, 10, false).map((f) => f.id)).toEqual(['a']);
    expect(debidas(fotos, 10, true).map((f) => f.id)).toEqual(['a', 'b']);
  });
});
