/**
 * Where the leaders' map goes in the entidad view. The map itself (MapaLideres.tsx) is imported only once an
 * entidad view is shown, so its code and its shapes never weigh on the view's first load; meanwhile its box is
 * kept so nothing below it moves when it arrives.
 */
import type { ComponentType } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import type { VistaTerritorio } from '../lib/modelo.ts';

/** `corte`: the past corte the view is of, which the map's links keep (none: the newest). */
type Props = { datos: VistaTerritorio; corte?: number | undefined };

export default function Mapa({ datos, corte }: Props) {
  const [Componente, setComponente] = useState<ComponentType<Props> | null>(null);
  const entidad = datos.nivel === 'entidad';
  useEffect(() => {
    if (entidad) import('./MapaLideres.tsx').then((m) => setComponente(() => m.default), () => undefined);
  }, [entidad]);
  if (!entidad) return null;
  return Componente ? <Componente datos={datos} corte={corte} /> : <div style={{ maxWidth: '36rem', aspectRatio: '1' }} />;
}
