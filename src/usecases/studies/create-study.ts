// A national user sets up a reliability study (issue 15; Ofsted's 2019 review, seed 002 §51):
// picks published inspections, and Triangulate keeps a redacted copy of each evidence base,
// reporting what it redacted and what it is unsure of. Reviewers only ever read these copies.
import { randomInt } from 'node:crypto';
import { z } from 'zod';
import { writeAudit } from '../../data/audit-log.js';
import { findActivity, listTeam } from '../../data/repositories/activities.js';
import { listCases } from '../../data/repositories/cases.js';
import { listEvidence } from '../../data/repositories/evidence.js';
import { listJudgements } from '../../data/repositories/judgements.js';
import { listLinesOfEnquiry } from '../../data/repositories/lines-of-enquiry.js';
import {
  insertEvidenceBase,
  insertStudy,
  listLaLinks,
} from '../../data/repositories/reliability.js';
import { findReportByActivity, findReportVersion } from '../../data/repositories/reports.js';
import type { Activity } from '../../domain/activities/activity.js';
import { policies } from '../../domain/access/policies.js';
import { knownWords } from '../../domain/reliability/known-words.js';
import { redactEvidenceBase } from '../../domain/reliability/redaction.js';
import type { RedactionReport, StudyEvidenceBase } from '../../domain/reliability/types.js';
import { AppError } from '../../errors.js';
import type { UseCaseContext } from '../context.js';
import { actorRef } from '../shared/actor-ref.js';

export const CreateStudyInput = z.object({
  title: z.string().trim().min(1, 'Enter a title').max(200),
  activityIds: z
    .array(z.uuid('Pick published inspections'))
    .min(1, 'Pick at least one published inspection')
    .max(12, 'Pick at most 12 inspections'),
  /** Days every date moves by (default: a random 60 to 400 days earlier or later, never 0). */
  dateOffsetDays: z
    .number()
    .int()
    .min(-3650)
    .max(3650)
    .refine((n) => n !== 0)
    .optional(),
});
export type CreateStudyInput = z.input<typeof CreateStudyInput>;

const STUDY_TYPES = new Set(['standard_inspection', 'short_inspection']);

export interface CreatedStudy {
  id: string;
  bases: { label: string; records: number; redaction: RedactionReport }[];
}

function invalid(reason: string): AppError {
  return new AppError('VALIDATION_FAILED', { details: [{ field: 'activityIds', reason }] });
}

/** The published text's areas for improvement (and for priority action), as written. */
async function publishedImprovements(ctx: UseCaseContext, activityId: string): Promise<string[]> {
  const report = await findReportByActivity(ctx.db, activityId);
  if (!report?.publishedVersion) return [];
  const version = await findReportVersion(ctx.db, report.id, report.publishedVersion);
  return (version?.document.sections ?? [])
    .filter((s) => s.content === 'improvements' || s.content === 'priority_actions')
    .flatMap((s) => s.paragraphs);
}

/** Everything the system knows that names the LA, its places, its people and its children. */
async function redactedCopy(ctx: UseCaseContext, a: Activity, offset: number) {
  const [records, lines, team, links, children] = await Promise.all([
    listEvidence(ctx.db, { activityId: a.id, deleted: 'exclude', limit: 100_000 }),
    listLinesOfEnquiry(ctx.db, { activityId: a.id }),
    listTeam(ctx.db, a.id),
    listLaLinks(ctx.db, a.id, a.laId),
    listCases(ctx.db, { activityId: a.id, kind: 'child' }),
  ]);
  const bare = a.laName.replace(/\(.*?\)/g, '').trim();
  const refs = (xs: ({ reference: string } | null)[]) =>
    xs.filter((x): x is { reference: string } => x !== null).map((x) => x.reference);
  return redactEvidenceBase(
    records.map((r) => ({
      reference: r.reference,
      observedOn: r.observedOn,
      method: r.method,
      direction: r.direction,
      judgementAreas: r.judgementAreas,
      childRef: r.childCase?.reference ?? null,
      lineOfEnquiry: r.lineOfEnquiryTitle,
      text: r.text,
    })),
    lines.map((l) => l.title),
    {
      la: [a.laName, bare, `${bare} Council`],
      places: records.map((r) => r.locality).filter((l): l is string => !!l),
      people: [...team.map((t) => t.displayName), ...records.map((r) => r.recordedBy.label)],
      staff: [
        ...links.laStaff,
        ...refs(records.map((r) => r.practitionerCase)),
        ...refs(records.map((r) => r.teamCase)),
      ],
      children: [...children.map((c) => c.reference), ...refs(records.map((r) => r.childCase))],
      knownWords: knownWords(),
    },
    offset,
  );
}

export async function createStudy(
  ctx: UseCaseContext,
  raw: CreateStudyInput,
): Promise<CreatedStudy> {
  if (!policies.manageReliabilityStudies(ctx.actor)) throw new AppError('FORBIDDEN');
  const input = CreateStudyInput.parse(raw);
  const ids = [...new Set(input.activityIds)];
  const offset = input.dateOffsetDays ?? randomInt(60, 401) * (randomInt(2) ? 1 : -1);
  const bases: Omit<StudyEvidenceBase, 'id' | 'studyId'>[] = [];
  for (const [i, id] of ids.entries()) {
    const a = await findActivity(ctx.db, id);
    if (!a || a.state !== 'published' || !STUDY_TYPES.has(a.activityType))
      throw invalid('Pick published standard or short inspections only.');
    const [copy, judgements, improvements] = await Promise.all([
      redactedCopy(ctx, a, offset),
      listJudgements(ctx.db, a.id),
      publishedImprovements(ctx, a.id),
    ]);
    const grades: Record<string, string> = {};
    for (const [key, j] of judgements) if (j.grade) grades[key] = j.grade;
    bases.push({
      activityId: a.id,
      position: i,
      label: `Evidence base ${String.fromCharCode(65 + i)}`,
      activityType: a.activityType,
      frameworkId: a.frameworkId,
      publishedGrades: grades,
      publishedImprovements: improvements,
      linesOfEnquiry: copy.lines,
      records: copy.records,
      redaction: copy.report,
    });
  }
  const by = actorRef(ctx.actor);
  const id = await ctx.db.transaction().execute(async (trx) => {
    const studyId = await insertStudy(trx, {
      title: input.title,
      dateOffsetDays: offset,
      createdBy: by.id,
      createdByLabel: by.label,
    });
    for (const b of bases) await insertEvidenceBase(trx, { ...b, studyId });
    await writeAudit(trx, ctx.actor, {
      action: 'study.created',
      entityType: 'reliability_study',
      entityId: studyId,
      after: {
        title: input.title,
        activities: ids,
        dateOffsetDays: offset,
        redacted: bases.map((b) => ({ label: b.label, counts: b.redaction.counts })),
      },
    });
    return studyId;
  });
  return {
    id,
    bases: bases.map((b) => ({
      label: b.label,
      records: b.records.length,
      redaction: b.redaction,
    })),
  };
}
