/**
 * LEEME.txt of one election's folder in the open-data zip: what every file, line and column means, in
 * Spanish, as INE's own LEEME does. It depends on the catalogue only (the corte instant is in the CSV), so it
 * is written once per catalogue. Every column of the results CSV header is described: `leeme.test.ts`
 * checks it against `cabeceraDatos`.
 */
import { assertNever } from '../assert.ts';
import type { Catalogo } from '../catalogo/esquema.ts';
import { partidosDeCombinacion } from './combinaciones.ts';
import { cabeceraCandidaturas } from './csv-candidaturas.ts';
import { COLUMNAS_CATALOGO, COLUMNAS_FINALES, TOTALES_INICIALES } from './csv-resultados.ts';
import type { EleccionModelo } from './modelo.ts';
import { FIGURAS, LEYENDA_SIMULACRO, type Entorno, type Figura } from '../contrato/index.ts';
import { offsetLabel } from '../tiempo/central.ts';
import { BASE_GENERICA, recetaPandas, recetaPandasIne, recetaR, recetaRIne } from '../contrato/index.ts';
import { COLUMNAS_ESTADO, offsetIso } from './csv-ordenado.ts';

export function nombreCsvResultados(codigo: string): string {
  return `${codigo}.csv`;
}

export function nombreCsvCandidaturas(codigo: string): string {
  return `${codigo}_CANDIDATURAS.csv`;
}

export const NOMBRE_LEEME = 'LEEME.txt';

export function descripcionFigura(f: Figura): string {
  switch (f) {
    case 'ACTAS_ESPERADAS':
      return 'Número de actas esperadas: una por cada casilla aprobada para esta elección.';
    case 'ACTAS_REGISTRADAS':
      return 'Número de actas registradas en el sistema al momento del corte, contabilizadas o no, incluidas las fuera de catálogo.';
    case 'ACTAS_FUERA_CATALOGO':
      return 'Número de actas registradas cuya identificación (sección, tipo y número de casilla, elección) no corresponde a ninguna acta esperada. Nunca se contabilizan.';
    case 'ACTAS_CAPTURADAS':
      return 'Número de actas registradas que corresponden a actas esperadas (ACTAS_REGISTRADAS − ACTAS_FUERA_CATALOGO).';
    case 'PORCENTAJE_ACTAS_CAPTURADAS':
      return 'Porcentaje de actas capturadas respecto de las esperadas: 100 × ACTAS_CAPTURADAS / ACTAS_ESPERADAS.';
    case 'ACTAS_CONTABILIZADAS':
      return 'Número de actas capturadas que se contabilizan (CONTABILIZADA = 1).';
    case 'PORCENTAJE_ACTAS_CONTABILIZADAS':
      return 'Porcentaje de actas contabilizadas respecto de las esperadas: 100 × ACTAS_CONTABILIZADAS / ACTAS_ESPERADAS.';
    case 'PORCENTAJE_ACTAS_INCONSISTENCIAS':
      return 'Porcentaje de actas capturadas con alguna inconsistencia (Excede Lista Nominal, Ilegible, Sin dato, Todos los campos ilegibles, Todos los campos vacíos) respecto de las esperadas. Las actas sin acta no son inconsistencias.';
    case 'ACTAS_NO_CONTABILIZADAS':
      return 'Número de actas capturadas que no se contabilizan (ACTAS_CAPTURADAS − ACTAS_CONTABILIZADAS).';
    case 'LISTA_NOMINAL_ACTAS_CONTABILIZADAS':
      return 'Suma de la lista nominal de las casillas cuyas actas se contabilizan (las casillas especiales suman 0).';
    case 'TOTAL_VOTOS_C_CS':
      return 'Suma de TOTAL_VOTOS_CALCULADO de las actas contabilizadas, incluidas las de casillas especiales.';
    case 'TOTAL_VOTOS_S_CS':
      return 'Suma de TOTAL_VOTOS_CALCULADO de las actas contabilizadas, sin las de casillas especiales.';
    case 'PORCENTAJE_PARTICIPACION_CIUDADANA':
      return 'Porcentaje de participación: 100 × TOTAL_VOTOS_S_CS / LISTA_NOMINAL_ACTAS_CONTABILIZADAS; en el corte final se usa TOTAL_VOTOS_C_CS. Vale 0 cuando la lista nominal es 0.';
    default:
      return assertNever(f, 'figura');
  }
}

/** Every non-vote column of the results CSV, described. */
export function descripcionColumna(c: (typeof COLUMNAS_CATALOGO)[number] | (typeof TOTALES_INICIALES)[number] | (typeof COLUMNAS_FINALES)[number]): string {
  switch (c) {
    case 'CLAVE_CASILLA':
      return "Clave de la casilla: ID_ENTIDAD (2 dígitos) + SECCION (4) + TIPO_CASILLA (1) + ID_CASILLA (2) + EXT_CONTIGUA (2). Lleva un apóstrofo inicial (') para que las hojas de cálculo conserven los ceros; quítelo al procesar. \"-\" en actas fuera de catálogo.";
    case 'CLAVE_ACTA':
      return "Clave del acta: CLAVE_CASILLA + TIPO_ACTA, con apóstrofo inicial. \"-\" en actas fuera de catálogo.";
    case 'ID_ENTIDAD':
      return 'Identificador de la entidad federativa.';
    case 'ENTIDAD':
      return 'Nombre de la entidad federativa.';
    case 'ID_DISTRITO_LOCAL':
      return 'Número del distrito electoral local de la sección. "-" en actas fuera de catálogo.';
    case 'DISTRITO_LOCAL':
      return 'Cabecera del distrito electoral local. "-" en actas fuera de catálogo.';
    case 'ID_MUNICIPIO':
      return 'Identificador del municipio de la sección. "-" en actas fuera de catálogo.';
    case 'MUNICIPIO':
      return 'Nombre del municipio. "-" en actas fuera de catálogo.';
    case 'SECCION':
      return 'Número de la sección electoral (en actas fuera de catálogo, la que se leyó en el acta).';
    case 'ID_CASILLA':
      return 'Número de la casilla dentro de su sección y tipo.';
    case 'TIPO_CASILLA':
      return 'Tipo de casilla: B básica, C contigua, E extraordinaria, S especial, M casilla sin lista nominal propia.';
    case 'EXT_CONTIGUA':
      return 'Número de casilla contigua a una extraordinaria; 0 si no aplica.';
    case 'UBICACION_CASILLA':
      return 'Ubicación de la casilla: 1 urbana, 2 no urbana. "-" en actas fuera de catálogo.';
    case 'TIPO_ACTA':
      return 'Código del tipo de acta de esta elección (último carácter de CLAVE_ACTA).';
    case 'TOTAL_BOLETAS_SOBRANTES':
      return 'Total de boletas sobrantes, como se capturó del acta.';
    case 'TOTAL_PERSONAS_VOTARON':
      return 'Total de personas que votaron, como se capturó del acta.';
    case 'TOTAL_REP_PARTIDO_CI_VOTARON':
      return 'Total de representantes de partidos y candidaturas independientes que votaron en la casilla sin estar en la lista nominal, como se capturó.';
    case 'TOTAL_VOTOS_SACADOS':
      return 'Total de votos sacados de la urna, como se capturó del acta.';
    case 'TOTAL_VOTOS_ASENTADO':
      return 'Total de votos escrito en el acta, como se capturó.';
    case 'TOTAL_VOTOS_CALCULADO':
      return 'Suma de todos los campos de votos del acta (los campos Ilegible o Sin dato cuentan 0). La calcula el sistema; no se captura. "-" si el acta no tiene cifras capturadas.';
    case 'LISTA_NOMINAL':
      return 'Número de personas en la lista nominal de la casilla (0 en casillas especiales y en casillas sin lista nominal propia). "-" en actas fuera de catálogo.';
    case 'REPRESENTANTES_PP_CI':
      return 'Número de representantes de partidos y candidaturas independientes acreditados ante la casilla. "-" en actas fuera de catálogo.';
    case 'OBSERVACIONES':
      return 'Observaciones del acta, separadas por coma: "Excede Lista Nominal" (TOTAL_VOTOS_CALCULADO mayor que LISTA_NOMINAL + REPRESENTANTES_PP_CI, o en casilla especial mayor que las boletas aprobadas + representantes), "Ilegible" / "Sin dato" (algún campo de votos ilegible o vacío; el acta se contabiliza si al menos un campo tiene número), "Todos los campos ilegibles", "Todos los campos vacíos", "Sin acta por …" (paquete no entregado, casilla no instalada, sin sobre, contingencia en urna electrónica), "Fuera de catálogo". Vacío si no hay observaciones; "-" si el acta aún no se registra.';
    case 'CONTABILIZADA':
      return 'Estado del acta: 1 contabilizada, 0 no contabilizada, 2 fuera de catálogo, "-" aún no registrada.';
    case 'MECANISMOS_TRASLADO':
      return 'Mecanismo de traslado del paquete registrado en el acopio: D, F o I; vacío si no se registró ninguno; "-" si aún no hay acopio.';
    case 'CODIGO_INTEGRIDAD':
      return 'Código de integridad: SHA-256 (hexadecimal) del archivo de imagen del acta. Calcule el SHA-256 de la imagen publicada para comprobar que no fue alterada.';
    case 'FECHA_HORA_ACOPIO':
      return 'Fecha y hora en que el CATD recibió el acta (DD/MM/AAAA HH:MM:SS).';
    case 'FECHA_HORA_CAPTURA':
      return 'Fecha y hora de la captura de las cifras del acta.';
    case 'FECHA_HORA_VERIFICACION':
      return 'Fecha y hora en que se verificó la captura; desde entonces el acta es publicable.';
    case 'ORIGEN':
      return 'Dónde se digitalizó el acta: CASILLA (aplicación PREP Casilla) o CATD.';
    case 'DIGITALIZACION':
      return 'Cómo se digitalizó: MOVIL (teléfono) o ESCANER.';
    case 'TIPO_DOCUMENTO':
      return 'Documento del que se tomaron las cifras: Acta PREP, Acta Consejo, Acta Consejo S, Copia RPPCI, Copia PE o Representación de Acta (urna electrónica).';
    case 'COTEJADA':
      return 'Cotejo contra la imagen: 0 sin cotejo, 1 aceptada al primer cotejo, 2 aceptada después de una corrección, 3 en proceso de corrección.';
    default:
      return assertNever(c, 'columna');
  }
}

/** What a vote column holds: a party, an independent, a combination of a coalition's parties, or a fixed column. */
export function descripcionVoto(cat: Catalogo, columna: string): string {
  if (columna === 'NO_REGISTRADAS') return 'Votos para candidaturas no registradas.';
  if (columna === 'NULOS') return 'Votos nulos.';
  const partido = cat.partidos.find((p) => p.siglas === columna);
  if (partido) {
    return partido.tipo === 'independiente' ? `Votos para la candidatura independiente ${partido.nombre}.` : `Votos para ${partido.nombre} (${partido.siglas}).`;
  }
  const partes = partidosDeCombinacion(columna, cat.partidos.map((p) => p.siglas));
  if (partes) return `Votos marcados para la combinación de ${partes.join(', ')} (boleta con más de un emblema de la misma coalición). Suman a la coalición, no a cada partido.`;
  return `Votos para ${columna}.`;
}

const linea = (texto: string) => `${texto}\r\n`;
const campo = (nombre: string, texto: string) => linea(`  ${nombre}`) + linea(`      ${texto}`);

/** In `pruebas` the LEEME opens with the simulacro's legend, framed so that it cannot be missed. */
function encabezadoSimulacro(p: (t?: string) => void): void {
  p('*'.repeat(100));
  p(`*** ${LEYENDA_SIMULACRO}`);
  p('*** SIMULACRO · PRUEBA · SIMULACRO · PRUEBA · SIMULACRO · PRUEBA');
  p('*'.repeat(100));
  p();
}

/** `entorno` defaults to `pruebas`: an unlabelled LEEME must be asked for. */
export function leeme(cat: Catalogo, em: EleccionModelo, entorno: Entorno = 'pruebas'): string {
  const e = em.eleccion;
  const partes: string[] = [];
  const p = (t = '') => partes.push(linea(t));
  if (entorno === 'pruebas') encabezadoSimulacro(p);
  p('PROGRAMA DE RESULTADOS ELECTORALES PRELIMINARES (PREP)');
  p(`${cat.entidad.nombre}. ${e.nombre}`);
  p();
  p('AVISO: los resultados del PREP son preliminares, tienen carácter informativo y no tienen efectos jurídicos.');
  p('Los resultados oficiales son los de los cómputos de los consejos.');
  if (cat.entidad.sintetico) p('AVISO: el catálogo de casillas de esta publicación es SINTÉTICO (generado): no corresponde a casillas reales.');
  p();
  p('ARCHIVOS DE ESTA CARPETA');
  partes.push(campo(nombreCsvResultados(e.codigo), 'Resultados: una fila por acta esperada de la elección y las actas fuera de catálogo.'));
  partes.push(campo(nombreCsvCandidaturas(e.codigo), 'Candidaturas: partido, candidatura independiente o coalición por territorio, con su fórmula.'));
  partes.push(campo(NOMBRE_LEEME, 'Este archivo.'));
  p();
  p('FORMATO');
  p('  Texto UTF-8 con BOM, separado por comas, fin de línea CRLF, comillas dobles según RFC 4180.');
  p('  Celdas de votos y totales: número entero; "Ilegible" (no se lee ni en letra ni en número; cuenta 0);');
  p('  "Sin dato" (no se escribió nada; cuenta 0); "-" (no aplica a la boleta de esa casilla, o el acta aún no se registra).');
  p('  Porcentajes con 4 decimales, truncados (no redondeados).');
  p(`  Fechas y horas en hora local de la entidad (${offsetLabel(cat.entidad.utcOffsetMinutes)}, sin horario de verano): DD/MM/AAAA HH:MM:SS.`);
  p();
  p(`ESTRUCTURA DE ${nombreCsvResultados(e.codigo)}`);
  p('  Línea 1: nombre de la elección.');
  p(`  Línea 2: fecha y hora del corte, DD/MM/AAAA HH:MM (${offsetLabel(cat.entidad.utcOffsetMinutes)}).`);
  p('  Línea 3: encabezado del resumen; línea 4: sus valores para toda la entidad. El resumen es siempre la suma de las filas.');
  p('  Línea 5: encabezado de datos. Después, una fila por acta esperada en orden de distrito, sección, tipo de casilla,');
  p('  número de casilla y contigua (registrada o no) y al final las actas fuera de catálogo.');
  if (em.actas.some((a) => a.parte > 1)) {
    p('  Una casilla de una sección dividida entre dos territorios de esta elección tiene un acta por parte, con la misma');
    p('  CLAVE_ACTA: una fila por parte, cada una con el distrito y el municipio donde se cuentan sus votos y su lista nominal.');
  }
  p();
  p('RESUMEN (líneas 3 y 4)');
  for (const f of FIGURAS) partes.push(campo(f, descripcionFigura(f)));
  p();
  p('DATOS (línea 5 en adelante)');
  for (const c of COLUMNAS_CATALOGO) partes.push(campo(c, descripcionColumna(c)));
  for (const c of TOTALES_INICIALES) partes.push(campo(c, descripcionColumna(c)));
  for (const c of em.columnas) partes.push(campo(c, descripcionVoto(cat, c)));
  for (const c of COLUMNAS_FINALES) partes.push(campo(c, descripcionColumna(c)));
  p();
  p(`ESTRUCTURA DE ${nombreCsvCandidaturas(e.codigo)}`);
  for (const c of cabeceraCandidaturas(em)) partes.push(campo(c, descripcionCandidatura(c)));
  p();
  csvFueraDelZip(p, cat, em);
  p();
  p('VERIFICACIÓN');
  p('  El manifiesto de cada corte (/datos/<entidad>/manifiestos/<sha256>.json) lista el SHA-256 de este zip y de cada');
  p('  archivo que contiene, de cada archivo JSON publicado y del manifiesto del corte anterior (cadena de hashes).');
  p('  `npm run verify -- <URL o carpeta>` recalcula el resumen a partir de las filas y comprueba todos los hashes.');
  return partes.join('');
}

/** The per-election CSVs at their own URLs, the tidy layout and the pandas / R recipes (contrato/recetas.ts). */
function csvFueraDelZip(p: (t?: string) => void, cat: Catalogo, em: EleccionModelo): void {
  const c = em.eleccion.codigo;
  const receta = { base: BASE_GENERICA, entidad: cat.entidad.id, eleccion: c };
  p('CSV DE CADA ELECCIÓN EN SU PROPIA DIRECCIÓN');
  p('  Cada corte publica también, fuera del zip, el CSV de resultados de cada elección y su variante ordenada:');
  p(`    /datos/${cat.entidad.id}/csv/<sha256>/<AAAAMMDD_HHMM>_PREP_${c}.csv            el mismo archivo que ${nombreCsvResultados(c)}`);
  p(`    /datos/${cat.entidad.id}/csv/<sha256>/<AAAAMMDD_HHMM>_PREP_${c}_ORDENADO.csv   formato ordenado (abajo)`);
  p('  <sha256> es el SHA-256 del archivo; <AAAAMMDD_HHMM>, el corte (en un simulacro el nombre lleva además el prefijo del zip).');
  p(`  /datos/${cat.entidad.id}/latest.json los nombra para el corte más reciente (elecciones[].csv.resultados y .ordenado);`);
  p('  el manifiesto de cada corte, en "csv". Quien no pide compresión (curl sin --compressed, pandas, R) los recibe sin comprimir.');
  p();
  p(`FORMATO ORDENADO (…_PREP_${c}_ORDENADO.csv)`);
  p('  UTF-8 sin BOM, RFC 4180, CRLF. Una sola línea de encabezado: las columnas de DATOS y al final');
  p(`  ${COLUMNAS_ESTADO.join(' y ')}. No lleva título ni resumen: el resumen es la suma de las filas (RESUMEN).`);
  p('  CLAVE_CASILLA y CLAVE_ACTA sin apóstrofo.');
  p(`  FECHA_HORA_* en ISO 8601 con el desfase de la entidad: AAAA-MM-DDTHH:MM:SS${offsetIso(cat.entidad.utcOffsetMinutes)}.`);
  p('  Celda vacía donde el formato del INE dice "-" (no aplica o aún no se registra).');
  p('  Un total o voto "Ilegible" o "Sin dato" queda vacío (cuenta 0, como en el formato del INE) y el nombre de su');
  p(`  columna se anota en ${COLUMNAS_ESTADO[0]} o ${COLUMNAS_ESTADO[1]} (varias separadas por ";"). Las columnas numéricas solo tienen números.`);
  p();
  p('CARGAR CON PANDAS O R (SITIO: la dirección del portal del PREP)');
  p('  pandas, formato ordenado:');
  for (const l of recetaPandas(receta).split('\n')) p(`    ${l}`);
  p('  R, formato ordenado:');
  for (const l of recetaR(receta).split('\n')) p(`    ${l}`);
  p('  pandas, formato del INE (el encabezado de datos está en la línea 5):');
  for (const l of recetaPandasIne(receta).split('\n')) p(`    ${l}`);
  p('  R, formato del INE:');
  for (const l of recetaRIne(receta).split('\n')) p(`    ${l}`);
}

export function descripcionCandidatura(c: string): string {
  switch (c) {
    case 'ID_ENTIDAD':
      return 'Identificador de la entidad federativa.';
    case 'ID_DISTRITO_LOCAL':
      return 'Distrito local donde se postula la fórmula.';
    case 'ID_MUNICIPIO':
      return 'Municipio donde se postula la planilla.';
    case 'PARTIDO_CI':
      return 'Siglas del partido, clave de la candidatura independiente o de la coalición que postula.';
    case 'CANDIDATURA_PROPIETARIA':
      return 'Nombre de la persona candidata propietaria.';
    case 'CANDIDATURA_SUPLENTE':
      return 'Nombre de la persona candidata suplente.';
    default:
      return c;
  }
}
