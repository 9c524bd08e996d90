// The whole-night replay's pure parts on the fixture derived from the real Campeche 2021 final corte
// (data/fixtures/prep-real/IEEC-CAMP_2021_GOB_noche/PROCEDENCIA.md): the cortes' order and files, what each corte
// sends (new, corrected, unchanged, irreproducible), and the fixture's derivation itself.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ArchivoEntrada } from '../../worker/domain/catalogo/archivos/leer.ts';
import { CANDIDATURAS, CORTES, derivarCorte } from './derivar-noche.ts';
import { claveNoche, conCatalogoDe, diferenciaCorte, planEnvio, registrada, SUPERVISOR, trasEnviar, type Enviadas } from './noche.ts';
import { cortesDeLaNoche, type CarpetaLeida } from './noche-cortes.ts';
import { planearReplay, type ActaReplay, type PlanReplay } from './plan.ts';
import { pasosCorreccion } from './solicitudes.ts';

const RAIZ = path.resolve(import.meta.dirname, '../..');
const NOCHE = path.join(RAIZ, 'data/fixtures/prep-real/IEEC-CAMP_2021_GOB_noche');
const CARPETAS = ['corte1_20210607_0300', 'corte2_20210607_0900', 'corte3_20210607_2000'];

const carpeta = (nombre: string): CarpetaLeida => ({
  carpeta: nombre,
  csv: readdirSync(path.join(NOCHE, nombre))
    .filter((f) => f.endsWith('.csv'))
    .map((f): ArchivoEntrada => ({ nombre: `${nombre}/${f}`, bytes: new Uint8Array(readFileSync(path.join(NOCHE, nombre, f))) })),
});

function planes(): PlanReplay[] {
  // Given out of order, and with the candidaturas first: the order is the files' corte instants and headers'.
  const cortes = cortesDeLaNoche([CARPETAS[2]!, CARPETAS[0]!, CARPETAS[1]!].map(carpeta).map((c) => ({ ...c, csv: [...c.csv].reverse() })));
  if (!cortes.ok) throw new Error(cortes.error.map((p) => p.mensaje).join('\n'));
  return cortes.value.map((c, i) => {
    const p = planearReplay(c.entradas, { final: i === cortes.value.length - 1 });
    if (!p.ok) throw new Error(p.error.map((x) => x.mensaje).join('\n'));
    return p.value;
  });
}

const porClave = (p: PlanReplay, clave: string): ActaReplay => p.elecciones[0]!.actas.find((a) => a.clave === clave)!;

describe('the cortes of a night', () => {
  it('are ordered by the instant each file states, each results CSV followed by its candidaturas', () => {
    const r = cortesDeLaNoche([carpeta(CARPETAS[2]!), carpeta(CARPETAS[0]!), carpeta(CARPETAS[1]!)].map((c) => ({ ...c, csv: [...c.csv].reverse() })));
    expect(r.ok && r.value.map((c) => [c.texto, c.carpetas, c.entradas.map((e) => path.basename(e.nombre))])).toEqual(
      CORTES.map((t, i) => [t, [CARPETAS[i]], ['CAMP_GOB_2021.csv', CANDIDATURAS]]),
    );
  });

  it('folders of one instant make one corte; a CSV that is neither results nor candidaturas is refused', () => {
    const doble = cortesDeLaNoche([carpeta(CARPETAS[0]!), { ...carpeta(CARPETAS[0]!), carpeta: 'otra' }]);
    expect(doble.ok && doble.value.map((c) => c.carpetas)).toEqual([[CARPETAS[0], 'otra']]);
    const mala = cortesDeLaNoche([{ carpeta: 'x', csv: [{ nombre: 'x/notas.csv', bytes: new TextEncoder().encode('a,b\n1,2\n') }] }]);
    expect(mala.ok).toBe(false);
    expect(!mala.ok && mala.error[0]!.mensaje).toMatch(/no es un CSV de resultados del PREP ni de candidaturas/);
  });
});

describe('what each corte sends', () => {
  const [c1, c2, c3] = planes() as [PlanReplay, PlanReplay, PlanReplay];

  it('the first corte registers every acta its file registers; the next ones send the new and the corrected', () => {
    const d1 = diferenciaCorte(new Map(), c1);
    expect([d1.nuevas.length, d1.correcciones.length, d1.sinCambio, d1.irreproducibles.length]).toEqual([15, 0, 0, 0]);
    const e1 = trasEnviar(new Map(), d1, new Set());
    const d2 = diferenciaCorte(e1, c2);
    expect(d2.correcciones.map((c) => c.acta.clave).sort()).toEqual(['040010B01005', '040014C01005']);
    expect([d2.nuevas.length, d2.sinCambio, d2.irreproducibles.length]).toEqual([26, 13, 0]);
    const e2 = trasEnviar(e1, d2, new Set());
    const d3 = diferenciaCorte(e2, c3);
    expect(d3.correcciones.map((c) => c.acta.clave).sort()).toEqual(['040009B01005', '040010B01005']);
    // The three fuera de catálogo rows (keyless) are new in the last corte, each with its own identification.
    expect(d3.nuevas.filter((a) => a.clave === null).map((a) => a.identificacion.id)).toEqual([0, 1, 2]);
    expect(d3.nuevas.length + d3.correcciones.length + d3.sinCambio).toBe(c3.elecciones[0]!.actas.filter(registrada).length);
  });

  it('a corrected acta goes back by cotejo RECAPTURA and is captured again with the new figures', () => {
    const d1 = diferenciaCorte(new Map(), c1);
    const d2 = diferenciaCorte(trasEnviar(new Map(), d1, new Set()), c2);
    const envio = planEnvio(c2, d2, c3.operadores, SUPERVISOR.id);
    const corregida = porClave(envio, '040014C01005');
    expect(corregida).toBe(porClave(c2, '040014C01005'));
    const cotejo = envio.correcciones.get(corregida)!;
    expect(cotejo).toBeLessThanOrEqual(c2.corte.ms);
    const pasos = pasosCorreccion(corregida, envio.operadores, SUPERVISOR.id, cotejo, 'otras cifras', envio.corte.offsetMinutes);
    expect(pasos.map((p) => [p.paso, p.operador, p.ruta])).toEqual([
      ['COTEJO', 'replay-cotejo', '/api/v1/actas/040014C01005/cotejo'],
      ['CAPTURA', 'replay-captura-1', '/api/v1/actas/040014C01005/capturas'],
      ['CAPTURA', 'replay-captura-2', '/api/v1/actas/040014C01005/capturas'],
    ]);
    expect(pasos[1]!.paso === 'CAPTURA' && pasos[1]!.cuerpo.votos.MOR).toBe(71);
    // Before: MOR over the lista nominal (not counted); now the real figures (counted).
    expect([porClave(c1, '040014C01005').reglas.contabilizada, corregida.reglas.contabilizada]).toEqual(['0', '1']);
    expect(envio.elecciones[0]!.actas).toHaveLength(d2.nuevas.length + d2.correcciones.length);
  });

  it('an acta the file no longer registers, or drops, is reported and nothing is sent', () => {
    const e3: Enviadas = trasEnviar(new Map(), diferenciaCorte(new Map(), c3), new Set());
    const d = diferenciaCorte(e3, c1);
    expect(d.nuevas).toEqual([]);
    expect(d.irreproducibles.length).toBe(c3.elecciones[0]!.actas.filter(registrada).length - d.sinCambio - d.correcciones.length);
    expect(d.irreproducibles.find((x) => x.acta?.clave === '040009B01005')?.motivo).toMatch(/el archivo ya no la registra \(sin registrar; antes capturada\)/);
    expect(d.irreproducibles.filter((x) => x.acta === null).map((x) => claveNoche(x.antes))).toHaveLength(3);
    expect(d.irreproducibles.find((x) => x.acta === null)?.motivo).toMatch(/desaparece del archivo/);
  });

  it('an acta not yet captured carries the imported (last corte’s) REPRESENTANTES_PP_CI, as our CSV must', () => {
    // 040004C010005 is verified at 03:00:08, after the first corte: its row there leaves REPRESENTANTES_PP_CI empty.
    const antes = porClave(c1, '040004C01005');
    expect([antes.registro.tipo, antes.archivoDice.cifras.REPRESENTANTES_PP_CI, antes.cifrasReglas.REPRESENTANTES_PP_CI]).toEqual(['pendiente', '', '0']);
    const ahora = porClave(conCatalogoDe(c1, c3), '040004C01005');
    expect([ahora.cifrasReglas.REPRESENTANTES_PP_CI, ahora.cifrasReglas.LISTA_NOMINAL]).toEqual([porClave(c3, '040004C01005').archivoDice.cifras.REPRESENTANTES_PP_CI, '723']);
    expect(conCatalogoDe(c3, c3)).toBe(c3);
  });

  it('a failed send leaves the server’s version as it was', () => {
    const d1 = diferenciaCorte(new Map(), c1);
    const fallida = d1.nuevas[0]!;
    const e1 = trasEnviar(new Map(), d1, new Set([fallida]));
    expect(e1.has(claveNoche(fallida))).toBe(false);
    expect(diferenciaCorte(e1, c1).nuevas).toEqual([fallida]);
  });
});

describe('the fixture', () => {
  it('is what scripts/replay/derivar-noche.ts derives from the byte-exact extract', () => {
    const extracto = readFileSync(path.join(NOCHE, 'fuente/CAMP_GOB_2021.csv'), 'utf8');
    const candidaturas = new Uint8Array(readFileSync(path.join(NOCHE, 'fuente', CANDIDATURAS)));
    for (const [k, c] of CARPETAS.entries()) {
      expect(derivarCorte(extracto, candidaturas, k), c).toBe(readFileSync(path.join(NOCHE, c, 'CAMP_GOB_2021.csv'), 'utf8'));
      expect(readFileSync(path.join(NOCHE, c, CANDIDATURAS))).toEqual(Buffer.from(candidaturas));
    }
    // The last corte's rows are the extract's, byte for byte (only its summary line is recomputed).
    const sinResumen = (t: string) => t.split('\n').filter((_, i) => i !== 3);
    expect(sinResumen(readFileSync(path.join(NOCHE, CARPETAS[2]!, 'CAMP_GOB_2021.csv'), 'utf8'))).toEqual(sinResumen(extracto));
  });
});
