// The ordinary words a redaction leaves alone when capitalised: versioned data in
// reference/redaction/known-words.txt, read once per process.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { referenceDir } from '../../paths.js';

let cached: Set<string> | null = null;

export function parseKnownWords(text: string): Set<string> {
  const words = new Set<string>();
  for (const line of text.split(/\r?\n/)) {
    const w = line.replace(/#.*/, '').trim().toLowerCase();
    if (w) words.add(w);
  }
  return words;
}

export function knownWords(): Set<string> {
  cached ??= parseKnownWords(
    readFileSync(path.join(referenceDir(), 'redaction', 'known-words.txt'), 'utf8'),
  );
  return cached;
}
