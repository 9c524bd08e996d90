/**
 * Every role × step combination that is not the role's own step, every CATD (and PREP Casilla device) × foreign
 * acta, and separation of duties are refused with 403 in the error shape, and each refusal is one new audit entry
 * naming who and why. (Bad tokens: worker/api/middleware/autenticacion/index.test.ts.)
 */
import { env } from 'cloudflare:workers';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Paso } from '../../worker/domain/captura/permisos.ts';
import { crearOperador, ejecutorD1, emitirToken } from '../../worker/db/administracion.ts';
import { verificarBitacora } from '../../worker/db/bitacora.ts';
import { HORA, capturaPara, jpeg, llamar, prepararEscenario, rechazada, subirImagen, type Tokens } from './ayuda.ts';

let t: Tokens;
beforeAll(async () => {
  t = await prepararEscenario();
});

type Paso5 = Exclude<Paso, 'CONSULTA'>;

/** A valid request of each step on an acta (GUB ballot). */
function solicitud(paso: Paso5, token: string, clave: string): Promise<Response> {
  switch (paso) {
    case 'ACOPIO':
      return llamar('POST', '/api/v1/acopio', { token, body: { clave } });
    case 'DIGITALIZACION':
      return subirImagen(token, clave, jpeg(clave));
    case 'CAPTURA':
      return llamar('POST', `/api/v1/actas/${clave}/capturas`, { token, body: capturaPara('GUB', 0, 1) });
    case 'VERIFICACION':
      return llamar('POST', `/api/v1/actas/${clave}/verificacion`, { token, body: { resolucion: 'RECAPTURA', motivo: 'no coincide' } });
    case 'COTEJO':
      return llamar('POST', `/api/v1/actas/${clave}/cotejo`, { token, body: { accion: 'ACEPTAR' } });
  }
}

const PASOS: readonly Paso5[] = ['ACOPIO', 'DIGITALIZACION', 'CAPTURA', 'VERIFICACION', 'COTEJO'];
const PASO_DEL: Record<string, Paso5 | null> = {
  'd01-acopio': 'ACOPIO',
  'd01-dig': 'DIGITALIZACION',
  'd01-cap1': 'CAPTURA',
  'd01-ver': 'VERIFICACION',
  'd01-sup': 'COTEJO',
  'ccv-cap1': 'CAPTURA',
  'ccv-ver': 'VERIFICACION',
  'ccv-sup': 'COTEJO',
  'casilla-338b1': 'DIGITALIZACION',
  admin: null,
};

describe('role × step', () => {
  const casos = Object.entries(PASO_DEL).flatMap(([op, propio]) => PASOS.filter((p) => p !== propio).map((p) => [op, p] as const));

  it('covers every operator kind and every foreign step (41 combinations)', () => {
    expect(casos).toHaveLength(41);
  });

  it.each(casos)('%s may not do %s: 403, audited', async (op, paso) => {
    const e = await rechazada(() => solicitud(paso, t[op]!, '140338B01004'), 403, 'ROL_NO_AUTORIZADO', op);
    expect(e.token).toBe(t[op]!.slice(5, 21));
  });
});

describe('CATD × foreign acta', () => {
  const casos: [string, Paso5, string, string][] = [
    // D02 (distrito 2) on actas of distrito 1
    ['d02-acopio', 'ACOPIO', '140338B01004', 'distrito ajeno'],
    ['d02-dig', 'DIGITALIZACION', '140338B01005', 'distrito ajeno'],
    ['d02-cap1', 'CAPTURA', '141120B01004', 'distrito ajeno'],
    ['d02-ver', 'VERIFICACION', '141121C01005', 'distrito ajeno'],
    ['d02-sup', 'COTEJO', '140339S01004', 'distrito ajeno'],
    // D01 (distrito 1) on actas of distrito 2
    ['d01-acopio', 'ACOPIO', '142301B01004', 'distrito ajeno'],
    ['d01-dig', 'DIGITALIZACION', '142302C01005', 'distrito ajeno'],
    ['d01-cap1', 'CAPTURA', '142301M01004', 'distrito ajeno'],
    ['d01-ver', 'VERIFICACION', '142302S01004', 'distrito ajeno'],
    ['d01-sup', 'COTEJO', '142302B01005', 'distrito ajeno'],
    // D01 handles AYUN in its distrito only: Zapopan's munícipes belong to CATD-M120
    ['d01-acopio', 'ACOPIO', '142301B01006', 'municipio de otro CATD'],
    // D02 does not handle munícipes at all, even in its own distrito
    ['d02-acopio', 'ACOPIO', '142302B01006', 'elección ajena'],
    ['d02-dig', 'DIGITALIZACION', '142301M01006', 'elección ajena'],
    // M120 (municipio 120, AYUN only): not its election, not its municipio
    ['m120-acopio', 'ACOPIO', '142301B01004', 'elección ajena'],
    ['m120-acopio', 'ACOPIO', '140338B01006', 'municipio ajeno'],
    ['m120-dig', 'DIGITALIZACION', '141121B01006', 'municipio ajeno'],
    // a PREP Casilla device only photographs its own casilla
    ['casilla-338b1', 'DIGITALIZACION', '140338C01004', 'casilla ajena'],
    ['casilla-338b1', 'DIGITALIZACION', '142301B01004', 'casilla ajena'],
  ];

  it.each(casos)('%s %s on %s (%s): 403, audited with the acta', async (op, paso, clave) => {
    const e = await rechazada(() => solicitud(paso, t[op]!, clave), 403, 'ACTA_FUERA_DE_ALCANCE', op);
    expect(e.acta).toBe(clave);
  });

  it('reads are scoped too: status, timeline, image and another CATD queue', async () => {
    await rechazada(() => llamar('GET', '/api/v1/actas/140338B01004', { token: t['d02-cap1'] }), 403, 'ACTA_FUERA_DE_ALCANCE', 'd02-cap1');
    await rechazada(() => llamar('GET', '/api/v1/actas/140338B01004/historial', { token: t['m120-dig'] }), 403, 'ACTA_FUERA_DE_ALCANCE', 'm120-dig');
    await rechazada(() => llamar('GET', '/api/v1/actas/140338C01004/imagen', { token: t['casilla-338b1'] }), 403, 'ACTA_FUERA_DE_ALCANCE', 'casilla-338b1');
    await rechazada(() => llamar('GET', '/api/v1/cola/captura?catd=CATD-D01', { token: t['d02-cap1'] }), 403, 'CATD_AJENO', 'd02-cap1');
    await rechazada(() => llamar('GET', '/api/v1/cola/digitalizacion', { token: t['casilla-338b1'] }), 403, 'AMBITO_NO_AUTORIZADO', 'casilla-338b1');
  });

  it('a fuera de catálogo acta registered by one CATD is out of another CATD’s scope', async () => {
    const r = await llamar('POST', '/api/v1/acopio', {
      token: t['d01-acopio'],
      body: { identificacion: { eleccion: 'GUB', seccion: 9990, tipo: 'B', id: 1, extContigua: 0 } },
    });
    const { clave } = (await r.json()) as { clave: string };
    expect(r.status).toBe(201);
    await rechazada(() => solicitud('DIGITALIZACION', t['d02-dig']!, clave), 403, 'ACTA_FUERA_DE_ALCANCE', 'd02-dig');
    expect((await subirImagen(t['d01-dig']!, clave, jpeg('fc'))).status).toBe(200);
  });

  it('nobody both captures and verifies the same acta: 403 SEPARACION_DE_FUNCIONES, either way round', async () => {
    const ej = ejecutorD1(env.DB);
    for (const id of ['d01-mixto', 'd01-mixto2']) {
      await crearOperador(ej, { id, nombre: id, ambito: 'CATD', catd: 'CATD-D01', roles: ['captura', 'verificacion'], casillas: [] }, Date.now());
      t[id] = (await emitirToken(ej, { operador: id, vigenciaMs: HORA, limitePorMinuto: 100 }, Date.now())).token;
    }
    const clave = '141121C01004';
    await llamar('POST', '/api/v1/acopio', { token: t['d01-acopio'], body: { clave } });
    await subirImagen(t['d01-dig']!, clave, jpeg(clave));
    expect((await llamar('POST', `/api/v1/actas/${clave}/capturas`, { token: t['d01-mixto'], body: capturaPara('GUB', 0, 1) })).status).toBe(200);
    expect((await llamar('POST', `/api/v1/actas/${clave}/capturas`, { token: t['d01-cap1'], body: capturaPara('GUB', 0, 2) })).status).toBe(200);
    const verificar = (token: string) => llamar('POST', `/api/v1/actas/${clave}/verificacion`, { token, body: { resolucion: 'RECAPTURA', motivo: 'ilegible' } });
    await rechazada(() => verificar(t['d01-mixto']!), 403, 'SEPARACION_DE_FUNCIONES', 'd01-mixto');
    expect((await verificar(t['d01-mixto2']!)).status).toBe(200);
    const capturar = () => llamar('POST', `/api/v1/actas/${clave}/capturas`, { token: t['d01-mixto2'], body: capturaPara('GUB', 0, 1) });
    await rechazada(capturar, 403, 'SEPARACION_DE_FUNCIONES', 'd01-mixto2');
  });
});

describe('after all these refusals', () => {
  it('the audit chain is intact', async () => {
    expect(await verificarBitacora(env.DB)).toMatchObject({ ok: true });
  });
});
