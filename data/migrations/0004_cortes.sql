-- Cortes: when they are due, who is publishing one, and every corte published (worker/cortes).
-- The actas themselves are read from the publication log (acta_publicacion, 0002); nothing here is read by the
-- capture API.

-- One row: the publication window and cadence (worker/domain/corte/calendario.ts). jornada NULL: no window,
-- only cortes asked for by an administrator (POST /api/v1/cortes).
CREATE TABLE corte_config (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  jornada TEXT CHECK (jornada IS NULL OR jornada GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  inicio_minutos INTEGER NOT NULL DEFAULT 1200 CHECK (inicio_minutos BETWEEN 0 AND 1439),
  duracion_minutos INTEGER NOT NULL DEFAULT 1440 CHECK (duracion_minutos BETWEEN 1 AND 1440),
  cadencia_minutos INTEGER NOT NULL DEFAULT 5 CHECK (cadencia_minutos BETWEEN 1 AND 20),
  -- start of the last turn that got its scheduled corte (or was found without changes)
  ultimo_turno INTEGER
);
INSERT INTO corte_config (id) VALUES (1);

-- One row: the lease of the corte job. A run takes it when it is free or expired, renews it while it works and
-- frees it at the end; a corte is recorded only by the holder of an unexpired lease (see corte below).
CREATE TABLE corte_lease (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  titular TEXT,
  vence INTEGER NOT NULL
);
INSERT INTO corte_lease (id, titular, vence) VALUES (1, NULL, 0);

-- Every published corte, in order. A corte exists once its row is here: its shards, zip, diff and manifest were
-- written to R2 before; its history and `latest` pointer are written after (and repaired by the next run).
CREATE TABLE corte (
  numero INTEGER PRIMARY KEY CHECK (numero >= 1),
  -- change sequence it was cut at: the newest acta_publicacion.seq it includes
  secuencia INTEGER NOT NULL CHECK (secuencia >= 0),
  instante INTEGER NOT NULL,
  final INTEGER NOT NULL CHECK (final IN (0, 1)),
  manifiesto_sha256 TEXT NOT NULL UNIQUE CHECK (length(manifiesto_sha256) = 64),
  manifiesto_ruta TEXT NOT NULL,
  anterior_sha256 TEXT CHECK (anterior_sha256 IS NULL OR length(anterior_sha256) = 64),
  -- the latest pointer (PunteroSchema) and the history entry (CorteHistorialSchema) of this corte, as JSON
  puntero TEXT NOT NULL CHECK (json_valid(puntero)),
  historial TEXT NOT NULL CHECK (json_valid(historial)),
  -- what it cost: log entries read, shards written and reused, bytes written, wall-clock milliseconds
  actas_procesadas INTEGER NOT NULL,
  shards_escritos INTEGER NOT NULL,
  shards_reusados INTEGER NOT NULL,
  bytes_escritos INTEGER NOT NULL,
  milisegundos INTEGER NOT NULL,
  modo TEXT NOT NULL CHECK (modo IN ('completo', 'incremental')),
  motivo TEXT NOT NULL CHECK (motivo IN ('programado', 'final', 'administrador')),
  publicado_at INTEGER NOT NULL,
  -- the chain: each corte names its predecessor's manifest
  CHECK ((numero = 1) = (anterior_sha256 IS NULL))
);
