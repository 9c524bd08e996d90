/**
 * The acta image as a preview that opens full size: a modal <dialog> (Escape closes it, focus returns to the
 * preview) holding the image at its natural size in a box that scrolls both ways, with zoom buttons, so a phone
 * can read each handwritten figure.
 */
import { useRef, useState } from 'preact/hooks';
import '../styles/tablas.css';

interface Props {
  src: string;
  alt: string;
}

const ESCALAS = [0.5, 0.75, 1, 1.5, 2, 3] as const;
const NATURAL = 2;

export default function VisorImagen({ src, alt }: Props) {
  const dialogo = useRef<HTMLDialogElement>(null);
  const [escala, setEscala] = useState<number>(NATURAL);
  const [ancho, setAncho] = useState<number | null>(null);
  const abrir = () => {
    setEscala(NATURAL);
    dialogo.current?.showModal();
  };
  const porcentaje = `${Math.round(ESCALAS[escala]! * 100)} %`;
  return (
    <>
      <figure class="imagen-acta">
        <button type="button" class="ampliar" onClick={abrir} aria-haspopup="dialog" data-ampliar-acta>
          <img src={src} alt={alt} />
          <span class="leyenda">Ver la imagen en tamaño completo</span>
        </button>
      </figure>
      <dialog ref={dialogo} class="visor" aria-labelledby="visor-titulo" data-visor-acta>
        <div class="visor-barra">
          <h2 id="visor-titulo">Imagen del acta ({porcentaje})</h2>
          <button type="button" onClick={() => setEscala(Math.max(0, escala - 1))} disabled={escala === 0}>
            Alejar
          </button>
          <button type="button" onClick={() => setEscala(Math.min(ESCALAS.length - 1, escala + 1))} disabled={escala === ESCALAS.length - 1}>
            Acercar
          </button>
          <button type="button" onClick={() => dialogo.current?.close()} autofocus>
            Cerrar
          </button>
        </div>
        <div class="visor-lienzo" tabIndex={0} role="region" aria-label="Imagen ampliada; desplázala para recorrerla">
          <img
            src={src}
            alt={alt}
            width={ancho === null ? undefined : Math.round(ancho * ESCALAS[escala]!)}
            onLoad={(e) => setAncho((e.target as HTMLImageElement).naturalWidth)}
          />
        </div>
      </dialog>
    </>
  );
}
