/**
 * The pure domain core of the PREP (docs/REGLAS.md): no I/O, no Node-only modules; runs in workerd, Node and tests.
 * Re-exported here:
 *
 *   contrato/   the publication contract: published shapes, codes, R2 layout, figures (zod-free, see its index.ts)
 *   catalogo/   the catalogue schemas (fixed at puesta en ceros)
 *   acta/       captured actas, their classification (§4), expected actas, publication state
 *   conteo/     the additive tallies of a corte, the candidaturas of the vote columns, the 13 figures (§5)
 *   claves/     CLAVE_CASILLA / CLAVE_ACTA (§7)
 *   tiempo/     instants in the entidad's fixed UTC offset (§6)
 *
 * Imported directly: corte/ (a corte as a value), captura/, bitacora/, csv/, catalogo/ validation and files,
 * conteo/densos.ts (the corte's dense votes). Test examples live in test/ejemplos.
 */
export * from './assert.ts';
export * from './resultado.ts';
export * from './contrato/index.ts';
export * from './catalogo/esquema.ts';
export * from './acta/esquema.ts';
export * from './acta/publicada.ts';
export * from './acta/clasificar.ts';
export * from './acta/esperadas.ts';
export * from './acta/registrada.ts';
export * from './conteo/candidaturas.ts';
export * from './conteo/conteo.ts';
export * from './conteo/figuras.ts';
export * from './conteo/figuras-csv.ts';
export * from './claves/clave.ts';
export * from './tiempo/central.ts';
