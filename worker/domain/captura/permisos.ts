/**
 * Who may do what (issue 3, "Operators, tokens and scope"):
 *   - a role only its step: acopio → ACOPIO, digitalizacion → DIGITALIZACION, captura → CAPTURA,
 *     verificacion → VERIFICACION, supervisor → COTEJO; any role may read (CONSULTA); admin only reads here
 *     (operators and tokens are administered with scripts/operators.ts);
 *   - an operator's ámbito: a CATD acts only on actas of its territory and elections (and on the fuera de catálogo
 *     actas it registered); a PREP Casilla device only photographs its own casillas; the CCV captures and
 *     verifies any acta; the institute reads everything;
 *   - observador (COTAPREP members, party representatives, the ente auditor; ámbito INSTITUTO) reads the operations
 *     console and nothing else: not even the actas (CONSULTA), which are the workflow's, not the console's.
 */
import { z } from 'zod';
import { assertNever } from '../assert.ts';
import { err, ok, type Result } from '../resultado.ts';
import { rechazo, type Rechazo } from './rechazo.ts';

export const RolSchema = z.enum(['acopio', 'digitalizacion', 'captura', 'verificacion', 'supervisor', 'admin', 'observador']);
export type Rol = z.infer<typeof RolSchema>;

export const AmbitoSchema = z.enum(['CATD', 'CCV', 'CASILLA', 'INSTITUTO']);
export type Ambito = z.infer<typeof AmbitoSchema>;

export const PasoSchema = z.enum(['ACOPIO', 'DIGITALIZACION', 'CAPTURA', 'VERIFICACION', 'COTEJO', 'CONSULTA']);
export type Paso = z.infer<typeof PasoSchema>;

export const CatdAlcanceSchema = z.strictObject({
  id: z.string(),
  ambito: z.enum(['distrito', 'municipio']),
  territorio: z.number().int(),
  elecciones: z.array(z.string()),
});
export type CatdAlcance = z.infer<typeof CatdAlcanceSchema>;

/** An authenticated operator as the workflow sees it. */
export const OperadorSchema = z.strictObject({
  id: z.string(),
  nombre: z.string(),
  ambito: AmbitoSchema,
  roles: z.array(RolSchema),
  /** Its CATD (ámbito CATD only). */
  catd: CatdAlcanceSchema.nullable(),
  /** CLAVE_CASILLA of the casillas a PREP Casilla device is bound to. */
  casillas: z.array(z.string()),
  /** The token id used for this request. */
  tokenId: z.string(),
});
export type Operador = z.infer<typeof OperadorSchema>;

/** The role each step needs (CONSULTA: any). */
export const ROL_DEL_PASO: Readonly<Record<Exclude<Paso, 'CONSULTA'>, Rol>> = {
  ACOPIO: 'acopio',
  DIGITALIZACION: 'digitalizacion',
  CAPTURA: 'captura',
  VERIFICACION: 'verificacion',
  COTEJO: 'supervisor',
};

/** Roles an operator of each ámbito may hold. */
export const ROLES_DEL_AMBITO: Readonly<Record<Ambito, readonly Rol[]>> = {
  CATD: ['acopio', 'digitalizacion', 'captura', 'verificacion', 'supervisor'],
  CCV: ['captura', 'verificacion', 'supervisor'],
  CASILLA: ['digitalizacion'],
  INSTITUTO: ['admin', 'observador'],
};

/** Roles that read the operations console (issue 17): the institute's administrators and its observers. */
export const ROLES_CONSOLA: readonly Rol[] = ['admin', 'observador'];

/** Whether the operator's role and ámbito allow this step at all (before looking at any acta). */
export function puedeEjercer(op: Operador, paso: Paso): Result<void, Rechazo> {
  if (paso === 'CONSULTA') return op.roles.some((r) => r !== 'observador') ? ok(undefined) : err(sinRol(paso));
  const rol = ROL_DEL_PASO[paso];
  if (!op.roles.includes(rol)) return err(sinRol(paso, rol));
  if (!ROLES_DEL_AMBITO[op.ambito].includes(rol)) {
    return err(rechazo('PROHIBIDO', 'AMBITO_NO_AUTORIZADO', `Un operador de ámbito ${op.ambito} no puede realizar ${paso}.`));
  }
  return ok(undefined);
}

/** Whether the operator may read the operations console: an INSTITUTO operator with admin or observador. */
export function puedeVerConsola(op: Operador): Result<void, Rechazo> {
  if (op.ambito !== 'INSTITUTO') {
    return err(rechazo('PROHIBIDO', 'AMBITO_NO_AUTORIZADO', `Un operador de ámbito ${op.ambito} no puede ver la consola.`));
  }
  if (!op.roles.some((r) => ROLES_CONSOLA.includes(r))) {
    return err(rechazo('PROHIBIDO', 'ROL_NO_AUTORIZADO', 'La consola requiere el rol admin u observador.', { paso: 'CONSOLA', rolRequerido: 'observador' }));
  }
  return ok(undefined);
}

function sinRol(paso: Paso, rol?: Rol): Rechazo {
  return rechazo('PROHIBIDO', 'ROL_NO_AUTORIZADO', `El operador no tiene el rol ${rol ?? 'alguno'} que requiere ${paso}.`, {
    paso,
    rolRequerido: rol ?? null,
  });
}

/** What scope checks need to know about an acta (expected or fuera de catálogo). */
export interface AlcanceActa {
  clave: string;
  eleccion: string;
  distrito: number | null;
  municipio: number | null;
  /** CLAVE_CASILLA (null for a fuera de catálogo acta without a valid casilla key). */
  casilla: string | null;
  /** The CATD that registered a fuera de catálogo acta. */
  catdRegistro: string | null;
}

/** Whether the operator may act on this acta. */
export function alcanzaActa(op: Operador, acta: AlcanceActa): Result<void, Rechazo> {
  switch (op.ambito) {
    case 'CCV':
    case 'INSTITUTO':
      return ok(undefined);
    case 'CASILLA':
      return acta.casilla !== null && op.casillas.includes(acta.casilla) ? ok(undefined) : err(fueraDeAlcance(op, acta));
    case 'CATD':
      return op.catd !== null && catdAlcanza(op.catd, acta) ? ok(undefined) : err(fueraDeAlcance(op, acta));
    default:
      return assertNever(op.ambito, 'ámbito');
  }
}

function catdAlcanza(catd: CatdAlcance, acta: AlcanceActa): boolean {
  if (acta.catdRegistro !== null && acta.catdRegistro === catd.id) return true;
  if (!catd.elecciones.includes(acta.eleccion)) return false;
  const territorio = catd.ambito === 'distrito' ? acta.distrito : acta.municipio;
  return territorio === catd.territorio;
}

function fueraDeAlcance(op: Operador, acta: AlcanceActa): Rechazo {
  const donde = op.catd ? `el CATD ${op.catd.id}` : op.ambito === 'CASILLA' ? 'este dispositivo PREP Casilla' : `el ámbito ${op.ambito}`;
  return rechazo('PROHIBIDO', 'ACTA_FUERA_DE_ALCANCE', `El acta ${acta.clave} no corresponde a ${donde}.`, { clave: acta.clave });
}
