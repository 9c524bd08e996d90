// The views rendered (preact-render-to-string) from figures the domain core computes over its fixture election:
// what is on screen must be exactly the domain's figures, formatted es-MX.
import { h } from 'preact';
import { render } from 'preact-render-to-string';
import { describe, expect, it } from 'vitest';
import { clasificarActa } from '../../worker/domain/acta/clasificar.ts';
import { actasEsperadas, type ActaEsperada } from '../../worker/domain/acta/esperadas.ts';
import { actaRegistrada, entradaConteo } from '../../worker/domain/acta/registrada.ts';
import { FIXTURE_APERTURA_MS, fixtureActas, catalogoEjemplo as cat } from '../../test/ejemplos/eleccion.ts';
import { conteoVacio, sumarActa, sumarEsperada, type Conteo } from '../../worker/domain/conteo/conteo.ts';
import { figuras } from '../../worker/domain/conteo/figuras.ts';
import { entero, fechaHora, porcentaje } from '../lib/formato.ts';
import type { ActaVista, CorteInfo, FilaTerritorio, VistaTerritorio as DatosTerritorio } from '../lib/modelo.ts';
import VistaActa from './VistaActa.tsx';
import VistaTerritorio from './VistaTerritorio.tsx';

const esperadas = (() => {
  const r = actasEsperadas(cat);
  if (!r.ok) throw new Error('fixture');
  return r.value;
})();
const porClave = new Map(esperadas.map((e) => [e.clave, e]));

function tally(eleccion: string, filtro: (e: ActaEsperada) => boolean): Conteo {
  const t = conteoVacio();
  const registradas = new Set(fixtureActas.map((f) => f.acta.clave));
  for (const e of esperadas) if (e.eleccion.codigo === eleccion && filtro(e) && !registradas.has(e.clave)) sumarEsperada(t);
  for (const { acta } of fixtureActas) {
    const e = porClave.get(acta.clave);
    if (!e || e.eleccion.codigo !== eleccion || !filtro(e)) continue;
    const r = actaRegistrada(acta, e);
    if (!r.ok) throw new Error('fixture');
    sumarActa(t, entradaConteo(acta, e, clasificarActa(r.value)));
  }
  return t;
}

const corte: CorteInfo = {
  numero: 1,
  instante: FIXTURE_APERTURA_MS + 3_600_000,
  offsetMinutes: cat.entidad.utcOffsetMinutes,
  final: false,
  entidad: cat.entidad,
};
const catalogo = { partidos: cat.partidos, coaliciones: cat.coaliciones };
const gub = cat.elecciones.find((e) => e.codigo === 'GUB')!;

function vistaEntidad(): DatosTerritorio {
  const t = tally('GUB', () => true);
  const hijos: FilaTerritorio[] = cat.distritos.map((d) => {
    const td = tally('GUB', (e) => e.seccion.distrito === d.id);
    return { nivel: 'distrito', id: d.id, nombre: d.cabecera, figuras: figuras(td, { final: false }), votos: td.votos, candidaturas: td.candidaturas };
  });
  return {
    corte,
    eleccion: gub,
    catalogo,
    nivel: 'entidad',
    id: 0,
    nombre: cat.entidad.nombre,
    figuras: figuras(t, { final: false }),
    votos: t.votos,
    candidaturas: t.candidaturas,
    hijos,
  };
}

const texto = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/&nbsp;|\s+/g, ' ');

describe('entidad view', () => {
  const d = vistaEntidad();
  const html = render(h(VistaTerritorio, { datos: d }));
  const t = texto(html);

  it('shows the 13 figures the domain computed', () => {
    const f = d.figuras;
    expect(f.ACTAS_CONTABILIZADAS).toBeGreaterThan(0);
    for (const v of [f.ACTAS_ESPERADAS, f.ACTAS_CAPTURADAS, f.ACTAS_CONTABILIZADAS, f.TOTAL_VOTOS_C_CS, f.TOTAL_VOTOS_S_CS, f.LISTA_NOMINAL_ACTAS_CONTABILIZADAS, f.ACTAS_NO_CONTABILIZADAS, f.ACTAS_REGISTRADAS]) {
      expect(t).toContain(entero(v));
    }
    for (const p of [f.PORCENTAJE_ACTAS_CAPTURADAS, f.PORCENTAJE_ACTAS_CONTABILIZADAS, f.PORCENTAJE_PARTICIPACION_CIUDADANA, f.PORCENTAJE_ACTAS_INCONSISTENCIAS]) {
      expect(t).toContain(porcentaje(p));
    }
  });

  it('shows every candidatura with its votes, coalitions by name', () => {
    for (const [id, v] of Object.entries(d.candidaturas)) {
      const nombre = cat.coaliciones.find((c) => c.id === id)?.nombre ?? id;
      expect(t).toContain(nombre);
      expect(t).toContain(entero(v));
    }
  });

  it('has one row per distrito linking to it, with its leader', () => {
    for (const h of d.hijos) expect(html).toContain(`href="/eleccion/?e=GUB&amp;d=${h.id}"`);
    expect(html).toContain('aria-label="Ver los votos"');
    expect(html).toMatch(/<table class="ordenable" id="tabla-territorios">/);
  });

  it('as of a past corte, a distrito link keeps it, and so does a distrito\'s link to each of its secciones', () => {
    const pasado = render(h(VistaTerritorio, { datos: d, corte: 3 }));
    for (const f of d.hijos) expect(pasado).toContain(`href="/eleccion/?e=GUB&amp;d=${f.id}&amp;corte=3"`);
    const s = cat.secciones.filter((x) => x.distrito === d.hijos[0]!.id).map((x) => x.id);
    expect(s.length).toBeGreaterThan(0);
    const fila = d.hijos[0]!;
    const distrito = { ...d, nivel: 'distrito' as const, id: fila.id, hijos: s.map((id) => ({ ...fila, nivel: 'seccion' as const, id, nombre: `Sección ${id}` })) };
    const vivo = render(h(VistaTerritorio, { datos: distrito }));
    const alCorte = render(h(VistaTerritorio, { datos: distrito, corte: 3 }));
    for (const id of s) {
      expect(vivo).toContain(`&amp;s=${id}"`);
      expect(alCorte).not.toContain(`&amp;s=${id}"`);
      expect(alCorte).toContain(`&amp;s=${id}&amp;corte=3"`);
      expect(texto(alCorte)).toContain(`Sección ${id}`);
    }
  });
});

describe('acta view', () => {
  const conIlegible = fixtureActas.find((f) => f.esperado.observaciones.includes('Ilegible') && f.acta.imagen)!;
  const { acta } = conIlegible;
  const e = porClave.get(acta.clave)!;
  const r = actaRegistrada(acta, e);
  if (!r.ok) throw new Error('fixture');
  const c = clasificarActa(r.value);
  const vista: ActaVista = {
    clave: acta.clave,
    casilla: { ...e.casilla, clave: acta.clave.slice(0, 11) },
    registrada: true,
    estatus: c.estatus,
    contabilizada: c.contabilizada,
    observaciones: c.observaciones,
    votos: acta.captura!.votos,
    totales: acta.captura!.totales,
    mecanismoTraslado: acta.mecanismoTraslado,
    totalVotosCalculado: c.totalVotosCalculado,
    imagen: { ...acta.imagen!, url: `/datos/imagen/${acta.imagen!.sha256}` },
    acopioAt: acta.acopioAt,
    capturaAt: acta.capturaAt,
    verificacionAt: acta.verificacionAt,
    cotejada: acta.cotejada,
  };
  const html = render(h(VistaActa, { acta: vista, corte, catalogo }));
  const t = texto(html);

  it('shows status, observations, integrity code, times and how to check the image', () => {
    expect(t).toContain('Ilegible (cuenta como cero)');
    expect(html).toContain(acta.imagen!.sha256);
    expect(t).toContain(fechaHora(acta.acopioAt!, -360, true));
    expect(t).toContain(fechaHora(acta.verificacionAt!, -360, true));
    expect(t).toContain('sha256sum');
    expect(t).toContain(entero(c.totalVotosCalculado));
    expect(t).toContain('Ilegible');
  });
});
