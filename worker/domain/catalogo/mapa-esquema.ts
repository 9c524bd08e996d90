/**
 * The shape of the catalogue's `secciones.topojson` (docs/catalogo.md): a TopoJSON topology whose secciones are
 * polygons keyed by their SECCION. The single source of that shape; what zod cannot say alone — an arc index that
 * names no arc, a sección drawn twice, metres instead of degrees — mapa-secciones.ts checks on the parsed value.
 */
import { z } from 'zod';

/** The object that holds the secciones, when the file has more than one. */
export const OBJETO_MAPA = 'secciones';

/** A position: x and y (any further coordinates are ignored, as TopoJSON allows). */
const PosicionSchema = z.tuple([z.number(), z.number()]).rest(z.number());
const ArcoSchema = z.array(PosicionSchema).min(2);

const TransformSchema = z.object({
  scale: z.tuple([z.number().positive(), z.number().positive()]),
  translate: z.tuple([z.number(), z.number()]),
});

/** What makes a file a topology; its objects are read one by one (GeometriaSchema) to say which is wrong. */
export const TopologiaSchema = z.object({
  type: z.literal('Topology'),
  arcs: z.array(ArcoSchema),
  transform: TransformSchema.optional(),
  objects: z.record(z.string(), z.unknown()),
});

export const ColeccionSchema = z.object({ type: z.literal('GeometryCollection'), geometries: z.array(z.unknown()) });

/** A polygon's rings: each a non-empty list of arc indices (i, or ~i for an arc walked backwards). */
const AnillosSchema = z.array(z.array(z.int()).min(1)).min(1);
const PropiedadesSchema = z.looseObject({ SECCION: z.int().min(1).max(9999) });

export const GeometriaSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('Polygon'), arcs: AnillosSchema, properties: PropiedadesSchema }),
  z.object({ type: z.literal('MultiPolygon'), arcs: z.array(AnillosSchema).min(1), properties: PropiedadesSchema }),
]);

export type GeometriaSeccion = z.infer<typeof GeometriaSchema>;

/** A checked topology: one object, `secciones`, of polygons keyed by SECCION. */
export interface TopologiaSecciones {
  type: 'Topology';
  arcs: number[][][];
  transform?: z.infer<typeof TransformSchema>;
  objects: { [OBJETO_MAPA]: { type: 'GeometryCollection'; geometries: GeometriaSeccion[] } };
}
