/**
 * The pure domain core of the PREP (RULES.md): no I/O, no Node-only modules; runs in workerd, Node and tests.
 *
 *   catalogue/  the catalogue schemas (fixed at puesta en ceros)
 *   acta/       captured actas, their classification (§4), expected actas, publication state
 *   tally/      the additive accumulator of a corte and its 13 figures (§5), truncated percentages
 *   keys/       CLAVE_CASILLA / CLAVE_ACTA (§7)
 *   time/       instants in the entidad's fixed UTC offset (§6)
 *   fixtures/   a small hand-written election for tests (import it directly; not re-exported here)
 */
export * from './assert.ts';
export * from './resultado.ts';
export * from './catalogo/esquema.ts';
export * from './acta/esquema.ts';
export * from './acta/publicada.ts';
export * from './acta/clasificar.ts';
export * from './acta/esperadas.ts';
export * from './acta/registrada.ts';
export * from './conteo/porcentaje.ts';
export * from './conteo/conteo.ts';
export * from './claves/clave.ts';
export * from './tiempo/central.ts';
