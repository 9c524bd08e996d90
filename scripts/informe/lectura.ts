/**
 * What the report reads, and only that: the step and refusal entries of the audit log (D1 `bitacora`, with each
 * acta's election from its registration), the published cortes (D1 `corte`) with the figures of the entidad shard
 * each one points to (local R2), and the catalogue's counts of expected actas. Validated with the schemas of
 * scripts/informe/tipos.ts as they enter.
 */
import { z } from 'zod';
import { FigurasSchema } from '../../worker/domain/conteo/figuras.ts';
import type { Figuras } from '../../worker/domain/contrato/index.ts';
import { consultarD1Local } from '../lib/d1-local.ts';
import type { LectorR2 } from './r2-local.ts';
import { ACCIONES_INFORME, CorteLeidoSchema, EventoSchema, type CorteLeido, type DatosInforme, type Evento } from './tipos.ts';

const PAGINA = 5000;
const lista = ACCIONES_INFORME.map((a) => `'${a}'`).join(', ');

/** The audit entries of the workflow, a page at a time; `detalle` reduced in SQL to the fields the report reads. */
export const SQL_EVENTOS = (desdeId: number) => `SELECT b.id, b.at, coalesce(json_extract(b.detalle, '$.atCliente'), b.at) AS instante,
  b.catd, b.accion, b.acta, a.eleccion, b.seq, b.status, json_extract(b.detalle, '$.etapa') AS etapa,
  CASE b.accion WHEN 'CAPTURA' THEN json_extract(b.detalle, '$.resultado')
    WHEN 'VERIFICACION' THEN json_extract(b.detalle, '$.resolucion')
    WHEN 'COTEJO' THEN json_extract(b.detalle, '$.accion') END AS resultado,
  CASE b.accion WHEN 'RECHAZO' THEN json_extract(b.detalle, '$.code') END AS codigo
FROM bitacora b LEFT JOIN acta a ON a.clave = b.acta
WHERE b.id > ${desdeId} AND b.accion IN (${lista}) ORDER BY b.id LIMIT ${PAGINA}`;

export function leerEventos(persistTo: string): Evento[] {
  const out: Evento[] = [];
  for (let desde = 0; ; ) {
    const filas = consultarD1Local(persistTo, SQL_EVENTOS(desde)).map((f) => EventoSchema.parse(f));
    out.push(...filas);
    if (filas.length < PAGINA) return out;
    desde = filas.at(-1)!.id;
  }
}

const FilaCorteSchema = z.object({
  numero: z.number(),
  secuencia: z.number(),
  instante: z.number(),
  final: z.number(),
  publicado_at: z.number(),
  actas_procesadas: z.number(),
  shards_escritos: z.number(),
  shards_reusados: z.number(),
  bytes_escritos: z.number(),
  milisegundos: z.number(),
  modo: z.string(),
  motivo: z.string(),
  puntero: z.string(),
});

const PunteroEleccionesSchema = z.object({ elecciones: z.array(z.object({ codigo: z.string(), ruta: z.string() })) });
const EntidadFigurasSchema = z.object({ resultados: z.object({ figuras: FigurasSchema }) });

/** What the report needs of a pointer: the entidad shard of each election. */
function eleccionesDe(puntero: string): { codigo: string; ruta: string }[] {
  return PunteroEleccionesSchema.parse(JSON.parse(puntero)).elecciones;
}

/** The figures of every entidad shard the cortes point to (content-addressed: each read once). */
async function figurasPorRuta(rutas: readonly string[], r2: LectorR2): Promise<Map<string, Figuras>> {
  const unicas = [...new Set(rutas)];
  const textos = await r2.leerTextos(unicas);
  const out = new Map<string, Figuras>();
  unicas.forEach((ruta, k) => {
    const t = textos[k];
    if (t !== null && t !== undefined) out.set(ruta, EntidadFigurasSchema.parse(JSON.parse(t)).resultados.figuras);
  });
  return out;
}

export async function leerCortes(persistTo: string, r2: LectorR2): Promise<CorteLeido[]> {
  const filas = consultarD1Local(persistTo, 'SELECT * FROM corte ORDER BY numero').map((f) => FilaCorteSchema.parse(f));
  const elecciones = new Map(filas.map((f) => [f.numero, eleccionesDe(f.puntero)]));
  const figuras = await figurasPorRuta([...elecciones.values()].flat().map((e) => e.ruta), r2);
  return filas.map((f) =>
    CorteLeidoSchema.parse({
      numero: f.numero,
      secuencia: f.secuencia,
      instante: f.instante,
      publicadoAt: f.publicado_at,
      final: f.final === 1,
      actasProcesadas: f.actas_procesadas,
      shardsEscritos: f.shards_escritos,
      shardsReusados: f.shards_reusados,
      bytesEscritos: f.bytes_escritos,
      milisegundos: f.milisegundos,
      modo: f.modo,
      motivo: f.motivo,
      // An election whose shard is missing from R2 is left out of this corte's figures (and shows as absent).
      figuras: Object.fromEntries(elecciones.get(f.numero)!.flatMap((e) => (figuras.has(e.ruta) ? [[e.codigo, figuras.get(e.ruta)!]] : []))),
    }),
  );
}


export async function leerDatos(persistTo: string, r2: LectorR2): Promise<DatosInforme> {
  const q = <T,>(sql: string) => consultarD1Local<T>(persistTo, sql);
  const entidad = q<{ nombre: string; utc_offset_minutes: number }>('SELECT nombre, utc_offset_minutes FROM entidad LIMIT 1')[0];
  const punta = q<{ id: number; hash: string }>('SELECT id, hash FROM bitacora ORDER BY id DESC LIMIT 1')[0] ?? { id: 0, hash: '' };
  return {
    entidad: { nombre: entidad?.nombre ?? '—', utcOffsetMinutes: entidad?.utc_offset_minutes ?? 0 },
    elecciones: q<{ codigo: string; nombre: string; esperadas: number }>(
      'SELECT e.codigo, e.nombre, (SELECT count(*) FROM acta_esperada x WHERE x.eleccion = e.codigo) AS esperadas FROM eleccion e ORDER BY e.orden',
    ),
    catds: q<{ id: string; nombre: string }>('SELECT id, nombre FROM catd ORDER BY id'),
    eventos: leerEventos(persistTo),
    cortes: await leerCortes(persistTo, r2),
    punta,
    entradasBitacora: Number(q<{ n: number }>('SELECT count(*) AS n FROM bitacora')[0]?.n ?? 0),
  };
}
