-- The public image route asks whether an image is in a published corte (worker/api/publico/imagenes-publicadas.ts):
-- which publication-log entry names it. Indexed on the same expression the query uses, so the answer is one
-- index lookup rather than a scan of the whole log.
CREATE INDEX acta_publicacion_imagen ON acta_publicacion (json_extract(payload, '$.imagen.sha256'));
