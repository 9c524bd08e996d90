import { describe, expect, it } from 'vitest';
import { rutaEntrar, volverSeguro } from './navegacion.ts';

describe('volverSeguro', () => {
  it('accepts only paths of the CATD screens', () => {
    expect(volverSeguro('/catd/captura/')).toBe('/catd/captura/');
    for (const v of [null, '', '/', '/consulta/', 'https://x.test/catd/', '//x.test/catd/', '/catd//x.test', '/catd/?a=1', '/catd/../api/']) {
      expect(volverSeguro(v), String(v)).toBe('/catd/');
    }
  });
});

describe('rutaEntrar', () => {
  it('carries a known reason and the screen to come back to, nothing else', () => {
    expect(rutaEntrar('SESION_EXPIRADA', '/catd/')).toBe('/catd/entrar/?motivo=SESION_EXPIRADA');
    expect(rutaEntrar('SESION_REVOCADA', '/catd/captura/')).toBe('/catd/entrar/?motivo=SESION_REVOCADA&volver=%2Fcatd%2Fcaptura%2F');
    expect(rutaEntrar('OTRA_COSA', '/fuera/')).toBe('/catd/entrar/?motivo=SESION_AUSENTE');
  });
});
