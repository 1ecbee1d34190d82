import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { sha256Hex } from './digest.js';

describe('sha256Hex', () => {
  it('gives the same hex digest as createHash, for views into larger buffers too', async () => {
    const whole = Buffer.from('0123456789 Annex A bytes');
    const view = whole.subarray(3, 15);
    expect(await sha256Hex(view)).toBe(createHash('sha256').update(view).digest('hex'));
    expect(await sha256Hex(new Uint8Array(0))).toBe(createHash('sha256').digest('hex'));
  });
});

describe('sha256Hex over several slices', () => {
  it('hashes a file larger than one slice exactly as one update would', async () => {
    const big = Buffer.alloc(2.5 * 1024 * 1024, 7);
    big[big.length - 1] = 1;
    expect(await sha256Hex(big)).toBe(createHash('sha256').update(big).digest('hex'));
  });
});
