// Pseudonymising a passage before a researcher reads it: every child, family or staff name and
// every reference is replaced by a bracketed label. It builds on the anonymisation check
// (domain/analysis/anonymisation.ts: names, dates, addresses, contact details, NHS and NI numbers)
// and adds what the store knows: the inspection's case references, the names of the people who
// recorded or coded the evidence, and (when a study hides it) the LA's name. It errs towards
// replacing: a lost word costs less than a named child. The same text gets the same label within
// one passage ("[person 1]" twice), so a reader can still follow who did what.
import { findIdentifiers, type FindingKind } from '../analysis/anonymisation.js';

export interface KnownIdentifiers {
  /** Case references (child, practitioner, team) of the inspection. */
  references: string[];
  /** People's names the store holds: staff who recorded or coded, inspectors. */
  people: string[];
  /** Place names to hide (the LA's name when the study hides LA identity). */
  places: string[];
}

export interface Pseudonymised {
  text: string;
  /** How many spans were replaced. */
  replaced: number;
}

const KIND_LABEL: Record<FindingKind, string> = {
  name: 'person',
  date_of_birth: 'date of birth',
  date: 'date',
  address: 'address',
  postcode: 'postcode',
  phone: 'phone number',
  email: 'email',
  identifier: 'identifier',
};

/** A reference-like token: letters and at least four digits ("LCS-204311", "C12345", "12345678"). */
const REFERENCE = /\b(?=[A-Za-z/-]*\d)(?:[A-Za-z]{1,5}[-/]?)?\d{4,}(?:[-/]\d+)*\b/g;
/** A year on its own ("in 2024") is not a reference. */
const YEAR = /^(?:19|20)\d{2}$/;

interface Span {
  from: number;
  to: number;
  label: string;
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function knownSpans(text: string, words: string[], label: string): Span[] {
  const out: Span[] = [];
  const uniq = [...new Set(words.map((w) => w.trim()).filter((w) => w.length >= 2))].sort(
    (a, b) => b.length - a.length,
  );
  for (const w of uniq) {
    const re = new RegExp(`(?<![\\p{L}\\p{N}])${escapeRe(w)}(?![\\p{L}\\p{N}])`, 'giu');
    for (const m of text.matchAll(re))
      out.push({ from: m.index, to: m.index + m[0].length, label });
  }
  return out;
}

/** Each person's name split into its parts too ("Jo Bloggs" hides "Bloggs" alone). */
function nameParts(people: string[]): string[] {
  // Stored labels read "Name <email>": the e-mail address is not in the text, the name may be.
  const names = people.map((p) => p.replace(/<[^>]*>/g, '').trim());
  return names.flatMap((p) => [p, ...p.split(/\s+/).filter((w) => /^\p{Lu}\p{Ll}{2,}/u.test(w))]);
}

function identifierSpans(text: string): Span[] {
  const toUtf16 = (cpIndex: number): number => {
    let cp = 0;
    let i = 0;
    while (cp < cpIndex && i < text.length) {
      const c = text.codePointAt(i)!;
      i += c > 0xffff ? 2 : 1;
      cp++;
    }
    return i;
  };
  return findIdentifiers(text).map((f) => ({
    from: toUtf16(f.start),
    to: toUtf16(f.end),
    label: KIND_LABEL[f.kind],
  }));
}

function referenceSpans(text: string): Span[] {
  return [...text.matchAll(REFERENCE)]
    .filter((m) => !YEAR.test(m[0]))
    .map((m) => ({ from: m.index, to: m.index + m[0].length, label: 'reference' }));
}

/** Replaces every identifying span; earlier sources win where spans overlap. */
export function pseudonymisePassage(text: string, known: KnownIdentifiers): Pseudonymised {
  const candidates: Span[] = [
    ...knownSpans(text, known.references, 'reference'),
    ...knownSpans(text, nameParts(known.people), 'person'),
    ...knownSpans(text, known.places, 'the local authority'),
    ...referenceSpans(text),
    ...identifierSpans(text),
  ];
  const taken: Span[] = [];
  for (const s of candidates) {
    if (s.to <= s.from) continue;
    if (taken.some((t) => s.from < t.to && t.from < s.to)) continue;
    taken.push(s);
  }
  taken.sort((a, b) => a.from - b.from);
  const numbers = new Map<string, number>();
  const perLabel = new Map<string, number>();
  let out = '';
  let at = 0;
  for (const s of taken) {
    out += text.slice(at, s.from);
    const original = text.slice(s.from, s.to).toLowerCase();
    let label = s.label;
    if (label === 'person' || label === 'reference') {
      const key = `${label}:${original}`;
      let n = numbers.get(key);
      if (n === undefined) {
        n = (perLabel.get(label) ?? 0) + 1;
        perLabel.set(label, n);
        numbers.set(key, n);
      }
      label = `${label} ${n}`;
    }
    out += `[${label}]`;
    at = s.to;
  }
  out += text.slice(at);
  return { text: out, replaced: taken.length };
}
