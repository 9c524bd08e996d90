// The difusor widget's card rendered (preact-render-to-string) from a summary: what a reader of another site sees.
import { h } from 'preact';
import { render } from 'preact-render-to-string';
import { describe, expect, it } from 'vitest';
import type { Figuras } from '../../worker/domain/contrato/index.ts';
import { porcentaje } from '../lib/formato.ts';
import type { CorteInfo, EleccionInfo, Resultados } from '../lib/modelo.ts';
import type { Catalogo } from '../lib/opciones.ts';
import { resumenWidget } from '../lib/widget.ts';
import { TarjetaWidget, type Tarjeta } from './Widget.tsx';

const catalogo = {
  partidos: [
    { siglas: 'PAN', nombre: 'Partido Acción Nacional', color: '#0050a0' },
    { siglas: 'MC', nombre: 'Movimiento Ciudadano', color: '#ff8000' },
    { siglas: 'PT', nombre: 'Partido del Trabajo', color: '#c00000' },
    { siglas: 'PV', nombre: 'Partido Verde', color: '#00a000' },
  ],
  coaliciones: [],
} as unknown as Catalogo;
const corte: CorteInfo = { numero: 7, instante: Date.UTC(2024, 5, 3, 2, 5), offsetMinutes: -360, final: false, entidad: { id: 14, nombre: 'Jalisco', sintetico: true } };
const resultados = {
  figuras: { TOTAL_VOTOS_C_CS: 2000, PORCENTAJE_ACTAS_CONTABILIZADAS: 61.25 } as unknown as Figuras,
  votos: {},
  candidaturas: { PAN: 500, MC: 900, PT: 300, PV: 100 },
} as Resultados;
const resumen = (c: CorteInfo = corte) => resumenWidget({ codigo: 'GUB', nombre: 'Gubernatura' } as EleccionInfo, resultados, catalogo, c);
const tarjeta = (t: Partial<Tarjeta>) => render(h(TarjetaWidget, { e: 'GUB', resumen: resumen(), simulacro: null, mensaje: '', aviso: null, ...t }));
const texto = (html: string) => html.replace(/<[^>]+>/g, '').replace(/\s+/g, ' ');

describe('TarjetaWidget', () => {
  it('shows the election, who leads with votes and %, the three first as bars, % contabilizadas and the corte', () => {
    const html = tarjeta({});
    expect(texto(html)).toContain('Gubernatura');
    expect(texto(html)).toContain(`Va adelante MC: 900 votos (${porcentaje(45)})`);
    expect([...html.matchAll(/data-candidatura="([^"]+)"/g)].map((m) => m[1])).toEqual(['MC', 'PAN', 'PT']);
    expect(texto(html)).toContain(`${porcentaje(61.25)} de las actas contabilizadas`);
    expect(texto(html)).toContain('Corte nº 7, 02/06/2024, 20:05 (UTC-6)');
    expect(html).toContain('href="/eleccion/?e=GUB" target="_blank" rel="noopener"');
    expect(html).not.toContain('SIMULACRO');
    expect(html).not.toContain('data-widget="aviso"');
  });

  it('names the final corte, says SIMULACRO in a rehearsal, and keeps the figures under an offline note', () => {
    const html = tarjeta({ resumen: resumen({ ...corte, final: true }), simulacro: 'Simulacro 1', aviso: 'Sin conexión.' });
    expect(texto(html)).toContain('Corte final, 02/06/2024');
    expect(texto(html)).toContain('SIMULACRO Simulacro 1');
    expect(html).toMatch(/<div role="status"><p class="w-aviso" data-widget="aviso">Sin conexión.<\/p><\/div>/);
    expect(texto(html)).toContain('900 votos');
  });

  it('says what is missing instead of figures', () => {
    const html = tarjeta({ resumen: null, mensaje: 'La elección «XYZ» no existe en este PREP.', aviso: 'Sin conexión.' });
    expect(texto(html)).toContain('La elección «XYZ» no existe en este PREP.');
    expect(html).not.toContain('data-widget="aviso"');
    expect(html).toContain('aria-busy="true"');
  });
});
