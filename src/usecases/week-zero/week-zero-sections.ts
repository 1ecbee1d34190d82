// The sections of an activity's week-zero material, each loaded by its own function from what the
// actor may see. A new section is one more loader in `sectionLoaders` (the LA's latest
// self-evaluation and the last engagement meeting are in week-zero-la-sections.ts); an item of any
// section can become a line of enquiry (make-enquiry-from-item.ts), linked by its kind and ref.
import { isoDayText } from '../../domain/calendar/format.js';
import type { Kysely } from 'kysely';
import type { Activity } from '../../data/repositories/activities.js';
import { findPreviousPublishedReport } from '../../data/repositories/enquiry-sources.js';
import { latestJudgements } from '../../data/repositories/inspection-history.js';
import { listIntelligence } from '../../data/repositories/intelligence.js';
import { currentRiskAssessments } from '../../data/repositories/risk-assessments.js';
import type { DB } from '../../data/schema.js';
import { gradeLabels, judgementLabels, type JudgementKey } from '../../domain/history/types.js';
import { intelligenceKindLabels } from '../../domain/risk/intelligence.js';
import { riskModel } from '../../domain/risk/installed.js';
import { outcomeTitle } from '../../domain/risk/outcomes.js';
import { engagementMeetingSection, selfEvaluationSection } from './week-zero-la-sections.js';

export type WeekZeroKind =
  'risk_rating' | 'intelligence' | 'improvement' | 'self_evaluation' | 'engagement_meeting';

export interface WeekZeroItem {
  kind: WeekZeroKind;
  /** What identifies the item within its kind (an entry id, a domain key, "activity:n"). */
  ref: string;
  label: string;
  detail: string | null;
  date: string | null;
  intelligenceEntryId: string | null;
}

export interface WeekZeroSection {
  key: string;
  heading: string;
  /** Said above the items (the level, where the list comes from). */
  lead: string | null;
  items: WeekZeroItem[];
  /** Said when there is nothing to show. */
  empty: string;
}

export interface SectionContext {
  db: Kysely<DB>;
  activity: Activity;
  /** May read the LA's risk ratings. */
  risk: boolean;
  /** May read confidential entries (whistle-blowing, complaints). */
  confidential: boolean;
}

const RECENT = 10;

async function riskSection(c: SectionContext): Promise<WeekZeroSection | null> {
  if (!c.risk) return null;
  const current = (await currentRiskAssessments(c.db, [c.activity.laId])).get(c.activity.laId);
  const base = { key: 'risk', heading: 'Risk picture', empty: 'The LA has not been assessed yet.' };
  if (!current) return { ...base, lead: null, items: [] };
  const a = current.current;
  const model = riskModel({ id: a.modelId });
  const level = model.levels.find((l) => l.key === a.overallLevel)?.label ?? a.overallLevel;
  return {
    ...base,
    lead: `Current risk level: ${level} (version ${a.version}, assessed ${isoDayText(a.assessedOn)}).`,
    items: model.domains.map((d) => {
      const r = a.ratings.find((x) => x.domain === d.key);
      const rating = model.ratings.find((x) => x.key === r?.rating)?.label ?? r?.rating ?? '';
      return {
        kind: 'risk_rating' as const,
        ref: d.key,
        label: `${d.title}: ${rating}`,
        detail: r?.justification || null,
        date: a.assessedOn,
        intelligenceEntryId: null,
      };
    }),
  };
}

async function intelligenceSection(c: SectionContext): Promise<WeekZeroSection | null> {
  if (!c.risk) return null;
  const { entries } = await listIntelligence(
    c.db,
    {
      laId: c.activity.laId,
      // Whistle-blowing, complaints and other confidential entries stay with the region.
      ...(c.confidential ? {} : { standardOnly: true }),
      limit: RECENT,
    },
    false,
  );
  return {
    key: 'intelligence',
    heading: 'Recent intelligence',
    lead: `The ${RECENT} most recent entries of the LA’s intelligence log.`,
    empty: 'No intelligence has been recorded about the LA.',
    items: entries.map((e) => ({
      kind: 'intelligence' as const,
      ref: e.id,
      label: e.history
        ? outcomeTitle(e.history.activityType, e.history.theme, e.history.grades)
        : e.title,
      detail: `${intelligenceKindLabels[e.kind] ?? e.kind}. ${e.summary}`.trim(),
      date: e.receivedOn,
      intelligenceEntryId: e.id,
    })),
  };
}

async function improvementsSection(c: SectionContext): Promise<WeekZeroSection> {
  const base = { key: 'improvements', heading: 'Areas for improvement in the last report' };
  const previous = await findPreviousPublishedReport(c.db, c.activity.laId, c.activity.id);
  if (previous) {
    const paragraphs = previous.document.sections
      .filter((s) => s.content === 'improvements' || s.content === 'priority_actions')
      .flatMap((s) => s.paragraphs);
    return {
      ...base,
      lead: `From ${previous.activityTitle}, published in Triangulate.`,
      empty: 'The last report named no areas for improvement.',
      items: paragraphs.map((p, i) => ({
        kind: 'improvement' as const,
        ref: `${previous.activityId}:${i + 1}`,
        label: p,
        detail: null,
        date: null,
        intelligenceEntryId: null,
      })),
    };
  }
  // The imported history holds grades, not the reports' text: show the last graded outcome.
  const last = (await latestJudgements(c.db, { laIds: [c.activity.laId] })).get(c.activity.laId);
  return {
    ...base,
    lead: last
      ? `No report published in Triangulate. The history holds the last graded inspection (${last.startDate}), not its areas for improvement: its grades are listed.`
      : null,
    empty: 'No earlier report or graded inspection is held for the LA.',
    items: last
      ? Object.entries(last.grades).map(([k, g]) => ({
          kind: 'improvement' as const,
          ref: `${last.id}:${k}`,
          label: `${judgementLabels[k as JudgementKey] ?? k}: ${gradeLabels[g] ?? g}`,
          detail: null,
          date: last.startDate,
          intelligenceEntryId: null,
        }))
      : [],
  };
}

export const sectionLoaders: Array<(c: SectionContext) => Promise<WeekZeroSection | null>> = [
  riskSection,
  intelligenceSection,
  improvementsSection,
  selfEvaluationSection,
  engagementMeetingSection,
];
