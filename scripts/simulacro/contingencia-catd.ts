/**
 * Drill `catd-caido` (docs/CONTINGENCIA.md): one CATD loses its connection (or its building) mid-night; its staff
 * stops. Its steps wait while nobody covers them; the console's silent-CATD alert rises (read from
 * GET /api/v1/consola/estado, thresholds scaled to the simulacro's speed); the administrator creates the relief
 * through the API (audited): the CCV's capturists, verifier and supervisor, and operators of the dark CATD's scope
 * for the people who receive and scan its packages at another building. They finish its actas; at the close the
 * console shows no alert for it and the reconciliation passes.
 */
import type { Alerta } from '../../worker/domain/consola/alertas.ts';
import type { Figuras } from '../../worker/domain/consola/estado.ts';
import type { Contingencia } from './contingencia.ts';
import type { Administrador } from './contingencia-admin.ts';
import { aplazarHasta, operadorDe, operadoresDeRelevo, SILENCIO_MIN, type PlanCatdCaido } from './contingencia-plan.ts';
import type { EstadoNoche } from './estado.ts';
import { idPuesto, type Puesto } from './personal.ts';
import { fechaHora, MINUTO } from './reloj.ts';

/** Relief secrets last the night; their rate limit matches the simulacro's staff (time runs hundreds of times faster). */
const SECRETO = { horas: 16, limitePorMinuto: 100_000 };

export class CatdCaido implements Contingencia {
  readonly nombre = 'catd-caido';
  private readonly p: PlanCatdCaido;
  private readonly admin: Administrador;
  private readonly credenciales: Map<string, string>;
  private readonly velocidad: number;
  private caido = false;
  /** Real time (ms) when the CATD went dark: the outage lasts at least its nominal real time (see alMinuto). */
  private caidaReal = 0;
  private reasignado = false;
  private readonly registro: string[] = [];
  private readonly porRelevo = new Map<string, number>();

  constructor(p: PlanCatdCaido, admin: Administrador, credenciales: Map<string, string>, velocidad: number) {
    this.p = p;
    this.admin = admin;
    this.credenciales = credenciales;
    this.velocidad = velocidad;
  }

  cronDispara(): boolean {
    return true;
  }

  operador(catd: string, puesto: Puesto, minuto: number): string {
    if (!this.reasignado) return idPuesto(catd, puesto);
    const id = operadorDe(this.p, catd, puesto, minuto);
    if (catd === this.p.catd) this.porRelevo.set(id, (this.porRelevo.get(id) ?? 0) + 1);
    return id;
  }

  aplazar(catd: string, minuto: number): number | null {
    const hasta = aplazarHasta(this.p, catd, minuto);
    if (hasta !== null) return hasta;
    // Past the planned minute but the administrator has not acted yet (the loop calls alMinuto first): a minute more.
    return catd === this.p.catd && minuto >= this.p.caida && !this.reasignado ? Math.floor(minuto) + 1 : null;
  }

  async alMinuto(e: EstadoNoche): Promise<void> {
    const m = Math.floor(e.minuto);
    const hora = (min: number) => fechaHora(e.apertura + min * MINUTO, e.offsetMinutes).slice(11, 16);
    if (!this.caido && m >= this.p.caida) {
      this.caido = true;
      this.caidaReal = performance.now();
      this.registro.push(`${hora(m)}  ${this.p.catd} pierde la conexión: su personal deja de trabajar (${this.p.actas} actas suyas en la noche)`);
    }
    if (this.reasignado || m < this.p.reasignacion) return;
    // The simulated clock skips idle stretches; the console measures silence in real time. The outage lasts at
    // least the real time its simulated minutes take at this speed (the night waits meanwhile), so the console's
    // thresholds, scaled the same way, mean what they mean on election night.
    const falta = ((this.p.reasignacion - this.p.caida) * MINUTO) / this.velocidad - (performance.now() - this.caidaReal);
    if (falta > 0) await new Promise((r) => setTimeout(r, falta));
    const { alertas } = await this.consola();
    this.registro.push(
      alertas.length > 0
        ? `${hora(m)}  la consola muestra: ${resumirAlertas(alertas)}`
        : `${hora(m)}  la consola no muestra alerta de ${this.p.catd} (no tenía actas esperando)`,
    );
    await this.reasignar();
    this.registro.push(`${hora(m)}  la administración asigna su ámbito al relevo (bitácora: un alta por operador): ${operadoresDeRelevo(this.p).map((o) => o.id).join(', ')}`);
  }

  /** Creates the relief operators and issues their secrets, as the console's operators page does. */
  private async reasignar(): Promise<void> {
    for (const o of operadoresDeRelevo(this.p)) {
      await this.admin.exigir('POST', '/api/v1/operadores', o, [201]);
      const r = await this.admin.exigir('POST', `/api/v1/operadores/${o.id}/tokens`, SECRETO, [200, 201]);
      this.credenciales.set(o.id, (r.cuerpo as { token: string }).token);
    }
    this.reasignado = true;
  }

  /** The console's alerts about the dark CATD and its figures, thresholds scaled from simulated to real minutes. */
  private async consola(): Promise<{ alertas: Alerta[]; figuras: Figuras | null }> {
    const silencio = SILENCIO_MIN / this.velocidad;
    const r = await this.admin.exigir('GET', `/api/v1/consola/estado?silencioMin=${silencio}&detenidaMin=${2 * silencio}`, undefined, [200]);
    const e = r.cuerpo as { alertas: Alerta[]; catds: { id: string; figuras: Figuras }[] };
    return { alertas: e.alertas.filter((a) => a.catd === this.p.catd), figuras: e.catds.find((c) => c.id === this.p.catd)?.figuras ?? null };
  }

  /** Over when nothing of it waits at a step that holds publication (cotejo review goes on as in every CATD). */
  async alCierre(): Promise<void> {
    const { figuras: f } = await this.consola();
    if (f === null) throw new Error(`la consola no muestra el CATD ${this.p.catd}`);
    const esperan = f.pendientes.DIGITALIZACION + f.pendientes.CAPTURA + f.pendientes.VERIFICACION;
    const nf = new Intl.NumberFormat('es-MX');
    this.registro.push(
      esperan === 0
        ? `al cierre, en la consola: nada de ${this.p.catd} espera digitalización, captura ni verificación; ${nf.format(f.verificadas)} verificadas (${nf.format(f.pendientes.COTEJO)} en revisión de cotejo, como en todo CATD)`
        : `al cierre, en la consola: ${nf.format(esperan)} actas de ${this.p.catd} aún esperan digitalización, captura o verificación`,
    );
  }

  lineas(): string[] {
    const nf = new Intl.NumberFormat('es-MX');
    const pasos = [...this.porRelevo].map(([id, n]) => `${id} ${nf.format(n)}`).join(', ');
    return [
      `» contingencia catd-caido: ${this.p.catd}, minutos ${this.p.caida}–${this.p.reasignacion} de la ventana sin nadie`,
      ...this.registro.map((l) => `  ${l}`),
      `  pasos del relevo: ${pasos || 'ninguno'}`,
    ];
  }
}

/** One line per kind of alert: how many, and the first one's message. */
function resumirAlertas(alertas: readonly Alerta[]): string {
  const porTipo = new Map<string, Alerta[]>();
  for (const a of alertas) porTipo.set(a.tipo, [...(porTipo.get(a.tipo) ?? []), a]);
  return [...porTipo].map(([tipo, lista]) => `${tipo}${lista.length > 1 ? ` ×${lista.length}` : ''} («${lista[0]!.mensaje}»)`).join('; ');
}
