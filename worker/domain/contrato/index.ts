/**
 * THE PUBLICATION CONTRACT: everything a corte publishes, as its readers see it — the portal, the difusores
 * (newsrooms and official mirrors that download and republish cortes) and `npm run verify`.
 *
 *   - the R2 key layout under `datos/` and the URL of every object (`rutas.ts`);
 *   - the TypeScript type of every published JSON object: shards, manifest, `latest.json`, `historial.json`,
 *     diferencias (`shards.ts`, `manifiesto.ts`, `diferencias.ts`: the change feed and `aplicarDiferencias`), and of
 *     `GET /health` (`salud.ts`);
 *   - the environment a corte was published in and the build that published it (`entorno.ts`);
 *   - the closed sets of codes they carry, as `as const` arrays (`acta.ts`, `catalogo.ts`);
 *   - the 13 figures, the counters of the compact rows and the truncated-percentage arithmetic that turns one into
 *     the other (`figuras.ts`, `porcentaje.ts`), and readers that expand compact rows and actas (`lectura.ts`);
 *   - the pandas and R lines that load each election's CSVs, shown by the LEEME and the portal (`recetas.ts`).
 *
 * A difusor can rely on it: every object the corte job writes is first validated with the domain's zod schemas,
 * and those schemas are built from the arrays here and checked, type for type, against these types
 * (`contrato.test.ts`: a drift fails the type check). A shape changes only with `VERSION_SHARDS`, except
 * fields added as optional (a manifest's and a pointer's `csv`): older objects lack them and still parse; a reader
 * that refuses unknown keys (an older `npm run verify`) must be updated to read newer ones.
 *
 * The contract is plain TypeScript with no dependency (no zod, nothing outside this folder), so a browser or any
 * other program can import it alone; this file is its one public surface.
 */
export {
  COLUMNAS_FIJAS,
  CONTABILIZADAS,
  COTEJADAS,
  DIGITALIZACIONES,
  ESTATUS_ACTA,
  ILEGIBLE,
  MECANISMOS_TRASLADO,
  MIMES_IMAGEN,
  MOTIVOS_SIN_ACTA,
  ORIGENES,
  SIN_DATO,
  TIPOS_DOCUMENTO,
  TOTALES,
  type Contabilizada,
  type Cotejada,
  type Digitalizacion,
  type EstatusActa,
  type ImagenActa,
  type MecanismoTraslado,
  type MimeImagen,
  type MotivoSinActa,
  type Observacion,
  type Origen,
  type TipoDocumento,
  type TipoObservacion,
  type Total,
  type Valor,
} from './acta.ts';
export {
  TIPOS_CASILLA,
  TIPOS_PARTIDO,
  TIPOS_TERRITORIO,
  UBICACIONES,
  type TipoCasilla,
  type TipoPartido,
  type TipoTerritorio,
  type Ubicacion,
} from './catalogo.ts';
export { CONTEO, FIGURAS, esFiguraPorcentaje, figurasDeConteo, type Contador, type Figura, type Figuras } from './figuras.ts';
export { porcentajeTruncado, textoPorcentaje, unidadesPorcentaje, valorPorcentaje } from './porcentaje.ts';
export {
  SECCIONES_POR_GRUPO,
  VERSION_SHARDS,
  grupoDeSeccion,
  type ActaFila,
  type ActaShard,
  type Candidato,
  type CasillaFila,
  type CoalicionRef,
  type EleccionRef,
  type EntidadRef,
  type EntidadShard,
  type FilaHijo,
  type FilaSeccion,
  type FilaSeccionPadre,
  type FilaTerritorioHijo,
  type GrupoSeccionesShard,
  type GruposDeSecciones,
  type ImagenFila,
  type PartidoRef,
  type Resultados,
  type SeccionShard,
  type TerritorioShard,
  type TerritoriosShard,
  type VersionShards,
} from './shards.ts';
export type { AbiertosRef, ArchivoRef, CorteHistorial, CsvEleccionRef, CsvPuntero, Historial, Manifiesto, Puntero, ShardRef } from './manifiesto.ts';
export {
  VERSION_DIFERENCIAS,
  aplicarDiferencias,
  esAplicable,
  partirCsv,
  unirCsv,
  type CsvPartido,
  type Diferencias,
  type DiferenciasClaves,
  type DiferenciasEleccion,
  type FilaCambiada,
  type VersionDiferencias,
} from './diferencias.ts';
export { BASE_GENERICA, recetaPandas, recetaPandasIne, recetaR, recetaRIne, type DatosReceta } from './recetas.ts';
export {
  RAIZ,
  RUTA_AVISO,
  RUTA_LATEST_RAIZ,
  esMutable,
  direccionShard,
  esRutaPublica,
  LONGITUD_DIRECCION,
  prefijo,
  rutaAbiertos,
  rutaCdf,
  rutaCsv,
  rutaDiferencias,
  rutaHistorial,
  rutaImagen,
  rutaLatest,
  rutaManifiesto,
  rutaShard,
  shaDeRuta,
  shardIds,
  type ShardId,
} from './rutas.ts';
export { actaDeFila, filasDeSecciones, leerActa, resultadosDeFila, tablaDeBloque, type ActaLeida, type FilaCompacta, type FilaSeccionLeida, type Tabla } from './lectura.ts';
export type { ResumenCatalogo, Salud, VersionPlataforma } from './salud.ts';
export { ENTORNOS, LEYENDA_SIMULACRO, PREFIJO_ZIP_SIMULACRO, RUTA_IDENTIDAD, leyendaDe, type Entorno, type IdentidadConstruccion } from './entorno.ts';
export { MAXIMO_TEXTO_AVISO, NIVELES_AVISO, type Aviso, type NivelAviso } from './aviso.ts';
