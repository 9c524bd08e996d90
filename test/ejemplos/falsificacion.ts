/**
 * A published corte (a map of R2 keys to bytes, as publicarEnMemoria leaves it) with one shard rewritten and every
 * address and hash above it redone — the forgery a verifier must catch by the figures, not by a hash: a group's
 * address in the pointer and in every entidad shard (they name the groups), a distrito's or municipio's in its
 * entidad shard's row, a sección's in its group's row, then the manifest and the pointer. Shared by the verifier's
 * tests.
 */
import { direccionShard, grupoDeSeccion, RUTA_LATEST_RAIZ, rutaManifiesto, rutaShard } from '../../worker/domain/contrato/index.ts';
import { desdeUtf8, sha256Hex, utf8 } from '../../worker/domain/corte/bytes.ts';
import { ManifiestoSchema, PunteroSchema, type EntidadShard, type GrupoSeccionesShard, type ShardRef } from '../../worker/domain/corte/shards.ts';

type Publicado = Map<string, Uint8Array>;

export async function rehacerShard(original: Publicado, id: string, cambiar: (texto: string) => string): Promise<Publicado> {
  const o = new Map(original);
  const leer = (ruta: string) => JSON.parse(desdeUtf8(o.get(ruta)!)) as unknown;
  const p = PunteroSchema.parse(leer(RUTA_LATEST_RAIZ));
  const m = ManifiestoSchema.parse(leer(p.manifiesto.ruta));
  const refs = new Map<string, ShardRef>(m.shards.map((s) => [s.id, s]));
  const reescribir = async (sid: string, f: (texto: string) => string): Promise<string> => {
    const viejo = refs.get(sid)!;
    const bytes = utf8(f(desdeUtf8(o.get(viejo.ruta)!)));
    const sha = await sha256Hex(bytes);
    const ref = { ...viejo, ruta: rutaShard(p.entidad.id, sid, sha), sha256: sha, bytes: bytes.length };
    o.set(ref.ruta, bytes);
    refs.set(sid, ref);
    return direccionShard(sha);
  };
  const entidad = (codigo: string, f: (e: EntidadShard) => EntidadShard) => reescribir(`${codigo}/entidad`, (t) => JSON.stringify(f(JSON.parse(t) as EntidadShard)));
  const h = await reescribir(id, cambiar);
  // A sección's address is in its group's row only.
  const s = /^seccion\/(\d+)$/.exec(id);
  const grupo = s ? `secciones/${grupoDeSeccion(Number(s[1]))}` : id;
  const hGrupo = s ? await reescribir(grupo, (t) => JSON.stringify(conFila(JSON.parse(t) as GrupoSeccionesShard, Number(s[1]), h))) : h;
  const g = /^secciones\/(\d+)$/.exec(grupo);
  const grupos = p.secciones.grupos.map((x, i) => (g && i === Number(g[1]) ? hGrupo : x));
  if (g) for (const e of p.elecciones) await entidad(e.codigo, (x) => ({ ...x, secciones: { ...x.secciones, grupos } }));
  const padre = /^(\w+)\/(distrito|municipio)\/(\d+)$/.exec(id);
  if (padre) {
    const nivel = padre[2] === 'distrito' ? 'distritos' : 'municipios';
    await entidad(padre[1]!, (x) => ({ ...x, [nivel]: x[nivel].map((f) => (f.id === Number(padre[3]) ? { ...f, h } : f)) }));
  }
  const nuevo = utf8(JSON.stringify({ ...m, shards: m.shards.map((s) => refs.get(s.id)!) }));
  const shaM = await sha256Hex(nuevo);
  o.set(rutaManifiesto(p.entidad.id, shaM), nuevo);
  const elecciones = p.elecciones.map((e) => ({ ...e, ruta: refs.get(`${e.codigo}/entidad`)!.ruta }));
  o.set(RUTA_LATEST_RAIZ, utf8(JSON.stringify({ ...p, elecciones, secciones: { ...p.secciones, grupos }, manifiesto: { ruta: rutaManifiesto(p.entidad.id, shaM), sha256: shaM } })));
  return o;
}

/** A group with sección `seccion`'s row addressing `h`. */
function conFila(grupo: GrupoSeccionesShard, seccion: number, h: string): GrupoSeccionesShard {
  return { ...grupo, secciones: grupo.secciones.map((f) => (f.id === seccion ? { ...f, h } : f)) };
}

/** `rehacerShard` with the shard's JSON value changed in place by `cambiar`. */
export function rehacerValor(original: Publicado, id: string, cambiar: (valor: unknown) => void): Promise<Publicado> {
  return rehacerShard(original, id, (t) => {
    const x = JSON.parse(t) as unknown;
    cambiar(x);
    return JSON.stringify(x);
  });
}
