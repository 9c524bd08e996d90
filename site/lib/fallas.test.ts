import { describe, expect, it } from 'vitest';
import { avisoConexion, clasificar, ErrorRecurso, horaLocal, NoExiste, queOcurrio, textoDeError, type Falla, type QueNoExiste } from './fallas.ts';

/** What a citizen must never read: English, a URL, an HTTP code, an exception's name or text. */
const PROHIBIDO = /failed|fetch|network|error|http|\/datos|\.json|TypeError|undefined|null|\d{3} \(/i;

const lanzados: unknown[] = [
  new TypeError('Failed to fetch'),
  new TypeError('NetworkError when attempting to fetch resource.'),
  new TypeError('Load failed'),
  new ErrorRecurso('/datos/14/shards/entidad-GUB-abc.json', 0),
  new ErrorRecurso('/datos/14/shards/entidad-GUB-abc.json', 503),
  new ErrorRecurso('/datos/14/shards/entidad-GUB-abc.json', 404),
  new Error('se esperaba entidad versión 4'),
  new SyntaxError('Unexpected token < in JSON at position 0'),
  'texto suelto',
  undefined,
];

describe('clasificar: what kind of failure a thrown value is', () => {
  it('a TypeError from fetch (any browser wording) or a resource without answer is the network', () => {
    expect(clasificar(new TypeError('Failed to fetch'))).toEqual({ tipo: 'red' });
    expect(clasificar(new TypeError('Load failed'))).toEqual({ tipo: 'red' });
    expect(clasificar(new ErrorRecurso('/x', 0))).toEqual({ tipo: 'red' });
  });

  it('an answer that is not OK is the server; anything unreadable is the data', () => {
    expect(clasificar(new ErrorRecurso('/x', 500))).toEqual({ tipo: 'servidor' });
    expect(clasificar(new Error('se esperaba puntero'))).toEqual({ tipo: 'datos' });
    expect(clasificar(new SyntaxError('Unexpected token'))).toEqual({ tipo: 'datos' });
  });

  it('a missing election, territory, sección or acta is not a connection problem', () => {
    expect(clasificar(new NoExiste('eleccion', 'NOEXISTE', []))).toEqual({ tipo: 'no-existe', que: 'eleccion', id: 'NOEXISTE' });
  });
});

describe('the sentences a citizen reads', () => {
  it('are Spanish and never carry a URL, a code or the exception text', () => {
    for (const e of lanzados) {
      const t = textoDeError(e);
      expect(t, String(e)).not.toMatch(PROHIBIDO);
      expect(t.length).toBeGreaterThan(10);
    }
  });

  it('the resource error itself carries no URL in its message (a console or a log shows it)', () => {
    const e = new ErrorRecurso('/datos/14/shards/x.json', 0);
    expect(e.message).not.toContain('/datos');
    expect(e.url).toBe('/datos/14/shards/x.json');
  });

  it('the network failure says it could not connect', () => {
    expect(textoDeError(new TypeError('Failed to fetch'))).toBe('Sin conexión: no se pudo contactar al servidor del PREP.');
  });

  it('each missing thing says it does not exist, naming it', () => {
    const ques: QueNoExiste[] = ['eleccion', 'distrito', 'municipio', 'seccion', 'acta'];
    for (const que of ques) {
      const t = queOcurrio({ tipo: 'no-existe', que, id: 'X9' });
      expect(t, que).toMatch(/no existe/);
      expect(t, que).toContain('X9');
      expect(t).not.toMatch(/conexión/);
    }
    expect(queOcurrio({ tipo: 'no-existe', que: 'eleccion', id: 'NOEXISTE' })).toBe('La elección «NOEXISTE» no existe en este PREP.');
  });
});

describe('avisoConexion: the notice of a failed check', () => {
  const fallas: Falla[] = [{ tipo: 'red' }, { tipo: 'servidor' }, { tipo: 'datos' }];

  it('claims to show the last data only when data is on screen, and says when it was received', () => {
    // 2024-06-03T02:05Z is 20:05 of June 2 at UTC-6.
    const en = Date.UTC(2024, 5, 3, 2, 5);
    const con = avisoConexion(queOcurrio({ tipo: 'red' }), { en, offsetMinutes: -360, hace: 'hace 3 minutos' });
    expect(con).toBe(
      'Sin conexión: no se pudo contactar al servidor del PREP. Se muestran los últimos datos recibidos, a las 20:05 (UTC-6), hace 3 minutos. ' +
        'La página vuelve a intentarlo sola cada minuto; revisa tu conexión a internet o recarga la página.',
    );
    const sin = avisoConexion(queOcurrio({ tipo: 'red' }), null);
    expect(sin).not.toMatch(/últimos datos|se muestran/i);
    expect(sin).toContain('Todavía no se ha recibido ningún dato.');
  });

  it('always says the page retries by itself, in Spanish', () => {
    for (const f of fallas) {
      for (const r of [null, { en: 0, offsetMinutes: 330, hace: 'hace 1 hora' }]) {
        const t = avisoConexion(queOcurrio(f), r);
        expect(t).toContain('vuelve a intentarlo sola');
        expect(t).not.toMatch(PROHIBIDO);
      }
    }
  });

  it('gives the time of day in the entidad’s fixed offset', () => {
    expect(horaLocal(Date.UTC(2024, 5, 3, 0, 0), 330)).toBe('05:30 (UTC+5:30)');
    expect(horaLocal(Date.UTC(2024, 5, 3, 5, 59), -360)).toBe('23:59 (UTC-6)');
  });
});
