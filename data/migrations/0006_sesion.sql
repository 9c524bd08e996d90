-- Operator sessions of the CATD and PREP Casilla screens (issue 13): a person signs in once with their operator id
-- and access key, and the browser then holds only an opaque random id in an HttpOnly cookie. The session acts with
-- the token it was opened with, so revoking that token (or dando de baja the operator) ends it on its next request.
CREATE TABLE sesion (
  -- SHA-256 (hex) of the cookie's random id: a copy of this table cannot be replayed as a cookie.
  id_hash TEXT PRIMARY KEY CHECK (length(id_hash) = 64),
  -- who the session acts as (roles and ámbito are read from the operator on every request, never copied here)
  operador TEXT NOT NULL REFERENCES operador (id),
  -- the token whose key opened it: its revocation or expiry ends the session too, and the audit log names it
  token TEXT NOT NULL REFERENCES token (id),
  -- the anti-CSRF value every write with this cookie must echo in X-CSRF-Token (the screens keep it in memory and
  -- read it again from GET /api/v1/sesion after a reload, so it is kept as issued)
  csrf TEXT NOT NULL CHECK (length(csrf) = 43),
  creada_at INTEGER NOT NULL,
  -- absolute end (8 h after sign-in, never after its token's expiry): activity does not extend it
  expira_at INTEGER NOT NULL CHECK (expira_at > creada_at),
  -- last request made with it (to see idle sessions; updated in the same round trip as the lookup)
  ultimo_uso_at INTEGER NOT NULL,
  -- sign-out (NULL while open): a closed session is refused even if its cookie is replayed
  cerrada_at INTEGER
) WITHOUT ROWID;
CREATE INDEX sesion_operador ON sesion (operador);

-- Sign-in attempts per presented operator id and 15-minute window (ventana = floor(epoch ms / 900000)). An attempt
-- takes a slot before the key is checked, so parallel guesses cannot pass the limit; a successful one gives its slot
-- back. The window comes first in the key so that past windows are dropped by a range delete.
CREATE TABLE intento_sesion (
  ventana INTEGER NOT NULL,
  operador TEXT NOT NULL CHECK (length(operador) BETWEEN 1 AND 40),
  n INTEGER NOT NULL,
  PRIMARY KEY (ventana, operador)
) WITHOUT ROWID;
