-- The catalogue: fixed at "puesta en ceros". Loaded by scripts/seed.ts (catalogue import), never changed by the API.
CREATE TABLE entidad (
  id INTEGER PRIMARY KEY,
  nombre TEXT NOT NULL,
  utc_offset_minutes INTEGER NOT NULL,
  sintetico INTEGER NOT NULL CHECK (sintetico IN (0, 1))
);

CREATE TABLE eleccion (
  codigo TEXT PRIMARY KEY,
  nombre TEXT NOT NULL,
  territorio TEXT NOT NULL CHECK (territorio IN ('entidad', 'distrito', 'municipio')),
  tipo_acta TEXT NOT NULL UNIQUE,
  boletas_especial INTEGER NOT NULL CHECK (boletas_especial >= 0),
  orden INTEGER NOT NULL
);

CREATE TABLE partido (
  siglas TEXT PRIMARY KEY,
  nombre TEXT NOT NULL,
  color TEXT NOT NULL,
  tipo TEXT NOT NULL CHECK (tipo IN ('partido', 'independiente')),
  orden INTEGER NOT NULL
);

CREATE TABLE coalicion (
  id TEXT PRIMARY KEY,
  nombre TEXT NOT NULL
);

CREATE TABLE coalicion_partido (
  coalicion TEXT NOT NULL REFERENCES coalicion (id),
  partido TEXT NOT NULL REFERENCES partido (siglas),
  PRIMARY KEY (coalicion, partido)
) WITHOUT ROWID;

CREATE TABLE distrito (
  id INTEGER PRIMARY KEY,
  cabecera TEXT NOT NULL
);

CREATE TABLE municipio (
  id INTEGER PRIMARY KEY,
  nombre TEXT NOT NULL
);

CREATE TABLE seccion (
  id INTEGER PRIMARY KEY,
  distrito INTEGER NOT NULL REFERENCES distrito (id),
  municipio INTEGER NOT NULL REFERENCES municipio (id)
);
CREATE INDEX seccion_distrito ON seccion (distrito);
CREATE INDEX seccion_municipio ON seccion (municipio);

CREATE TABLE casilla (
  clave TEXT PRIMARY KEY, -- CLAVE_CASILLA, e.g. 140338B0100
  seccion INTEGER NOT NULL REFERENCES seccion (id),
  tipo TEXT NOT NULL CHECK (tipo IN ('B', 'C', 'E', 'S', 'M')),
  id_casilla INTEGER NOT NULL,
  ext_contigua INTEGER NOT NULL,
  ubicacion INTEGER NOT NULL CHECK (ubicacion IN (1, 2)),
  lista_nominal INTEGER NOT NULL CHECK (lista_nominal >= 0),
  representantes INTEGER NOT NULL CHECK (representantes >= 0),
  UNIQUE (seccion, tipo, id_casilla, ext_contigua)
) WITHOUT ROWID;

-- The ballot of one election in one territory (0 = the whole entidad): its vote columns in publication order.
-- candidatura says whom each column's votes go to (the coalition for its parties and combinations there).
CREATE TABLE boleta_columna (
  eleccion TEXT NOT NULL REFERENCES eleccion (codigo),
  territorio INTEGER NOT NULL,
  orden INTEGER NOT NULL,
  columna TEXT NOT NULL,
  PRIMARY KEY (eleccion, territorio, orden),
  UNIQUE (eleccion, territorio, columna)
) WITHOUT ROWID;

-- Which parties form each coalition in one territory of one election (partial coalitions differ by territory).
CREATE TABLE boleta_coalicion (
  eleccion TEXT NOT NULL REFERENCES eleccion (codigo),
  territorio INTEGER NOT NULL,
  coalicion TEXT NOT NULL REFERENCES coalicion (id),
  partido TEXT NOT NULL REFERENCES partido (siglas),
  PRIMARY KEY (eleccion, territorio, coalicion, partido)
) WITHOUT ROWID;

CREATE TABLE candidatura (
  eleccion TEXT NOT NULL REFERENCES eleccion (codigo),
  territorio INTEGER NOT NULL,
  partido_ci TEXT NOT NULL,
  propietaria TEXT NOT NULL,
  suplente TEXT NOT NULL,
  PRIMARY KEY (eleccion, territorio, partido_ci)
) WITHOUT ROWID;

CREATE TABLE catd (
  id TEXT PRIMARY KEY,
  nombre TEXT NOT NULL,
  ambito TEXT NOT NULL CHECK (ambito IN ('distrito', 'municipio')),
  territorio INTEGER NOT NULL
);

CREATE TABLE catd_eleccion (
  catd TEXT NOT NULL REFERENCES catd (id),
  eleccion TEXT NOT NULL REFERENCES eleccion (codigo),
  PRIMARY KEY (catd, eleccion)
) WITHOUT ROWID;

-- One row per expected acta (casilla × election). Territory columns are copied from the sección so that
-- scope checks (a CATD's distrito or municipio) and corte grouping are single indexed lookups.
CREATE TABLE acta_esperada (
  clave_acta TEXT PRIMARY KEY,
  casilla TEXT NOT NULL REFERENCES casilla (clave),
  eleccion TEXT NOT NULL REFERENCES eleccion (codigo),
  seccion INTEGER NOT NULL,
  distrito INTEGER NOT NULL,
  municipio INTEGER NOT NULL,
  -- the territory whose ballot applies: 0 (entidad), the distrito or the municipio, per the election
  territorio INTEGER NOT NULL,
  -- CSV order: distrito, sección, tipo, id, ext
  orden INTEGER NOT NULL
) WITHOUT ROWID;
CREATE INDEX acta_esperada_distrito ON acta_esperada (eleccion, distrito);
CREATE INDEX acta_esperada_municipio ON acta_esperada (eleccion, municipio);
CREATE INDEX acta_esperada_seccion ON acta_esperada (seccion, eleccion);
CREATE INDEX acta_esperada_casilla ON acta_esperada (casilla);

-- Key/value settings and facts about the loaded catalogue (its SHA-256, when it was loaded).
CREATE TABLE configuracion (
  clave TEXT PRIMARY KEY,
  valor TEXT NOT NULL
) WITHOUT ROWID;
