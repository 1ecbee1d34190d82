// Section text as typed in the editor and as stored: prose is paragraphs separated by blank
// lines; list sections (improvement items) take one item per line.
import type { ReportSection } from './types.js';
import { MONTH_NAMES } from '../calendar/months.js';

export function splitSectionText(text: string, list: boolean): string[] {
  const normalised = text.replace(/\r\n?/g, '\n');
  const parts = list
    ? normalised.split('\n').map((l) => l.replace(/^\s*[-*•]\s+/, ''))
    : normalised.split(/\n\s*\n/).map((p) => p.replace(/\s*\n\s*/g, ' '));
  return parts.map((p) => p.trim()).filter((p) => p.length > 0);
}

export function joinSectionText(section: Pick<ReportSection, 'paragraphs' | 'list'>): string {
  return section.paragraphs.join(section.list ? '\n' : '\n\n');
}

const ORDINALS = [
  'first',
  'second',
  'third',
  'fourth',
  'fifth',
  'sixth',
  'seventh',
  'eighth',
  'ninth',
  'tenth',
  'eleventh',
  'twelfth',
];

/** 1 -> "first"; beyond twelve, "13th". */
export function ordinal(n: number): string {
  if (n >= 1 && n <= ORDINALS.length) return ORDINALS[n - 1] ?? String(n);
  const suffixes: Record<number, string> = { 1: 'st', 2: 'nd', 3: 'rd' };
  const teen = n % 100 >= 11 && n % 100 <= 13;
  return `${n}${teen ? 'th' : (suffixes[n % 10] ?? 'th')}`;
}

/** Replaces {name} placeholders; unknown names stay as they are, visible to the writer. */
export function fill(template: string, values: Record<string, string | null | undefined>): string {
  return template.replace(/\{([a-z]+)\}/g, (whole, name: string) => {
    const v = values[name];
    return v === undefined || v === null || v === '' ? whole : v;
  });
}

function parts(iso: string): { d: number; m: string; y: string } {
  const [y = '', m = '1', d = '1'] = iso.slice(0, 10).split('-');
  return { d: Number(d), m: MONTH_NAMES[Number(m) - 1] ?? '', y };
}

/** "2 to 13 March 2026", "27 February to 10 March 2026", "[dates]" when not planned yet. */
export function formatDateRange(start: string | null, end: string | null): string {
  if (!start) return '[dates]';
  const a = parts(start);
  if (!end || end.slice(0, 10) === start.slice(0, 10)) return `${a.d} ${a.m} ${a.y}`;
  const b = parts(end);
  if (a.y !== b.y) return `${a.d} ${a.m} ${a.y} to ${b.d} ${b.m} ${b.y}`;
  if (a.m !== b.m) return `${a.d} ${a.m} to ${b.d} ${b.m} ${b.y}`;
  return `${a.d} to ${b.d} ${b.m} ${b.y}`;
}

/** "16 March 2026". */
export function formatIsoDate(iso: string): string {
  const p = parts(iso);
  return `${p.d} ${p.m} ${p.y}`;
}
