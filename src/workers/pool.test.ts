// The worker pool ends a parse that runs too long and reports it clearly (needs `npm run build`:
// workers run the compiled JavaScript).
import { describe, expect, it } from 'vitest';
import { parseAnnexAInWorker } from './parse-annex-a.js';

const KEY = '00112233445566778899aabbccddeeff';

describe('worker pool', () => {
  it('terminates a parse that exceeds its time limit, with a clear error', async () => {
    const wide = new TextEncoder().encode(
      `${Array.from({ length: 200_000 }, (_, i) => `c${i}`).join(',')}\n${'1,'.repeat(199_999)}1\n`,
    );
    const t0 = performance.now();
    await expect(
      parseAnnexAInWorker(wide, 'wide.csv', {
        referenceDate: '2025-03-31',
        pseudonymKey: KEY,
        timeoutMs: 300,
      }),
    ).rejects.toMatchObject({
      code: 'FILE_TOO_COMPLEX',
      message: expect.stringContaining('wide.csv took longer than'),
    });
    expect(performance.now() - t0).toBeLessThan(5_000);
  }, 30_000);

  it('brings the parser’s own refusal back as the same kind of error', async () => {
    await expect(
      parseAnnexAInWorker(new TextEncoder().encode('PK\u0003\u0004broken'), 'broken.xlsx', {
        referenceDate: '2025-03-31',
        pseudonymKey: KEY,
      }),
    ).rejects.toThrow();
  }, 30_000);
});
