/**
 * The "photo" of an acta in a simulacro: the printed form of its election and ballot (formulario.ts, drawn once
 * per ballot and reused), with the casilla's identification, its CLAVE_ACTA as a QR code, and the figures the
 * plan says are written on the paper in pen. A field the plan has as Ilegible is smudged past reading; one it
 * has as Sin dato is left blank. A 4-bit PNG, deterministic for an acta; its tEXt chunk names the acta, where it
 * was taken and which take it is, so two takes of the same paper (PREP Casilla, CATD scanner, re-digitization)
 * are different images, hence different integrity codes.
 */
import { encodeQR } from 'qr';
import type { ActaEsperada } from '../../worker/domain/acta/esperadas.ts';
import { ILEGIBLE, SIN_DATO, type Captura, type Valor } from '../../worker/domain/acta/esquema.ts';
import type { Catalogo, Partido, TipoCasilla } from '../../worker/domain/catalogo/esquema.ts';
import { crearAzar, type Azar } from '../generador/azar.ts';
import { ALTO_GLIFO, AVANCE, glifo } from './fuente.ts';
import { COLOR, dibujarFormulario, type Caja, type Formulario } from './formulario.ts';
import type { Lienzo } from './lienzo.ts';
import { paletaDe, type Paleta } from './paleta.ts';
import type { PlanActa } from './plan.ts';
import { codificarPng } from './png.ts';

const TIPO: Record<TipoCasilla, string> = { B: 'B BÁSICA', C: 'C CONTIGUA', E: 'E EXTRAORD.', S: 'S ESPECIAL', M: 'M EXTRANJERO' };

/** What is written on the paper acta: the plan's true figures (never the wrong version a capturist typed). */
export function figurasEnPapel(a: PlanActa): Captura | null {
  return a.resultado.tipo === 'captura' ? a.resultado.captura : null;
}

/** Draws one handwritten figure right-aligned in its box: slanted digits in pen blue, each a little off line. */
function escribir(l: Lienzo, caja: Caja, texto: string, azar: Azar): void {
  const escala = 2;
  let x = caja.x + caja.ancho - 8 - (texto.length * AVANCE * escala + 2);
  const y0 = caja.y + Math.floor((caja.alto - ALTO_GLIFO * escala) / 2);
  for (const c of texto) {
    const dy = azar.entero(-1, 1);
    const dx = azar.entero(-1, 1);
    for (const [gx, gy] of glifo(c)) {
      // A pen stroke leans right and is a pixel wider than the printed font.
      const px = x + dx + gx * escala + Math.floor((ALTO_GLIFO - 1 - gy) / 3);
      l.rect(px, y0 + dy + gy * escala, escala + 1, escala, COLOR.pluma);
    }
    x += AVANCE * escala;
  }
}

/** A smudge over the box: ink rubbed over whatever was written, dense enough that no digit survives. */
function manchar(l: Lienzo, caja: Caja, azar: Azar): void {
  escribir(l, caja, String(azar.entero(10, 999)), azar);
  const cx = caja.x + caja.ancho / 2 + azar.entero(-6, 6);
  const cy = caja.y + caja.alto / 2;
  const rx = caja.ancho / 2 - 3;
  const ry = caja.alto / 2 + 1;
  for (let y = caja.y + 1; y < caja.y + caja.alto - 1; y++) {
    for (let x = caja.x + 1; x < caja.x + caja.ancho - 1; x++) {
      const d = ((x - cx) / rx) ** 2 + ((y - cy) / ry) ** 2;
      // Solid in the middle, frayed at the edge.
      if (d < 0.75 || (d < 1.1 && azar.siguiente() < 0.55)) l.punto(x, y, COLOR.mancha);
    }
  }
}

function figura(l: Lienzo, caja: Caja, v: Valor, azar: Azar): void {
  if (v === SIN_DATO) return;
  if (v === ILEGIBLE) manchar(l, caja, azar);
  else escribir(l, caja, String(v), azar);
}

/** The CLAVE_ACTA as a QR code (error correction M, with its quiet zone) in the form's QR square. */
function qr(l: Lienzo, caja: Caja, clave: string): void {
  const m = encodeQR(clave, 'raw', { ecc: 'medium', border: 4 });
  const modulo = Math.floor(caja.ancho / m.length);
  m.forEach((fila, y) => {
    fila.forEach((negro, x) => {
      if (negro) l.rect(caja.x + x * modulo, caja.y + y * modulo, modulo, modulo, COLOR.impresion);
    });
  });
}

/** Prints in black what the institute pre-prints on each casilla's acta. */
function impreso(l: Lienzo, caja: Caja, texto: string, escala = 2): void {
  l.texto(caja.x, caja.y, texto, COLOR.impresion, escala);
}

/** Draws and encodes the actas of one catalogue; keeps each ballot's form once drawn. */
export class Imprenta {
  private readonly paleta: Paleta;
  private readonly formularios = new Map<string, Formulario>();
  private readonly partidos: Map<string, Partido>;
  private readonly territorios: Map<string, string>;
  private readonly entidad: string;

  constructor(cat: Catalogo) {
    this.entidad = cat.entidad.nombre;
    this.paleta = paletaDe(cat.partidos);
    this.partidos = new Map(cat.partidos.map((p) => [p.siglas, p]));
    this.territorios = new Map([
      ...cat.distritos.map((d) => [`distrito/${d.id}`, `${String(d.id).padStart(2, '0')} ${d.cabecera.toUpperCase()}`] as const),
      ...cat.municipios.map((m) => [`municipio/${m.id}`, `${String(m.id).padStart(3, '0')} ${m.nombre.toUpperCase()}`] as const),
    ]);
  }

  /** The form of an acta's election and ballot; ballots with the same columns share one. */
  formulario(e: ActaEsperada): Formulario {
    const llave = `${e.eleccion.codigo}|${e.boleta.columnas.join(',')}`;
    let f = this.formularios.get(llave);
    if (f === undefined) {
      f = dibujarFormulario(e.eleccion, e.boleta, {
        partido: (s) => this.partidos.get(s),
        color: (s) => this.paleta.indice.get(s) ?? COLOR.gris,
        entidad: this.entidad,
      });
      this.formularios.set(llave, f);
    }
    return f;
  }

  /** The PNG of acta `e` with `figuras` written on it (null: a blank form), taken at `origen`, take `toma`. */
  imagen(e: ActaEsperada, figuras: Captura | null, origen: string, toma = 1): Uint8Array {
    const f = this.formulario(e);
    const l = f.trabajo;
    l.copiarDe(f.lienzo);
    const c = e.casilla;
    impreso(l, f.casilla.seccion, String(c.seccion).padStart(4, '0'));
    impreso(l, f.casilla.tipo, TIPO[c.tipo]);
    impreso(l, f.casilla.numero, String(c.id).padStart(2, '0'));
    impreso(l, f.casilla.ext, String(c.extContigua));
    const ambito = e.eleccion.territorio === 'municipio' ? 'municipio' : 'distrito';
    const id = ambito === 'municipio' ? e.seccion.municipio : e.seccion.distrito;
    impreso(l, f.casilla.territorio, this.territorios.get(`${ambito}/${id}`) ?? String(id));
    qr(l, f.qr, e.clave);
    impreso(l, { ...f.clave, x: f.clave.x + Math.floor((f.clave.ancho - e.clave.length * AVANCE) / 2) }, e.clave, 1);
    // The pen is the paper's, not the take's: every photo of one acta shows the same handwriting.
    const azar = crearAzar(0).derivar(`imagen:${e.clave}`);
    if (figuras) {
      for (const [k, v] of [...Object.entries(figuras.votos), ...Object.entries(figuras.totales)]) {
        const caja = f.campos.get(k);
        if (caja) figura(l, caja, v, azar);
      }
    }
    return codificarPng(l, this.paleta.colores, `PREP simulacro: acta ${e.clave}, ${origen}, toma ${toma}`);
  }
}

const imprentas = new WeakMap<Catalogo, Imprenta>();

/** The printer of a catalogue, made once: callers that only hold the catalogue share its drawn forms. */
export function imprentaDe(cat: Catalogo): Imprenta {
  let i = imprentas.get(cat);
  if (i === undefined) imprentas.set(cat, (i = new Imprenta(cat)));
  return i;
}
