-- Issue 16: a workflow write's batch sends two statements fewer. Each statement of a D1 batch is an answer the
-- Worker's binding receives and converts, which dominates a capture's CPU; what these two wrote follows from the
-- audit entry the batch appends anyway, so SQLite writes it inside that INSERT.
-- Only workflow steps (worker/db/captura-escritura.ts) record an entry with a change sequence value (`seq`): the
-- sequence becomes that value (the batch's head guard has checked it was the one read), and the operator is
-- noted as active for the console (who, which CATD, when: the entry's own operador, catd and at).
CREATE TRIGGER bitacora_paso AFTER INSERT ON bitacora WHEN NEW.seq IS NOT NULL
BEGIN
  UPDATE secuencia SET valor = NEW.seq WHERE id = 1;
  INSERT INTO consola_actividad (operador, catd, visto_at) VALUES (NEW.operador, NEW.catd, NEW.at)
    ON CONFLICT (operador) DO UPDATE SET catd = excluded.catd, visto_at = max(visto_at, excluded.visto_at);
END;
