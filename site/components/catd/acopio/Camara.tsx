/**
 * Reads the acta's QR with the device camera (the rear one on a phone). The decoder is loaded only when the
 * camera is opened; frames are scaled to at most 800 px wide and tried a few times a second until one holds a QR.
 * Closing the panel (button or Escape) stops the camera.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { crearLector } from '../../../lib/catd/acopio/lector-qr.ts';

const ANCHO_MAX = 800;
const CADA_MS = 150;

function mensajeCamara(e: unknown): string {
  const n = (e as { name?: string } | null)?.name;
  if (n === 'NotAllowedError') return 'El navegador no dio permiso para usar la cámara. Permítalo en la barra de direcciones, o escriba la clave.';
  if (n === 'NotFoundError' || n === 'OverconstrainedError') return 'Este equipo no tiene cámara disponible. Escriba la clave.';
  return 'No se pudo abrir la cámara. Escriba la clave.';
}

interface Props {
  alLeer: (texto: string) => void;
  alCerrar: () => void;
  /** Told which reader runs: the browser's own, or the JavaScript decoder. */
  alElegirLector?: (motor: 'nativo' | 'javascript') => void;
}

export default function Camara({ alLeer, alCerrar, alElegirLector }: Props) {
  const video = useRef<HTMLVideoElement>(null);
  const [estado, setEstado] = useState('Abriendo la cámara…');
  const [motor, setMotor] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let vivo = true;
    let flujo: MediaStream | null = null;
    let temporizador: ReturnType<typeof setTimeout> | undefined;
    const lienzo = document.createElement('canvas');
    (async () => {
      try {
        const [lector, f] = await Promise.all([
          crearLector(),
          navigator.mediaDevices.getUserMedia({ video: { facingMode: 'environment' }, audio: false }),
        ]);
        flujo = f;
        if (!vivo) return;
        setMotor(lector.motor);
        alElegirLector?.(lector.motor);
        const v = video.current!;
        v.srcObject = f;
        await v.play();
        setEstado('Apunte la cámara al código QR del acta.');
        const intentar = async () => {
          if (!vivo) return;
          if (v.videoWidth > 0) {
            const escala = Math.min(1, ANCHO_MAX / v.videoWidth);
            lienzo.width = Math.round(v.videoWidth * escala);
            lienzo.height = Math.round(v.videoHeight * escala);
            lienzo.getContext('2d', { willReadFrequently: true })!.drawImage(v, 0, 0, lienzo.width, lienzo.height);
            const texto = await lector.leer(lienzo);
            if (texto && vivo) {
              alLeer(texto);
              return;
            }
          }
          temporizador = setTimeout(intentar, CADA_MS);
        };
        void intentar();
      } catch (e) {
        if (vivo) setError(mensajeCamara(e));
      }
    })();
    return () => {
      vivo = false;
      clearTimeout(temporizador);
      for (const t of flujo?.getTracks() ?? []) t.stop();
    };
  }, []);

  return (
    <div
      class="camara"
      role="group"
      aria-label="Lectura del código QR con la cámara"
      data-motor={motor ?? undefined}
      onKeyDown={(e) => e.key === 'Escape' && alCerrar()}
    >
      <video ref={video} muted playsInline aria-label="Imagen de la cámara" />
      <p class={`aviso-catd${error ? ' error' : ''}`} role={error ? 'alert' : 'status'}>
        {error ?? estado}
        {motor && !error ? ` (lector: ${motor === 'nativo' ? 'del navegador' : 'JavaScript'})` : ''}
      </p>
      <button type="button" class="secundario" onClick={alCerrar}>
        Cerrar la cámara
      </button>
    </div>
  );
}
