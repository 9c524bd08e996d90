/**
 * Island of /consulta/: type a sección number (or pick municipio → sección) and see the actas of its casillas in
 * every election of the newest corte. The sección is kept in the query string (?s=338) so a result can be shared.
 */
import { useEffect, useState } from 'preact/hooks';
import { entero } from '../lib/formato.ts';
import type { ConsultaSeccion, CorteInfo, VistaSeccion } from '../lib/modelo.ts';
import { corteInfo, idCorte, sondeo, type Puntero } from '../lib/publicacion.ts';
import { cargarIndice } from '../lib/publicacionIndice.ts';
import { cargarConsulta } from '../lib/publicacionSeccion.ts';
import { NoExiste } from '../lib/fallas.ts';
import { Enlace, hrefDe, padreDe } from '../lib/ruta.ts';
import { casillaTexto, estatusTexto } from '../lib/textos.ts';
import { useCorte } from '../lib/useCorte.ts';
import EstadoCorte from './EstadoCorte.tsx';
import Inexistente from './Inexistente.tsx';

interface Encontrada {
  corte: CorteInfo;
  /** The corte's elections: what a missing sección offers instead. */
  elecciones: readonly { codigo: string; nombre: string }[];
  /** 0 when none was asked for. */
  seccion: number;
  /** Null when the catalogue has no such sección. */
  consulta: ConsultaSeccion | null;
}

function seccionDeUrl(): number | null {
  if (typeof location === 'undefined') return null;
  const s = new URLSearchParams(location.search).get('s');
  return s && /^\d{1,4}$/.test(s) ? Number(s) : null;
}

/** The sección through its group's shard: never the index of every sección (only the municipio picker needs it). */
async function buscar(p: Puntero, seccion: number | null): Promise<Encontrada> {
  const base = { corte: corteInfo(p), elecciones: p.elecciones };
  if (seccion === null) return { ...base, seccion: 0, consulta: null };
  return { ...base, seccion, consulta: await cargarConsulta(p, seccion) };
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
  if (!r.consulta) {
    const alternativas = r.elecciones.map((e) => ({ texto: `${e.nombre}: resultados y territorios`, href: hrefDe({ vista: 'entidad', e: e.codigo }) }));
    return <Inexistente falla={new NoExiste('seccion', r.seccion, alternativas)} />;
  }
  return (
    <section aria-labelledby="resultado-titulo" id="resultado-consulta">
      <h2 id="resultado-titulo" tabIndex={-1}>
        Sección {r.seccion} · Municipio de {r.consulta.municipio.nombre}
      </h2>
      {r.consulta.porEleccion.map((v) => (
        <ActasDeEleccion key={v.eleccion.codigo} v={v} />
      ))}
    </section>
  );
}

/**
 * Municipio → sección: mounted when its disclosure is opened, so the index of every sección (the largest object
 * of the page) is downloaded only by who uses it, never for a sección in the URL.
 */
function PorMunicipio({ seccion, consultar }: { seccion: number | null; consultar: (s: number) => void }) {
  const [municipio, setMunicipio] = useState('');
  const indice = useCorte(sondeo, 'indice', cargarIndice, idCorte).datos;
  if (!indice) return <p>Cargando los municipios…</p>;
  const elegido = indice.municipios.find((m) => String(m.id) === municipio);
  return (
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
      {elegido ? (
        <label>
          Sección
          <select
            value={seccion !== null && elegido.secciones.includes(seccion) ? String(seccion) : ''}
            onChange={(e) => {
              const v = (e.target as HTMLSelectElement).value;
              if (v) consultar(Number(v));
            }}
          >
            <option value="">Elige una sección</option>
            {elegido.secciones.map((s) => (
              <option key={s} value={String(s)}>
                {s}
              </option>
            ))}
          </select>
        </label>
      ) : null}
    </form>
  );
}

export default function Consulta() {
  const [seccion, setSeccion] = useState<number | null>(seccionDeUrl);
  const [texto, setTexto] = useState(seccion === null ? '' : String(seccion));
  const [porMunicipio, setPorMunicipio] = useState(false);
  const vista = useCorte(sondeo, `consulta-${seccion ?? ''}`, (p) => buscar(p, seccion), idCorte);
  const corte = vista.datos?.corte;

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

      <details onToggle={(e) => setPorMunicipio((e.currentTarget as HTMLDetailsElement).open)}>
        <summary>Buscar por municipio</summary>
        {porMunicipio ? <PorMunicipio seccion={seccion} consultar={consultar} /> : null}
      </details>

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
