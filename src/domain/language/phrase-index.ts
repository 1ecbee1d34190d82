// An index of word sequences ("shingles") across a set of reference documents, for the
// phrasebook rule: for each run of `words` consecutive words inside a sentence, in how many
// documents it occurs, and what share of the *recent* documents hold it. A sequence in most recent
// reports is template text (a mandated heading, the contact details, statutory wording); one in a
// minority of many reports is phrasebook. "Recent" decays exponentially with a half-life counted
// in documents (documents are added oldest first).
//
// Shingles are stored as 53-bit hashes (two 32-bit FNV-1a-style hashes of each word, combined per
// shingle), so the index holds numbers, not text.
import { splitSentences, type Layout } from './sentences.js';
import type { PhraseLookup, PhraseStats, Sentence } from './types.js';

export interface Token {
  word: string;
  start: number;
  end: number;
}

const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}]+)*/gu;

/** Words in lower case with their positions; hyphens and punctuation separate words. */
export function tokenize(text: string): Token[] {
  const out: Token[] = [];
  for (const m of text.matchAll(WORD)) {
    out.push({
      word: m[0].toLowerCase().replace(/’/g, "'"),
      start: m.index,
      end: m.index + m[0].length,
    });
  }
  return out;
}

function wordHashes(words: readonly string[]): { a: Uint32Array; b: Uint32Array } {
  const a = new Uint32Array(words.length);
  const b = new Uint32Array(words.length);
  words.forEach((w, k) => {
    let x = 0x811c9dc5;
    let y = 0x9747b28c;
    for (let i = 0; i < w.length; i++) {
      const c = w.charCodeAt(i);
      x = Math.imul(x ^ c, 0x01000193);
      y = Math.imul(y ^ c, 0x5bd1e995);
      y ^= y >>> 15;
    }
    a[k] = x >>> 0;
    b[k] = y >>> 0;
  });
  return { a, b };
}

/** 53-bit hashes of every shingle of n words. */
function shingleHashes(words: readonly string[], n: number): number[] {
  const { a, b } = wordHashes(words);
  const out: number[] = [];
  for (let i = 0; i + n <= words.length; i++) {
    let x = 0x811c9dc5;
    let y = 0x9747b28c;
    for (let k = i; k < i + n; k++) {
      x = Math.imul(x ^ a[k]!, 0x01000193);
      y = Math.imul(y ^ b[k]!, 0x5bd1e995);
      y ^= y >>> 13;
    }
    out.push((x >>> 0) * 0x200000 + ((y >>> 0) & 0x1fffff));
  }
  return out;
}

export class PhraseIndex implements PhraseLookup {
  private readonly slots = new Map<number, number>();
  private count = new Uint32Array(1024);
  private last = new Uint32Array(1024);
  private recent = new Float64Array(1024);
  private docs = 0;
  private readonly decay: number;

  /**
   * @param words shingle length in words
   * @param halfLife after this many newer documents, an occurrence counts half as "recent"
   */
  constructor(
    readonly words = 8,
    readonly halfLife = 40,
  ) {
    if (!Number.isInteger(words) || words < 2) throw new Error('words must be an integer >= 2');
    this.decay = Math.pow(0.5, 1 / halfLife);
  }

  get size(): number {
    return this.docs;
  }

  /** Distinct shingles held. */
  get shingles(): number {
    return this.slots.size;
  }

  /** Adds one document (each shingle counts once per document). */
  add(text: string, layout: Layout = 'auto'): void {
    this.addSentences(splitSentences(text, layout));
  }

  /** Adds one document already split into sentences. */
  addSentences(sentences: readonly Sentence[]): void {
    const doc = ++this.docs;
    for (const s of sentences) {
      if (!s.terminal) continue;
      for (const h of shingleHashes(
        tokenize(s.text).map((t) => t.word),
        this.words,
      )) {
        let slot = this.slots.get(h);
        if (slot === undefined) {
          slot = this.slots.size;
          this.slots.set(h, slot);
          if (slot >= this.count.length) this.grow();
        }
        if (this.last[slot] === doc) continue;
        this.recent[slot] = this.recent[slot]! * Math.pow(this.decay, doc - this.last[slot]!) + 1;
        this.last[slot] = doc;
        this.count[slot]!++;
      }
    }
  }

  private grow(): void {
    const n = this.count.length * 2;
    const count = new Uint32Array(n);
    count.set(this.count);
    const last = new Uint32Array(n);
    last.set(this.last);
    const recent = new Float64Array(n);
    recent.set(this.recent);
    this.count = count;
    this.last = last;
    this.recent = recent;
  }

  lookup(tokens: readonly string[]): PhraseStats[] {
    // The recent weight of a shingle present in every document so far.
    const full = (1 - Math.pow(this.decay, this.docs)) / (1 - this.decay);
    return shingleHashes(tokens, this.words).map((h) => {
      const slot = this.slots.get(h);
      if (slot === undefined) return { reports: 0, recentShare: 0 };
      const weight = this.recent[slot]! * Math.pow(this.decay, this.docs - this.last[slot]!);
      return { reports: this.count[slot]!, recentShare: full > 0 ? weight / full : 0 };
    });
  }

  static fromTexts(texts: Iterable<string>, words = 8): PhraseIndex {
    const index = new PhraseIndex(words);
    for (const t of texts) index.add(t);
    return index;
  }
}
