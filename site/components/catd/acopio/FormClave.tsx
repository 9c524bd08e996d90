/**
 * Acopio by CLAVE_ACTA: typed (checked as it is typed: shape, entidad, acta type, and whether this CATD expects
 * it) or read from the acta's QR with the camera; with the acta, or sin acta with one of the four reasons. Enter
 * registers; after a registration the field is emptied and focused for the next paper.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { MOTIVOS_SIN_ACTA, type MotivoSinActa } from '../../../../worker/domain/contrato/index.ts';
import { normalizarClave, revisarClave, type EstadoClave } from '../../../lib/catd/acopio/clave.ts';
import type { ContextoAcopio } from '../../../lib/catd/acopio/contexto.ts';
import { MOTIVO_SIN_ACTA } from '../../../lib/catd/acopio/textos.ts';
import Camara from './Camara.tsx';

interface Props {
  contexto: ContextoAcopio | null;
  enviando: boolean;
  /** Resolves true when the acta was registered. */
  registrar: (clave: string, sinActa: MotivoSinActa | null) => Promise<boolean>;
}

function ayudaClave(r: EstadoClave, pendientes: ReadonlySet<string> | null): { texto: string; tipo: 'error' | 'info' | 'neutro' } {
  if (r.estado === 'vacia') return { texto: '12 o 13 caracteres, p. ej. 140338B01004 (entidad, sección, casilla y tipo de acta).', tipo: 'neutro' };
  if (r.estado !== 'valida') return { texto: r.mensaje, tipo: r.estado === 'invalida' ? 'error' : 'neutro' };
  const esperada = pendientes?.has(r.clave)
    ? 'Esperada en este CATD.'
    : pendientes
      ? 'No está entre las actas que este CATD espera: ya recibida, de otro CATD o fuera de la cola.'
      : '';
  return { texto: ['Clave completa.', r.aviso ?? '', esperada].filter(Boolean).join(' '), tipo: 'info' };
}

export default function FormClave({ contexto, enviando, registrar }: Props) {
  const [texto, setTexto] = useState('');
  const [sinActa, setSinActa] = useState(false);
  const [motivo, setMotivo] = useState<MotivoSinActa>('PAQUETE_NO_ENTREGADO');
  const [camara, setCamara] = useState(false);
  const [lector, setLector] = useState<string | null>(null);
  const campo = useRef<HTMLInputElement>(null);
  const boton = useRef<HTMLButtonElement>(null);
  const r = revisarClave(texto, contexto?.reglas ?? { entidad: null, tiposActa: null });
  const ayuda = ayudaClave(r, contexto?.pendientes ?? null);

  useEffect(() => campo.current?.focus(), []);

  async function enviar(ev: Event) {
    ev.preventDefault();
    if (r.estado !== 'valida') {
      campo.current?.focus();
      return;
    }
    if (await registrar(r.clave, sinActa ? motivo : null)) {
      setTexto('');
      setSinActa(false);
      campo.current?.focus();
    }
  }

  function leido(valor: string) {
    setCamara(false);
    setTexto(normalizarClave(valor));
    // The operator confirms with Enter (or corrects the reading): the focus waits on the button.
    setTimeout(() => (revisarClave(valor, contexto?.reglas ?? { entidad: null, tiposActa: null }).estado === 'valida' ? boton : campo).current?.focus(), 0);
  }

  return (
    <form class="acopio-clave" onSubmit={enviar} aria-labelledby="por-clave" data-lector={lector ?? undefined}>
      <h2 id="por-clave">Acta del catálogo</h2>
      <label for="clave-acta">Clave del acta (CLAVE_ACTA)</label>
      <div class="fila-clave">
        <input
          ref={campo}
          id="clave-acta"
          name="clave"
          type="text"
          value={texto}
          onInput={(e) => setTexto((e.target as HTMLInputElement).value)}
          autocomplete="off"
          autocapitalize="characters"
          spellcheck={false}
          maxLength={20}
          aria-describedby="clave-acta-ayuda"
          aria-invalid={r.estado === 'invalida'}
          data-estado={r.estado}
        />
        <button type="button" class="secundario" onClick={() => setCamara(!camara)} aria-expanded={camara}>
          {camara ? 'Cerrar la cámara' : 'Leer QR con la cámara'}
        </button>
      </div>
      <p id="clave-acta-ayuda" class={`ayuda-clave ${ayuda.tipo}`} aria-live="polite">
        {ayuda.texto}
      </p>
      {camara ? <Camara alLeer={leido} alCerrar={() => setCamara(false)} alElegirLector={setLector} /> : null}
      <div class="sin-acta">
        <input id="sin-acta" type="checkbox" checked={sinActa} onChange={(e) => setSinActa((e.target as HTMLInputElement).checked)} />
        <label for="sin-acta">El paquete llegó sin el acta (sin acta)</label>
      </div>
      {sinActa ? (
        <div class="campo">
          <label for="motivo-sin-acta">Motivo</label>
          <select id="motivo-sin-acta" value={motivo} onChange={(e) => setMotivo((e.target as HTMLSelectElement).value as MotivoSinActa)}>
            {MOTIVOS_SIN_ACTA.map((m) => (
              <option key={m} value={m}>
                {MOTIVO_SIN_ACTA[m]}
              </option>
            ))}
          </select>
        </div>
      ) : null}
      <button ref={boton} type="submit" disabled={enviando || r.estado !== 'valida'}>
        {enviando ? 'Registrando…' : sinActa ? 'Registrar sin acta' : 'Registrar acopio'}
      </button>
    </form>
  );
}
