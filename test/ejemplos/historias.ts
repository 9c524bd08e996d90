/**
 * fast-check arbitraries of publication-log histories over a catalogue, for the property tests: captures,
 * corrections (the same clave captured again), sin acta, fuera de catálogo registrations, with Ilegible and
 * Sin dato fields, cut into cortes (some of them final). Test support only.
 */
import fc from 'fast-check';
import type { ActaPublicada } from '../../worker/domain/acta/publicada.ts';
import { COLUMNAS_FIJAS, ILEGIBLE, SIN_DATO, type Valor } from '../../worker/domain/acta/esquema.ts';
import type { Cambio } from '../../worker/domain/corte/cambio.ts';
import { EstadoCorte } from '../../worker/domain/corte/estado.ts';
import type { ActaModelo, CorteModelo } from '../../worker/domain/corte/modelo.ts';

const valor: fc.Arbitrary<Valor> = fc.oneof(
  { weight: 12, arbitrary: fc.integer({ min: 0, max: 400 }) },
  { weight: 1, arbitrary: fc.constant(ILEGIBLE) },
  { weight: 1, arbitrary: fc.constant(SIN_DATO) },
);

function votosDe(columnas: readonly string[]): fc.Arbitrary<Record<string, Valor>> {
  return fc.array(valor, { minLength: columnas.length, maxLength: columnas.length }).map((vs) => Object.fromEntries(columnas.map((c, i) => [c, vs[i]!])));
}

const total = fc.oneof(fc.integer({ min: 0, max: 900 }), fc.constant(ILEGIBLE), fc.constant(SIN_DATO));
const totales = fc.record({
  TOTAL_BOLETAS_SOBRANTES: total,
  TOTAL_PERSONAS_VOTARON: total,
  TOTAL_REP_PARTIDO_CI_VOTARON: total,
  TOTAL_VOTOS_SACADOS: total,
  TOTAL_VOTOS_ASENTADO: total,
});
const sha = fc.uint8Array({ minLength: 32, maxLength: 32 }).map((b) => [...b].map((x) => x.toString(16).padStart(2, '0')).join(''));
const instante = fc.integer({ min: Date.UTC(2024, 5, 3, 2), max: Date.UTC(2024, 5, 4, 2) });
const comunes = fc.record({
  mecanismoTraslado: fc.constantFrom(null, 'D', 'F', 'I'),
  imagen: fc.option(
    fc.record({
      sha256: sha,
      mime: fc.constantFrom('image/jpeg', 'image/png', 'application/pdf'),
      origen: fc.constantFrom('CASILLA', 'CATD'),
      digitalizacion: fc.constantFrom('MOVIL', 'ESCANER'),
      tipoDocumento: fc.constantFrom('ACTA_PREP', 'ACTA_CONSEJO', 'ACTA_CONSEJO_S', 'COPIA_RPPCI', 'COPIA_PE', 'REPRESENTACION_ACTA'),
    }),
  ),
  acopioAt: fc.option(instante),
  capturaAt: fc.option(instante),
  verificacionAt: fc.option(instante),
  cotejada: fc.constantFrom(0, 1, 2, 3),
}) as fc.Arbitrary<Pick<ActaPublicada, 'mecanismoTraslado' | 'imagen' | 'acopioAt' | 'capturaAt' | 'verificacionAt' | 'cotejada'>>;

/** A log entry for an expected acta: a capture (of its ballot's fields) or a sin acta. */
export function entradaEsperada(a: ActaModelo): fc.Arbitrary<ActaPublicada> {
  const identificacion = { eleccion: a.eleccion.codigo, seccion: a.casilla.seccion, tipo: a.casilla.tipo, id: a.casilla.id, extContigua: a.casilla.extContigua };
  const captura = fc.record({ votos: votosDe([...a.boleta.columnas, ...COLUMNAS_FIJAS]), totales });
  return fc.tuple(comunes, fc.oneof({ weight: 6, arbitrary: captura.map((c) => ({ c })) }, { weight: 1, arbitrary: fc.constantFrom('PAQUETE_NO_ENTREGADO', 'CASILLA_NO_INSTALADA', 'SIN_SOBRE', 'CONTINGENCIA_URNA_ELECTRONICA').map((m) => ({ m })) })).map(
    ([x, r]): ActaPublicada =>
      'c' in r
        ? { clave: a.clave, identificacion, registro: 'captura', motivoSinActa: null, captura: r.c, ...x }
        : { clave: a.clave, identificacion, registro: 'sin_acta', motivoSinActa: r.m as ActaPublicada['motivoSinActa'], captura: null, ...x },
  );
}

/** A fuera de catálogo registration `FC-<n>` of one election, with or without figures. */
export function entradaFueraCatalogo(modelo: CorteModelo, n: number): fc.Arbitrary<ActaPublicada> {
  return fc
    .tuple(
      fc.constantFrom(...modelo.elecciones),
      fc.record({ seccion: fc.integer({ min: 1, max: 9999 }), tipo: fc.constantFrom('B', 'C', 'E', 'S'), id: fc.integer({ min: 1, max: 99 }), extContigua: fc.integer({ min: 0, max: 3 }) }),
      comunes,
    )
    .chain(([em, id, x]) =>
      fc.option(fc.record({ votos: votosDe(em.columnas), totales })).map(
        (captura): ActaPublicada => ({
          clave: `FC-${n}`,
          identificacion: { eleccion: em.eleccion.codigo, ...(id as { seccion: number; tipo: 'B' | 'C' | 'E' | 'S'; id: number; extContigua: number }) },
          registro: 'fuera_catalogo',
          motivoSinActa: null,
          captura,
          ...x,
        }),
      ),
    );
}

export interface Historia {
  /** Log entries per corte, in log order (a clave may repeat: corrections). */
  cortes: { entradas: ActaPublicada[]; final: boolean }[];
}

/** Histories of 1–`maxCortes` cortes over the model's expected actas and a few fuera de catálogo claves. */
export function historia(modelo: CorteModelo, maxCortes = 5): fc.Arbitrary<Historia> {
  const actas = [...modelo.actaPorClave.values()];
  const entrada = fc.oneof(
    { weight: 10, arbitrary: fc.constantFrom(...actas).chain(entradaEsperada) },
    { weight: 1, arbitrary: fc.integer({ min: 1, max: 4 }).chain((n) => entradaFueraCatalogo(modelo, n)) },
  );
  const corte = fc.record({ entradas: fc.array(entrada, { maxLength: 25 }), final: fc.boolean() });
  return fc.record({ cortes: fc.array(corte, { minLength: 1, maxLength: maxCortes }) });
}

/**
 * Walks a history as the corte job reads the log: per corte, the claves that moved (each with its state at the
 * previous corte and now) are applied to `incremental`; then a full rebuild from the newest entry of each clave, in
 * an order unrelated to the log's. Yields each corte with that rebuild, for the incremental ≡ full properties, and
 * the claves that moved (a corte's `cambios`).
 */
export function* recorrerHistoria(h: Historia, incremental: EstadoCorte): Generator<{ final: boolean; completo: EstadoCorte; cambios: Cambio[] }> {
  const log: ActaPublicada[] = [];
  for (const corte of h.cortes) {
    const antes = new Map(log.map((a) => [a.clave, a]));
    const ahora = new Map(corte.entradas.map((a) => [a.clave, a]));
    const cambios = [...ahora.values()].map((despues) => ({ clave: despues.clave, eleccion: despues.identificacion.eleccion, antes: antes.get(despues.clave) ?? null, despues }));
    incremental.aplicar(cambios);
    log.push(...corte.entradas);
    const ultimo = new Map(log.map((a) => [a.clave, a]));
    yield { final: corte.final, completo: EstadoCorte.completo(incremental.modelo, [...ultimo.values()].reverse()).estado, cambios };
  }
}
