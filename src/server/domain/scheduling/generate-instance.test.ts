import { describe, expect, it } from 'vitest';
import { generateInstance } from './generate-instance';
import { compileInstance } from './compile-instance';

describe('generateInstance', () => {
  it('is deterministic for a seed and differs across seeds', () => {
    const a = generateInstance({ seed: 1, participants: 200, oversubscription: 1.2 });
    expect(generateInstance({ seed: 1, participants: 200, oversubscription: 1.2 })).toEqual(a);
    expect(generateInstance({ seed: 2, participants: 200, oversubscription: 1.2 })).not.toEqual(a);
  });

  it.each([1.2, 2])('builds %f× oversubscribed events with 10–20 %% interpreted meetings, windows and remote participants', (over) => {
    const inst = generateInstance({ seed: 4, participants: 500, oversubscription: over });
    const c = compileInstance(inst);
    expect(inst.requests.length / (inst.tables * inst.slots.length)).toBeCloseTo(over, 1);
    const needing = c.needsInterp.reduce((s, x) => s + x, 0) / c.nR;
    expect(needing).toBeGreaterThanOrEqual(0.1);
    expect(needing).toBeLessThanOrEqual(0.2);
    const windows = inst.participants.filter((p) => p.available !== undefined);
    expect(windows.length / inst.participants.length).toBeGreaterThan(0.2);
    expect(windows.some((p) => p.available!.length <= 6)).toBe(true);
  });
});
