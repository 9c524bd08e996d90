/**
 * The publication contract against the domain's zod schemas: each schema must infer exactly the contract's type
 * (`branded`: compared deeply, member by member; `tsc` runs over test files, so a drift is a type error here),
 * and take its closed sets and key orders from the contract's arrays (checked at run time).
 */
import { describe, expect, expectTypeOf, it } from 'vitest';
import type { z } from 'zod';
import { ContabilizadaSchema, EstatusActaSchema, type ObservacionSchema } from '../acta/clasificar.ts';
import { CapturaSchema, MotivoSinActaSchema, type ValorSchema } from '../acta/esquema.ts';
import {
  CotejadaSchema,
  DigitalizacionSchema,
  ImagenActaSchema,
  MecanismoTrasladoSchema,
  OrigenSchema,
  TipoDocumentoSchema,
} from '../acta/publicada.ts';
import type { AvisoSchema } from '../aviso/aviso.ts';
import type { Aviso } from './aviso.ts';
import { CasillaSchema, PartidoSchema, TipoCasillaSchema, TipoTerritorioSchema } from '../catalogo/esquema.ts';
import { ConteoSchema } from '../conteo/conteo.ts';
import { FigurasSchema } from '../conteo/figuras.ts';
import type {
  AbiertosRefSchema,
  ActaShardSchema,
  ArchivoRefSchema,
  CandidatoSchema,
  CorteHistorialSchema,
  DiferenciasClavesSchema,
  DiferenciasSchema,
  EleccionRefSchema,
  EntidadRefSchema,
  EntidadShardSchema,
  FilaSeccionPadreSchema,
  GruposDeSeccionesSchema,
  FilaTerritorioHijoSchema,
  HistorialSchema,
  ManifiestoSchema,
  PunteroSchema,
  ResultadosSchema,
  SeccionShardSchema,
  ShardRefSchema,
  TerritorioShardSchema,
  TerritoriosShardSchema,
  GrupoSeccionesShardSchema,
} from '../corte/shards.ts';
import {
  CONTABILIZADAS,
  CONTEO,
  COTEJADAS,
  DIGITALIZACIONES,
  ESTATUS_ACTA,
  FIGURAS,
  MECANISMOS_TRASLADO,
  MIMES_IMAGEN,
  MOTIVOS_SIN_ACTA,
  ORIGENES,
  TIPOS_CASILLA,
  TIPOS_DOCUMENTO,
  TIPOS_PARTIDO,
  TIPOS_TERRITORIO,
  TOTALES,
  UBICACIONES,
  type AbiertosRef,
  type ActaShard,
  type ArchivoRef,
  type Candidato,
  type Contabilizada,
  type CorteHistorial,
  type Cotejada,
  type Diferencias,
  type DiferenciasClaves,
  type Digitalizacion,
  type EleccionRef,
  type EntidadRef,
  type EntidadShard,
  type EstatusActa,
  type FilaSeccionPadre,
  type GruposDeSecciones,
  type FilaTerritorioHijo,
  type Figuras,
  type Historial,
  type ImagenActa,
  type Manifiesto,
  type MecanismoTraslado,
  type MotivoSinActa,
  type Observacion,
  type Origen,
  type Puntero,
  type Resultados,
  type SeccionShard,
  type ShardRef,
  type TerritorioShard,
  type TerritoriosShard,
  type GrupoSeccionesShard,
  type TipoCasilla,
  type TipoDocumento,
  type TipoPartido,
  type TipoTerritorio,
  type Total,
  type Ubicacion,
  type Valor,
} from './index.ts';

describe('every schema infers exactly the contract type', () => {
  it('closed sets and values', () => {
    expectTypeOf<z.infer<typeof TipoCasillaSchema>>().branded.toEqualTypeOf<TipoCasilla>();
    expectTypeOf<z.infer<typeof TipoTerritorioSchema>>().branded.toEqualTypeOf<TipoTerritorio>();
    expectTypeOf<z.infer<typeof PartidoSchema>['tipo']>().branded.toEqualTypeOf<TipoPartido>();
    expectTypeOf<z.infer<typeof CasillaSchema>['ubicacion']>().branded.toEqualTypeOf<Ubicacion>();
    expectTypeOf<z.infer<typeof ValorSchema>>().branded.toEqualTypeOf<Valor>();
    expectTypeOf<z.infer<typeof CapturaSchema>['totales']>().branded.toEqualTypeOf<Record<Total, Valor>>();
    expectTypeOf<z.infer<typeof MotivoSinActaSchema>>().branded.toEqualTypeOf<MotivoSinActa>();
    expectTypeOf<z.infer<typeof EstatusActaSchema>>().branded.toEqualTypeOf<EstatusActa>();
    expectTypeOf<z.infer<typeof ContabilizadaSchema>>().branded.toEqualTypeOf<Contabilizada>();
    expectTypeOf<z.infer<typeof ObservacionSchema>>().branded.toEqualTypeOf<Observacion>();
    expectTypeOf<z.infer<typeof CotejadaSchema>>().branded.toEqualTypeOf<Cotejada>();
    expectTypeOf<z.infer<typeof MecanismoTrasladoSchema>>().branded.toEqualTypeOf<MecanismoTraslado>();
    expectTypeOf<z.infer<typeof OrigenSchema>>().branded.toEqualTypeOf<Origen>();
    expectTypeOf<z.infer<typeof DigitalizacionSchema>>().branded.toEqualTypeOf<Digitalizacion>();
    expectTypeOf<z.infer<typeof TipoDocumentoSchema>>().branded.toEqualTypeOf<TipoDocumento>();
    expectTypeOf<z.infer<typeof ImagenActaSchema>>().branded.toEqualTypeOf<ImagenActa>();
    expectTypeOf<z.infer<typeof FigurasSchema>>().branded.toEqualTypeOf<Figuras>();
  });

  it('shards', () => {
    expectTypeOf<z.infer<typeof EntidadRefSchema>>().branded.toEqualTypeOf<EntidadRef>();
    expectTypeOf<z.infer<typeof EleccionRefSchema>>().branded.toEqualTypeOf<EleccionRef>();
    expectTypeOf<z.infer<typeof ResultadosSchema>>().branded.toEqualTypeOf<Resultados>();
    expectTypeOf<z.infer<typeof FilaSeccionPadreSchema>>().branded.toEqualTypeOf<FilaSeccionPadre>();
    expectTypeOf<z.infer<typeof GruposDeSeccionesSchema>>().branded.toEqualTypeOf<GruposDeSecciones>();
    expectTypeOf<z.infer<typeof FilaTerritorioHijoSchema>>().branded.toEqualTypeOf<FilaTerritorioHijo>();
    expectTypeOf<z.infer<typeof CandidatoSchema>>().branded.toEqualTypeOf<Candidato>();
    expectTypeOf<z.infer<typeof ActaShardSchema>>().branded.toEqualTypeOf<ActaShard>();
    expectTypeOf<z.infer<typeof SeccionShardSchema>>().branded.toEqualTypeOf<SeccionShard>();
    expectTypeOf<z.infer<typeof TerritorioShardSchema>>().branded.toEqualTypeOf<TerritorioShard>();
    expectTypeOf<z.infer<typeof EntidadShardSchema>>().branded.toEqualTypeOf<EntidadShard>();
    expectTypeOf<z.infer<typeof TerritoriosShardSchema>>().branded.toEqualTypeOf<TerritoriosShard>();
    expectTypeOf<z.infer<typeof GrupoSeccionesShardSchema>>().branded.toEqualTypeOf<GrupoSeccionesShard>();
  });

  it('manifest, pointer, history and diferencias', () => {
    expectTypeOf<z.infer<typeof ArchivoRefSchema>>().branded.toEqualTypeOf<ArchivoRef>();
    expectTypeOf<z.infer<typeof ShardRefSchema>>().branded.toEqualTypeOf<ShardRef>();
    expectTypeOf<z.infer<typeof AbiertosRefSchema>>().branded.toEqualTypeOf<AbiertosRef>();
    expectTypeOf<z.infer<typeof ManifiestoSchema>>().branded.toEqualTypeOf<Manifiesto>();
    expectTypeOf<z.infer<typeof PunteroSchema>>().branded.toEqualTypeOf<Puntero>();
    expectTypeOf<z.infer<typeof CorteHistorialSchema>>().branded.toEqualTypeOf<CorteHistorial>();
    expectTypeOf<z.infer<typeof HistorialSchema>>().branded.toEqualTypeOf<Historial>();
    expectTypeOf<z.infer<typeof DiferenciasSchema>>().branded.toEqualTypeOf<Diferencias>();
    expectTypeOf<z.infer<typeof DiferenciasClavesSchema>>().branded.toEqualTypeOf<DiferenciasClaves>();
  });

  it("the institute's notice", () => {
    expectTypeOf<z.infer<typeof AvisoSchema>>().branded.toEqualTypeOf<Aviso>();
  });
});

describe('the schemas take their codes and orders from the contract', () => {
  it('enums hold exactly the contract arrays, in their order', () => {
    expect(TipoCasillaSchema.options).toEqual([...TIPOS_CASILLA]);
    expect(TipoTerritorioSchema.options).toEqual([...TIPOS_TERRITORIO]);
    expect(PartidoSchema.shape.tipo.options).toEqual([...TIPOS_PARTIDO]);
    expect(MotivoSinActaSchema.options).toEqual([...MOTIVOS_SIN_ACTA]);
    expect(EstatusActaSchema.options).toEqual([...ESTATUS_ACTA]);
    expect(MecanismoTrasladoSchema.options).toEqual([...MECANISMOS_TRASLADO]);
    expect(OrigenSchema.options).toEqual([...ORIGENES]);
    expect(DigitalizacionSchema.options).toEqual([...DIGITALIZACIONES]);
    expect(TipoDocumentoSchema.options).toEqual([...TIPOS_DOCUMENTO]);
    expect(ImagenActaSchema.shape.mime.options).toEqual([...MIMES_IMAGEN]);
  });

  it('numeric codes: every contract value passes, its neighbours do not', () => {
    for (const [schema, valores] of [
      [ContabilizadaSchema, CONTABILIZADAS],
      [CotejadaSchema, COTEJADAS],
      [CasillaSchema.shape.ubicacion, UBICACIONES],
    ] as const) {
      for (const v of valores) expect(schema.safeParse(v).success, String(v)).toBe(true);
      expect(schema.safeParse(Math.min(...valores) - 1).success).toBe(false);
      expect(schema.safeParse(Math.max(...valores) + 1).success).toBe(false);
    }
  });

  it('keys in the order the CSV and the compact rows use', () => {
    expect(Object.keys(FigurasSchema.shape)).toEqual([...FIGURAS]);
    expect(Object.keys(CapturaSchema.shape.totales.shape)).toEqual([...TOTALES]);
    expect(Object.keys(ConteoSchema.shape).slice(0, CONTEO.length)).toEqual([...CONTEO]);
  });
});
