/**
 * What the CATD screens read from the session and queue API (docs: /api/v1/docs). The portal may import only the
 * publication contract from worker/, so these shapes are restated here, limited to the fields the screens use.
 */
export type Rol = 'acopio' | 'digitalizacion' | 'captura' | 'verificacion' | 'supervisor' | 'admin';
export type Ambito = 'CATD' | 'CCV' | 'CASILLA' | 'INSTITUTO';

export interface OperadorSesion {
  id: string;
  nombre: string;
  ambito: Ambito;
  /** The operator's CATD id (ámbito CATD), or null. */
  catd: string | null;
  roles: Rol[];
}

/** The answer of POST and GET /api/v1/sesion. */
export interface Sesion {
  operador: OperadorSesion;
  /** Sent back in X-CSRF-Token on every write; kept in memory only. */
  csrf: string;
  /** Epoch ms. */
  expiraAt: number;
}

export type PasoCola = 'acopio' | 'digitalizacion' | 'captura' | 'verificacion' | 'cotejo';

export interface ElementoCola {
  clave: string;
  etapa: string;
  /** Since when it waits at this step (epoch ms); null for an expected acta that has not arrived. */
  desde: number | null;
}

/** The answer of GET /api/v1/cola/{paso}. */
export interface Cola {
  paso: PasoCola;
  catd: string | null;
  actas: ElementoCola[];
}
