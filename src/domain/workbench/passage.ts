// Finds a pasted passage in an evidence text, for coding without JavaScript: the person pastes
// the exact words (and, when they occur more than once, which occurrence) and the server works
// out the code-point offsets. Runs of whitespace match any whitespace, so a passage copied across
// a line break still matches; letters must match exactly (after NFC normalisation).
import { cpLength, utf16ToCp } from '../evidence/offsets.js';

export type PassageMatch =
  | { ok: true; start: number; end: number; occurrences: number }
  | { ok: false; reason: string; occurrences: number };

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The code-point span of the `occurrence`-th (1-based) appearance of `passage` in `text`. */
export function findPassage(text: string, passage: string, occurrence = 1): PassageMatch {
  const wanted = passage.normalize('NFC').replace(/\r\n?/g, '\n').trim();
  if (wanted === '')
    return { ok: false, reason: 'Paste the words to code, exactly as in the text', occurrences: 0 };
  if (cpLength(wanted) > 20_000)
    return { ok: false, reason: 'The passage is too long', occurrences: 0 };
  const pattern = new RegExp(wanted.split(/\s+/u).map(escape).join('\\s+'), 'gu');
  const found: Array<[number, number]> = [];
  for (const m of text.matchAll(pattern)) found.push([m.index, m.index + m[0].length]);
  if (found.length === 0)
    return {
      ok: false,
      reason: 'Those words are not in this record: paste them exactly as they appear in the text',
      occurrences: 0,
    };
  if (!Number.isInteger(occurrence) || occurrence < 1 || occurrence > found.length)
    return {
      ok: false,
      reason:
        found.length === 1
          ? 'Those words appear only once in this record: leave the occurrence empty or enter 1'
          : `Those words appear ${found.length} times in this record: enter a number from 1 to ${found.length}`,
      occurrences: found.length,
    };
  const [a, b] = found[occurrence - 1]!;
  return {
    ok: true,
    start: utf16ToCp(text, a),
    end: utf16ToCp(text, b),
    occurrences: found.length,
  };
}
