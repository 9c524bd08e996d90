import { beforeAll, describe, expect, it } from 'vitest';
import { error, jpeg, llamar, ok, pasos, prepararEscenario, subirImagen, type Tokens } from '../../../test/captura/ayuda.ts';

let t: Tokens;
type Cola = { paso: string; catd: string | null; actas: { clave: string; etapa: string; desde: number | null; capturasRonda: number }[] };
const cola = (paso: string, op: string, query = '') => ok<Cola>(llamar('GET', `/api/v1/cola/${paso}${query}`, { token: t[op] }));
const claves = (c: Cola) => c.actas.map((a) => a.clave);

beforeAll(async () => {
  t = await prepararEscenario();
  const p = pasos(t);
  await p.recibir('140338C01004');
  await p.recibir('140338B01004');
  await p.recibir('141120B01004');
  await p.digitalizar('141120B01004');
  await p.digitalizar('140338B01004');
  await p.capturar('140338B01004', 'd01-cap1', 1);
  await ok(subirImagen(t['casilla-338b1']!, '140338B01006', jpeg('tel'), 'origen=CASILLA&digitalizacion=MOVIL&tipoDocumento=ACTA_PREP'), 201);
  await llamar('POST', '/api/v1/acopio', { token: t['d02-acopio'], body: { clave: '142301B01004' } });
  await p.verificada('140339B01004', 2);
});

describe('GET /api/v1/cola/{paso}', () => {
  it('digitalización: received actas without an image, oldest first, within the CATD', async () => {
    expect(claves(await cola('digitalizacion', 'd01-dig'))).toEqual(['140338C01004']);
    expect(claves(await cola('digitalizacion', 'd02-dig'))).toEqual(['142301B01004']);
  });

  it('captura: in arrival order at the step, with how many captures the round has', async () => {
    const c = await cola('captura', 'd01-cap2');
    expect(c.catd).toBe('CATD-D01');
    expect(c.actas.map((a) => [a.clave, a.capturasRonda])).toEqual([['141120B01004', 0], ['140338B01004', 1], ['140338B01006', 0]]);
    const desde = c.actas.map((a) => a.desde!);
    expect([...desde].sort((a, b) => a - b)).toEqual(desde);
  });

  it('acopio: expected actas not yet received, phone images first', async () => {
    const c = await cola('acopio', 'd01-acopio', '?limite=3');
    expect(c.actas).toHaveLength(3);
    expect(c.actas[0]).toMatchObject({ clave: '140338B01006', etapa: 'CAPTURA' });
    expect(c.actas[1]).toMatchObject({ etapa: 'PENDIENTE', desde: null });
    expect(claves(await cola('acopio', 'd01-acopio', '?limite=500'))).not.toContain('140338B01004');
  });

  it('cotejo: verified actas not yet reviewed', async () => {
    expect(claves(await cola('cotejo', 'd01-sup'))).toEqual(['140339B01004']);
    await ok(llamar('POST', '/api/v1/actas/140339B01004/cotejo', { token: t['d01-sup'], body: { accion: 'ACEPTAR' } }));
    expect(claves(await cola('cotejo', 'd01-sup'))).toEqual([]);
  });

  it('CCV and the institute see every CATD, or one with ?catd=', async () => {
    expect(claves(await cola('digitalizacion', 'ccv-cap1')).sort()).toEqual(['140338C01004', '142301B01004']);
    expect(claves(await cola('digitalizacion', 'admin', '?catd=CATD-D02'))).toEqual(['142301B01004']);
    await error(llamar('GET', '/api/v1/cola/digitalizacion?catd=CATD-X', { token: t.admin }), 404, 'CATD_NO_ENCONTRADO');
  });

  it('refuses unknown steps and parameters', async () => {
    await error(llamar('GET', '/api/v1/cola/publicacion', { token: t.admin }), 400, 'SOLICITUD_INVALIDA');
    await error(llamar('GET', '/api/v1/cola/captura?orden=desc', { token: t.admin }), 400, 'SOLICITUD_INVALIDA');
    await error(llamar('GET', '/api/v1/cola/captura?limite=0', { token: t.admin }), 400, 'SOLICITUD_INVALIDA');
  });
});
