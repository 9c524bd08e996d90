/**
 * The night's scenario: every acta's first steps and every fuera de catálogo identification, scheduled at the
 * simulated minutes the plan gives them (the steps schedule the ones that follow, pasos.ts).
 */
import type { Catalogo } from '../../worker/domain/catalogo/esquema.ts';
import { crearAzar } from '../generador/azar.ts';
import type { Contexto } from './contexto.ts';
import { trazarGuion } from './guion.ts';
import { acopioFueraDeCatalogo, claveFueraDeCatalogo, intentoAjeno, intentoRol } from './intentos.ts';
import { acopio, foto } from './pasos.ts';
import type { PlanActa, PlanNoche } from './plan.ts';

export function planificar(ctx: Contexto, plan: PlanNoche, cat: Catalogo): void {
  for (const a of plan.actas) planificarActa(ctx, a, cat);
  plan.fueraCatalogo.forEach((f, i) => {
    ctx.agenda.programar(claveFueraDeCatalogo(i), f.llegadaMin, () => acopioFueraDeCatalogo(ctx, f, i));
  });
}

function planificarActa(ctx: Contexto, a: PlanActa, cat: Catalogo): void {
  const clave = a.esperada.clave;
  const g = trazarGuion(a, crearAzar(ctx.seed).derivar(`acta:${clave}`), cat);
  if (a.intentoAjeno) ctx.agenda.programar(clave, a.llegadaMin, () => intentoAjeno(ctx, g));
  if (a.intentoRol) ctx.agenda.programar(clave, a.llegadaMin, () => intentoRol(ctx, g));
  ctx.agenda.programar(clave, a.llegadaMin, () => acopio(ctx, g));
  if (a.fotoCasillaMin !== null) ctx.agenda.programar(clave, a.fotoCasillaMin, () => foto(ctx, g));
}
