/**
 * Entidad, distrito or municipio of one election: figures, votes, and the sortable table of the territories one
 * level down (distritos or municipios at entidad level, secciones below) with their leader and progress.
 * As of a past corte (`corte`), a link to a distrito, municipio or sección keeps it.
 */
import { entero, porcentaje } from '../lib/formato.ts';
import type { FilaTerritorio, VistaTerritorio as Datos } from '../lib/modelo.ts';
import { lider, nombreCandidatura } from '../lib/opciones.ts';
import { Enlace, type Ruta } from '../lib/ruta.ts';
import { nombreTerritorio } from '../lib/territorio.ts';
import Mapa from './Mapa.tsx';
import MapaSecciones from './MapaSecciones.tsx';
import Resultados from './Resultados.tsx';
import TablaOrdenable, { type Columna } from './TablaOrdenable.tsx';
import TerritoriosGanados from './TerritoriosGanados.tsx';

const NIVEL_PLURAL = { distrito: 'distritos', municipio: 'municipios', seccion: 'secciones' } as const;
const NIVEL_TITULO = { distrito: 'Distrito', municipio: 'Municipio', seccion: 'Sección' } as const;

function rutaHijo(d: Datos, f: FilaTerritorio, corte: number | undefined): Ruta {
  const e = d.eleccion.codigo;
  if (f.nivel === 'seccion') return d.nivel === 'entidad' ? { vista: 'seccion', e, s: f.id, corte } : { vista: 'seccion', e, s: f.id, padre: { nivel: d.nivel, id: d.id }, corte };
  return f.nivel === 'distrito' ? { vista: 'territorio', e, d: f.id, corte } : { vista: 'territorio', e, m: f.id, corte };
}

/** `corte`: the past corte the figures are of (none: the newest). */
export default function VistaTerritorio({ datos, corte }: { datos: Datos; corte?: number }) {
  const donde = nombreTerritorio(datos);
  const nivelHijos = datos.hijos[0]?.nivel;
  const columnas: Columna<FilaTerritorio>[] = [
    {
      clave: 'nombre',
      titulo: nivelHijos ? NIVEL_TITULO[nivelHijos] : 'Territorio',
      valor: (f) => (f.nivel === 'seccion' ? f.id : `${String(f.id).padStart(4, '0')} ${f.nombre}`),
      celda: (f) => {
        const texto = f.nivel === 'seccion' ? `Sección ${f.id}` : f.nivel === 'distrito' ? `${f.id}. ${f.nombre}` : f.nombre;
        return <Enlace ruta={rutaHijo(datos, f, corte)}>{texto}</Enlace>;
      },
    },
    {
      clave: 'lider',
      titulo: 'Primer lugar',
      valor: (f) => {
        const l = lider(f.candidaturas);
        return l ? nombreCandidatura(l.id, datos.catalogo) : '';
      },
      celda: (f) => {
        const l = lider(f.candidaturas);
        if (!l) return <span class="pendiente">{Object.keys(f.candidaturas).length ? 'Empate' : 'Sin votos contabilizados'}</span>;
        return (
          <>
            {nombreCandidatura(l.id, datos.catalogo)} <span class="sub">({entero(l.votos)})</span>
          </>
        );
      },
    },
    {
      clave: 'contabilizadas',
      titulo: 'Actas contabilizadas',
      numerica: true,
      valor: (f) => f.figuras.PORCENTAJE_ACTAS_CONTABILIZADAS,
      celda: (f) => (
        <>
          {porcentaje(f.figuras.PORCENTAJE_ACTAS_CONTABILIZADAS)}
          <span class="sub">
            {' '}
            ({entero(f.figuras.ACTAS_CONTABILIZADAS)} de {entero(f.figuras.ACTAS_ESPERADAS)})
          </span>
        </>
      ),
    },
    {
      clave: 'participacion',
      titulo: 'Participación',
      numerica: true,
      valor: (f) => f.figuras.PORCENTAJE_PARTICIPACION_CIUDADANA,
      celda: (f) => porcentaje(f.figuras.PORCENTAJE_PARTICIPACION_CIUDADANA),
    },
    {
      clave: 'votos',
      titulo: 'Votos',
      numerica: true,
      valor: (f) => f.figuras.TOTAL_VOTOS_C_CS,
      celda: (f) => entero(f.figuras.TOTAL_VOTOS_C_CS),
    },
  ];

  return (
    <>
      <Resultados datos={datos} catalogo={datos.catalogo} donde={donde} prefijo={`t-${datos.nivel}-${datos.id}`} />
      <Mapa datos={datos} corte={corte} />
      <MapaSecciones datos={datos} corte={corte} />
      <TerritoriosGanados datos={datos} />
      {nivelHijos ? (
        <>
          <h2>Resultados por {NIVEL_PLURAL[nivelHijos]}</h2>
          <TablaOrdenable
            id="tabla-territorios"
            titulo={`${NIVEL_PLURAL[nivelHijos][0]!.toUpperCase()}${NIVEL_PLURAL[nivelHijos].slice(1)} de ${donde}: primer lugar y avance`}
            columnas={columnas}
            filas={datos.hijos}
            claveFila={(f) => `${f.nivel}-${f.id}`}
          />
        </>
      ) : null}
    </>
  );
}
