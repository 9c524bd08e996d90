/**
 * The whole-night replay's fixture (data/fixtures/prep-real/IEEC-CAMP_2021_GOB_noche/), derived from a real final
 * corte so that every step is reproducible:
 *
 *   node scripts/replay/derivar-noche.ts extraer <CAMP_GOB_2021.csv of the 07/06/2021 20:00 corte> <extracto.csv>
 *     keeps, byte-exact, lines 1–6 (title, corte, summary, blank line, header) and the rows of secciones 0001–0020,
 *     the first sin acta row, the first EXCEDE LISTA NOMINAL row and the fuera de catálogo rows, in file order;
 *   node scripts/replay/derivar-noche.ts derivar <extracto.csv> <carpeta>
 *     writes one folder per corte (CORTES): a row is registered in a corte when its FECHA_HORA_VERIFICACION (its
 *     FECHA_HORA_ACOPIO when it has none; a registered row with neither, from the last corte on) is at or before
 *     the corte's instant, else written as the real file writes
 *     an acta not yet captured (its keys and LISTA_NOMINAL, every other cell empty; a fuera de catálogo row is
 *     left out); the rows of CAMBIOS carry other figures in earlier cortes (a capture error corrected later),
 *     with CONTABILIZADA and TOTAL_VOTOS_CALCULADO as docs/REGLAS.md gives for them; each corte's summary line
 *     is what its rows add up to (the last one with final-corte participation). The last corte's rows are the
 *     extract's, byte-exact.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { figurasFila } from '../../worker/domain/conteo/figuras-csv.ts';
import { figuras } from '../../worker/domain/conteo/figuras.ts';
import { conteoDeclarado } from './comparar.ts';
import { planearReplay } from './plan.ts';

export const CORTES = ['07/06/2021 03:00 (UTC-5)', '07/06/2021 09:00 (UTC-5)', '07/06/2021 20:00 (UTC-5)'] as const;
export const CANDIDATURAS = 'CAMP_GOB_CANDIDATURA_2021.csv';
const RESULTADOS = 'CAMP_GOB_2021.csv';

/** Per corte (index into CORTES), the changes of a row (by CLAVE_ACTA) before its real figures: column → delta. */
type Cambio = { columna: string; suma: number } | { columna: string; excedeLista: true };
export const CAMBIOS: Readonly<Record<string, readonly (readonly Cambio[])[]>> = {
  // Captured by 03:00 with 10 PRI votes too many, corrected by 09:00 to 5 too many, then to the real figures.
  '040010B010005': [[{ columna: 'PRI', suma: 10 }], [{ columna: 'PRI', suma: 5 }]],
  // Captured by 03:00 with MOR over the lista nominal (not counted), corrected by 09:00.
  '040014C010005': [[{ columna: 'MOR', excedeLista: true }]],
  // Captured by 09:00 with 3 NULOS too many, corrected by 20:00.
  '040009B010005': [[], [{ columna: 'NULOS', suma: 3 }]],
};

const EXCEDE = 'EXCEDE LISTA NOMINAL';

/** The extract of the real file: its lines, kept byte-exact (LF). */
export function extraer(texto: string): string {
  const lineas = texto.split('\n');
  const cab = lineas[5]!.split(',');
  const col = (n: string) => cab.indexOf(n);
  let sinActa = false;
  let excede = false;
  const filas = lineas.slice(6).filter((l) => {
    if (l === '') return false;
    const c = l.split(',');
    const obs = c[col('OBSERVACIONES')]!;
    if (obs === 'FUERA DE CATALOGO') return true;
    if (/^\d+$/.test(c[col('SECCION')]!) && Number(c[col('SECCION')]) <= 20) return true;
    if (!sinActa && obs.startsWith('SIN ACTA')) return (sinActa = true);
    if (!excede && obs === EXCEDE) return (excede = true);
    return false;
  });
  return `${[...lineas.slice(0, 6), ...filas].join('\n')}\n`;
}

/** `DD/MM/AAAA HH:MM[:SS]` or `AAAA-MM-DD HH:MM:SS.ffffff` as a comparable number (same time zone throughout). */
function instante(t: string): number | null {
  const a = /^(\d\d)\/(\d\d)\/(\d{4}) (\d\d):(\d\d)(?::(\d\d))?/.exec(t);
  if (a) return Date.UTC(+a[3]!, +a[2]! - 1, +a[1]!, +a[4]!, +a[5]!, +(a[6] ?? 0));
  const b = /^(\d{4})-(\d\d)-(\d\d) (\d\d):(\d\d):(\d\d)/.exec(t);
  if (b) return Date.UTC(+b[1]!, +b[2]! - 1, +b[3]!, +b[4]!, +b[5]!, +b[6]!);
  return null;
}

/** One corte's results CSV from the extract. */
export function derivarCorte(extracto: string, candidaturas: Uint8Array, k: number): string {
  const lineas = extracto.split('\n').filter((l, i) => i < 6 || l !== '');
  const cab = lineas[5]!.split(',');
  const col = (n: string) => {
    const i = cab.indexOf(n);
    if (i < 0) throw new Error(`sin columna ${n}`);
    return i;
  };
  const limite = instante(CORTES[k]!)!;
  const ultimo = k === CORTES.length - 1;
  const alteradas = new Set<number>();
  const filas: string[] = [];
  for (const l of lineas.slice(6)) {
    if (l.includes('"')) throw new Error(`fila con comillas: ${l}`);
    const c = l.split(',');
    // A registered row without any time (a sin acta row may have none) is registered from the last corte on.
    const t = instante(c[col('FECHA_HORA_VERIFICACION')]!) ?? instante(c[col('FECHA_HORA_ACOPIO')]!) ?? (c[col('CONTABILIZADA')] === '' ? null : instante(CORTES.at(-1)!));
    if (t === null || t > limite) {
      if (c[col('OBSERVACIONES')] === 'FUERA DE CATALOGO') continue;
      const vacia = c.map((x, i) => (i <= col('TIPO_ACTA') || i === col('LISTA_NOMINAL') ? x : ''));
      filas.push(vacia.join(','));
      continue;
    }
    const cambios = CAMBIOS[c[col('CLAVE_ACTA')]!]?.[k] ?? [];
    if (ultimo || cambios.length === 0) {
      filas.push(l);
      continue;
    }
    for (const m of cambios) {
      const i = col(m.columna);
      c[i] = 'excedeLista' in m ? String(Number(c[col('LISTA_NOMINAL')]) + 1) : String(Number(c[i]) + m.suma);
    }
    alteradas.add(filas.length);
    filas.push(c.join(','));
  }
  const texto = (resumen: string, cuerpo: readonly string[]) => `${[lineas[0], CORTES[k], lineas[2], resumen, '', lineas[5], ...cuerpo].join('\n')}\n`;
  // The altered rows' status and total as REGLAS give them, then the summary their rows add up to.
  const plan = (t: string) => {
    const p = planearReplay([{ nombre: RESULTADOS, bytes: new TextEncoder().encode(t) }, { nombre: CANDIDATURAS, bytes: candidaturas }], { final: ultimo });
    if (!p.ok) throw new Error(p.error.map((x) => x.mensaje).join('; '));
    return p.value;
  };
  const previo = plan(texto(lineas[3]!, filas));
  const porLinea = new Map(previo.elecciones[0]!.actas.map((a) => [a.linea, a]));
  for (const i of alteradas) {
    const a = porLinea.get(i + 7)!;
    const c = filas[i]!.split(',');
    c[col('CONTABILIZADA')] = a.reglas.contabilizada;
    c[col('TOTAL_VOTOS_CALCULADO')] = a.reglas.totalVotosCalculado;
    c[col('OBSERVACIONES')] = a.reglas.contabilizada === '0' ? EXCEDE : c[col('OBSERVACIONES')]!;
    filas[i] = c.join(',');
  }
  const actas = plan(texto(lineas[3]!, filas)).elecciones[0]!.actas;
  const resumen = figurasFila(figuras(conteoDeclarado(actas), { final: ultimo })).join(',');
  return texto(resumen, filas);
}

function principal(argv: readonly string[]): number {
  const [orden, origen, destino] = argv;
  if (orden === 'extraer' && origen && destino) {
    writeFileSync(destino, extraer(readFileSync(origen, 'utf8')));
    return 0;
  }
  if (orden === 'derivar' && origen && destino) {
    const extracto = readFileSync(origen, 'utf8');
    const candidaturas = new Uint8Array(readFileSync(path.join(path.dirname(origen), CANDIDATURAS)));
    for (const [k, corte] of CORTES.entries()) {
      const carpeta = path.join(destino, `corte${k + 1}_${corte.slice(6, 10)}${corte.slice(3, 5)}${corte.slice(0, 2)}_${corte.slice(11, 13)}${corte.slice(14, 16)}`);
      mkdirSync(carpeta, { recursive: true });
      writeFileSync(path.join(carpeta, RESULTADOS), derivarCorte(extracto, candidaturas, k));
      writeFileSync(path.join(carpeta, CANDIDATURAS), candidaturas);
    }
    return 0;
  }
  console.error('uso: node scripts/replay/derivar-noche.ts extraer <CAMP_GOB_2021.csv> <extracto.csv> | derivar <extracto.csv> <carpeta>');
  return 2;
}

if (import.meta.main) process.exit(principal(process.argv.slice(2)));
