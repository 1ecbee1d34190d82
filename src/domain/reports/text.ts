// Section text as typed in the editor and as stored: prose is paragraphs separated by blank
// lines; list sections (improvement items) take one item per line.
import type { ReportSection } from './types.js';

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
