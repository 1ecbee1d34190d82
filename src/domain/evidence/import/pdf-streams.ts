// Refuses a PDF whose compressed streams would inflate to more than a reader should ever hold (a
// "flate bomb": a small file whose content streams decompress to hundreds of megabytes), before
// pdf.js decodes anything. Every `stream ... endstream` is inflated here with a hard output limit
// (node's zlib stops at maxOutputLength, so a bomb costs no more than the limit); streams that are
// not zlib data (images, other filters, damaged streams) are left for pdf.js to judge.
import { constants, inflateSync } from 'node:zlib';
import { DocumentProblem } from './docx-text.js';

export interface PdfStreamLimits {
  /** Most bytes all the streams together may inflate to. */
  maxTotalBytes: number;
  /** Most streams in one file. */
  maxStreams: number;
  /** Highest inflated:compressed ratio for a stream that inflates past ratioFloorBytes. */
  maxRatio: number;
  ratioFloorBytes: number;
}

export const defaultPdfStreamLimits: PdfStreamLimits = {
  maxTotalBytes: 256 * 1024 * 1024,
  maxStreams: 200_000,
  maxRatio: 400,
  ratioFloorBytes: 4 * 1024 * 1024,
};

const MB = 1024 * 1024;

function streamStarts(text: string): number[] {
  const starts: number[] = [];
  const re = /stream\r?\n/g;
  for (let m = re.exec(text); m !== null; m = re.exec(text))
    if (text.slice(Math.max(0, m.index - 3), m.index) !== 'end') starts.push(m.index + m[0].length);
  return starts;
}

/** Inflates each stream under the limits; returns the total bytes they inflate to. */
export function checkPdfStreams(
  bytes: Uint8Array,
  limits: PdfStreamLimits = defaultPdfStreamLimits,
): number {
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  const starts = streamStarts(text);
  if (starts.length > limits.maxStreams)
    throw new DocumentProblem(
      `The PDF has ${starts.length.toLocaleString('en-GB')} streams; the limit is ${limits.maxStreams.toLocaleString('en-GB')}`,
    );
  let total = 0;
  for (const start of starts) {
    const end = text.indexOf('endstream', start);
    if (end < 0) break;
    const data = bytes.subarray(start, end);
    if (data.length < 2 || (data[0]! & 0x0f) !== 8) continue; // not zlib (deflate) data
    const remaining = limits.maxTotalBytes - total;
    const byRatio = Math.max(limits.ratioFloorBytes, data.length * limits.maxRatio);
    const cap = Math.min(remaining, byRatio) + 1;
    let inflated: number;
    try {
      inflated = inflateSync(data, {
        maxOutputLength: cap,
        finishFlush: constants.Z_SYNC_FLUSH,
      }).length;
    } catch (err) {
      if ((err as { code?: string }).code !== 'ERR_BUFFER_TOO_LARGE') continue; // not zlib: pdf.js decides
      inflated = cap;
    }
    if (inflated >= cap) {
      throw new DocumentProblem(
        cap - 1 === remaining
          ? `The PDF's compressed content inflates to more than ${limits.maxTotalBytes / MB} MB, the most a PDF may hold; it was not read (a "decompression bomb", or a very large scanned document: send the text instead)`
          : `A stream in the PDF inflates to more than ${limits.maxRatio} times its compressed size (over ${Math.round(byRatio / MB)} MB from ${Math.max(1, Math.round(data.length / 1024))} KB), which only a "decompression bomb" does; it was not read`,
      );
    }
    total += inflated;
  }
  return total;
}
