/**
 * The night's requests that must not succeed, and the actas that match nothing expected:
 *   - an operator of another CATD tries to receive an acta (must be refused with 403);
 *   - someone without the role tries a step: the CATD's acopio operator captures, or a PREP Casilla phone of
 *     another sección photographs the acta (403 as well);
 *   - a fuera de catálogo identification is received (a sección that does not exist, a casilla not approved).
 */
import type { Respuesta } from './cliente.ts';
import { cuerpoCaptura, idem, type Contexto } from './contexto.ts';
import type { Guion } from './guion.ts';
import { figurasEnPapel } from './imagen.ts';
import { idDispositivo, idPuesto } from './personal.ts';
import type { PlanFueraCatalogo } from './plan.ts';

export async function intentoAjeno(ctx: Contexto, g: Guion): Promise<void> {
  const clave = g.a.esperada.clave;
  ctx.estado.intentos.ajenos++;
  const r = await ctx.envios.enviar(clave, 'intento de otro CATD', {
    ruta: '/api/v1/acopio',
    token: ctx.envios.token(idPuesto(g.otroCatd.id, 'acopio')),
    json: { clave, fechaHora: ctx.reloj.fecha() },
    idempotencia: idem(ctx, clave, 'ajeno'),
  }, [403]);
  if (r) ctx.estado.intentos.rechazados++;
}

export async function intentoRol(ctx: Contexto, g: Guion): Promise<void> {
  const { a } = g;
  const clave = a.esperada.clave;
  ctx.estado.intentos.rol++;
  let r: Respuesta | null;
  if (g.rolConCaptura) {
    // The CATD's acopio operator tries to capture: wrong role.
    const figuras = a.resultado.tipo === 'captura' ? cuerpoCaptura(a.resultado.captura) : { votos: {}, totales: {} };
    r = await ctx.envios.enviar(clave, 'intento sin el rol', {
      ruta: `/api/v1/actas/${clave}/capturas`,
      token: ctx.envios.token(idPuesto(a.catd, 'acopio')),
      json: { ...figuras, fechaHora: ctx.reloj.fecha() },
      idempotencia: idem(ctx, clave, 'rol'),
    }, [403]);
  } else {
    // A PREP Casilla phone of another sección tries to photograph it.
    r = await ctx.envios.enviar(clave, 'intento de otro PREP Casilla', {
      ruta: `/api/v1/actas/${clave}/imagen?origen=CASILLA&digitalizacion=MOVIL&tipoDocumento=ACTA_PREP&fechaHora=${encodeURIComponent(ctx.reloj.fecha())}`,
      token: ctx.envios.token(idDispositivo(g.otraSeccion)),
      bytes: ctx.imprenta.imagen(a.esperada, figurasEnPapel(a), `CASILLA de la sección ${g.otraSeccion}`),
      tipo: 'image/png',
      idempotencia: idem(ctx, clave, 'rol'),
    }, [403]);
  }
  if (r) ctx.estado.intentos.rechazados++;
}

/** How the night names the `i`-th fuera de catálogo identification of the plan (it has no CLAVE_ACTA). */
export const claveFueraDeCatalogo = (i: number) => `fc:${i}`;

/** The `i`-th fuera de catálogo identification of the plan, received at its CATD. */
export async function acopioFueraDeCatalogo(ctx: Contexto, f: PlanFueraCatalogo, i: number): Promise<void> {
  const clave = claveFueraDeCatalogo(i);
  const r = await ctx.envios.enviar(clave, 'acopio fuera de catálogo', {
    ruta: '/api/v1/acopio',
    token: ctx.envios.token(idPuesto(f.catd, 'acopio')),
    json: { identificacion: f.identificacion, fechaHora: ctx.reloj.fecha() },
    idempotencia: idem(ctx, clave, `fc-${JSON.stringify(f.identificacion)}`),
  }, [201]);
  if (r === null) return;
  const registro = (r.cuerpo as { estado?: { registro?: string } }).estado?.registro;
  if (registro !== 'fuera_catalogo') return ctx.envios.error(clave, 'acopio fuera de catálogo', r, 'se esperaba registro fuera_catalogo');
  ctx.estado.pasos.fueraCatalogo++;
}
