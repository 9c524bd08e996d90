/**
 * Moving between the CATD screens and the sign-in form. Only a reason code and the screen to come back to travel
 * in the URL (never a key or a token); both are checked on arrival, so a crafted link can neither show an
 * arbitrary message nor send the operator off the /catd/ screens after signing in.
 */
export const INICIO_CATD = '/catd/';
export const ENTRAR = '/catd/entrar/';

/** Reasons the form may be shown with: the API's session codes plus our own for a deliberate sign-out. */
export const MOTIVOS = ['SESION_AUSENTE', 'SESION_EXPIRADA', 'SESION_REVOCADA', 'CSRF_INVALIDO', 'CERRADA'] as const;
export type Motivo = (typeof MOTIVOS)[number];

export function esMotivo(m: string | null): m is Motivo {
  return m !== null && (MOTIVOS as readonly string[]).includes(m);
}

/** A same-origin CATD path to return to, or the CATD home. */
export function volverSeguro(v: string | null): string {
  return v !== null && /^\/catd\/[A-Za-z0-9/_-]*$/.test(v) && !v.includes('//') ? v : INICIO_CATD;
}

/** The sign-in form's address for `motivo`, coming back to `volver`. */
export function rutaEntrar(motivo: string, volver: string): string {
  const q = new URLSearchParams();
  q.set('motivo', esMotivo(motivo) ? motivo : 'SESION_AUSENTE');
  const v = volverSeguro(volver);
  if (v !== INICIO_CATD) q.set('volver', v);
  return `${ENTRAR}?${q}`;
}

/** Leaves the current screen for the sign-in form (replace: Back must not return to a screen without session). */
export function irAEntrar(motivo: string): void {
  location.replace(rutaEntrar(motivo, location.pathname));
}
