import { describe, expect, it } from 'vitest';
import { ActaPublicadaSchema } from '../acta/publicada.ts';
import { AHORA, capturaGub, enCaptura } from '../../../test/ejemplos/captura.ts';
import type { ActaEstado } from './estado.ts';
import { actaPublicada, cambioPublico } from './publicacion.ts';

const verificada = (e: ActaEstado): ActaEstado => ({
  ...e,
  etapa: 'VERIFICADA',
  verificada: { captura: capturaGub(4), ronda: 1, capturaAt: AHORA, at: AHORA + 1, atServidor: AHORA + 1, operador: null },
});

describe('actaPublicada', () => {
  it('an acta being captured is not public yet', () => {
    expect(actaPublicada(enCaptura().estado)).toBeNull();
  });

  it('a verified acta publishes its figures, image, times and cotejo state', () => {
    const p = actaPublicada(verificada(enCaptura().estado))!;
    expect(ActaPublicadaSchema.parse(p)).toEqual(p);
    expect(p).toMatchObject({
      clave: '140338B01004',
      registro: 'captura',
      captura: capturaGub(4),
      imagen: { sha256: 'a'.repeat(64), mime: 'image/jpeg', origen: 'CATD', digitalizacion: 'ESCANER', tipoDocumento: 'ACTA_PREP' },
      acopioAt: AHORA - 120_000,
      capturaAt: AHORA,
      verificacionAt: AHORA + 1,
      cotejada: 0,
    });
  });

  it('sin acta is public at once, registered at its acopio time', () => {
    const e = enCaptura().estado;
    const sin: ActaEstado = { ...e, registro: 'sin_acta', etapa: 'SIN_ACTA', imagen: null, acopio: { ...e.acopio!, motivoSinActa: 'SIN_SOBRE' } };
    expect(actaPublicada(sin)).toMatchObject({ registro: 'sin_acta', motivoSinActa: 'SIN_SOBRE', captura: null, capturaAt: AHORA - 120_000, verificacionAt: AHORA - 120_000 });
  });

  it('fuera de catálogo is public at once, with figures only once verified', () => {
    const e: ActaEstado = { ...enCaptura().estado, clave: 'FC-9', esperada: false, registro: 'fuera_catalogo' };
    expect(actaPublicada(e)).toMatchObject({ clave: 'FC-9', registro: 'fuera_catalogo', captura: null, capturaAt: null });
    expect(actaPublicada(verificada(e))).toMatchObject({ captura: capturaGub(4) });
  });
});

describe('cambioPublico', () => {
  it('appends only when the public state changes', () => {
    const antes = verificada(enCaptura().estado);
    expect(cambioPublico(null, enCaptura().estado)).toBeNull();
    expect(cambioPublico(enCaptura().estado, antes)).not.toBeNull();
    expect(cambioPublico(antes, { ...antes, capturistas: ['x'], etapaDesde: 1 })).toBeNull();
    expect(cambioPublico(antes, { ...antes, cotejada: 3, etapa: 'CAPTURA' })).toMatchObject({ cotejada: 3, captura: capturaGub(4) });
    expect(cambioPublico(antes, { ...antes, imagen: { ...antes.imagen!, sha256: 'b'.repeat(64) } })).toMatchObject({ imagen: { sha256: 'b'.repeat(64) } });
  });
});
