-- Issue 16: every write's snapshot (worker/db/captura-lectura.ts), its guard (captura-escritura.ts) and the
-- console ask whether the final corte is published: `EXISTS (SELECT 1 FROM corte WHERE final = 1)`. Without an
-- index that scans every corte of the night (~280) two or three times per write; this index holds the one row that
-- can ever match, so the question is one lookup.
CREATE INDEX corte_final ON corte(final) WHERE final = 1;
