// When a report may move on: the QAM signs off an exact version (before release, and again after
// the factual accuracy check), the lead releases and publishes only what was signed off, and
// publication waits for the LA's window to close (or every comment answered and the LA's
// confirmation), for the fieldwork to be over, and for every required section to have text.
import type { ReportDocument, ReportSection, SectionContent } from './types.js';

const WRITTEN: ReadonlySet<SectionContent> = new Set([
  'narrative',
  'improvements',
  'findings',
  'priority_actions',
] as SectionContent[]);

/** Whether a section must have text before sign-off and publication. */
export function isRequired(s: ReportSection): boolean {
  return s.required ?? WRITTEN.has(s.content);
}

const label = (s: ReportSection) => s.heading ?? s.key.replace(/_/g, ' ');

/** Required sections with no text, by heading. */
export function emptyRequired(doc: ReportDocument): string[] {
  return doc.sections
    .filter((s) => isRequired(s) && !s.paragraphs.some((p) => p.trim()))
    .map(label);
}

/** Sections flagged for review after a grade changed, by heading. */
export function awaitingReview(doc: ReportDocument): string[] {
  return doc.sections.filter((s) => s.reviewNeeded).map(label);
}

export interface ReleaseRound {
  deadline: string;
  releasedAt: Date;
  laConfirmed: boolean;
}

export interface SignoffFact {
  versionNumber: number;
  signedAt: Date;
}

/** The latest sign-off of exactly this version made after the latest release, if any. */
export function signedOff<T extends SignoffFact>(
  signoffs: readonly T[],
  version: number,
  lastRelease: ReleaseRound | null,
): T | null {
  const after = lastRelease?.releasedAt.getTime() ?? -Infinity;
  return (
    [...signoffs]
      .reverse()
      .find((s) => s.versionNumber === version && s.signedAt.getTime() > after) ?? null
  );
}

/**
 * Whether the LA's factual accuracy check is over: the window has passed, or every comment is
 * answered and the LA has confirmed it has no more. Null when over, else why not.
 */
export function factualAccuracyProblem(
  last: ReleaseRound | null,
  openComments: number,
  today: string,
): string | null {
  if (!last) return 'Release the draft to the LA for its factual accuracy check first.';
  if (openComments > 0)
    return `${openComments} factual accuracy ${openComments === 1 ? 'comment has' : 'comments have'} no response yet: answer every comment first.`;
  if (today > last.deadline || last.laConfirmed) return null;
  return 'The LA’s factual accuracy window is still open: wait until it closes, or until the LA confirms it has no more comments.';
}

/** What the text itself lacks before it can be signed off, released or published. */
export function contentProblems(doc: ReportDocument): string[] {
  const out: string[] = [];
  const empty = emptyRequired(doc);
  if (empty.length) out.push(`Write the required sections: ${empty.join(', ')}.`);
  const review = awaitingReview(doc);
  if (review.length)
    out.push(`A grade changed after these were written; review them: ${review.join(', ')}.`);
  return out;
}

/** Publication also waits for the fieldwork to be over (fieldwork end, as YYYY-MM-DD). */
export function fieldworkProblem(fieldworkEnd: string | null, today: string): string | null {
  return fieldworkEnd && today <= fieldworkEnd
    ? 'The inspection’s fieldwork is not over yet: a report is published only after it ends.'
    : null;
}
