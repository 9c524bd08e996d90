/**
 * Where a distrito's or municipio's sección map goes. Only when the corte's pointer lists the territory among
 * those with shapes (`mapas`, from the catalogue's boundaries) is the map's code loaded and its shapes fetched:
 * a catalogue without boundaries, or a territory none of whose secciones has a shape, costs no request.
 */
import type { VistaTerritorio } from '../lib/modelo.ts';
import { perezoso } from './perezoso.tsx';

type Props = { datos: VistaTerritorio; corte?: number | undefined };

const Reserva = () => <div class="mapa-reserva" style={{ maxWidth: '36rem', aspectRatio: '1' }} />;
const Mapa = perezoso<Props & { url: string }>(() => import('./MapaSeccionesLideres.tsx'), Reserva);

/** The URL of a territory's cut, or null when it has none. */
export function urlMapaSecciones(datos: Pick<VistaTerritorio, 'nivel' | 'id' | 'corte'>): string | null {
  const m = datos.corte.mapas;
  if (!m || (datos.nivel !== 'distrito' && datos.nivel !== 'municipio')) return null;
  const clave = `${datos.nivel}-${datos.id}`;
  return m.territorios.includes(clave) ? `/${m.ruta}/${clave}.json` : null;
}

export default function MapaSecciones({ datos, corte }: Props) {
  const url = urlMapaSecciones(datos);
  return url ? <Mapa datos={datos} corte={corte} url={url} /> : null;
}
