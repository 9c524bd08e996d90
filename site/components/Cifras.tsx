/**
 * The figures of a corte for one territory (docs/REGLAS.md §5, §8): actas esperadas / capturadas / contabilizadas with
 * their percentages, participation, and total votes with and without casillas especiales. Every figure is text
 * with its label (a definition list), so it reads the same with a screen reader.
 */
import type { Figuras } from '../../worker/domain/contrato/index.ts';
import { entero, porcentaje } from '../lib/formato.ts';
import { terminoDeCifra, terminoDeDetalle } from '../lib/terminos.ts';
import Ayuda from './Ayuda.tsx';

interface Props {
  figuras: Figuras;
  /** Accessible name, e.g. "Cifras de Jalisco". */
  titulo: string;
}

export default function Cifras({ figuras: f, titulo }: Props) {
  const items: { id: string; etiqueta: string; valor: string; sub?: string }[] = [
    { id: 'esperadas', etiqueta: 'Actas esperadas', valor: entero(f.ACTAS_ESPERADAS) },
    {
      id: 'capturadas',
      etiqueta: 'Actas capturadas',
      valor: entero(f.ACTAS_CAPTURADAS),
      sub: `${porcentaje(f.PORCENTAJE_ACTAS_CAPTURADAS)} de las esperadas`,
    },
    {
      id: 'contabilizadas',
      etiqueta: 'Actas contabilizadas',
      valor: entero(f.ACTAS_CONTABILIZADAS),
      sub: `${porcentaje(f.PORCENTAJE_ACTAS_CONTABILIZADAS)} de las esperadas`,
    },
    { id: 'participacion', etiqueta: 'Participación ciudadana', valor: porcentaje(f.PORCENTAJE_PARTICIPACION_CIUDADANA) },
    { id: 'votos-sin', etiqueta: 'Total de votos sin casillas especiales', valor: entero(f.TOTAL_VOTOS_S_CS) },
    { id: 'votos-con', etiqueta: 'Total de votos con casillas especiales', valor: entero(f.TOTAL_VOTOS_C_CS) },
    { id: 'lista', etiqueta: 'Lista nominal de las actas contabilizadas', valor: entero(f.LISTA_NOMINAL_ACTAS_CONTABILIZADAS) },
    {
      id: 'no-contabilizadas',
      etiqueta: 'Actas no contabilizadas',
      valor: entero(f.ACTAS_NO_CONTABILIZADAS),
      sub: `Inconsistencias: ${porcentaje(f.PORCENTAJE_ACTAS_INCONSISTENCIAS)} de las esperadas`,
    },
    {
      id: 'registradas',
      etiqueta: 'Actas registradas',
      valor: entero(f.ACTAS_REGISTRADAS),
      sub: `Fuera de catálogo: ${entero(f.ACTAS_FUERA_CATALOGO)}`,
    },
  ];
  return (
    <dl class="cifras" aria-label={titulo}>
      {items.map((i) => (
        <div key={i.id} class="cifra" data-cifra={i.id}>
          <dt>
            {i.etiqueta}
            <Ayuda termino={terminoDeCifra(i.id)} />
          </dt>
          <dd>
            <strong>{i.valor}</strong>
            {i.sub ? <span class="sub">{i.sub}</span> : null}
            <Ayuda termino={terminoDeDetalle(i.id)} />
          </dd>
        </div>
      ))}
    </dl>
  );
}
