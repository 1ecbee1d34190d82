// The anonymisation check for vignettes (passages that may illustrate the report): flags what
// could identify a child, family or worker: names, dates of birth and other dates, addresses,
// postcodes, phone numbers, email addresses and NHS / National Insurance numbers, each with its
// position in code points. It errs towards flagging: a person confirms each vignette anyway.
// Pseudonymous references ("Child A", "Sibling B", "C1234") are not flagged.

export type FindingKind =
  'name' | 'date_of_birth' | 'date' | 'address' | 'postcode' | 'phone' | 'email' | 'identifier';

export interface Finding {
  kind: FindingKind;
  /** Code points, 0-based. */
  start: number;
  /** Code points, exclusive. */
  end: number;
  text: string;
  confidence: 'high' | 'possible';
  reason: string;
}

export const findingLabels: Record<FindingKind, string> = {
  name: 'a name',
  date_of_birth: 'a date of birth',
  date: 'a date',
  address: 'an address',
  postcode: 'a postcode',
  phone: 'a phone number',
  email: 'an email address',
  identifier: 'an NHS or National Insurance number',
};

const MONTH =
  '(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)';
const DATE = `(?:\\b\\d{1,2}[/.-]\\d{1,2}[/.-](?:\\d{4}|\\d{2})\\b|\\b\\d{4}-\\d{2}-\\d{2}\\b|\\b\\d{1,2}(?:st|nd|rd|th)?\\s+${MONTH}\\s+\\d{4}\\b|\\b${MONTH}\\s+\\d{1,2}(?:st|nd|rd|th)?,?\\s+\\d{4}\\b)`;
const STREET =
  '(?:Road|Rd|Street|St|Avenue|Ave|Lane|Ln|Close|Drive|Dr|Way|Crescent|Court|Gardens|Place|Terrace|Grove|Hill|Park|Row|Walk|Square|Mews|Rise|View|Green|Parade|Estate)';
const CAP = "\\p{Lu}\\p{Ll}+(?:[-'’]\\p{Lu}?\\p{Ll}+)*";

interface Rule {
  kind: FindingKind;
  re: RegExp;
  confidence: Finding['confidence'];
  reason: string;
  /** The capture group holding the flagged text (default: the whole match). */
  group?: number;
}

const RULES: Rule[] = [
  {
    kind: 'email',
    re: /\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b/g,
    confidence: 'high',
    reason: 'An email address',
  },
  {
    kind: 'date_of_birth',
    re: new RegExp(
      `\\b(?:d\\.?o\\.?b\\.?|date of birth|born(?: on| in)?)\\s*[:-]?\\s*(${DATE}|${MONTH}\\s+\\d{4}|\\d{4})`,
      'gi',
    ),
    group: 1,
    confidence: 'high',
    reason: 'A date of birth',
  },
  {
    kind: 'postcode',
    re: /\b(?:GIR ?0AA|[A-PR-UWYZ][A-HK-Y]?\d[\dA-HJKPSTUW]? ?\d[ABD-HJLNP-UW-Z]{2})\b/gi,
    confidence: 'high',
    reason: 'A UK postcode',
  },
  {
    kind: 'phone',
    re: /(?:\+44\s?(?:\(0\)\s?)?|\b0)\d(?:[\s-]?\d){8,9}\b/g,
    confidence: 'high',
    reason: 'A UK phone number',
  },
  {
    kind: 'identifier',
    re: /\b(?:\d{3}[\s-]\d{3}[\s-]\d{4}|[A-CEGHJ-PR-TW-Z]{2}\s?\d{2}\s?\d{2}\s?\d{2}\s?[A-D])\b/g,
    confidence: 'high',
    reason: 'An NHS or National Insurance number',
  },
  {
    kind: 'address',
    re: new RegExp(
      `\\b(?:(?:Flat|Apartment|Apt|Unit)\\s+\\d+[A-Za-z]?,?\\s+)?\\d+[A-Za-z]?,?\\s+(?:${CAP}\\s+){1,3}${STREET}\\b|\\b(?:Flat|Apartment|Apt)\\s+\\d+[A-Za-z]?\\b`,
      'gu',
    ),
    confidence: 'high',
    reason: 'A street address',
  },
  { kind: 'date', re: new RegExp(DATE, 'gi'), confidence: 'possible', reason: 'A date' },
  {
    kind: 'name',
    re: new RegExp(`\\b(?:Mr|Mrs|Ms|Miss|Mx|Dr|Master)\\.?\\s+(${CAP}(?:\\s+${CAP})?)`, 'gu'),
    group: 1,
    confidence: 'high',
    reason: 'A name after a title (Mr, Mrs, Ms, Dr...)',
  },
  {
    kind: 'name',
    re: new RegExp(`\\b(?:called|named|known as|nicknamed)\\s+(${CAP}(?:\\s+${CAP})?)`, 'gu'),
    group: 1,
    confidence: 'high',
    reason: 'A name ("called ...", "known as ...")',
  },
];

/** Capitalised words that are not names (organisations, roles, places in the system, days). */
const NOT_NAMES = new Set(
  `I Mr Mrs Ms Miss Dr Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February
  March April May June July August September October November December Council Ofsted Team
  Court School Schools Police Health Service Services Local Authority Social Care Plan Child
  Children Protection Conference Panel Board Hub Front Door Early Help Family Families Young
  People Person Worker Workers Manager Managers Leader Leaders Director Head Independent
  Reviewing Officer Officers Virtual Judge Magistrates Hospital Trust Partnership Safeguarding
  Multi Agency Strategy Meeting Meetings Assessment Review Pathway Personal Education Foster
  Fostering Adoption Agency Leaving Leavers Residential Home Homes England English British
  Christmas Easter Ramadan Eid Diwali Covid Mother Father Mum Dad Grandmother Grandfather Nan
  Sibling Siblings Brother Sister Aunt Uncle Carer Carers Parent Parents Baby Boy Girl Section
  Public Law Outline Annex Inspector Inspectors HMI Lead Senior Principal Practitioner
  Academy Primary Secondary College University Centre Unit Street Road`.split(/\s+/),
);

/** A pseudonymous reference: "Child A", "Sibling B", "Mother C", "C1234". */
const PSEUDONYM = /^(?:[A-Z]|[A-Z]{1,3}\d+)$/;

function utf16ToCpTable(s: string): Int32Array {
  const t = new Int32Array(s.length + 1);
  let cp = 0;
  for (let i = 0; i < s.length; i++) {
    t[i] = cp;
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) t[++i] = cp;
    }
    cp++;
  }
  t[s.length] = cp;
  return t;
}

/** Capitalised words in mid-sentence that look like people's names, grouped into names. */
function possibleNames(text: string): Array<{ index: number; text: string }> {
  const out: Array<{ index: number; text: string }> = [];
  for (const run of text.matchAll(new RegExp(`${CAP}(?:[ \\t]+${CAP})*`, 'gu'))) {
    // A sentence starts here when nothing but punctuation, spaces or symbols comes after the
    // last full stop (or line break) before the word.
    const back = text.slice(Math.max(0, run.index - 200), run.index);
    const sentenceStart = !/[\p{L}\p{N},]/u.test(back.split(/[.!?:;\n]/u).at(-1) ?? '');
    const words = [...run[0].matchAll(new RegExp(CAP, 'gu'))].map((w) => ({
      index: run.index + w.index,
      text: w[0],
      candidate: !NOT_NAMES.has(w[0]) && !PSEUDONYM.test(w[0]),
    }));
    // At the start of a sentence a capital proves nothing unless a surname follows it.
    if (sentenceStart && words[0] && !words[1]?.candidate) words[0].candidate = false;
    let group: typeof words = [];
    const flush = () => {
      const first = group[0];
      const last = group.at(-1);
      if (first && last)
        out.push({
          index: first.index,
          text: text.slice(first.index, last.index + last.text.length),
        });
      group = [];
    };
    for (const w of words) {
      if (w.candidate) group.push(w);
      else flush();
    }
    flush();
  }
  return out;
}

/** Everything in `text` that might identify someone, in order, without overlaps. */
export function findIdentifiers(text: string): Finding[] {
  const cp = utf16ToCpTable(text);
  const raw: Array<Finding & { from: number; to: number }> = [];
  const add = (
    kind: FindingKind,
    from: number,
    s: string,
    confidence: Finding['confidence'],
    reason: string,
  ) => {
    const to = from + s.length;
    raw.push({ kind, from, to, start: cp[from]!, end: cp[to]!, text: s, confidence, reason });
  };
  for (const rule of RULES) {
    for (const m of text.matchAll(rule.re)) {
      const g = rule.group ?? 0;
      const s = m[g];
      if (!s) continue;
      const from = m.index + (g === 0 ? 0 : m[0].lastIndexOf(s));
      if (rule.kind === 'name' && s.split(/\s+/).every((w) => PSEUDONYM.test(w))) continue;
      add(rule.kind, from, s, rule.confidence, rule.reason);
    }
  }
  for (const n of possibleNames(text))
    add('name', n.index, n.text, 'possible', 'A capitalised word that may be a name');
  // Earlier rules win where findings overlap (a date of birth over a date, an address over a
  // possible name); ties go to the longer finding.
  const order = (f: Finding) =>
    RULES.findIndex((r) => r.kind === f.kind && r.confidence === f.confidence);
  const taken: Array<Finding & { from: number; to: number }> = [];
  const ranked = raw
    .map((f) => ({ f, rank: order(f) < 0 ? RULES.length : order(f) }))
    .sort((a, b) => a.rank - b.rank || b.f.to - b.f.from - (a.f.to - a.f.from));
  for (const { f } of ranked) {
    if (taken.some((t) => f.from < t.to && t.from < f.to)) continue;
    taken.push(f);
  }
  return taken.sort((a, b) => a.start - b.start).map(({ from: _f, to: _t, ...f }) => f);
}

/** "2 possible identifiers: a name (Mrs Smith) and a postcode (B1 1AA)", or that none were found. */
export function anonymisationSummary(findings: Finding[]): string {
  if (findings.length === 0) return 'No names, dates of birth, addresses or contact details found.';
  const items = findings.slice(0, 5).map((f) => `${findingLabels[f.kind]} (${f.text})`);
  const more = findings.length > 5 ? ` and ${findings.length - 5} more` : '';
  const list =
    items.length === 1 ? items[0] : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
  return `${findings.length} possible identifier${findings.length === 1 ? '' : 's'}: ${list}${more}.`;
}
