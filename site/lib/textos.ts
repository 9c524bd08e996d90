/**
 * Plain-Spanish texts of the published codes for the portal, worded for citizens (the CSV keeps the INE wording,
 * in the domain). The codes are the publication contract's. Every switch is exhaustive (`inesperado`).
 */
import type {
  Cotejada,
  Digitalizacion,
  EstatusActa,
  MotivoSinActa,
  Observacion,
  Origen,
  TipoCasilla,
  TipoDocumento,
  Valor,
} from '../../worker/domain/contrato/index.ts';

/** Ends a `switch` over a published code: a missing `case` does not compile; an unknown value read from a shard throws. */
function inesperado(x: never, que: string): never {
  throw new Error(`valor inesperado (${que}): ${JSON.stringify(x)}`);
}

export function tipoCasillaTexto(t: TipoCasilla): string {
  switch (t) {
    case 'B':
      return 'Básica';
    case 'C':
      return 'Contigua';
    case 'E':
      return 'Extraordinaria';
    case 'S':
      return 'Especial';
    case 'M':
      return 'Sin lista nominal propia';
    default:
      return inesperado(t, 'tipo de casilla');
  }
}

/** "Básica 1", "Contigua 3", "Extraordinaria 1 contigua 2". */
export function casillaTexto(c: { tipo: TipoCasilla; id: number; extContigua: number }): string {
  const base = `${tipoCasillaTexto(c.tipo)} ${c.id}`;
  return c.extContigua > 0 ? `${base} contigua ${c.extContigua}` : base;
}

export function motivoSinActaTexto(m: MotivoSinActa): string {
  switch (m) {
    case 'PAQUETE_NO_ENTREGADO':
      return 'paquete no entregado';
    case 'CASILLA_NO_INSTALADA':
      return 'casilla no instalada';
    case 'SIN_SOBRE':
      return 'sin sobre PREP';
    case 'CONTINGENCIA_URNA_ELECTRONICA':
      return 'contingencia en urna electrónica';
    default:
      return inesperado(m, 'motivo de sin acta');
  }
}

/** One observation, with the fields it concerns named by `nombre` (siglas → display name). */
export function observacionTexto(o: Observacion, nombre: (columna: string) => string = (c) => c): string {
  switch (o.tipo) {
    case 'EXCEDE_LISTA_NOMINAL':
      return 'Excede la lista nominal: el total de votos es mayor que la lista nominal más las y los representantes';
    case 'ILEGIBLE':
      return `Ilegible (cuenta como cero): ${o.campos.map(nombre).join(', ')}`;
    case 'SIN_DATO':
      return `Sin dato (cuenta como cero): ${o.campos.map(nombre).join(', ')}`;
    case 'TODOS_ILEGIBLES':
      return 'Todos los campos de votos son ilegibles';
    case 'TODOS_VACIOS':
      return 'Todos los campos de votos están vacíos';
    case 'SIN_ACTA':
      return `Sin acta: ${motivoSinActaTexto(o.motivo)}`;
    case 'FUERA_CATALOGO':
      return 'Fuera de catálogo: no corresponde a ninguna casilla aprobada';
    default:
      return inesperado(o, 'observación');
  }
}

export type ClaseEstatus = 'contabilizada' | 'no-contabilizada' | 'pendiente';

/** The status line of an acta and its CSS class; null (not yet registered) is "pendiente". */
export function estatusTexto(e: EstatusActa | null): { texto: string; clase: ClaseEstatus } {
  if (e === null) return { texto: 'Pendiente: aún no se registra', clase: 'pendiente' };
  switch (e) {
    case 'CONTABILIZADA':
      return { texto: 'Contabilizada', clase: 'contabilizada' };
    case 'EXCEDE_LISTA_NOMINAL':
      return { texto: 'No contabilizada: excede la lista nominal', clase: 'no-contabilizada' };
    case 'TODOS_ILEGIBLES':
      return { texto: 'No contabilizada: todos los campos ilegibles', clase: 'no-contabilizada' };
    case 'TODOS_VACIOS':
      return { texto: 'No contabilizada: todos los campos vacíos', clase: 'no-contabilizada' };
    case 'SIN_ACTA':
      return { texto: 'No contabilizada: sin acta', clase: 'no-contabilizada' };
    case 'FUERA_CATALOGO':
      return { texto: 'Fuera de catálogo', clase: 'no-contabilizada' };
    default:
      return inesperado(e, 'estatus de acta');
  }
}

export function origenTexto(o: Origen): string {
  switch (o) {
    case 'CASILLA':
      return 'Casilla (PREP Casilla)';
    case 'CATD':
      return 'CATD';
    default:
      return inesperado(o, 'origen');
  }
}

export function digitalizacionTexto(d: Digitalizacion): string {
  switch (d) {
    case 'MOVIL':
      return 'Dispositivo móvil';
    case 'ESCANER':
      return 'Escáner';
    default:
      return inesperado(d, 'digitalización');
  }
}

export function tipoDocumentoTexto(t: TipoDocumento): string {
  switch (t) {
    case 'ACTA_PREP':
      return 'Acta PREP';
    case 'ACTA_CONSEJO':
      return 'Acta del consejo';
    case 'ACTA_CONSEJO_S':
      return 'Acta del consejo (casilla especial)';
    case 'COPIA_RPPCI':
      return 'Copia de representante de partido o candidatura independiente';
    case 'COPIA_PE':
      return 'Copia del paquete electoral';
    case 'REPRESENTACION_ACTA':
      return 'Representación del acta (urna electrónica)';
    default:
      return inesperado(t, 'tipo de documento');
  }
}

export function cotejadaTexto(c: Cotejada): string {
  switch (c) {
    case 0:
      return 'Sin cotejo';
    case 1:
      return 'Cotejada: aceptada a la primera';
    case 2:
      return 'Cotejada: aceptada después de una corrección';
    case 3:
      return 'En corrección (nueva captura o digitalización solicitada)';
    default:
      return inesperado(c, 'cotejada');
  }
}

/** A captured vote or total field: integer, Ilegible or Sin dato; `-` when it does not apply. */
export function valorTexto(v: Valor | null | undefined, entero: (n: number) => string): string {
  if (v === null || v === undefined) return '-';
  if (v === 'ILEGIBLE') return 'Ilegible';
  if (v === 'SIN_DATO') return 'Sin dato';
  return entero(v);
}
