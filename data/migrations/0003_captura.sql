-- The capture workflow: operators and their tokens, the state of every registered acta, its captures and images,
-- idempotency records, rate-limit counters and the hash-chained audit log (bitácora).
-- Nothing here references the catalogue tables by foreign key, so the catalogue can be reloaded before
-- "puesta en ceros"; the API and scripts/operators.ts check catalogue references when they write.

-- Who may act. ambito: CATD (a centro de acopio; catd is its id), CCV (central capture, any acta),
-- CASILLA (a PREP Casilla device, bound to its casillas), INSTITUTO (administration).
CREATE TABLE operador (
  id TEXT PRIMARY KEY CHECK (length(id) BETWEEN 2 AND 40),
  nombre TEXT NOT NULL,
  ambito TEXT NOT NULL CHECK (ambito IN ('CATD', 'CCV', 'CASILLA', 'INSTITUTO')),
  catd TEXT,
  activo INTEGER NOT NULL DEFAULT 1 CHECK (activo IN (0, 1)),
  creado_at INTEGER NOT NULL,
  CHECK ((ambito = 'CATD') = (catd IS NOT NULL))
) WITHOUT ROWID;

CREATE TABLE operador_rol (
  operador TEXT NOT NULL REFERENCES operador (id),
  rol TEXT NOT NULL CHECK (rol IN ('acopio', 'digitalizacion', 'captura', 'verificacion', 'supervisor', 'admin')),
  PRIMARY KEY (operador, rol)
) WITHOUT ROWID;

-- The casillas (CLAVE_CASILLA) a PREP Casilla device may photograph.
CREATE TABLE operador_casilla (
  operador TEXT NOT NULL REFERENCES operador (id),
  casilla TEXT NOT NULL,
  PRIMARY KEY (operador, casilla)
) WITHOUT ROWID;

-- Bearer tokens `prep_<id>_<secret>`: only the SHA-256 of the whole token is stored.
CREATE TABLE token (
  id TEXT PRIMARY KEY,
  operador TEXT NOT NULL REFERENCES operador (id),
  hash TEXT NOT NULL CHECK (length(hash) = 64),
  emitido_at INTEGER NOT NULL,
  expira_at INTEGER NOT NULL,
  revocado_at INTEGER,
  limite_por_minuto INTEGER NOT NULL CHECK (limite_por_minuto > 0)
) WITHOUT ROWID;
CREATE INDEX token_operador ON token (operador);

-- Requests per token per minute (ventana = floor(epoch ms / 60000)). Operational counter, not workflow state:
-- it is the one write a request makes outside its batch, because refused requests must count too.
CREATE TABLE tasa (
  token TEXT NOT NULL,
  ventana INTEGER NOT NULL,
  n INTEGER NOT NULL,
  PRIMARY KEY (token, ventana)
) WITHOUT ROWID;

-- One row per registered acta (expected or fuera de catálogo). `estado` is the full workflow state (zod schema
-- ActaEstadoSchema, worker/domain/captura/estado.ts); the other columns are copies for indexes and queues.
-- Every change bumps `version` (optimistic concurrency: writes are guarded by WHERE version = the version read).
CREATE TABLE acta (
  clave TEXT PRIMARY KEY,
  eleccion TEXT NOT NULL,
  esperada INTEGER NOT NULL CHECK (esperada IN (0, 1)),
  distrito INTEGER,
  municipio INTEGER,
  territorio INTEGER,
  -- the CATD that registered a fuera de catálogo acta (its scope owner); NULL for expected actas
  catd_registro TEXT,
  -- fuera de catálogo only: 'ELECCION/seccion/tipo/id/ext', so the same identification is the same acta
  fc_identificacion TEXT UNIQUE,
  etapa TEXT NOT NULL CHECK (etapa IN ('DIGITALIZACION', 'CAPTURA', 'VERIFICACION', 'VERIFICADA', 'SIN_ACTA')),
  etapa_desde INTEGER NOT NULL,
  acopio_at INTEGER,
  cotejada INTEGER NOT NULL CHECK (cotejada IN (0, 1, 2, 3)),
  version INTEGER NOT NULL CHECK (version >= 1),
  seq INTEGER NOT NULL,
  estado TEXT NOT NULL CHECK (json_valid(estado))
) WITHOUT ROWID;
CREATE INDEX acta_cola ON acta (etapa, etapa_desde);
CREATE INDEX acta_cola_distrito ON acta (distrito, etapa, etapa_desde);
CREATE INDEX acta_cola_municipio ON acta (municipio, etapa, etapa_desde);
CREATE INDEX acta_cola_catd ON acta (catd_registro, etapa, etapa_desde);

-- Every capture of every round (a round restarts when a verifier or a supervisor sends the acta back).
-- The UNIQUE constraint backs the rule that one person captures an acta at most once per round.
CREATE TABLE captura (
  acta TEXT NOT NULL REFERENCES acta (clave),
  ronda INTEGER NOT NULL,
  n INTEGER NOT NULL,
  operador TEXT NOT NULL,
  figuras TEXT NOT NULL CHECK (json_valid(figuras)),
  at INTEGER NOT NULL,
  at_servidor INTEGER NOT NULL,
  PRIMARY KEY (acta, ronda, n),
  UNIQUE (acta, ronda, operador)
) WITHOUT ROWID;

-- Every image received for an acta (the current one is in acta.estado); bytes live in R2 under imagenes/<sha256>.
CREATE TABLE imagen (
  acta TEXT NOT NULL REFERENCES acta (clave),
  n INTEGER NOT NULL,
  sha256 TEXT NOT NULL CHECK (length(sha256) = 64),
  mime TEXT NOT NULL,
  bytes INTEGER NOT NULL,
  origen TEXT NOT NULL,
  digitalizacion TEXT NOT NULL,
  tipo_documento TEXT NOT NULL,
  operador TEXT NOT NULL,
  at INTEGER NOT NULL,
  at_servidor INTEGER NOT NULL,
  PRIMARY KEY (acta, n)
) WITHOUT ROWID;

-- Stored answers of successful writes. clave: 'k:' + the Idempotency-Key header, or 'auto:' + the request's
-- fingerprint (method, path, query and body) for retries without a key. huella: that fingerprint.
CREATE TABLE idempotencia (
  operador TEXT NOT NULL,
  clave TEXT NOT NULL,
  huella TEXT NOT NULL,
  status INTEGER NOT NULL,
  respuesta TEXT NOT NULL,
  at INTEGER NOT NULL,
  PRIMARY KEY (operador, clave)
) WITHOUT ROWID;

-- Append-only audit log. hash = SHA-256(prev_hash || canonical JSON of the entry) (worker/domain/bitacora/cadena.ts).
CREATE TABLE bitacora (
  id INTEGER PRIMARY KEY,
  at INTEGER NOT NULL,
  operador TEXT,
  token TEXT,
  catd TEXT,
  accion TEXT NOT NULL,
  acta TEXT,
  seq INTEGER,
  status INTEGER NOT NULL,
  detalle TEXT NOT NULL CHECK (json_valid(detalle)),
  prev_hash TEXT NOT NULL CHECK (length(prev_hash) = 64),
  hash TEXT NOT NULL CHECK (length(hash) = 64)
);
CREATE INDEX bitacora_acta ON bitacora (acta, id) WHERE acta IS NOT NULL;

-- An entry may only be appended at the tip: its id is the next one and prev_hash is the tip's hash. A writer that
-- computed its hash over a stale tip (a concurrent writer got there first) aborts its whole batch and retries.
CREATE TRIGGER bitacora_encadena BEFORE INSERT ON bitacora
WHEN NEW.id IS NOT (SELECT coalesce(max(id), 0) + 1 FROM bitacora)
  OR NEW.prev_hash IS NOT coalesce(
    (SELECT hash FROM bitacora ORDER BY id DESC LIMIT 1),
    '0000000000000000000000000000000000000000000000000000000000000000')
BEGIN
  SELECT RAISE(ABORT, 'GUARDIA:BITACORA');
END;

CREATE TRIGGER bitacora_sin_cambios BEFORE UPDATE ON bitacora
BEGIN
  SELECT RAISE(ABORT, 'GUARDIA:BITACORA_INMUTABLE');
END;

CREATE TRIGGER bitacora_sin_borrado BEFORE DELETE ON bitacora
BEGIN
  SELECT RAISE(ABORT, 'GUARDIA:BITACORA_INMUTABLE');
END;

-- Guards inside a batch: `INSERT INTO guardia (motivo) SELECT 'X' WHERE <condition is violated>` aborts the whole
-- batch with the message GUARDIA:X (no row is ever stored).
CREATE TABLE guardia (motivo TEXT NOT NULL);

CREATE TRIGGER guardia_aborta BEFORE INSERT ON guardia
BEGIN
  SELECT RAISE(ABORT, 'GUARDIA:' || NEW.motivo);
END;
