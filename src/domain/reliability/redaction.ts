// The redacted copy of an evidence base that a reliability study's reviewers read (issue 15): the
// LA's name and places, inspectors' and LA staff's names, children's references and capitalised
// name patterns replaced; every date shifted by the study's offset, the same for every record, so
// the order and the gaps between dates stay true. What the redaction cannot decide (a capitalised
// word that is not a known name nor a known word) is kept and reported as unsure, for a person
// to check. Pure: the use case gathers the names the system knows.
import { addDays } from '../../clock.js';
import { MONTH_NAMES } from '../calendar/months.js';
import type { RedactedRecord, RedactionKind, RedactionReport } from './types.js';

export interface RedactionTerms {
  /** The LA's names ("Northfield", "Northfield Council"). */
  la: string[];
  /** Places: localities recorded on evidence, towns the system knows for the LA. */
  places: string[];
  /** Inspectors on the activity's team (display names). */
  people: string[];
  /** LA staff the system knows (LA accounts), practitioners' and teams' references. */
  staff: string[];
  /** Children's case references. */
  children: string[];
  /** Lower-case words that are not names even when capitalised. */
  knownWords: Set<string>;
}

export interface RecordToRedact {
  reference: string;
  observedOn: string;
  method: string;
  direction: string | null;
  judgementAreas: string[];
  childRef: string | null;
  lineOfEnquiry: string | null;
  text: string;
}

export const REPLACEMENTS: Record<Exclude<RedactionKind, 'child' | 'date'>, string> = {
  la: '[the LA]',
  place: '[place]',
  person: '[inspector]',
  staff: '[LA staff]',
  name_pattern: '[name]',
};

const WORD = "\\p{Lu}[\\p{Ll}'’-]+";
const edge = (s: string) => `(?<![\\p{L}\\p{N}])(?:${s})(?![\\p{L}\\p{N}])`;
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** "Lena Marsh (lead inspector)" -> "Lena Marsh", "Lena", "Marsh": each names the person. */
export function nameVariants(name: string): string[] {
  const bare = name
    .replace(/\(.*?\)/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  if (!bare) return [];
  const parts = bare.split(' ').filter((p) => p.length >= 2 && /^\p{Lu}/u.test(p));
  return [...new Set([bare, ...parts])];
}

type Counts = Record<RedactionKind, number>;
const zero = (): Counts => ({
  la: 0,
  place: 0,
  person: 0,
  staff: 0,
  child: 0,
  date: 0,
  name_pattern: 0,
});

/** Every known term, longest first (so "Northfield Road" wins over "Northfield"), with its kind. */
function termIndex(t: RedactionTerms): { re: RegExp | null; kindOf: Map<string, RedactionKind> } {
  const kindOf = new Map<string, RedactionKind>();
  const add = (kind: RedactionKind, terms: string[]) => {
    for (const term of terms) {
      const k = term.trim().toLowerCase();
      if (k.length >= 2 && !kindOf.has(k)) kindOf.set(k, kind);
    }
  };
  // Earlier kinds win a term named twice: an LA's name is the LA, not a place.
  add('la', t.la);
  add('place', t.places);
  add('person', t.people.flatMap(nameVariants));
  add('staff', t.staff.flatMap(nameVariants));
  const keys = [...kindOf.keys()]
    .filter((k) => !t.knownWords.has(k))
    .sort((a, b) => b.length - a.length);
  return { re: keys.length ? new RegExp(edge(keys.map(escape).join('|')), 'giu') : null, kindOf };
}

const MONTHS = MONTH_NAMES.join('|');
const DATE_RE = new RegExp(
  [
    '(?<iso>\\b\\d{4}-\\d{2}-\\d{2}\\b)',
    '(?<uk>\\b\\d{1,2}/\\d{1,2}/\\d{4}\\b)',
    `(?<long>\\b\\d{1,2}(?:st|nd|rd|th)? (?:${MONTHS})(?: \\d{4})?\\b)`,
    `(?<monthYear>\\b(?:${MONTHS}) \\d{4}\\b)`,
  ].join('|'),
  'g',
);

const pad = (n: number) => String(n).padStart(2, '0');
/** A real calendar day (no 31 February): the day survives a round trip unchanged. */
const valid = (iso: string) => /^\d{4}-\d{2}-\d{2}$/.test(iso) && addDays(iso, 0) === iso;

/** One date written in the text, shifted and written back the same way; null when not a date. */
export function shiftDateText(text: string, offset: number, yearOf: string): string | null {
  let m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (m) return valid(text) ? addDays(text, offset) : null;
  m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(text);
  if (m) {
    const iso = `${m[3]}-${pad(Number(m[2]))}-${pad(Number(m[1]))}`;
    if (!valid(iso)) return null;
    const s = addDays(iso, offset);
    return `${s.slice(8)}/${s.slice(5, 7)}/${s.slice(0, 4)}`;
  }
  m = /^(\d{1,2})(?:st|nd|rd|th)? (\w+)(?: (\d{4}))?$/.exec(text);
  if (m) {
    const month = MONTH_NAMES.indexOf(m[2]!) + 1;
    const iso = `${m[3] ?? yearOf.slice(0, 4)}-${pad(month)}-${pad(Number(m[1]))}`;
    if (month === 0 || !valid(iso)) return null;
    const s = addDays(iso, offset);
    const out = `${Number(s.slice(8))} ${MONTH_NAMES[Number(s.slice(5, 7)) - 1]}`;
    return m[3] ? `${out} ${s.slice(0, 4)}` : out;
  }
  m = /^(\w+) (\d{4})$/.exec(text);
  if (m) {
    const s = addDays(`${m[2]}-${pad(MONTH_NAMES.indexOf(m[1]!) + 1)}-15`, offset);
    return `${MONTH_NAMES[Number(s.slice(5, 7)) - 1]} ${s.slice(0, 4)}`;
  }
  return null;
}

/** Lower-case words the evidence base itself uses: a capitalised one of these is no name. */
export function corpusWords(texts: string[]): Set<string> {
  const out = new Set<string>();
  for (const t of texts)
    for (const m of t.matchAll(/(?<![\p{L}])\p{Ll}[\p{Ll}'’-]+/gu)) out.add(m[0]);
  return out;
}

interface Pass {
  counts: Counts;
  children: Map<string, string>;
  unsure: Map<string, { occurrences: number; references: Set<string> }>;
}

function redactText(
  text: string,
  ref: string,
  t: RedactionTerms,
  index: ReturnType<typeof termIndex>,
  childRe: RegExp | null,
  offset: number,
  yearOf: string,
  known: Set<string>,
  pass: Pass,
): string {
  let out = text;
  if (childRe)
    out = out.replace(childRe, (m) => {
      pass.counts.child++;
      return childLabel(pass, m);
    });
  if (index.re)
    out = out.replace(index.re, (m) => {
      const kind = index.kindOf.get(m.toLowerCase()) ?? 'name_pattern';
      pass.counts[kind]++;
      return REPLACEMENTS[kind as keyof typeof REPLACEMENTS];
    });
  out = out.replace(DATE_RE, (m) => {
    const shifted = shiftDateText(m, offset, yearOf);
    if (shifted === null) return m;
    pass.counts.date++;
    return shifted;
  });
  // A title and a name ("Mrs Patel"), then runs of two or more unknown capitalised words.
  out = out.replace(
    new RegExp(`\\b(?:Mr|Mrs|Ms|Miss|Mx|Dr)\\.? ${WORD}(?: ${WORD})?`, 'gu'),
    () => {
      pass.counts.name_pattern++;
      return REPLACEMENTS.name_pattern;
    },
  );
  const isKnown = (w: string) => known.has(w.toLowerCase()) || t.knownWords.has(w.toLowerCase());
  out = out.replace(new RegExp(`${WORD}(?: ${WORD})+`, 'gu'), (run) => {
    const words = run.split(' ');
    if (words.some(isKnown)) return run;
    pass.counts.name_pattern++;
    return REPLACEMENTS.name_pattern;
  });
  for (const m of out.matchAll(new RegExp(`(?<![\\p{L}\\[])${WORD}`, 'gu'))) {
    if (isKnown(m[0])) continue;
    const u = pass.unsure.get(m[0]) ?? { occurrences: 0, references: new Set<string>() };
    u.occurrences++;
    u.references.add(ref);
    pass.unsure.set(m[0], u);
  }
  return out;
}

function childLabel(pass: Pass, ref: string): string {
  const key = ref.toLowerCase();
  let label = pass.children.get(key);
  if (!label) {
    label = `Child ${pass.children.size + 1}`;
    pass.children.set(key, label);
  }
  return label;
}

/**
 * The redacted copy of an evidence base and the report of what was replaced. `offsetDays` shifts
 * every date (observation dates and dates in the text) by the same number of days.
 */
export function redactEvidenceBase(
  records: RecordToRedact[],
  linesOfEnquiry: string[],
  terms: RedactionTerms,
  offsetDays: number,
): { records: RedactedRecord[]; lines: string[]; report: RedactionReport } {
  const known = corpusWords(records.map((r) => r.text));
  const index = termIndex(terms);
  const refs = [...new Set(terms.children.filter((c) => c.trim().length >= 2))];
  refs.sort((a, b) => b.length - a.length);
  const childRe = refs.length ? new RegExp(edge(refs.map(escape).join('|')), 'giu') : null;
  const pass: Pass = { counts: zero(), children: new Map(), unsure: new Map() };
  const redact = (text: string, ref: string, yearOf: string) =>
    redactText(text, ref, terms, index, childRe, offsetDays, yearOf, known, pass);
  const out = records.map((r): RedactedRecord => {
    const child = r.childRef ? childLabel(pass, r.childRef) : null;
    return {
      reference: r.reference,
      observedOn: addDays(r.observedOn, offsetDays),
      method: r.method,
      direction: r.direction,
      judgementAreas: r.judgementAreas,
      child,
      lineOfEnquiry:
        r.lineOfEnquiry === null ? null : redact(r.lineOfEnquiry, r.reference, r.observedOn),
      text: redact(r.text, r.reference, r.observedOn),
    };
  });
  pass.counts.date += records.length;
  const year = records[0]?.observedOn ?? '2000-01-01';
  const lines = linesOfEnquiry.map((x) => redact(x, 'lines of enquiry', year));
  return {
    records: out,
    lines,
    report: {
      counts: pass.counts,
      unsure: [...pass.unsure]
        .map(([word, u]) => ({ word, occurrences: u.occurrences, references: [...u.references] }))
        .sort((a, b) => b.occurrences - a.occurrences || a.word.localeCompare(b.word)),
      dateOffsetDays: offsetDays,
    },
  };
}
