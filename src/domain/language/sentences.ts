// Splits a document into sentences while keeping every character's offset in the original text.
//
// Real reports arrive as text extracted from PDFs: lines are hard-wrapped, page headers and
// footers ("Inspection of X local authority children's services", page numbers) interrupt
// sentences, paragraphs are numbered ("12. Children ..."), bullets are odd private-use glyphs and
// headings have no full stop. Typed or DOCX text has one paragraph per line instead. The splitter
// works in three steps:
//   1. lines: classify each line as blank, page furniture (a short line with no closing
//      punctuation that repeats three or more times once digits are ignored, or a bare page
//      number), or content (after removing a bullet or paragraph-number marker);
//   2. blocks: join content lines into paragraphs. In 'wrapped' layout a line break is a boundary
//      before a bullet or number marker, after a short line with no closing punctuation (a
//      heading), or across a blank line or furniture when the next line starts with a capital;
//      otherwise the lines are joined (a hyphen at the end of a line followed by a lower-case
//      letter is joined without a space). In 'paragraphs' layout every line break is a boundary;
//   3. sentences: split a block after . ? or ! (and any closing quotes or brackets) when what
//      follows starts with a capital, digit, opening quote or bracket, unless the word before the
//      full stop is an abbreviation (e.g., i.e., Dr., Mr., para., No., an initial...).
import type { Sentence } from './types.js';

export type Layout = 'auto' | 'wrapped' | 'paragraphs';

interface Line {
  /** Offset of the first content character (after any marker) and just after the last. */
  start: number;
  end: number;
  text: string;
  kind: 'blank' | 'furniture' | 'content';
  /** The line began with a bullet or paragraph-number marker. */
  marker: boolean;
}

const MARKER =
  /^[ \t]*(?:[\uF000-\uF0FF\u2022\u2023\u2043\u2219\u25A0-\u25FF\u27A2\u2013\u2014\u2015\u2212*+-]|\d{1,3}\.(?!\d)|\(?[a-z]\)|\(?(?:i|ii|iii|iv|v|vi|vii|viii|ix|x)\))(?=[ \t]|$)[ \t]*/;
const CLOSING_PUNCT = /[.?!:;,]["'’”)\]]*$/;
const TERMINAL = /[.?!]["'’”)\]]*$/;
const ABBREVIATIONS = new Set(
  (
    'e.g eg i.e ie etc.al al dr mr mrs ms mx prof st no nos para paras cf vs approx cllr rev fig ' +
    'figs p pp vol ed eds jr sr inc ltd co dept est nb op ch sec reg min max ref nr apr aug dec ' +
    'feb jan jul jun nov oct sep sept'
  ).split(/\s+/),
);
const WORD = /[\p{L}\p{N}]+(?:[-'’][\p{L}\p{N}]+)*/gu;

export function countWords(text: string): number {
  return text.match(WORD)?.length ?? 0;
}

function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  const re = /\r\n|\r|\n/g;
  let start = 0;
  for (;;) {
    const m = re.exec(text);
    const end = m ? m.index : text.length;
    const raw = text.slice(start, end);
    const marker = MARKER.exec(raw);
    const lead = marker ? marker[0].length : (/^\s*/.exec(raw)?.[0].length ?? 0);
    const trail = raw.length - raw.trimEnd().length;
    const s = start + Math.min(lead, raw.length - trail);
    const e = Math.max(s, end - trail);
    const body = text.slice(s, e);
    lines.push({
      start: s,
      end: e,
      text: body,
      kind: body.length === 0 ? 'blank' : 'content',
      marker: marker !== null,
    });
    if (!m) break;
    start = m.index + m[0].length;
  }
  return lines;
}

/** Marks repeated page headers and footers, and bare page numbers, as furniture. */
function markFurniture(lines: Line[]): void {
  const key = (l: Line) => l.text.replace(/\d+/g, '#').replace(/\s+/g, ' ').toLowerCase();
  const counts = new Map<string, number>();
  const keys = lines.map((l) =>
    l.kind !== 'content' || l.marker || l.text.length > 120 ? '' : key(l),
  );
  for (const k of keys) if (k) counts.set(k, (counts.get(k) ?? 0) + 1);
  lines.forEach((l, i) => {
    if (l.kind !== 'content' || l.marker) return;
    const repeated = (counts.get(keys[i]!) ?? 0) >= 3 && !CLOSING_PUNCT.test(l.text);
    if (repeated || /^\d{1,4}$/.test(l.text)) l.kind = 'furniture';
  });
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!;
}

/** Blocks of content lines that belong to one paragraph, bullet item or heading. */
function blocks(lines: Line[], layout: Layout): Line[][] {
  const content = lines.filter((l) => l.kind === 'content');
  const lengths = content.map((l) => l.text.length).sort((a, b) => a - b);
  const wrapped =
    layout === 'wrapped' ||
    (layout === 'auto' &&
      content.length >= 3 &&
      percentile(lengths, 0.9) <= 130 &&
      percentile(lengths, 0.5) >= 40);
  const shortLine = 0.6 * percentile(lengths, 0.75);
  const out: Line[][] = [];
  let current: Line[] = [];
  let gap = false;
  for (const line of lines) {
    if (line.kind !== 'content') {
      gap = true;
      // A bare marker line ("35.") still starts a new block.
      if (line.marker && current.length > 0) {
        out.push(current);
        current = [];
      }
      continue;
    }
    const prev = current[current.length - 1];
    if (prev && wrapped) {
      const startsLower = /^[\p{Ll}]/u.test(line.text);
      const open = !CLOSING_PUNCT.test(prev.text);
      const boundary =
        line.marker ||
        (open && !startsLower && (gap || prev.text.length < shortLine)) ||
        (!open && gap && !startsLower && TERMINAL.test(prev.text));
      if (boundary) {
        out.push(current);
        current = [];
      }
    } else if (prev) {
      out.push(current);
      current = [];
    }
    current.push(line);
    gap = false;
  }
  if (current.length > 0) out.push(current);
  return out;
}

/** Joins a block's lines into one string and an offset map. */
function joinBlock(block: Line[]): { text: string; offsets: number[] } {
  let text = '';
  const offsets: number[] = [];
  block.forEach((line, i) => {
    if (i > 0) {
      const hyphenated = /\p{L}[-\u2010]$/u.test(text) && /^\p{Ll}/u.test(line.text);
      if (!hyphenated) {
        text += ' ';
        offsets.push(block[i - 1]!.end);
      }
    }
    text += line.text;
    for (let k = 0; k < line.text.length; k++) offsets.push(line.start + k);
  });
  offsets.push(block[block.length - 1]!.end);
  return { text, offsets };
}

const BREAK = /[.?!]+["'’”)\]]*(?=\s+["'‘“([]?[\p{Lu}\p{N}])/gu;

function isAbbreviation(text: string, dot: number): boolean {
  if (text[dot] !== '.') return false;
  const before = /[\p{L}.]+$/u.exec(text.slice(Math.max(0, dot - 12), dot))?.[0] ?? '';
  if (before.length === 0) return false;
  if (/^\p{Lu}$/u.test(before)) return true; // an initial: "J. Smith"
  const word = before.replace(/^\.+/, '').toLowerCase();
  return ABBREVIATIONS.has(word) || /^(?:\p{L}\.)+\p{L}$/u.test(word);
}

/** Splits text into sentences, headings and bullet items, in document order. */
export function splitSentences(text: string, layout: Layout = 'auto'): Sentence[] {
  const lines = splitLines(text);
  markFurniture(lines);
  const sentences: Sentence[] = [];
  for (const block of blocks(lines, layout)) {
    const joined = joinBlock(block);
    const cuts = [0];
    BREAK.lastIndex = 0;
    for (let m = BREAK.exec(joined.text); m; m = BREAK.exec(joined.text)) {
      if (!isAbbreviation(joined.text, m.index + m[0].search(/[.?!]/))) {
        cuts.push(m.index + m[0].length);
      }
    }
    cuts.push(joined.text.length);
    for (let i = 0; i + 1 < cuts.length; i++) {
      let s = cuts[i]!;
      let e = cuts[i + 1]!;
      while (s < e && /\s/.test(joined.text[s]!)) s++;
      while (e > s && /\s/.test(joined.text[e - 1]!)) e--;
      if (e <= s) continue;
      const body = joined.text.slice(s, e);
      const terminal = TERMINAL.test(body);
      sentences.push({
        index: sentences.length,
        text: body,
        offsets: Int32Array.from(joined.offsets.slice(s, e + 1)),
        terminal,
        heading: !terminal && !/[:;,]$/.test(body) && countWords(body) <= 15,
      });
    }
  }
  return sentences;
}
