import type { TextoInternacional } from './cdf-tipos.ts';

/** A CDF InternationalizedText in Spanish (es-MX): every name in the catalogue is. */
export function textoEs(contenido: string): TextoInternacional {
  return { '@type': 'ElectionResults.InternationalizedText', Text: [{ '@type': 'ElectionResults.LanguageString', Content: contenido, Language: 'es-MX' }] };
}
