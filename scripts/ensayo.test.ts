/**
 * `npm run ensayo` against wrangler dev (local D1 and R2): a small published corte, then a short run with readers
 * and one CATD's operators capturing from its acopio queue. What the rehearsal reports is checked against the
 * stack itself: the actas it says it verified are verified in D1, its readers reached the shards of the corte.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { catalogoEjemplo } from '../test/ejemplos/eleccion.ts';
import { ADMIN, api, capturar, planear } from '../test/e2e/lib/siembra.ts';
import { pilaConOperadores } from '../test/e2e/lib/pila-ejemplo.ts';
import type { Pila } from './lib/pila.ts';
import { idPuesto } from './simulacro/personal.ts';
import { catdDe } from './simulacro/plan.ts';
import type { ResultadoEnsayo } from './ensayo/informe.ts';
import { main } from './ensayo.ts';

const cat = catalogoEjemplo;
const siembra = planear(cat);
const dir = mkdtempSync(path.join(tmpdir(), 'prep-ensayo-'));
let pila: Pila;
let tokens: Map<string, string>;

beforeAll(async () => {
  ({ pila, tokens } = await pilaConOperadores(cat, siembra, dir));
  // A first corte with a few actas, so that readers have shards to open.
  const cliente = api(pila.url);
  await capturar(cliente, cat, tokens, siembra, siembra.actas.slice(0, 4));
  await cliente.publicarCorte(tokens.get(ADMIN)!);
}, 300_000);

afterAll(async () => {
  await pila?.parar();
  rmSync(dir, { recursive: true, force: true });
});

async function ensayar(args: string[], env: Record<string, string> = {}) {
  const lineas: string[] = [];
  const errores: string[] = [];
  const codigo = await main(args, { log: (t) => lineas.push(t), error: (t) => errores.push(t) }, env);
  return { codigo, salida: lineas.join('\n'), errores: errores.join('\n') };
}

describe('npm run ensayo', () => {
  it('reads like the portal and captures at a fixed rate; what it reports is what the stack holds', async () => {
    const catd = catdDe(cat.catds, siembra.actas[0]!).id;
    const t = (p: Parameters<typeof idPuesto>[1]) => tokens.get(idPuesto(catd, p))!;
    const verificadasAntes = pila.d1<{ n: number }>("SELECT count(*) AS n FROM acta WHERE etapa = 'VERIFICADA'")[0]!.n;
    const json = path.join(dir, 'ensayo.json');
    const r = await ensayar(
      [pila.url, '--duracion-s', '5', '--lectores', '3', '--cada-s', '1', '--actas-por-s', '1', '--token-acopio', t('acopio'), '--token-digitalizacion', t('dig'), '--json', json],
      { PREP_TOKEN_CAPTURA1: t('cap1'), PREP_TOKEN_CAPTURA2: t('cap2') },
    );
    expect(r.errores).toBe('');
    expect(r.codigo).toBe(0);
    const res = JSON.parse(readFileSync(json, 'utf8')) as ResultadoEnsayo;
    // Readers: pointer, notice, entidad, territorio, group of secciones and sección shards, every one answered.
    expect(res.lecturas.errores).toBe(0);
    expect(res.lecturas.solicitudes).toBeGreaterThanOrEqual(3 * 5);
    expect(res.lecturas.estados['200']).toBeGreaterThanOrEqual(3 * 4);
    expect(res.lecturas.p99).toBeGreaterThan(0);
    // Captures: each acta started was verified, and D1 agrees.
    const c = res.capturas!;
    expect(c.fallidas).toEqual({});
    expect(c.verificadas).toBeGreaterThanOrEqual(3);
    const verificadasDespues = pila.d1<{ n: number }>("SELECT count(*) AS n FROM acta WHERE etapa = 'VERIFICADA'")[0]!.n;
    expect(verificadasDespues - verificadasAntes).toBe(c.verificadas);
    // acopio, imagen, boleta and two captures per acta.
    expect(res.escrituras!.solicitudes).toBe(5 * c.verificadas);
    expect(r.salida).toContain(`Actas: ${c.verificadas} verificadas`);
    expect(r.salida).toMatch(/Caché del borde: (desconocido|\d)/);
  }, 60_000);

  it('refuses to start with some of the four tokens only', async () => {
    const r = await ensayar([pila.url, '--duracion-s', '1', '--token-acopio', 'x']);
    expect(r.codigo).toBe(2);
    expect(r.errores).toContain('faltan tokens: digitalizacion, captura1, captura2');
  });
});
