/**
 * The local stack for end-to-end tests: the generic implementation lives in scripts/lib/pila.ts (shared with
 * `npm start`, the simulacro and the bench). A test passes its own built portal (`assetsDir`) and gets a fresh
 * temporary --persist-to folder on free ports, so it never touches `.state/` nor a running `npm start`.
 */
export { construirPortal, iniciarPila, puertoLibre, type OpcionesPila, type Pila } from '../../../scripts/lib/pila.ts';
