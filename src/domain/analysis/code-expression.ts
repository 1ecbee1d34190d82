// Coding queries: codes combined with AND, OR and NOT, evaluated either per evidence record (is
// the record coded with the code at all?) or per passage (which stretch of text is coded: AND is
// the overlap of coded text, OR the union, NOT the text not coded), as NVivo's coding query and
// ATLAS.ti's query tool do. Offsets are code points, end exclusive.
import { mergeRanges, type Range } from './highlight.js';

export type CodeExpr =
  { code: string } | { and: CodeExpr[] } | { or: CodeExpr[] } | { not: CodeExpr };

export type QueryScope = 'passage' | 'record';

/** Every code the expression names, in order of first appearance. */
export function codesOf(e: CodeExpr): string[] {
  const out: string[] = [];
  const walk = (x: CodeExpr): void => {
    if ('code' in x) {
      if (!out.includes(x.code)) out.push(x.code);
    } else if ('not' in x) walk(x.not);
    else ('and' in x ? x.and : x.or).forEach(walk);
  };
  walk(e);
  return out;
}

/** The codes that appear without a NOT above them (their passages are what a match shows). */
export function positiveCodes(e: CodeExpr, negated = false): string[] {
  if ('code' in e) return negated ? [] : [e.code];
  if ('not' in e) return positiveCodes(e.not, !negated);
  return [...new Set(('and' in e ? e.and : e.or).flatMap((x) => positiveCodes(x, negated)))];
}

/** Record level: whether a record coded with `present` matches. */
export function matchesRecord(e: CodeExpr, present: ReadonlySet<string>): boolean {
  if ('code' in e) return present.has(e.code);
  if ('not' in e) return !matchesRecord(e.not, present);
  if ('and' in e) return e.and.every((x) => matchesRecord(x, present));
  return e.or.some((x) => matchesRecord(x, present));
}

/** Whether a record with no codes at all matches ("NOT A" does): such queries scan everything. */
export function matchesUncoded(e: CodeExpr): boolean {
  return matchesRecord(e, new Set());
}

export function unionRanges(a: Range[], b: Range[]): Range[] {
  return mergeRanges([...a, ...b]);
}

/** Overlap of two normalised range lists. */
export function intersectRanges(a: Range[], b: Range[]): Range[] {
  const out: Range[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const s = Math.max(a[i]![0], b[j]![0]);
    const e = Math.min(a[i]![1], b[j]![1]);
    if (s < e) out.push([s, e]);
    if (a[i]![1] < b[j]![1]) i++;
    else j++;
  }
  return out;
}

/** The parts of [0, length) not in a normalised range list. */
export function complementRanges(a: Range[], length: number): Range[] {
  const out: Range[] = [];
  let at = 0;
  for (const [s, e] of a) {
    if (s > at) out.push([at, Math.min(s, length)]);
    at = Math.max(at, e);
  }
  if (at < length) out.push([at, length]);
  return out.filter(([s, e]) => e > s);
}

/**
 * Passage level: the stretches of one record's text (of `length` code points) that match, given
 * the coded ranges of each code named in the expression.
 */
export function matchingPassages(
  e: CodeExpr,
  coded: ReadonlyMap<string, Range[]>,
  length: number,
): Range[] {
  if ('code' in e) return mergeRanges(coded.get(e.code) ?? []);
  if ('not' in e) return complementRanges(matchingPassages(e.not, coded, length), length);
  const parts = ('and' in e ? e.and : e.or).map((x) => matchingPassages(x, coded, length));
  if (parts.length === 0) return [];
  return parts
    .slice(1)
    .reduce((acc, p) => ('and' in e ? intersectRanges(acc, p) : unionRanges(acc, p)), parts[0]!);
}

/** How many leaves (codes) and operators the expression has: queries are kept small. */
export function expressionSize(e: CodeExpr): number {
  if ('code' in e) return 1;
  if ('not' in e) return 1 + expressionSize(e.not);
  return 1 + ('and' in e ? e.and : e.or).reduce((n, x) => n + expressionSize(x), 0);
}

/** The expression in words, with code names ("Front door AND NOT (Early help OR Harm)"). */
export function describeExpression(e: CodeExpr, name: (id: string) => string): string {
  const wrap = (x: CodeExpr): string =>
    'and' in x || 'or' in x ? `(${describeExpression(x, name)})` : describeExpression(x, name);
  if ('code' in e) return name(e.code);
  if ('not' in e) return `NOT ${wrap(e.not)}`;
  return ('and' in e ? e.and : e.or).map(wrap).join('and' in e ? ' AND ' : ' OR ');
}

type Tok = { t: 'name'; v: string } | { t: 'and' | 'or' | 'not' | 'open' | 'close' };

/**
 * Parses the typed form of a coding query: code names or framework keys, "quoted" when they
 * have spaces, with AND, OR, NOT and parentheses (AND binds tighter than OR). `resolve` turns a
 * name into a code id. Unknown names and syntax errors are all reported, never guessed.
 */
export function parseCodeExpression(
  input: string,
  resolve: (name: string) => string | null,
): { expr: CodeExpr; problems: [] } | { expr: null; problems: string[] } {
  const problems: string[] = [];
  const toks: Tok[] = [];
  const re = /\s*(?:"([^"]*)"?|(\()|(\))|([^\s()"]+))/gy;
  let m: RegExpExecArray | null;
  while (re.lastIndex < input.length && (m = re.exec(input)) !== null) {
    if (m[0].trim() === '') break;
    if (m[1] !== undefined) toks.push({ t: 'name', v: m[1].trim() });
    else if (m[2]) toks.push({ t: 'open' });
    else if (m[3]) toks.push({ t: 'close' });
    else if (m[4] === 'AND' || m[4] === 'OR' || m[4] === 'NOT')
      toks.push({ t: m[4].toLowerCase() as 'and' | 'or' | 'not' });
    else if (m[4]) toks.push({ t: 'name', v: m[4] });
  }
  let pos = 0;
  const parseOr = (): CodeExpr | null => {
    const items = [parseAnd()];
    while (toks[pos]?.t === 'or') {
      pos++;
      items.push(parseAnd());
    }
    if (items.some((x) => x === null)) return null;
    return items.length === 1 ? items[0]! : { or: items as CodeExpr[] };
  };
  const parseAnd = (): CodeExpr | null => {
    const items = [parseUnary()];
    while (toks[pos]?.t === 'and') {
      pos++;
      items.push(parseUnary());
    }
    if (items.some((x) => x === null)) return null;
    return items.length === 1 ? items[0]! : { and: items as CodeExpr[] };
  };
  const parseUnary = (): CodeExpr | null => {
    const t = toks[pos];
    if (!t) {
      problems.push('The query ends where a code was expected');
      return null;
    }
    pos++;
    if (t.t === 'not') {
      const inner = parseUnary();
      return inner ? { not: inner } : null;
    }
    if (t.t === 'open') {
      const inner = parseOr();
      if (toks[pos]?.t !== 'close') {
        problems.push('A "(" is not closed');
        return null;
      }
      pos++;
      return inner;
    }
    if (t.t === 'name') {
      const id = resolve(t.v);
      if (!id) problems.push(`No code called "${t.v}" in this codebook`);
      return id ? { code: id } : null;
    }
    problems.push(`"${t.t === 'close' ? ')' : t.t.toUpperCase()}" is not where a code can go`);
    return null;
  };
  if (toks.length === 0) return { expr: null, problems: ['Enter at least one code'] };
  const expr = parseOr();
  if (expr && pos < toks.length)
    problems.push('Join codes with AND, OR or NOT (two codes are next to each other)');
  return expr && problems.length === 0 ? { expr, problems: [] } : { expr: null, problems };
}
