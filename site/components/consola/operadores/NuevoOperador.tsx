/**
 * The form that creates an operator: id, name, ámbito, and what the ámbito asks for (its CATD, its casillas) and
 * admits (its roles). The API checks everything again and its refusal is said in the alert region.
 */
import { useState } from 'preact/hooks';
import { mensajeDeError } from '../../../lib/catd/mensajes.ts';
import { crear, type Ambito, type Operador, type Rol } from './api.ts';
import { AMBITOS, NOMBRE_AMBITO, NOMBRE_ROL, ROLES_DEL_AMBITO, listaDeCasillas } from './textos.ts';

interface Props {
  alCrear: (o: Operador) => void;
}

export default function NuevoOperador({ alCrear }: Props) {
  const [ambito, setAmbito] = useState<Ambito>('CATD');
  const [roles, setRoles] = useState<Rol[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [enviando, setEnviando] = useState(false);

  function cambiarAmbito(a: Ambito) {
    setAmbito(a);
    setRoles((r) => r.filter((x) => ROLES_DEL_AMBITO[a].includes(x)));
  }

  async function enviar(ev: Event) {
    ev.preventDefault();
    const f = new FormData(ev.currentTarget as HTMLFormElement);
    const texto = (n: string) => String(f.get(n) ?? '').trim();
    setEnviando(true);
    setError(null);
    try {
      const o = await crear({
        id: texto('id'),
        nombre: texto('nombre') || texto('id'),
        ambito,
        catd: ambito === 'CATD' ? texto('catd').toUpperCase() : null,
        roles,
        casillas: ambito === 'CASILLA' ? listaDeCasillas(texto('casillas')) : [],
      });
      (ev.target as HTMLFormElement).reset();
      setRoles([]);
      alCrear(o);
    } catch (e) {
      setError(mensajeDeError(e));
    } finally {
      setEnviando(false);
    }
  }

  return (
    <form class="formulario" onSubmit={enviar} aria-labelledby="nuevo-titulo">
      <h2 id="nuevo-titulo">Crear operador</h2>
      <div class={`aviso-catd${error ? ' error' : ''}`} role="alert">
        {error}
      </div>
      <label for="nuevo-id">Identificador</label>
      <input id="nuevo-id" name="id" type="text" required pattern="[a-z0-9][a-z0-9._\-]{1,39}" autocomplete="off" aria-describedby="nuevo-id-ayuda" />
      <p id="nuevo-id-ayuda" class="ayuda">
        De 2 a 40 caracteres: minúsculas, dígitos, punto, guion y guion bajo.
      </p>
      <label for="nuevo-nombre">Nombre completo</label>
      <input id="nuevo-nombre" name="nombre" type="text" autocomplete="off" />
      <label for="nuevo-ambito">Ámbito</label>
      <select id="nuevo-ambito" name="ambito" value={ambito} onChange={(e) => cambiarAmbito(e.currentTarget.value as Ambito)}>
        {AMBITOS.map((a) => (
          <option value={a} key={a}>
            {NOMBRE_AMBITO[a]}
          </option>
        ))}
      </select>
      {ambito === 'CATD' && (
        <>
          <label for="nuevo-catd">CATD</label>
          <input id="nuevo-catd" name="catd" type="text" required placeholder="CATD-D01" autocomplete="off" />
        </>
      )}
      {ambito === 'CASILLA' && (
        <>
          <label for="nuevo-casillas">Casillas del dispositivo</label>
          <textarea id="nuevo-casillas" name="casillas" required rows={2} aria-describedby="nuevo-casillas-ayuda" />
          <p id="nuevo-casillas-ayuda" class="ayuda">
            Claves de casilla (p. ej. 140338B0100), separadas por comas o renglones.
          </p>
        </>
      )}
      <fieldset>
        <legend>Roles</legend>
        {ROLES_DEL_AMBITO[ambito].map((r) => (
          <label class="opcion" key={r}>
            <input
              type="checkbox"
              name="roles"
              value={r}
              checked={roles.includes(r)}
              onChange={(e) => setRoles((x) => (e.currentTarget.checked ? [...x, r] : x.filter((y) => y !== r)))}
            />{' '}
            {NOMBRE_ROL[r]}
          </label>
        ))}
      </fieldset>
      <button type="submit" disabled={enviando || roles.length === 0}>
        Crear operador
      </button>
    </form>
  );
}
