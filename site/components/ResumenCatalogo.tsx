/** Island: the catalogue loaded in this PREP (from /health), so a visitor sees what the system covers. */
import { useEffect, useState } from 'preact/hooks';
import type { ResumenCatalogo as Resumen, Salud } from '../../worker/domain/contrato/index.ts';

const nf = new Intl.NumberFormat('es-MX');

export default function ResumenCatalogo() {
  const [resumen, setResumen] = useState<Resumen | null>(null);
  const [error, setError] = useState(false);
  useEffect(() => {
    fetch('/health')
      .then((r) => (r.ok ? (r.json() as Promise<Salud>) : Promise.reject(new Error(String(r.status)))))
      .then((b) => setResumen(b.catalogo))
      .catch(() => setError(true));
  }, []);
  if (error) return <p>No fue posible consultar el catálogo: revisa tu conexión a internet y recarga la página.</p>;
  if (!resumen) return <p aria-busy="true">Cargando catálogo…</p>;
  if (!resumen.entidad) return <p>Aún no se ha cargado un catálogo.</p>;
  const items: [string, number][] = [
    ['Elecciones', resumen.elecciones],
    ['Distritos locales', resumen.distritos],
    ['Municipios', resumen.municipios],
    ['Secciones', resumen.secciones],
    ['Casillas', resumen.casillas],
    ['Actas esperadas', resumen.actasEsperadas],
    ['Lista nominal', resumen.listaNominal],
    ['CATD', resumen.catds],
  ];
  return (
    <section aria-labelledby="catalogo-titulo">
      <h2 id="catalogo-titulo">
        Catálogo de {resumen.entidad.nombre}
        {resumen.entidad.sintetico ? ' (datos sintéticos)' : ''}
      </h2>
      <ul class="cifras">
        {items.map(([etiqueta, valor]) => (
          <li key={etiqueta}>
            <strong>{nf.format(valor)}</strong>
            {etiqueta}
          </li>
        ))}
      </ul>
    </section>
  );
}
