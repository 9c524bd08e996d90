/**
 * The operators screen's calls to /api/v1/operadores, through the CATD screens' one API client (session cookie,
 * X-CSRF-Token on writes, structured errors). The portal may not import the Worker's schemas, so the answers the
 * screen reads are restated here, limited to the fields it shows. A secret exists only in the answer of `emitir`
 * and in the component state that shows it once: never in a URL, never in storage.
 */
import { pedir } from '../../../lib/catd/api.ts';

export type Ambito = 'CATD' | 'CCV' | 'CASILLA' | 'INSTITUTO';
export type Rol = 'acopio' | 'digitalizacion' | 'captura' | 'verificacion' | 'supervisor' | 'admin' | 'observador';

export interface TokenVigente {
  id: string;
  emitidoAt: number;
  expiraAt: number;
  limitePorMinuto: number;
}

export interface Operador {
  id: string;
  nombre: string;
  ambito: Ambito;
  catd: string | null;
  roles: Rol[];
  activo: boolean;
  creadoAt: number;
  casillas: string[];
  tokensVigentes: TokenVigente[];
  ultimoUsoAt: number | null;
}

export interface OperadorNuevo {
  id: string;
  nombre: string;
  ambito: Ambito;
  catd: string | null;
  roles: Rol[];
  casillas: string[];
}

/** The answer of a change of CATD: `cambio` false when it already had that CATD (nothing was written). */
export interface ReasignacionHecha {
  operador: string;
  antes: string;
  despues: string;
  cambio: boolean;
}

export interface SecretoEmitido {
  operador: string;
  id: string;
  token: string;
  expiraAt: number;
}

const BASE = '/api/v1/operadores';
const de = (id: string) => `${BASE}/${encodeURIComponent(id)}`;

export const listar = () => pedir<{ ahora: number; operadores: Operador[] }>('GET', BASE);
export const crear = (o: OperadorNuevo) => pedir<Operador>('POST', BASE, { cuerpo: o });
export const emitir = (id: string, horas: number | null) => pedir<SecretoEmitido>('POST', `${de(id)}/tokens`, { cuerpo: horas === null ? {} : { horas } });
export const revocarToken = (id: string, token: string) => pedir<{ revocados: string[] }>('DELETE', `${de(id)}/tokens/${encodeURIComponent(token)}`);
export const revocarTodos = (id: string) => pedir<{ revocados: string[] }>('POST', `${de(id)}/revocar`);
export const vincularCasillas = (id: string, casillas: string[]) => pedir<Operador>('PUT', `${de(id)}/casillas`, { cuerpo: { casillas } });
export const reasignarCatd = (id: string, catd: string) => pedir<ReasignacionHecha>('POST', `${de(id)}/alcance`, { cuerpo: { catd } });
