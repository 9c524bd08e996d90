import { describe, expect, it } from 'vitest';
import { commitDe } from './git.ts';

const A = 'a'.repeat(40);
const B = 'b'.repeat(40);

describe('commit of a checkout', () => {
  it('reads HEAD through loose refs, packed refs or a detached sha', () => {
    expect(commitDe('ref: refs/heads/main\n', { '../../.git/refs/heads/main': `${A}\n` }, undefined, '../../.git/')).toBe(A);
    expect(commitDe('ref: refs/heads/main\n', {}, `# pack-refs with: peeled\n${B} refs/heads/main\n`, '../../.git/')).toBe(B);
    expect(commitDe(`${A}\n`, {}, undefined, '../../.git/')).toBe(A);
    expect(commitDe(undefined, {}, undefined, '../../.git/')).toBeNull();
    expect(commitDe('ref: refs/heads/otra', {}, `${B} refs/heads/main`, '../../.git/')).toBeNull();
  });
});
