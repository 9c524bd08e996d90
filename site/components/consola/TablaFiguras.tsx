/**
 * Figures as a table: one row per CATD × election (or per election for the entidad), the actas at each stage, what
 * waits at each step with the age of its oldest acta, and the CATD's last activity. Rows keep their keys between
 * refreshes, so only changed cells repaint.
 */
import { duracion, haceCuanto, numero } from '../../lib/consola/formato.ts';
import { PASOS_PENDIENTES, type Figuras, type PasoPendiente } from '../../lib/consola/tipos.ts';

export const NOMBRE_PASO: Readonly<Record<PasoPendiente, string>> = {
  DIGITALIZACION: 'Digitalización',
  CAPTURA: 'Captura',
  VERIFICACION: 'Verificación',
  COTEJO: 'Cotejo',
};

const CIFRAS = [
  ['registradas', 'Registradas'],
  ['recibidas', 'Recibidas'],
  ['digitalizadas', 'Digitalizadas'],
  ['capturadas', 'Capturadas'],
  ['verificadas', 'Verificadas'],
] as const;

export interface Fila {
  clave: string;
  /** Row header (the CATD, or the election). */
  titulo: string;
  /** A line under the row header (the CATD's name). */
  detalle?: string;
  /** Second label column (the election), when the table has one. */
  subtitulo?: string;
  figuras: Figuras;
  ultimaActividad?: number | null;
  datos: Record<string, string>;
}

interface Props {
  id: string;
  titulo: string;
  encabezados: string[];
  filas: Fila[];
  ahora: number;
  conActividad: boolean;
}

function Pendiente({ f, paso, ahora }: { f: Figuras; paso: PasoPendiente; ahora: number }) {
  const a = f.masAntigua[paso];
  return (
    <td class="num" data-campo={`pendientes.${paso}`} data-valor={f.pendientes[paso]}>
      {numero(f.pendientes[paso])}
      {a !== null ? (
        <span class="edad" title={`Acta más antigua: ${a.clave}`}>
          {' '}
          ({duracion(ahora - a.desde)})
        </span>
      ) : null}
    </td>
  );
}

export default function TablaFiguras({ id, titulo, encabezados, filas, ahora, conActividad }: Props) {
  return (
    <div class="tabla-desplazable" role="region" aria-labelledby={`${id}-titulo`} tabindex={0}>
      <table id={id}>
        <caption id={`${id}-titulo`}>{titulo}</caption>
        <thead>
          <tr>
            {encabezados.map((e) => (
              <th key={e} scope="col">
                {e}
              </th>
            ))}
            {CIFRAS.map(([, nombre]) => (
              <th key={nombre} scope="col" class="num">
                {nombre}
              </th>
            ))}
            {PASOS_PENDIENTES.map((p) => (
              <th key={p} scope="col" class="num">
                Pendientes en {NOMBRE_PASO[p].toLowerCase()} <span class="aclara">(la más antigua)</span>
              </th>
            ))}
            {conActividad ? <th scope="col">Última actividad</th> : null}
          </tr>
        </thead>
        <tbody>
          {filas.map((r) => (
            <tr key={r.clave} {...Object.fromEntries(Object.entries(r.datos).map(([k, v]) => [`data-${k}`, v]))}>
              <th scope="row">
                <span class="titulo-fila">{r.titulo}</span>
                {r.detalle ? <span class="detalle-fila">{r.detalle}</span> : null}
              </th>
              {r.subtitulo !== undefined ? <td>{r.subtitulo}</td> : null}
              {CIFRAS.map(([k]) => (
                <td key={k} class="num" data-campo={k} data-valor={r.figuras[k]}>
                  {numero(r.figuras[k])}
                </td>
              ))}
              {PASOS_PENDIENTES.map((p) => (
                <Pendiente key={p} f={r.figuras} paso={p} ahora={ahora} />
              ))}
              {conActividad ? <td>{r.ultimaActividad == null ? 'Sin actividad' : haceCuanto(r.ultimaActividad, ahora)}</td> : null}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
