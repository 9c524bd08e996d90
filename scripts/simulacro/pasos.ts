/**
 * The steps of an acta through the capture API, each one scheduling the next on the simulated clock:
 *   - an acta photographed at the casilla (PREP Casilla) is captured from that photo right away, and its paper
 *     is received (acopio) when it arrives; any other acta is received, scanned at the CATD, then captured;
 *   - two captures by two people, a verifier when they differ;
 *   - a wrong published version is sent back by the CATD's supervisor (cotejo RECAPTURA) after a corte showed
 *     it, recaptured and verified again (COTEJADA 2);
 *   - the actas of the CATD left to people (ctx.catdAMano) stop once they have an image: people capture them.
 * Every answer is checked against what the workflow must say at that point; a mismatch is an error of the night.
 */
import type { Captura } from '../../worker/domain/acta/esquema.ts';
import type { Respuesta } from './cliente.ts';
import { cuerpoCaptura, idem, type Contexto } from './contexto.ts';
import { etapaDe } from './envios.ts';
import { caidaDe, type Guion } from './guion.ts';
import { figurasEnPapel } from './imagen.ts';
import { idDispositivo, idPuesto, type Puesto } from './personal.ts';

type Ronda = 1 | 2;
type Capturista = 'cap1' | 'cap2';

/** Whether people capture this acta (the script only receives and digitizes it). */
const aMano = (ctx: Contexto, g: Guion) => g.a.catd === ctx.catdAMano;

/** The statuses a step accepts: with people at the screens, also 409 (they did it first). */
const aceptados = (ctx: Contexto, esperados: number[]) => (ctx.catdAMano === null ? esperados : [...esperados, 409]);

/** A 409 while people work: noted (the reconciliation checks it is an acta they touched) and the script stops there. */
function hechoAMano(ctx: Contexto, clave: string, paso: string, r: Respuesta): boolean {
  if (r.status !== 409) return false;
  ctx.estado.yaHechosAMano.push({ acta: clave, paso, status: r.status, detalle: JSON.stringify(r.cuerpo).slice(0, 300) });
  return true;
}

/** Who does post `puesto` of `catd` now: its own staff, or a contingency drill's relief. */
const quien = (ctx: Contexto, catd: string, puesto: Puesto) => ctx.contingencia?.operador(catd, puesto, ctx.reloj.minuto) ?? idPuesto(catd, puesto);

/** Under a contingency drill, a step of a CATD nobody covers yet waits: scheduled again at that minute. */
function enEspera(ctx: Contexto, g: Guion, correr: () => Promise<void>): boolean {
  const hasta = ctx.contingencia?.aplazar(g.a.catd, ctx.reloj.minuto) ?? null;
  if (hasta === null) return false;
  ctx.agenda.programar(g.a.esperada.clave, hasta, correr);
  return true;
}

/** Schedules step `correr` of the guion's acta `espera` simulated minutes from now. */
function despues(ctx: Contexto, g: Guion, espera: number, correr: () => Promise<void>): void {
  ctx.agenda.programar(g.a.esperada.clave, ctx.reloj.minuto + espera, correr);
}

/** The paper acta reaches its CATD: received, or recorded as sin acta. */
export async function acopio(ctx: Contexto, g: Guion): Promise<void> {
  if (enEspera(ctx, g, () => acopio(ctx, g))) return;
  const { a } = g;
  const clave = a.esperada.clave;
  const sinActa = a.resultado.tipo === 'sin_acta' ? a.resultado.motivo : null;
  const r = await ctx.envios.enviar(clave, 'acopio', {
    ruta: '/api/v1/acopio',
    token: ctx.envios.token(quien(ctx, a.catd, 'acopio')),
    json: { clave, fechaHora: ctx.reloj.fecha(), mecanismoTraslado: g.mecanismo, ...(sinActa ? { sinActa } : {}) },
    idempotencia: idem(ctx, clave, 'acopio'),
    caida: caidaDe(g, 'acopio'),
  }, aceptados(ctx, [200, 201]));
  if (r === null || hechoAMano(ctx, clave, 'acopio', r)) return;
  ctx.estado.pasos.acopio++;
  if (sinActa) {
    if (etapaDe(r) !== 'SIN_ACTA') return ctx.envios.error(clave, 'acopio', r, 'se esperaba etapa SIN_ACTA');
    ctx.estado.sinActa++;
    return;
  }
  // Scanned at the CATD only when PREP Casilla did not photograph it.
  if (a.fotoCasillaMin === null) despues(ctx, g, g.esperas.dig, () => digitalizar(ctx, g));
}

/** PREP Casilla photographs the acta at its casilla, before the paper travels. */
export async function foto(ctx: Contexto, g: Guion): Promise<void> {
  const clave = g.a.esperada.clave;
  const r = await ctx.envios.enviar(clave, 'foto PREP Casilla', {
    ruta: `/api/v1/actas/${clave}/imagen?origen=CASILLA&digitalizacion=MOVIL&tipoDocumento=ACTA_PREP&fechaHora=${encodeURIComponent(ctx.reloj.fecha())}`,
    token: ctx.envios.token(idDispositivo(g.a.esperada.casilla.seccion)),
    bytes: ctx.imprenta.imagen(g.a.esperada, figurasEnPapel(g.a), 'CASILLA'),
    tipo: 'image/png',
    idempotencia: idem(ctx, clave, 'foto'),
    caida: caidaDe(g, 'imagen'),
  }, aceptados(ctx, [200, 201]));
  if (r === null || hechoAMano(ctx, clave, 'foto PREP Casilla', r)) return;
  ctx.estado.pasos.foto++;
  if (aMano(ctx, g)) return;
  despues(ctx, g, g.esperas.cap1, () => capturar(ctx, g, 1, 'cap1'));
}

async function digitalizar(ctx: Contexto, g: Guion): Promise<void> {
  if (enEspera(ctx, g, () => digitalizar(ctx, g))) return;
  const { a } = g;
  const clave = a.esperada.clave;
  const r = await ctx.envios.enviar(clave, 'digitalización', {
    ruta: `/api/v1/actas/${clave}/imagen?origen=CATD&digitalizacion=${g.escaner ? 'ESCANER' : 'MOVIL'}&tipoDocumento=ACTA_PREP&fechaHora=${encodeURIComponent(ctx.reloj.fecha())}`,
    token: ctx.envios.token(quien(ctx, a.catd, 'dig')),
    bytes: ctx.imprenta.imagen(a.esperada, figurasEnPapel(a), 'CATD'),
    tipo: 'image/png',
    idempotencia: idem(ctx, clave, 'digitalizacion'),
    caida: caidaDe(g, 'imagen'),
  }, aceptados(ctx, [200]));
  if (r === null || hechoAMano(ctx, clave, 'digitalización', r)) return;
  ctx.estado.pasos.digitalizacion++;
  if (aMano(ctx, g)) return;
  despues(ctx, g, g.esperas.cap1, () => capturar(ctx, g, 1, 'cap1'));
}

/**
 * Round 1 captures the figures as first verified (the wrong version, when the plan has one; the second
 * capturist mistypes one field when the plan has a mismatch); round 2, after cotejo, the true figures.
 */
function figurasDe(g: Guion, ronda: Ronda, puesto: Capturista): { figuras: Captura; buenas: Captura } {
  const a = g.a;
  if (a.resultado.tipo !== 'captura') throw new Error('un acta sin acta no se captura');
  const buenas = ronda === 1 ? (a.erronea ?? a.resultado.captura) : a.resultado.captura;
  return { figuras: ronda === 1 && puesto === 'cap2' ? g.segunda! : buenas, buenas };
}

async function capturar(ctx: Contexto, g: Guion, ronda: Ronda, puesto: Capturista): Promise<void> {
  if (enEspera(ctx, g, () => capturar(ctx, g, ronda, puesto))) return;
  const clave = g.a.esperada.clave;
  const paso = ronda === 1 ? 'captura' : 'recaptura';
  const { figuras, buenas } = figurasDe(g, ronda, puesto);
  const r = await ctx.envios.enviar(clave, `${paso} ${puesto}`, {
    ruta: `/api/v1/actas/${clave}/capturas`,
    token: ctx.envios.token(quien(ctx, g.a.catd, puesto)),
    json: { ...cuerpoCaptura(figuras), fechaHora: ctx.reloj.fecha() },
    idempotencia: idem(ctx, clave, `${paso}-${puesto}`),
    caida: ronda === 1 ? caidaDe(g, puesto) : undefined,
  }, [200]);
  if (r === null) return;
  ctx.estado.pasos[paso]++;
  const etapa = etapaDe(r);
  if (puesto === 'cap1') {
    if (etapa !== 'CAPTURA') return ctx.envios.error(clave, paso, r, 'tras la primera captura se esperaba etapa CAPTURA');
    despues(ctx, g, ronda === 1 ? g.esperas.cap2 : g.esperas.recap2, () => capturar(ctx, g, ronda, 'cap2'));
    return;
  }
  if (JSON.stringify(figuras) === JSON.stringify(buenas)) {
    if (etapa !== 'VERIFICADA') return ctx.envios.error(clave, paso, r, 'dos capturas iguales: se esperaba VERIFICADA');
    verificada(ctx, g, ronda, r);
  } else {
    if (etapa !== 'VERIFICACION') return ctx.envios.error(clave, paso, r, 'capturas distintas: se esperaba VERIFICACION');
    despues(ctx, g, g.esperas.ver, () => verificar(ctx, g, ronda, buenas));
  }
}

async function verificar(ctx: Contexto, g: Guion, ronda: Ronda, figuras: Captura): Promise<void> {
  if (enEspera(ctx, g, () => verificar(ctx, g, ronda, figuras))) return;
  const clave = g.a.esperada.clave;
  const r = await ctx.envios.enviar(clave, 'verificación', {
    ruta: `/api/v1/actas/${clave}/verificacion`,
    token: ctx.envios.token(quien(ctx, g.a.catd, 'ver')),
    json: { resolucion: 'CAPTURA', captura: cuerpoCaptura(figuras), fechaHora: ctx.reloj.fecha() },
    idempotencia: idem(ctx, clave, `verificacion-${ronda}`),
  }, [200]);
  if (r === null) return;
  ctx.estado.pasos.verificacion++;
  if (etapaDe(r) !== 'VERIFICADA') return ctx.envios.error(clave, 'verificación', r, 'se esperaba VERIFICADA');
  verificada(ctx, g, ronda, r);
}

/** The acta is verified: done, unless round 1 published wrong figures (then the supervisor will send it back). */
function verificada(ctx: Contexto, g: Guion, ronda: Ronda, r: Respuesta): void {
  const { a } = g;
  if (ronda === 2) {
    const cotejada = (r.cuerpo as { estado?: { cotejada?: number } }).estado?.cotejada;
    if (cotejada === 2) ctx.estado.verificadas++;
    else ctx.envios.error(a.esperada.clave, 'recaptura', r, 'se esperaba COTEJADA 2');
    return;
  }
  if (a.erronea === null) {
    ctx.estado.verificadas++;
    return;
  }
  // Published with wrong figures: the supervisor sends it back once a corte has shown it.
  const seq = Number((r.cuerpo as { seq?: number }).seq);
  despues(ctx, g, Math.max(2 * ctx.cadenciaMin, 20) + g.esperas.cotejo, () => cotejar(ctx, g, seq));
}

async function cotejar(ctx: Contexto, g: Guion, seqVerificada: number): Promise<void> {
  if (enEspera(ctx, g, () => cotejar(ctx, g, seqVerificada))) return;
  const clave = g.a.esperada.clave;
  if (ctx.estado.cortes.secuencia >= seqVerificada) ctx.estado.correcciones.trasPublicacion++;
  else ctx.estado.correcciones.antesDePublicarse++;
  const r = await ctx.envios.enviar(clave, 'cotejo', {
    ruta: `/api/v1/actas/${clave}/cotejo`,
    token: ctx.envios.token(quien(ctx, g.a.catd, 'sup')),
    json: { accion: 'RECAPTURA', motivo: 'Las cifras publicadas no coinciden con la imagen del acta.', fechaHora: ctx.reloj.fecha() },
    idempotencia: idem(ctx, clave, 'cotejo'),
  }, [200]);
  if (r === null) return;
  ctx.estado.pasos.cotejo++;
  if (etapaDe(r) !== 'CAPTURA') return ctx.envios.error(clave, 'cotejo', r, 'se esperaba etapa CAPTURA');
  despues(ctx, g, g.esperas.recap1, () => capturar(ctx, g, 2, 'cap1'));
}
