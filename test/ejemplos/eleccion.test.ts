import { describe, expect, it } from 'vitest';
import { clasificarActa, observacionesTexto, type Clasificacion } from '../../worker/domain/acta/clasificar.ts';
import { actasEsperadas, type ActaEsperada } from '../../worker/domain/acta/esperadas.ts';
import { ActaPublicadaSchema } from '../../worker/domain/acta/publicada.ts';
import { actaRegistrada, entradaConteo } from '../../worker/domain/acta/registrada.ts';
import { MotivoSinActaSchema } from '../../worker/domain/acta/esquema.ts';
import { CatalogoSchema, TipoCasillaSchema } from '../../worker/domain/catalogo/esquema.ts';
import { candidaturaDeColumna } from '../../worker/domain/conteo/candidaturas.ts';
import { conteoVacio, sumarActa, sumarConteo, sumarEsperada, type Conteo } from '../../worker/domain/conteo/conteo.ts';
import { figuras } from '../../worker/domain/conteo/figuras.ts';
import { FIXTURE_APERTURA_MS, fixtureActas, catalogoEjemplo } from './eleccion.ts';

function esperadas(): ActaEsperada[] {
  const r = actasEsperadas(catalogoEjemplo);
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.value;
}

function clasificar(i: number): Clasificacion {
  const { acta } = fixtureActas[i]!;
  const esperada = esperadas().find((e) => e.clave === acta.clave);
  const r = actaRegistrada(acta, esperada);
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return clasificarActa(r.value);
}

/**
 * The tally of one election at the fixture's corte. Without `filtro`: the whole entidad, fuera de catálogo
 * included; with it: only the expected actas that pass it (a territory).
 */
function tallyDe(eleccion: string, filtro?: (e: ActaEsperada) => boolean): Conteo {
  const t = conteoVacio();
  const incluida = (e: ActaEsperada | undefined) => (e === undefined ? filtro === undefined : (filtro?.(e) ?? true));
  const porClave = new Map(esperadas().map((e) => [e.clave, e]));
  const registradas = new Set(fixtureActas.map((f) => f.acta.clave));
  for (const e of esperadas()) {
    if (e.eleccion.codigo === eleccion && incluida(e) && !registradas.has(e.clave)) sumarEsperada(t);
  }
  for (const { acta } of fixtureActas) {
    const esperada = porClave.get(acta.clave);
    if (acta.identificacion.eleccion !== eleccion || !incluida(esperada)) continue;
    const r = actaRegistrada(acta, esperada);
    if (!r.ok) throw new Error(JSON.stringify(r.error));
    sumarActa(t, entradaConteo(acta, esperada, clasificarActa(r.value)));
  }
  return t;
}

describe('fixture catalogue', () => {
  it('parses with CatalogoSchema', () => {
    expect(CatalogoSchema.parse(catalogoEjemplo)).toEqual(catalogoEjemplo);
  });

  it('has every casilla type and a ballot for every election and territory: 45 expected actas', () => {
    expect(new Set(catalogoEjemplo.casillas.map((c) => c.tipo))).toEqual(new Set(TipoCasillaSchema.options));
    expect(esperadas()).toHaveLength(45);
    expect(esperadas()[0]!.clave).toBe('140338B01004');
  });

  it('has exactly the candidaturas its ballots produce', () => {
    for (const b of catalogoEjemplo.boletas) {
      const deBoleta = new Set(candidaturaDeColumna(b).values());
      const filas = catalogoEjemplo.candidaturas.filter((c) => c.eleccion === b.eleccion && c.territorio === b.territorio);
      expect(new Set(filas.map((c) => c.partidoCi)), `${b.eleccion}/${b.territorio}`).toEqual(deBoleta);
      expect(filas).toHaveLength(deBoleta.size);
    }
  });

  it('ballot coalitions are subsets of the catalogue coalitions; columns are parties or combinations', () => {
    const siglas = new Set(catalogoEjemplo.partidos.map((p) => p.siglas));
    for (const b of catalogoEjemplo.boletas) {
      for (const c of b.coaliciones) {
        const coalicion = catalogoEjemplo.coaliciones.find((x) => x.id === c.coalicion)!;
        for (const p of c.partidos) expect(coalicion.partidos).toContain(p);
      }
      for (const col of b.columnas) expect(col.split('_').every((p) => siglas.has(p)) || siglas.has(col)).toBe(true);
    }
  });

  it('every casilla is covered by exactly one CATD per election', () => {
    for (const e of esperadas()) {
      const catds = catalogoEjemplo.catds.filter(
        (c) =>
          c.elecciones.includes(e.eleccion.codigo) &&
          (c.ambito === 'distrito' ? c.territorio === e.seccion.distrito : c.territorio === e.seccion.municipio),
      );
      expect(catds, e.clave).toHaveLength(1);
    }
  });
});

describe('fixture actas', () => {
  it('are valid ActaPublicada with unique claves; catalogue ones are expected actas, fuera de catálogo are not', () => {
    const claves = new Set(esperadas().map((e) => e.clave));
    for (const { acta } of fixtureActas) {
      expect(ActaPublicadaSchema.parse(acta)).toEqual(acta);
      expect(claves.has(acta.clave)).toBe(acta.registro !== 'fuera_catalogo');
      expect(acta.acopioAt!).toBeGreaterThan(FIXTURE_APERTURA_MS);
    }
    expect(new Set(fixtureActas.map((f) => f.acta.clave)).size).toBe(fixtureActas.length);
  });

  it.each(fixtureActas.map((f, i) => [f.acta.clave, f.descripcion, i] as const))('%s: %s', (_clave, _d, i) => {
    const c = clasificar(i);
    const { esperado } = fixtureActas[i]!;
    expect({ estatus: c.estatus, observaciones: observacionesTexto(c.observaciones), totalVotosCalculado: c.totalVotosCalculado }).toEqual(
      esperado,
    );
  });

  it('cover every status, every observation, every sin acta motivo and casillas S and M', () => {
    const cs = fixtureActas.map((_, i) => clasificar(i));
    expect(new Set(cs.map((c) => c.estatus)).size).toBe(6);
    expect(new Set(cs.flatMap((c) => c.observaciones.map((o) => o.tipo))).size).toBe(7);
    expect(new Set(fixtureActas.flatMap((f) => (f.acta.motivoSinActa ? [f.acta.motivoSinActa] : [])))).toEqual(
      new Set(MotivoSinActaSchema.options),
    );
    expect(cs.some((c) => c.observaciones.length > 1)).toBe(true);
    const tipos = new Set(fixtureActas.map((f) => f.acta.identificacion.tipo));
    for (const t of TipoCasillaSchema.options) expect(tipos).toContain(t);
  });
});

describe('fixture corte figures (hand-computed)', () => {
  it('Gubernatura', () => {
    expect(figuras(tallyDe('GUB'), { final: false })).toEqual({
      ACTAS_ESPERADAS: 15,
      ACTAS_REGISTRADAS: 15, // 14 of the catalogue + 1 fuera de catálogo
      ACTAS_FUERA_CATALOGO: 1,
      ACTAS_CAPTURADAS: 14,
      PORCENTAJE_ACTAS_CAPTURADAS: 93.3333,
      ACTAS_CONTABILIZADAS: 7, // 338B1, 338C1, 339B1, 339S1, 1120B1, 2301M1, 2302B1
      PORCENTAJE_ACTAS_CONTABILIZADAS: 46.6666,
      PORCENTAJE_ACTAS_INCONSISTENCIAS: 53.3333, // 8: two excede, two with Ilegible/Sin dato, three todos, excede+ilegible
      ACTAS_NO_CONTABILIZADAS: 7,
      LISTA_NOMINAL_ACTAS_CONTABILIZADAS: 2763, // 612 + 611 + 540 + 0 + 480 + 0 + 520
      TOTAL_VOTOS_C_CS: 2810, // 530 + 620 + 423 + 756 + 361 + 120 + 0
      TOTAL_VOTOS_S_CS: 2054, // without the especial's 756
      PORCENTAJE_PARTICIPACION_CIUDADANA: 74.3394,
    });
    expect(figuras(tallyDe('GUB'), { final: true }).PORCENTAJE_PARTICIPACION_CIUDADANA).toBe(101.701);
  });

  it('Diputaciones locales', () => {
    expect(figuras(tallyDe('DIP_LOC'), { final: false })).toEqual({
      ACTAS_ESPERADAS: 15,
      ACTAS_REGISTRADAS: 5,
      ACTAS_FUERA_CATALOGO: 0,
      ACTAS_CAPTURADAS: 5,
      PORCENTAJE_ACTAS_CAPTURADAS: 33.3333,
      ACTAS_CONTABILIZADAS: 2,
      PORCENTAJE_ACTAS_CONTABILIZADAS: 13.3333,
      PORCENTAJE_ACTAS_INCONSISTENCIAS: 0, // three sin acta are not inconsistencies
      ACTAS_NO_CONTABILIZADAS: 3,
      LISTA_NOMINAL_ACTAS_CONTABILIZADAS: 1059,
      TOTAL_VOTOS_C_CS: 825,
      TOTAL_VOTOS_S_CS: 825,
      PORCENTAJE_PARTICIPACION_CIUDADANA: 77.9036,
    });
  });

  it('Munícipes', () => {
    const t = tallyDe('AYUN');
    expect(figuras(t, { final: false })).toMatchObject({
      ACTAS_ESPERADAS: 15,
      ACTAS_REGISTRADAS: 4,
      ACTAS_FUERA_CATALOGO: 1,
      ACTAS_CAPTURADAS: 3,
      PORCENTAJE_ACTAS_CAPTURADAS: 20,
      ACTAS_CONTABILIZADAS: 3,
      LISTA_NOMINAL_ACTAS_CONTABILIZADAS: 1747,
      TOTAL_VOTOS_C_CS: 1337,
      PORCENTAJE_PARTICIPACION_CIUDADANA: 76.5311,
    });
  });

  it('votes by candidatura in Zapopan: SHHJ = PVEM + MORENA + PVEM_MORENA; PAN, PRI, PRD on their own', () => {
    const zapopan = tallyDe('AYUN', (e) => e.territorio === 120);
    expect(zapopan.candidaturas).toEqual({ PAN: 70, PRI: 30, PRD: 6, PT: 19, MC: 160, CI_1: 45, SHHJ: 16 + 130 + 3 });
    expect(zapopan.votos).toMatchObject({ PVEM: 16, MORENA: 130, PVEM_MORENA: 3, NO_REGISTRADAS: 1, NULOS: 8 });
  });

  it('Gubernatura: the entidad equals the merge of its distritos and of its municipios (fuera de catálogo aside)', () => {
    const entidad = tallyDe('GUB', () => true);
    const porDistrito = [1, 2].map((d) => tallyDe('GUB', (e) => e.seccion.distrito === d));
    const porMunicipio = [39, 98, 120].map((m) => tallyDe('GUB', (e) => e.seccion.municipio === m));
    for (const partes of [porDistrito, porMunicipio]) {
      const suma = conteoVacio();
      for (const o of partes) sumarConteo(suma, o);
      expect(suma).toEqual(entidad);
    }
    expect(entidad.fueraCatalogo).toBe(0);
  });
});
