/**
 * The full path through HTTP for every registered acta of the fixture election: every casilla type (B, C, E with
 * and without ext contigua, S, M), every sin acta reason, fuera de catálogo with and without figures; images from
 * the CATD and from PREP Casilla phones (arriving before the paper); captures that agree (automatic verification)
 * and captures that disagree (resolved by a verifier). What each acta publishes at the end must be the fixture's
 * ActaPublicada, and its status and timeline must show every step with its operator and time.
 */
import { env } from 'cloudflare:workers';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ActaPublicada } from '../../worker/domain/acta/publicada.ts';
import type { Captura } from '../../worker/domain/acta/esquema.ts';
import { fixtureActas, catalogoEjemplo, type FixtureActa } from '../ejemplos/eleccion.ts';
import { crearOperador, ejecutorD1, emitirToken } from '../../worker/db/administracion.ts';
import { verificarBitacora } from '../../worker/db/bitacora.ts';
import { HORA, jpeg, llamar, ok, prepararEscenario, sha, subirImagen, type Tokens, type Vista } from './ayuda.ts';

let t: Tokens;
const iso = (ms: number) => new Date(ms).toISOString();

/** Which CATD receives an acta of this election in this sección (fixture geography). */
function catdDe(eleccion: string, seccion: number): 'd01' | 'd02' | 'm120' {
  const s = catalogoEjemplo.secciones.find((x) => x.id === seccion);
  if (eleccion === 'AYUN') return s?.municipio === 120 ? 'm120' : 'd01';
  return s?.distrito === 2 ? 'd02' : 'd01';
}

const capturistas = (catd: string) => (catd === 'd01' ? ['d01-cap1', 'd01-cap2'] : ['ccv-cap1', 'ccv-cap2']);
const verificador = (catd: string) => (catd === 'd01' ? 'd01-ver' : 'ccv-ver');
const dispositivo = (p: ActaPublicada) => `dev-${p.clave.slice(0, 11).toLowerCase()}`;

/** The full ballot of a fuera de catálogo acta (its election's ballot in its territory), with the fixture's values. */
function completa(c: Captura, eleccion: string, territorio: number): Captura {
  const b = catalogoEjemplo.boletas.find((x) => x.eleccion === eleccion && x.territorio === territorio)!;
  const campos = [...b.columnas, 'NO_REGISTRADAS', 'NULOS'];
  return { votos: Object.fromEntries(campos.map((k) => [k, c.votos[k] ?? 0])), totales: c.totales };
}

const discrepante = (c: Captura): Captura => ({
  ...c,
  totales: { ...c.totales, TOTAL_BOLETAS_SOBRANTES: (c.totales.TOTAL_BOLETAS_SOBRANTES as number) + 1 },
});

interface Recorrido {
  clave: string;
  esperado: ActaPublicada;
  pasos: { accion: string; operador: string; atCliente: number }[];
}

async function imagen(p: ActaPublicada, clave: string, catd: string, pasos: Recorrido['pasos'], status: number): Promise<string> {
  const bytes = jpeg(p.clave);
  const img = p.imagen!;
  const desdeCasilla = img.origen === 'CASILLA';
  const quien = desdeCasilla ? dispositivo(p) : `${catd}-dig`;
  const query = `origen=${img.origen}&digitalizacion=${img.digitalizacion}&tipoDocumento=${img.tipoDocumento}&fechaHora=${iso(p.acopioAt! + 30_000)}`;
  const v = await ok(subirImagen(t[quien]!, clave, bytes, query, { 'x-sha256': await sha(bytes) }), status);
  expect(v.estado.imagen).toMatchObject({ origen: img.origen, digitalizacion: img.digitalizacion });
  pasos.push({ accion: 'DIGITALIZACION', operador: quien, atCliente: p.acopioAt! + 30_000 });
  return sha(bytes);
}

async function acopio(p: ActaPublicada, catd: string, pasos: Recorrido['pasos'], status: number): Promise<Vista> {
  const id = p.registro === 'fuera_catalogo' ? { identificacion: p.identificacion } : { clave: p.clave };
  const body = { ...id, fechaHora: iso(p.acopioAt!), mecanismoTraslado: p.mecanismoTraslado, ...(p.motivoSinActa ? { sinActa: p.motivoSinActa } : {}) };
  const v = await ok(llamar('POST', '/api/v1/acopio', { token: t[`${catd}-acopio`], body }), status);
  pasos.push({ accion: 'ACOPIO', operador: `${catd}-acopio`, atCliente: p.acopioAt! });
  return v;
}

async function capturas(p: ActaPublicada, clave: string, captura: Captura, catd: string, conVerificador: boolean, pasos: Recorrido['pasos']) {
  const [a, b] = capturistas(catd);
  const fechaHora = iso(p.capturaAt!);
  const primera = conVerificador ? discrepante(captura) : captura;
  const v1 = await ok(llamar('POST', `/api/v1/actas/${clave}/capturas`, { token: t[a!], body: { ...primera, fechaHora } }));
  expect(v1.etapa).toBe('CAPTURA');
  const v2 = await ok(llamar('POST', `/api/v1/actas/${clave}/capturas`, { token: t[b!], body: { ...captura, fechaHora } }));
  pasos.push({ accion: 'CAPTURA', operador: a!, atCliente: p.capturaAt! }, { accion: 'CAPTURA', operador: b!, atCliente: p.capturaAt! });
  if (!conVerificador) return expect(v2.etapa).toBe('VERIFICADA');
  expect(v2.etapa).toBe('VERIFICACION');
  const body = { resolucion: 'CAPTURA', captura, fechaHora: iso(p.verificacionAt!) };
  const v3 = await ok(llamar('POST', `/api/v1/actas/${clave}/verificacion`, { token: t[verificador(catd)], body }));
  expect(v3.etapa).toBe('VERIFICADA');
  pasos.push({ accion: 'VERIFICACION', operador: verificador(catd), atCliente: p.verificacionAt! });
}

async function recorrer(f: FixtureActa, i: number): Promise<Recorrido> {
  const p = f.acta;
  const catd = catdDe(p.identificacion.eleccion, p.identificacion.seccion);
  const pasos: Recorrido['pasos'] = [];
  let clave = p.clave;
  let esperado: ActaPublicada = { ...p };
  if (p.imagen?.origen === 'CASILLA') {
    await imagen(p, clave, catd, pasos, 201);
    await acopio(p, catd, pasos, 200);
  } else {
    const v = await acopio(p, catd, pasos, 201);
    clave = v.clave;
    esperado = { ...esperado, clave };
    if (p.registro === 'sin_acta') return { clave, pasos, esperado: { ...esperado, capturaAt: p.acopioAt, verificacionAt: p.acopioAt } };
    if (p.registro === 'fuera_catalogo') expect(v.publicada).toMatchObject({ registro: 'fuera_catalogo', captura: null });
    if (p.imagen) await imagen(p, clave, catd, pasos, 200);
  }
  if (p.imagen) esperado = { ...esperado, imagen: { ...p.imagen, sha256: await sha(jpeg(p.clave)) } };
  if (p.captura === null) return { clave, pasos, esperado };
  const captura = p.registro === 'fuera_catalogo' ? completa(p.captura, p.identificacion.eleccion, 0) : p.captura;
  const conVerificador = i % 2 === 0;
  await capturas(p, clave, captura, catd, conVerificador, pasos);
  esperado = { ...esperado, captura, verificacionAt: conVerificador ? p.verificacionAt : p.capturaAt };
  return { clave, pasos, esperado };
}

const recorridos: Recorrido[] = [];

beforeAll(async () => {
  t = await prepararEscenario();
  const ej = ejecutorD1(env.DB);
  for (const f of fixtureActas.filter((x) => x.acta.imagen?.origen === 'CASILLA')) {
    const id = dispositivo(f.acta);
    if (t[id]) continue;
    await crearOperador(ej, { id, nombre: id, ambito: 'CASILLA', catd: null, roles: ['digitalizacion'], casillas: [f.acta.clave.slice(0, 11)] }, Date.now());
    t[id] = (await emitirToken(ej, { operador: id, vigenciaMs: HORA, limitePorMinuto: 1000 }, Date.now())).token;
  }
  for (const [i, f] of fixtureActas.entries()) recorridos.push(await recorrer(f, i));
});

describe('the full capture path for every fixture acta', () => {
  it.each(fixtureActas.map((f, i) => [f.acta.clave, f.descripcion, i] as const))('%s (%s) publishes the fixture acta', async (_c, _d, i) => {
    const r = recorridos[i]!;
    const v = await ok(llamar('GET', `/api/v1/actas/${r.clave}`, { token: t.admin }));
    expect(v.publicada).toEqual(r.esperado);
    expect(v.version).toBe(r.pasos.length);
    const log = await env.DB.prepare('SELECT seq, payload FROM acta_publicacion WHERE clave = ? ORDER BY seq DESC LIMIT 1').bind(r.clave).first<{ seq: number; payload: string }>();
    expect(JSON.parse(log!.payload)).toEqual(r.esperado);
  });

  it.each(fixtureActas.map((f, i) => [f.acta.clave, i] as const))('%s: the timeline shows every step with its operator and times', async (_c, i) => {
    const r = recorridos[i]!;
    const h = await ok<{ eventos: { accion: string; operador: string; at: number; seq: number; detalle: { atCliente: number } }[] }>(
      llamar('GET', `/api/v1/actas/${r.clave}/historial`, { token: t.admin }),
    );
    expect(h.eventos.map((e) => ({ accion: e.accion, operador: e.operador, atCliente: e.detalle.atCliente }))).toEqual(r.pasos);
    for (const e of h.eventos) expect(e.at).toBeGreaterThan(Date.UTC(2025, 0, 1));
    const seqs = h.eventos.map((e) => e.seq);
    expect([...seqs].sort((a, b) => a - b)).toEqual(seqs);
  });

  it('every step moved the change sequence exactly once, and the audit chain holds', async () => {
    const pasos = recorridos.reduce((n, r) => n + r.pasos.length, 0);
    const s = await env.DB.prepare('SELECT valor FROM secuencia').first<{ valor: number }>();
    expect(s!.valor).toBe(pasos);
    const actas = await env.DB.prepare('SELECT count(*) AS n FROM acta').first<{ n: number }>();
    expect(actas!.n).toBe(fixtureActas.length);
    expect(await verificarBitacora(env.DB)).toMatchObject({ ok: true });
  });

  it('publishes fuera de catálogo actas with new FC claves and sin acta at once', async () => {
    const fc = recorridos.filter((r) => r.clave.startsWith('FC-'));
    expect(fc).toHaveLength(2);
    const sinActa = recorridos.filter((r) => r.esperado.registro === 'sin_acta');
    expect(sinActa.map((r) => r.esperado.motivoSinActa).sort()).toEqual(['CASILLA_NO_INSTALADA', 'CONTINGENCIA_URNA_ELECTRONICA', 'PAQUETE_NO_ENTREGADO', 'SIN_SOBRE']);
    for (const r of sinActa) expect(r.pasos).toHaveLength(1);
  });
});
