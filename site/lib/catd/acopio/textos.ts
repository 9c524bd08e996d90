/** The acopio screen's names for the contract's codes (es-MX). */
import type { MecanismoTraslado, MotivoSinActa, TipoCasilla } from '../../../../worker/domain/contrato/index.ts';

export const MOTIVO_SIN_ACTA: Readonly<Record<MotivoSinActa, string>> = {
  PAQUETE_NO_ENTREGADO: 'Paquete no entregado',
  CASILLA_NO_INSTALADA: 'Casilla no instalada',
  SIN_SOBRE: 'Sin sobre PREP (el paquete llegó sin el acta)',
  CONTINGENCIA_URNA_ELECTRONICA: 'Contingencia en urna electrónica',
};

export const MECANISMO: Readonly<Record<MecanismoTraslado, string>> = {
  D: 'D · Dispositivo de apoyo para el traslado (DAT)',
  F: 'F · Centro de recepción y traslado fijo',
  I: 'I · Centro de recepción y traslado itinerante',
};

export const TIPO_CASILLA: Readonly<Record<TipoCasilla, string>> = {
  B: 'B · Básica',
  C: 'C · Contigua',
  E: 'E · Extraordinaria',
  S: 'S · Especial',
  M: 'M · Voto desde el extranjero',
};

export const REGISTRO: Readonly<Record<'captura' | 'sin_acta' | 'fuera_catalogo', string>> = {
  captura: 'Acta recibida: pasa a digitalización',
  sin_acta: 'Registrada sin acta',
  fuera_catalogo: 'Registrada fuera de catálogo',
};
