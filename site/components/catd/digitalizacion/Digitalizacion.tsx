/**
 * The digitalización desk: images from the scanner's folder (several files at once) or the device camera, each
 * previewed with its clave (from the file name, else typed) and the SHA-256 computed here; sent one after another,
 * each with its Idempotency-Key (a cut request is retried with it) and X-Sha256, and then shown beside the
 * SHA-256 the server computed. A wrong or unreadable image is replaced by sending another one for the same acta
 * (redigitalización). The CATD's digitalización queue shows what still waits, returned actas included.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { TIPOS_DOCUMENTO, type Digitalizacion as Medio, type TipoDocumento } from '../../../../worker/domain/contrato/index.ts';
import { pedir } from '../../../lib/catd/api.ts';
import { filaNueva, leida, listaParaEnviar, type Fila } from '../../../lib/catd/digitalizacion/filas.ts';
import { subirImagen } from '../../../lib/catd/digitalizacion/subir.ts';
import { mensajeDeError } from '../../../lib/catd/mensajes.ts';
import { useSesionDeRol } from '../acopio/useSesionDeRol.ts';
import FilaImagen from './FilaImagen.tsx';

interface EnCola {
  clave: string;
  ronda: number | null;
  cotejada: number | null;
}

const DOCUMENTO: Record<TipoDocumento, string> = {
  ACTA_PREP: 'Acta PREP',
  ACTA_CONSEJO: 'Acta del consejo',
  ACTA_CONSEJO_S: 'Acta del consejo (casilla especial)',
  COPIA_RPPCI: 'Copia de representante de partido o candidatura',
  COPIA_PE: 'Copia del programa de resultados electorales',
  REPRESENTACION_ACTA: 'Representación del acta',
};

function useCola(activa: boolean) {
  const [cola, setCola] = useState<EnCola[] | null>(null);
  const leer = () => pedir<{ actas: EnCola[] }>('GET', '/api/v1/cola/digitalizacion?limite=100').then((c) => setCola(c.actas), () => {});
  useEffect(() => {
    if (activa) void leer();
  }, [activa]);
  return { cola, leer };
}

export default function Digitalizacion() {
  const { sesion, error: errorSesion } = useSesionDeRol('digitalizacion');
  const [filas, setFilas] = useState<Fila[]>([]);
  const [documento, setDocumento] = useState<TipoDocumento>('ACTA_PREP');
  const [enviando, setEnviando] = useState(false);
  const [aviso, setAviso] = useState<string | null>(null);
  const reemplazo = useRef<{ clave: string; sha: string | null } | null>(null);
  const entradaReemplazo = useRef<HTMLInputElement>(null);
  const { cola, leer: leerCola } = useCola(sesion !== null);

  const cambiar = (id: number, f: (x: Fila) => Fila) => setFilas((xs) => xs.map((x) => (x.id === id ? f(x) : x)));

  async function agregar(archivos: FileList | null, medio: Medio, clave: string | null = null, reemplaza: string | null = null) {
    for (const a of Array.from(archivos ?? [])) {
      const f = filaNueva(a, medio, clave, reemplaza);
      setFilas((xs) => [...xs, f]);
      try {
        const lista = await leida(f, await a.arrayBuffer());
        cambiar(f.id, () => lista);
      } catch {
        cambiar(f.id, (x) => ({ ...x, estado: 'error', mensaje: 'No se pudo leer el archivo: elija otro.' }));
      }
    }
  }

  async function enviar() {
    setEnviando(true);
    setAviso(null);
    for (const f of filas.filter(listaParaEnviar)) {
      cambiar(f.id, (x) => ({ ...x, estado: 'enviando', mensaje: null }));
      try {
        const v = await subirImagen(
          { clave: f.clave, datos: f.datos!, mime: f.mime!, sha256: f.sha256!, digitalizacion: f.digitalizacion, tipoDocumento: documento },
          { alReintentar: (n) => cambiar(f.id, (x) => ({ ...x, mensaje: `conexión cortada, reintento ${n}` })) },
        );
        cambiar(f.id, (x) => ({ ...x, estado: 'enviada', mensaje: null, shaServidor: v.estado?.imagen?.sha256 ?? null, etapa: v.etapa }));
      } catch (e) {
        cambiar(f.id, (x) => ({ ...x, estado: 'lista', mensaje: mensajeDeError(e) }));
      }
    }
    setEnviando(false);
    void leerCola();
  }

  /** Opens the file chooser for one acta: a replacement of a sent image, or the image of a queued acta. */
  function pedirImagen(clave: string, sha: string | null) {
    reemplazo.current = { clave, sha };
    entradaReemplazo.current?.click();
  }

  if (sesion === null) {
    return (
      <div class={`aviso-catd${errorSesion ? ' error' : ''}`} role={errorSesion ? 'alert' : 'status'}>
        {errorSesion ?? 'Comprobando su sesión…'}
      </div>
    );
  }
  const porEnviar = filas.filter(listaParaEnviar).length;
  return (
    <div class="digitalizacion" data-sesion={sesion.operador.id}>
      <p class="ayuda">
        {sesion.operador.nombre} · {sesion.operador.catd ?? sesion.operador.ambito} · <a href="/catd/">Volver al inicio</a>
      </p>
      <div class={`aviso-catd${aviso ? ' error' : ''}`} role="alert">
        {aviso}
      </div>
      <div class="origenes">
        <label class="boton-archivo">
          Elegir imágenes del escáner (varias a la vez)
          <input type="file" multiple accept="image/jpeg,image/png,application/pdf" onChange={(e) => { const i = e.target as HTMLInputElement; void agregar(i.files, 'ESCANER'); i.value = ''; }} />
        </label>
        <label class="boton-archivo">
          Tomar foto con la cámara
          <input type="file" accept="image/jpeg,image/png" capture="environment" onChange={(e) => { const i = e.target as HTMLInputElement; void agregar(i.files, 'MOVIL'); i.value = ''; }} />
        </label>
        <input
          ref={entradaReemplazo}
          type="file"
          hidden
          accept="image/jpeg,image/png,application/pdf"
          data-reemplazo
          onChange={(e) => {
            const i = e.target as HTMLInputElement;
            const r = reemplazo.current;
            if (r) void agregar(i.files, 'ESCANER', r.clave, r.sha);
            i.value = '';
          }}
        />
      </div>
      <div class="campo">
        <label for="tipo-documento">Documento digitalizado</label>
        <select id="tipo-documento" value={documento} onChange={(e) => setDocumento((e.target as HTMLSelectElement).value as TipoDocumento)}>
          {TIPOS_DOCUMENTO.map((t) => (
            <option key={t} value={t}>
              {DOCUMENTO[t]}
            </option>
          ))}
        </select>
      </div>
      {filas.length > 0 ? (
        <ul class="filas-imagen" aria-label="Imágenes elegidas">
          {filas.map((f) => (
            <FilaImagen
              key={f.id}
              fila={f}
              cambiarClave={(id, clave) => cambiar(id, (x) => ({ ...x, clave, claveDelNombre: false, mensaje: null }))}
              quitar={(id) => setFilas((xs) => xs.filter((x) => x.id !== id))}
              reemplazar={(f) => pedirImagen(f.clave, f.shaServidor)}
            />
          ))}
        </ul>
      ) : (
        <p class="ayuda">Aún no hay imágenes elegidas. Los archivos nombrados con la clave del acta (p. ej. 140338B01004.jpg) la toman de su nombre.</p>
      )}
      <p>
        <button type="button" onClick={() => void enviar()} disabled={enviando || porEnviar === 0}>
          {enviando ? 'Enviando…' : `Enviar ${porEnviar === 1 ? '1 imagen' : `${porEnviar} imágenes`}`}
        </button>
      </p>
      <section aria-labelledby="cola-dig">
        <h2 id="cola-dig">Actas recibidas sin imagen</h2>
        {cola === null ? (
          <p class="ayuda">Leyendo la cola…</p>
        ) : cola.length === 0 ? (
          <p class="ayuda">No hay actas esperando imagen en este CATD.</p>
        ) : (
          <ul class="cola-dig">
            {cola.map((a) => (
              <li key={a.clave} data-clave={a.clave}>
                <strong>{a.clave}</strong>
                {(a.ronda ?? 1) > 1 ? ' · devuelta para redigitalización' : ''}{' '}
                <button type="button" class="secundario" onClick={() => pedirImagen(a.clave, null)}>
                  Elegir imagen de {a.clave}
                </button>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
