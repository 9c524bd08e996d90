/**
 * The answer first (issue 15): who leads an election in a territory, by how many votes and percentage points over
 * the second, with what share of the actas counted, as of which corte. It sits at the top of inicio and of each
 * territory's view, so a citizen on a phone reads it on the first screen. Before the data arrives it keeps the
 * same size (a skeleton), so nothing under it moves when the figures come in.
 */
import type { CorteInfo, EleccionInfo, Resultados } from '../lib/modelo.ts';
import { entero, fechaHora, porcentaje, puntos } from '../lib/formato.ts';
import { type Catalogo, nombreCandidatura } from '../lib/opciones.ts';
import { nombreCorte } from '../lib/corte.ts';
import { respuestaDe, type Respuesta as DatosRespuesta } from '../lib/respuesta.ts';

interface Props {
  eleccion: EleccionInfo;
  /** "Jalisco", "Distrito 3 (Zapopan)". */
  donde: string;
  resultados: Resultados;
  catalogo: Catalogo;
  corte: CorteInfo;
}

function Lider({ r, catalogo }: { r: DatosRespuesta; catalogo: Catalogo }) {
  const nombre = (id: string) => nombreCandidatura(id, catalogo);
  if (r.tipo === 'sin-votos') return <p class="respuesta-lider">Aún no hay actas contabilizadas con votos.</p>;
  if (r.tipo === 'empate') {
    return (
      <p class="respuesta-lider" data-respuesta="empate">
        Empate en el primer lugar: {r.empatados.map((p) => nombre(p.id)).join(' y ')}, con {entero(r.empatados[0]!.votos)} votos cada una.
      </p>
    );
  }
  const candidata = catalogo.candidatos?.find((c) => c.partidoCi === r.primero.id)?.propietaria;
  return (
    <>
      <p class="respuesta-lider">
        <strong data-respuesta="lider">{nombre(r.primero.id)}</strong>
        <span class="respuesta-votos">
          {candidata ? `${candidata} · ` : ''}
          {entero(r.primero.votos)} votos ({porcentaje(r.primero.porcentaje)})
        </span>
      </p>
      {r.segundo ? (
        <p class="respuesta-ventaja">
          Ventaja sobre <span data-respuesta="segundo">{nombre(r.segundo.id)}</span>:{' '}
          <strong data-respuesta="ventaja-votos">{entero(r.ventajaVotos)} votos</strong> y{' '}
          <strong data-respuesta="ventaja-puntos">{puntos(r.ventajaPuntos)} puntos porcentuales</strong>
        </p>
      ) : (
        <p class="respuesta-ventaja">Es la única candidatura con votos contabilizados.</p>
      )}
    </>
  );
}

export default function Respuesta({ eleccion, donde, resultados, catalogo, corte }: Props) {
  const f = resultados.figuras;
  const r = respuestaDe(resultados.candidaturas, f.TOTAL_VOTOS_C_CS);
  const id = `respuesta-${eleccion.codigo}`;
  return (
    <section class="respuesta" data-eleccion={eleccion.codigo} aria-labelledby={id}>
      <h2 id={id} class="respuesta-titulo">
        {eleccion.nombre} en {donde}
        {r.tipo === 'lider' ? ': va adelante' : ''}
      </h2>
      <Lider r={r} catalogo={catalogo} />
      <p class="respuesta-avance">
        <strong data-respuesta="contabilizadas">{porcentaje(f.PORCENTAJE_ACTAS_CONTABILIZADAS)}</strong> de las actas contabilizadas (
        {entero(f.ACTAS_CONTABILIZADAS)} de {entero(f.ACTAS_ESPERADAS)})
      </p>
      <p class="respuesta-corte" data-respuesta="corte" data-final={corte.final}>
        {nombreCorte(corte.numero, corte.final)}: <span class="fecha">{fechaHora(corte.instante, corte.offsetMinutes)}</span>
      </p>
    </section>
  );
}

/** The block's place while the data loads: the same boxes, empty, so the page does not shift when it arrives. */
export function RespuestaCargando() {
  return (
    <section class="respuesta cargando" aria-hidden="true">
      <p class="respuesta-titulo">&nbsp;</p>
      <p class="respuesta-lider">
        <strong>&nbsp;</strong>
        <span class="respuesta-votos">&nbsp;</span>
      </p>
      <p class="respuesta-ventaja">&nbsp;</p>
      <p class="respuesta-avance">&nbsp;</p>
      <p class="respuesta-corte">&nbsp;</p>
    </section>
  );
}
