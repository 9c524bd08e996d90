/**
 * The report as one self-contained HTML document (inline CSS and SVG, no script, no external request), in Spanish
 * (es-MX); Chromium prints the same document to PDF. Pure: `Informe` in, text out.
 */
import { bytes, duracion, entero, escapar, fechaHora, horaMinuto, huso, porcentaje } from './formato.ts';
import { barras, color, escalones, lineaDeTiempo, type Serie } from './svg.ts';
import type { Etapa, Informe } from './tipos.ts';

const ESTILO = `
:root{font-family:system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",sans-serif;color:#1c1c1c;font-size:14px;line-height:1.45}
body{max-width:980px;margin:0 auto;padding:24px}
h1{font-size:1.6rem;margin:0 0 .2rem}h2{font-size:1.2rem;margin:2rem 0 .5rem;border-bottom:2px solid #1f5fa8;padding-bottom:.2rem}
h3{font-size:1rem;margin:1rem 0 .3rem}p.nota{color:#4a4a4a;font-size:.88rem;margin:.3rem 0}
table{border-collapse:collapse;width:100%;margin:.4rem 0 1rem;font-size:.85rem;font-variant-numeric:tabular-nums}
th,td{border:1px solid #c9c9c9;padding:3px 6px;text-align:right}th{background:#eef2f7}
td.t,th.t{text-align:left}.calor{font-size:.72rem}.calor td,.calor th{padding:2px 3px}.calor td.c{text-align:center}.ancho{overflow-x:auto}
.resumen{display:grid;grid-template-columns:repeat(auto-fit,minmax(140px,1fr));gap:8px;margin:.6rem 0}
.resumen div{border:1px solid #c9c9c9;border-radius:6px;padding:8px}.resumen b{display:block;font-size:1.3rem}
.ok{color:#15803d;font-weight:600}.mal{color:#b91c1c;font-weight:600}
.leyenda span{display:inline-block;margin-right:1rem}.leyenda i{display:inline-block;width:18px;height:3px;vertical-align:middle;margin-right:4px}
.hist{display:grid;grid-template-columns:repeat(auto-fit,minmax(420px,1fr));gap:8px}figure{margin:0}
svg .eje{font-size:10px;fill:#4a4a4a}svg .valor{font-size:9px;fill:#1c1c1c}svg .rejilla{stroke:#e2e2e2}svg .linea-eje{stroke:#8a8a8a}
code{font-size:.8rem;word-break:break-all}
section{break-inside:auto}table,svg{break-inside:avoid}
@page{size:A4;margin:14mm}@media print{body{padding:0;max-width:none}h2{break-after:avoid}}
`;

export interface Presentacion {
  /** When the report was written (epoch ms). */
  generadoEn: number;
  /** Where it was read from, as the operator named it. */
  origen: string;
}

const fila = (celdas: readonly string[], t = 0) => `<tr>${celdas.map((c, i) => `<td${i < t ? ' class="t"' : ''}>${c}</td>`).join('')}</tr>`;
const encabezado = (celdas: readonly string[], t = 0) => `<tr>${celdas.map((c, i) => `<th${i < t ? ' class="t"' : ''} scope="col">${c}</th>`).join('')}</tr>`;
const tabla = (cab: readonly string[], filas: readonly (readonly string[])[], t = 1, clase = '') =>
  `<table${clase ? ` class="${clase}"` : ''}><thead>${encabezado(cab, t)}</thead><tbody>${filas.map((f) => fila(f, t)).join('')}</tbody></table>`;

function portada(i: Informe, p: Presentacion): string {
  const off = i.entidad.utcOffsetMinutes;
  const periodo = i.periodo ? `${fechaHora(i.periodo.inicio, off)} a ${fechaHora(i.periodo.fin, off)} (${huso(off)})` : 'sin actividad';
  return `<header><h1>Informe del PREP para el COTAPREP y el ente auditor</h1>
<p><strong>${escapar(i.entidad.nombre)}</strong> · periodo: ${periodo}${i.desde !== null ? ` · desde ${fechaHora(i.desde, off)}` : ''}</p>
<p class="nota">Calculado únicamente de la bitácora de auditoría (${entero(i.entradasBitacora)} entradas; ${entero(i.eventosLeidos)} de pasos del flujo y rechazos leídas) y de los cortes publicados (${entero(i.cortes.length)}). Punta de la cadena al leer: entrada ${entero(i.punta.id)}, <code>${escapar(i.punta.hash)}</code>. Generado el ${escapar(new Date(p.generadoEn).toISOString())} desde ${escapar(p.origen)}.</p></header>`;
}

function resumen(i: Informe): string {
  const tarjeta = (titulo: string, valor: string) => `<div>${titulo}<b>${valor}</b></div>`;
  const actas = i.acopioPorHora.filas.reduce((s, f) => s + f.total, 0);
  const total = i.etapas.find((e) => e.clave === 'acopio-publicacion')!.percentiles;
  return `<section aria-label="Resumen"><div class="resumen">${[
    tarjeta('Actas recibidas en acopio', entero(actas)),
    tarjeta('Cortes publicados', entero(i.cortes.length)),
    tarjeta('Acopio → publicación, p50', total.n ? duracion(total.p50) : '—'),
    tarjeta('Capturas discrepantes', entero(i.incidencias.discrepancias)),
    tarjeta('Recapturas', entero(i.incidencias.recapturasVerificacion + i.incidencias.recapturasCotejo)),
    tarjeta('Solicitudes rechazadas', entero(i.incidencias.rechazos.reduce((s, r) => s + r.n, 0))),
  ].join('')}</div></section>`;
}

function acopio(i: Informe): string {
  const { horas, filas } = i.acopioPorHora;
  const off = i.entidad.utcOffsetMinutes;
  if (filas.length === 0) return '<section><h2>1. Actas recibidas por hora y por CATD</h2><p>No hay acopios en el periodo.</p></section>';
  const max = Math.max(1, ...filas.flatMap((f) => f.conteos));
  const celda = (c: number) => `<td class="c" style="background:rgba(31,95,168,${(0.08 + (0.7 * c) / max).toFixed(2)})">${c ? entero(c) : ''}</td>`;
  const cab = `<tr><th class="t" scope="col">CATD</th>${horas.map((h) => `<th scope="col">${horaMinuto(h, off)}</th>`).join('')}<th scope="col">Total</th></tr>`;
  const cuerpo = filas.map((f) => `<tr><th class="t" scope="row" title="${escapar(f.nombre)}">${escapar(f.catd)}</th>${f.conteos.map(celda).join('')}<td>${entero(f.total)}</td></tr>`).join('');
  const totales = horas.map((_, k) => filas.reduce((s, f) => s + f.conteos[k]!, 0));
  const pie = `<tr><th class="t" scope="row">Total</th>${totales.map((t) => `<th>${entero(t)}</th>`).join('')}<th>${entero(totales.reduce((s, x) => s + x, 0))}</th></tr>`;
  return `<section><h2>1. Actas recibidas por hora y por CATD</h2>
<p class="nota">Desde el ${fechaHora(horas[0]!, off)}. Cada acta cuenta una vez, en la hora (${huso(off)}) de su primer acopio, para el CATD que lo registró. La hora es la que declaró el paso (fechaHora).</p>
<div class="ancho"><table class="calor"><thead>${cab}</thead><tbody>${cuerpo}</tbody><tfoot>${pie}</tfoot></table></div>
<p class="nota">${filas.map((f) => `${escapar(f.catd)}: ${escapar(f.nombre)}`).join(' · ')}</p></section>`;
}

function avance(i: Informe): string {
  const off = i.entidad.utcOffsetMinutes;
  const series: Serie[] = i.avance.flatMap((a) => [
    { nombre: `${a.nombre}: capturadas`, puntos: a.serie.map((s) => [s.instante, s.capturadas] as const) },
    { nombre: `${a.nombre}: contabilizadas`, puntos: a.serie.map((s) => [s.instante, s.contabilizadas] as const), discontinua: true },
  ]);
  const maxY = Math.max(1, ...i.avance.flatMap((a) => a.serie.map((s) => s.capturadas)));
  const tope = maxY > 50 ? 100 : Math.min(100, Math.ceil(maxY * 1.1 * 10) / 10);
  const grafica = escalones('Porcentaje de actas capturadas y contabilizadas por corte y por elección', series, tope, (t) => horaMinuto(t, off), (y) => porcentaje(y));
  const leyenda = `<p class="leyenda">${i.avance.map((a, k) => `<span><i style="background:${color(k)}"></i>${escapar(a.nombre)}</span>`).join('')} — línea continua: capturadas; discontinua: contabilizadas.</p>`;
  const filas = i.avance.map((a) => {
    const u = a.serie.at(-1);
    return [escapar(a.nombre), u ? entero(u.numero) : '—', u ? porcentaje(u.capturadas) : '—', u ? porcentaje(u.contabilizadas) : '—'];
  });
  return `<section><h2>2. Avance acumulado por elección</h2>
<p class="nota">El porcentaje de actas capturadas y contabilizadas que publicó cada corte (cifras del resumen de la entidad de cada elección, tal como están en la publicación), en el instante del corte.</p>
${grafica}${leyenda}${tabla(['Elección', 'Último corte', 'Capturadas', 'Contabilizadas'], filas)}</section>`;
}

function etiquetaCubeta(e: Etapa, k: number): string {
  const l = e.histograma.limites;
  return k === l.length - 1 ? `≥ ${duracion(l[k]!)}` : duracion(l[k]!);
}

function etapas(i: Informe): string {
  const filas = i.etapas.map((e) => {
    const p = e.percentiles;
    return [escapar(e.nombre), entero(p.n), p.n ? duracion(p.p50) : '—', p.n ? duracion(p.p90) : '—', p.n ? duracion(p.p99) : '—', p.n ? duracion(p.max) : '—'];
  });
  const hist = i.etapas
    .filter((e) => e.percentiles.n > 0)
    .map((e) => `<figure><h3>${escapar(e.nombre)}</h3>${barras(`Histograma: ${e.nombre}`, e.histograma.conteos, e.histograma.conteos.map((_, k) => etiquetaCubeta(e, k)))}</figure>`)
    .join('');
  return `<section><h2>3. Latencia por etapa</h2>
<p class="nota">Por acta, el primer acopio, la primera imagen, la primera captura, la verificación (el paso que la dejó VERIFICADA) y la publicación (el instante del primer corte cuya secuencia incluye esa verificación). Percentiles por rango más cercano; cada barra del histograma empieza en la duración que la rotula; la última reúne lo que está por encima del p99.</p>
${tabla(['Etapa', 'Actas', 'p50', 'p90', 'p99', 'Máximo'], filas)}<div class="hist">${hist}</div></section>`;
}

function incidencias(i: Informe): string {
  const x = i.incidencias;
  const cifras = tabla(
    ['Incidencia', 'Número'],
    [
      ['Capturas que difieren de las anteriores de su ronda', entero(x.discrepancias)],
      ['Actas con alguna discrepancia', entero(x.actasConDiscrepancia)],
      ['Verificaciones resueltas por un verificador', entero(x.verificacionesManuales)],
      ['Recapturas pedidas en verificación', entero(x.recapturasVerificacion)],
      ['Recapturas pedidas en cotejo', entero(x.recapturasCotejo)],
      ['Redigitalizaciones pedidas en cotejo', entero(x.redigitalizacionesCotejo)],
      ['Cotejos aceptados', entero(x.cotejosAceptados)],
    ],
  );
  const rechazos = x.rechazos.length
    ? tabla(['Motivo del rechazo', 'HTTP', 'Solicitudes'], x.rechazos.map((r) => [escapar(r.codigo), String(r.status), entero(r.n)]))
    : '<p>Ninguna solicitud rechazada.</p>';
  const porCatd = x.porCatd.length
    ? tabla(['CATD', 'Discrepancias', 'Recapturas', 'Rechazos'], x.porCatd.map((f) => [escapar(f.catd), entero(f.discrepancias), entero(f.recapturas), entero(f.rechazos)]))
    : '';
  return `<section><h2>4. Discrepancias, recapturas y rechazos</h2>
<p class="nota">Una discrepancia es una captura cuyas cifras difieren de las capturas anteriores de la misma ronda. Los rechazos son las solicitudes que la API negó (401/403) y anotó en la bitácora.</p>
${cifras}<h3>Rechazos por motivo</h3>${rechazos}${porCatd ? `<h3>Por CATD</h3>${porCatd}` : ''}</section>`;
}

function cortes(i: Informe): string {
  const off = i.entidad.utcOffsetMinutes;
  const grafica = lineaDeTiempo(
    'Cortes publicados en el tiempo; altura: actas procesadas por el corte',
    i.cortes.map((c) => ({ instante: c.instante, actas: c.actasProcesadas, final: c.final, numero: c.numero })),
    (t) => horaMinuto(t, off),
  );
  const filas = i.cortes.map((c) => [
    entero(c.numero),
    fechaHora(c.instante, off),
    entero(c.secuencia),
    entero(c.actasProcesadas),
    c.modo,
    c.motivo + (c.final ? ' (final)' : ''),
    `${entero(c.shardsEscritos)} / ${entero(c.shardsReusados)}`,
    bytes(c.bytesEscritos),
    duracion(c.milisegundos),
  ]);
  return `<section><h2>5. Cortes publicados</h2>
<p class="nota">Cada corte con su instante, la secuencia de cambios hasta la que llega, las actas que procesó, los shards escritos / reutilizados, los bytes escritos y lo que tardó en publicarse.</p>
${grafica}${tabla(['Corte', 'Instante', 'Secuencia', 'Actas', 'Modo', 'Motivo', 'Shards', 'Bytes', 'Duración'], filas, 0)}</section>`;
}

function conciliacion(i: Informe): string {
  const filas = i.conciliacion.map((c) => {
    const pend = c.pendientes.digitalizacion + c.pendientes.captura + c.pendientes.verificacion;
    const k = c.corte;
    const esperadasOk = k === null ? '—' : k.esperadas === c.esperadas ? '<span class="ok">✓</span>' : `<span class="mal">✗ ${entero(k.esperadas)}</span>`;
    return [
      escapar(c.nombre),
      entero(c.esperadas),
      entero(c.registradasBitacora),
      entero(c.verificadas),
      entero(c.sinActa),
      entero(pend),
      entero(c.sinPublicar),
      k ? entero(k.numero) : '—',
      esperadasOk,
      k ? entero(k.registradas) : '—',
      k ? entero(k.contabilizadas) : '—',
      k ? entero(k.esperadas - (k.registradas - k.fueraCatalogo)) : '—',
    ];
  });
  return `<section><h2>6. Conciliación</h2>
<p class="nota">Por elección: las actas esperadas del catálogo; según la bitácora, las actas con algún paso y la etapa en que las dejó su último paso (verificadas, sin acta, pendientes en digitalización, captura o verificación) y las que cambiaron después de la secuencia del último corte; según el último corte publicado, si sus actas esperadas coinciden con el catálogo, las registradas, las contabilizadas y las esperadas que aún no llegan (esperadas − registradas del catálogo).</p>
${tabla(['Elección', 'Esperadas', 'Con paso en bitácora', 'Verificadas', 'Sin acta', 'Pendientes', 'Sin publicar', 'Último corte', 'Esperadas = catálogo', 'Registradas', 'Contabilizadas', 'Por llegar'], filas)}</section>`;
}

export function htmlInforme(i: Informe, p: Presentacion): string {
  return `<!doctype html>
<html lang="es-MX"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>Informe del PREP — ${escapar(i.entidad.nombre)}</title><style>${ESTILO}</style></head>
<body>${portada(i, p)}<main>${resumen(i)}${acopio(i)}${avance(i)}${etapas(i)}${incidencias(i)}${cortes(i)}${conciliacion(i)}</main></body></html>
`;
}
