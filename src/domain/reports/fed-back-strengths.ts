// Strengths fed back to the LA at keeping-in-touch meetings, tracked to the report (issue 17;
// Slough, seed 004, saw strengths fed back on site disappear from the report). Each strength is
// found in the draft by its words, or linked to a paragraph by the lead, or given a reason why it
// is not there; a strength with none of these stops the draft going to the LA. Pure.
import type { FeedbackEntry } from '../judgements/divergence.js';
import type { ReportDocument } from './types.js';

export interface FedBackStrength {
  /** Stable: the feedback entry and the theme's place in it. */
  key: string;
  entryId: string;
  heldOn: string;
  judgementKey: string;
  text: string;
}

export interface ParagraphRef {
  sectionKey: string;
  index: number;
}

export interface ParagraphMatch extends ParagraphRef {
  heading: string | null;
  text: string;
  /** Share of the strength's key words found in the paragraph (0 to 1). */
  score: number;
}

export interface StrengthDecision {
  strengthKey: string;
  link: (ParagraphRef & { text: string }) | null;
  reason: string | null;
  byLabel: string;
  at: Date;
}

export type StrengthStatus = 'found' | 'linked' | 'explained' | 'missing' | 'no_draft';

export interface TrackedStrength extends FedBackStrength {
  status: StrengthStatus;
  /** Where it appears: the paragraph linked by hand, else the best match by words. */
  appearsIn: ParagraphMatch | null;
  /** The best matches by words (for the lead to link one by hand). */
  suggestions: ParagraphMatch[];
  reason: string | null;
  decidedBy: string | null;
}

/** A strength counts as found when this share of its key words is in one paragraph. */
export const FOUND_SCORE = 0.6;

const STOP = new Set(
  'a an and are as at be been but by for from has have in into is it its of on or our so that the their them there these they this those to was were which while who will with within without'.split(
    ' ',
  ),
);

/** Key words of a text: lower case, no stop words, crude stems (plural and -ed/-ing endings). */
export function keywords(text: string): Set<string> {
  const out = new Set<string>();
  for (const raw of text
    .toLowerCase()
    .normalize('NFKD')
    .split(/[^a-z0-9]+/)) {
    if (raw.length < 3 || STOP.has(raw)) continue;
    out.add(stem(raw));
  }
  return out;
}

function stem(w: string): string {
  for (const end of ['ing', 'ed', 'es', 's', 'ly'])
    if (w.length - end.length >= 4 && w.endsWith(end)) return w.slice(0, -end.length);
  return w;
}

export function similarity(strength: string, paragraph: string): number {
  const want = keywords(strength);
  if (!want.size) return 0;
  const have = keywords(paragraph);
  let hit = 0;
  for (const w of want) if (have.has(w)) hit++;
  return hit / want.size;
}

/** The strengths of every keeping-in-touch meeting, in the order they were fed back. */
export function fedBackStrengths(entries: FeedbackEntry[]): FedBackStrength[] {
  return entries
    .filter((e) => e.kind === 'keeping_in_touch')
    .sort((a, b) => a.heldOn.localeCompare(b.heldOn))
    .flatMap((e) =>
      e.themes
        .map((t, i) => ({ t, i }))
        .filter(({ t }) => t.direction === 'strength')
        .map(({ t, i }) => ({
          key: `${e.id}:${i}`,
          entryId: e.id,
          heldOn: e.heldOn,
          judgementKey: t.judgementKey,
          text: t.text,
        })),
    );
}

export function paragraphAt(doc: ReportDocument, ref: ParagraphRef): ParagraphMatch | null {
  const s = doc.sections.find((x) => x.key === ref.sectionKey);
  const text = s?.paragraphs[ref.index];
  if (!s || text === undefined) return null;
  return { sectionKey: s.key, index: ref.index, heading: s.heading, text, score: 1 };
}

/** Paragraphs ranked by how many of the strength's key words they hold (best first). */
export function rankParagraphs(doc: ReportDocument, text: string, limit = 3): ParagraphMatch[] {
  const all: ParagraphMatch[] = [];
  for (const s of doc.sections)
    s.paragraphs.forEach((p, index) => {
      const score = similarity(text, p);
      if (score > 0) all.push({ sectionKey: s.key, index, heading: s.heading, text: p, score });
    });
  return all.sort((a, b) => b.score - a.score).slice(0, limit);
}

/** Each strength's status against the current draft (null: no draft yet). */
export function trackStrengths(
  strengths: FedBackStrength[],
  doc: ReportDocument | null,
  decisions: StrengthDecision[],
): TrackedStrength[] {
  return strengths.map((s) => {
    const d = decisions.find((x) => x.strengthKey === s.key) ?? null;
    const base = { ...s, reason: d?.reason ?? null, decidedBy: d?.byLabel ?? null };
    if (!doc) return { ...base, status: 'no_draft', appearsIn: null, suggestions: [] };
    const suggestions = rankParagraphs(doc, s.text);
    const linked = d?.link ? paragraphAt(doc, d.link) : null;
    if (linked) return { ...base, status: 'linked', appearsIn: linked, suggestions };
    const best = suggestions[0];
    if (best && best.score >= FOUND_SCORE)
      return { ...base, status: 'found', appearsIn: best, suggestions };
    if (d?.reason) return { ...base, status: 'explained', appearsIn: null, suggestions };
    return { ...base, status: 'missing', appearsIn: null, suggestions };
  });
}

export const strengthStatusLabels: Record<StrengthStatus, string> = {
  found: 'In the draft',
  linked: 'Linked by hand',
  explained: 'Not in the draft: reason given',
  missing: 'Not in the draft: reason needed',
  no_draft: 'No draft yet',
};

/** What stops release: each strength neither in the draft nor explained, in words. */
export function strengthProblems(tracked: TrackedStrength[]): string[] {
  return tracked
    .filter((t) => t.status === 'missing')
    .map(
      (t) =>
        `The strength fed back on ${t.heldOn} (“${t.text}”) is not in the draft: link it to a paragraph or say why it is left out.`,
    );
}
