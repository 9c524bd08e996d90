/**
 * The texts to print and sign: the act of the puesta en ceros and the closing act. Plain text (monospaced,
 * 100 columns at most), Spanish, dates and numbers through Intl (es-MX) in the entidad's UTC offset. Pure.
 */
import type { IdentidadConstruccion } from '../../worker/domain/contrato/index.ts';
import type { ConteosNoche } from './veredicto.ts';

const nf = new Intl.NumberFormat('es-MX');
const numero = (n: number) => nf.format(n);

/** The entidad's offset as Intl takes it: "-06:00". */
export function husoDe(utcOffsetMinutes: number): string {
  const signo = utcOffsetMinutes < 0 ? '-' : '+';
  const m = Math.abs(utcOffsetMinutes);
  return `${signo}${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
}

/** "4 de diciembre de 2026 a las 16:08:42 (UTC-06:00)". */
export function fechaActa(at: number, utcOffsetMinutes: number): string {
  const huso = husoDe(utcOffsetMinutes);
  const f = new Intl.DateTimeFormat('es-MX', { dateStyle: 'long', timeStyle: 'medium', hourCycle: 'h23', timeZone: huso }).format(at);
  return `${f} (UTC${huso})`;
}

export interface Encabezado {
  entidad: string;
  sintetico: boolean;
  utcOffsetMinutes: number;
  entorno: string;
  at: number;
  /** The entry this act records. */
  entrada: { id: number; hash: string; prevHash: string };
}

export interface DatosPuesta extends Encabezado {
  identidad: IdentidadConstruccion;
  catalogoSha256: string;
  configuracionSha256: string;
  catalogo: { elecciones: number; casillas: number; actasEsperadas: number; catds: number; filas: number };
  cortes: { jornada: string | null; cadenciaMinutos: number };
  conteos: ConteosNoche;
  personal: { operadores: number; tokens: number };
}

export interface DatosCierre extends Encabezado {
  puesta: { id: number; at: number; hash: string };
  identidad: IdentidadConstruccion | null;
  /** Whether the build now is the one recorded at the puesta en ceros. */
  mismaIdentidad: boolean;
  actasPorEtapa: Record<string, number>;
  capturas: number;
  imagenes: number;
  cortes: number;
  ultimoCorte: { numero: number; final: boolean; manifiestoSha256: string; instante: number } | null;
  cadena: { integra: boolean; entradas: number; puntaHash: string };
}

const linea = (etiqueta: string, valor: string) => `  ${`${etiqueta}:`.padEnd(31)} ${valor}`;

function encabezado(titulo: string, d: Encabezado): string[] {
  const simulacro = d.entorno === 'produccion' ? '' : '   *** SIMULACRO / PRUEBA ***';
  return [
    `${titulo}${simulacro}`,
    '='.repeat(titulo.length),
    '',
    linea('Entidad', `${d.entidad}${d.sintetico ? ' (catálogo sintético)' : ''}`),
    linea('Entorno', d.entorno),
    linea('Fecha y hora', fechaActa(d.at, d.utcOffsetMinutes)),
    linea('  en UTC', new Date(d.at).toISOString()),
    linea('Entrada de la bitácora', `núm. ${numero(d.entrada.id)}`),
    linea('  hash de la entrada', d.entrada.hash),
    linea('  hash anterior', d.entrada.prevHash),
    '',
  ];
}

function identidad(i: IdentidadConstruccion): string[] {
  return [linea('Commit', i.commit), linea('Worker (SHA-256)', i.workerSha256), linea('Portal (SHA-256)', i.portalSha256)];
}

const FIRMAS = [
  '',
  'Firmas',
  '',
  '',
  '______________________________        ______________________________',
  'Nombre, cargo e institución           Nombre, cargo e institución',
  '',
  '',
  '______________________________        ______________________________',
  'Nombre, cargo e institución           Nombre, cargo e institución',
  '',
];

export function textoActaPuesta(d: DatosPuesta): string {
  const c = d.conteos;
  return [
    ...encabezado('ACTA DE PUESTA EN CEROS DEL PREP', d),
    'Construcción',
    ...identidad(d.identidad),
    '',
    'Catálogo y configuración',
    linea('Catálogo (SHA-256)', d.catalogoSha256),
    linea('  elecciones', numero(d.catalogo.elecciones)),
    linea('  casillas', numero(d.catalogo.casillas)),
    linea('  actas esperadas', numero(d.catalogo.actasEsperadas)),
    linea('  CATD', numero(d.catalogo.catds)),
    linea('  filas de sus tablas', numero(d.catalogo.filas)),
    linea('Configuración (SHA-256)', d.configuracionSha256),
    linea('  jornada de cortes', d.cortes.jornada ?? 'sin ventana (solo cortes a petición)'),
    linea('  cadencia de cortes', `${numero(d.cortes.cadenciaMinutos)} min`),
    '',
    'Base de datos en ceros (verificado antes de registrar esta entrada)',
    linea('Actas registradas', numero(c.actas)),
    linea('Capturas', numero(c.capturas)),
    linea('Imágenes', numero(c.imagenes)),
    linea('Publicaciones de actas', numero(c.publicaciones)),
    linea('Cortes', numero(c.cortes)),
    linea('Respuestas guardadas de la API', numero(c.idempotencia)),
    linea('Solicitudes sobre cortes', numero(c.solicitudes)),
    linea('Secuencia de cambios', numero(c.secuencia)),
    linea('Objetos en R2 (publicación)', c.objetosR2 === null ? 'no revisado' : numero(c.objetosR2)),
    linea('Entradas previas en bitácora', numero(c.bitacora)),
    linea('Operadores / tokens', `${numero(d.personal.operadores)} / ${numero(d.personal.tokens)}`),
    '',
    'Esta puesta en ceros es la primera entrada de la bitácora;',
    'toda entrada posterior se encadena a su hash.',
    ...FIRMAS,
  ].join('\n');
}

export function textoActaCierre(d: DatosCierre): string {
  const etapas = Object.entries(d.actasPorEtapa).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const total = etapas.reduce((s, [, n]) => s + n, 0);
  const u = d.ultimoCorte;
  return [
    ...encabezado('ACTA DE CIERRE DEL PREP', d),
    'Puesta en ceros',
    linea('Entrada de la bitácora', `núm. ${numero(d.puesta.id)}, ${fechaActa(d.puesta.at, d.utcOffsetMinutes)}`),
    linea('  hash', d.puesta.hash),
    '',
    'Construcción al cierre',
    ...(d.identidad ? identidad(d.identidad) : [linea('Identidad', 'no disponible (portal sin construir)')]),
    linea('¿Igual a la de la puesta?', d.mismaIdentidad ? 'sí' : 'NO'),
    '',
    'Actas',
    linea('Actas registradas', numero(total)),
    ...etapas.map(([etapa, n]) => linea(`  ${etapa}`, numero(n))),
    linea('Capturas', numero(d.capturas)),
    linea('Imágenes', numero(d.imagenes)),
    '',
    'Cortes',
    linea('Cortes publicados', numero(d.cortes)),
    ...(u
      ? [
          linea('Último corte', `núm. ${numero(u.numero)}${u.final ? ' (final)' : ' (no es el final)'}, ${fechaActa(u.instante, d.utcOffsetMinutes)}`),
          linea('  manifiesto (SHA-256)', u.manifiestoSha256),
        ]
      : []),
    '',
    'Bitácora (antes de esta entrada)',
    linea('Entradas', numero(d.cadena.entradas)),
    linea('Cadena de hashes', d.cadena.integra ? 'íntegra' : 'ROTA (npm run audit:verify nombra la entrada)'),
    linea('Hash de la punta', d.cadena.puntaHash),
    ...FIRMAS,
  ].join('\n');
}
