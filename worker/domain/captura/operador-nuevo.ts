/**
 * An operator to create (scripts/operators.ts): its ámbito decides which roles it may hold, a CATD operator
 * names its CATD, a PREP Casilla device names its casillas.
 */
import { z } from 'zod';
import { parseClaveCasilla } from '../claves/clave.ts';
import { AmbitoSchema, ROLES_DEL_AMBITO, RolSchema } from './permisos.ts';
import { textoLibre } from './texto-libre.ts';

export const OperadorIdSchema = z.string().regex(/^[a-z0-9][a-z0-9._-]{1,39}$/, 'id: 2 a 40 caracteres a-z 0-9 . _ -');

/** A CATD's id as the catalogue writes it (e.g. CATD-D01). */
export const CatdIdSchema = z.string().regex(/^[A-Z0-9-]{2,20}$/, 'CATD: 2 a 20 caracteres A-Z 0-9 -');

export const OperadorNuevoSchema = z
  .strictObject({
    id: OperadorIdSchema,
    nombre: textoLibre(1, 200, { unaLinea: true }),
    ambito: AmbitoSchema,
    catd: CatdIdSchema.nullable(),
    roles: z.array(RolSchema).min(1),
    casillas: z.array(z.string()),
  })
  .superRefine((o, ctx) => {
    const problema = (message: string) => ctx.addIssue({ code: 'custom', message });
    for (const r of o.roles) if (!ROLES_DEL_AMBITO[o.ambito].includes(r)) problema(`el ámbito ${o.ambito} no admite el rol ${r}`);
    if (new Set(o.roles).size !== o.roles.length) problema('roles repetidos');
    if ((o.ambito === 'CATD') !== (o.catd !== null)) problema('solo un operador de ámbito CATD (y todo operador CATD) indica su CATD');
    if ((o.ambito === 'CASILLA') !== (o.casillas.length > 0)) problema('solo un dispositivo CASILLA (y todo dispositivo) indica sus casillas');
    for (const c of o.casillas) if (!parseClaveCasilla(c).ok) problema(`CLAVE_CASILLA inválida: ${c}`);
  });
export type OperadorNuevo = z.infer<typeof OperadorNuevoSchema>;
