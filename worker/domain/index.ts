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
export * from './result.ts';
export * from './catalogue/schema.ts';
export * from './acta/schema.ts';
export * from './acta/publicada.ts';
export * from './acta/classify.ts';
export * from './acta/esperadas.ts';
export * from './acta/registrada.ts';
export * from './tally/percent.ts';
export * from './tally/tally.ts';
export * from './keys/clave.ts';
export * from './time/central.ts';
