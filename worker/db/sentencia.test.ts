import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { comoTexto, preparar, sentencia } from './sentencia.ts';

describe('statements as values', () => {
  it('render with literal values that D1 reads back exactly', async () => {
    const s = sentencia('INSERT INTO configuracion (clave, valor) VALUES (?, ?)', "o'neil", 'a ? b; DROP TABLE x');
    expect(comoTexto(s)).toBe("INSERT INTO configuracion (clave, valor) VALUES ('o''neil', 'a ? b; DROP TABLE x');");
    await env.DB.exec(comoTexto(s));
    const r = await env.DB.prepare("SELECT valor FROM configuracion WHERE clave = 'o''neil'").first<{ valor: string }>();
    expect(r!.valor).toBe('a ? b; DROP TABLE x');
  });

  it('refuse a mismatch of placeholders and values, non-finite numbers, and more than 100 parameters', () => {
    expect(() => comoTexto(sentencia('SELECT ?, ?', 1))).toThrow();
    expect(() => comoTexto(sentencia('SELECT ?', Number.NaN))).toThrow();
    expect(comoTexto(sentencia('SELECT ?, ?', null, -2.5))).toBe('SELECT NULL, -2.5;');
    expect(() => preparar(env.DB, sentencia('SELECT 1', ...Array<number>(101).fill(1)))).toThrow(/101 parámetros/);
  });
});
