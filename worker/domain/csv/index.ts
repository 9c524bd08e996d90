/** CSV reading and writing shared by the catalogue import and the PREP database tools. */
export { decodeCsvBytes, primerByteNoUtf8, type Codificacion, type TextoDecodificado } from './decodificar.ts';
export {
  isBlank,
  parseCsv,
  wrongDelimiter,
  type CsvError,
  type CsvErrorCodigo,
  type CsvField,
  type CsvRareza,
  type CsvRecord,
  type ParseOptions,
} from './leer.ts';
export { csvField, writeCsv, type WriteOptions } from './escribir.ts';
