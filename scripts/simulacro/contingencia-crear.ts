/** Chooses and plans the drill `npm start -- --contingencia <nombre>` runs (docs/CONTINGENCIA.md). */
import type { Contingencia } from './contingencia.ts';
import { Administrador } from './contingencia-admin.ts';
import { CatdCaido } from './contingencia-catd.ts';
import { CronDetenido } from './contingencia-cron.ts';
import { planCatdCaido, planCronDetenido, type NombreContingencia } from './contingencia-plan.ts';
import { ADMIN } from './personal.ts';
import type { PlanNoche } from './plan.ts';

export interface DatosContingencia {
  url: string;
  plan: PlanNoche;
  /** The night's credentials, copied: the drill adds the relief's secrets it issues mid-night. */
  credenciales: Map<string, string>;
  velocidad: number;
  cadenciaMin: number;
  duracionMin: number;
}

export function crearContingencia(nombre: NombreContingencia, d: DatosContingencia): Contingencia {
  const admin = new Administrador(d.url, d.credenciales.get(ADMIN) ?? '');
  switch (nombre) {
    case 'cron-detenido':
      return new CronDetenido(planCronDetenido(d.plan, d.cadenciaMin, d.duracionMin), admin, d.cadenciaMin);
    case 'catd-caido': {
      const p = planCatdCaido(d.plan);
      if (p === null) throw new Error('la noche no tiene actas: no hay CATD que dejar sin conexión');
      return new CatdCaido(p, admin, d.credenciales, d.velocidad);
    }
  }
}
