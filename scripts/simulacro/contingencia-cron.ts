/**
 * Drill `cron-detenido` (docs/CONTINGENCIA.md): the cron stops invoking the scheduled handler for a stretch of the
 * night. The administrator sees it as the vigía does (scripts/vigia/evaluacion.ts `problemasDe` over latest.json
 * and /health, at the simulated instant), publishes by hand through POST /api/v1/cortes once per cadence while it
 * lasts, and watches the cron resume. Nothing else of the night changes: the reconciliation must still pass.
 */
import { problemasDe } from '../vigia/evaluacion.ts';
import type { Contingencia } from './contingencia.ts';
import type { Administrador } from './contingencia-admin.ts';
import { debePublicarAMano, type PlanCronDetenido } from './contingencia-plan.ts';
import type { EstadoNoche } from './estado.ts';
import { idPuesto, type Puesto } from './personal.ts';
import { fechaHora, MINUTO } from './reloj.ts';

export class CronDetenido implements Contingencia {
  readonly nombre = 'cron-detenido';
  private readonly p: PlanCronDetenido;
  private readonly admin: Administrador;
  private readonly cadenciaMin: number;
  private visto = -1;
  private detectadoEn: number | null = null;
  private ultimaAMano: number | null = null;
  private readonly registro: string[] = [];
  private readonly aMano: number[] = [];
  private reanudado: number | null = null;

  constructor(p: PlanCronDetenido, admin: Administrador, cadenciaMin: number) {
    this.p = p;
    this.admin = admin;
    this.cadenciaMin = cadenciaMin;
  }

  cronDispara(minuto: number): boolean {
    return minuto < this.p.desde || minuto >= this.p.hasta;
  }

  operador(catd: string, puesto: Puesto): string {
    return idPuesto(catd, puesto);
  }

  aplazar(): number | null {
    return null;
  }

  /** Once per simulated minute from the stop on: look as the vigía, publish by hand when due, see the cron back. */
  async alMinuto(e: EstadoNoche): Promise<void> {
    const m = Math.floor(e.minuto);
    if (m === this.visto || m < this.p.desde || this.reanudado !== null) return;
    this.visto = m;
    const hora = (min: number) => fechaHora(e.apertura + min * MINUTO, e.offsetMinutes).slice(11, 16);
    if (m === this.p.desde || this.registro.length === 0) this.registro.push(`${hora(m)}  el cron deja de invocar el manejador programado (simulado hasta las ${hora(this.p.hasta)})`);
    const ahora = e.apertura + e.minuto * MINUTO;
    const problemas = problemasDe(await this.admin.observar(ahora), { maxEdadCorteMs: this.p.maxEdadMin * MINUTO, repetirMs: 15 * MINUTO });
    const detenidos = problemas.find((x) => x.codigo === 'CORTES_DETENIDOS');
    if (m >= this.p.hasta) return this.verReanudacion(m, e, hora, detenidos === undefined);
    if (this.detectadoEn === null && detenidos) {
      this.detectadoEn = m;
      this.registro.push(`${hora(m)}  vigía: CORTES_DETENIDOS — ${detenidos.mensaje} (la consola, a esa hora: CORTE_RETRASADO)`);
    }
    if (!debePublicarAMano(this.p, this.cadenciaMin, m, this.detectadoEn, this.ultimaAMano)) return;
    this.ultimaAMano = m;
    const r = await this.admin.exigir('POST', '/api/v1/cortes', { instante: fechaHora(ahora, e.offsetMinutes) }, [200, 201]);
    const c = r.cuerpo as { resultado?: string; numero?: number; secuencia?: number };
    if (r.status === 201) this.aMano.push(c.numero!);
    this.registro.push(
      r.status === 201
        ? `${hora(m)}  la administración publica a mano el corte ${c.numero} (POST /api/v1/cortes, secuencia ${c.secuencia}; queda en la bitácora)`
        : `${hora(m)}  la administración pide un corte a mano: nada cambió desde el último, no se publica otro`,
    );
  }

  private verReanudacion(m: number, e: EstadoNoche, hora: (min: number) => string, sano: boolean): void {
    if (this.reanudado !== null || !sano || e.cortes.instante === null || e.cortes.instante < e.apertura + this.p.hasta * MINUTO) return;
    this.reanudado = m;
    this.registro.push(`${hora(m)}  el cron volvió: publicó el corte ${e.cortes.ultimo}; el vigía ya no ve problemas (aviso «recuperado»)`);
  }

  async alCierre(e: EstadoNoche): Promise<void> {
    if (this.reanudado === null) this.registro.push(`al cierre: el cron publicó el corte final ${e.cortes.ultimo}${e.final ? '' : ' (¡no es final!)'}`);
  }

  lineas(): string[] {
    const resumen =
      this.detectadoEn === null
        ? '  el vigía no llegó a ver los cortes detenidos (la parada fue más corta que su umbral)'
        : `  detectado ${this.detectadoEn - this.p.desde} min después de la parada; ${this.aMano.length} cortes publicados a mano (${this.aMano.join(', ') || 'ninguno'})`;
    return [`» contingencia cron-detenido (umbral del vigía: ${this.p.maxEdadMin} min)`, ...this.registro.map((l) => `  ${l}`), resumen];
  }
}
