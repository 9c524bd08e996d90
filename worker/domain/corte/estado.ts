/**
 * The state a corte is rendered from, kept between cortes so the next one costs what changed:
 *   - per election, a tally per sección, distrito, municipio and the entidad (RULES.md §5), moved by delta;
 *   - of each registered acta, only what the corte publishes of it: its JSON in its shard and its CSV row
 *     (a Worker has 128 MB: the log entries themselves are not kept);
 *   - which shards must be rendered again (the secciones whose actas changed, and their parents);
 *   - the current shard table (id → ruta, SHA-256, bytes).
 *
 * It moves by `Cambio`s — an acta's log state at the previous corte (`antes`) and now (`despues`) — as the
 * corte job reads them from the log: `antes` leaves the tallies, `despues` enters them. A full build is the
 * same with every `antes` null (`iniciarCompleto` … `terminarCompleto`: tallies per sección only, parents
 * merged once). Both end in the same state: the property test of `corte.test.ts` renders both after random
 * histories and compares the bytes.
 */
import { assert } from '../assert.ts';
import type { ActaPublicada } from '../acta/publicada.ts';
import {
  addActa,
  addActaDensa,
  addEsperada,
  addTally,
  emptyTally,
  IndiceVotos,
  removeActa,
  removeEsperada,
  sumarVotosDensos,
  volcarVotosDensos,
  votosDensos,
  type Tally,
  type VotosDensos,
} from '../tally/tally.ts';
import { actaEnCorte, type ActaEnCorte, type ProblemaActa } from './acta-corte.ts';
import { igualesProfundo } from './bytes.ts';
import { compararClavesFc, filaPendiente, filaRegistrada } from './csv-resultados.ts';
import type { ActaModelo, CorteModelo, EleccionModelo } from './modelo.ts';
import { actaShard, columnasDeBoleta } from './render-shards.ts';
import { shardIds, type ShardId } from './rutas.ts';
import type { ShardRef } from './shards.ts';

/** One acta whose log state moved: then (null: not registered at the previous corte) and now. */
export interface CambioActa {
  antes: ActaPublicada | null;
  despues: ActaPublicada;
}

/** What the state keeps of a registered acta: exactly what the corte publishes of it. */
export interface ActaRetenida {
  /** Null for fuera de catálogo. */
  esperada: ActaModelo | null;
  eleccion: string;
  /** Its JSON in its sección shard (in the entidad shard for fuera de catálogo). */
  fragmento: string;
  /** Its row in the election's results CSV. */
  fila: string;
}

export interface EstadoEleccion {
  modelo: EleccionModelo;
  entidad: Tally;
  distritos: Map<number, Tally>;
  municipios: Map<number, Tally>;
  secciones: Map<number, Tally>;
  /** Tally of the fuera de catálogo registrations (they count at entidad level only). */
  fc: Tally;
  /** Fuera de catálogo claves of this election. */
  fueraCatalogo: Set<string>;
  /** Rendered row of each sección in its parents' shards; dropped when its tally or its shard moves. */
  filasSeccion: Map<number, string>;
  /** Positions of the election's vote columns and candidaturas (dense accumulation of a full build). */
  indice: IndiceVotos;
  /**
   * During a full build only: the votes of each sección by position (its `Tally` holds the counters, and
   * votes outside the index); merged into the records and the parents by `terminarCompleto`.
   */
  densas: { votos: VotosDensos; slot: Map<number, number> } | null;
}

export interface ResultadoAplicar {
  /** Log entries read. */
  procesadas: number;
  /** Entries identical to the acta's state already in the corte. */
  sinCambio: number;
  problemas: ProblemaActa[];
}

export class EstadoCorte {
  readonly modelo: CorteModelo;
  readonly actas = new Map<string, ActaRetenida>();
  readonly elecciones: Map<string, EstadoEleccion>;
  /** Shards to render again: secciones (ids) and per-election territories (shard ids). */
  readonly seccionesSucias = new Set<number>();
  readonly territoriosSucios = new Set<ShardId>();
  /** Current shard table; filled by `renderizar`. */
  readonly shards = new Map<ShardId, ShardRef>();
  /** The final flag the shards were last rendered with (null: never rendered). */
  finalRenderizado: boolean | null = null;
  /** While true, only sección and fuera de catálogo tallies move; parents are merged at the end. */
  private masivo = false;

  constructor(modelo: CorteModelo) {
    this.modelo = modelo;
    this.elecciones = new Map(modelo.elecciones.map((em) => [em.eleccion.codigo, estadoEleccion(modelo, em)]));
    for (const s of modelo.secciones) this.marcarSeccion(s.id);
  }

  /** The state with every given acta (the newest log entry of each clave, in any order). */
  static completo(modelo: CorteModelo, actas: Iterable<ActaPublicada>): { estado: EstadoCorte; resultado: ResultadoAplicar } {
    const estado = EstadoCorte.iniciarCompleto(modelo);
    const resultado = estado.aplicar([...actas].map((despues) => ({ antes: null, despues })));
    estado.terminarCompleto();
    return { estado, resultado };
  }

  /** An empty state about to receive every acta (in pages, `aplicar` with `antes` null); then `terminarCompleto`. */
  static iniciarCompleto(modelo: CorteModelo): EstadoCorte {
    const estado = new EstadoCorte(modelo);
    estado.masivo = true;
    const slot = new Map(modelo.secciones.map((s, i) => [s.id, i]));
    for (const ee of estado.elecciones.values()) ee.densas = { votos: votosDensos(ee.indice, modelo.secciones.length), slot };
    return estado;
  }

  terminarCompleto(): void {
    this.masivo = false;
    this.marcarTodo();
    for (const ee of this.elecciones.values()) {
      recalcularPadres(this.modelo, ee);
      ee.densas = null;
    }
  }

  /** Moves the state forward by the actas whose log moved (one `CambioActa` per clave). */
  aplicar(cambios: Iterable<CambioActa>): ResultadoAplicar {
    const r: ResultadoAplicar = { procesadas: 0, sinCambio: 0, problemas: [] };
    for (const { antes, despues } of cambios) {
      r.procesadas++;
      if (antes !== null && igualesProfundo(antes, despues)) {
        r.sinCambio++;
        continue;
      }
      const nuevo = actaEnCorte(this.modelo, despues);
      if (!nuevo.ok) r.problemas.push(nuevo.error);
      const viejo = antes === null ? null : actaEnCorte(this.modelo, antes);
      if (viejo !== null && viejo.ok) this.retirar(viejo.value);
      // (Messages built only on failure: this runs once per acta.)
      else if (this.actas.has(despues.clave)) assert(false, `${despues.clave}: registrada en el corte anterior pero sin su estado anterior`);
      if (nuevo.ok) this.agregar(nuevo.value);
    }
    return r;
  }

  /** Marks a sección's shard for rendering (its parents follow when its bytes change). */
  marcarSeccion(seccion: number): void {
    this.seccionesSucias.add(seccion);
  }

  /** Marks the parents of a sección in one election (its tallies or its shard changed). */
  marcarPadres(eleccion: string, seccion: number): void {
    const s = this.modelo.seccionPorId.get(seccion)!;
    this.elecciones.get(eleccion)!.filasSeccion.delete(seccion);
    this.territoriosSucios.add(shardIds.distrito(eleccion, s.distrito));
    this.territoriosSucios.add(shardIds.municipio(eleccion, s.municipio));
    this.territoriosSucios.add(shardIds.entidad(eleccion));
  }

  /** Marks every shard (the final flag changed, or nothing was rendered yet). */
  marcarTodo(): void {
    for (const s of this.modelo.secciones) {
      this.marcarSeccion(s.id);
      for (const em of this.modelo.elecciones) this.marcarPadres(em.eleccion.codigo, s.id);
    }
    for (const em of this.modelo.elecciones) this.territoriosSucios.add(shardIds.entidad(em.eleccion.codigo));
  }

  /** The JSON of an expected acta in its sección shard: kept when registered, rendered when pending. */
  fragmento(a: ActaModelo): string {
    return this.actas.get(a.clave)?.fragmento ?? JSON.stringify(actaShard(a, undefined, columnasDeBoleta(a)));
  }

  /** The fuera de catálogo actas of an election, in CSV order. */
  fueraCatalogo(eleccion: string): ActaRetenida[] {
    const claves = [...this.elecciones.get(eleccion)!.fueraCatalogo].sort(compararClavesFc);
    return claves.map((k) => this.actas.get(k)!);
  }

  /** The CSV rows of an election: one per expected acta (catalogue order), then fuera de catálogo. */
  filasCsv(eleccion: string): { filas: string[]; filasFueraCatalogo: string[] } {
    const ee = this.elecciones.get(eleccion)!;
    const filas = ee.modelo.actas.map((a) => this.actas.get(a.clave)?.fila ?? filaPendiente(this.modelo, ee.modelo, a));
    return { filas, filasFueraCatalogo: this.fueraCatalogo(eleccion).map((x) => x.fila) };
  }

  private tallies(ee: EstadoEleccion, seccion: number): Tally[] {
    const s = this.modelo.seccionPorId.get(seccion)!;
    const sec = ee.secciones.get(seccion)!;
    if (this.masivo) return [sec];
    return [sec, ee.distritos.get(s.distrito)!, ee.municipios.get(s.municipio)!, ee.entidad];
  }

  private retirar(ac: ActaEnCorte): void {
    const codigo = ac.eleccion.eleccion.codigo;
    const ee = this.elecciones.get(codigo)!;
    if (this.actas.get(ac.acta.clave)?.eleccion !== codigo) assert(false, `${ac.acta.clave}: su estado anterior no es el que tiene el corte`);
    this.actas.delete(ac.acta.clave);
    if (ac.esperada === null) {
      removeActa(ee.fc, ac.entrada);
      if (!this.masivo) removeActa(ee.entidad, ac.entrada);
      ee.fueraCatalogo.delete(ac.acta.clave);
      this.territoriosSucios.add(shardIds.entidad(codigo));
      return;
    }
    const slot = ee.densas?.slot.get(ac.esperada.seccion.id);
    if (this.masivo && slot !== undefined) {
      const t = ee.secciones.get(ac.esperada.seccion.id)!;
      addActaDensa(t, ee.densas!.votos, slot, ee.indice, ac.entrada, -1);
      addEsperada(t);
    } else {
      for (const t of this.tallies(ee, ac.esperada.seccion.id)) {
        removeActa(t, ac.entrada);
        addEsperada(t);
      }
    }
    this.marcarSeccion(ac.esperada.seccion.id);
    // A full build marks every territory once, at its end.
    if (!this.masivo) this.marcarPadres(codigo, ac.esperada.seccion.id);
  }

  private agregar(ac: ActaEnCorte): void {
    const codigo = ac.eleccion.eleccion.codigo;
    const ee = this.elecciones.get(codigo)!;
    const columnas = ac.esperada ? columnasDeBoleta(ac.esperada) : ac.eleccion.columnas;
    this.actas.set(ac.acta.clave, {
      esperada: ac.esperada,
      eleccion: codigo,
      fragmento: JSON.stringify(actaShard(ac.esperada, ac, columnas)),
      fila: filaRegistrada(this.modelo, ac),
    });
    if (ac.esperada === null) {
      addActa(ee.fc, ac.entrada);
      if (!this.masivo) addActa(ee.entidad, ac.entrada);
      ee.fueraCatalogo.add(ac.acta.clave);
      this.territoriosSucios.add(shardIds.entidad(codigo));
      return;
    }
    const slot = ee.densas?.slot.get(ac.esperada.seccion.id);
    if (this.masivo && slot !== undefined) {
      const t = ee.secciones.get(ac.esperada.seccion.id)!;
      removeEsperada(t);
      addActaDensa(t, ee.densas!.votos, slot, ee.indice, ac.entrada, 1);
    } else {
      for (const t of this.tallies(ee, ac.esperada.seccion.id)) {
        removeEsperada(t);
        addActa(t, ac.entrada);
      }
    }
    this.marcarSeccion(ac.esperada.seccion.id);
    // A full build marks every territory once, at its end.
    if (!this.masivo) this.marcarPadres(codigo, ac.esperada.seccion.id);
  }
}

function estadoEleccion(modelo: CorteModelo, em: EleccionModelo): EstadoEleccion {
  const secciones = new Map(modelo.secciones.map((s) => [s.id, emptyTally()]));
  for (const a of em.actas) addEsperada(secciones.get(a.seccion.id)!);
  const ee: EstadoEleccion = {
    modelo: em,
    entidad: emptyTally(),
    distritos: new Map(),
    municipios: new Map(),
    secciones,
    fc: emptyTally(),
    fueraCatalogo: new Set(),
    filasSeccion: new Map(),
    indice: new IndiceVotos(em.columnas, em.candidaturas),
    densas: null,
  };
  recalcularPadres(modelo, ee);
  return ee;
}

/**
 * Distrito, municipio and entidad tallies as the merge of their secciones' (plus fuera de catálogo at entidad).
 * The entidad is merged from the distritos (fewer, larger tallies) rather than from every sección. After a
 * full build (`ee.densas`), votes are summed by position and moved into the records once per territory.
 */
function recalcularPadres(modelo: CorteModelo, ee: EstadoEleccion): void {
  const densas = ee.densas;
  if (densas === null) {
    ee.distritos = new Map(modelo.distritos.map((d) => [d.id, emptyTally()]));
    ee.municipios = new Map(modelo.municipios.map((m) => [m.id, emptyTally()]));
    for (const s of modelo.secciones) {
      const t = ee.secciones.get(s.id)!;
      addTally(ee.distritos.get(s.distrito)!, t);
      addTally(ee.municipios.get(s.municipio)!, t);
    }
    const entidad = emptyTally();
    for (const t of ee.distritos.values()) addTally(entidad, t);
    addTally(entidad, ee.fc);
    ee.entidad = entidad;
    return;
  }
  // Sección records hold only the votes outside the index here: merged as usual, then the dense votes.
  const ix = ee.indice;
  const sec = densas.votos;
  const distritos = new Map(modelo.distritos.map((d, i) => [d.id, { t: emptyTally(), i }]));
  const municipios = new Map(modelo.municipios.map((m, i) => [m.id, { t: emptyTally(), i }]));
  const dd = votosDensos(ix, modelo.distritos.length);
  const dm = votosDensos(ix, modelo.municipios.length);
  for (const s of modelo.secciones) {
    const t = ee.secciones.get(s.id)!;
    const i = densas.slot.get(s.id)!;
    const d = distritos.get(s.distrito)!;
    const m = municipios.get(s.municipio)!;
    addTally(d.t, t);
    addTally(m.t, t);
    sumarVotosDensos(dd, d.i, sec, i, ix);
    sumarVotosDensos(dm, m.i, sec, i, ix);
    volcarVotosDensos(t, sec, i, ix);
  }
  const entidad = { t: emptyTally(), d: votosDensos(ix) };
  for (const d of distritos.values()) {
    addTally(entidad.t, d.t);
    sumarVotosDensos(entidad.d, 0, dd, d.i, ix);
    volcarVotosDensos(d.t, dd, d.i, ix);
  }
  for (const m of municipios.values()) volcarVotosDensos(m.t, dm, m.i, ix);
  volcarVotosDensos(entidad.t, entidad.d, 0, ix);
  addTally(entidad.t, ee.fc);
  ee.distritos = new Map([...distritos].map(([id, p]) => [id, p.t]));
  ee.municipios = new Map([...municipios].map(([id, p]) => [id, p.t]));
  ee.entidad = entidad.t;
}
