/** Rate limit per token: over the token's limit per minute, 429 with Retry-After; not an audited refusal. */
import { env } from 'cloudflare:workers';
import { beforeAll, describe, expect, it } from 'vitest';
import { HORA, error, llamar, prepararEscenario, ultima } from '../../../../test/captura/ayuda.ts';
import { ejecutorD1, emitirToken } from '../../../db/administracion.ts';

beforeAll(async () => {
  await prepararEscenario();
});

describe('rate limit', () => {
  const ruta = '/api/v1/actas/140338B01004';

  /** The counter is per clock minute: start well inside one, so the requests below share their window. */
  async function lejosDelCambioDeMinuto() {
    const resta = 60_000 - (Date.now() % 60_000);
    if (resta < 3_000) await new Promise((r) => setTimeout(r, resta + 50));
  }

  it('over the token’s limit: 429 with Retry-After (not audited); another token is not affected', async () => {
    await lejosDelCambioDeMinuto();
    const { token } = await emitirToken(ejecutorD1(env.DB), { operador: 'admin', vigenciaMs: HORA, limitePorMinuto: 3 }, Date.now());
    for (let i = 0; i < 3; i++) expect((await llamar('GET', ruta, { token })).status).toBe(200);
    const antes = await ultima();
    const r = await llamar('GET', ruta, { token });
    expect(Number(r.headers.get('retry-after'))).toBeGreaterThan(0);
    await error(r, 429, 'LIMITE_DE_SOLICITUDES');
    expect((await ultima())!.id).toBe(antes!.id);
    const otro = await emitirToken(ejecutorD1(env.DB), { operador: 'admin', vigenciaMs: HORA, limitePorMinuto: 3 }, Date.now());
    expect((await llamar('GET', ruta, { token: otro.token })).status).toBe(200);
  });
});
