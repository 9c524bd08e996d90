import { describe, expect, it } from 'vitest';
import type { Figuras } from '../../worker/domain/contrato/index.ts';
import type { CorteInfo, EleccionInfo, Resultados } from './modelo.ts';
import type { Catalogo } from './opciones.ts';
import { PREFIJO_ENMARCABLE } from '../../worker/api/middleware/seguridad/politica.ts';
import { avisoWidget, eleccionDeUrl, etiquetaCorteWidget, RUTA_WIDGET, resumenWidget, snippetWidget } from './widget.ts';

const eleccion = { codigo: 'GUB', nombre: 'Gubernatura', territorio: 'entidad' } as unknown as EleccionInfo;
const catalogo: Catalogo = {
  partidos: [
    { siglas: 'PAN', nombre: 'Partido Acción Nacional', color: '#0050a0' },
    { siglas: 'PRI', nombre: 'Partido Revolucionario Institucional', color: '#e00000' },
    { siglas: 'MC', nombre: 'Movimiento Ciudadano', color: '#ff8000' },
    { siglas: 'PT', nombre: 'Partido del Trabajo', color: '#c00000' },
  ],
  coaliciones: [{ id: 'C1', nombre: 'Fuerza y Corazón', partidos: ['PAN', 'PRI'] }],
} as unknown as Catalogo;
const corte: CorteInfo = {
  numero: 12,
  instante: Date.UTC(2024, 5, 3, 2, 5),
  offsetMinutes: -360,
  final: false,
  entidad: { id: 14, nombre: 'Jalisco', sintetico: true },
};
const resultados = (candidaturas: Record<string, number>, total: number): Resultados =>
  ({
    figuras: { TOTAL_VOTOS_C_CS: total, PORCENTAJE_ACTAS_CONTABILIZADAS: 45.6789 } as unknown as Figuras,
    votos: {},
    candidaturas,
  }) as Resultados;

describe('resumenWidget', () => {
  it('draws the three candidaturas with most votes, with the shares and leader the portal shows', () => {
    // 1000 votes in all (nulos included): C1 41.2 %, MC 33.3 %, PT 20.0 %; X, fourth, is left out.
    const r = resumenWidget(eleccion, resultados({ PT: 200, C1: 412, MC: 333, X: 3 }, 1000), catalogo, corte);
    expect(r.barras.map((b) => [b.id, b.etiqueta, b.votos, b.porcentaje])).toEqual([
      ['C1', 'Fuerza y Corazón', 412, 41.2],
      ['MC', 'MC', 333, 33.3],
      ['PT', 'PT', 200, 20],
    ]);
    expect(r.barras[0]!.colores).toEqual(['#0050a0', '#e00000']);
    expect(r.respuesta).toMatchObject({ tipo: 'lider', primero: { id: 'C1', votos: 412, porcentaje: 41.2 }, ventajaVotos: 79 });
    expect(r.contabilizadas).toBe(45.6789);
    expect(r.href).toBe('/eleccion/?e=GUB');
    expect(r.corte).toBe('Corte nº 12, 02/06/2024, 20:05 (UTC-6)');
  });

  it('draws no bar for a candidatura without votes, and says nothing is counted yet', () => {
    const r = resumenWidget(eleccion, resultados({ C1: 0, MC: 0 }, 0), catalogo, corte);
    expect(r.barras).toEqual([]);
    expect(r.respuesta).toEqual({ tipo: 'sin-votos' });
  });

  it('names the last corte of the night "Corte final"', () => {
    expect(etiquetaCorteWidget({ numero: 52, final: true })).toBe('Corte final');
    expect(etiquetaCorteWidget({ numero: 3, final: false })).toBe('Corte nº 3');
    expect(resumenWidget(eleccion, resultados({ MC: 1 }, 1), catalogo, { ...corte, final: true }).corte).toMatch(/^Corte final, 02\/06\/2024/);
  });
});

describe('eleccionDeUrl', () => {
  it('reads the election code, and nothing that is not one', () => {
    expect(eleccionDeUrl('?e=GUB')).toBe('GUB');
    expect(eleccionDeUrl('?e=dip_loc&x=1')).toBe('DIP_LOC');
    expect(eleccionDeUrl('')).toBeNull();
    expect(eleccionDeUrl('?e=<script>')).toBeNull();
  });
});

describe('avisoWidget', () => {
  it('keeps the last figures and says when they arrived', () => {
    expect(avisoWidget('Sin conexión.', Date.UTC(2024, 5, 3, 2, 5), -360)).toBe('Sin conexión. Cifras recibidas a las 20:05 (UTC-6); se vuelve a intentar cada minuto.');
    expect(avisoWidget('Sin conexión.', null, null)).toBe('Sin conexión. Se vuelve a intentar cada minuto.');
  });
});

describe('snippetWidget', () => {
  it('points at the one path the security headers let other sites frame', () => {
    expect(RUTA_WIDGET).toBe(PREFIJO_ENMARCABLE);
  });

  it('frames this portal’s widget for one election, lazily, with a title', () => {
    expect(snippetWidget('https://prep.example', { codigo: 'GUB', nombre: 'Gubernatura "2024"' })).toBe(
      '<iframe src="https://prep.example/difusor/widget/?e=GUB" title="PREP: Gubernatura &quot;2024&quot;, resultados preliminares" width="400" height="440" style="max-width:100%;border:0" loading="lazy"></iframe>',
    );
  });
});
