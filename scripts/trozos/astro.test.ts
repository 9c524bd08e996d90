// Which file each first-load module of the entidad view goes into, from the pages that reach it (a small module
// graph standing in for Rolldown's: entries are pages' scripts and islands, importers are static imports).
import { describe, expect, it } from 'vitest';
import { archivoDe, trozos } from './astro.ts';

const E = '/p/site/pages/eleccion/index.astro?astro&type=script&index=0&lang.ts';
const P = '/p/site/components/Inicio.tsx';
const W = '/p/site/pages/difusor/widget/index.astro?astro&type=script&index=0&lang.ts';
const O = '/p/site/components/catd/Captura.tsx';
const RENDERER = '/p/node_modules/@astrojs/preact/dist/client.js';

/** module → its importers; entries have none of their own. */
const grafo: Record<string, string[]> = {
  [E]: [],
  [P]: [],
  [W]: [],
  [O]: [],
  [RENDERER]: [],
  '/p/site/components/Eleccion.tsx': [E],
  '/p/site/lib/ruta.ts': ['/p/site/components/Eleccion.tsx', P],
  '/p/site/lib/widget.ts': ['/p/site/lib/ruta.ts', W],
  '/p/node_modules/preact/dist/preact.module.js': ['/p/site/lib/widget.ts', O, RENDERER],
  '/p/site/lib/consulta.ts': [P],
};
const ctx = {
  getModuleInfo: (id: string) => (id in grafo ? { id, isEntry: grafo[id]!.length === 0, importers: grafo[id]! } : null),
};

describe('scripts/trozos/astro.ts', () => {
  it('groups a module by the set of pages that load it first, when the entidad view is one of them', () => {
    expect(archivoDe('/p/site/components/Eleccion.tsx', ctx)).toBe('eleccion');
    expect(archivoDe('/p/site/lib/ruta.ts', ctx)).toBe('portal');
    expect(archivoDe('/p/site/lib/widget.ts', ctx)).toBe('difusion');
    expect(archivoDe('/p/node_modules/preact/dist/preact.module.js', ctx)).toBe('base');
  });

  it('leaves to the bundler what the entidad view does not load first, and every Astro page script', () => {
    expect(archivoDe('/p/site/lib/consulta.ts', ctx)).toBeNull();
    expect(archivoDe(E, ctx)).toBeNull();
  });

  it('gives the group of more pages the higher priority, so a shared import goes to the file of more pages', () => {
    const g = trozos().groups;
    const grupoDe = (id: string) => g.find((x) => x.name(id, ctx) !== null)!;
    expect(grupoDe('/p/node_modules/preact/dist/preact.module.js').priority).toBeGreaterThan(grupoDe('/p/site/lib/ruta.ts').priority);
    expect(grupoDe('/p/site/lib/ruta.ts').priority).toBeGreaterThan(grupoDe('/p/site/components/Eleccion.tsx').priority);
  });
});
