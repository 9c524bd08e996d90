/**
 * Reading published shards without zod (the portal ships these to browsers; zod would add ~25 KB to every
 * view): compact rows expanded into the 13 figures, and an acta's aligned arrays into records with the URL
 * of its image. The arithmetic is the corte's own (`figurasDeConteo`); `lectura.test.ts` checks it against the
 * figures the corte publishes.
 */
import { TOTALES, type ImagenActa, type Total, type Valor } from './acta.ts';
import { CONTEO, figurasDeConteo, type Contador } from './figuras.ts';
import { rutaImagen } from './rutas.ts';
import type { ActaFila, ActaShard, FilaSeccionPadre, Resultados, SeccionShard } from './shards.ts';

/** Compact counters: `t` (CONTEO order), `c` per candidatura, and `v` per column where the shard has them. */
export interface FilaCompacta {
  t: readonly number[];
  v?: readonly number[];
  c: readonly number[];
}

export interface Tabla {
  columnas: readonly string[];
  candidaturas: readonly string[];
  final: boolean;
}

/**
 * How to read an election's block of a sección shard: its ballot's columns (`boletas[boleta]`, the order of its
 * `v` and of its actas' `votos`), its candidaturas and the shard's final flag.
 */
export function tablaDeBloque(shard: Pick<SeccionShard, 'boletas' | 'final'>, bloque: SeccionShard['elecciones'][number]): Tabla {
  return { columnas: shard.boletas[bloque.boleta] ?? [], candidaturas: bloque.candidaturas, final: shard.final };
}

/** An acta of a sección shard (`seccion`: the shard's) as the `ActaShard` it encodes. */
export function actaDeFila(fila: ActaFila, seccion: number): ActaShard {
  const [clave, c, estatus, contabilizada, observaciones, votos, totales, totalVotosCalculado, mecanismoTraslado, i, acopioAt, capturaAt, verificacionAt, cotejada] = fila;
  return {
    clave,
    casilla: { clave: c[0], seccion, tipo: c[1], id: c[2], extContigua: c[3], ubicacion: c[4], listaNominal: c[5], representantes: c[6] },
    registrada: estatus !== null,
    estatus,
    contabilizada,
    observaciones,
    votos,
    totales,
    totalVotosCalculado,
    mecanismoTraslado,
    imagen: i === null ? null : { sha256: i[0], mime: i[1], origen: i[2], digitalizacion: i[3], tipoDocumento: i[4] },
    acopioAt,
    capturaAt,
    verificacionAt,
    cotejada,
  };
}

/** Non-zero entries of an aligned array as a record, in the array's order. */
function registro(claves: readonly string[], valores: readonly number[] | undefined): Record<string, number> {
  const out: Record<string, number> = {};
  claves.forEach((k, i) => {
    const n = valores?.[i];
    if (n) out[k] = n;
  });
  return out;
}

/** A sección's row of a distrito or municipio shard (`[id, t, c]`). */
export interface FilaSeccionLeida {
  id: number;
  t: readonly number[];
  c: readonly number[];
}

/** A distrito's or municipio's sección rows (`secciones`: `[id, t, c]` arrays) as objects `resultadosDeFila` reads. */
export function filasDeSecciones(shard: { secciones: readonly FilaSeccionPadre[] }): FilaSeccionLeida[] {
  return shard.secciones.map(([id, t, c]) => ({ id, t, c }));
}

/** A compact row (or a sección's block) as full results: 13 figures, votes per column (if any) and per candidatura. */
export function resultadosDeFila(fila: FilaCompacta, tabla: Tabla): Resultados {
  const t = Object.fromEntries(CONTEO.map((k, i) => [k, fila.t[i] ?? 0])) as Record<Contador, number>;
  return { figuras: figurasDeConteo(t, tabla.final), votos: registro(tabla.columnas, fila.v), candidaturas: registro(tabla.candidaturas, fila.c) };
}

/** An acta as views read it: captured fields by column, totals by name, and where its image is served. */
export type ActaLeida = Omit<ActaShard, 'votos' | 'totales' | 'imagen'> & {
  votos: Record<string, Valor> | null;
  totales: Partial<Record<Total, Valor>> | null;
  imagen: (ImagenActa & { url: string }) | null;
};

/** Expands an acta of a shard; `columnas`: its ballot's (`tablaDeBloque`; the entidad's for fuera de catálogo). */
export function leerActa(acta: ActaShard, columnas: readonly string[], entidad: number): ActaLeida {
  const votos: Record<string, Valor> = {};
  acta.votos?.forEach((v, i) => {
    if (v !== null && columnas[i] !== undefined) votos[columnas[i]] = v;
  });
  const totales: Partial<Record<Total, Valor>> = {};
  acta.totales?.forEach((v, i) => {
    if (v !== null && TOTALES[i] !== undefined) totales[TOTALES[i]] = v;
  });
  return {
    ...acta,
    votos: acta.votos ? votos : null,
    totales: acta.totales ? totales : null,
    imagen: acta.imagen ? { ...acta.imagen, url: `/${rutaImagen(entidad, acta.imagen)}` } : null,
  };
}
