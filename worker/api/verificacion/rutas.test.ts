import { beforeAll, describe, expect, it } from 'vitest';
import { capturaPara, error, llamar, ok, pasos, prepararEscenario, publicaciones, type Tokens } from '../../../test/captura/ayuda.ts';

let t: Tokens;
let p: ReturnType<typeof pasos>;
beforeAll(async () => {
  t = await prepararEscenario();
  p = pasos(t);
});

const verificar = (clave: string, op: string, body: unknown) => llamar('POST', `/api/v1/actas/${clave}/verificacion`, { token: t[op], body });

async function discrepante(clave: string) {
  await p.recibir(clave);
  await p.digitalizar(clave);
  await p.capturar(clave, 'd01-cap1', 1);
  return p.capturar(clave, 'd01-cap2', 2);
}

describe('POST /api/v1/actas/{clave}/verificacion', () => {
  it('resolves disagreeing captures with the figures the verifier confirms, at the stated time', async () => {
    await discrepante('140338B01004');
    const c = capturaPara('GUB', 0, (k) => (k === 'PAN' ? 9 : 2));
    const v = await ok(verificar('140338B01004', 'd01-ver', { resolucion: 'CAPTURA', captura: c, fechaHora: '2024-06-02T21:40:00-06:00' }));
    expect(v).toMatchObject({ etapa: 'VERIFICADA', estado: { verificada: { operador: 'd01-ver', at: Date.UTC(2024, 5, 3, 3, 40) } }, publicada: { captura: c, verificacionAt: Date.UTC(2024, 5, 3, 3, 40) } });
    expect(await publicaciones('140338B01004')).toHaveLength(1);
    await error(verificar('140338B01004', 'd01-ver2', { resolucion: 'CAPTURA', captura: c }), 409, 'ACTA_YA_VERIFICADA');
  });

  it('or sends the acta back to a new round of captures, where anyone but the verifier may capture again', async () => {
    await discrepante('140338C01004');
    const v = await ok(verificar('140338C01004', 'd01-ver', { resolucion: 'RECAPTURA', motivo: 'el acta dice 12, no 1' }));
    expect(v).toMatchObject({ etapa: 'CAPTURA', capturasRonda: [], estado: { ronda: 2, devolucion: { por: 'VERIFICACION', motivo: 'el acta dice 12, no 1' } } });
    await p.capturar('140338C01004', 'd01-cap1', 12);
    const fin = await p.capturar('140338C01004', 'd01-cap2', 12);
    expect(fin).toMatchObject({ etapa: 'VERIFICADA', estado: { verificada: { ronda: 2 } } });
  });

  it('only an acta in verification; the reason for a recapture is required', async () => {
    await p.recibir('140338C02004');
    await error(verificar('140338C02004', 'd01-ver', { resolucion: 'RECAPTURA', motivo: 'x y z' }), 409, 'ACTA_SIN_IMAGEN');
    await p.digitalizar('140338C02004');
    await error(verificar('140338C02004', 'd01-ver', { resolucion: 'RECAPTURA', motivo: 'x y z' }), 409, 'ETAPA_INCORRECTA');
    await error(verificar('140338C02004', 'd01-ver', { resolucion: 'RECAPTURA' }), 400, 'SOLICITUD_INVALIDA');
    await error(verificar('140338C02004', 'd01-ver', { resolucion: 'RECAPTURA', motivo: '  ' }), 400, 'SOLICITUD_INVALIDA');
    await error(verificar('140338C02004', 'd01-ver', { resolucion: 'ACEPTAR' }), 400, 'SOLICITUD_INVALIDA');
  });
});
