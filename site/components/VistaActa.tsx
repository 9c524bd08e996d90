/**
 * One acta: its status and observations, the captured figures, the image with its CODIGO_INTEGRIDAD (and how
 * to check it), and its acopio / captura / verificación times in the entidad's time.
 */
import { Fragment } from 'preact';
import { entero, fechaHora } from '../lib/formato.ts';
import type { ActaVista, CorteInfo } from '../lib/modelo.ts';
import { nombreColumna, type Catalogo } from '../lib/opciones.ts';
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
        <dt>Estado</dt>
        <dd>
          <span class={`estatus ${est.clase}`} data-estatus={acta.estatus ?? 'PENDIENTE'}>
            {est.texto}
          </span>
        </dd>
        <dt>Lista nominal</dt>
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

      {acta.votos ? (
        <>
          <h3>Cifras capturadas</h3>
          <div class="tabla-desplazable" tabIndex={0} role="region" aria-label="Votos del acta">
            <table id="tabla-votos-acta">
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
                {Object.entries(acta.votos).map(([c, valor]) => (
                  <tr key={c} data-columna={c}>
                    <th scope="row">{columna(c)}</th>
                    <td class="num">{valorTexto(valor, entero)}</td>
                  </tr>
                ))}
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
          </div>
          {acta.totales ? (
            <dl class="ficha">
              {(Object.keys(TOTALES_TEXTO) as (keyof typeof TOTALES_TEXTO)[]).map((k) => (
                <Fragment key={k}>
                  <dt>{TOTALES_TEXTO[k]}</dt>
                  <dd>{valorTexto(acta.totales?.[k], entero)}</dd>
                </Fragment>
              ))}
            </dl>
          ) : null}
        </>
      ) : null}

      <h3>Imagen del acta</h3>
      {acta.imagen ? (
        <>
          <dl class="ficha">
            <dt>Código de integridad (SHA-256)</dt>
            <dd>
              <code class="hash" data-codigo-integridad>
                {acta.imagen.sha256}
              </code>
            </dd>
            <dt>Origen</dt>
            <dd>{origenTexto(acta.imagen.origen)}</dd>
            <dt>Digitalización</dt>
            <dd>{digitalizacionTexto(acta.imagen.digitalizacion)}</dd>
            <dt>Documento</dt>
            <dd>{tipoDocumentoTexto(acta.imagen.tipoDocumento)}</dd>
          </dl>
          <p>
            <a href={acta.imagen.url} download data-imagen-acta>
              Descargar la imagen del acta
            </a>
          </p>
          {acta.imagen.mime !== 'application/pdf' ? (
            <figure class="imagen-acta">
              <img src={acta.imagen.url} alt={`Imagen del acta de la casilla ${casillaTexto(acta.casilla)}`} loading="lazy" />
            </figure>
          ) : null}
          <details class="como-verificar">
            <summary>Cómo comprobar que la imagen no fue alterada</summary>
            <p>
              Descarga la imagen y calcula su huella SHA-256; debe ser idéntica al código de integridad publicado. En
              Linux: <code>sha256sum archivo</code>; en macOS: <code>shasum -a 256 archivo</code>; en Windows:{' '}
              <code>certutil -hashfile archivo SHA256</code>. Si un solo bit de la imagen cambia, la huella es
              completamente distinta.
            </p>
          </details>
        </>
      ) : (
        <p>Aún no hay imagen de esta acta.</p>
      )}
    </article>
  );
}
