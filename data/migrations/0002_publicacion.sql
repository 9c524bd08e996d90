-- The global change sequence and the publication log: the seam between the capture API and the cortes.

-- One row. Every state change of the capture workflow increments `valor` inside the same D1 batch as the change.
CREATE TABLE secuencia (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  valor INTEGER NOT NULL
);
INSERT INTO secuencia (id, valor) VALUES (1, 0);

-- Append-only: a full ActaPublicada (worker/domain/acta/publicada.ts) each time an acta's public state changes.
-- A corte at sequence N reads, per clave, the newest row with seq <= N.
CREATE TABLE acta_publicacion (
  seq INTEGER PRIMARY KEY,
  clave TEXT NOT NULL,
  eleccion TEXT NOT NULL,
  payload TEXT NOT NULL
);
CREATE INDEX acta_publicacion_clave ON acta_publicacion (clave, seq);
