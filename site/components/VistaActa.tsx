/**
 * One acta: its status and observations, then its image (a preview that opens full size) with its
 * CODIGO_INTEGRIDAD (and how to check it), the captured figures (combinations without votes behind a toggle), and
 * its acopio / captura / verificación times in the entidad's time.
 */
import { useState } from 'preact/hooks';
import type { Valor } from '../../worker/domain/contrato/index.ts';
import { filasActa } from '../lib/acta.ts';
import { entero, fechaHora } from '../lib/formato.ts';
import type { ActaVista, CorteInfo } from '../lib/modelo.ts';
import { nombreColumna } from '../lib/columnas.ts';
import type { Catalogo } from '../lib/opciones.ts';
import {
  casillaTexto,
  cotejadaTexto,
  digitalizacionTexto,
  estatusTexto,
  observacionTexto,
  origenTexto,
  tipoDocumentoTexto,
  valorTexto,
} from '../lib/textos.ts';
import Ayuda from './Ayuda.tsx';
import Desplazable from './Desplazable.tsx';
import Huella from './Huella.tsx';
import VisorImagen from './VisorImagen.tsx';
import '../styles/tablas.css';

const TOTALES_TEXTO = {
  TOTAL_BOLETAS_SOBRANTES: 'Boletas sobrantes',
  TOTAL_PERSONAS_VOTARON: 'Personas que votaron',
  TOTAL_REP_PARTIDO_CI_VOTARON: 'Representantes que votaron',
  TOTAL_VOTOS_SACADOS: 'Votos sacados de las urnas',
  TOTAL_VOTOS_ASENTADO: 'Total de votos asentado en el acta',
} as const;

interface Props {
  acta: ActaVista;
  corte: CorteInfo;
  catalogo: Catalogo;
}

function Imagen({ acta }: { acta: ActaVista }) {
  const img = acta.imagen;
  if (!img) return <p>Aún no hay imagen de esta acta.</p>;
  return (
    <>
      {img.mime !== 'application/pdf' ? <VisorImagen src={img.url} alt={`Imagen del acta de la casilla ${casillaTexto(acta.casilla)}`} /> : null}
      <p>
        <a href={img.url} download data-imagen-acta>
          Descargar la imagen del acta
        </a>
      </p>
      {/* Stacked, not in the two-column ficha: the code gets the full width, so it takes two lines on a phone. */}
      <dl class="integridad">
        <dt>Código de integridad (SHA-256)</dt>
        <dd>
          <Huella codigo={img.sha256} datos={{ 'data-codigo-integridad': true }} copiable etiqueta="el código de integridad" />
        </dd>
      </dl>
      <dl class="ficha">
        <dt>Origen</dt>
        <dd>{origenTexto(img.origen)}</dd>
        <dt>Digitalización</dt>
        <dd>{digitalizacionTexto(img.digitalizacion)}</dd>
        <dt>Documento</dt>
        <dd>{tipoDocumentoTexto(img.tipoDocumento)}</dd>
      </dl>
      <details class="como-verificar">
        <summary>Cómo comprobar que la imagen no fue alterada</summary>
        <p>
          Descarga la imagen y calcula su huella SHA-256; debe ser idéntica al código de integridad publicado. En Linux:{' '}
          <code>sha256sum archivo</code>; en macOS: <code>shasum -a 256 archivo</code>; en Windows:{' '}
          <code>certutil -hashfile archivo SHA256</code>. Si un solo bit de la imagen cambia, la huella es completamente
          distinta.
        </p>
      </details>
    </>
  );
}

function Votos({ acta, catalogo }: { acta: ActaVista; catalogo: Catalogo }) {
  const [conCeros, setConCeros] = useState(false);
  if (!acta.votos) return null;
  const { visibles, ocultables } = filasActa(acta.votos, catalogo);
  const fila = ([c, valor]: [string, Valor], oculta: boolean) => (
    <tr key={c} data-columna={c} hidden={oculta && !conCeros}>
      <th scope="row">{nombreColumna(c, catalogo)}</th>
      <td class="num">{valorTexto(valor, entero)}</td>
    </tr>
  );
  return (
    <>
      <h3>Cifras capturadas</h3>
      <Desplazable etiqueta="Votos del acta" id="votos-acta">
        <table id="tabla-votos-acta" class="votos-acta">
          <caption>Votos asentados en el acta (un campo ilegible o sin dato cuenta como cero)</caption>
          <thead>
            <tr>
              <th scope="col">Partido, combinación o campo</th>
              <th scope="col" class="num">
                Votos
              </th>
            </tr>
          </thead>
          <tbody>
            {visibles.map((f) => fila(f, false))}
            {ocultables.map((f) => fila(f, true))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">Total de votos calculado</th>
              <td class="num" data-total-calculado>
                {acta.totalVotosCalculado === null ? '-' : entero(acta.totalVotosCalculado)}
              </td>
            </tr>
          </tfoot>
        </table>
      </Desplazable>
      {ocultables.length > 0 ? (
        <p class="mostrar-ceros">
          <button type="button" class="enlace" aria-expanded={conCeros} aria-controls="tabla-votos-acta" onClick={() => setConCeros(!conCeros)} data-mostrar-ceros>
            {conCeros ? 'Ocultar combinaciones sin votos' : `Mostrar combinaciones sin votos (${entero(ocultables.length)})`}
          </button>
        </p>
      ) : null}
      {acta.totales ? (
        <table id="tabla-totales-acta" class="votos-acta">
          <caption>Otros totales asentados en el acta</caption>
          <thead>
            <tr>
              <th scope="col">Campo</th>
              <th scope="col" class="num">
                Cantidad
              </th>
            </tr>
          </thead>
          <tbody>
            {(Object.keys(TOTALES_TEXTO) as (keyof typeof TOTALES_TEXTO)[]).map((k) => (
              <tr key={k} data-total={k}>
                <th scope="row">{TOTALES_TEXTO[k]}</th>
                <td class="num">{valorTexto(acta.totales?.[k], entero)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </>
  );
}

export default function VistaActa({ acta, corte, catalogo }: Props) {
  const est = estatusTexto(acta.estatus);
  const columna = (c: string) => nombreColumna(c, catalogo);
  const hora = (ms: number | null) => (ms === null ? 'Sin registro' : fechaHora(ms, corte.offsetMinutes, true));
  return (
    <article aria-labelledby="acta-titulo" class="acta" data-clave={acta.clave}>
      <h2 id="acta-titulo">Acta de la casilla {casillaTexto(acta.casilla)}</h2>
      <dl class="ficha">
        <dt>Clave del acta</dt>
        <dd>
          <code>{acta.clave}</code>
        </dd>
        <dt>
          Estado
          <Ayuda termino="acta-contabilizada" />
        </dt>
        <dd>
          <span class={`estatus ${est.clase}`} data-estatus={acta.estatus ?? 'PENDIENTE'}>
            {est.texto}
          </span>
        </dd>
        <dt>
          Lista nominal
          <Ayuda termino="lista-nominal" />
        </dt>
        <dd>{acta.casilla.listaNominal === null ? '-' : entero(acta.casilla.listaNominal)}</dd>
        <dt>Observaciones</dt>
        <dd>
          {acta.observaciones.length === 0 ? (
            'Ninguna'
          ) : (
            <ul class="observaciones">
              {acta.observaciones.map((o, i) => (
                <li key={i}>{observacionTexto(o, columna)}</li>
              ))}
            </ul>
          )}
        </dd>
      </dl>

      <h3>Imagen del acta</h3>
      <Imagen acta={acta} />

      <Votos acta={acta} catalogo={catalogo} />

      <h3>Tiempos</h3>
      <dl class="ficha">
        <dt>Acopio</dt>
        <dd data-tiempo="acopio">{hora(acta.acopioAt)}</dd>
        <dt>Captura</dt>
        <dd data-tiempo="captura">{hora(acta.capturaAt)}</dd>
        <dt>Verificación</dt>
        <dd data-tiempo="verificacion">{hora(acta.verificacionAt)}</dd>
        {acta.cotejada !== null ? (
          <>
            <dt>Cotejo</dt>
            <dd>{cotejadaTexto(acta.cotejada)}</dd>
          </>
        ) : null}
      </dl>
    </article>
  );
}
