/**
 * The hand-operated CATD of `npm start`: one small CATD of the night whose actas the simulacro receives and
 * digitizes (so real synthetic images wait in its queues) but never captures, verifies or compares: people do, at
 * the CATD screens, signed in as its demo operators (one per role, two capturists for the double capture, and a
 * PREP Casilla phone of one of its secciones). Operators of their own (`demo-…`), not the simulacro's, so the
 * reconciliation can tell what people did from what the script did.
 */
import type { Catalogo, Catd } from '../../worker/domain/catalogo/esquema.ts';
import type { OperadorNuevo } from '../../worker/domain/captura/operador-nuevo.ts';
import type { Rol } from '../../worker/domain/captura/permisos.ts';
import { claveCasilla } from '../../worker/domain/claves/clave.ts';
import type { Credenciales } from './personal.ts';
import type { PlanNoche } from './plan.ts';

/** Fewest actas to capture that still make a demo: a CATD with fewer is passed over (unless none has that many). */
export const MINIMO_ACTAS_DEMO = 12;

export const PUESTOS_DEMO: readonly { id: string; rol: Rol; etiqueta: string }[] = [
  { id: 'demo-acopio', rol: 'acopio', etiqueta: 'acopio' },
  { id: 'demo-digitalizacion', rol: 'digitalizacion', etiqueta: 'digitalización' },
  { id: 'demo-captura-1', rol: 'captura', etiqueta: 'captura 1' },
  { id: 'demo-captura-2', rol: 'captura', etiqueta: 'captura 2' },
  { id: 'demo-verificacion', rol: 'verificacion', etiqueta: 'verificación' },
  { id: 'demo-supervisor', rol: 'supervisor', etiqueta: 'supervisor' },
];
export const DISPOSITIVO_DEMO = 'demo-casilla';

export interface Demo {
  catd: Catd;
  /** Actas of the plan this CATD receives, and how many of them carry figures (the rest are sin acta). */
  actas: number;
  porCapturar: number;
  /** The sección the PREP Casilla phone serves, and its casillas (CLAVE_CASILLA). */
  seccion: number;
  casillas: string[];
}

/** Every operator id people may sign in as. */
export const operadoresDemo = (): string[] => [...PUESTOS_DEMO.map((p) => p.id), DISPOSITIVO_DEMO];

/**
 * The smallest CATD of the night with at least MINIMO_ACTAS_DEMO actas to capture (ties: the lowest id); when
 * none has that many (a very short night), the one with the most. Deterministic for a plan, hence for a seed.
 */
export function elegirCatdDemo(cat: Catalogo, plan: PlanNoche): Demo | null {
  const porCatd = new Map<string, { actas: number; porCapturar: number; seccion: number }>();
  for (const a of plan.actas) {
    const c = porCatd.get(a.catd) ?? { actas: 0, porCapturar: 0, seccion: a.esperada.casilla.seccion };
    c.actas++;
    if (a.resultado.tipo === 'captura') c.porCapturar++;
    c.seccion = Math.min(c.seccion, a.esperada.casilla.seccion);
    porCatd.set(a.catd, c);
  }
  const orden = [...porCatd].sort(([ia, a], [ib, b]) => a.porCapturar - b.porCapturar || ia.localeCompare(ib));
  const elegido = orden.find(([, c]) => c.porCapturar >= MINIMO_ACTAS_DEMO) ?? orden.at(-1);
  if (elegido === undefined) return null;
  const [id, c] = elegido;
  const catd = cat.catds.find((x) => x.id === id)!;
  const casillas = cat.casillas.filter((x) => x.seccion === c.seccion).map((x) => claveCasilla(cat.entidad.id, x));
  return { catd, actas: c.actas, porCapturar: c.porCapturar, seccion: c.seccion, casillas };
}

/** The demo CATD's operators, one per role, and its PREP Casilla phone. */
export function personalDemo(d: Demo): OperadorNuevo[] {
  // The screens show the CATD beside the name: the name says the post.
  const mayuscula = (x: string) => x[0]!.toUpperCase() + x.slice(1);
  return [
    ...PUESTOS_DEMO.map((p) => ({ id: p.id, nombre: `${mayuscula(p.etiqueta)} (demostración)`, ambito: 'CATD' as const, catd: d.catd.id, roles: [p.rol], casillas: [] })),
    { id: DISPOSITIVO_DEMO, nombre: `PREP Casilla de la sección ${d.seccion} (demostración)`, ambito: 'CASILLA', catd: null, roles: ['digitalizacion'], casillas: d.casillas },
  ];
}

/** What `npm start` prints once the stack is up: where the screens are and who to sign in as. Short, copy-pasteable. */
export function bloqueDemo(portal: string, d: Demo, credenciales: Credenciales): string[] {
  const clave = (id: string) => credenciales.get(id) ?? '(sin clave)';
  const filas: [string, string][] = [...PUESTOS_DEMO.map((p): [string, string] => [p.etiqueta, p.id]), ['PREP Casilla', DISPOSITIVO_DEMO]];
  const ancho = Math.max(...filas.map(([e]) => e.length));
  const anchoId = Math.max(...filas.map(([, id]) => id.length));
  const nf = new Intl.NumberFormat('es-MX');
  return [
    `» pantallas del CATD: ${portal}/catd/entrar/  (PREP Casilla, en un teléfono: ${portal}/catd/casilla/)`,
    `  ${d.catd.id} (${d.catd.nombre}) queda en sus manos: la simulación recibe y digitaliza sus ${nf.format(d.actas)} actas;`,
    `  la captura (${nf.format(d.porCapturar)} actas, dos personas cada una), la verificación y el cotejo son de usted. Operador y clave de acceso:`,
    ...filas.map(([e, id]) => `    ${e.padEnd(ancho)}  ${id.padEnd(anchoId)}  ${clave(id)}`),
    `  El teléfono sirve la sección ${d.seccion} (${nf.format(d.casillas.length)} casillas). Lo que no se capture queda pendiente, no es un error;`,
    '  para tener más tiempo: npm start -- --speed 24 (la noche en una hora).',
  ];
}
