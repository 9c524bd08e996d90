-- The elections a casilla votes in, when not all of them (docs/catalogo.md, casillas.csv ELECCIONES): the votes
-- from abroad only for the entidad-wide election, a sub-municipal election only where it is held. NULL: every
-- election. Codes joined by '+', as in the catalogue file. The expected actas (acta_esperada) already follow it;
-- the corte and the export read it back to rebuild the same catalogue.
ALTER TABLE casilla ADD COLUMN elecciones TEXT;
