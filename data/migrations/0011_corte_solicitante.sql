-- Who asked for a corte (issue 14, defect 4): the operator who asked for it by hand, and for the final corte the
-- administrator who confirmed it (separation of duties). NULL for cortes the calendar published.
ALTER TABLE corte ADD COLUMN solicitado_por TEXT;
ALTER TABLE corte ADD COLUMN confirmado_por TEXT;
