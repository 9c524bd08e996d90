-- Separation of duties for the cortes (issue 17, worker/domain/corte/solicitud.ts): publishing the final corte and
-- changing the publication window are requested by one administrator and applied when ANOTHER confirms in time.
-- Every step is also an audit entry; this table is the working state the guards of the batches read.
CREATE TABLE corte_solicitud (
  id TEXT PRIMARY KEY,
  -- AccionSolicitudSchema as JSON: {"tipo":"CONFIGURAR","config":{…}} or {"tipo":"CORTE_FINAL","instante":…}
  accion TEXT NOT NULL CHECK (json_valid(accion)),
  tipo TEXT NOT NULL CHECK (tipo IN ('CONFIGURAR', 'CORTE_FINAL')),
  solicitante TEXT NOT NULL,
  creada_at INTEGER NOT NULL,
  vence_at INTEGER NOT NULL,
  estado TEXT NOT NULL CHECK (estado IN ('PENDIENTE', 'APLICANDO', 'APLICADA', 'CANCELADA')),
  -- who confirmed (APLICANDO, APLICADA) or cancelled; never the requester for a confirmation
  resolvio TEXT,
  resuelta_at INTEGER,
  -- the answer applying it gave (APLICADA), returned again to a repeated confirmation
  resultado TEXT CHECK (resultado IS NULL OR json_valid(resultado)),
  CHECK (estado = 'PENDIENTE' OR resolvio IS NOT NULL),
  CHECK (estado NOT IN ('APLICANDO', 'APLICADA') OR resolvio <> solicitante)
);
CREATE INDEX corte_solicitud_estado ON corte_solicitud (estado, creada_at);

-- Log entries a corte could not place (worker/cortes/publicar.ts Estadisticas.problemas), for the console.
ALTER TABLE corte ADD COLUMN problemas INTEGER NOT NULL DEFAULT 0;
