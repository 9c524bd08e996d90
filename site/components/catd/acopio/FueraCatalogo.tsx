/**
 * Acopio of a paper that matches no expected acta: registered fuera de catálogo by what is read on it (election,
 * sección, casilla type and number, ext contigua). The elections are the catalogue's when a corte has published
 * them; otherwise their code is typed.
 */
import { useState } from 'preact/hooks';
import { TIPOS_CASILLA, type TipoCasilla } from '../../../../worker/domain/contrato/index.ts';
import type { ContextoAcopio } from '../../../lib/catd/acopio/contexto.ts';
import type { Identificacion } from '../../../lib/catd/acopio/registro.ts';
import { TIPO_CASILLA } from '../../../lib/catd/acopio/textos.ts';

interface Props {
  contexto: ContextoAcopio | null;
  enviando: boolean;
  registrar: (i: Identificacion) => Promise<boolean>;
}

function Numero({ id, etiqueta, max, valor, cambiar }: { id: string; etiqueta: string; max: number; valor: string; cambiar: (v: string) => void }) {
  return (
    <div class="campo">
      <label for={id}>{etiqueta}</label>
      <input
        id={id}
        type="text"
        inputMode="numeric"
        pattern="[0-9]*"
        autocomplete="off"
        required
        maxLength={String(max).length}
        value={valor}
        onInput={(e) => cambiar((e.target as HTMLInputElement).value.replace(/\D/g, ''))}
      />
    </div>
  );
}

export default function FueraCatalogo({ contexto, enviando, registrar }: Props) {
  const elecciones = contexto?.elecciones ?? null;
  const [eleccion, setEleccion] = useState('');
  const [seccion, setSeccion] = useState('');
  const [tipo, setTipo] = useState<TipoCasilla>('B');
  const [numero, setNumero] = useState('');
  const [ext, setExt] = useState('0');
  const codigo = eleccion || elecciones?.[0]?.codigo || '';

  async function enviar(ev: Event) {
    ev.preventDefault();
    const i: Identificacion = { eleccion: codigo.trim().toUpperCase(), seccion: Number(seccion), tipo, id: Number(numero), extContigua: Number(ext || '0') };
    if (await registrar(i)) {
      setSeccion('');
      setNumero('');
      setExt('0');
    }
  }

  return (
    <form class="acopio-fc" onSubmit={enviar} aria-labelledby="fuera-catalogo">
      <h2 id="fuera-catalogo">Acta fuera de catálogo</h2>
      <p class="ayuda">Para un acta que no corresponde a ninguna esperada: se registra con lo que se lee en ella y se publica sin contabilizarse.</p>
      <div class="rejilla-fc">
        <div class="campo">
          <label for="fc-eleccion">Elección</label>
          {elecciones ? (
            <select id="fc-eleccion" value={codigo} onChange={(e) => setEleccion((e.target as HTMLSelectElement).value)}>
              {elecciones.map((e) => (
                <option key={e.codigo} value={e.codigo}>
                  {e.nombre} ({e.codigo})
                </option>
              ))}
            </select>
          ) : (
            <input id="fc-eleccion" type="text" required autocomplete="off" autocapitalize="characters" value={eleccion} onInput={(e) => setEleccion((e.target as HTMLInputElement).value)} />
          )}
        </div>
        <Numero id="fc-seccion" etiqueta="Sección" max={9999} valor={seccion} cambiar={setSeccion} />
        <div class="campo">
          <label for="fc-tipo">Tipo de casilla</label>
          <select id="fc-tipo" value={tipo} onChange={(e) => setTipo((e.target as HTMLSelectElement).value as TipoCasilla)}>
            {TIPOS_CASILLA.map((t) => (
              <option key={t} value={t}>
                {TIPO_CASILLA[t]}
              </option>
            ))}
          </select>
        </div>
        <Numero id="fc-numero" etiqueta="Número de casilla" max={99} valor={numero} cambiar={setNumero} />
        <Numero id="fc-ext" etiqueta="Extensión contigua" max={99} valor={ext} cambiar={setExt} />
      </div>
      <button type="submit" disabled={enviando || codigo === ''}>
        {enviando ? 'Registrando…' : 'Registrar fuera de catálogo'}
      </button>
    </form>
  );
}
