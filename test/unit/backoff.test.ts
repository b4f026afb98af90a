import { describe, expect, it } from 'vitest';
import { withBackoff } from '#shared/adapters/backoff';

class Busy extends Error {}

/** A run that fails with `failures` in turn, then answers `done`; it counts its tries. */
const flaky = (failures: readonly Error[]) => {
  let tries = 0;
  const run = async () => {
    const failure = failures[tries++];
    if (failure) throw failure;
    return 'done';
  };
  return { run, tries: () => tries };
};

describe('withBackoff', () => {
  it('tries again while the failure is one worth retrying, and answers the first success', async () => {
    const { run, tries } = flaky([new Busy(), new Busy()]);
    await expect(withBackoff(run, { attempts: 3, retryIf: (e) => e instanceof Busy })).resolves.toBe('done');
    expect(tries()).toBe(3);
  });

  it('throws any other failure at once', async () => {
    const fatal = new Error('condition failed');
    const { run, tries } = flaky([new Busy(), fatal]);
    await expect(withBackoff(run, { attempts: 5, retryIf: (e) => e instanceof Busy })).rejects.toBe(fatal);
    expect(tries()).toBe(2);
  });

  it('stops after `attempts` tries with the last failure, or what `exhausted` makes of it', async () => {
    const last = new Busy('third');
    const plain = flaky([new Busy(), new Busy(), last, new Busy()]);
    await expect(withBackoff(plain.run, { attempts: 3, retryIf: (e) => e instanceof Busy })).rejects.toBe(last);
    expect(plain.tries()).toBe(3);
    const mapped = flaky([new Busy(), new Busy()]);
    const gaveUp = new Error('gave up');
    await expect(withBackoff(mapped.run, { attempts: 2, retryIf: (e) => e instanceof Busy, exhausted: () => gaveUp })).rejects.toBe(gaveUp);
    expect(mapped.tries()).toBe(2);
  });
});
