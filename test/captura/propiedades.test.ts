/**
 * Property: every write route answers random and mutated bodies (1,000 per route) with a 4xx in the error shape,
 * and none of them changes the database, the audit log or the image store. The actas are first brought to a state
 * where a valid body WOULD be accepted (checked at the end), so every refusal is the body's doing.
 *
 * Mutations are invalid by construction: a required field dropped, an unknown field added, a value of the wrong
 * type or out of range, an enum value outside the enum, the JSON text cut short or followed by garbage, bytes that
 * are not UTF-8, a wrong Content-Type, a body over the size limit; for images, bytes that are no image, a
 * Content-Type that disagrees with the bytes, a bad or missing query parameter, a wrong or malformed X-Sha256.
 */
import { env } from 'cloudflare:workers';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { FechaHoraSchema } from '../../worker/domain/captura/fecha.ts';
import { parseClaveActa } from '../../worker/domain/claves/clave.ts';
import { tipoPorContenido } from '../../worker/domain/captura/tipo-imagen.ts';
import { capturaPara, huellaBase, jpeg, llamar, objetosR2, ok, prepararEscenario, sha, subirImagen, type Tokens } from './ayuda.ts';

const RUNS = 1000;
let t: Tokens;

type Tipo =
  | { k: 'valor' }
  | { k: 'entero'; min: number; max: number }
  | { k: 'enum'; valores: readonly string[] }
  | { k: 'texto'; excluidos: readonly string[] }
  | { k: 'clave' }
  | { k: 'fecha' }
  | { k: 'motivo' }
  | { k: 'objeto' };

interface Ruta {
  nombre: string;
  token: () => string;
  ruta: string;
  validos: readonly Record<string, unknown>[];
  tipo: (camino: readonly string[]) => Tipo;
  opcionales: readonly string[];
}

const otro = fc.oneof(fc.boolean(), fc.constant(null), fc.array(fc.integer(), { maxLength: 3 }), fc.dictionary(fc.string({ maxLength: 4 }), fc.integer(), { maxKeys: 2 }));
const fraccion = fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e6, max: 1e6 }).filter((x) => !Number.isInteger(x));

/** A value that is invalid where a value of `tipo` is expected. */
function invalido(tipo: Tipo): fc.Arbitrary<unknown> {
  switch (tipo.k) {
    case 'valor':
      return fc.oneof(fc.integer({ max: -1 }), fc.integer({ min: 100_000 }), fraccion, fc.string().filter((s) => s !== 'ILEGIBLE' && s !== 'SIN_DATO'), otro);
    case 'entero':
      return fc.oneof(fc.integer({ max: tipo.min - 1 }), fc.integer({ min: tipo.max + 1 }), fraccion, fc.string(), otro);
    case 'enum':
      return fc.oneof(fc.string().filter((s) => !tipo.valores.includes(s)), fc.integer(), fc.boolean(), fc.array(fc.string(), { maxLength: 2 }));
    case 'texto':
      return fc.oneof(fc.string().filter((s) => !tipo.excluidos.includes(s)), fc.integer(), otro);
    case 'clave':
      return fc.oneof(fc.string({ maxLength: 20 }).filter((s) => !parseClaveActa(s, ['4', '5', '6']).ok), fc.integer(), otro);
    case 'fecha':
      return fc.oneof(fc.string().filter((s) => !FechaHoraSchema.safeParse(s).success), fc.integer(), otro);
    case 'motivo':
      return fc.oneof(fc.constantFrom('', '  ', 'ab', ' a '), fc.string({ minLength: 501, maxLength: 600 }).map((s) => `${'x'.repeat(501)}${s}`), fc.integer(), otro);
    case 'objeto':
      return fc.oneof(fc.string(), fc.integer(), fc.constant(null), fc.array(fc.integer(), { maxLength: 2 }));
  }
}

/** Every path of a JSON object, depth first. */
function caminos(o: unknown, base: string[] = []): string[][] {
  if (typeof o !== 'object' || o === null || Array.isArray(o)) return [];
  return Object.entries(o).flatMap(([k, v]) => [[...base, k], ...caminos(v, [...base, k])]);
}

function con(o: unknown, camino: readonly string[], f: (padre: Record<string, unknown>, clave: string) => void): unknown {
  const copia = structuredClone(o) as Record<string, unknown>;
  let padre = copia;
  for (const k of camino.slice(0, -1)) padre = padre[k] as Record<string, unknown>;
  f(padre, camino.at(-1)!);
  return copia;
}

interface Envio {
  cuerpo: string | Uint8Array;
  tipo: string | null;
  etiqueta: string;
}

const json = (o: unknown, etiqueta: string): Envio => ({ cuerpo: JSON.stringify(o), tipo: 'application/json', etiqueta });

function mutaciones(r: Ruta): fc.Arbitrary<Envio> {
  const valido = fc.constantFrom(...r.validos);
  const porCamino = valido.chain((v) => {
    const todos = caminos(v);
    const objetos = [[], ...todos.filter((c) => r.tipo(c).k === 'objeto')];
    const requeridos = todos.filter((c) => !r.opcionales.includes(c.join('.')));
    return fc.oneof(
      fc.constantFrom(...todos).chain((c) => invalido(r.tipo(c)).map((x) => json(con(v, c, (p, k) => (p[k] = x)), `valor inválido en ${c.join('.')}`))),
      fc.constantFrom(...requeridos).map((c) => json(con(v, c, (p, k) => delete p[k]), `sin ${c.join('.')}`)),
      fc.tuple(fc.constantFrom(...objetos), fc.string({ minLength: 1, maxLength: 8 }), fc.jsonValue({ maxDepth: 1 })).map(([c, k, x]) => {
        const destino = c.length === 0 ? { ...v, [`x_${k}`]: x } : con(v, [...c, `x_${k}`], (p, kk) => (p[kk] = x));
        return json(destino, `campo desconocido en ${c.join('.') || 'raíz'}`);
      }),
    );
  });
  const texto = valido.chain((v) => {
    const s = JSON.stringify(v);
    return fc.oneof(
      fc.nat({ max: s.length - 1 }).map((n) => ({ cuerpo: s.slice(0, n), tipo: 'application/json', etiqueta: 'JSON cortado' })),
      fc.constantFrom('x', ',', '}', ']', '"').map((g) => ({ cuerpo: s + g, tipo: 'application/json', etiqueta: 'basura tras el JSON' })),
      fc.constant({ cuerpo: new Uint8Array([0xff, ...new TextEncoder().encode(s)]), tipo: 'application/json', etiqueta: 'no es UTF-8' }),
      fc.constantFrom('text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/jsonx').map((tipo) => ({ cuerpo: s, tipo, etiqueta: `Content-Type ${tipo}` })),
      fc.constant({ cuerpo: s, tipo: null, etiqueta: 'sin Content-Type' }),
      fc.constant({ cuerpo: s + ' '.repeat(33 * 1024), tipo: 'application/json', etiqueta: 'más de 32 KiB' }),
    );
  });
  const aleatorio = fc.oneof(
    fc.jsonValue().map((x) => json(x, 'JSON aleatorio')),
    fc.uint8Array({ maxLength: 64 }).map((b) => ({ cuerpo: b, tipo: 'application/json', etiqueta: 'bytes aleatorios' })),
    fc.oneof(fc.string(), fc.integer(), fc.constant(null), fc.array(fc.jsonValue(), { maxLength: 3 })).map((x) => json(x, 'no es un objeto')),
  );
  return fc.oneof({ weight: 6, arbitrary: porCamino }, { weight: 3, arbitrary: texto }, { weight: 2, arbitrary: aleatorio });
}

const contadores = () =>
  env.DB.prepare('SELECT (SELECT coalesce(max(id), 0) FROM bitacora) AS b, (SELECT valor FROM secuencia) AS s').first<{ b: number; s: number }>();

async function rechazo4xx(res: Response, etiqueta: string, antes: { b: number; s: number }) {
  const texto = await res.text();
  expect(res.status, `${etiqueta}: ${texto}`).toBeGreaterThanOrEqual(400);
  expect(res.status, `${etiqueta}: ${texto}`).toBeLessThan(500);
  const body = JSON.parse(texto) as { error: Record<string, unknown> };
  expect(Object.keys(body)).toEqual(['error']);
  expect(Object.keys(body.error).sort()).toEqual(['code', 'details', 'message']);
  expect(body.error.code).toMatch(/^[A-Z0-9_]+$/);
  expect(typeof body.error.message).toBe('string');
  expect(await contadores(), etiqueta).toEqual(antes);
}

interface Solicitud {
  ruta: string;
  cuerpo: string | Uint8Array;
  headers: Record<string, string>;
  etiqueta: string;
}

function solicitudesJson(r: Ruta): fc.Arbitrary<Solicitud> {
  return mutaciones(r).map((e) => ({
    ruta: r.ruta,
    cuerpo: e.cuerpo,
    headers: { authorization: `Bearer ${r.token()}`, ...(e.tipo === null ? {} : { 'content-type': e.tipo }) },
    etiqueta: e.etiqueta,
  }));
}

async function propiedad(solicitudes: fc.Arbitrary<Solicitud>): Promise<Map<number, number>> {
  const antes = { base: await huellaBase(), r2: await objetosR2(), c: (await contadores())! };
  const estados = new Map<number, number>();
  await fc.assert(
    fc.asyncProperty(solicitudes, async (e) => {
      const res = await llamar('POST', e.ruta, { raw: e.cuerpo, headers: e.headers });
      estados.set(res.status, (estados.get(res.status) ?? 0) + 1);
      await rechazo4xx(res, e.etiqueta, antes.c);
    }),
    { numRuns: RUNS },
  );
  expect(await huellaBase()).toBe(antes.base);
  expect(await objetosR2()).toEqual(antes.r2);
  return estados;
}

/** Image uploads: the valid one is a JPEG with its three metadata parameters. */
function solicitudesImagen(shaValida: string): fc.Arbitrary<Solicitud> {
  const valida = jpeg('propiedad');
  const META: Record<string, readonly string[]> = {
    origen: ['CASILLA', 'CATD'],
    digitalizacion: ['MOVIL', 'ESCANER'],
    tipoDocumento: ['ACTA_PREP', 'ACTA_CONSEJO', 'ACTA_CONSEJO_S', 'COPIA_RPPCI', 'COPIA_PE', 'REPRESENTACION_ACTA'],
  };
  const base: Record<string, string> = { origen: 'CATD', digitalizacion: 'ESCANER', tipoDocumento: 'ACTA_PREP' };
  const q = (o: Record<string, string>, extra = '') => new URLSearchParams(o).toString() + extra;
  const sol = (bytes: Uint8Array, tipo: string | null, query: string, etiqueta: string, extra: Record<string, string> = {}): Solicitud => ({
    ruta: `/api/v1/actas/${CLAVES.imagen}/imagen?${query}`,
    cuerpo: bytes,
    headers: { authorization: `Bearer ${t['d01-dig']}`, ...(tipo === null ? {} : { 'content-type': tipo }), ...extra },
    etiqueta,
  });
  const tipos = fc.constantFrom('image/jpeg', 'image/png', 'application/pdf');
  const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2]);
  const pdf = new TextEncoder().encode('%PDF-1.7 acta');
  return fc.oneof(
    fc.tuple(fc.uint8Array({ maxLength: 64 }).filter((b) => tipoPorContenido(b) === null), tipos).map(([b, tipo]) => sol(b, tipo, q(base), 'bytes que no son imagen')),
    fc.constantFrom('image/png', 'application/pdf', 'text/plain', 'application/json', 'application/octet-stream').map((tipo) => sol(valida, tipo, q(base), `JPEG como ${tipo}`)),
    fc.constant(sol(valida, null, q(base), 'sin Content-Type')),
    fc.constantFrom(png, pdf).map((b) => sol(b, 'image/jpeg', q(base), 'PNG/PDF declarado como JPEG')),
    fc.constantFrom(...Object.keys(base)).map((k) => sol(valida, 'image/jpeg', q(Object.fromEntries(Object.entries(base).filter(([x]) => x !== k))), `sin ${k}`)),
    fc.tuple(fc.constantFrom(...Object.keys(base)), fc.string()).filter(([k, v]) => !META[k]!.includes(v)).map(([k, v]) => sol(valida, 'image/jpeg', q({ ...base, [k]: v }), `${k} inválido`)),
    fc.tuple(fc.string({ minLength: 1, maxLength: 8 }), fc.string()).map(([k, v]) => sol(valida, 'image/jpeg', q(base, `&x_${encodeURIComponent(k)}=${encodeURIComponent(v)}`), 'parámetro desconocido')),
    fc.constantFrom(...Object.keys(base)).map((k) => sol(valida, 'image/jpeg', q(base, `&${k}=${base[k]}`), `${k} repetido`)),
    fc.string().filter((s) => !FechaHoraSchema.safeParse(s).success).map((f) => sol(valida, 'image/jpeg', q({ ...base, fechaHora: f }), 'fechaHora inválida')),
    fc.constantFrom('MOVIL', 'ESCANER').map((d) => sol(valida, 'image/jpeg', q({ ...base, origen: 'CASILLA', digitalizacion: d }), 'origen CASILLA desde un CATD')),
    fc.string({ maxLength: 70 }).filter((s) => !/^[0-9a-fA-F]{64}$/.test(s) && /^[\x20-\x7e]*$/.test(s) && s.trim() === s && s !== '').map((h) => sol(valida, 'image/jpeg', q(base), 'X-Sha256 malformado', { 'x-sha256': h })),
    fc.stringMatching(/^[0-9a-f]{64}$/).filter((h) => h !== shaValida).map((h) => sol(valida, 'image/jpeg', q(base), 'X-Sha256 distinto', { 'x-sha256': h })),
    fc.constant(sol(new Uint8Array(0), 'image/jpeg', q(base), 'cuerpo vacío')),
  );
}

const CLAVES = { acopio: '140338B01004', imagen: '140338C01004', captura: '140338C02004', verificacion: '140339B01004', cotejo: '140339S01004' };

/** votos / totales are objects; their members are vote or total values. */
const votoOTotal = (c: readonly string[]): Tipo => (c.length === 1 ? { k: 'objeto' } : { k: 'valor' });

const RUTAS: Ruta[] = [
  {
    nombre: 'acopio',
    token: () => t['d01-acopio']!,
    ruta: '/api/v1/acopio',
    validos: [
      { clave: CLAVES.acopio, fechaHora: '2024-06-02T20:15:00-06:00', mecanismoTraslado: 'F' },
      { identificacion: { eleccion: 'GUB', seccion: 338, tipo: 'B', id: 1, extContigua: 0 }, mecanismoTraslado: null },
    ],
    opcionales: ['fechaHora', 'mecanismoTraslado'],
    tipo: (c) => {
      const k = c.join('.');
      if (k === 'clave') return { k: 'clave' };
      if (k === 'fechaHora') return { k: 'fecha' };
      if (k === 'mecanismoTraslado') return { k: 'enum', valores: ['D', 'F', 'I'] };
      if (k === 'identificacion') return { k: 'objeto' };
      if (k === 'identificacion.eleccion') return { k: 'texto', excluidos: ['GUB', 'DIP_LOC', 'AYUN'] };
      if (k === 'identificacion.tipo') return { k: 'enum', valores: ['B', 'C', 'E', 'S', 'M'] };
      if (k === 'identificacion.seccion') return { k: 'entero', min: 0, max: 9999 };
      return { k: 'entero', min: 0, max: 99 };
    },
  },
  {
    nombre: 'captura',
    token: () => t['d01-cap1']!,
    ruta: `/api/v1/actas/${CLAVES.captura}/capturas`,
    validos: [{ ...capturaPara('GUB', 0, 5), fechaHora: '2024-06-02T21:00:00Z' }],
    opcionales: ['fechaHora'],
    tipo: (c) => (c[0] === 'fechaHora' ? { k: 'fecha' } : votoOTotal(c)),
  },
  {
    nombre: 'verificación',
    token: () => t['d01-ver']!,
    ruta: `/api/v1/actas/${CLAVES.verificacion}/verificacion`,
    validos: [{ resolucion: 'CAPTURA', captura: capturaPara('GUB', 0, 2) }, { resolucion: 'RECAPTURA', motivo: 'cifras ilegibles', fechaHora: '2024-06-02T21:00:00Z' }],
    opcionales: ['fechaHora'],
    tipo: (c) => {
      if (c[0] === 'resolucion') return { k: 'enum', valores: ['CAPTURA', 'RECAPTURA'] };
      if (c[0] === 'motivo') return { k: 'motivo' };
      if (c[0] === 'fechaHora') return { k: 'fecha' };
      return c.length <= 2 ? { k: 'objeto' } : { k: 'valor' };
    },
  },
  {
    nombre: 'cotejo',
    token: () => t['d01-sup']!,
    ruta: `/api/v1/actas/${CLAVES.cotejo}/cotejo`,
    validos: [{ accion: 'ACEPTAR' }, { accion: 'RECAPTURA', motivo: 'no coincide con la imagen' }, { accion: 'REDIGITALIZACION', motivo: 'imagen borrosa', fechaHora: '2024-06-02T22:00:00-06:00' }],
    opcionales: ['fechaHora'],
    tipo: (c) => (c[0] === 'accion' ? { k: 'enum', valores: ['ACEPTAR', 'RECAPTURA', 'REDIGITALIZACION'] } : c[0] === 'motivo' ? { k: 'motivo' } : { k: 'fecha' }),
  },
];

beforeAll(async () => {
  t = await prepararEscenario();
  const acopio = (clave: string) => ok(llamar('POST', '/api/v1/acopio', { token: t['d01-acopio'], body: { clave } }), 201);
  const capturar = (clave: string, op: string, v: number) => ok(llamar('POST', `/api/v1/actas/${clave}/capturas`, { token: t[op], body: capturaPara('GUB', 0, v) }));
  await acopio(CLAVES.imagen);
  for (const clave of [CLAVES.captura, CLAVES.verificacion, CLAVES.cotejo]) {
    await acopio(clave);
    await ok(subirImagen(t['d01-dig']!, clave, jpeg(clave)));
  }
  await capturar(CLAVES.verificacion, 'd01-cap1', 1);
  await capturar(CLAVES.verificacion, 'd01-cap2', 2);
  await capturar(CLAVES.cotejo, 'd01-cap1', 3);
  await capturar(CLAVES.cotejo, 'd01-cap2', 3);
});

describe(`${RUNS} random and mutated bodies per write route: 4xx, nothing changes`, () => {
  it.each(RUTAS.map((r) => [r.nombre, r] as const))('%s', async (_n, r) => {
    const estados = await propiedad(solicitudesJson(r));
    expect(estados.get(400)).toBeGreaterThan(0);
    expect(estados.get(413)).toBeGreaterThan(0);
    expect(estados.get(415)).toBeGreaterThan(0);
  });

  it('imagen', async () => {
    const estados = await propiedad(solicitudesImagen(await sha(jpeg('propiedad'))));
    expect([...estados.keys()].sort()).toEqual([400, 415, 422]);
  });

  it('a valid body is accepted by each route afterwards: the refusals were the bodies’ doing', async () => {
    for (const r of RUTAS) {
      const res = await llamar('POST', r.ruta, { token: r.token(), body: r.validos[0] });
      expect(res.status, `${r.nombre}: ${await res.clone().text()}`).toBeLessThan(300);
    }
    expect((await subirImagen(t['d01-dig']!, CLAVES.imagen, jpeg('propiedad'))).status).toBe(200);
  });
});
