/**
 * /consola/operadores/: the institute's administrators manage operators and their keys (issue 17). Needs a screen
 * session of an operator with role admin (signed in at /catd/entrar/); the list comes from the API and is read
 * again after every change. Filtering is local; the table shows at most LIMITE rows (a night has ~4,000 devices).
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { mensajeDeError } from '../../../lib/catd/mensajes.ts';
import { sesionRequerida } from '../../../lib/catd/sesion.ts';
import { listar, type Ambito, type Operador, type SecretoEmitido } from './api.ts';
import DetalleOperador from './DetalleOperador.tsx';
import NuevoOperador from './NuevoOperador.tsx';
import SecretoUnaVez from './SecretoUnaVez.tsx';
import { AMBITOS, NOMBRE_AMBITO, NOMBRE_ROL, cuando } from './textos.ts';

const LIMITE = 200;

type Estado = { fase: 'cargando' } | { fase: 'sin-permiso' } | { fase: 'error'; texto: string } | { fase: 'lista'; operadores: Operador[] };

function coincide(o: Operador, texto: string, ambito: Ambito | ''): boolean {
  if (ambito !== '' && o.ambito !== ambito) return false;
  const t = texto.trim().toLowerCase();
  return t === '' || [o.id, o.nombre, o.catd ?? '', ...o.casillas].some((x) => x.toLowerCase().includes(t));
}

export default function Operadores() {
  const [estado, setEstado] = useState<Estado>({ fase: 'cargando' });
  const [texto, setTexto] = useState('');
  const [ambito, setAmbito] = useState<Ambito | ''>('');
  const [elegido, setElegido] = useState<string | null>(null);
  const [secreto, setSecreto] = useState<SecretoEmitido | null>(null);
  const [aviso, setAviso] = useState('');
  const detalle = useRef<HTMLDivElement>(null);

  async function recargar() {
    try {
      const { operadores } = await listar();
      setEstado({ fase: 'lista', operadores });
    } catch (e) {
      setEstado({ fase: 'error', texto: mensajeDeError(e) });
    }
  }

  useEffect(() => {
    sesionRequerida()
      .then((s) => (s.operador.roles.includes('admin') ? recargar() : setEstado({ fase: 'sin-permiso' })))
      .catch((e) => setEstado({ fase: 'error', texto: mensajeDeError(e) }));
  }, []);

  useEffect(() => {
    if (elegido !== null) detalle.current?.querySelector<HTMLElement>('#detalle-titulo')?.focus();
  }, [elegido]);

  if (estado.fase === 'cargando') return <p role="status">Cargando operadores…</p>;
  if (estado.fase === 'sin-permiso') {
    return (
      <p class="aviso-catd error" role="alert">
        Esta pantalla es de la administración del instituto: su sesión no tiene el rol de administración.
      </p>
    );
  }
  if (estado.fase === 'error') {
    return (
      <p class="aviso-catd error" role="alert">
        {estado.texto}
      </p>
    );
  }

  const visibles = estado.operadores.filter((o) => coincide(o, texto, ambito));
  const actual = estado.operadores.find((o) => o.id === elegido) ?? null;
  const cambio = (mensaje: string) => {
    setAviso(mensaje);
    void recargar();
  };

  return (
    <div class="consola-operadores" data-listo="si">
      <p class="aviso-catd info" role="status">
        {aviso}
      </p>
      {secreto !== null && (
        <SecretoUnaVez
          secreto={secreto}
          alCerrar={() => {
            setSecreto(null);
            setAviso('La clave se ocultó y ya no puede volver a mostrarse.');
          }}
        />
      )}
      <section aria-labelledby="lista-titulo">
        <h2 id="lista-titulo">Operadores ({estado.operadores.length})</h2>
        <div class="filtros">
          <label for="filtro-texto">Buscar</label>
          <input id="filtro-texto" type="search" value={texto} onInput={(e) => setTexto(e.currentTarget.value)} placeholder="id, nombre, CATD o casilla" />
          <label for="filtro-ambito">Filtrar por ámbito</label>
          <select id="filtro-ambito" value={ambito} onChange={(e) => setAmbito(e.currentTarget.value as Ambito | '')}>
            <option value="">Todos</option>
            {AMBITOS.map((a) => (
              <option value={a} key={a}>
                {NOMBRE_AMBITO[a]}
              </option>
            ))}
          </select>
        </div>
        <p class="ayuda" role="status">
          {visibles.length > LIMITE ? `Se muestran ${LIMITE} de ${visibles.length}: afine la búsqueda.` : `${visibles.length} operador(es).`}
        </p>
        <div class="desplazable">
          <table class="tabla-consola">
            <thead>
              <tr>
                <th scope="col">Operador</th>
                <th scope="col">Ámbito</th>
                <th scope="col">Roles</th>
                <th scope="col">Claves vigentes</th>
                <th scope="col">Último uso</th>
                <th scope="col">
                  <span class="sr">Acción</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {visibles.slice(0, LIMITE).map((o) => (
                <tr key={o.id} data-fila={o.id} aria-current={o.id === elegido ? 'true' : undefined}>
                  <th scope="row">
                    {o.nombre}
                    <span class="detalle">
                      {o.id}
                      {o.activo ? '' : ' · dado de baja'}
                    </span>
                  </th>
                  <td>
                    {NOMBRE_AMBITO[o.ambito]}
                    {o.catd ? ` · ${o.catd}` : ''}
                    {o.casillas.length > 0 && <span class="detalle">{o.casillas.length} casilla(s)</span>}
                  </td>
                  <td>{o.roles.map((r) => NOMBRE_ROL[r]).join(', ')}</td>
                  <td>
                    {o.tokensVigentes.length}
                    {o.tokensVigentes.length > 0 && <span class="detalle">vence {cuando(o.tokensVigentes.at(-1)!.expiraAt)}</span>}
                  </td>
                  <td>{cuando(o.ultimoUsoAt)}</td>
                  <td>
                    <button type="button" class="secundario" onClick={() => setElegido(o.id)}>
                      Administrar <span class="sr">a {o.id}</span>
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
      <div ref={detalle}>
        {actual !== null && (
          <DetalleOperador
            key={actual.id}
            operador={actual}
            catds={[...new Set(estado.operadores.flatMap((o) => (o.catd === null ? [] : [o.catd])))].sort()}
            alCambiar={cambio}
            alEmitir={(s) => {
              setSecreto(s);
              void recargar();
            }}
          />
        )}
      </div>
      <NuevoOperador
        alCrear={(o) => {
          setElegido(o.id);
          cambio(`Operador ${o.id} creado. Emita su clave de acceso.`);
        }}
      />
    </div>
  );
}
