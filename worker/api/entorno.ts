/**
 * The Hono environment every route and middleware of the API is typed with: the Worker's bindings and the
 * per-request variables the middleware sets. In its own file so that the routes need not import the app that
 * mounts them (app.ts imports every route: a type import back would be a cycle).
 */
import type { CatalogoBasico, Instantanea, ObjetivoLectura } from '../db/captura-lectura.ts';
import type { Condicion } from '../db/guardia.ts';
import type { Sentencia } from '../db/sentencia.ts';
import type { Operador } from '../domain/captura/permisos.ts';
import type { SesionVigente } from '../domain/captura/sesion.ts';

export interface EntornoApi {
  Bindings: Env;
  Variables: {
    /** The authenticated operator (set by the auth middleware). */
    operador: Operador | undefined;
    /** The token id presented, even when the token is then refused (for the audit log). */
    tokenPresentado: string | undefined;
    limitePorMinuto: number | undefined;
    /** This request's number in its token's rate-limit minute (counted with the credential lookup). */
    cuentaTasa: number | undefined;
    /** The catalogue's entidad and elections, read with the credential (acopio reads a CLAVE_ACTA with them). */
    catalogoBasico: CatalogoBasico | undefined;
    /** The screen session the request came with (cookie), when it did not use a bearer token. */
    sesion: SesionVigente | undefined;
    /** The snapshot of the path's acta, read in the credential's round trip (middleware/autenticacion/lectura-previa.ts). */
    instantaneaPrevia: { objetivo: ObjetivoLectura; claveExplicita: string | null; inst: Instantanea } | undefined;
    /**
     * A bearer request accepted on what the isolate remembers of its credential, not yet confirmed by D1
     * (middleware/autenticacion/por-confirmar.ts): what its write batch must carry to be confirmed there, or
     * `confirmar`, the credential's round trip, reading `acta`'s snapshot with it (a refusal throws the 401/429).
     */
    credencialPorConfirmar: { antes: Sentencia[]; condiciones: Condicion[]; confirmar: (acta?: ObjetivoLectura) => Promise<void> } | undefined;
  };
}
