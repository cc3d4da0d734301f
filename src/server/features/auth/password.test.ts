import { describe, expect, it } from 'vitest';
import { createPasswordHasher } from './password';

describe('password hasher', () => {
  const hasher = createPasswordHasher({ N: 2 ** 12, r: 8, p: 1 });

  it('verifies the right password and rejects a wrong one', async () => {
    const hash = await hasher.hash('correct horse battery');
    expect(hash.startsWith('scrypt$4096$8$1$')).toBe(true);
    expect(await hasher.verify('correct horse battery', hash)).toBe(true);
    expect(await hasher.verify('correct horse batterY', hash)).toBe(false);
  });

  it('salts each hash differently', async () => {
    expect(await hasher.hash('same password')).not.toBe(await hasher.hash('same password'));
  });

  it('rejects a malformed stored hash', async () => {
    expect(await hasher.verify('x', 'md5$abc')).toBe(false);
  });
});
