import { describe, expect, it } from 'vitest';
import { diferencia, nombreDePeticion, peticionesPorActa, resumir, tablaLatencias } from './catd-informe.ts';

describe('catd-informe', () => {
  it('names a request by method and path, with the clave as {clave} and no query', () => {
    expect(nombreDePeticion('post', 'http://127.0.0.1:8787/api/v1/actas/140338B01004/capturas')).toBe('POST /api/v1/actas/{clave}/capturas');
    expect(nombreDePeticion('GET', 'http://h/api/v1/actas/FC-3/imagen?origen=CATD')).toBe('GET /api/v1/actas/{clave}/imagen');
    expect(nombreDePeticion('POST', 'http://h/api/v1/acopio')).toBe('POST /api/v1/acopio');
  });

  it('counts the requests per acta, most frequent first, with fractions when not every acta made one', () => {
    const porActa = [
      ['POST /a', 'GET /b', 'GET /c'],
      ['POST /a', 'GET /b', 'GET /c', 'GET /cola'],
    ];
    expect(peticionesPorActa(porActa)).toBe('3.5: 1 × `GET /b`, 1 × `GET /c`, 1 × `POST /a`, 0.5 × `GET /cola`');
    expect(peticionesPorActa([])).toBe('—');
  });

  it('gives the difference of the medians with their ratio, and the difference of the p95s, signed', () => {
    const base = resumir([10, 20, 30, 40]);
    expect(base).toEqual({ n: 4, p50: 20, p95: 40 });
    expect(diferencia(resumir([25, 35, 45, 55]), base)).toBe('+15.0 (×1.8) / +15.0');
    expect(diferencia(resumir([5, 10, 15, 20]), base)).toBe('−10.0 (×0.5) / −20.0');
  });

  it('writes one table row per measure, the difference only where there is a baseline', () => {
    const api = resumir([100]);
    const t = tablaLatencias([
      { que: 'API', medida: api, contra: null },
      { que: 'pantalla', medida: resumir([150]), contra: api },
    ]).split('\n');
    expect(t).toHaveLength(4);
    expect(t[2]).toBe('| API | 1 | 100.0 | 100.0 |  |');
    expect(t[3]).toBe('| pantalla | 1 | 150.0 | 150.0 | +50.0 (×1.5) / +50.0 |');
  });
});
