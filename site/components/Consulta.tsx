/**
 * Island of /consulta/: type a sección number (or pick municipio → sección) and see the actas of its casillas in
 * every election of the newest corte. The sección is kept in the query string (?s=338) so a result can be shared.
 */
import { useEffect, useState } from 'preact/hooks';
import { entero } from '../lib/formato.ts';
import type { Indice, VistaSeccion } from '../lib/modelo.ts';
import { cargarIndice, cargarSeccion, idCorte, sondeo, type Puntero } from '../lib/publicacion.ts';
import { NoExiste } from '../lib/fallas.ts';
import { Enlace, hrefDe, padreDe } from '../lib/ruta.ts';
import { casillaTexto, estatusTexto } from '../lib/textos.ts';
import { useCorte } from '../lib/useCorte.ts';
import EstadoCorte from './EstadoCorte.tsx';
import Inexistente from './Inexistente.tsx';

interface Encontrada {
  indice: Indice;
  seccion: number;
  municipio: { id: number; nombre: string } | null;
  porEleccion: readonly VistaSeccion[];
}

function seccionDeUrl(): number | null {
  if (typeof location === 'undefined') return null;
  const s = new URLSearchParams(location.search).get('s');
  return s && /^\d{1,4}$/.test(s) ? Number(s) : null;
}

async function buscar(p: Puntero, seccion: number | null): Promise<Encontrada> {
  const indice = await cargarIndice(p);
  if (seccion === null) return { indice, seccion: 0, municipio: null, porEleccion: [] };
  const municipio = indice.municipios.find((m) => m.secciones.includes(seccion)) ?? null;
  const porEleccion = municipio ? await Promise.all(indice.elecciones.map((e) => cargarSeccion(p, e.codigo, seccion))) : [];
  return { indice, seccion, municipio, porEleccion };
}

/** The actas of the sección in one election, each linking to its detail (through its distrito or municipio). */
function ActasDeEleccion({ v }: { v: VistaSeccion }) {
  const padre = padreDe(v.eleccion.territorio, v);
  return (
    <div data-eleccion={v.eleccion.codigo}>
      <h3>{v.eleccion.nombre}</h3>
      <ul>
        {v.actas.map((a) => {
          const est = estatusTexto(a.estatus);
          return (
            <li key={a.clave} data-clave={a.clave}>
              <Enlace ruta={{ vista: 'acta', e: v.eleccion.codigo, s: v.seccion, a: a.clave, padre }}>Casilla {casillaTexto(a.casilla)}</Enlace> —{' '}
              <span class={`estatus ${est.clase}`}>{est.texto}</span>
              {a.totalVotosCalculado !== null ? ` · ${entero(a.totalVotosCalculado)} votos` : ''}
            </li>
          );
        })}
      </ul>
      <p>
        <Enlace ruta={{ vista: 'seccion', e: v.eleccion.codigo, s: v.seccion, padre }}>
          Resultados de la sección {v.seccion} en {v.eleccion.nombre}
        </Enlace>
      </p>
    </div>
  );
}

function Resultado({ r }: { r: Encontrada }) {
  if (r.seccion === 0) return null;
  if (!r.municipio) {
    const alternativas = r.indice.elecciones.map((e) => ({ texto: `${e.nombre}: resultados y territorios`, href: hrefDe({ vista: 'entidad', e: e.codigo }) }));
    return <Inexistente falla={new NoExiste('seccion', r.seccion, alternativas)} />;
  }
  return (
    <section aria-labelledby="resultado-titulo" id="resultado-consulta">
      <h2 id="resultado-titulo" tabIndex={-1}>
        Sección {r.seccion} · Municipio de {r.municipio.nombre}
      </h2>
      {r.porEleccion.map((v) => (
        <ActasDeEleccion key={v.eleccion.codigo} v={v} />
      ))}
    </section>
  );
}

export default function Consulta() {
  const [seccion, setSeccion] = useState<number | null>(seccionDeUrl);
  const [texto, setTexto] = useState(seccion === null ? '' : String(seccion));
  const [municipio, setMunicipio] = useState('');
  const vista = useCorte(sondeo, `consulta-${seccion ?? ''}`, (p) => buscar(p, seccion), idCorte);
  const indice = vista.datos?.indice;
  const corte = vista.datos?.indice.corte;

  useEffect(() => {
    const volver = () => setSeccion(seccionDeUrl());
    window.addEventListener('popstate', volver);
    return () => window.removeEventListener('popstate', volver);
  }, []);

  const consultar = (s: number) => {
    history.pushState(null, '', `?s=${s}`);
    setSeccion(s);
    setTexto(String(s));
  };
  const municipioElegido = indice?.municipios.find((m) => String(m.id) === municipio);

  return (
    <>
      <form
        class="consulta"
        role="search"
        aria-label="Buscar por número de sección"
        onSubmit={(e) => {
          e.preventDefault();
          const n = Number(texto.trim());
          if (Number.isInteger(n) && n >= 1 && n <= 9999) consultar(n);
        }}
      >
        <label>
          Número de sección
          <input
            name="s"
            inputMode="numeric"
            pattern="[0-9]{1,4}"
            required
            autoComplete="off"
            value={texto}
            onInput={(e) => setTexto((e.target as HTMLInputElement).value)}
            aria-describedby="ayuda-seccion"
          />
        </label>
        <button type="submit" class="boton">
          Consultar
        </button>
        <p id="ayuda-seccion" class="sub">
          La sección aparece en tu credencial para votar (cuatro dígitos, por ejemplo 0338).
        </p>
      </form>

      {indice ? (
        <form class="consulta" aria-label="Buscar por municipio" onSubmit={(e) => e.preventDefault()}>
          <label>
            Municipio
            <select value={municipio} onChange={(e) => setMunicipio((e.target as HTMLSelectElement).value)}>
              <option value="">Elige un municipio</option>
              {indice.municipios.map((m) => (
                <option key={m.id} value={String(m.id)}>
                  {m.nombre}
                </option>
              ))}
            </select>
          </label>
          {municipioElegido ? (
            <label>
              Sección
              <select
                value={seccion !== null && municipioElegido.secciones.includes(seccion) ? String(seccion) : ''}
                onChange={(e) => {
                  const v = (e.target as HTMLSelectElement).value;
                  if (v) consultar(Number(v));
                }}
              >
                <option value="">Elige una sección</option>
                {municipioElegido.secciones.map((s) => (
                  <option key={s} value={String(s)}>
                    {s}
                  </option>
                ))}
              </select>
            </label>
          ) : null}
        </form>
      ) : null}

      <EstadoCorte
        instante={corte?.instante ?? null}
        offsetMinutes={corte?.offsetMinutes ?? null}
        numero={corte?.numero}
        final={corte?.final}
        confirmadoEn={vista.sondeo.confirmadoEn}
        error={vista.sondeo.error ?? (vista.datos ? null : vista.errorCarga)}
        actualizando={vista.actualizando}
        sinPublicacion={vista.sondeo.sinPublicacion}
      />
      {vista.datos ? (
        <Resultado r={vista.datos} />
      ) : seccion !== null && !vista.errorCarga && !vista.sondeo.error && !vista.sondeo.sinPublicacion ? (
        <p>Buscando la sección {seccion}…</p>
      ) : null}
    </>
  );
}
