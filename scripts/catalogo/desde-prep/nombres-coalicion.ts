/**
 * The ids of the derived coalitions. from-prep makes one coalition per party set (the parties its combination
 * columns join on a ballot); a coalition the candidaturas always call by one name (a valid id, no party's) takes
 * that name. Our own database names a coalition that joins other parties on another ballot (FYC: PAN+PRI for
 * diputaciones, PAN+PRD for munícipes) by one id on both, so two party sets can get one name: if they share a
 * party they are one coalition with all their parties (partial on each ballot, as the catalogue allows); if
 * they share none they are two coalitions, the later ones with a numbered id. Either is said at the
 * candidaturas row that named the later set.
 */
import type { Boleta, Candidatura, Coalicion } from '../../../worker/domain/catalogo/esquema.ts';
import type { ProblemaArchivo } from '../../../worker/domain/catalogo/archivos/problemas.ts';
import type { Lugar } from './lugares.ts';

/** Coalition id → each name the candidaturas gave it, with the first row that did. */
export type NombresCoalicion = Map<string, Map<string, Lugar>>;

export interface CoalicionesANombrar {
  /** Party set key → coalition, as derived (ids `C_<parties>`). */
  coaliciones: Map<string, Coalicion>;
  boletas: Boleta[];
  candidaturas: Candidatura[];
  nombres: NombresCoalicion;
  esPartido: ReadonlySet<string>;
  ordenPartido: ReadonlyMap<string, number>;
  avisos: ProblemaArchivo[];
}

const ID_VALIDO = /^[A-Z][A-Z0-9]*(_[A-Z0-9]+)*$/;

/** Renames (and merges) the coalitions in place, and every ballot and candidatura that names them. */
export function nombrarCoaliciones(x: CoalicionesANombrar): void {
  const porNombre = coalicionesPorNombre(x);
  const renombre = new Map<string, string>();
  const tomados = new Set([...x.coaliciones.values()].map((c) => c.id));
  for (const [nombre, ids] of porNombre) {
    grupos(ids, x).forEach((grupo, i) => {
      let id = nombre;
      for (let n = 2; i > 0 && (tomados.has(id) || x.esPartido.has(id)); n++) id = `${nombre}_${n}`;
      tomados.add(id);
      unir(grupo, id, nombre, i > 0, x);
      for (const c of grupo) renombre.set(c, id);
    });
  }
  const idCoal = (id: string) => renombre.get(id) ?? id;
  for (const b of x.boletas) for (const c of b.coaliciones) c.coalicion = idCoal(c.coalicion);
  for (const c of x.candidaturas) c.partidoCi = idCoal(c.partidoCi);
}

/** Name → the coalitions (ids, in derivation order) the candidaturas call by it and by nothing else. */
function coalicionesPorNombre(x: CoalicionesANombrar): Map<string, string[]> {
  const ids = new Set([...x.coaliciones.values()].map((c) => c.id));
  const porNombre = new Map<string, string[]>();
  for (const [id, nombres] of x.nombres) {
    const [nombre] = [...nombres.keys()];
    if (nombres.size !== 1 || !nombre || !ID_VALIDO.test(nombre) || x.esPartido.has(nombre) || ids.has(nombre)) continue;
    porNombre.set(nombre, [...(porNombre.get(nombre) ?? []), id]);
  }
  return porNombre;
}

/** The coalitions of one name in groups that share parties (transitively), in order of their first member. */
function grupos(ids: readonly string[], x: CoalicionesANombrar): string[][] {
  const partidos = (id: string) => coalicionPorId(id, x)!.partidos;
  const out: string[][] = [];
  for (const id of ids) {
    const unidos = out.filter((g) => g.some((o) => partidos(o).some((p) => partidos(id).includes(p))));
    const nuevo = [...unidos.flat(), id];
    const resto = out.filter((g) => !unidos.includes(g));
    out.splice(0, out.length, ...resto, nuevo);
    out.sort((a, b) => ids.indexOf(a[0]!) - ids.indexOf(b[0]!));
    for (const g of out) g.sort((a, b) => ids.indexOf(a) - ids.indexOf(b));
  }
  return out;
}

function coalicionPorId(id: string, x: CoalicionesANombrar): Coalicion | undefined {
  return [...x.coaliciones.values()].find((c) => c.id === id);
}

/** One coalition `id` for the group: the first keeps its entry with every party of the group; the others go. */
function unir(grupo: readonly string[], id: string, nombre: string, numerada: boolean, x: CoalicionesANombrar): void {
  const miembros = grupo.map((g) => coalicionPorId(g, x)!);
  const primera = miembros[0]!;
  const partidos = [...new Set(miembros.flatMap((c) => c.partidos))].sort((a, b) => (x.ordenPartido.get(a) ?? 0) - (x.ordenPartido.get(b) ?? 0));
  for (const c of miembros.slice(1)) {
    const lugar = x.nombres.get(c.id)!.get(nombre)!;
    const mensaje = `las candidaturas llaman ${nombre} a los partidos ${c.partidos.join(', ')} y a ${miembros[0]!.partidos.join(', ')}, que comparten partidos: son una coalición ${id} de ${partidos.join(', ')}, parcial en cada boleta`;
    x.avisos.push({ ...lugar, codigo: 'COALICION_UNIDA', mensaje });
    for (const [k, v] of x.coaliciones) if (v === c) x.coaliciones.delete(k);
  }
  if (numerada) {
    const lugar = x.nombres.get(primera.id)!.get(nombre)!;
    const mensaje = `las candidaturas llaman ${nombre} también a los partidos ${partidos.join(', ')}, que no comparten partido con la coalición ${nombre}: son otra coalición, ${id}`;
    x.avisos.push({ ...lugar, codigo: 'COALICION_HOMONIMA', mensaje });
  }
  primera.partidos = partidos;
  primera.id = id;
  primera.nombre = id.replace(/_/g, ' ');
}
