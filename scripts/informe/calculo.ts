/**
 * The COTAPREP / ente auditor report computed from what was read (scripts/informe/lectura.ts): no I/O here, so
 * the figures are unit-tested and the tests compare them with SQL of their own over D1. `desde` limits the hourly
 * table, the latencies, the incidents and the cortes to what happened from that instant on; the reconciliation
 * always covers the whole night (it is a statement about every acta).
 */
import { conciliar } from './conciliacion.ts';
import { hitosPorActa, latencias } from './etapas.ts';
import type { DatosInforme, Evento, Informe } from './tipos.ts';

const HORA = 3_600_000;
export const SIN_CATD = 'SIN_CATD';

/** The start (epoch ms) of the entidad's local hour holding `t`. */
export function inicioDeHora(t: number, utcOffsetMinutes: number): number {
  const d = utcOffsetMinutes * 60_000;
  return Math.floor((t + d) / HORA) * HORA - d;
}

/** Actas received per CATD per local hour: each acta counts once, at its first acopio, for the CATD that did it. */
export function acopioPorHora(eventos: readonly Evento[], d: Pick<DatosInforme, 'catds' | 'entidad'>): Informe['acopioPorHora'] {
  const vistas = new Set<string>();
  const porCatd = new Map<string, Map<number, number>>();
  for (const e of eventos) {
    if (e.accion !== 'ACOPIO' || e.acta === null || vistas.has(e.acta)) continue;
    vistas.add(e.acta);
    const catd = e.catd ?? SIN_CATD;
    const hora = inicioDeHora(e.instante, d.entidad.utcOffsetMinutes);
    const m = porCatd.get(catd) ?? new Map<number, number>();
    m.set(hora, (m.get(hora) ?? 0) + 1);
    porCatd.set(catd, m);
  }
  const todas = [...porCatd.values()].flatMap((m) => [...m.keys()]);
  if (todas.length === 0) return { horas: [], filas: [] };
  const primera = Math.min(...todas);
  const ultima = Math.max(...todas);
  const horas = Array.from({ length: (ultima - primera) / HORA + 1 }, (_, i) => primera + i * HORA);
  const nombres = new Map(d.catds.map((c) => [c.id, c.nombre]));
  const filas = [...porCatd.entries()]
    .map(([catd, m]) => {
      const conteos = horas.map((h) => m.get(h) ?? 0);
      return { catd, nombre: nombres.get(catd) ?? (catd === SIN_CATD ? 'Sin CATD (CCV)' : catd), conteos, total: conteos.reduce((s, x) => s + x, 0) };
    })
    .sort((a, b) => (a.catd < b.catd ? -1 : a.catd > b.catd ? 1 : 0));
  return { horas, filas };
}

export function incidencias(eventos: readonly Evento[]): Informe['incidencias'] {
  const cuenta = (accion: Evento['accion'], resultado: string) => eventos.filter((e) => e.accion === accion && e.resultado === resultado).length;
  const discrepa = eventos.filter((e) => e.accion === 'CAPTURA' && e.resultado === 'DISCREPA');
  const rechazos = new Map<string, { codigo: string; status: number; n: number }>();
  const porCatd = new Map<string, { catd: string; discrepancias: number; recapturas: number; rechazos: number }>();
  const de = (catd: string | null) => {
    const k = catd ?? SIN_CATD;
    let f = porCatd.get(k);
    if (!f) porCatd.set(k, (f = { catd: k, discrepancias: 0, recapturas: 0, rechazos: 0 }));
    return f;
  };
  for (const e of eventos) {
    if (e.accion === 'RECHAZO') {
      const codigo = e.codigo ?? `HTTP_${e.status}`;
      const k = `${codigo}|${e.status}`;
      const r = rechazos.get(k) ?? { codigo, status: e.status, n: 0 };
      r.n += 1;
      rechazos.set(k, r);
      de(e.catd).rechazos += 1;
    } else if (e.accion === 'CAPTURA' && e.resultado === 'DISCREPA') de(e.catd).discrepancias += 1;
    else if ((e.accion === 'VERIFICACION' || e.accion === 'COTEJO') && e.resultado === 'RECAPTURA') de(e.catd).recapturas += 1;
  }
  return {
    discrepancias: discrepa.length,
    actasConDiscrepancia: new Set(discrepa.map((e) => e.acta)).size,
    verificacionesManuales: cuenta('VERIFICACION', 'CAPTURA'),
    recapturasVerificacion: cuenta('VERIFICACION', 'RECAPTURA'),
    recapturasCotejo: cuenta('COTEJO', 'RECAPTURA'),
    redigitalizacionesCotejo: cuenta('COTEJO', 'REDIGITALIZACION'),
    cotejosAceptados: cuenta('COTEJO', 'ACEPTAR'),
    rechazos: [...rechazos.values()].sort((a, b) => b.n - a.n || (a.codigo < b.codigo ? -1 : 1)),
    porCatd: [...porCatd.values()].sort((a, b) => (a.catd < b.catd ? -1 : a.catd > b.catd ? 1 : 0)),
  };
}

/**
 * From the first to the last workflow step or corte. Refusals are left out: they carry the server's time, not the
 * step's stated instant (in a simulacro the two clocks differ by years).
 */
function periodo(eventos: readonly Evento[], instantes: readonly number[]): Informe['periodo'] {
  const ts = [...eventos.filter((e) => e.accion !== 'RECHAZO').map((e) => e.instante), ...instantes];
  if (ts.length === 0) return null;
  return { inicio: ts.reduce((m, x) => Math.min(m, x)), fin: ts.reduce((m, x) => Math.max(m, x)) };
}

export function calcularInforme(d: DatosInforme, opciones: { desde?: number | null } = {}): Informe {
  const desde = opciones.desde ?? null;
  const eventos = desde === null ? d.eventos : d.eventos.filter((e) => e.instante >= desde);
  const cortes = [...(desde === null ? d.cortes : d.cortes.filter((c) => c.instante >= desde))].sort((a, b) => a.numero - b.numero);
  return {
    entidad: d.entidad,
    desde,
    periodo: periodo(eventos, cortes.map((c) => c.instante)),
    punta: d.punta,
    entradasBitacora: d.entradasBitacora,
    eventosLeidos: eventos.length,
    acopioPorHora: acopioPorHora(eventos, d),
    avance: d.elecciones.map((el) => ({
      eleccion: el.codigo,
      nombre: el.nombre,
      serie: cortes.flatMap((c) => {
        const f = c.figuras[el.codigo];
        return f ? [{ numero: c.numero, instante: c.instante, capturadas: f.PORCENTAJE_ACTAS_CAPTURADAS, contabilizadas: f.PORCENTAJE_ACTAS_CONTABILIZADAS }] : [];
      }),
    })),
    // Publication needs every corte, also those before `desde`, to place a verification in its first corte.
    etapas: latencias(hitosPorActa(eventos, d.cortes)),
    incidencias: incidencias(eventos),
    cortes,
    conciliacion: conciliar(d),
  };
}
