import { describe, expect, it } from 'vitest';
import { reconocerEleccion } from './eleccion.ts';

describe('reconocerEleccion', () => {
  it('knows the usual names, with or without accents and in any case', () => {
    expect(reconocerEleccion('PRESIDENCIA DE LA REPÚBLICA')).toEqual({ codigo: 'PRES', territorio: 'entidad' });
    expect(reconocerEleccion('Senadurías')).toEqual({ codigo: 'SEN', territorio: 'entidad' });
    expect(reconocerEleccion('Diputaciones Federales')).toEqual({ codigo: 'DIP_FED', territorio: 'distrito' });
    expect(reconocerEleccion('DIPUTACIONES LOCALES')).toEqual({ codigo: 'DIP_LOC', territorio: 'distrito' });
    expect(reconocerEleccion('Gubernatura')).toEqual({ codigo: 'GUB', territorio: 'entidad' });
    expect(reconocerEleccion('Jefatura de Gobierno')).toEqual({ codigo: 'GUB', territorio: 'entidad' });
    expect(reconocerEleccion('Munícipes')).toEqual({ codigo: 'AYUN', territorio: 'municipio' });
    expect(reconocerEleccion('AYUNTAMIENTOS')).toEqual({ codigo: 'AYUN', territorio: 'municipio' });
    expect(reconocerEleccion('Presidencias Municipales')).toEqual({ codigo: 'AYUN', territorio: 'municipio' });
    expect(reconocerEleccion('Alcaldías')).toEqual({ codigo: 'ALC', territorio: 'municipio' });
  });
  it('gives other names a code from their initials and leaves the territory to the data', () => {
    expect(reconocerEleccion('Consulta Popular Estatal')).toEqual({ codigo: 'CPE', territorio: null });
    expect(reconocerEleccion('')).toEqual({ codigo: '', territorio: null });
  });
});
