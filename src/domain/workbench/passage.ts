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

export type PassageSpan = { ok: true; start: number; end: number } | { ok: false; reason: string };

const sameWords = (a: string, b: string): boolean =>
  a.normalize('NFC').replace(/\s+/gu, ' ').trim() ===
  b.normalize('NFC').replace(/\s+/gu, ' ').trim();

/**
 * The span to code: the selection's offsets when a browser sent them (mouse or keyboard
 * selection) and they still hold the words sent with them, trimmed of surrounding spaces; else
 * the pasted words found in the text, refused when they appear more than once and no occurrence
 * is given (`where`: "record" or "document", for the messages).
 */
export function locatePassage(
  text: string,
  input: {
    quote: string;
    occurrence?: number | undefined;
    start?: number | undefined;
    end?: number | undefined;
  },
  where = 'record',
): PassageSpan {
  const { start, end } = input;
  if (start !== undefined && end !== undefined && start >= 0 && end > start) {
    const chars = Array.from(text);
    if (end <= chars.length) {
      let a = start;
      let b = end;
      while (a < b && /\s/u.test(chars[a]!)) a++;
      while (b > a && /\s/u.test(chars[b - 1]!)) b--;
      const span = chars.slice(a, b).join('');
      if (b > a && (input.quote.trim() === '' || sameWords(span, input.quote)))
        return { ok: true, start: a, end: b };
    }
  }
  const found = findPassage(text, input.quote, input.occurrence ?? 1);
  if (!found.ok) return { ok: false, reason: found.reason.replace('this record', `this ${where}`) };
  if (found.occurrences > 1 && input.occurrence === undefined)
    return {
      ok: false,
      reason: `Those words appear ${found.occurrences} times in this ${where}: paste more of the words around them, or say which occurrence (1 to ${found.occurrences})`,
    };
  return { ok: true, start: found.start, end: found.end };
}
