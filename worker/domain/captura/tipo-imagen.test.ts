import fc from 'fast-check';
import { zlibSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { png as pngQr, qrGris } from '../../../test/e2e/fixtures/imagenes-qr.ts';
import { generarJalisco } from '../../../scripts/generador/generar.ts';
import { imagenReemplazo } from '../../../scripts/replay/imagen.ts';
import { imprentaDe } from '../../../scripts/simulacro/imagen.ts';
import { actasEsperadas } from '../acta/esperadas.ts';
import { JPEG_ACTA, PDF_ACTA, PNG_ACTA } from './fixtures/imagenes.ts';
import { REGLAS_IMAGEN, type ReglaImagen } from './imagen-rechazo.ts';
import { revisarEstructura, tipoPorContenido } from './tipo-imagen.ts';

const b = (...x: number[]) => new Uint8Array(x);
const ascii = (s: string) => Uint8Array.from(s, (c) => c.charCodeAt(0));
const texto = (x: Uint8Array) => new TextDecoder('latin1').decode(x);
const unir = (...partes: Uint8Array[]) => {
  const out = new Uint8Array(partes.reduce((n, p) => n + p.length, 0));
  let k = 0;
  for (const p of partes) {
    out.set(p, k);
    k += p.length;
  }
  return out;
};

/** The rule a file breaks, null if clean: sniffed first, as the route does. */
function regla(x: Uint8Array): ReglaImagen | 'NO_RECONOCIDO' | null {
  const mime = tipoPorContenido(x);
  return mime === null ? 'NO_RECONOCIDO' : (revisarEstructura(x, mime)?.regla ?? null);
}

/** A JPEG comment segment (COM) holding `datos`, inserted right after SOI. */
const conComentario = (jpeg: Uint8Array, datos: Uint8Array) =>
  unir(jpeg.subarray(0, 2), b(0xff, 0xfe, (datos.length + 2) >> 8, (datos.length + 2) & 0xff), datos, jpeg.subarray(2));

/** The fixture PDF with `entrada` added to its catalogue dictionary. */
const pdfCon = (entrada: string) => ascii(texto(PDF_ACTA).replace('/Type /Catalog', `/Type /Catalog ${entrada}`));

/** A PDF whose catalogue sits in a Flate object stream (PDF 1.5), as `objetos` says. */
function pdfConObjetos(objetos: string, filtro = '/Filter /FlateDecode', comprimir = true): Uint8Array {
  const datos = comprimir ? zlibSync(ascii(objetos)) : ascii(objetos);
  return unir(
    ascii(`%PDF-1.5\n1 0 obj\n<< /Type /ObjStm /N 1 /First 4 ${filtro} /Length ${datos.length} >>\nstream\n`),
    datos,
    ascii('\nendstream\nendobj\ntrailer\n<< /Root 2 0 R >>\n%%EOF\n'),
  );
}

describe('tipoPorContenido', () => {
  it('recognizes JPEG, PNG and PDF by their first bytes', () => {
    expect(tipoPorContenido(b(0xff, 0xd8, 0xff, 0xe0, 0))).toBe('image/jpeg');
    expect(tipoPorContenido(b(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0))).toBe('image/png');
    expect(tipoPorContenido(new TextEncoder().encode('%PDF-1.7\n'))).toBe('application/pdf');
  });

  it('anything else, or only a signature with nothing after it, is not an image', () => {
    expect(tipoPorContenido(b())).toBeNull();
    expect(tipoPorContenido(b(0xff, 0xd8, 0xff))).toBeNull();
    expect(tipoPorContenido(new TextEncoder().encode('GIF89a...'))).toBeNull();
    expect(tipoPorContenido(new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg"/>'))).toBeNull();
    expect(tipoPorContenido(b(0x00, 0xff, 0xd8, 0xff, 0xe0))).toBeNull();
  });
});

describe('revisarEstructura: clean files pass untouched', () => {
  it('real JPEG, PNG and PDF made by a browser’s encoders', () => {
    expect([JPEG_ACTA, PNG_ACTA, PDF_ACTA].map(regla)).toEqual([null, null, null]);
  });

  it('the images the tools send: the simulacro’s acta photos, the replay’s placeholder, the e2e QR pictures', () => {
    const cat = generarJalisco(2024);
    const esperadas = actasEsperadas(cat);
    if (!esperadas.ok) throw new Error('catálogo sin actas esperadas');
    const imprenta = imprentaDe(cat);
    for (const e of esperadas.value.slice(0, 3)) expect(regla(imprenta.imagen(e, null, 'CATD'))).toBeNull();
    expect(regla(imagenReemplazo({ clave: '261001B01005', origen: 'DIP_LOC_2024.csv:7', codigoArchivo: 'ab'.repeat(32) }))).toBeNull();
    expect(regla(pngQr(qrGris('140338B01004', 120, 120, 3)))).toBeNull();
  });

  it('a JPEG with any comment (and several pictures back to back, as a phone’s MPF file, or zero padding)', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 2_000 }), fc.nat(8), (datos, ceros) => {
        const j = conComentario(JPEG_ACTA, datos);
        expect(regla(j)).toBeNull();
        expect(regla(unir(j, JPEG_ACTA, new Uint8Array(ceros)))).toBeNull();
      }),
    );
  });

  it('a PDF whose names appear only in strings or in stream data, and a clean object stream', () => {
    expect(regla(pdfCon('/Title (/JavaScript /Launch)'))).toBeNull();
    expect(regla(pdfConObjetos('2 0 << /Type /Catalog /Pages 3 0 R >>'))).toBeNull();
  });
});

describe('revisarEstructura: what is refused, and by which rule', () => {
  it('the review’s JPEG: a JPEG header followed by a page with a script', () => {
    const html = ascii('<html><script>alert(document.cookie)</script></html>');
    expect(regla(unir(b(0xff, 0xd8, 0xff, 0xe0), html))).toBe('JPEG_TRUNCADO');
    expect(regla(unir(JPEG_ACTA, html))).toBe('JPEG_DATOS_TRAS_EOI');
    expect(regla(unir(PNG_ACTA, html))).toBe('PNG_DATOS_TRAS_IEND');
    expect(regla(unir(PDF_ACTA, html))).toBe('PDF_SIN_EOF');
  });

  it('any bytes after the end of a JPEG or PNG', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 1, maxLength: 64 }).filter((x) => x.some((y) => y !== 0) && !(x[0] === 0xff && x[1] === 0xd8)), (cola) => {
        expect(regla(unir(JPEG_ACTA, cola))).toBe('JPEG_DATOS_TRAS_EOI');
        expect(regla(unir(PNG_ACTA, cola))).toBe('PNG_DATOS_TRAS_IEND');
      }),
    );
  });

  it('every truncation of a JPEG, PNG or PDF', () => {
    const fin = texto(PDF_ACTA).lastIndexOf('%%EOF') + 5;
    fc.assert(
      fc.property(fc.nat(), (n) => {
        expect(regla(JPEG_ACTA.subarray(0, 4 + (n % (JPEG_ACTA.length - 4))))).not.toBeNull();
        expect(regla(PNG_ACTA.subarray(0, 9 + (n % (PNG_ACTA.length - 9))))).not.toBeNull();
        expect(regla(PDF_ACTA.subarray(0, 6 + (n % (fin - 6))))).not.toBeNull();
      }),
    );
  });

  it('any changed byte of a PNG (after its signature) breaks a length, a type or a CRC', () => {
    fc.assert(
      fc.property(fc.integer({ min: 8, max: PNG_ACTA.length - 1 }), fc.integer({ min: 1, max: 255 }), (i, x) => {
        const otro = PNG_ACTA.slice();
        otro[i]! ^= x;
        expect(regla(otro)).not.toBeNull();
      }),
    );
  });

  it('a signature followed by anything random is never taken for a clean file', () => {
    const firmas = [b(0xff, 0xd8, 0xff), b(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a), ascii('%PDF-1.4\n')];
    fc.assert(
      fc.property(fc.constantFrom(...firmas), fc.uint8Array({ minLength: 1, maxLength: 300 }), (firma, resto) => {
        expect(REGLAS_IMAGEN).toContain(regla(unir(firma, resto)));
      }),
    );
  });

  it('a PDF naming an action that runs code, opens or embeds files — also with #xx escapes in the name', () => {
    const acciones = ['JavaScript', 'JS', 'Launch', 'EmbeddedFile', 'EmbeddedFiles', 'AA', 'RichMedia', 'XFA', 'SubmitForm', 'GoToR'];
    fc.assert(
      fc.property(fc.constantFrom(...acciones), fc.array(fc.boolean(), { minLength: 12, maxLength: 12 }), (accion, escapar) => {
        const escrito = [...accion].map((c, k) => (escapar[k] ? `#${c.charCodeAt(0).toString(16)}` : c)).join('');
        expect(regla(pdfCon(`/OpenAction << /S /${escrito} /F (x) >>`))).toBe('PDF_ACCION_PROHIBIDA');
      }),
    );
    expect(regla(pdfCon('/OpenAction << /S /J#61vaScript /JS (app.alert(1)) >>'))).toBe('PDF_ACCION_PROHIBIDA');
    expect(regla(pdfCon('/OpenAction [3 0 R /Fit]'))).toBeNull();
  });

  it('a PDF hiding its script in an object stream, or in one it cannot read, or encrypted', () => {
    expect(regla(pdfConObjetos('2 0 << /Type /Catalog /OpenAction << /S /JavaScript /JS (x) >> >>'))).toBe('PDF_ACCION_PROHIBIDA');
    expect(regla(pdfConObjetos('2 0 << /Type /Catalog >>', '/Filter /LZWDecode'))).toBe('PDF_FLUJO_NO_INSPECCIONABLE');
    expect(regla(pdfConObjetos('2 0 << /Type /Catalog >>', '/Filter /FlateDecode', false))).toBe('PDF_FLUJO_NO_INSPECCIONABLE');
    expect(regla(pdfCon('/Encrypt 9 0 R'))).toBe('PDF_CIFRADO');
  });

  it('a PDF whose stream lengths do not lead to endstream', () => {
    expect(regla(ascii(texto(PDF_ACTA).replace('/Length 104', '/Length 90')))).toBe('PDF_ESTRUCTURA');
    expect(regla(ascii(texto(PDF_ACTA).replace('%PDF-1.4', '%PDF-x.4')))).toBe('PDF_ENCABEZADO');
  });
});
