/**
 * Captura and verificación (docs/REGLAS.md §2.3–2.4). Two independent captures by different people per round; equal
 * figures verify the acta automatically; different ones wait for a verifier (or a third capture that agrees with
 * one of them). A verifier resolves with the figures they confirm against the image, or sends the acta back to
 * capture. Nobody may both capture and verify the same acta, ever. Verifying an acta that was sent back by cotejo
 * (COTEJADA 3) makes it COTEJADA 2.
 */
import { z } from 'zod';
import { CapturaSchema, type Captura } from '../acta/esquema.ts';
import { err, ok, type Result } from '../resultado.ts';
import { mismasCifras, ordenarSegunBoleta, validarContraBoleta } from './boleta.ts';
import { cambio, con, instante, type Cambio, type Contexto } from './cambio.ts';
import type { ActaEstado, ActaVersionada, CapturaRegistrada } from './estado.ts';
import { rechazo, type Rechazo } from './rechazo.ts';
import { textoLibre } from './texto-libre.ts';

/** At most this many captures per round; after that only a verifier resolves. */
export const MAX_CAPTURAS_POR_RONDA = 3;

export const ResolucionSchema = z.discriminatedUnion('resolucion', [
  z.strictObject({ resolucion: z.literal('CAPTURA'), captura: CapturaSchema }),
  z.strictObject({ resolucion: z.literal('RECAPTURA'), motivo: textoLibre(3, 500) }),
]);
export type Resolucion = z.infer<typeof ResolucionSchema>;

/** The acta's state and what a capture or verification needs besides it. */
export interface EntradaCaptura {
  actual: ActaVersionada | null;
  /** Captures of the acta's current round. */
  capturasRonda: readonly CapturaRegistrada[];
  /** The vote fields of the acta's ballot; null when no ballot applies (a fuera de catálogo without territory). */
  campos: readonly string[] | null;
}

export function capturar(entrada: EntradaCaptura, captura: Captura, ctx: Contexto): Result<Cambio, Rechazo> {
  const previo = requisitos(entrada, ['CAPTURA', 'VERIFICACION'], 'capturar');
  if (!previo.ok) return previo;
  const { estado: e, campos } = previo.value;
  const yo = ctx.operador.id;
  if (e.verificadores.includes(yo)) return err(separacion(e.clave));
  const ronda = entrada.capturasRonda;
  if (ronda.some((c) => c.operador === yo)) {
    return err(rechazo('CONFLICTO', 'CAPTURA_DUPLICADA', `Ya capturó el acta ${e.clave} en esta ronda; otra persona debe capturarla.`));
  }
  if (ronda.length >= MAX_CAPTURAS_POR_RONDA) {
    return err(rechazo('CONFLICTO', 'CAPTURAS_COMPLETAS', `El acta ${e.clave} ya tiene ${ronda.length} capturas: la resuelve un verificador.`));
  }
  const figuras = conBoleta(captura, campos);
  if (!figuras.ok) return figuras;
  const at = instante(ctx);
  const nueva: CapturaRegistrada = { ronda: e.ronda, n: ronda.length + 1, operador: yo, captura: figuras.value, at, atServidor: ctx.ahora };
  const siguiente = trasCaptura({ ...e, capturistas: con(e.capturistas, yo) }, ronda, nueva, ctx);
  const resultado = siguiente.etapa === 'VERIFICADA' ? 'COINCIDE' : nueva.n === 1 ? 'PRIMERA' : 'DISCREPA';
  return ok(cambio('CAPTURA', siguiente, { ronda: e.ronda, n: nueva.n, resultado, captura: nueva.captura }, { captura: nueva }));
}

function trasCaptura(e: ActaEstado, previas: readonly CapturaRegistrada[], nueva: CapturaRegistrada, ctx: Contexto): ActaEstado {
  if (previas.length === 0) return e;
  if (previas.some((p) => mismasCifras(p.captura, nueva.captura))) {
    const verificada = { captura: nueva.captura, ronda: e.ronda, capturaAt: nueva.at, at: nueva.at, atServidor: ctx.ahora, operador: null };
    return { ...e, etapa: 'VERIFICADA', etapaDesde: ctx.ahora, verificada, cotejada: e.cotejada === 3 ? 2 : e.cotejada };
  }
  return e.etapa === 'VERIFICACION' ? e : { ...e, etapa: 'VERIFICACION', etapaDesde: ctx.ahora };
}

export function verificar(entrada: EntradaCaptura, r: Resolucion, ctx: Contexto): Result<Cambio, Rechazo> {
  const previo = requisitos(entrada, ['VERIFICACION'], 'verificar');
  if (!previo.ok) return previo;
  const { estado: e, campos } = previo.value;
  const yo = ctx.operador.id;
  if (e.capturistas.includes(yo)) return err(separacion(e.clave));
  const base = { ...e, verificadores: con(e.verificadores, yo) };
  const at = instante(ctx);
  if (r.resolucion === 'RECAPTURA') {
    const devolucion = { por: 'VERIFICACION' as const, accion: 'RECAPTURA' as const, motivo: r.motivo, operador: yo, at };
    const estado: ActaEstado = { ...base, etapa: 'CAPTURA', etapaDesde: ctx.ahora, ronda: e.ronda + 1, devolucion };
    return ok(cambio('VERIFICACION', estado, { ronda: e.ronda, resolucion: 'RECAPTURA', motivo: r.motivo }));
  }
  const figuras = conBoleta(r.captura, campos);
  if (!figuras.ok) return figuras;
  const capturaAt = Math.max(...entrada.capturasRonda.map((c) => c.at));
  const verificada = { captura: figuras.value, ronda: e.ronda, capturaAt, at, atServidor: ctx.ahora, operador: yo };
  const estado: ActaEstado = { ...base, etapa: 'VERIFICADA', etapaDesde: ctx.ahora, verificada, cotejada: e.cotejada === 3 ? 2 : e.cotejada };
  const coincideCon = entrada.capturasRonda.filter((c) => mismasCifras(c.captura, figuras.value)).map((c) => c.n);
  return ok(cambio('VERIFICACION', estado, { ronda: e.ronda, resolucion: 'CAPTURA', coincideCon, captura: figuras.value }));
}

type Etapa = ActaEstado['etapa'];

function requisitos(
  entrada: EntradaCaptura,
  etapas: readonly Etapa[],
  verbo: string,
): Result<{ estado: ActaEstado; campos: readonly string[] }, Rechazo> {
  if (entrada.actual === null) {
    return err(rechazo('CONFLICTO', 'ACTA_SIN_IMAGEN', `No se puede ${verbo}: el acta aún no tiene imagen.`));
  }
  const e = entrada.actual.estado;
  if (!etapas.includes(e.etapa)) return err(etapaIncorrecta(e, verbo));
  if (entrada.campos === null) {
    return err(rechazo('INVALIDO', 'SIN_BOLETA', `El acta ${e.clave} no corresponde a ninguna boleta del catálogo: no se captura.`));
  }
  return ok({ estado: e, campos: entrada.campos });
}

function etapaIncorrecta(e: ActaEstado, verbo: string): Rechazo {
  const code =
    e.etapa === 'VERIFICADA'
      ? 'ACTA_YA_VERIFICADA'
      : e.etapa === 'SIN_ACTA'
        ? 'ACTA_SIN_ACTA'
        : e.etapa === 'DIGITALIZACION'
          ? 'ACTA_SIN_IMAGEN'
          : 'ETAPA_INCORRECTA';
  return rechazo('CONFLICTO', code, `No se puede ${verbo} el acta ${e.clave}: está en la etapa ${e.etapa}.`, { etapa: e.etapa });
}

function conBoleta(captura: Captura, campos: readonly string[]): Result<Captura, Rechazo> {
  const v = validarContraBoleta(captura, campos);
  if (!v.ok) {
    return err(rechazo('INVALIDO', 'CAPTURA_NO_CORRESPONDE_A_BOLETA', 'Los campos capturados no son los de la boleta de esta acta.', v.error));
  }
  return ok(ordenarSegunBoleta(captura, campos));
}

function separacion(clave: string): Rechazo {
  return rechazo('PROHIBIDO', 'SEPARACION_DE_FUNCIONES', `Nadie puede capturar y verificar la misma acta (${clave}).`, { clave });
}
