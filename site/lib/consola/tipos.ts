/**
 * The answer of GET /api/v1/consola/estado as the console screen reads it. The portal may not import the Worker's
 * code (docs/ARQUITECTURA.md §2), so the shape is restated here; leerEstado checks the parts the screen relies on.
 */
export const PASOS_PENDIENTES = ['DIGITALIZACION', 'CAPTURA', 'VERIFICACION', 'COTEJO'] as const;
export type PasoPendiente = (typeof PASOS_PENDIENTES)[number];

export interface Figuras {
  registradas: number;
  recibidas: number;
  digitalizadas: number;
  capturadas: number;
  verificadas: number;
  sinActa: number;
  pendientes: Record<PasoPendiente, number>;
  masAntigua: Record<PasoPendiente, { clave: string; desde: number } | null>;
}

export interface Alerta {
  tipo: string;
  gravedad: 'critica' | 'aviso';
  catd: string | null;
  mensaje: string;
  desde: number | null;
}

export interface Dispositivo {
  id: string;
  nombre: string;
  vistoAt: number | null;
  silencioso: boolean;
}

export interface EleccionFiguras {
  eleccion: string;
  figuras: Figuras;
}

export interface CatdEstado {
  id: string;
  nombre: string;
  ultimaActividad: number | null;
  figuras: Figuras;
  elecciones: EleccionFiguras[];
}

export interface EstadoConsola {
  ahora: number;
  alertas: Alerta[];
  entidad: {
    figuras: Figuras;
    elecciones: EleccionFiguras[];
    dispositivos: { total: number; vistos: number; silenciosos: number; lista: Dispositivo[] };
  };
  catds: CatdEstado[];
  cortes: { ultimo: { numero: number; instante: number; publicadoAt: number; final: boolean } | null };
  bitacora: { hastaId: number; verificadaAt: number | null; rotaId: number | null };
}

const esNumero = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x);

function figurasValidas(f: unknown): boolean {
  const x = f as Partial<Figuras> | null;
  return (
    !!x &&
    esNumero(x.registradas) &&
    esNumero(x.verificadas) &&
    !!x.pendientes &&
    !!x.masAntigua &&
    PASOS_PENDIENTES.every((p) => esNumero(x.pendientes![p]) && x.masAntigua![p] !== undefined)
  );
}

/** The body, checked where the screen would otherwise break; null when it is not an answer this screen knows. */
export function leerEstado(x: unknown): EstadoConsola | null {
  const e = x as Partial<EstadoConsola> | null;
  if (!e || !esNumero(e.ahora) || !Array.isArray(e.alertas) || !Array.isArray(e.catds) || !e.entidad) return null;
  if (!figurasValidas(e.entidad.figuras) || !e.catds.every((c) => c.elecciones.every((x) => figurasValidas(x.figuras)))) return null;
  return e as EstadoConsola;
}
