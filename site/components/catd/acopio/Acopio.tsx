/**
 * The acopio desk: an acta arrives and is registered by its clave (typed or read from its QR), sin acta with its
 * reason, or fuera de catálogo by its identification; the traslado mechanism applies to every package until
 * changed. A split casilla named by its fields (409 ACTA_PARTIDA) asks which part's acta arrived, then registers
 * that one by its clave. The time stamp of the last registration is shown large, to be written on the paper. Every refusal of
 * the API is shown as its Spanish message; a cut request is retried with the same Idempotency-Key.
 */
import { useEffect, useState } from 'preact/hooks';
import { MECANISMOS_TRASLADO, type MecanismoTraslado, type MotivoSinActa } from '../../../../worker/domain/contrato/index.ts';
import { leerContexto, type ContextoAcopio } from '../../../lib/catd/acopio/contexto.ts';
import { actaPartida, type ActaPartida } from '../../../lib/catd/acopio/partida.ts';
import { registrarAcopio, type ActaRecibida, type Identificacion, type PedidoAcopio } from '../../../lib/catd/acopio/registro.ts';
import { selloAcopio } from '../../../lib/catd/acopio/sello.ts';
import { MECANISMO, REGISTRO } from '../../../lib/catd/acopio/textos.ts';
import { mensajeDeError } from '../../../lib/catd/mensajes.ts';
import EleccionParte from './EleccionParte.tsx';
import FormClave from './FormClave.tsx';
import FueraCatalogo from './FueraCatalogo.tsx';
import Sello from './Sello.tsx';
import { useSesionDeRol } from './useSesionDeRol.ts';

export default function Acopio() {
  const { sesion, error: errorSesion } = useSesionDeRol('acopio');
  const [contexto, setContexto] = useState<ContextoAcopio | null>(null);
  const [mecanismo, setMecanismo] = useState<MecanismoTraslado | ''>('');
  const [enviando, setEnviando] = useState(false);
  const [aviso, setAviso] = useState<{ tipo: 'error' | 'info'; texto: string } | null>(null);
  const [recibidas, setRecibidas] = useState<ActaRecibida[]>([]);
  const [partida, setPartida] = useState<ActaPartida | null>(null);
  // Bumped when a chosen part is registered: the fuera de catálogo form starts afresh for the next paper.
  const [vueltaFc, setVueltaFc] = useState(0);

  useEffect(() => {
    if (sesion) void leerContexto().then(setContexto);
  }, [sesion]);

  async function registrar(p: { clave: string } | { identificacion: Identificacion }, sinActa: MotivoSinActa | null): Promise<boolean> {
    const pedido: PedidoAcopio = { ...p, mecanismoTraslado: mecanismo || null, sinActa };
    setEnviando(true);
    setAviso(null);
    setPartida(null);
    try {
      const acta = await registrarAcopio(pedido, { alReintentar: (n) => setAviso({ tipo: 'info', texto: `Conexión cortada: reintentando (intento ${n})…` }) });
      setAviso(null);
      setRecibidas((xs) => [acta, ...xs].slice(0, 20));
      return true;
    } catch (e) {
      const partes = actaPartida(e);
      if (partes) setPartida(partes);
      else setAviso({ tipo: 'error', texto: mensajeDeError(e) });
      return false;
    } finally {
      setEnviando(false);
    }
  }

  if (sesion === null) {
    return (
      <div class={`aviso-catd${errorSesion ? ' error' : ''}`} role={errorSesion ? 'alert' : 'status'}>
        {errorSesion ?? 'Comprobando su sesión…'}
      </div>
    );
  }
  const offset = contexto?.offsetMin ?? null;
  async function elegirParte(clave: string) {
    if (await registrar({ clave }, null)) setVueltaFc((n) => n + 1);
  }
  return (
    <div class="acopio" data-sesion={sesion.operador.id} data-listo={contexto ? 'si' : 'no'}>
      <p class="ayuda">
        {sesion.operador.nombre} · {sesion.operador.catd ?? sesion.operador.ambito} · <a href="/catd/">Volver al inicio</a>
      </p>
      <div class={`aviso-catd${aviso ? ` ${aviso.tipo}` : ''}`} role="alert" data-aviso={aviso?.tipo}>
        {aviso?.texto}
      </div>
      {partida ? <EleccionParte partida={partida} enviando={enviando} elegir={(c) => void elegirParte(c)} /> : null}
      {recibidas[0] ? <Sello acta={recibidas[0]} offsetMin={offset} /> : null}
      <div class="campo">
        <label for="mecanismo">Traslado del paquete</label>
        <select id="mecanismo" value={mecanismo} onChange={(e) => setMecanismo((e.target as HTMLSelectElement).value as MecanismoTraslado | '')}>
          <option value="">Ninguno (entrega directa)</option>
          {MECANISMOS_TRASLADO.map((m) => (
            <option key={m} value={m}>
              {MECANISMO[m]}
            </option>
          ))}
        </select>
      </div>
      <FormClave contexto={contexto} enviando={enviando} registrar={(clave, sinActa) => registrar({ clave }, sinActa)} />
      <FueraCatalogo key={vueltaFc} contexto={contexto} enviando={enviando} registrar={(i) => registrar({ identificacion: i }, null)} />
      {recibidas.length > 0 ? (
        <section aria-labelledby="recibidas">
          <h2 id="recibidas">Registradas en esta sesión</h2>
          <ol class="recibidas">
            {recibidas.map((a) => (
              <li key={`${a.clave}-${a.version}`} data-clave={a.clave} data-registro={a.estado?.registro}>
                <strong>{a.clave}</strong> · {a.estado ? REGISTRO[a.estado.registro] : a.etapa}
                {a.estado?.acopio ? ` · ${selloAcopio(a.estado.acopio.at, offset).hora}` : ''}
              </li>
            ))}
          </ol>
        </section>
      ) : null}
    </div>
  );
}
