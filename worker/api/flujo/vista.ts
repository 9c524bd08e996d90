/** The API's view of an acta (the answer of every workflow step and of GET /api/v1/actas/{clave}). */
import { z } from '@hono/zod-openapi';
import { ActaPublicadaSchema } from '../../domain/acta/publicada.ts';
import { ActaEstadoSchema, EtapaSchema, type ActaEstado, type CapturaRegistrada } from '../../domain/captura/estado.ts';
import { actaPublicada } from '../../domain/captura/publicacion.ts';

export const ActaVistaSchema = z
  .object({
    clave: z.string().openapi({ example: '140338B01004' }),
    /** 0 while an expected acta has no record yet. */
    version: z.number().int(),
    /** Change sequence value of the acta's last change (0: none). */
    seq: z.number().int(),
    etapa: z.enum(['PENDIENTE', ...EtapaSchema.options]),
    estado: ActaEstadoSchema.nullable(),
    /** Captures of the current round: who and when, never the figures (captures are independent). */
    capturasRonda: z.array(z.object({ n: z.number().int(), operador: z.string(), at: z.number().int() })),
    /** What a corte publishes for this acta now (null until it is verified, sin acta or fuera de catálogo; null to a capturist while it is captured again: `vistaParaOperador`). */
    publicada: ActaPublicadaSchema.nullable(),
  })
  .openapi('ActaVista');
export type ActaVista = z.infer<typeof ActaVistaSchema>;

export function vistaActa(estado: ActaEstado, version: number, seq: number, capturas: readonly CapturaRegistrada[]): ActaVista {
  return {
    clave: estado.clave,
    version,
    seq,
    etapa: estado.etapa,
    estado,
    capturasRonda: capturas.filter((k) => k.ronda === estado.ronda).map((k) => ({ n: k.n, operador: k.operador, at: k.at })),
    publicada: actaPublicada(estado),
  };
}

/**
 * What an operator may see of an acta being (re)captured: after a cotejo sends it back, its state still holds the
 * previously verified capture (and what stays published meanwhile), and a capturist must not see any figures before
 * typing their own (docs/REGLAS.md §2.3). Verifiers, supervisors and administrators see everything.
 */
export function vistaParaOperador(v: ActaVista, roles: readonly string[]): ActaVista {
  const enCaptura = v.etapa === 'CAPTURA' || v.etapa === 'VERIFICACION';
  if (!enCaptura || roles.some((r) => r === 'verificacion' || r === 'supervisor' || r === 'admin')) return v;
  return { ...v, estado: v.estado && { ...v.estado, verificada: null }, publicada: null };
}

/** An expected acta nobody has touched yet. */
export function vistaPendiente(clave: string): ActaVista {
  return { clave, version: 0, seq: 0, etapa: 'PENDIENTE', estado: null, capturasRonda: [], publicada: null };
}

export const etag = (version: number) => `"${version}"`;
