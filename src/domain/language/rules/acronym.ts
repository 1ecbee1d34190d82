// Unexplained acronyms: an acronym used before it is spelled out, or never spelled out. Reports
// are written for children, families and the public as well as professionals; the 2019 ILACS
// review (paragraphs 100 and 105) holds reports and letters to being "clear, straightforward and
// free of jargon". Allowed acronyms (LA, DCS, UK, NHS...) are configurable.
import type { Hit, Rule, Sentence } from '../types.js';
import { hit } from './match.js';

const WHY =
  'Readers outside social care (children, families, councillors) cannot decode an acronym that ' +
  'is not spelled out on first use; reports and letters must be clear, straightforward and free ' +
  'of jargon (2019 ILACS review, paragraphs 100 and 105).';

const SUGGESTION =
  'Spell it out the first time, with the acronym in brackets — “multi-agency safeguarding hub ' +
  '(MASH)” — or use the plain words throughout if it appears only once or twice.';

/** Candidate tokens: two or more capitals, no digits ("TW9 4DU" is a postcode, not an acronym). */
const TOKEN = /(?<![\p{L}\p{N}&])\p{L}*\p{Lu}\p{L}*\p{Lu}[\p{L}&]*(?![\p{L}\p{N}&])/gu;
const ROMAN = /^[IVXLC]+$/;

/** The acronym a token is, if any: "IROs" -> "IRO", "DfE" -> "DFE", "Ofsted" -> null. */
export function acronymOf(token: string): string | null {
  const base = /^[\p{Lu}\p{N}&]{2,}s$/u.test(token) ? token.slice(0, -1) : token;
  const letters = base.replace(/[^\p{L}]/gu, '');
  const upper = base.replace(/[^\p{Lu}]/gu, '').length;
  if (letters.length < 2 || upper < 2 || base.length > 10) return null;
  if (upper < letters.length - 1 || !/^\p{Lu}/u.test(base)) return null;
  if (upper === letters.length - 1 && !/^\p{Lu}\p{Ll}?\p{Lu}+$/u.test(base)) return null;
  if (ROMAN.test(base)) return null;
  return base.toUpperCase();
}

/** Whether the initials of the words contain the acronym’s letters in order (allowing one miss). */
function initialsMatch(acr: string, words: string): boolean {
  const list = words.match(/[\p{L}]+/gu) ?? [];
  // A backronym: "KEEP (Keeping Foster and Kinship Carers Supported)".
  if (list[0]?.toUpperCase().startsWith(acr)) return true;
  const initials = list.map((w) => w[0]!.toUpperCase()).join('');
  let i = 0;
  for (const c of initials) if (c === acr[i]) i++;
  return i >= Math.min(acr.length, 2) && i >= acr.length - 1;
}

/**
 * Offsets where each acronym is defined: "hub (MASH)", "(ARC/LAC)", "MASH (multi-agency ...)",
 * or "KEEP programme (Keeping ... )" when the words in brackets start with its letters.
 */
function definitions(sentences: readonly Sentence[]): Map<string, number> {
  const defined = new Map<string, number>();
  const note = (acr: string | null, at: number) => {
    if (acr && !defined.has(acr)) defined.set(acr, at);
  };
  for (const s of sentences) {
    if (!s.text.includes('(')) continue;
    for (const m of s.text.matchAll(
      /[\p{L}’'-]+[’']?,?\s+\(\s*([\p{L}\p{N}&/]+?)(?:['’]?s)?\+?\s*\)/gu,
    )) {
      const at = s.offsets[m.index + m[0].indexOf('(')]!;
      for (const part of m[1]!.split('/')) note(acronymOf(part), at);
    }
    for (const m of s.text.matchAll(TOKEN)) {
      const acr = acronymOf(m[0]);
      const after =
        /^((?:\s+[\p{L}-]+){0,2})\s+\(\s*((?:the\s+)?[\p{L}’'-]+(?:[,\s]+[\p{L}’'-]+)+)/u.exec(
          s.text.slice(m.index + m[0].length, m.index + m[0].length + 200),
        );
      if (acr && after && (after[1] === '' || initialsMatch(acr, after[2]!)))
        note(acr, s.offsets[m.index]!);
    }
  }
  return defined;
}

function mostlyCapitals(text: string): boolean {
  const letters = text.replace(/[^\p{L}]/gu, '');
  return letters.length > 0 && text.replace(/[^\p{Lu}]/gu, '').length / letters.length > 0.6;
}

export const acronymRule: Rule = {
  id: 'unexplained-acronym',
  title: 'Unexplained acronym',
  why: WHY,
  suggestion: SUGGESTION,
  seesTemplate: true,
  check({ sentences, config }) {
    const defined = definitions(sentences);
    const reported = new Set<string>();
    // A capitalised ordinary word ("the REACH team", "PAUSE") is a name: the same word appears
    // elsewhere in lower case.
    let all: string | undefined;
    const isWord = (acr: string) => {
      all ??= sentences.map((x) => x.text).join('\n');
      return new RegExp(`(?<![\\p{L}])${acr.toLowerCase()}(?![\\p{L}])`, 'u').test(all);
    };
    const hits: Hit[] = [];
    for (const s of sentences) {
      if (s.heading) continue;
      const candidates = [...s.text.matchAll(TOKEN)];
      if (candidates.length === 0 || mostlyCapitals(s.text)) continue;
      for (const m of candidates) {
        const acr = acronymOf(m[0]);
        if (!acr || config.acronyms.allowed.has(acr) || reported.has(acr)) continue;
        // A name in quotes ("the ‘EXIT’ team") is a name, not an abbreviation to spell out.
        if (
          /[‘'"“]$/.test(s.text.slice(0, m.index)) &&
          /^[’'"”]/.test(s.text.slice(m.index + m[0].length))
        )
          continue;
        if (/^[A-Z]+$/.test(acr) && isWord(acr)) continue;
        reported.add(acr);
        const at = s.offsets[m.index]!;
        const def = defined.get(acr);
        if (def !== undefined && def <= at + m[0].length + 2) continue;
        hits.push(
          hit(
            s,
            m.index,
            m.index + m[0].length,
            def === undefined
              ? `“${m[0]}” is never spelled out.`
              : `“${m[0]}” is used before it is spelled out later in the document.`,
          ),
        );
      }
    }
    return hits;
  },
};
