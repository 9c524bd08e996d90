/**
 * The reconciliation per election: what the audit log says of every acta (the stage its last step left it in)
 * beside the catalogue's expected actas and the last corte's published figures. Pure.
 */
import type { Conciliacion, CorteLeido, DatosInforme, Evento } from './tipos.ts';

interface Ultimo {
  eleccion: string;
  etapa: string | null;
  seq: number | null;
}

/** Per acta, its last step (events in id order). */
function ultimosPasos(eventos: readonly Evento[]): Map<string, Ultimo> {
  const m = new Map<string, Ultimo>();
  for (const e of eventos) {
    if (e.acta === null || e.eleccion === null || e.accion === 'RECHAZO') continue;
    m.set(e.acta, { eleccion: e.eleccion, etapa: e.etapa, seq: e.seq });
  }
  return m;
}

function ultimoCorteCon(cortes: readonly CorteLeido[], codigo: string): CorteLeido | null {
  let u: CorteLeido | null = null;
  for (const c of cortes) if (c.figuras[codigo] && (u === null || c.numero > u.numero)) u = c;
  return u;
}

export function conciliar(d: Pick<DatosInforme, 'elecciones' | 'eventos' | 'cortes'>): Conciliacion[] {
  const ultimos = [...ultimosPasos(d.eventos).values()];
  const secuenciaPublicada = d.cortes.reduce((m, c) => Math.max(m, c.secuencia), 0);
  return d.elecciones.map((el) => {
    const suyas = ultimos.filter((u) => u.eleccion === el.codigo);
    const en = (etapa: string) => suyas.filter((u) => u.etapa === etapa).length;
    const c = ultimoCorteCon(d.cortes, el.codigo);
    const f = c?.figuras[el.codigo];
    return {
      eleccion: el.codigo,
      nombre: el.nombre,
      esperadas: el.esperadas,
      registradasBitacora: suyas.length,
      verificadas: en('VERIFICADA'),
      sinActa: en('SIN_ACTA'),
      pendientes: { digitalizacion: en('DIGITALIZACION'), captura: en('CAPTURA'), verificacion: en('VERIFICACION') },
      sinPublicar: suyas.filter((u) => (u.seq ?? 0) > secuenciaPublicada).length,
      corte:
        c && f
          ? {
              numero: c.numero,
              esperadas: f.ACTAS_ESPERADAS,
              registradas: f.ACTAS_REGISTRADAS,
              capturadas: f.ACTAS_CAPTURADAS,
              contabilizadas: f.ACTAS_CONTABILIZADAS,
              noContabilizadas: f.ACTAS_NO_CONTABILIZADAS,
              fueraCatalogo: f.ACTAS_FUERA_CATALOGO,
            }
          : null,
    };
  });
}
