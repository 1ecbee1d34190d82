import { deflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { makeFlateBombPdf, makePdf } from '../../../../test/helpers/evidence-files.js';
import { DocumentProblem } from './docx-text.js';
import { fileText } from './file-text.js';
import { checkPdfStreams, defaultPdfStreamLimits } from './pdf-streams.js';

describe('PDF stream limits', () => {
  it('refuses a flate bomb before pdf.js inflates it, naming the limit', async () => {
    const bomb = makeFlateBombPdf(300);
    expect(bomb.length).toBeLessThan(400_000);
    const t0 = performance.now();
    expect(() => checkPdfStreams(bomb)).toThrow(/inflates to more than 400 times/);
    await expect(fileText(bomb, 'bomb.pdf')).rejects.toBeInstanceOf(DocumentProblem);
    expect(performance.now() - t0).toBeLessThan(10_000);
  }, 30_000);

  it('refuses streams that together inflate past the total limit', () => {
    const pdf = makeFlateBombPdf(6);
    expect(() =>
      checkPdfStreams(pdf, {
        ...defaultPdfStreamLimits,
        maxTotalBytes: 5 * 1024 * 1024,
        maxRatio: 10_000,
      }),
    ).toThrow(/more than 5 MB, the most a PDF may hold/);
  });

  it('passes ordinary PDFs and streams that are not zlib data', () => {
    expect(checkPdfStreams(makePdf(['Plain text.']))).toBe(0);
    const packed = deflateSync(Buffer.from('BT (Hello) Tj ET'));
    const pdf = Buffer.concat([
      Buffer.from('%PDF-1.4\n4 0 obj\n<< /Filter /FlateDecode >>\nstream\n', 'latin1'),
      packed,
      Buffer.from(
        '\nendstream\nendobj\n5 0 obj\n<< >>\nstream\n\xff\xd8\xff\nendstream\n',
        'latin1',
      ),
    ]);
    expect(checkPdfStreams(new Uint8Array(pdf))).toBe(16);
  });
});
