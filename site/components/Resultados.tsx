/**
 * A territory's results: its figures, then votes by candidatura and by party in two tabs (bar charts).
 */
import type { Catalogo } from '../lib/opciones.ts';
import { barrasPorCandidatura, barrasPorPartido } from '../lib/barras.ts';
import type { Resultados as Datos } from '../lib/modelo.ts';
import Barras from './Barras.tsx';
import Cifras from './Cifras.tsx';
import Pestanas from './Pestanas.tsx';

interface Props {
  datos: Datos;
  catalogo: Catalogo;
  /** "Jalisco", "Distrito 3 (Zapopan)", "Sección 338". */
  donde: string;
  prefijo: string;
}

export default function Resultados({ datos, catalogo, donde, prefijo }: Props) {
  const total = datos.figuras.TOTAL_VOTOS_C_CS;
  return (
    <>
      <Cifras figuras={datos.figuras} titulo={`Cifras de ${donde}`} />
      <Pestanas
        etiqueta="Ver los votos"
        prefijo={prefijo}
        pestanas={[
          {
            id: 'candidatura',
            titulo: 'Por candidatura',
            contenido: () => (
              <Barras
                titulo={`Votos por candidatura en ${donde}`}
                columna="Candidatura"
                barras={barrasPorCandidatura(datos.candidaturas, datos.votos, catalogo)}
                total={total}
              />
            ),
          },
          {
            id: 'partido',
            titulo: 'Por partido',
            contenido: () => (
              <Barras
                titulo={`Votos por partido y combinación en ${donde}`}
                columna="Partido o combinación"
                barras={barrasPorPartido(datos.votos, catalogo)}
                total={total}
              />
            ),
          },
        ]}
      />
      <p class="nota">
        Porcentajes respecto del total de votos de las actas contabilizadas, casillas especiales incluidas
        ({total.toLocaleString('es-MX')} votos), truncados a cuatro decimales.
      </p>
    </>
  );
}
