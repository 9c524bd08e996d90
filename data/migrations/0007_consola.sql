-- The institute's operations console (issue 17): what it shows is kept up to date INSIDE the capture batches
-- (worker/db/captura-escritura.ts), so a console refresh reads a few small tables and never scans the actas.
-- D1 runs one query at a time: ten consoles refreshing every few seconds must cost the captures nothing measurable.

-- The read-only role of the COTAPREP, the party representatives and the ente auditor (ámbito INSTITUTO): the
-- role list is a CHECK, so the table is rebuilt with the new value (nothing references operador_rol).
CREATE TABLE operador_rol_nuevo (
  operador TEXT NOT NULL REFERENCES operador (id),
  rol TEXT NOT NULL CHECK (rol IN ('acopio', 'digitalizacion', 'captura', 'verificacion', 'supervisor', 'admin', 'observador')),
  PRIMARY KEY (operador, rol)
) WITHOUT ROWID;
INSERT INTO operador_rol_nuevo (operador, rol) SELECT operador, rol FROM operador_rol;
DROP TABLE operador_rol;
ALTER TABLE operador_rol_nuevo RENAME TO operador_rol;

-- The CATD each acta is counted under: the one that registered it (fuera de catálogo), else the CATD whose
-- territory and elections cover it (the same rule as the work queues, worker/db/captura-consulta.ts), else ''.
-- Set once when the acta is created (worker/db/consola-contadores.ts, CATD_DEL_ACTA); the catalogue does not
-- change during the night.
ALTER TABLE acta ADD COLUMN catd_consola TEXT NOT NULL DEFAULT '';
-- The step an acta waits at, as the console names it: a verified acta not yet reviewed by a supervisor is
-- pending at COTEJO. Computed by SQLite from the row, so it can never disagree with etapa and cotejada.
ALTER TABLE acta ADD COLUMN paso_consola TEXT GENERATED ALWAYS AS (
  CASE WHEN etapa = 'VERIFICADA' AND cotejada = 0 THEN 'COTEJO' ELSE etapa END
) VIRTUAL;
-- The oldest acta waiting at a step of a CATD and election: one index seek (min over the last column).
CREATE INDEX acta_consola ON acta (catd_consola, eleccion, paso_consola, etapa_desde);

UPDATE acta SET catd_consola = coalesce(catd_registro, (
  SELECT min(c.id) FROM catd c JOIN catd_eleccion ce ON ce.catd = c.id AND ce.eleccion = acta.eleccion
  WHERE (c.ambito = 'distrito' AND c.territorio = acta.distrito) OR (c.ambito = 'municipio' AND c.territorio = acta.municipio)
), '');

-- How many actas of each CATD and election are at each console step, split by whether the package was received
-- at the CATD (acopio) — a PREP Casilla image registers an acta before its package arrives. Every capture batch
-- takes its acta out of its old row and puts it in its new one, reading both from the acta row itself.
CREATE TABLE consola_contador (
  catd TEXT NOT NULL,
  eleccion TEXT NOT NULL,
  paso TEXT NOT NULL,
  recibida INTEGER NOT NULL CHECK (recibida IN (0, 1)),
  n INTEGER NOT NULL CHECK (n >= 0),
  PRIMARY KEY (catd, eleccion, paso, recibida)
) WITHOUT ROWID;
INSERT INTO consola_contador (catd, eleccion, paso, recibida, n)
  SELECT catd_consola, eleccion, paso_consola, acopio_at IS NOT NULL, count(*) FROM acta GROUP BY 1, 2, 3, 4;

-- Last write of every operator (a CATD's silence, a PREP Casilla device's last-seen), one upsert per batch.
CREATE TABLE consola_actividad (
  operador TEXT PRIMARY KEY,
  catd TEXT,
  visto_at INTEGER NOT NULL
) WITHOUT ROWID;

-- Workflow events per minute and CATD, for the mismatch and send-back rates (worker/domain/consola/eventos.ts):
-- RONDA (a capture round completed), DISCREPANCIA (…with captures that disagree), DECISION (a verifier's or a
-- supervisor's decision), DEVOLUCION (…that sent the acta back). minuto = floor(epoch ms / 60000).
CREATE TABLE consola_evento (
  minuto INTEGER NOT NULL,
  catd TEXT NOT NULL,
  tipo TEXT NOT NULL CHECK (tipo IN ('RONDA', 'DISCREPANCIA', 'DECISION', 'DEVOLUCION')),
  n INTEGER NOT NULL CHECK (n > 0),
  PRIMARY KEY (minuto, catd, tipo)
) WITHOUT ROWID;

-- The same events since the start, per CATD and kind: the night's rate without summing every minute.
CREATE TABLE consola_evento_total (
  catd TEXT NOT NULL,
  tipo TEXT NOT NULL CHECK (tipo IN ('RONDA', 'DISCREPANCIA', 'DECISION', 'DEVOLUCION')),
  n INTEGER NOT NULL CHECK (n > 0),
  PRIMARY KEY (catd, tipo)
) WITHOUT ROWID;

-- The audit chain as far as it was last verified (one row): the console extends the check from this tip a page at a
-- time (worker/db/consola-bitacora.ts), so "verified N minutes ago" never re-reads the whole log.
CREATE TABLE bitacora_verificacion (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  hasta_id INTEGER NOT NULL,
  hasta_hash TEXT NOT NULL CHECK (length(hasta_hash) = 64),
  verificada_at INTEGER,
  -- the first broken entry found (NULL while intact)
  rota_id INTEGER,
  motivo TEXT
);
INSERT INTO bitacora_verificacion (id, hasta_id, hasta_hash, verificada_at) VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000', NULL);
