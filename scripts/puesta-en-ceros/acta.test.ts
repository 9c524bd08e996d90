import { describe, expect, it } from 'vitest';
import { fechaActa, husoDe, textoActaCierre, textoActaPuesta, type DatosCierre, type DatosPuesta } from './acta.ts';

// 2026-12-04T22:08:42Z: 16:08:42 in UTC-06:00.
const AT = Date.UTC(2026, 11, 4, 22, 8, 42);
const H = (c: string) => c.repeat(64);
const anchoMaximo = (t: string) => Math.max(...t.split('\n').map((l) => l.length));
const IDENTIDAD = { commit: '1'.repeat(40), workerSha256: H('2'), portalSha256: H('3') };
const BASE = { entidad: 'Jalisco', sintetico: true, utcOffsetMinutes: -360, entorno: 'pruebas', at: AT, entrada: { id: 1, hash: H('a'), prevHash: H('0') } };

const PUESTA: DatosPuesta = {
  ...BASE,
  identidad: IDENTIDAD,
  catalogoSha256: H('c'),
  configuracionSha256: H('d'),
  catalogo: { elecciones: 3, casillas: 10_432, actasEsperadas: 31_296, catds: 20, filas: 45_000 },
  cortes: { jornada: '2027-06-06', cadenciaMinutos: 5 },
  conteos: { actas: 0, capturas: 0, imagenes: 0, publicaciones: 0, cortes: 0, idempotencia: 0, solicitudes: 0, secuencia: 0, bitacora: 0, objetosR2: 0 },
  personal: { operadores: 0, tokens: 0 },
};

describe('puesta en ceros: the acts', () => {
  it('writes dates in es-MX in the entidad offset, with the instant in UTC', () => {
    expect(husoDe(-360)).toBe('-06:00');
    expect(husoDe(330)).toBe('+05:30');
    expect(fechaActa(AT, -360)).toBe('4 de diciembre de 2026 a las 16:08:42 (UTC-06:00)');
  });

  it('the puesta en ceros act carries the time, every hash and the counts, labelled SIMULACRO outside produccion', () => {
    const t = textoActaPuesta(PUESTA);
    expect(t.split('\n')[0]).toBe('ACTA DE PUESTA EN CEROS DEL PREP   *** SIMULACRO / PRUEBA ***');
    for (const h of [H('a'), H('0'), H('c'), H('d'), IDENTIDAD.commit, IDENTIDAD.workerSha256, IDENTIDAD.portalSha256]) expect(t).toContain(h);
    expect(t).toMatch(/Fecha y hora: +4 de diciembre de 2026 a las 16:08:42 \(UTC-06:00\)\n {4}en UTC: +2026-12-04T22:08:42\.000Z\n/);
    expect(t).toMatch(/casillas: +10,432\n/);
    expect(t).toMatch(/Actas registradas: +0\n/);
    expect(t).toMatch(/Firmas/);
    expect(anchoMaximo(t)).toBeLessThanOrEqual(100);
    expect(textoActaPuesta({ ...PUESTA, entorno: 'produccion' }).split('\n')[0]).toBe('ACTA DE PUESTA EN CEROS DEL PREP');
    expect(textoActaPuesta({ ...PUESTA, conteos: { ...PUESTA.conteos, objetosR2: null } })).toMatch(/Objetos en R2 \(publicación\): +no revisado/);
  });

  it('the closing act sums the actas by stage and names the last corte and the chain tip', () => {
    const d: DatosCierre = {
      ...BASE,
      entorno: 'produccion',
      at: AT + 3_600_000,
      entrada: { id: 900, hash: H('e'), prevHash: H('f') },
      puesta: { id: 1, at: AT, hash: H('a') },
      identidad: IDENTIDAD,
      mismaIdentidad: false,
      actasPorEtapa: { VERIFICADA: 1_200, CAPTURA: 34 },
      capturas: 2_500,
      imagenes: 1_300,
      cortes: 12,
      ultimoCorte: { numero: 12, final: true, manifiestoSha256: H('9'), instante: AT + 3_000_000 },
      cadena: { integra: true, entradas: 899, puntaHash: H('f') },
    };
    const t = textoActaCierre(d);
    expect(t.split('\n')[0]).toBe('ACTA DE CIERRE DEL PREP');
    expect(t).toMatch(/Actas registradas: +1,234\n {4}CAPTURA: +34\n {4}VERIFICADA: +1,200\n/);
    expect(t).toMatch(/Último corte: +núm\. 12 \(final\), 4 de diciembre de 2026 a las 16:58:42/);
    expect(t).toContain(H('9'));
    expect(t).toMatch(/¿Igual a la de la puesta\?: +NO/);
    expect(t).toMatch(/Cadena de hashes: +íntegra\n {2}Hash de la punta: +f{64}/);
    expect(anchoMaximo(t)).toBeLessThanOrEqual(100);
  });
});
