/**
 * The result as of a past corte (issue 15), loaded on demand by CorteAnterior.tsx: the form that chooses a corte
 * from the historial, and the entidad, distrito, municipio, sección or acta view as of the chosen one — labelled
 * with its number and instant, with the way back to the newest corte — built from that corte's shards of the view
 * alone (a sección's reader, lib/publicacionSeccionPasada.ts, loads only when a sección is shown). The live
 * view keeps polling underneath (Eleccion.tsx), so going back shows the newest corte at once. What the view draws
 * and what it shares with the URL's reader come from its caller (`Enlaces`, `vista`): a module of the first load
 * imported here too would be split out of it into a chunk of its own, a request and bytes more on every entidad view.
 */
import type { JSX } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import type { Historial } from '../../worker/domain/contrato/index.ts';
import { etiquetaCorte } from '../lib/corte.ts';
import { elegirCorte, hrefConCorte } from '../lib/corteCambio.ts';
import type { CorteElegido } from '../lib/corteElegido.ts';
import { QUE_HACER_NO_EXISTE, queOcurrio, textoDeError } from '../lib/fallas.ts';
import { fechaHora } from '../lib/formato.ts';
import type { VistaSeccion, VistaTerritorio } from '../lib/modelo.ts';
import { historial, idCorte, type Puntero } from '../lib/publicacion.ts';
import { cargarCortePasado, cortesConsultables, esSinCorte, type SinCortePasado, type VistaConCorte } from '../lib/publicacionPasada.ts';
import { Enlace, PAGINA_ELECCION } from '../lib/ruta.ts';
import { perezoso } from './perezoso.tsx';

/** The historial is rewritten each corte: one fetch per corte serves the form and the view alike. */
let memo: { id: string; h: Promise<Historial> } | null = null;
function historialDe(p: Puntero): Promise<Historial> {
  if (memo?.id !== idCorte(p)) {
    const h = historial(p);
    memo = { id: idCorte(p), h };
    h.catch(() => {
      if (memo?.h === h) memo = null;
    });
  }
  return memo.h;
}

/** What the view shares with the first load (lib/corteElegido.ts, passed in by CorteAnterior.tsx). */
export interface Enlaces {
  /** The query parameter that names the corte. */
  parametro: string;
  /** The event that tells the page the corte changed in place. */
  evento: string;
  /** The label block's height, reserved the same while this module loads, so nothing under it moves. */
  altoEtiqueta: string;
}

/** The newest corte's view, as a real link handled in place. */
function AlReciente({ texto, enlaces }: { texto: string; enlaces: Enlaces }) {
  return (
    <a
      href={hrefConCorte(location.pathname, location.search, enlaces.parametro, null)}
      data-corte-reciente
      onClick={(ev: MouseEvent) => {
        if (ev.button !== 0 || ev.metaKey || ev.ctrlKey || ev.shiftKey || ev.altKey) return;
        ev.preventDefault();
        elegirCorte(enlaces.parametro, enlaces.evento, null);
      }}
    >
      {texto}
    </a>
  );
}

export interface PropsElegir {
  eleccion: string;
  puntero: Puntero;
  /** The corte shown, preselected. */
  numero?: number;
  enlaces: Enlaces;
}

/** A labelled select of the past cortes this election can be seen as of; it also works as a plain GET form. */
export function ElegirCorte({ eleccion, puntero, numero, enlaces }: PropsElegir) {
  const [h, setH] = useState<Historial | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let vigente = true;
    historialDe(puntero).then(
      (x) => vigente && setH(x),
      (e: unknown) => vigente && setError(textoDeError(e)),
    );
    return () => {
      vigente = false;
    };
  }, [puntero]);
  const cortes = h ? cortesConsultables(h, puntero, eleccion) : [];
  if (error || (h && cortes.length === 0)) return <p class="elegir-corte">{error ?? 'Todavía no hay cortes anteriores que consultar.'}</p>;
  const id = `elegir-corte-${eleccion}`;
  // While the historial loads, the same form, disabled: it keeps its size.
  return (
    <form
      class="elegir-corte"
      method="get"
      action={PAGINA_ELECCION}
      onSubmit={(ev) => {
        ev.preventDefault();
        elegirCorte(enlaces.parametro, enlaces.evento, Number(new FormData(ev.currentTarget).get(enlaces.parametro)));
      }}
    >
      <input type="hidden" name="e" value={eleccion} />
      <label for={id}>Corte</label>{' '}
      <select id={id} name={enlaces.parametro} value={numero !== undefined ? String(numero) : undefined} disabled={!h} style={{ maxWidth: '100%' }}>
        {h ? (
          cortes.map((c) => (
            <option key={c.numero} value={String(c.numero)}>
              {etiquetaCorte(c.numero, c.final)} · {fechaHora(c.instante, h.entidad.utcOffsetMinutes)}
            </option>
          ))
        ) : (
          <option>Cargando los cortes publicados…</option>
        )}
      </select>{' '}
      <button type="submit" disabled={!h}>
        Ver resultados
      </button>
    </form>
  );
}

const MOTIVO: Record<SinCortePasado['tipo'], (n: number, s: SinCortePasado) => string> = {
  'no-existe': (n, s) => `El corte nº ${n} no existe en esta publicación${s.tipo === 'no-existe' ? `: los cortes publicados van del nº 1 al nº ${s.ultimo}` : ''}.`,
  'sin-shard': (n) => `El corte nº ${n} no se puede consultar para esta elección: se publicó antes de que el historial registrara sus resultados.`,
  'sin-datos': (n) => `Los datos del corte nº ${n} ya no están en el servidor del PREP: este resultado no se puede mostrar a ese corte.`,
};

function SinCorte({ texto, enlaces }: { texto: string; enlaces: Enlaces }) {
  return (
    <div class="no-existe" role="alert" data-no-existe="corte">
      <p>
        <strong>{texto}</strong>
      </p>
      <p>{QUE_HACER_NO_EXISTE}</p>
      <ul>
        <li>
          <AlReciente texto="Resultados al corte más reciente" enlaces={enlaces} />
        </li>
      </ul>
    </div>
  );
}

/** A past corte's data of a view: a territory's, or a sección's (which its actas' views read too). */
type Datos = VistaTerritorio | VistaSeccion;

const Cargando = () => <p class="cargando-cuerpo">Cargando…</p>;
// A sección's and an acta's views, as the newest corte's (Eleccion.tsx): their code comes when one is shown.
const Seccion = perezoso(() => import('./VistaSeccion.tsx'), Cargando);
const Acta = perezoso(() => import('./VistaActa.tsx'), Cargando);
type RutaSeccion = Extract<VistaConCorte, { vista: 'seccion' | 'acta' }>;

/** A past corte's sección, or one of its actas as that corte's sección shard lists it (the acta view reads nothing more). */
function SeccionPasada({ ruta, d }: { ruta: RutaSeccion; d: VistaSeccion }) {
  if (ruta.vista === 'seccion') return <Seccion datos={d} corte={d.corte.numero} />;
  const acta = d.actas.find((a) => a.clave === ruta.a);
  if (acta) return <Acta acta={acta} corte={d.corte} catalogo={d.catalogo} />;
  const { a: _, ...seccion } = ruta;
  return (
    <p role="alert">
      {queOcurrio({ tipo: 'no-existe', que: 'acta', id: ruta.a })} <Enlace ruta={{ ...seccion, vista: 'seccion' }}>Actas de la sección {d.seccion}</Enlace>
    </p>
  );
}

interface Props {
  /** The view seen as of the corte: the entidad, a distrito, a municipio, a sección or one of its actas. */
  ruta: VistaConCorte;
  puntero: Puntero;
  elegido: Exclude<CorteElegido, { tipo: 'reciente' }>;
  enlaces: Enlaces;
  /** The answer and the view of a territory's data; null while it loads (the same boxes, empty). */
  vista: (d: VistaTerritorio | null) => JSX.Element;
}

type Estado = { tipo: 'cargando' } | { tipo: 'datos'; v: Datos } | { tipo: 'sin'; s: SinCortePasado } | { tipo: 'error'; texto: string };

/** The corte's data of view `ruta`: a sección's reader arrives only with a sección (or acta) view. */
function cargar(h: Historial, puntero: Puntero, ruta: VistaConCorte, numero: number): Promise<Datos | SinCortePasado> {
  if (ruta.vista === 'entidad' || ruta.vista === 'territorio') return cargarCortePasado(h, puntero, ruta, numero);
  return import('../lib/publicacionSeccionPasada.ts').then((m) => m.cargarSeccionPasada(h, puntero, ruta, numero));
}

function useCortePasado(ruta: VistaConCorte, puntero: Puntero, numero: number | null): Estado {
  const [estado, setEstado] = useState<Estado & { clave?: string }>({ tipo: 'cargando' });
  // A sección and its actas share their data (as the newest corte's views do).
  const clave = `${ruta.vista === 'seccion' || ruta.vista === 'acta' ? `${ruta.e}:${ruta.s}` : JSON.stringify(ruta)}:${numero}`;
  useEffect(() => {
    if (numero === null) return;
    let vigente = true;
    historialDe(puntero)
      .then((h) => cargar(h, puntero, ruta, numero))
      .then(
        (r) => vigente && setEstado(esSinCorte(r) ? { tipo: 'sin', s: r, clave } : { tipo: 'datos', v: r, clave }),
        (e: unknown) => vigente && setEstado({ tipo: 'error', texto: textoDeError(e), clave }),
      );
    return () => {
      vigente = false;
    };
  }, [clave, puntero]);
  // Another corte's figures are never shown under this one's label.
  return estado.clave === clave ? estado : { tipo: 'cargando' };
}

export default function CortePasado({ ruta, puntero, elegido, enlaces, vista }: Props) {
  const numero = elegido.tipo === 'numero' ? elegido.numero : null;
  const estado = useCortePasado(ruta, puntero, numero);
  if (numero === null) return <SinCorte enlaces={enlaces} texto={`«${elegido.tipo === 'invalido' ? elegido.texto : ''}» no es un número de corte.`} />;
  if (estado.tipo === 'sin') return <SinCorte enlaces={enlaces} texto={MOTIVO[estado.s.tipo](numero, estado.s)} />;
  const d = estado.tipo === 'datos' ? estado.v : null;
  return (
    <>
      <div class="corte-pasado" data-corte-pasado={numero} aria-live="polite" style={{ borderLeft: '4px solid currentColor', paddingLeft: '0.6rem', margin: '0.5rem 0', minHeight: enlaces.altoEtiqueta }}>
        <p>
          <strong data-corte-pasado-etiqueta>
            Resultados al corte nº {numero}
            {d ? `, ${fechaHora(d.corte.instante, d.corte.offsetMinutes)}` : ''}
          </strong>
          {puntero.numero > numero ? `. No son los más recientes: el corte nº ${puntero.numero} ya se publicó.` : '.'}
        </p>
        <p>
          <AlReciente texto="Ver el corte más reciente" enlaces={enlaces} />
        </p>
        <ElegirCorte eleccion={ruta.e} puntero={puntero} numero={numero} enlaces={enlaces} />
      </div>
      {estado.tipo === 'error' ? (
        <p role="alert">
          {estado.texto} <AlReciente texto="Ver el corte más reciente" enlaces={enlaces} />
        </p>
      ) : ruta.vista === 'seccion' || ruta.vista === 'acta' ? (
        d && 'actas' in d ? <SeccionPasada ruta={ruta} d={d} /> : <Cargando />
      ) : (
        vista(d && 'hijos' in d ? d : null)
      )}
    </>
  );
}
