-- Issue 16: the console's counters are kept by SQLite itself, in triggers on `acta` and `consola_evento`, instead of
-- 3–5 extra statements in every capture batch (each statement's answer is parsed by the D1 binding, ~29 % of the
-- Worker's time under load). The triggers run inside the statement that changes the row, so they belong to the same
-- batch (all or nothing) and the counters follow the stored rows exactly as before (0007_consola.sql).

-- A new acta: its CATD, set once (the same rule as the work queues, worker/db/captura-consulta.ts), then its counter.
-- Setting catd_consola does not fire consola_acta_paso (that one watches only the columns of the counter's key
-- that a workflow step writes), so the new acta is counted once.
CREATE TRIGGER consola_acta_alta AFTER INSERT ON acta
BEGIN
  UPDATE acta SET catd_consola = coalesce(NEW.catd_registro, (
    SELECT min(c.id) FROM catd c JOIN catd_eleccion ce ON ce.catd = c.id AND ce.eleccion = NEW.eleccion
    WHERE (c.ambito = 'distrito' AND c.territorio = NEW.distrito) OR (c.ambito = 'municipio' AND c.territorio = NEW.municipio)
  ), '') WHERE clave = NEW.clave;
  INSERT INTO consola_contador (catd, eleccion, paso, recibida, n)
    SELECT catd_consola, eleccion, paso_consola, acopio_at IS NOT NULL, 1 FROM acta WHERE clave = NEW.clave
    ON CONFLICT (catd, eleccion, paso, recibida) DO UPDATE SET n = n + 1;
END;

-- A step: out of the counter the old row was in, into the new row's.
CREATE TRIGGER consola_acta_paso AFTER UPDATE OF eleccion, etapa, cotejada, acopio_at ON acta
BEGIN
  UPDATE consola_contador SET n = n - 1
    WHERE (catd, eleccion, paso, recibida) = (OLD.catd_consola, OLD.eleccion, OLD.paso_consola, OLD.acopio_at IS NOT NULL);
  INSERT INTO consola_contador (catd, eleccion, paso, recibida, n)
    VALUES (NEW.catd_consola, NEW.eleccion, NEW.paso_consola, NEW.acopio_at IS NOT NULL, 1)
    ON CONFLICT (catd, eleccion, paso, recibida) DO UPDATE SET n = n + 1;
END;

-- The night's totals follow the per-minute events (one statement per batch writes those): whatever is added to a
-- minute is added to the total.
CREATE TRIGGER consola_evento_alta AFTER INSERT ON consola_evento
BEGIN
  INSERT INTO consola_evento_total (catd, tipo, n) VALUES (NEW.catd, NEW.tipo, NEW.n)
    ON CONFLICT (catd, tipo) DO UPDATE SET n = n + excluded.n;
END;
CREATE TRIGGER consola_evento_suma AFTER UPDATE OF n ON consola_evento
BEGIN
  INSERT INTO consola_evento_total (catd, tipo, n) VALUES (NEW.catd, NEW.tipo, NEW.n - OLD.n)
    ON CONFLICT (catd, tipo) DO UPDATE SET n = n + excluded.n;
END;
