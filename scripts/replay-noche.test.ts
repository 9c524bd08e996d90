// `npm run replay -- --noche` end to end: three cortes derived from the real Campeche 2021 final corte
// (data/fixtures/prep-real/IEEC-CAMP_2021_GOB_noche/PROCEDENCIA.md) replayed in order on one fresh wrangler dev,
// with actas whose figures change between cortes going through the correction path of the real API.
import path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { verificarCadena, type FilaBitacora } from '../worker/domain/bitacora/cadena.ts';
import { PunteroSchema } from '../worker/domain/corte/shards.ts';
import { d1Local } from './lib/d1-local.ts';
import { RAIZ } from './lib/local.ts';
import { main, SALIDA, type Salida } from './replay.ts';

const NOCHE = path.join(RAIZ, 'data/fixtures/prep-real/IEEC-CAMP_2021_GOB_noche');
const CARPETAS = ['corte1_20210607_0300', 'corte2_20210607_0900', 'corte3_20210607_2000'].map((c) => path.join(NOCHE, c));

// The timeouts guard against a hang: uncontended the night takes about a minute (mostly starting wrangler dev).
describe('npm run replay -- --noche on three cortes of a real night', { timeout: 600_000 }, () => {
  const log: string[] = [];
  const error: string[] = [];
  let codigo: number;
  const vistas: { filas?: Map<string, Record<string, string>>; historial?: Map<string, { accion: string; detalle: string }[]>; cadena?: Awaited<ReturnType<typeof verificarCadena>>; final?: boolean } = {};

  beforeAll(async () => {
    const out: Salida = { log: (l) => log.push(l), error: (l) => error.push(l) };
    // The folders out of order: the night is ordered by the instant each file states.
    codigo = await main(['--noche', '--final', CARPETAS[2]!, CARPETAS[0]!, CARPETAS[1]!], out, {
      antesDeParar: async (pila) => {
        const puntero = PunteroSchema.parse(await (await fetch(`${pila.url}/datos/latest.json`)).json());
        vistas.final = puntero.final;
        const zip = unzipSync(new Uint8Array(await (await fetch(`${pila.url}/${puntero.abiertos.ruta}`)).arrayBuffer()));
        const csv = strFromU8(zip[Object.keys(zip).find((k) => /\/GUB\.csv$/.test(k))!]!).split('\r\n');
        const i = csv.findIndex((l) => l.startsWith('CLAVE_CASILLA,'));
        const cab = csv[i]!.split(',');
        vistas.filas = new Map(csv.slice(i + 1).filter(Boolean).map((l) => {
          const c = l.split(',');
          return [c[cab.indexOf('CLAVE_ACTA')]!.replace(/^'/, ''), Object.fromEntries(cab.map((n, j) => [n, c[j]!]))];
        }));
        const d1 = d1Local(pila.persistTo);
        const entradas = await d1.consulta<{ acta: string; accion: string; detalle: string }>(
          "SELECT acta, accion, detalle FROM bitacora WHERE acta IN ('040010B01005', '040014C01005', '040009B01005') ORDER BY id",
        );
        vistas.historial = new Map();
        for (const e of entradas) vistas.historial.set(e.acta, [...(vistas.historial.get(e.acta) ?? []), { accion: e.accion, detalle: e.detalle }]);
        vistas.cadena = await verificarCadena(
          async (desde, limite) => d1.consulta<FilaBitacora>(`SELECT id, at, operador, token, catd, accion, acta, seq, status, detalle, prev_hash, hash FROM bitacora WHERE id > ${Math.trunc(desde)} ORDER BY id LIMIT ${Math.trunc(limite)}`),
          5000,
        );
      },
    });
  }, 600_000);

  it('replays the cortes in time order, each matching its file (exit 0)', () => {
    expect(codigo, [...error, ...log].join('\n')).toBe(SALIDA.COINCIDE);
    expect(log.filter((l) => l.startsWith('══ corte'))).toEqual([
      '══ corte 1 de 3: 07/06/2021 03:00 (UTC-5) — corte1_20210607_0300',
      '══ corte 2 de 3: 07/06/2021 09:00 (UTC-5) — corte2_20210607_0900',
      '══ corte 3 de 3: 07/06/2021 20:00 (UTC-5) — corte3_20210607_2000',
    ]);
    const resumen = log.slice(log.indexOf(log.find((l) => l.startsWith('NOCHE:'))!));
    expect(resumen[1]).toMatch(/^ {2}07\/06\/2021 03:00 \(UTC-5\): 15 nuevas, 0 corregidas, 0 sin cambio, 0 no reproducibles — COINCIDE — /);
    expect(resumen[2]).toMatch(/^ {2}07\/06\/2021 09:00 \(UTC-5\): 26 nuevas, 2 corregidas, 13 sin cambio, 0 no reproducibles — COINCIDE — /);
    expect(resumen[3]).toMatch(/^ {2}07\/06\/2021 20:00 \(UTC-5\) final: 18 nuevas, 2 corregidas, 39 sin cambio, 0 no reproducibles — COINCIDE — /);
    expect(resumen[4]).toMatch(/^VEREDICTO DE LA NOCHE: COINCIDE — 3 cortes, cada uno como su archivo según REGLAS; 4 acta\(s\) corregida\(s\)/);
    expect(log).toContain('    ↻ 040014C01005 (línea 51): TOTAL_VOTOS_CALCULADO 829 → 355, CONTABILIZADA 0 → 1');
    expect(vistas.final).toBe(true);
  });

  it('a corrected acta ends with the last corte’s figures, and its audit trail shows each recapture', () => {
    expect(vistas.filas!.get('040010B01005')).toMatchObject({ PRI: '75', TOTAL_VOTOS_CALCULADO: '305', CONTABILIZADA: '1' });
    expect(vistas.filas!.get('040014C01005')).toMatchObject({ MOR: '71', TOTAL_VOTOS_CALCULADO: '355', CONTABILIZADA: '1' });
    expect(vistas.filas!.get('040009B01005')).toMatchObject({ NULOS: '2', TOTAL_VOTOS_CALCULADO: '444' });
    const acciones = (clave: string) => vistas.historial!.get(clave)!.map((e) => e.accion);
    // Corrected twice: 03:00 (+10 PRI), 09:00 (+5 PRI), 20:00 (the real figures).
    expect(acciones('040010B01005')).toEqual(['ACOPIO', 'DIGITALIZACION', 'CAPTURA', 'CAPTURA', 'COTEJO', 'CAPTURA', 'CAPTURA', 'COTEJO', 'CAPTURA', 'CAPTURA']);
    expect(acciones('040014C01005')).toEqual(['ACOPIO', 'DIGITALIZACION', 'CAPTURA', 'CAPTURA', 'COTEJO', 'CAPTURA', 'CAPTURA']);
    const cotejos = vistas.historial!.get('040010B01005')!.filter((e) => e.accion === 'COTEJO').map((e) => JSON.parse(e.detalle) as { accion: string; motivo: string });
    expect(cotejos.map((c) => [c.accion, c.motivo])).toEqual([
      ['RECAPTURA', 'el corte 07/06/2021 09:00 (UTC-5) del archivo trae otras cifras para esta acta'],
      ['RECAPTURA', 'el corte 07/06/2021 20:00 (UTC-5) del archivo trae otras cifras para esta acta'],
    ]);
    expect(vistas.cadena).toMatchObject({ ok: true });
  });
});
