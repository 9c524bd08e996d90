/**
 * The state a corte is rendered from, kept between cortes so the next one costs what changed:
 *   - per election, a tally per tally unit (a sección in a territory: one per sección, and one more per split
 *     casilla's part counted elsewhere, modelo.ts `Unidad`), distrito, municipio and the entidad (docs/REGLAS.md
 *     §5), moved by delta, its votes in flat arrays by position (`VotosEleccion`);
 *   - of each registered acta, only what the corte publishes of it: its JSON in its shard and its CSV row
 *     (a Worker has 128 MB: the log entries themselves are not kept); of each pending one, the same once
 *     rendered;
 *   - serialized pieces that outlive a corte: each sección's row in its parents, each election's tallies in a
 *     sección shard, each distrito's and municipio's row in the entidad shard (generar-shards.ts);
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
import { shardIds, type ShardId, type ShardRef } from '../contrato/index.ts';
import { conteoVacio, restarEsperada, sumarConteo, sumarEsperada, type Conteo, type EntradaConteo } from '../conteo/conteo.ts';
import { IndiceVotos, sumarActaDensa, sumarActaDensaEn, sumarVotosDensos, votosDensos, type DestinoDenso, type Leidos, type VotosDensos } from '../conteo/densos.ts';
import { actaEnCorte, type ActaEnCorte, type ProblemaActa } from './acta-corte.ts';
import { actaJson, actaShard, columnasDeBoleta } from './acta-shard.ts';
import { igualesProfundo } from './bytes.ts';
import { compararClavesFc, filaPendiente, filaRegistrada } from './csv-resultados.ts';
import type { ActaModelo, CorteModelo, EleccionModelo, Unidad } from './modelo.ts';

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

/**
 * Votes of every tally of an election by position of its `IndiceVotos`: one slot per tally unit (a sección in a
 * territory: modelo.ts `Unidad`), distrito and municipio (model order), one for the entidad and one for fuera de catálogo. Kept dense for the state's whole
 * life: records of ~40 vote keys that gain and lose keys become hash tables in V8 (dictionary mode), slow to
 * update in every corte and to read in every shard.
 */
export interface VotosEleccion {
  secciones: VotosDensos;
  distritos: VotosDensos;
  municipios: VotosDensos;
  entidad: VotosDensos;
  fc: VotosDensos;
}

/** Where a territory's figures are: its tally (counters) and its slot of dense votes. */
export interface ConteoTerritorio {
  t: Conteo;
  d: VotosDensos;
  slot: number;
  ix: IndiceVotos;
}

/** Slots of a tally unit and of its parents in the dense vote arrays. */
interface Posicion {
  seccion: number;
  distrito: number;
  municipio: number;
}

export interface EstadoEleccion {
  modelo: EleccionModelo;
  /**
   * Tallies: their counters, and in `votos` / `candidaturas` only columns and candidaturas outside the index
   * (none for a well-formed catalogue); the indexed votes are in `votos` (dense) below.
   */
  entidad: Conteo;
  distritos: Map<number, Conteo>;
  municipios: Map<number, Conteo>;
  /** Per tally unit (`Unidad.id`: a sección's own unit has its id). */
  secciones: Map<number, Conteo>;
  /** Tally of the fuera de catálogo registrations (they count at entidad level only). */
  fc: Conteo;
  /** Fuera de catálogo claves of this election. */
  fueraCatalogo: Set<string>;
  /** What the state keeps of each registered expected acta, by catalogue position (`orden`): read per acta by renders. */
  retenidas: (ActaRetenida | undefined)[];
  /** Rendered row of each sección in its parents' shards (`[id, t, c]`); dropped when its tally may have moved. */
  filasSeccion: (string | undefined)[];
  /**
   * The JSON of this election's tallies in each sección shard (`t`, `c`, `v`); dropped when one of its actas
   * enters or leaves: the sección's tally moves only then.
   */
  cuentasBloque: Map<number, string>;
  /** Rendered row of each distrito and municipio in the entidad shard; dropped when its shard is rendered. */
  filasTerritorio: Map<ShardId, string>;
  /** The rows of the results CSV in catalogue order, once asked for (`filasCsv`); null before. */
  filas: string[] | null;
  /** Catalogue positions (`orden`) of the actas whose row changed since `filas` was last brought up to date. */
  filasMovidas: Set<number>;
  /** The shard ids of each sección's parents, by sección id (marked on every change: built once per catalogue). */
  padres: readonly (readonly ShardId[])[];
  /** Positions of the election's vote columns and candidaturas in `votos`. */
  indice: IndiceVotos;
  votos: VotosEleccion;
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
  /** What the state keeps of each registered fuera de catálogo acta, by clave (of expected ones: `retenidas`). */
  private readonly fc = new Map<string, ActaRetenida>();
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
  /**
   * What a pending expected acta publishes depends on the catalogue only; the first cortes of a night are
   * mostly pending actas, so it is rendered once and dropped when the acta is registered.
   */
  private readonly fragmentosPendientes = new Map<string, string>();
  private readonly filasPendientes = new Map<string, string>();
  /** The tallies an expected acta moves (its sección's, then its parents'), reused by `moverEsperada`. */
  private readonly destinos: DestinoDenso[] = Array.from({ length: 4 }, () => ({ t: conteoVacio(), d: votosVaciosDestino, slot: 0 }));

  /** Dense vote slots of each tally unit and its parents, by unit id; and of each distrito and municipio. */
  readonly posiciones: Map<number, Posicion>;
  readonly slotDistrito: Map<number, number>;
  readonly slotMunicipio: Map<number, number>;

  /** `masivo`: the state of `iniciarCompleto` (parents merged by `terminarCompleto`, not here too). */
  constructor(modelo: CorteModelo, masivo = false) {
    this.modelo = modelo;
    this.masivo = masivo;
    this.slotDistrito = new Map(modelo.distritos.map((d, i) => [d.id, i]));
    this.slotMunicipio = new Map(modelo.municipios.map((m, i) => [m.id, i]));
    this.posiciones = new Map(
      modelo.unidades.map((u, i) => [u.id, { seccion: i, distrito: this.slotDistrito.get(u.distrito)!, municipio: this.slotMunicipio.get(u.municipio)! }]),
    );
    this.elecciones = new Map(modelo.elecciones.map((em) => [em.eleccion.codigo, estadoEleccion(this, em, masivo)]));
    for (const s of modelo.secciones) this.marcarSeccion(s.id);
  }

  /** The state with every given acta (the newest log entry of each clave, in any order). */
  static completo(modelo: CorteModelo, actas: Iterable<ActaPublicada>): { estado: EstadoCorte; resultado: ResultadoAplicar } {
    const estado = EstadoCorte.iniciarCompleto(modelo);
    const resultado = estado.agregarTodas(actas);
    estado.terminarCompleto();
    return { estado, resultado };
  }

  /** An empty state about to receive every acta (in pages, `aplicar` with `antes` null); then `terminarCompleto`. */
  static iniciarCompleto(modelo: CorteModelo): EstadoCorte {
    return new EstadoCorte(modelo, true);
  }

  /** `aplicar` of every given acta with `antes` null, without a `CambioActa` per acta. */
  agregarTodas(actas: Iterable<ActaPublicada>): ResultadoAplicar {
    const r: ResultadoAplicar = { procesadas: 0, sinCambio: 0, problemas: [] };
    for (const despues of actas) this.aplicarUna(null, despues, r);
    return r;
  }

  terminarCompleto(): void {
    this.masivo = false;
    // Every shard is dirty: a new state has never been rendered (`renderizar` marks everything then).
    for (const ee of this.elecciones.values()) recalcularPadres(this, ee);
  }

  /** Moves the state forward by the actas whose log moved (one `CambioActa` per clave). */
  aplicar(cambios: Iterable<CambioActa>): ResultadoAplicar {
    const r: ResultadoAplicar = { procesadas: 0, sinCambio: 0, problemas: [] };
    for (const { antes, despues } of cambios) this.aplicarUna(antes, despues, r);
    return r;
  }

  private aplicarUna(antes: ActaPublicada | null, despues: ActaPublicada, r: ResultadoAplicar): void {
    r.procesadas++;
    if (antes !== null && mismosEscalares(antes, despues) && igualesProfundo(antes, despues)) {
      r.sinCambio++;
      return;
    }
    const nuevo = actaEnCorte(this.modelo, despues);
    if (!nuevo.ok) r.problemas.push(nuevo.error);
    const viejo = antes === null ? null : actaEnCorte(this.modelo, antes);
    if (viejo?.ok) this.retirar(viejo.value);
    // (Messages built only on failure: this runs once per acta.)
    else if (this.retenida(despues.clave) !== undefined) assert(false, `${despues.clave}: registrada en el corte anterior pero sin su estado anterior`);
    if (nuevo.ok) this.agregar(nuevo.value);
  }

  /** Marks a sección's shard for rendering (its parents follow when its bytes change). */
  marcarSeccion(seccion: number): void {
    this.seccionesSucias.add(seccion);
  }

  /**
   * Marks the parents of a sección in one election (one of its actas there moved, so its tally may have): those
   * of its own unit and of its extra units with actas of the election. Their rows carry its figures only, not its
   * shard's address, so a parent whose rows come out the same keeps its bytes.
   */
  marcarPadres(eleccion: string, seccion: number): void {
    const ee = this.elecciones.get(eleccion)!;
    ee.filasSeccion[seccion] = undefined;
    for (const id of ee.padres[seccion]!) this.territoriosSucios.add(id);
  }

  /** Marks every shard (the final flag changed, or nothing was rendered yet). */
  marcarTodo(): void {
    for (const s of this.modelo.secciones) this.marcarSeccion(s.id);
    // What `marcarPadres` of every sección in every election marks, each territory once (a few more).
    const unidades = this.modelo.unidades;
    const distritos = new Set(unidades.map((u) => u.distrito));
    const municipios = new Set(unidades.map((u) => u.municipio));
    for (const em of this.modelo.elecciones) {
      const codigo = em.eleccion.codigo;
      this.elecciones.get(codigo)!.filasSeccion.fill(undefined);
      for (const d of distritos) this.territoriosSucios.add(shardIds.distrito(codigo, d));
      for (const m of municipios) this.territoriosSucios.add(shardIds.municipio(codigo, m));
      this.territoriosSucios.add(shardIds.entidad(codigo));
    }
  }

  /** What the state keeps of the registered acta with this clave (undefined: not registered). */
  retenida(clave: string): ActaRetenida | undefined {
    const fc = this.fc.get(clave);
    if (fc !== undefined) return fc;
    const a = this.modelo.actaPorClave.get(clave);
    return a === undefined ? undefined : this.elecciones.get(a.eleccion.codigo)!.retenidas[a.orden];
  }

  /** The JSON of an expected acta in its sección shard: kept when registered, rendered once while pending. */
  fragmento(a: ActaModelo): string {
    return this.fragmentoEn(this.elecciones.get(a.eleccion.codigo)!, a);
  }

  /** `fragmento` of an acta of `ee`'s election. */
  fragmentoEn(ee: EstadoEleccion, a: ActaModelo): string {
    const r = ee.retenidas[a.orden];
    if (r !== undefined) return r.fragmento;
    let f = this.fragmentosPendientes.get(a.clave);
    if (f === undefined) this.fragmentosPendientes.set(a.clave, (f = JSON.stringify(actaShard(a, undefined, columnasDeBoleta(a)))));
    return f;
  }

  /** The CSV row of an expected acta: kept when registered, rendered once while pending. */
  fila(ee: EstadoEleccion, a: ActaModelo): string {
    const r = ee.retenidas[a.orden];
    if (r !== undefined) return r.fila;
    let f = this.filasPendientes.get(a.clave);
    if (f === undefined) this.filasPendientes.set(a.clave, (f = filaPendiente(this.modelo, ee.modelo, a)));
    return f;
  }

  /** The fuera de catálogo actas of an election, in CSV order. */
  fueraCatalogo(eleccion: string): ActaRetenida[] {
    const claves = [...this.elecciones.get(eleccion)!.fueraCatalogo].sort(compararClavesFc);
    return claves.map((k) => this.fc.get(k)!);
  }

  /** The CSV rows of an election: one per expected acta (catalogue order), then fuera de catálogo. */
  filasCsv(eleccion: string): { filas: string[]; filasFueraCatalogo: string[] } {
    const ee = this.elecciones.get(eleccion)!;
    // Kept between cortes, so a corte looks up only the rows of the actas that moved (not ~11k per election).
    if (ee.filas === null) ee.filas = ee.modelo.actas.map((a) => this.fila(ee, a));
    else for (const orden of ee.filasMovidas) ee.filas[orden] = this.fila(ee, ee.modelo.actas[orden]!);
    ee.filasMovidas.clear();
    return { filas: ee.filas.slice(), filasFueraCatalogo: this.fueraCatalogo(eleccion).map((x) => x.fila) };
  }

  /**
   * A territory's tally and its dense votes: a sección (all its actas: the sum of its units), distrito or
   * municipio by id, or the entidad.
   */
  conteo(eleccion: string, nivel: 'seccion' | 'distrito' | 'municipio' | 'entidad', id = 0): ConteoTerritorio {
    const ee = this.elecciones.get(eleccion)!;
    const v = ee.votos;
    const ix = ee.indice;
    if (nivel === 'seccion') {
      const unidades = this.modelo.unidadesDeSeccion.get(id);
      return unidades === undefined ? this.conteoUnidad(ee, id) : this.sumaUnidades(ee, unidades);
    }
    if (nivel === 'distrito') return { t: ee.distritos.get(id)!, d: v.distritos, slot: this.slotDistrito.get(id)!, ix };
    if (nivel === 'municipio') return { t: ee.municipios.get(id)!, d: v.municipios, slot: this.slotMunicipio.get(id)!, ix };
    return { t: ee.entidad, d: v.entidad, slot: 0, ix };
  }

  /** The tally of one unit (`Unidad.id`). */
  conteoUnidad(ee: EstadoEleccion, unidad: number): ConteoTerritorio {
    return { t: ee.secciones.get(unidad)!, d: ee.votos.secciones, slot: this.posiciones.get(unidad)!.seccion, ix: ee.indice };
  }

  /**
   * A sección's row in a parent's table: the sum of its units counted there (null: none of them is). An
   * ordinary sección's is its own unit's tally.
   */
  conteoEn(ee: EstadoEleccion, seccion: number, nivel: 'distrito' | 'municipio', id: number): ConteoTerritorio | null {
    const unidades = this.modelo.unidadesDeSeccion.get(seccion);
    if (unidades === undefined) return this.conteoUnidad(ee, seccion);
    const propias = unidades.filter((u) => u[nivel] === id && (u.id === seccion || ee.modelo.unidadesExtra.has(u.id)));
    return propias.length === 0 ? null : this.sumaUnidades(ee, propias);
  }

  /** The sum of some units' tallies, in a tally of its own (split secciones only: a handful). */
  private sumaUnidades(ee: EstadoEleccion, unidades: readonly Unidad[]): ConteoTerritorio {
    const t = conteoVacio();
    const d = votosDensos(ee.indice, 1);
    for (const u of unidades) {
      sumarConteo(t, ee.secciones.get(u.id)!);
      sumarVotosDensos(d, 0, ee.votos.secciones, this.posiciones.get(u.id)!.seccion, ee.indice);
    }
    return { t, d, slot: 0, ix: ee.indice };
  }

  /**
   * An expected acta into (1) or out of (−1) its sección's tally — and its parents', except in a full build,
   * which merges them once at its end.
   */
  private moverEsperada(ee: EstadoEleccion, unidad: number, entrada: EntradaConteo, signo: 1 | -1, leidos: Leidos | null): void {
    const p = this.posiciones.get(unidad)!;
    const v = ee.votos;
    // One array of destinations for every acta (this runs once per acta): filled, then used up to `n`.
    const destinos = this.destinos;
    asignar(destinos[0]!, ee.secciones.get(unidad)!, v.secciones, p.seccion);
    let n = 1;
    if (!this.masivo) {
      const s = this.modelo.unidadPorId.get(unidad)!;
      asignar(destinos[1]!, ee.distritos.get(s.distrito)!, v.distritos, p.distrito);
      asignar(destinos[2]!, ee.municipios.get(s.municipio)!, v.municipios, p.municipio);
      asignar(destinos[3]!, ee.entidad, v.entidad, 0);
      n = 4;
    }
    sumarActaDensaEn(destinos, ee.indice, entrada, signo, n, leidos);
    // Out of the tallies it still counts as esperada.
    for (let i = 0; i < n; i++) {
      if (signo === 1) restarEsperada(destinos[i]!.t);
      else sumarEsperada(destinos[i]!.t);
    }
  }

  /** A fuera de catálogo registration into (1) or out of (−1) the fc tally and, except in a full build, the entidad. */
  private moverFc(ee: EstadoEleccion, entrada: EntradaConteo, signo: 1 | -1): void {
    sumarActaDensa(ee.fc, ee.votos.fc, 0, ee.indice, entrada, signo);
    if (!this.masivo) sumarActaDensa(ee.entidad, ee.votos.entidad, 0, ee.indice, entrada, signo);
  }

  private retirar(ac: ActaEnCorte): void {
    const codigo = ac.eleccion.eleccion.codigo;
    const ee = this.elecciones.get(codigo)!;
    if (this.retenida(ac.acta.clave)?.eleccion !== codigo) assert(false, `${ac.acta.clave}: su estado anterior no es el que tiene el corte`);
    if (ac.esperada === null) {
      this.fc.delete(ac.acta.clave);
      this.moverFc(ee, ac.entrada, -1);
      ee.fueraCatalogo.delete(ac.acta.clave);
      this.territoriosSucios.add(shardIds.entidad(codigo));
      return;
    }
    ee.retenidas[ac.esperada.orden] = undefined;
    if (ee.filas !== null) ee.filasMovidas.add(ac.esperada.orden);
    this.moverEsperada(ee, ac.esperada.unidad, ac.entrada, -1, leidosDe(ac));
    this.marcarSeccion(ac.esperada.seccion.id);
    ee.cuentasBloque.delete(ac.esperada.seccion.id);
    // A full build marks every territory once, at its end.
    if (!this.masivo) this.marcarPadres(codigo, ac.esperada.seccion.id);
  }

  private agregar(ac: ActaEnCorte): void {
    const codigo = ac.eleccion.eleccion.codigo;
    const ee = this.elecciones.get(codigo)!;
    const columnas = ac.esperada ? columnasDeBoleta(ac.esperada) : ac.eleccion.columnas;
    this.fragmentosPendientes.delete(ac.acta.clave);
    this.filasPendientes.delete(ac.acta.clave);
    const retenida: ActaRetenida = {
      esperada: ac.esperada,
      eleccion: codigo,
      fragmento: ac.esperada ? actaJson(ac.esperada, ac, columnas) : JSON.stringify(actaShard(null, ac, columnas)),
      fila: filaRegistrada(this.modelo, ac),
    };
    if (ac.esperada === null) {
      this.fc.set(ac.acta.clave, retenida);
      this.moverFc(ee, ac.entrada, 1);
      ee.fueraCatalogo.add(ac.acta.clave);
      this.territoriosSucios.add(shardIds.entidad(codigo));
      return;
    }
    ee.retenidas[ac.esperada.orden] = retenida;
    if (ee.filas !== null) ee.filasMovidas.add(ac.esperada.orden);
    this.moverEsperada(ee, ac.esperada.unidad, ac.entrada, 1, leidosDe(ac));
    this.marcarSeccion(ac.esperada.seccion.id);
    ee.cuentasBloque.delete(ac.esperada.seccion.id);
    // A full build marks every territory once, at its end.
    if (!this.masivo) this.marcarPadres(codigo, ac.esperada.seccion.id);
  }
}

/**
 * False when a top-level scalar of the two log entries differs (then they are not deep-equal): a changed acta
 * nearly always has a new verification instant, so this spares walking both captures key by key.
 */
function mismosEscalares(a: ActaPublicada, b: ActaPublicada): boolean {
  return (
    a.verificacionAt === b.verificacionAt &&
    a.capturaAt === b.capturaAt &&
    a.acopioAt === b.acopioAt &&
    a.registro === b.registro &&
    a.cotejada === b.cotejada &&
    a.mecanismoTraslado === b.mecanismoTraslado &&
    a.motivoSinActa === b.motivoSinActa &&
    a.clave === b.clave
  );
}

/** The acta's fields as read in its columns' order (acta-corte.ts), when they were. */
function leidosDe(ac: ActaEnCorte): Leidos | null {
  return ac.valores === null || ac.esperada === null ? null : { columnas: ac.esperada.columnas, valores: ac.valores };
}

/** Placeholder votes of an unfilled reusable destination. */
const votosVaciosDestino: VotosDensos = { votos: new Float64Array(0), candidaturas: new Float64Array(0) };

function asignar(x: DestinoDenso, t: Conteo, d: VotosDensos, slot: number): void {
  x.t = t;
  x.d = d;
  x.slot = slot;
}

/** Per model, per election: the parents of every sección (`EstadoEleccion.padres`), built once per catalogue. */
const padresPorModelo = new WeakMap<CorteModelo, Map<string, (readonly ShardId[])[]>>();

function padresDe(modelo: CorteModelo, em: EleccionModelo): (readonly ShardId[])[] {
  let porEleccion = padresPorModelo.get(modelo);
  if (porEleccion === undefined) padresPorModelo.set(modelo, (porEleccion = new Map()));
  const eleccion = em.eleccion.codigo;
  let padres = porEleccion.get(eleccion);
  if (padres === undefined) {
    padres = Array.from({ length: (modelo.secciones.at(-1)?.id ?? 0) + 1 }, () => []);
    const entidad = shardIds.entidad(eleccion);
    for (const s of modelo.secciones) {
      const xs = [shardIds.distrito(eleccion, s.distrito), shardIds.municipio(eleccion, s.municipio), entidad];
      for (const u of modelo.unidadesDeSeccion.get(s.id) ?? []) {
        if (em.unidadesExtra.has(u.id)) xs.push(shardIds.distrito(eleccion, u.distrito), shardIds.municipio(eleccion, u.municipio));
      }
      padres[s.id] = xs;
    }
    porEleccion.set(eleccion, padres);
  }
  return padres;
}

function estadoEleccion(estado: EstadoCorte, em: EleccionModelo, masivo: boolean): EstadoEleccion {
  const modelo = estado.modelo;
  const secciones = new Map(modelo.unidades.map((u) => [u.id, conteoVacio()]));
  for (const a of em.actas) sumarEsperada(secciones.get(a.unidad)!);
  const indice = new IndiceVotos(em.columnas, em.candidaturas);
  const ee: EstadoEleccion = {
    modelo: em,
    entidad: conteoVacio(),
    distritos: new Map(),
    municipios: new Map(),
    secciones,
    fc: conteoVacio(),
    fueraCatalogo: new Set(),
    retenidas: Array.from({ length: em.actas.length }, () => undefined),
    // By sección id (at most 9999): read for every row of every parent rendered, a lookup per row.
    filasSeccion: Array.from({ length: (modelo.secciones.at(-1)?.id ?? 0) + 1 }, () => undefined),
    cuentasBloque: new Map(),
    filasTerritorio: new Map(),
    filas: null,
    filasMovidas: new Set(),
    padres: padresDe(modelo, em),
    indice,
    votos: {
      secciones: votosDensos(indice, modelo.unidades.length),
      distritos: votosDensos(indice, modelo.distritos.length),
      municipios: votosDensos(indice, modelo.municipios.length),
      entidad: votosDensos(indice),
      fc: votosDensos(indice),
    },
  };
  // A full build merges the parents once, at its end (`terminarCompleto`).
  if (!masivo) recalcularPadres(estado, ee);
  return ee;
}

/**
 * Distrito, municipio and entidad tallies (counters, and any votes outside the index) and dense votes as the
 * merge of their tally units' (plus fuera de catálogo at entidad). The entidad is merged from the distritos
 * (fewer, larger tallies) rather than from every sección.
 */
function recalcularPadres(estado: EstadoCorte, ee: EstadoEleccion): void {
  const modelo = estado.modelo;
  const ix = ee.indice;
  const v = ee.votos;
  const distritos = modelo.distritos.map(() => conteoVacio());
  const municipios = modelo.municipios.map(() => conteoVacio());
  v.distritos = votosDensos(ix, distritos.length);
  v.municipios = votosDensos(ix, municipios.length);
  v.entidad = votosDensos(ix);
  for (const u of modelo.unidades) {
    const t = ee.secciones.get(u.id)!;
    const p = estado.posiciones.get(u.id)!;
    sumarConteo(distritos[p.distrito]!, t);
    sumarConteo(municipios[p.municipio]!, t);
    sumarVotosDensos(v.distritos, p.distrito, v.secciones, p.seccion, ix);
    sumarVotosDensos(v.municipios, p.municipio, v.secciones, p.seccion, ix);
  }
  const entidad = conteoVacio();
  distritos.forEach((d, i) => {
    sumarConteo(entidad, d);
    sumarVotosDensos(v.entidad, 0, v.distritos, i, ix);
  });
  sumarConteo(entidad, ee.fc);
  sumarVotosDensos(v.entidad, 0, v.fc, 0, ix);
  ee.distritos = new Map(modelo.distritos.map((d, i) => [d.id, distritos[i]!]));
  ee.municipios = new Map(modelo.municipios.map((m, i) => [m.id, municipios[i]!]));
  ee.entidad = entidad;
}
