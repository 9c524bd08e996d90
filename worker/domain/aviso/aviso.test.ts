import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAXIMO_TEXTO_AVISO } from '../contrato/aviso.ts';
import { AvisoSchema, avisoPublicado, avisoRetirado, PedidoAvisoSchema } from './aviso.ts';

describe('the institute notice', () => {
  it('takes one line of text, trimmed, informativo unless said otherwise', () => {
    expect(PedidoAvisoSchema.parse({ texto: '  El corte de las 22:00 se retrasa unos minutos.  ' })).toEqual({
      texto: 'El corte de las 22:00 se retrasa unos minutos.',
      nivel: 'informativo',
    });
    expect(PedidoAvisoSchema.parse({ texto: 'Corte final a las 20:00', nivel: 'importante' }).nivel).toBe('importante');
  });

  it.each([
    [{ texto: '' }, 'vacío'],
    [{ texto: '   ' }, 'vacío'],
    [{ texto: 'x'.repeat(MAXIMO_TEXTO_AVISO + 1) }, '280'],
    [{ texto: 'dos\nlíneas' }, 'una sola línea'],
    [{ texto: 'a', nivel: 'urgente' }, 'nivel'],
    [{ texto: 'a', html: '<b>' }, 'html'],
  ])('refuses %j, saying why', (pedido, palabra) => {
    const r = PedidoAvisoSchema.safeParse(pedido);
    expect(r.success).toBe(false);
    expect(JSON.stringify(r.error?.issues)).toContain(palabra);
  });

  it('publishes and withdraws objects the contract schema accepts, for any accepted text', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: MAXIMO_TEXTO_AVISO }), fc.integer({ min: 0, max: 2 ** 45 }), (texto, instante) => {
        const p = PedidoAvisoSchema.safeParse({ texto });
        if (!p.success) return;
        const aviso = avisoPublicado(p.data, instante);
        expect(AvisoSchema.parse(aviso)).toEqual(aviso);
        expect(aviso.texto!.length).toBeLessThanOrEqual(MAXIMO_TEXTO_AVISO);
      }),
    );
    expect(AvisoSchema.parse(avisoRetirado(5))).toEqual({ tipo: 'aviso', texto: null, nivel: 'informativo', instante: 5 });
  });
});
