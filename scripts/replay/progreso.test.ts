import { describe, expect, it } from 'vitest';
import { anotarActa, anotarPaso, clasePaso, desenlaceDe, lineaFinal, lineasProgreso, progresoEnvio, ritmo, VENTANA_MS } from './progreso.ts';

const captura = [{ paso: 'ACOPIO' }, { paso: 'IMAGEN' }, { paso: 'CAPTURA' }, { paso: 'CAPTURA' }] as const;
const sinActa = [{ paso: 'ACOPIO' }] as const;
const correccion = [{ paso: 'COTEJO' }, { paso: 'CAPTURA' }, { paso: 'CAPTURA' }] as const;

/** Sends one acta's steps at `ms`, one ms apart, and closes it. */
function enviar(p: ReturnType<typeof progresoEnvio>, pasos: readonly { paso: 'ACOPIO' | 'IMAGEN' | 'CAPTURA' | 'COTEJO' }[], ms: number, tipo: 'captura' | 'sin_acta' | 'fuera_catalogo' = 'captura', falla: string | null = null) {
  for (const n of pasos.keys()) anotarPaso(p, clasePaso(pasos, n), ms + n);
  anotarActa(p, desenlaceDe(tipo, pasos, falla), ms + pasos.length);
}

describe('replay progress: steps and outcomes', () => {
  it('tells the 1st capture from the 2nd, the one that verifies the acta', () => {
    expect(captura.map((_, n) => clasePaso(captura, n))).toEqual(['acopio', 'imagen', 'captura 1', 'captura 2 → verificada']);
    expect(correccion.map((_, n) => clasePaso(correccion, n))).toEqual(['cotejo', 'captura 1', 'captura 2 → verificada']);
  });

  it('names how an acta ended: refused first, then corrected, then by what the file registered', () => {
    expect(desenlaceDe('captura', captura, null)).toBe('verificada');
    expect(desenlaceDe('sin_acta', sinActa, null)).toBe('sin_acta');
    expect(desenlaceDe('fuera_catalogo', captura, null)).toBe('fuera_catalogo');
    expect(desenlaceDe('captura', correccion, null)).toBe('corregida');
    expect(desenlaceDe('captura', correccion, 'cotejo (…): HTTP 409')).toBe('rechazada');
  });

  it('counts requests by step and actas by outcome', () => {
    const p = progresoEnvio([4, 4, 1, 4], 0);
    enviar(p, captura, 10);
    enviar(p, captura, 20, 'fuera_catalogo');
    enviar(p, sinActa, 30, 'sin_acta');
    expect(p.pasos).toEqual({ acopio: 3, imagen: 2, 'captura 1': 2, 'captura 2 → verificada': 2, cotejo: 0 });
    expect(p.desenlaces).toEqual({ verificada: 1, sin_acta: 1, fuera_catalogo: 1, corregida: 0, rechazada: 0 });
    expect([p.terminadas, p.solicitudes, p.actas, p.solicitudesPlaneadas]).toEqual([3, 9, 4, 13]);
  });
});

describe('replay progress: rates and time left', () => {
  it('measures requests and actas per second and the time left from the requests still to send', () => {
    // 10 captured actas of 4 requests, one acta every 100 ms: 40 requests/s, 10 actas/s.
    const p = progresoEnvio(Array(20).fill(4), 1_000);
    for (let i = 0; i < 10; i++) {
      for (const n of captura.keys()) anotarPaso(p, clasePaso(captura, n), 1_000 + i * 100 + (n + 1) * 25);
      anotarActa(p, 'verificada', 1_000 + (i + 1) * 100);
    }
    const r = ritmo(p, 2_000);
    expect(r.segundos).toBe(1);
    expect(r.solicitudesPorSegundo).toBeCloseTo(40, 6);
    expect(r.actasPorSegundo).toBeCloseTo(10, 6);
    // 40 requests left at 40/s.
    expect(r.restanteMs).toBeCloseTo(1_000, 6);
  });

  it('has no time left to guess before the first answer, and none left at the end', () => {
    const p = progresoEnvio([1], 0);
    expect(ritmo(p, 500).restanteMs).toBeNull();
    enviar(p, sinActa, 100, 'sin_acta');
    expect(ritmo(p, 500).restanteMs).toBe(0);
  });

  it('follows the recent rate, not the average since the start', () => {
    const p = progresoEnvio(Array(1_000).fill(1), 0);
    // A slow minute (1 acta/s), then 20 s at 10 actas/s.
    for (let s = 1; s <= 60; s++) enviar(p, sinActa, s * 1_000 - 1, 'sin_acta');
    for (let i = 1; i <= 200; i++) enviar(p, sinActa, 60_000 + i * 100 - 1, 'sin_acta');
    const r = ritmo(p, 80_000);
    expect(r.actasPorSegundo).toBeGreaterThan(9.5);
    expect(r.actasPorSegundo).toBeLessThanOrEqual(10.1);
    expect(p.muestras[1]!.ms).toBeGreaterThan(80_000 - VENTANA_MS);
    expect(p.muestras.length).toBeLessThan(2 * 10 * (VENTANA_MS / 1_000) + 3);
  });
});

describe('replay progress: the lines', () => {
  it('shows progress, rates, elapsed and left; steps and outcomes; refusals, retries, in flight (es-MX numbers)', () => {
    const p = progresoEnvio(Array(2_000).fill(4), 0);
    for (let i = 0; i < 1_500; i++) enviar(p, captura, i * 10);
    enviar(p, captura, 15_000, 'captura', 'imagen (…): HTTP 413 IMAGEN_DEMASIADO_GRANDE');
    p.reintentos = 3;
    p.enVuelo = 8;
    const [uno, dos, tres] = lineasProgreso(p, 15_010, 'GUB');
    expect(uno).toMatch(/^GUB ▕█+░+▏ {2}75 % {2}actas 1,501\/2,000 · \d+\.\d actas\/s · \d+\.\d solicitudes\/s · transcurrido 0:15 · falta 0:0\d$/);
    expect(dos).toBe(
      'solicitudes 6,004/8,000: acopio 1,501 · imagen 1,501 · captura 1 1,501 · captura 2 → verificada 1,501 │ actas: verificadas 1,500 · sin acta 0 · fuera de catálogo 0',
    );
    expect(tres).toBe('rechazadas 1 · reintentos 3 · en vuelo 8');
  });

  it('shows the cotejo column and the corrected actas only in a corte that corrects some', () => {
    const p = progresoEnvio([3], 0);
    expect(lineasProgreso(p, 0)[1]).not.toMatch(/cotejo|corregidas/);
    expect(lineasProgreso(p, 0)[0]).toMatch(/^envío .* falta —$/);
    enviar(p, correccion, 10);
    expect(lineasProgreso(p, 20)[1]).toMatch(/· cotejo 1 │ .* · corregidas 1$/);
  });

  it('closes with what was sent, its rate over the whole run and how the actas ended', () => {
    const p = progresoEnvio([4, 1, 4, 4], 0);
    enviar(p, captura, 0);
    enviar(p, sinActa, 100, 'sin_acta');
    enviar(p, captura, 200, 'fuera_catalogo');
    enviar(p, captura, 300, 'captura', 'captura (…): HTTP 422');
    expect(lineaFinal(p, 2_000, 'red: 2')).toBe(
      '4 actas enviadas por la API en 2.0 s (2.0 actas/s, 13 solicitudes, 6.5 por segundo): 1 verificadas, 1 sin acta, 1 fuera de catálogo, 1 rechazadas; reintentos: red: 2',
    );
    expect(lineaFinal(progresoEnvio([], 0), 0, '')).toBe(
      '0 actas enviadas por la API en 0.0 s (0.0 actas/s, 0 solicitudes, 0.0 por segundo): 0 verificadas, 0 sin acta, 0 fuera de catálogo, 0 rechazadas',
    );
  });
});
