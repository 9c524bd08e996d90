/**
 * The two (or three) captures of one acta side by side, one row per field of its ballot; rows that differ are
 * highlighted, marked in words ("difieren", not by color alone) and counted in a live summary. Keyboard first:
 * on a differing row, 1/2/3 take that capture's figure and move on, arrows choose among them, Tab reaches "otra
 * cifra" (digits, I Ilegible, S Sin dato), Enter moves to the next differing row and, on the last one, sends —
 * ONE round trip. A second form sends the acta back to capture, with its reason.
 */
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { CampoFormulario } from '../../../lib/catd/captura/campos.ts';
import { marcaDeTecla, soloDigitos, textoDe } from '../../../lib/catd/captura/valores.ts';
import { comparar, cuerpoResolucion, pendientes, textoValor, type CapturaRonda, type Eleccion, type FilaComparada } from '../../../lib/catd/verificacion/comparar.ts';
import type { CuerpoVerificacion } from '../../../lib/catd/verificacion/datos.ts';
import Recaptura from './Recaptura.tsx';

interface Props {
  clave: string;
  campos: readonly CampoFormulario[];
  capturas: readonly CapturaRonda[];
  enviando: boolean;
  enviar: (cuerpo: CuerpoVerificacion) => void;
}

const idRadio = (campo: string, n: number | 'otra') => `elige-${campo}-${n}`;

function Celdas({ f, capturas, eleccion, elegir }: { f: FilaComparada; capturas: readonly CapturaRonda[]; eleccion: Eleccion | undefined; elegir: (e: Eleccion) => void }) {
  const correccion = eleccion && 'correccion' in eleccion ? eleccion.correccion : '';
  if (!f.difiere) {
    return (
      <>
        {f.valores.map((v, i) => (
          <td key={capturas[i]!.n}>{textoValor(v)}</td>
        ))}
        <td>{textoValor(f.valores[0]!)}</td>
      </>
    );
  }
  return (
    <>
      {f.valores.map((v, i) => {
        const n = capturas[i]!.n;
        return (
          <td key={n}>
            <label>
              <input
                type="radio"
                id={idRadio(f.campo.clave, n)}
                name={`elige-${f.campo.clave}`}
                checked={eleccion !== undefined && 'n' in eleccion && eleccion.n === n}
                onChange={() => elegir({ n })}
                aria-label={`${f.campo.nombre}: captura ${n}, ${textoValor(v)}`}
                data-fila={f.campo.clave}
              />{' '}
              {textoValor(v)}
            </label>
          </td>
        );
      })}
      <td>
        <input
          type="text"
          inputMode="numeric"
          autoComplete="off"
          class="cifra correccion"
          id={idRadio(f.campo.clave, 'otra')}
          value={textoDe(correccion)}
          aria-label={`${f.campo.nombre}: otra cifra (I ilegible, S sin dato)`}
          data-fila={f.campo.clave}
          onKeyDown={(ev) => {
            const marca = marcaDeTecla(ev.key);
            if (marca === null) return;
            ev.preventDefault();
            elegir({ correccion: marca });
          }}
          onInput={(ev) => {
            const d = soloDigitos((ev.target as HTMLInputElement).value);
            elegir({ correccion: d });
            (ev.target as HTMLInputElement).value = d;
          }}
        />
      </td>
    </>
  );
}

export default function Comparacion({ clave, campos, capturas, enviando, enviar }: Props) {
  const filas = useMemo(() => comparar(campos, capturas), [campos, capturas]);
  const difieren = filas.filter((f) => f.difiere);
  const [elecciones, setElecciones] = useState<Record<string, Eleccion>>({});
  const [aviso, setAviso] = useState<string | null>(null);
  const forma = useRef<HTMLFormElement>(null);

  function elegir(campo: string, e: Eleccion) {
    setElecciones((a) => ({ ...a, [campo]: e }));
    setAviso(null);
  }

  function enfocarFila(i: number) {
    const f = difieren[i];
    if (f === undefined) return;
    const e = elecciones[f.campo.clave];
    const n = e && 'n' in e ? e.n : capturas[0]!.n;
    document.getElementById(e && 'correccion' in e ? idRadio(f.campo.clave, 'otra') : idRadio(f.campo.clave, n))?.focus();
  }

  // The acta opens on its first difference (or on the send button when the captures agree everywhere).
  useEffect(() => {
    if (difieren.length > 0) enfocarFila(0);
    else forma.current?.querySelector<HTMLButtonElement>('button[type=submit]')?.focus();
  }, []);

  function confirmar() {
    const cuerpo = cuerpoResolucion(filas, capturas, elecciones);
    if (cuerpo !== null) return enviar(cuerpo);
    const faltan = pendientes(filas, capturas, elecciones);
    setAviso(`Falta elegir la cifra de: ${faltan.map((f) => f.campo.nombre).join(', ')}.`);
    enfocarFila(difieren.indexOf(faltan[0]!));
  }

  function alTeclear(ev: KeyboardEvent) {
    const el = ev.target as HTMLInputElement;
    const campo = el.dataset.fila;
    if (campo === undefined) return;
    const i = difieren.findIndex((f) => f.campo.clave === campo);
    const n = el.type === 'radio' ? Number(ev.key) : Number.NaN;
    if (capturas.some((k) => k.n === n)) {
      ev.preventDefault();
      setElecciones((a) => ({ ...a, [campo]: { n } }));
      // Focus after the state update so the next row's checked radio is the one focused.
      setTimeout(() => (i + 1 < difieren.length ? enfocarFila(i + 1) : forma.current?.querySelector<HTMLButtonElement>('button[type=submit]')?.focus()));
      return;
    }
    if (ev.key !== 'Enter') return;
    ev.preventDefault();
    if (i + 1 < difieren.length) enfocarFila(i + 1);
    else confirmar();
  }

  return (
    <div class="comparacion">
      <form
        ref={forma}
        class="formulario-verificacion"
        data-acta={clave}
        onKeyDown={alTeclear}
        onSubmit={(ev) => {
          ev.preventDefault();
          confirmar();
        }}
      >
        <p role="status" class={`aviso-catd ${difieren.length > 0 ? 'error' : 'info'}`} data-difieren={difieren.length}>
          {difieren.length === 0
            ? 'Las capturas coinciden en todos los campos.'
            : `${difieren.length === 1 ? 'Difiere 1 campo' : `Difieren ${difieren.length} campos`}: ${difieren.map((f) => f.campo.nombre).join(', ')}. Elija con 1, 2 o 3 la captura que coincide con la imagen, o escriba otra cifra; Enter pasa al siguiente y envía en el último.`}
        </p>
        <div class="tabla-desplazable">
          <table class="tabla-comparacion">
            <caption class="sr-only">Capturas del acta {clave}, lado a lado</caption>
            <thead>
              <tr>
                <th scope="col">Campo</th>
                {capturas.map((k) => (
                  <th scope="col" key={k.n}>
                    Captura {k.n} <span class="ayuda">({k.operador})</span>
                  </th>
                ))}
                <th scope="col">Cifra que queda</th>
              </tr>
            </thead>
            <tbody>
              {filas.map((f) => (
                <tr key={f.campo.clave} class={f.difiere ? 'difiere' : undefined} data-campo={f.campo.clave} data-difiere={f.difiere ? 'si' : undefined}>
                  <th scope="row">
                    {f.campo.nombre}
                    {f.difiere ? <strong class="marca-difiere"> · difieren</strong> : null}
                  </th>
                  <Celdas f={f} capturas={capturas} eleccion={elecciones[f.campo.clave]} elegir={(e) => elegir(f.campo.clave, e)} />
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <div class="aviso-catd error" role="alert">
          {aviso}
        </div>
        <p>
          <button type="submit" disabled={enviando}>
            {enviando ? 'Enviando…' : 'Confirmar cifras y verificar'}
          </button>
        </p>
      </form>
      <Recaptura clave={clave} enviando={enviando} enviar={(motivo) => enviar({ resolucion: 'RECAPTURA', motivo })} />
    </div>
  );
}
