// The text search language of the evidence base: words (stemmed), "quoted phrases", prefix*,
// AND / OR / NOT (upper case), a leading minus for NOT, | for OR, and parentheses. Words next to
// each other mean AND. The parser never fails: stray parentheses are ignored, an unclosed quote
// runs to the end, and operators with nothing to work on are dropped. The database does the
// matching (PostgreSQL full-text search, English stemming); this module only builds the tree.

export type TextQuery =
  | { kind: 'word'; text: string }
  | { kind: 'prefix'; text: string }
  | { kind: 'phrase'; text: string }
  | { kind: 'and'; items: TextQuery[] }
  | { kind: 'or'; items: TextQuery[] }
  | { kind: 'not'; item: TextQuery };

type Token =
  | { t: 'word'; v: string }
  | { t: 'phrase'; v: string }
  | { t: 'and' | 'or' | 'not' | 'open' | 'close' };

/** Longest query accepted, in characters (search boxes, not documents). */
export const MAX_QUERY_LENGTH = 1000;

function tokenise(input: string): Token[] {
  const out: Token[] = [];
  const s = input.slice(0, MAX_QUERY_LENGTH);
  let i = 0;
  while (i < s.length) {
    const c = s[i]!;
    if (/\s/u.test(c)) {
      i++;
    } else if (c === '"' || c === '“' || c === '”') {
      const close = s.slice(i + 1).search(/["“”]/u);
      const end = close < 0 ? s.length : i + 1 + close;
      const v = s.slice(i + 1, end).trim();
      if (v) out.push({ t: 'phrase', v });
      i = end + 1;
    } else if (c === '(') {
      out.push({ t: 'open' });
      i++;
    } else if (c === ')') {
      out.push({ t: 'close' });
      i++;
    } else if (c === '|') {
      out.push({ t: 'or' });
      i++;
    } else if (c === '-' && (i === 0 || /[\s(]/u.test(s[i - 1]!))) {
      out.push({ t: 'not' });
      i++;
    } else {
      const m = /^[^\s()"“”|]+/u.exec(s.slice(i));
      const v = m ? m[0] : c;
      i += v.length;
      if (v === 'AND' || v === '&') out.push({ t: 'and' });
      else if (v === 'OR') out.push({ t: 'or' });
      else if (v === 'NOT') out.push({ t: 'not' });
      else out.push({ t: 'word', v });
    }
  }
  return out;
}

/** A word token as a leaf: "protect*" is a prefix; punctuation-only words are dropped. */
function leaf(v: string): TextQuery | null {
  const prefix = /^([\p{L}\p{N}][\p{L}\p{N}'’-]*)\*+$/u.exec(v);
  if (prefix) return { kind: 'prefix', text: prefix[1]!.toLowerCase() };
  const word = v.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '');
  return word ? { kind: 'word', text: word } : null;
}

function combine(kind: 'and' | 'or', items: TextQuery[]): TextQuery | null {
  const flat = items.flatMap((q) => (q.kind === kind ? q.items : [q]));
  if (flat.length === 0) return null;
  return flat.length === 1 ? flat[0]! : { kind, items: flat };
}

/** Parses a search box into a query tree, or null when nothing searchable is left. */
export function parseTextQuery(input: string): TextQuery | null {
  const tokens = tokenise(input);
  let pos = 0;
  const peek = (): Token | undefined => tokens[pos];

  function parseOr(depth: number): TextQuery | null {
    const items: TextQuery[] = [];
    const first = parseAnd(depth);
    if (first) items.push(first);
    while (peek()?.t === 'or') {
      pos++;
      const next = parseAnd(depth);
      if (next) items.push(next);
    }
    return combine('or', items);
  }

  function parseAnd(depth: number): TextQuery | null {
    const items: TextQuery[] = [];
    for (;;) {
      const t = peek();
      if (!t || t.t === 'or') break;
      if (t.t === 'close') {
        if (depth > 0) break;
        pos++; // a stray ')' at the top level
        continue;
      }
      if (t.t === 'and') {
        pos++;
        continue;
      }
      const u = parseUnary(depth);
      if (u) items.push(u);
    }
    return combine('and', items);
  }

  function parseUnary(depth: number): TextQuery | null {
    const t = peek();
    if (!t) return null;
    if (t.t === 'not') {
      pos++;
      const inner = parseUnary(depth);
      if (!inner) return null;
      return inner.kind === 'not' ? inner.item : { kind: 'not', item: inner };
    }
    if (t.t === 'open') {
      pos++;
      const inner = parseOr(depth + 1);
      if (peek()?.t === 'close') pos++;
      return inner;
    }
    pos++;
    if (t.t === 'phrase') {
      const words = t.v.split(/\s+/u).filter(Boolean);
      if (words.length === 1) return leaf(words[0]!);
      return { kind: 'phrase', text: words.join(' ') };
    }
    if (t.t === 'word') return leaf(t.v);
    return null;
  }

  return parseOr(0);
}

/** The leaves that must be present for a match (not under a NOT): what hits highlight. */
export function positiveLeaves(q: TextQuery, negated = false): TextQuery[] {
  switch (q.kind) {
    case 'word':
    case 'prefix':
    case 'phrase':
      return negated ? [] : [q];
    case 'not':
      return positiveLeaves(q.item, !negated);
    case 'and':
    case 'or':
      return q.items.flatMap((i) => positiveLeaves(i, negated));
  }
}

/**
 * Whether the query can match without any of its positive words: "NOT neglect" matches almost
 * everything. Such queries cannot use the search index, so national search refuses them.
 */
export function matchesWithoutTerms(q: TextQuery): boolean {
  switch (q.kind) {
    case 'word':
    case 'prefix':
    case 'phrase':
      return false;
    case 'not':
      return !matchesWithoutTerms(q.item);
    case 'and':
      return q.items.every(matchesWithoutTerms);
    case 'or':
      return q.items.some(matchesWithoutTerms);
  }
}

/** The query written back in canonical form (shown as "searched for ..."). */
export function formatTextQuery(q: TextQuery): string {
  const wrap = (x: TextQuery): string =>
    x.kind === 'and' || x.kind === 'or' ? `(${formatTextQuery(x)})` : formatTextQuery(x);
  switch (q.kind) {
    case 'word':
      return q.text;
    case 'prefix':
      return `${q.text}*`;
    case 'phrase':
      return `"${q.text}"`;
    case 'not':
      return `NOT ${wrap(q.item)}`;
    case 'and':
      return q.items.map(wrap).join(' AND ');
    case 'or':
      return q.items.map(wrap).join(' OR ');
  }
}
