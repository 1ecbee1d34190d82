// Small helpers the rules share: regex matching inside a sentence and looking at nearby words.
import type { Hit, Sentence } from '../types.js';

/** Every match of a global regex in the sentence, as [start, end, match] triples. */
export function matches(sentence: Sentence, re: RegExp): RegExpExecArray[] {
  if (!re.global) throw new Error('matches() needs a global regex');
  re.lastIndex = 0;
  const out: RegExpExecArray[] = [];
  for (let m = re.exec(sentence.text); m; m = re.exec(sentence.text)) {
    out.push(m);
    if (m[0].length === 0) re.lastIndex++;
  }
  return out;
}

/** Up to n words (lower case) immediately before index i. */
export function wordsBefore(text: string, i: number, n: number): string[] {
  const words = text
    .slice(Math.max(0, i - 120), i)
    .toLowerCase()
    .match(/[\p{L}\p{N}'’-]+/gu);
  return (words ?? []).slice(-n);
}

/** Up to n words (lower case) immediately after index i. */
export function wordsAfter(text: string, i: number, n: number): string[] {
  return (
    text
      .slice(i, i + 160)
      .toLowerCase()
      .match(/[\p{L}\p{N}'’-]+/gu) ?? []
  ).slice(0, n);
}

/** Negations and hedges that, just before a claim, make it not an assertion of certainty. */
export const NEGATION = new Set([
  'not',
  "n't",
  'never',
  'no',
  'cannot',
  "can't",
  "don't",
  "doesn't",
  "didn't",
  "isn't",
  "aren't",
  "wasn't",
  "weren't",
  'fail',
  'fails',
  'failed',
  'failing',
  'unable',
  'without',
  'lack',
  'lacks',
  'insufficient',
]);

export function negatedBefore(text: string, i: number, n = 3): boolean {
  return wordsBefore(text, i, n).some(
    (w) => NEGATION.has(w.replace(/’/g, "'")) || /n['’]t$/.test(w),
  );
}

export function hit(
  sentence: Sentence,
  start: number,
  end: number,
  message: string,
  suggestion?: string,
): Hit {
  return suggestion === undefined
    ? { sentence, start, end, message }
    : { sentence, start, end, message, suggestion };
}
