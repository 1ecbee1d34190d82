// Every upload parser runs in a worker thread (needs `npm run build`: workers run the compiled
// JavaScript): the main thread's event loop stays free while a hostile file is read, and the
// parser's refusal comes back as the same kind of error, naming the file and the limit.
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { describe, expect, it } from 'vitest';
import {
  makeFlateBombPdf,
  makePdf,
  makeSelfReferencingPdf,
} from '../../test/helpers/evidence-files.js';
import { DocumentProblem } from '../domain/evidence/import/docx-text.js';
import { RefiInvalid } from '../domain/refi/import-problems.js';
import { evidenceTextInWorker, parseHistoryInWorker, readRefiInWorker } from './parse-files.js';

describe('file parsing in worker threads', () => {
  it('reads evidence text in a worker and refuses a flate bomb and a looping page tree', async () => {
    expect(await evidenceTextInWorker(makePdf(['Seen in a worker.']), 'a.pdf')).toEqual({
      kind: 'pdf',
      text: 'Seen in a worker.',
    });
    const delay = monitorEventLoopDelay({ resolution: 10 });
    delay.enable();
    const bomb = evidenceTextInWorker(makeFlateBombPdf(300), 'bomb.pdf');
    await expect(bomb).rejects.toBeInstanceOf(DocumentProblem);
    await expect(bomb).rejects.toThrow(/inflates to more than 400 times its compressed size/);
    delay.disable();
    // The bomb is inflated (up to its limit) in the worker: the main thread never stalls.
    expect(delay.max / 1e6).toBeLessThan(500);
    await expect(evidenceTextInWorker(makeSelfReferencingPdf(), 'loop.pdf')).rejects.toThrow(
      DocumentProblem,
    );
  }, 60_000);

  it('brings a REFI-QDA refusal back with its details', async () => {
    const err = await readRefiInWorker(
      new TextEncoder().encode('<Project xmlns="urn:QDA-XML:project:1.0"><Broken'),
      'p.qde',
      {},
    ).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RefiInvalid);
    expect((err as RefiInvalid).message).toContain('p.qde');
    expect((err as RefiInvalid).details.length).toBeGreaterThan(0);
  }, 30_000);

  it('refuses a history CSV with 200,000 columns or a 30 MB cell, naming the row and limit', async () => {
    const register = { las: [], successions: [] };
    const wide = `${Array.from({ length: 200_000 }, (_, i) => `c${i}`).join(',')}\n1\n`;
    expect(await parseHistoryInWorker(wide, 'wide.csv', register)).toMatchObject({
      ok: false,
      problem: { file: 'wide.csv', row: 1, reason: expect.stringMatching(/at most 1,000 columns/) },
    });
    const big = `a,b\n"${'x'.repeat(30 * 1024 * 1024)}",1\n`;
    expect(await parseHistoryInWorker(big, 'big.csv', register)).toMatchObject({
      ok: false,
      problem: { file: 'big.csv', reason: expect.stringMatching(/the most a row may hold/) },
    });
  }, 60_000);
});
