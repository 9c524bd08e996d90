/** The figures the acta was verified with (what is published), one row per field of its ballot. */
import type { CampoFormulario } from '../../../lib/catd/captura/campos.ts';
import type { CuerpoCaptura } from '../../../lib/catd/captura/tipos.ts';
import { comparar, textoValor } from '../../../lib/catd/verificacion/comparar.ts';

export default function CifrasVerificadas({ campos, captura }: { campos: readonly CampoFormulario[]; captura: CuerpoCaptura }) {
  const filas = comparar(campos, [{ n: 1, operador: '', captura }]);
  return (
    <div class="tabla-desplazable">
      <table class="tabla-comparacion">
        <caption>Cifras verificadas (publicadas)</caption>
        <thead>
          <tr>
            <th scope="col">Campo</th>
            <th scope="col">Cifra</th>
          </tr>
        </thead>
        <tbody>
          {filas.map((f) => (
            <tr key={f.campo.clave} data-campo={f.campo.clave}>
              <th scope="row">{f.campo.nombre}</th>
              <td>{textoValor(f.valores[0]!)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
