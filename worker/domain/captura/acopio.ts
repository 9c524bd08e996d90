/**
 * Acopio (docs/REGLAS.md §2.1): the CATD receives the acta, records when and how it arrived, or that the package came
 * without it (sin acta, one of four reasons). An identification that matches no expected acta is registered as
 * fuera de catálogo (published at once, never counted), never dropped.
 */
import { z } from 'zod';
import { MotivoSinActaSchema, type MotivoSinActa } from '../acta/esquema.ts';
import { MecanismoTrasladoSchema, type Identificacion } from '../acta/publicada.ts';
import { claveDeParte } from '../claves/clave.ts';
import { err, ok, type Result } from '../resultado.ts';
import { cambio, instante, type Cambio, type Contexto } from './cambio.ts';
import type { ActaEstado, ActaVersionada } from './estado.ts';
import { rechazo, type Rechazo } from './rechazo.ts';

export const AcopioDatosSchema = z.strictObject({
  mecanismoTraslado: MecanismoTrasladoSchema.nullable(),
  sinActa: MotivoSinActaSchema.nullable(),
});
export type AcopioDatos = z.infer<typeof AcopioDatosSchema>;

/** An expected acta, as the catalogue describes it. */
export interface ActaEsperadaRef {
  clave: string;
  casilla: string;
  identificacion: Identificacion;
  distrito: number;
  municipio: number;
  territorio: number;
  /** How many parts the casilla's acta has in this election: 1 unless its sección is split (read for part 1's key). */
  partes: number;
}

/** What the acta being received is: an expected one, or an identification outside the catalogue. */
export type ObjetivoAcopio =
  | { tipo: 'esperada'; esperada: ActaEsperadaRef }
  | {
      tipo: 'fuera_catalogo';
      /** The clave it gets if new (FC-<change sequence>). */
      clave: string;
      identificacion: Identificacion;
      casilla: string | null;
      distrito: number | null;
      municipio: number | null;
      territorio: number | null;
    };

export function acopiar(actual: ActaVersionada | null, objetivo: ObjetivoAcopio, datos: AcopioDatos, ctx: Contexto): Result<Cambio, Rechazo> {
  const acopio = {
    at: instante(ctx),
    atServidor: ctx.ahora,
    operador: ctx.operador.id,
    catd: ctx.operador.catd?.id ?? null,
    mecanismoTraslado: datos.mecanismoTraslado,
    motivoSinActa: datos.sinActa,
  };
  const detalle = { mecanismoTraslado: datos.mecanismoTraslado, sinActa: datos.sinActa, registro: objetivo.tipo };
  if (actual !== null) return acopiarExistente(actual.estado, acopio, detalle);
  if (objetivo.tipo === 'fuera_catalogo' && datos.sinActa !== null) {
    return err(rechazo('INVALIDO', 'SIN_ACTA_FUERA_DE_CATALOGO', 'Un acta fuera de catálogo no puede registrarse como sin acta.'));
  }
  const estado = nuevoEstado(objetivo, datos.sinActa, ctx);
  return ok(cambio('ACOPIO', { ...estado, acopio }, detalle, { nueva: true }));
}

function acopiarExistente(estado: ActaEstado, acopio: NonNullable<ActaEstado['acopio']>, detalle: Record<string, unknown>): Result<Cambio, Rechazo> {
  if (estado.acopio !== null) {
    return err(rechazo('CONFLICTO', 'ACTA_YA_RECIBIDA', `El acta ${estado.clave} ya fue recibida.`, { acopio: estado.acopio }));
  }
  if (acopio.motivoSinActa !== null) {
    return err(
      rechazo('CONFLICTO', 'ACTA_CON_IMAGEN', `El acta ${estado.clave} ya tiene imagen: se captura desde ella, no es sin acta.`),
    );
  }
  return ok(cambio('ACOPIO', { ...estado, acopio }, detalle));
}

function nuevoEstado(objetivo: ObjetivoAcopio, sinActa: MotivoSinActa | null, ctx: Contexto): ActaEstado {
  const comun = {
    etapaDesde: ctx.ahora,
    ronda: 1,
    acopio: null,
    imagen: null,
    verificada: null,
    cotejada: 0 as const,
    devolucion: null,
    capturistas: [],
    verificadores: [],
  };
  if (objetivo.tipo === 'esperada') {
    const e = objetivo.esperada;
    return {
      ...comun,
      clave: e.clave,
      esperada: true,
      identificacion: e.identificacion,
      casilla: e.casilla,
      distrito: e.distrito,
      municipio: e.municipio,
      territorio: e.territorio,
      catdRegistro: null,
      registro: sinActa === null ? 'captura' : 'sin_acta',
      etapa: sinActa === null ? 'DIGITALIZACION' : 'SIN_ACTA',
    };
  }
  return {
    ...comun,
    clave: objetivo.clave,
    esperada: false,
    identificacion: objetivo.identificacion,
    casilla: objetivo.casilla,
    distrito: objetivo.distrito,
    municipio: objetivo.municipio,
    territorio: objetivo.territorio,
    catdRegistro: ctx.operador.catd?.id ?? null,
    registro: 'fuera_catalogo',
    etapa: 'DIGITALIZACION',
  };
}

/**
 * Identification fields name a casilla, not a part: for a split casilla's acta (one per territory, the same
 * CLAVE_ACTA) they cannot say which paper arrived. The operator must give the key of the one received.
 */
export function actaPartida(esperada: ActaEsperadaRef, porCampos: boolean): Rechazo | null {
  if (!porCampos || esperada.partes <= 1) return null;
  const claves = Array.from({ length: esperada.partes }, (_, i) => claveDeParte(esperada.clave, i + 1));
  const i = esperada.identificacion;
  return rechazo(
    'CONFLICTO',
    'ACTA_PARTIDA',
    `La casilla ${i.seccion} ${i.tipo} ${i.id} tiene ${claves.length} actas de ${i.eleccion}, una por territorio (sección partida): registre la recibida por su clave (${claves.join(', ')}).`,
    { claves },
  );
}

/** A part's key (`CLAVE_ACTA-n`) that the catalogue does not have: a typing slip, not a paper outside the catalogue. */
export function parteInexistente(clave: string): Rechazo {
  return rechazo('NO_ENCONTRADO', 'PARTE_INEXISTENTE', `El acta ${clave} no existe: esa casilla no tiene esa parte en el catálogo.`);
}

/** The key under which a fuera de catálogo identification is unique: ELECCION/seccion/tipo/id/ext. */
export function claveIdentificacion(i: Identificacion): string {
  return `${i.eleccion}/${i.seccion}/${i.tipo}/${i.id}/${i.extContigua}`;
}
