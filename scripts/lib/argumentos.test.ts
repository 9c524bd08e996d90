import { describe, expect, it } from 'vitest';
import { elegirSubcomando, interfaz, leerArgumentos, responder, textoDeUso } from './argumentos.ts';

const prueba = interfaz({
  comando: 'npm run prueba --',
  descripcion: 'Una interfaz de prueba.',
  posicionales: { texto: '<carpeta>', min: 1, max: 1 },
  opciones: {
    seed: { tipo: 'entero', min: 0, max: 100, omision: 7, ayuda: 'semilla' },
    actas: { tipo: 'entero', min: 1, max: 1000, ayuda: 'cuántas actas' },
    horas: { tipo: 'numero', mayorQue: 0, max: 720, omision: 16, valor: 'H', ayuda: 'vigencia' },
    save: { tipo: 'texto', valor: 'DIR', ayuda: 'dónde guardar' },
    salir: { tipo: 'bandera', ayuda: 'termina al final' },
  },
  ejemplos: ['npm run prueba -- ./x --seed 3'],
});

function valores(argv: string[]) {
  const l = leerArgumentos(argv, prueba);
  if (l.tipo !== 'valores') throw new Error(l.texto);
  return l;
}

function salida(argv: string[]) {
  const l = leerArgumentos(argv, prueba);
  if (l.tipo !== 'salida') throw new Error(`se esperaba una salida: ${JSON.stringify(l.valores)}`);
  return l;
}

describe('leerArgumentos', () => {
  it('gives typed values, defaults for the options not given, and the positionals', () => {
    const l = valores(['./x', '--actas', '20', '--horas', '0.5', '--save', 'out', '--salir']);
    expect(l.valores).toEqual({ seed: 7, actas: 20, horas: 0.5, save: 'out', salir: true });
    expect(l.posicionales).toEqual(['./x']);
    const sinNada = valores(['./x']);
    expect(sinNada.valores).toEqual({ seed: 7, actas: undefined, horas: 16, save: undefined, salir: false });
    expect(valores(['./x', '--seed=0']).valores.seed).toBe(0);
    expect(valores(['./x', '--seed', '100']).valores.seed).toBe(100);
  });

  it('answers --help and -h with the usage text and exit code 0', () => {
    for (const a of [['--help'], ['-h'], ['./x', '--seed', 'abc', '--help']]) {
      const l = salida(a);
      expect(l.codigo).toBe(0);
      expect(l.texto).toBe(textoDeUso(prueba));
    }
    const texto = textoDeUso(prueba);
    expect(texto.split('\n')[0]).toBe('uso: npm run prueba -- <carpeta> [opciones]');
    expect(texto).toMatch(/--seed N\s+semilla \(por omisión: 7\)/);
    expect(texto).toMatch(/--horas H\s+vigencia \(por omisión: 16\)/);
    expect(texto).toMatch(/--save DIR\s+dónde guardar\n/);
    expect(texto).toMatch(/--salir\s+termina al final/);
    expect(texto).toMatch(/-h, --help\s+muestra esta ayuda/);
    expect(texto).toContain('ejemplos:\n  npm run prueba -- ./x --seed 3');
  });

  it('refuses an unknown option or a missing value with exit code 2, the error and the usage', () => {
    const desconocida = salida(['./x', '--semilla', '3']);
    expect(desconocida.codigo).toBe(2);
    expect(desconocida.texto).toBe(`error: opción desconocida: --semilla\n\n${textoDeUso(prueba)}`);
    expect(salida(['./x', '-x']).texto.split('\n')[0]).toBe('error: opción desconocida: -x');
    expect(salida(['./x', '--seed']).texto.split('\n')[0]).toBe('error: falta el valor de --seed');
    expect(salida(['./x', '--salir=1']).texto.split('\n')[0]).toBe('error: --salir no lleva valor');
  });

  it('refuses missing or extra positionals with exit code 2', () => {
    expect(salida([]).texto.split('\n')[0]).toBe('error: falta <carpeta>');
    const extra = salida(['./x', './y']);
    expect(extra.codigo).toBe(2);
    expect(extra.texto.split('\n')[0]).toBe('error: argumento inesperado: ./y');
  });

  it('refuses values out of range or not written as a number with one line and exit code 2', () => {
    const casos: [string[], string][] = [
      [['--seed', 'abc'], '--seed debe ser un entero entre 0 y 100 (se recibió «abc»)'],
      [['--seed', '-1'], '--seed debe ser un entero entre 0 y 100 (se recibió «-1»)'],
      [['--seed', '101'], '--seed debe ser un entero entre 0 y 100 (se recibió «101»)'],
      [['--seed', '1.5'], '--seed debe ser un entero entre 0 y 100 (se recibió «1.5»)'],
      [['--seed', '1e1'], '--seed debe ser un entero entre 0 y 100 (se recibió «1e1»)'],
      [['--seed='], '--seed debe ser un entero entre 0 y 100 (se recibió «»)'],
      [['--actas', '0'], '--actas debe ser un entero entre 1 y 1000 (se recibió «0»)'],
      [['--horas', '0'], '--horas debe ser un número mayor que 0 y no mayor que 720 (se recibió «0»)'],
      [['--horas', '721'], '--horas debe ser un número mayor que 0 y no mayor que 720 (se recibió «721»)'],
    ];
    for (const [argv, mensaje] of casos) {
      const l = salida(['./x', ...argv]);
      expect(l.codigo, argv.join(' ')).toBe(2);
      expect(l.texto).toBe(`error: ${mensaje}`);
    }
  });
});

describe('responder', () => {
  it('prints help on stdout and errors on stderr, and returns the exit code', () => {
    const log: string[] = [];
    const error: string[] = [];
    const s = { log: (t: string) => log.push(t), error: (t: string) => error.push(t) };
    expect(responder({ codigo: 0, texto: 'ayuda' }, s)).toBe(0);
    expect(responder({ codigo: 2, texto: 'error: x' }, s)).toBe(2);
    expect(log).toEqual(['ayuda']);
    expect(error).toEqual(['error: x']);
  });
});

describe('elegirSubcomando', () => {
  const s = { comando: 'npm run operators --', descripcion: 'Operadores.', subcomandos: { crear: 'crea uno', listar: 'los lista' } };

  it('takes the first argument as the subcommand and leaves the rest to it', () => {
    expect(elegirSubcomando(['crear', '--id', 'ana'], s)).toEqual({ tipo: 'subcomando', nombre: 'crear', resto: ['--id', 'ana'] });
  });

  it('answers --help with the subcommands, and refuses a missing or unknown one with exit code 2', () => {
    const ayuda = elegirSubcomando(['--help'], s);
    expect(ayuda).toMatchObject({ tipo: 'salida', codigo: 0 });
    if (ayuda.tipo !== 'salida') throw new Error('unreachable');
    expect(ayuda.texto).toMatch(/^uso: npm run operators -- <subcomando> \[opciones\]/);
    expect(ayuda.texto).toMatch(/crear\s+crea uno\n\s+listar\s+los lista/);
    expect(elegirSubcomando([], s)).toMatchObject({ codigo: 2, texto: expect.stringMatching(/^error: falta el subcomando\n\nuso:/) });
    expect(elegirSubcomando(['--id', 'x'], s)).toMatchObject({ codigo: 2, texto: expect.stringMatching(/^error: falta el subcomando/) });
    expect(elegirSubcomando(['borrar'], s)).toMatchObject({ codigo: 2, texto: expect.stringMatching(/^error: subcomando desconocido: borrar/) });
    expect(elegirSubcomando(['toString'], s)).toMatchObject({ codigo: 2 });
  });
});
