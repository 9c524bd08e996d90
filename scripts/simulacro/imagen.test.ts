import jsQRImportado from 'jsqr';
import { readFileSync } from 'node:fs';
import { crc32, inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import type { ActaEsperada } from '../../worker/domain/acta/esperadas.ts';
import { ILEGIBLE, SIN_DATO, type Captura } from '../../worker/domain/acta/esquema.ts';
import { tipoPorContenido } from '../../worker/domain/captura/tipo-imagen.ts';
import { generarJalisco } from '../generador/generar.ts';
import { tieneGlifo } from './fuente.ts';
import { altoActa, ANCHO_ACTA, COLOR, type Caja } from './formulario.ts';
import { figurasEnPapel, Imprenta } from './imagen.ts';
import { paletaDe } from './paleta.ts';
import { planNoche, type PlanActa } from './plan.ts';

// jsqr is a CommonJS bundle whose export is `{ default: jsQR }`; depending on the loader's interop it arrives as
// the function or as that object.
const jsQR = typeof jsQRImportado === 'function' ? jsQRImportado : (jsQRImportado as unknown as { default: typeof jsQRImportado }).default;

const cat = generarJalisco(2024);
// The night `npm start` replays by default (seed 2024), whose acta the README shows.
const plan = planNoche(cat, 2024);
const imprenta = new Imprenta(cat);

interface Decodificada {
  ancho: number;
  alto: number;
  paleta: number[];
  /** Palette index of every pixel, row by row. */
  indices: Uint8Array;
  comentario: string;
}

/** A strict reader of the PNGs the simulacro writes: every chunk's CRC, IHDR, PLTE, the filtered rows. */
function decodificar(png: Uint8Array): Decodificada {
  const b = Buffer.from(png);
  expect(b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))).toBe(true);
  const trozos: { tipo: string; datos: Buffer }[] = [];
  for (let i = 8; i < b.length; ) {
    const largo = b.readUInt32BE(i);
    const tipo = b.subarray(i + 4, i + 8).toString('latin1');
    const datos = b.subarray(i + 8, i + 8 + largo);
    expect(crc32(b.subarray(i + 4, i + 8 + largo)) >>> 0, `CRC de ${tipo}`).toBe(b.readUInt32BE(i + 8 + largo));
    trozos.push({ tipo, datos });
    i += 12 + largo;
  }
  expect(trozos.map((t) => t.tipo)).toEqual(['IHDR', 'PLTE', 'tEXt', 'IDAT', 'IEND']);
  const ihdr = trozos[0]!.datos;
  const [ancho, alto] = [ihdr.readUInt32BE(0), ihdr.readUInt32BE(4)];
  expect([...ihdr.subarray(8)]).toEqual([4, 3, 0, 0, 0]); // 4-bit indexed, deflate, no interlace
  const plte = trozos[1]!.datos;
  const paleta = Array.from({ length: plte.length / 3 }, (_, i) => plte.readUIntBE(i * 3, 3));
  const paso = 1 + Math.ceil(ancho / 2);
  const filas = inflateSync(trozos[3]!.datos);
  expect(filas.length).toBe(paso * alto);
  const indices = new Uint8Array(ancho * alto);
  const filtros = new Set<number>();
  let maximo = 0;
  for (let y = 0; y < alto; y++) {
    filtros.add(filas[y * paso]!);
    for (let x = 0; x < ancho; x++) {
      const byte = filas[y * paso + 1 + (x >> 1)]!;
      const i = x & 1 ? byte & 0x0f : byte >> 4;
      maximo = Math.max(maximo, i);
      indices[y * ancho + x] = i;
    }
  }
  expect([...filtros]).toEqual([0]); // filter: none on every row
  expect(maximo).toBeLessThan(paleta.length);
  return { ancho, alto, paleta, indices, comentario: trozos[2]!.datos.toString('latin1') };
}

function rgba(d: Decodificada): Uint8ClampedArray {
  const out = new Uint8ClampedArray(d.ancho * d.alto * 4);
  d.indices.forEach((i, p) => {
    const c = d.paleta[i]!;
    out.set([c >> 16, (c >> 8) & 0xff, c & 0xff, 255], p * 4);
  });
  return out;
}

/** The palette indices inside a figure's box (its frame excluded). */
function interior(d: Decodificada, c: Caja): number[] {
  const r: number[] = [];
  for (let y = c.y + 1; y < c.y + c.alto - 1; y++) for (let x = c.x + 1; x < c.x + c.ancho - 1; x++) r.push(d.indices[y * d.ancho + x]!);
  return r;
}

const imagen = (a: PlanActa, origen = 'CATD', toma = 1) => imprenta.imagen(a.esperada, figurasEnPapel(a), origen, toma);
const conCaptura = plan.actas.filter((a) => a.resultado.tipo === 'captura');
const votosDe = (a: PlanActa) => Object.entries(figurasEnPapel(a)!.votos);

/** A few actas of every election, of the smallest and the largest ballot, and every kind of hard case. */
function muestra(): PlanActa[] {
  const r: PlanActa[] = [];
  for (const e of cat.elecciones) {
    const suyas = conCaptura.filter((a) => a.esperada.eleccion.codigo === e.codigo);
    const porColumnas = [...suyas].sort((a, b) => a.esperada.boleta.columnas.length - b.esperada.boleta.columnas.length);
    r.push(porColumnas[0]!, porColumnas.at(-1)!, suyas[Math.floor(suyas.length / 2)]!);
  }
  for (const caso of [ILEGIBLE, SIN_DATO]) {
    r.push(conCaptura.find((a) => votosDe(a).every(([, v]) => v === caso))!);
    r.push(conCaptura.find((a) => votosDe(a).some(([, v]) => v === caso) && votosDe(a).some(([, v]) => typeof v === 'number'))!);
  }
  // A casilla especial and an extraordinaria (the synthetic Jalisco has no votes from abroad, tipo M).
  r.push(conCaptura.find((a) => a.esperada.casilla.tipo === 'S')!, conCaptura.find((a) => a.esperada.casilla.tipo === 'E')!);
  return r;
}

describe('the acta photos of a simulacro', () => {
  const actas = muestra();

  it('are PNGs the capture API recognizes, of the ballot form’s size, at most 100 KB, over every election', () => {
    expect(new Set(actas.map((a) => a.esperada.eleccion.codigo)).size).toBe(cat.elecciones.length);
    for (const a of actas) {
      const png = imagen(a);
      expect(tipoPorContenido(png)).toBe('image/png');
      expect(png.length).toBeLessThanOrEqual(100 * 1024);
      const d = decodificar(png);
      expect([d.ancho, d.alto]).toEqual([ANCHO_ACTA, altoActa(a.esperada.boleta)]);
      expect(d.comentario).toBe(`Comment\0PREP simulacro: acta ${a.esperada.clave}, CATD, toma 1`);
    }
  });

  it('are deterministic: the same acta gives the same bytes, from a fresh printer too', () => {
    const otra = new Imprenta(generarJalisco(2024));
    for (const a of actas.slice(0, 4)) {
      const png = Buffer.from(imagen(a));
      expect(Buffer.from(imagen(a)).equals(png)).toBe(true);
      expect(Buffer.from(otra.imagen(a.esperada, figurasEnPapel(a), 'CATD')).equals(png)).toBe(true);
    }
  });

  it('differ per take (different integrity codes) while showing the same paper', () => {
    const a = actas[0]!;
    const tomas = [imagen(a), imagen(a, 'CASILLA'), imagen(a, 'CATD', 2)].map((p) => Buffer.from(p));
    expect(new Set(tomas.map((t) => t.toString('base64'))).size).toBe(3);
    const [x, y] = [decodificar(tomas[0]!), decodificar(tomas[1]!)];
    expect(Buffer.from(x.indices).equals(Buffer.from(y.indices))).toBe(true);
  });

  it('carry a QR code a reader decodes back to the CLAVE_ACTA, on a form of every election', () => {
    for (const e of cat.elecciones) {
      const a = actas.find((x) => x.esperada.eleccion.codigo === e.codigo)!;
      const d = decodificar(imagen(a));
      expect(jsQR(rgba(d), d.ancho, d.alto)?.data).toBe(a.esperada.clave);
    }
  });

  it('write each figure in pen in its own box; another figure changes only that box', () => {
    const a = conCaptura.find((x) => votosDe(x).every(([, v]) => typeof v === 'number'))!;
    const f = imprenta.formulario(a.esperada);
    const d = decodificar(imagen(a));
    for (const k of [...a.esperada.boleta.columnas, 'NULOS', 'TOTAL_PERSONAS_VOTARON', 'TOTAL_VOTOS_SACADOS']) {
      expect(interior(d, f.campos.get(k)!), k).toContain(COLOR.pluma);
    }
    const papel = figurasEnPapel(a)!;
    const cambiada: Captura = { ...papel, votos: { ...papel.votos, NULOS: (papel.votos.NULOS as number) + 7 } };
    const d2 = decodificar(imprenta.imagen(a.esperada, cambiada, 'CATD'));
    expect(interior(d2, f.campos.get('NULOS')!)).not.toEqual(interior(d, f.campos.get('NULOS')!));
    expect(interior(d2, f.campos.get('PAN')!)).toEqual(interior(d, f.campos.get('PAN')!));
  });

  it('smudge an Ilegible field past reading and leave a Sin dato one blank, as the plan says', () => {
    for (const caso of [ILEGIBLE, SIN_DATO]) {
      const a = conCaptura.find((x) => votosDe(x).some(([, v]) => v === caso) && votosDe(x).some(([, v]) => typeof v === 'number'))!;
      const f = imprenta.formulario(a.esperada);
      const d = decodificar(imagen(a));
      const [k] = votosDe(a).find(([, v]) => v === caso)!;
      const caja = interior(d, f.campos.get(k)!);
      // The same acta with a figure in that field: the box differs.
      const papel = figurasEnPapel(a)!;
      const limpia = decodificar(imprenta.imagen(a.esperada, { ...papel, votos: { ...papel.votos, [k]: 123 } }, 'CATD'));
      expect(caja).not.toEqual(interior(limpia, f.campos.get(k)!));
      if (caso === SIN_DATO) expect(new Set(caja)).toEqual(new Set([COLOR.papel]));
      else expect(caja.filter((i) => i === COLOR.mancha).length / caja.length).toBeGreaterThan(0.6);
    }
  });

  it('leave every vote box blank or smudged when the plan has the acta todos vacíos or todos ilegibles', () => {
    for (const caso of [ILEGIBLE, SIN_DATO]) {
      const a = conCaptura.find((x) => votosDe(x).every(([, v]) => v === caso))!;
      const f = imprenta.formulario(a.esperada);
      const d = decodificar(imagen(a));
      for (const [k] of votosDe(a)) {
        const caja = interior(d, f.campos.get(k)!);
        if (caso === SIN_DATO) expect(caja.every((i) => i === COLOR.papel), k).toBe(true);
        else expect(caja.filter((i) => i === COLOR.mancha).length / caja.length, k).toBeGreaterThan(0.6);
      }
    }
  });

  it('have a box for every vote column of the acta’s own ballot and every total', () => {
    for (const a of actas) {
      const f = imprenta.formulario(a.esperada);
      const claves = [...Object.keys(figurasEnPapel(a)!.votos), ...Object.keys(figurasEnPapel(a)!.totales)];
      expect([...f.campos.keys()].sort()).toEqual(claves.sort());
    }
  });

  it('print every name of the catalogue with the font’s own glyphs, and each party in its own colour', () => {
    const nombres = [cat.entidad.nombre, ...cat.elecciones.map((e) => e.nombre), ...cat.partidos.map((p) => p.nombre), ...cat.municipios.map((m) => m.nombre), ...cat.distritos.map((d) => d.cabecera)];
    const faltan = new Set([...nombres.join('')].filter((c) => !tieneGlifo(c)));
    expect([...faltan]).toEqual([]);
    const paleta = paletaDe(cat.partidos);
    expect(paleta.colores.length).toBeLessThanOrEqual(16);
    const partidos = cat.partidos.filter((p) => p.tipo === 'partido').map((p) => paleta.indice.get(p.siglas));
    expect(new Set(partidos).size).toBe(partidos.length);
  });
});

describe('the example in the README (docs/img/acta-simulacro.png)', () => {
  it('is, byte for byte, what the simulacro uploads for that acta today', () => {
    const ejemplo = readFileSync(new URL('../../docs/img/acta-simulacro.png', import.meta.url));
    expect(ejemplo.length).toBeLessThanOrEqual(100 * 1024);
    const clave = decodificar(ejemplo).comentario.match(/acta (\w+),/)![1];
    const a = plan.actas.find((x) => x.esperada.clave === clave)!;
    expect(votosDe(a).some(([, v]) => v === ILEGIBLE)).toBe(true);
    expect(Buffer.from(imagen(a)).equals(ejemplo)).toBe(true);
  });
});

describe('Imprenta', () => {
  it('draws one form per ballot and reuses it', () => {
    const a = conCaptura[0]!;
    const b = conCaptura.find((x) => x !== a && x.esperada.boleta === a.esperada.boleta)!;
    expect(imprenta.formulario(b.esperada)).toBe(imprenta.formulario(a.esperada));
    const e: ActaEsperada = conCaptura.find((x) => x.esperada.eleccion.codigo !== a.esperada.eleccion.codigo)!.esperada;
    expect(imprenta.formulario(e)).not.toBe(imprenta.formulario(a.esperada));
  });
});
