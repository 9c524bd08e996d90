import { describe, expect, it } from 'vitest';
import { direccionShard, esMutable, esRutaPublica, rutaImagen, rutaShard, shaDeRuta, shardIds } from './rutas.ts';

const SHA = 'a'.repeat(64);

describe('R2 key layout', () => {
  it('puts the entidad and the SHA-256 in every content-addressed key, a shard its first 20 hex digits', () => {
    const sha = '0123456789abcdef0123'.padEnd(64, 'f');
    expect(rutaShard(14, shardIds.seccion(338), sha)).toBe('datos/14/seccion/338/0123456789abcdef0123.json');
    expect(rutaShard(14, shardIds.distrito('GUB', 3), direccionShard(sha))).toBe('datos/14/GUB/distrito/3/0123456789abcdef0123.json');
    expect(shaDeRuta(rutaShard(26, shardIds.entidad('AYUN'), sha))).toBe(direccionShard(sha));
    expect(shaDeRuta(`datos/14/manifiestos/${SHA}.json`)).toBe(SHA);
    expect(rutaImagen(14, { sha256: SHA, mime: 'image/png' })).toBe(`datos/14/imagenes/${SHA}.png`);
  });

  it('only latest and historial are mutable', () => {
    expect(esMutable('datos/latest.json')).toBe(true);
    expect(esMutable('datos/14/latest.json')).toBe(true);
    expect(esMutable('datos/14/historial.json')).toBe(true);
    expect(esMutable(`datos/14/manifiestos/${SHA}.json`)).toBe(false);
    expect(shaDeRuta('datos/14/latest.json')).toBeNull();
  });

  it('serves only keys under datos/ without traversal', () => {
    expect(esRutaPublica('datos/14/seccion/338/x.json')).toBe(true);
    for (const r of ['imagenes/x', 'datos/../x', 'datos//x', 'datos/14/a b']) expect(esRutaPublica(r), r).toBe(false);
  });
});
