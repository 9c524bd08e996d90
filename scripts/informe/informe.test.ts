/**
 * The report on a small night run through the real capture API (wrangler dev, local D1 and R2): a few secciones'
 * actas in two cortes, captures that disagree and a verifier, a refusal. Every figure the report shows is compared
 * with SQL written here over the D1 (not a second call of the report's code), and the counted actas of the last
 * corte with the night's ground truth (what was captured). The HTML makes no external request and the PDF is one.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { catalogoEjemplo } from '../../test/ejemplos/eleccion.ts';
import { ADMIN, api, capturar, planear, verdad } from '../../test/e2e/lib/siembra.ts';
import { pilaConOperadores } from '../../test/e2e/lib/pila-ejemplo.ts';
import type { Pila } from '../lib/pila.ts';
import { escribirInforme, type InformeEscrito } from './escribir.ts';

const cat = catalogoEjemplo;
const siembra = planear(cat);
const dir = mkdtempSync(path.join(tmpdir(), 'prep-informe-'));
let pila: Pila;
let r: InformeEscrito;
let tokens: Map<string, string>;
const OFF = cat.entidad.utcOffsetMinutes * 60_000;
/** The instant of an entry in SQL: the step's stated time, else the server's. */
const INSTANTE = "coalesce(json_extract(detalle, '$.atCliente'), at)";

beforeAll(async () => {
  ({ pila, tokens } = await pilaConOperadores(cat, siembra, dir));
  const cliente = api(pila.url);
  const segundo = new Set(siembra.segundoCorte.map((a) => a.clave));
  await capturar(cliente, cat, tokens, siembra, siembra.actas.filter((a) => !segundo.has(a.clave)));
  await cliente.publicarCorte(tokens.get(ADMIN)!);
  await capturar(cliente, cat, tokens, siembra, siembra.segundoCorte);
  await cliente.publicarCorte(tokens.get(ADMIN)!);
  // A refusal the audit log records: an acopio operator tries to capture.
  const acopio = [...tokens.entries()].find(([id]) => id.endsWith('-acopio'))!;
  const rechazo = await fetch(`${pila.url}/api/v1/actas/${siembra.actas[0]!.clave}/capturas`, {
    method: 'POST',
    headers: { authorization: `Bearer ${acopio[1]}`, 'content-type': 'application/json' },
    body: JSON.stringify({ votos: {}, totales: {} }),
  });
  expect(rechazo.status).toBe(403);
  r = await escribirInforme({ persistTo: pila.persistTo, salida: path.join(dir, 'informe.html') });
}, 300_000);

afterAll(async () => {
  await pila?.parar();
  rmSync(dir, { recursive: true, force: true });
});

const sql = <T,>(q: string) => pila.d1<T>(q);

describe('the report over a small night, against SQL over D1', () => {
  it('actas per hour per CATD: each acta once, at its first acopio', () => {
    const filas = sql<{ catd: string; hora: number; n: number }>(
      `SELECT catd, ((${INSTANTE} + ${OFF}) / 3600000) * 3600000 - ${OFF} AS hora, count(*) AS n
       FROM bitacora WHERE id IN (SELECT min(id) FROM bitacora WHERE accion = 'ACOPIO' GROUP BY acta) GROUP BY 1, 2 ORDER BY 1, 2`,
    );
    const { horas, filas: informe } = r.informe.acopioPorHora;
    const delInforme = informe.flatMap((f) => f.conteos.flatMap((n, k) => (n > 0 ? [{ catd: f.catd, hora: horas[k]!, n }] : [])));
    expect(delInforme).toEqual(filas);
    expect(informe.reduce((s, f) => s + f.total, 0)).toBe(siembra.actas.length);
  });

  it('latency captura → verificación and verificación → publicación: the same percentiles as SQL', () => {
    const pct = (tabla: string) =>
      sql<{ n: number; p50: number; p90: number; p99: number }>(
        `WITH d AS (${tabla}), o AS (SELECT x, row_number() OVER (ORDER BY x) AS r, count(*) OVER () AS n FROM d)
         SELECT (SELECT count(*) FROM d) AS n, (SELECT x FROM o WHERE r = (n + 1) / 2) AS p50,
           (SELECT x FROM o WHERE r = (9 * n + 9) / 10) AS p90, (SELECT x FROM o WHERE r = (99 * n + 99) / 100) AS p99`,
      )[0]!;
    const hitos = `SELECT acta,
        (SELECT ${INSTANTE} FROM bitacora c WHERE c.acta = a.acta AND c.accion = 'CAPTURA' ORDER BY c.id LIMIT 1) AS cap,
        (SELECT ${INSTANTE} FROM bitacora v WHERE v.acta = a.acta AND json_extract(v.detalle, '$.etapa') = 'VERIFICADA' ORDER BY v.id LIMIT 1) AS ver,
        (SELECT min(k.instante) FROM corte k WHERE k.secuencia >= (SELECT v.seq FROM bitacora v WHERE v.acta = a.acta AND json_extract(v.detalle, '$.etapa') = 'VERIFICADA' ORDER BY v.id LIMIT 1)) AS pub
      FROM (SELECT DISTINCT acta FROM bitacora WHERE acta IS NOT NULL AND accion <> 'RECHAZO') a`;
    const etapa = (clave: string) => r.informe.etapas.find((e) => e.clave === clave)!.percentiles;
    const capVer = pct(`SELECT ver - cap AS x FROM (${hitos}) WHERE cap IS NOT NULL AND ver IS NOT NULL`);
    const verPub = pct(`SELECT pub - ver AS x FROM (${hitos}) WHERE pub IS NOT NULL AND ver IS NOT NULL`);
    expect(capVer.n).toBeGreaterThan(10);
    expect(etapa('captura-verificacion')).toMatchObject(capVer);
    expect(etapa('verificacion-publicacion')).toMatchObject(verPub);
    // Every verified acta here made it into a corte.
    expect(verPub.n).toBe(capVer.n);
  });

  it('mismatches, manual verifications and refusals', () => {
    const [c] = sql<{ discrepa: number; manual: number; rechazos: number }>(
      `SELECT sum(accion = 'CAPTURA' AND json_extract(detalle, '$.resultado') = 'DISCREPA') AS discrepa,
              sum(accion = 'VERIFICACION' AND json_extract(detalle, '$.resolucion') = 'CAPTURA') AS manual,
              sum(accion = 'RECHAZO') AS rechazos FROM bitacora`,
    );
    const x = r.informe.incidencias;
    expect(x.discrepancias).toBe(c!.discrepa);
    expect(x.discrepancias).toBe(siembra.verificadas.length);
    expect(x.verificacionesManuales).toBe(c!.manual);
    expect(x.rechazos.reduce((s, k) => s + k.n, 0)).toBe(c!.rechazos);
    expect(x.rechazos).toContainEqual({ codigo: 'ROL_NO_AUTORIZADO', status: 403, n: 1 });
  });

  it('the cortes timeline is every row of the corte table', () => {
    const cortes = sql<{ numero: number; secuencia: number; actas: number }>('SELECT numero, secuencia, actas_procesadas AS actas FROM corte ORDER BY numero');
    expect(r.informe.cortes.map((c) => ({ numero: c.numero, secuencia: c.secuencia, actas: c.actasProcesadas }))).toEqual(cortes);
    expect(cortes).toHaveLength(2);
  });

  it('the reconciliation: stages per the log, and the last corte against the ground truth', () => {
    const etapas = sql<{ eleccion: string; etapa: string; n: number }>(
      `SELECT a.eleccion, json_extract(b.detalle, '$.etapa') AS etapa, count(*) AS n FROM bitacora b JOIN acta a ON a.clave = b.acta
       WHERE b.id IN (SELECT max(id) FROM bitacora WHERE acta IS NOT NULL AND accion <> 'RECHAZO' GROUP BY acta) GROUP BY 1, 2`,
    );
    const esperadas = sql<{ eleccion: string; n: number }>('SELECT eleccion, count(*) AS n FROM acta_esperada GROUP BY 1');
    for (const c of r.informe.conciliacion) {
      const n = (etapa: string) => etapas.find((e) => e.eleccion === c.eleccion && e.etapa === etapa)?.n ?? 0;
      expect(c.verificadas, c.eleccion).toBe(n('VERIFICADA'));
      expect(c.sinActa, c.eleccion).toBe(n('SIN_ACTA'));
      expect(c.esperadas, c.eleccion).toBe(esperadas.find((e) => e.eleccion === c.eleccion)!.n);
      expect(c.sinPublicar).toBe(0);
      const v = verdad(siembra, (a) => a.eleccion.codigo === c.eleccion);
      expect(c.corte, c.eleccion).toMatchObject({ numero: 2, esperadas: c.esperadas, registradas: v.registradas, contabilizadas: v.contabilizadas });
    }
  });

  it('writes a self-contained HTML (no external request) and its PDF', () => {
    const html = readFileSync(r.html, 'utf8');
    expect(html).toContain('<html lang="es-MX">');
    expect(html).not.toMatch(/(src|href)\s*=\s*["']?(https?:)?\/\//i);
    expect(html).not.toMatch(/<script|<link|@import|url\(/i);
    expect(readFileSync(r.pdf!).subarray(0, 5).toString()).toBe('%PDF-');
  });
});
