/**
 * The phone's storage for the PREP Casilla queue: IndexedDB, which keeps the photos' bytes across closing the
 * page, restarting the browser and losing signal. Two stores: `fotos` (by Idempotency-Key, indexed by device
 * operator) and `dispositivo` (the last signed-in device's context, to work offline). Thin on purpose: the logic
 * is in cola.ts, tested over an in-memory store.
 */
import type { AlmacenFotos } from './cola.ts';
import type { ContextoDispositivo, Foto } from './tipos.ts';

const BD = 'prep-casilla';
const FOTOS = 'fotos';
const DISPOSITIVO = 'dispositivo';
const CLAVE_DISPOSITIVO = 'actual';

function promesa<T>(r: IDBRequest<T>): Promise<T> {
  return new Promise((ok, mal) => {
    r.onsuccess = () => ok(r.result);
    r.onerror = () => mal(r.error);
  });
}

function abrir(): Promise<IDBDatabase> {
  const r = indexedDB.open(BD, 1);
  r.onupgradeneeded = () => {
    const bd = r.result;
    bd.createObjectStore(FOTOS, { keyPath: 'id' }).createIndex('operador', 'operador');
    bd.createObjectStore(DISPOSITIVO);
  };
  return promesa(r);
}

/** Runs one request in its own transaction and resolves when the transaction is committed (durable). */
async function en<T>(almacen: string, modo: IDBTransactionMode, f: (s: IDBObjectStore) => IDBRequest<T>): Promise<T> {
  const bd = await abrir();
  try {
    const tx = bd.transaction(almacen, modo, { durability: 'strict' });
    const r = promesa(f(tx.objectStore(almacen)));
    await new Promise<void>((ok, mal) => {
      tx.oncomplete = () => ok();
      tx.onerror = () => mal(tx.error);
      tx.onabort = () => mal(tx.error ?? new Error('transacción abortada'));
    });
    return await r;
  } finally {
    bd.close();
  }
}

export const almacenFotos: AlmacenFotos = {
  guardar: (f: Foto) => en(FOTOS, 'readwrite', (s) => s.put(f)).then(() => undefined),
  fotosDe: (operador: string) => en(FOTOS, 'readonly', (s) => s.index('operador').getAll(operador) as IDBRequest<Foto[]>),
  borrar: (id: string) => en(FOTOS, 'readwrite', (s) => s.delete(id)).then(() => undefined),
};

export function leerDispositivo(): Promise<ContextoDispositivo | null> {
  return en(DISPOSITIVO, 'readonly', (s) => s.get(CLAVE_DISPOSITIVO) as IDBRequest<ContextoDispositivo | undefined>).then((c) => c ?? null);
}

export function guardarDispositivo(c: ContextoDispositivo): Promise<void> {
  return en(DISPOSITIVO, 'readwrite', (s) => s.put(c, CLAVE_DISPOSITIVO)).then(() => undefined);
}
