/**
 * Operators in D1 through the Worker binding: a PREP Casilla device bound to many casillas is inserted in chunks
 * under D1's 100-parameter limit (unchunked, workerd refuses it), all or nothing; the credential lookup returns the
 * operator's roles, CATD scope and casillas.
 */
import { env } from 'cloudflare:workers';
import { beforeAll, describe, expect, it } from 'vitest';
import { generarJalisco } from '../../scripts/generador/generar.ts';
import { claveCasilla } from '../domain/claves/clave.ts';
import { crearOperador, CambioRechazado, ejecutorD1, emitirToken } from './administracion.ts';
import { cargarCatalogo } from './catalogo-carga.ts';
import { leerCredencial, sentenciasCrearOperador } from './operadores.ts';
import { D1_MAX_PARAMS } from './sql-lotes.ts';

const db = env.DB;
const cat = generarJalisco(2024);
const casillas = cat.casillas.slice(0, 160).map((c) => claveCasilla(cat.entidad.id, c));
const dispositivo = (id: string, cs: string[]) => ({ id, nombre: id, ambito: 'CASILLA' as const, catd: null, roles: ['digitalizacion' as const], casillas: cs });

beforeAll(async () => {
  await cargarCatalogo(db, cat);
});

describe('operators in D1', () => {
  it('chunks the casillas of a device (and their existence check) under 100 parameters per statement', () => {
    const s = sentenciasCrearOperador(dispositivo('tel-1', casillas), 0);
    const params = s.map((x) => x.params.length);
    expect(Math.max(...params)).toBeLessThanOrEqual(D1_MAX_PARAMS);
    expect(s.filter((x) => x.sql.startsWith('INSERT INTO operador_casilla'))).toHaveLength(Math.ceil(160 / 50));
  });

  it('one statement with every casilla would be refused by D1: the chunking is load-bearing', async () => {
    const tuplas = casillas.map(() => '(?, ?)').join(', ');
    await expect(db.prepare(`INSERT INTO operador_casilla (operador, casilla) VALUES ${tuplas}`).bind(...casillas.flatMap((c) => ['x', c])).run()).rejects.toThrow(/too many SQL variables/);
  });

  it('creates the device with all its casillas in one batch', async () => {
    await crearOperador(ejecutorD1(db), dispositivo('tel-1', casillas), Date.now());
    const n = await db.prepare("SELECT count(*) AS n FROM operador_casilla WHERE operador = 'tel-1'").first<{ n: number }>();
    expect(n!.n).toBe(160);
  });

  it('one unknown casilla among many refuses the whole operator', async () => {
    const malas = [...casillas.slice(0, 120), '149999B0100'];
    await expect(crearOperador(ejecutorD1(db), dispositivo('tel-2', malas), Date.now())).rejects.toEqual(new CambioRechazado('CASILLA_DESCONOCIDA'));
    const n = await db.prepare("SELECT (SELECT count(*) FROM operador WHERE id = 'tel-2') + (SELECT count(*) FROM operador_casilla WHERE operador = 'tel-2') AS n").first<{ n: number }>();
    expect(n!.n).toBe(0);
  });

  it('reads a credential: token, roles, CATD scope with its elections, casillas', async () => {
    const ej = ejecutorD1(db);
    const catd = cat.catds.find((c) => c.ambito === 'municipio')!;
    await crearOperador(ej, { id: 'sup-1', nombre: 'Sup', ambito: 'CATD', catd: catd.id, roles: ['supervisor', 'captura'], casillas: [] }, Date.now());
    const t = await emitirToken(ej, { operador: 'sup-1', vigenciaMs: 60_000, limitePorMinuto: 30 }, Date.now());
    const c = await leerCredencial(db, t.id);
    expect(c).toMatchObject({ revocadoAt: null, limitePorMinuto: 30, activo: true, expiraAt: t.expiraAt });
    expect(c!.operador).toEqual({
      id: 'sup-1',
      nombre: 'Sup',
      ambito: 'CATD',
      roles: expect.arrayContaining(['supervisor', 'captura']),
      catd: { id: catd.id, ambito: 'municipio', territorio: catd.territorio, elecciones: expect.arrayContaining(catd.elecciones) },
      casillas: [],
      tokenId: t.id,
    });
    expect((await leerCredencial(db, t.id.replace(/./, 'z')))).toBeNull();
    const tel = await emitirToken(ej, { operador: 'tel-1', vigenciaMs: 60_000, limitePorMinuto: 30 }, Date.now());
    expect((await leerCredencial(db, tel.id))!.operador.casillas).toHaveLength(160);
  });
});
