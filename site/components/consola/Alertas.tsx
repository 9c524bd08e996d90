/** The alerts, at the top: the most serious and oldest first, with how long each has held. */
import { duracion } from '../../lib/consola/formato.ts';
import type { Alerta } from '../../lib/consola/tipos.ts';

const NOMBRE: Readonly<Record<string, string>> = {
  CATD_SILENCIOSO: 'CATD sin actividad',
  ACTA_DETENIDA: 'Acta detenida',
  TASA_DISCREPANCIA: 'Discrepancias de captura',
  TASA_DEVOLUCION: 'Devoluciones',
  CORTE_RETRASADO: 'Corte retrasado',
  CORTE_FALLIDO: 'Corte fallido',
  BITACORA_ROTA: 'Bitácora rota',
  BITACORA_SIN_VERIFICAR: 'Bitácora sin verificar',
};

export default function Alertas({ alertas, ahora }: { alertas: Alerta[]; ahora: number }) {
  const criticas = alertas.filter((a) => a.gravedad === 'critica').length;
  return (
    <section class="alertas" aria-labelledby="alertas-titulo">
      <h2 id="alertas-titulo">
        Alertas <span class="cuenta">({alertas.length === 0 ? 'ninguna' : `${alertas.length}${criticas > 0 ? `, ${criticas} críticas` : ''}`})</span>
      </h2>
      {alertas.length === 0 ? (
        <p class="sin-alertas">Sin alertas con los umbrales vigentes.</p>
      ) : (
        <ul>
          {alertas.map((a) => (
            <li key={`${a.tipo}|${a.catd ?? ''}|${a.mensaje.split(':')[0]}|${a.desde ?? ''}`} class={`alerta ${a.gravedad}`} data-tipo={a.tipo} data-catd={a.catd ?? ''}>
              <strong>
                {a.gravedad === 'critica' ? 'Crítica' : 'Aviso'} · {NOMBRE[a.tipo] ?? a.tipo}
              </strong>{' '}
              {a.mensaje}
              {a.desde !== null ? <span class="desde"> (desde hace {duracion(ahora - a.desde)})</span> : null}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
