/**
 * One image on the desk: preview (PDFs are named, not drawn), file, clave (from the name or typed), the SHA-256
 * computed in this browser beside the one the server computed once sent, and what happened. A sent image can be
 * replaced (redigitalización) when it is wrong or unreadable.
 */
import { useEffect, useState } from 'preact/hooks';
import { entero } from '../../../lib/catd/formato.ts';
import { faltaParaEnviar, type Fila } from '../../../lib/catd/digitalizacion/filas.ts';

interface Props {
  fila: Fila;
  cambiarClave: (id: number, clave: string) => void;
  quitar: (id: number) => void;
  reemplazar: (f: Fila) => void;
}

const ESTADO: Record<Fila['estado'], string> = {
  leyendo: 'Calculando el SHA-256…',
  lista: 'Lista para enviar',
  enviando: 'Enviando…',
  enviada: 'Enviada',
  error: 'No enviada',
};

function Vista({ fila }: { fila: Fila }) {
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    if (!fila.datos || !fila.mime || fila.mime === 'application/pdf') return;
    const u = URL.createObjectURL(new Blob([fila.datos], { type: fila.mime }));
    setUrl(u);
    return () => URL.revokeObjectURL(u);
  }, [fila.datos, fila.mime]);
  if (fila.mime === 'application/pdf') return <span class="vista pdf">PDF</span>;
  return url ? <img class="vista" src={url} alt={`Vista previa de ${fila.nombre}`} /> : <span class="vista" />;
}

function Huellas({ fila }: { fila: Fila }) {
  const coinciden = fila.shaServidor !== null && fila.shaServidor === fila.sha256;
  return (
    <dl class="huellas">
      <dt>SHA-256 en este equipo</dt>
      <dd data-sha-navegador={fila.sha256 ?? ''}>{fila.sha256 ?? '—'}</dd>
      <dt>SHA-256 en el servidor</dt>
      <dd data-sha-servidor={fila.shaServidor ?? ''}>
        {fila.shaServidor ?? '—'}
        {fila.shaServidor ? <strong class={coinciden ? 'ok' : 'mal'}>{coinciden ? '✓ Coinciden' : '✗ No coinciden'}</strong> : null}
      </dd>
    </dl>
  );
}

export default function FilaImagen({ fila, cambiarClave, quitar, reemplazar }: Props) {
  const idClave = `clave-${fila.id}`;
  const falta = faltaParaEnviar(fila);
  const editable = fila.estado === 'lista' || fila.estado === 'error';
  return (
    <li class={`fila-imagen ${fila.estado}`} data-archivo={fila.nombre} data-estado={fila.estado} data-clave={fila.clave}>
      <Vista fila={fila} />
      <div class="datos-imagen">
        <p class="archivo">
          <strong>{fila.nombre}</strong> · {entero(fila.bytes)} bytes · {fila.digitalizacion === 'MOVIL' ? 'cámara' : 'escáner'}
          {fila.reemplaza ? ` · redigitalización: reemplaza la imagen ${fila.reemplaza.slice(0, 12)}…` : ''}
        </p>
        <label for={idClave}>Clave del acta{fila.claveDelNombre ? ' (tomada del nombre del archivo)' : ''}</label>
        <input
          id={idClave}
          type="text"
          value={fila.clave}
          readOnly={!editable || fila.reemplaza !== null}
          autocomplete="off"
          autocapitalize="characters"
          spellcheck={false}
          maxLength={16}
          aria-describedby={`estado-${fila.id}`}
          onInput={(e) => cambiarClave(fila.id, (e.target as HTMLInputElement).value.trim().toUpperCase())}
        />
        <Huellas fila={fila} />
        <p id={`estado-${fila.id}`} class="estado-fila" data-mensaje={fila.mensaje ?? ''}>
          <strong>{ESTADO[fila.estado]}</strong>
          {fila.etapa ? ` · el acta pasa a ${fila.etapa.toLowerCase()}` : ''}
          {fila.mensaje ? `: ${fila.mensaje}` : falta ? `: ${falta}` : ''}
        </p>
        <div class="acciones-fila">
          {fila.estado === 'enviada' ? (
            <button type="button" class="secundario" onClick={() => reemplazar(fila)}>
              Reemplazar imagen de {fila.clave} (redigitalización)
            </button>
          ) : null}
          {fila.estado !== 'enviando' && fila.estado !== 'enviada' ? (
            <button type="button" class="secundario" onClick={() => quitar(fila.id)}>
              Quitar {fila.nombre}
            </button>
          ) : null}
        </div>
      </div>
    </li>
  );
}
