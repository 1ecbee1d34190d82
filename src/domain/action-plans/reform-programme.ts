// The LA's reform and improvement programme (Munro recommendation 9) and where a published report
// mentions it: a plain text match of the programme's name and keywords, quoted sentence by
// sentence. It shows where the report took the programme into account; it does not judge it.
import type { PersonRef } from '../evidence/records.js';

export interface ReformProgramme {
  id: string;
  laId: string;
  name: string;
  aims: string;
  startsOn: string;
  endsOn: string | null;
  keywords: string[];
  updatedBy: PersonRef;
  updatedAt: Date;
}

export interface ReportMention {
  activityId: string;
  activityTitle: string;
  sectionHeading: string | null;
  /** The sentence that mentions it. */
  quote: string;
  /** The name or keyword found. */
  term: string;
}

export interface PublishedReportText {
  activityId: string;
  activityTitle: string;
  sections: { heading: string | null; paragraphs: string[] }[];
}

/** Keywords as typed ("a, b; c"): trimmed, deduplicated, at most 10 of up to 80 characters. */
export function parseKeywords(raw: string | string[]): string[] {
  const parts = (Array.isArray(raw) ? raw : raw.split(/[,;\n]/))
    .map((k) => k.trim())
    .filter((k) => k.length >= 3);
  return [...new Map(parts.map((k) => [k.toLowerCase(), k.slice(0, 80)])).values()].slice(0, 10);
}

/** The sentences of a paragraph (a simple split on full stops, question and exclamation marks). */
export function sentences(paragraph: string): string[] {
  return paragraph
    .split(/(?<=[.!?])\s+(?=[A-Z0-9“"‘'(])/)
    .map((s) => s.trim())
    .filter(Boolean);
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Every sentence of the reports that names the programme or one of its keywords (whole words). */
export function findMentions(
  programme: Pick<ReformProgramme, 'name' | 'keywords'>,
  reports: PublishedReportText[],
): ReportMention[] {
  const terms = [programme.name, ...programme.keywords].filter((t) => t.trim().length >= 3);
  const patterns = terms.map((t) => ({
    term: t,
    re: new RegExp(`(^|[^\\p{L}\\p{N}])${escapeRegExp(t.trim())}($|[^\\p{L}\\p{N}])`, 'iu'),
  }));
  const out: ReportMention[] = [];
  for (const r of reports)
    for (const s of r.sections)
      for (const p of s.paragraphs)
        for (const sentence of sentences(p)) {
          const hit = patterns.find((x) => x.re.test(sentence));
          if (hit)
            out.push({
              activityId: r.activityId,
              activityTitle: r.activityTitle,
              sectionHeading: s.heading,
              quote: sentence,
              term: hit.term,
            });
        }
  return out;
}
