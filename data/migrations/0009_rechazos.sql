-- Traffic without a valid credential (issue 14). Two operational counters, not workflow state and not part of the
-- hash-chained audit log (bitacora): they bound what a stranger can make the database write.

-- Wrong secrets presented for an existing token id, per clock minute (ventana = floor(epoch ms / 60000), the rate
-- limit's window, tasa). Over the limit the request is answered 429 and the row stops growing (the upsert's WHERE), so
-- a flood against one id costs no more writes. The right secret is never refused because of it: a stranger who
-- knows a token's public id cannot lock its desk out. The cron drops past windows.
CREATE TABLE fallo_token (
  ventana INTEGER NOT NULL,
  token TEXT NOT NULL,
  n INTEGER NOT NULL,
  PRIMARY KEY (ventana, token)
) WITHOUT ROWID;

-- Refusals (401) of requests that named no operator, per client address, clock minute and error code, beyond the
-- first few of that minute (those are chained audit entries, RECHAZO). The address limiter (wrangler.toml
-- LIMITE_RECHAZOS) bounds how many reach this table; past it nothing is written. Kept for the record: the cron
-- does not drop it. `direccion` is CF-Connecting-IP as given (the platform sets it; locally it is whatever the
-- client sent), an IPv6 address reduced to its /64.
CREATE TABLE rechazo_agregado (
  ventana INTEGER NOT NULL,
  direccion TEXT NOT NULL CHECK (length(direccion) <= 64),
  codigo TEXT NOT NULL CHECK (length(codigo) <= 40),
  n INTEGER NOT NULL,
  primero_at INTEGER NOT NULL,
  ultimo_at INTEGER NOT NULL,
  PRIMARY KEY (ventana, direccion, codigo)
) WITHOUT ROWID;
