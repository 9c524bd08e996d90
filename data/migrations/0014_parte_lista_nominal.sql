-- Issue 12: a sección split between two territories of one election publishes one acta per part under the same
-- CLAVE_ACTA (docs/catalogo.md, partes.csv). Part n is the expected acta `CLAVE_ACTA-n`, with the distrito and
-- municipio of its own territory, and may have a lista nominal of its own (its share of the casilla's voters).
-- NULL for every ordinary acta and for a part without one: the casilla's lista nominal applies, so readers use
-- COALESCE(acta_esperada.lista_nominal, casilla.lista_nominal).
ALTER TABLE acta_esperada ADD COLUMN lista_nominal INTEGER;
