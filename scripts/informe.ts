/**
 * `npm run informe -- [--desde FECHA] [--persist-to DIR] [--salida ARCHIVO] [--sin-pdf] [--png ARCHIVO]`
 *
 * The COTAPREP / ente auditor report of a night: a self-contained HTML (and its PDF, printed by Chromium) computed
 * only from the audit log and the published cortes of the local D1 and R2. What each section means and how it is
 * computed: docs/INFORME.md. The work is in scripts/informe/ (escribir.ts; the computation, calculo.ts, is pure).
 */
import { interfaz, leerArgumentos, responder } from './lib/argumentos.ts';
import { OPCION_PERSIST_TO } from './lib/d1-local.ts';
import { leerDesde } from './informe/desde.ts';
import { escribirInforme, type InformeEscrito } from './informe/escribir.ts';

const USO = interfaz({
  comando: 'npm run informe --',
  descripcion:
    'Escribe el informe para el COTAPREP y el ente auditor (HTML autocontenido y su PDF) a partir de la bitácora\n' +
    'de auditoría y de los cortes publicados en la D1 y el R2 locales.',
  opciones: {
    desde: { tipo: 'texto', valor: 'FECHA', ayuda: 'solo lo ocurrido desde AAAA-MM-DD[THH:MM] (hora local de la entidad; o con Z / -06:00)' },
    'persist-to': OPCION_PERSIST_TO,
    salida: { tipo: 'texto', valor: 'ARCHIVO', ayuda: 'el HTML a escribir; el PDF va al lado', omision: '.state/informe.html' },
    'sin-pdf': { tipo: 'bandera', ayuda: 'no imprime el PDF' },
    png: { tipo: 'texto', valor: 'ARCHIVO', ayuda: 'además, una imagen PNG de la primera pantalla del informe' },
  },
  ejemplos: ['npm run informe', 'npm run informe -- --desde 2024-06-02T20:00 --salida informe/noche.html'],
});

export function lineasResultado(r: InformeEscrito): string[] {
  const i = r.informe;
  return [
    `Informe escrito: ${r.html}${r.pdf ? ` y ${r.pdf}` : ''}`,
    `  ${i.eventosLeidos} entradas de la bitácora (de ${i.entradasBitacora}), ${i.cortes.length} cortes, punta ${i.punta.id} ${i.punta.hash.slice(0, 12)}…`,
  ];
}

export async function main(args: readonly string[], escribir: (l: string) => void = console.log, escribirError: (l: string) => void = console.error): Promise<number> {
  const l = leerArgumentos(args, USO);
  if (l.tipo === 'salida') return responder(l, { log: escribir, error: escribirError });
  const v = l.valores;
  // The form is checked before anything is read (the entidad's offset only shifts a valid local time).
  const desde = v.desde === undefined ? null : leerDesde(v.desde, 0);
  if (desde !== null && typeof desde === 'object') {
    escribirError(`error: ${desde.error}`);
    return 2;
  }
  try {
    const r = await escribirInforme({ persistTo: v['persist-to'], salida: v.salida, desde: v.desde ?? null, pdf: !v['sin-pdf'], png: v.png });
    for (const x of lineasResultado(r)) escribir(x);
    return 0;
  } catch (e) {
    escribirError(`No se pudo escribir el informe: ${e instanceof Error ? e.message : String(e)}`);
    return 1;
  }
}

if (import.meta.main) process.exit(await main(process.argv.slice(2)));
