import { describe, expect, it } from 'vitest';
import { THROTTLE_RULES, throttleDelaySeconds } from './rate-limit.js';

describe('login throttling', () => {
  it('lets the free failures through, then doubles the wait up to a cap', () => {
    const free = THROTTLE_RULES['account-address'].free;
    expect(throttleDelaySeconds('account-address', free - 1)).toBe(0);
    expect(throttleDelaySeconds('account-address', free)).toBe(2);
    expect(throttleDelaySeconds('account-address', free + 1)).toBe(4);
    expect(throttleDelaySeconds('account-address', free + 2)).toBe(8);
    expect(throttleDelaySeconds('account-address', 10_000)).toBe(15 * 60);
  });

  it('never locks an account for good: the wait across addresses is short', () => {
    expect(throttleDelaySeconds('account', 1_000_000)).toBeLessThanOrEqual(5 * 60);
  });
});
