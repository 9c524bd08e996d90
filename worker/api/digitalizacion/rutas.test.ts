import { env } from 'cloudflare:workers';
import { beforeAll, describe, expect, it } from 'vitest';
import { error, jpeg, llamar, ok, pasos, prepararEscenario, publicaciones, sha, subirImagen, type Tokens } from '../../../test/captura/ayuda.ts';
import { JPEG_ACTA, PDF_ACTA, PNG_ACTA } from '../../domain/captura/fixtures/imagenes.ts';
import { IMAGEN_MAX_BYTES } from './rutas.ts';

let t: Tokens;
let p: ReturnType<typeof pasos>;
beforeAll(async () => {
  t = await prepararEscenario();
  p = pasos(t);
});

const subir = (clave: string, bytes: Uint8Array, tipo: string, headers: Record<string, string> = {}, query = 'origen=CATD&digitalizacion=ESCANER&tipoDocumento=ACTA_PREP') =>
  llamar('POST', `/api/v1/actas/${clave}/imagen?${query}`, { token: t['d01-dig'], raw: bytes, headers: { 'content-type': tipo, ...headers } });

describe('POST /api/v1/actas/{clave}/imagen', () => {
  it('stores the image in R2 under its SHA-256 and moves the acta to capture', async () => {
    await p.recibir('140338B01004');
    const bytes = jpeg('uno');
    const digest = await sha(bytes);
    const v = await ok(subir('140338B01004', bytes, 'image/jpeg', { 'x-sha256': digest.toUpperCase() }));
    expect(v).toMatchObject({ etapa: 'CAPTURA', estado: { imagen: { sha256: digest, mime: 'image/jpeg', bytes: bytes.byteLength, operador: 'd01-dig' } } });
    const obj = await env.BUCKET.get(`imagenes/${digest}`);
    expect(new Uint8Array(await obj!.arrayBuffer())).toEqual(bytes);
    expect(obj!.httpMetadata?.contentType).toBe('image/jpeg');
    const g = await llamar('GET', '/api/v1/actas/140338B01004/imagen', { token: t['d01-cap1'] });
    expect(g.headers.get('content-type')).toBe('image/jpeg');
    expect(new Uint8Array(await g.arrayBuffer())).toEqual(bytes);
  });

  it('accepts PNG and PDF, sniffed from their bytes', async () => {
    await p.recibir('140338C01004');
    expect((await ok(subir('140338C01004', PNG_ACTA, 'image/png'))).estado.imagen).toMatchObject({ mime: 'image/png' });
    expect((await ok(subir('140338C01004', PDF_ACTA, 'application/pdf; qs=1'))).estado.imagen).toMatchObject({ mime: 'application/pdf' });
    const [png1, pdf2] = (await env.DB.prepare("SELECT n, mime FROM imagen WHERE acta = '140338C01004' ORDER BY n").all()).results;
    expect([png1, pdf2]).toEqual([{ n: 1, mime: 'image/png' }, { n: 2, mime: 'application/pdf' }]);
  });

  it('trusts the bytes, not the header: 415 for non-images and for a Content-Type that disagrees', async () => {
    await error(subir('140338C01004', new TextEncoder().encode('<svg/>'), 'image/jpeg'), 415, 'CONTENIDO_NO_RECONOCIDO');
    await error(subir('140338C01004', jpeg('x'), 'image/png'), 415, 'TIPO_NO_COINCIDE');
    await error(subir('140338C01004', jpeg('x'), 'image/gif'), 415, 'TIPO_DE_CONTENIDO_NO_ADMITIDO');
  });

  it('refuses what is not a whole clean image or PDF with 400 naming the rule, and stores nothing (issue 14, defect 5)', async () => {
    await p.recibir('140339C01004');
    const guion = new TextEncoder().encode('<html><script>alert(document.cookie)</script></html>');
    const pegado = new Uint8Array([...JPEG_ACTA, ...guion]);
    const conAccion = Uint8Array.from(new TextDecoder('latin1').decode(PDF_ACTA).replace('/Type /Catalog', '/Type /Catalog /OpenAction << /S /J#61vaScript /JS (app.alert(1)) >>'), (c) => c.charCodeAt(0));
    const casos: [Uint8Array, string, string][] = [
      [new Uint8Array([0xff, 0xd8, 0xff, 0xe0, ...guion]), 'image/jpeg', 'IMAGEN_JPEG_TRUNCADO'],
      [pegado, 'image/jpeg', 'IMAGEN_JPEG_DATOS_TRAS_EOI'],
      [new Uint8Array([...PNG_ACTA.subarray(0, 40), ...PNG_ACTA.subarray(41)]), 'image/png', 'IMAGEN_PNG_CRC'],
      [conAccion, 'application/pdf', 'IMAGEN_PDF_ACCION_PROHIBIDA'],
    ];
    for (const [bytes, tipo, codigo] of casos) {
      const e = await error(subir('140339C01004', bytes, tipo), 400, codigo);
      expect(e.details).toMatchObject({ regla: codigo.slice('IMAGEN_'.length) });
      expect(await env.BUCKET.head(`imagenes/${await sha(bytes)}`)).toBeNull();
    }
    expect((await env.DB.prepare("SELECT count(*) AS n FROM imagen WHERE acta = '140339C01004'").first('n'))).toBe(0);
  });

  it('checks the client’s SHA-256 when sent', async () => {
    const e = await error(subir('140338C01004', jpeg('y'), 'image/jpeg', { 'x-sha256': 'f'.repeat(64) }), 422, 'SHA256_NO_COINCIDE');
    expect(e.details).toEqual({ calculado: await sha(jpeg('y')) });
    await error(subir('140338C01004', jpeg('y'), 'image/jpeg', { 'x-sha256': 'nope' }), 400, 'SHA256_INVALIDO');
  });

  it('refuses empty and oversized bodies (413 even when the size is not declared)', async () => {
    await error(subir('140338C01004', new Uint8Array(0), 'image/jpeg'), 400, 'CUERPO_VACIO');
    const grande = new Uint8Array(IMAGEN_MAX_BYTES + 1);
    grande.set([0xff, 0xd8, 0xff, 0xe0]);
    await error(subir('140338C01004', grande, 'image/jpeg'), 413, 'CUERPO_DEMASIADO_GRANDE');
    const flujo = new ReadableStream({
      start(c) {
        for (let i = 0; i < 11; i++) c.enqueue(new Uint8Array(1024 * 1024));
        c.close();
      },
    });
    const r = await llamar('POST', '/api/v1/actas/140338C01004/imagen?origen=CATD&digitalizacion=ESCANER&tipoDocumento=ACTA_PREP', {
      token: t['d01-dig'],
      raw: flujo,
      headers: { 'content-type': 'image/jpeg' },
    });
    await error(r, 413, 'CUERPO_DEMASIADO_GRANDE');
  });

  it('a replaced image after verification changes the published integrity code, keeping the figures', async () => {
    await p.verificada('140339B01004', 5);
    const antes = await publicaciones('140339B01004');
    const nueva = jpeg('reemplazo');
    await ok(subir('140339B01004', nueva, 'image/jpeg', {}, 'origen=CATD&digitalizacion=MOVIL&tipoDocumento=ACTA_CONSEJO'));
    const despues = await publicaciones('140339B01004');
    expect(despues).toHaveLength(antes.length + 1);
    expect(despues.at(-1)!.payload).toMatchObject({ imagen: { sha256: await sha(nueva), digitalizacion: 'MOVIL', tipoDocumento: 'ACTA_CONSEJO' }, captura: antes.at(-1)!.payload.captura });
  });

  it('a PREP Casilla image may arrive before acopio (201) and a CATD may not claim ORIGEN CASILLA', async () => {
    const v = await ok(subirImagen(t['casilla-338b1']!, '140338B01005', jpeg('tel'), 'origen=CASILLA&digitalizacion=MOVIL&tipoDocumento=ACTA_PREP'), 201);
    expect(v.estado).toMatchObject({ acopio: null, etapa: 'CAPTURA', imagen: { origen: 'CASILLA' } });
    await error(subir('140338B01005', jpeg('otra'), 'image/jpeg', {}, 'origen=CASILLA&digitalizacion=MOVIL&tipoDocumento=ACTA_PREP'), 422, 'ORIGEN_NO_CORRESPONDE');
    await error(subirImagen(t['casilla-338b1']!, '140338B01006', jpeg('tel'), 'origen=CATD&digitalizacion=MOVIL&tipoDocumento=ACTA_PREP'), 422, 'ORIGEN_NO_CORRESPONDE');
  });

  it('no image for a sin acta, nor for an acta that does not exist', async () => {
    await p.recibir('141121B01004', { sinActa: 'SIN_SOBRE' });
    await error(subir('141121B01004', jpeg('z'), 'image/jpeg'), 409, 'ACTA_SIN_ACTA');
    await error(subir('149999B01004', jpeg('z'), 'image/jpeg'), 404, 'ACTA_NO_ENCONTRADA');
    await error(subir('FC-9999', jpeg('z'), 'image/jpeg'), 404, 'ACTA_NO_ENCONTRADA');
  });
});
