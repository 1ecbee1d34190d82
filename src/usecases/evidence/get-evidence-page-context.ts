// What every evidence and analysis page shows around its content: the activity's title, whether
// the person may change its evidence, and the choices its forms offer (judgement areas, lines of
// enquiry, codes, the team). One read, checked like every evidence read (NOT_FOUND to outsiders).
import { z } from 'zod';
import { listTeam } from '../../data/repositories/activities.js';
import { listChildCaseChoices } from '../../data/repositories/cases.js';
import { listCodeChoices } from '../../data/repositories/codes.js';
import { cohortDefs, type CohortId } from '../../domain/sampling/population.js';
import { listLineChoices } from '../../data/repositories/lines-of-enquiry.js';
import type { UseCaseContext } from '../context.js';
import { evidenceScope } from '../shared/evidence-scope.js';
import { judgementAreasOf } from '../../domain/frameworks/installed.js';

export const GetEvidencePageContextInput = z.object({
  activityId: z.string(),
  /** The codebook too (query builders, focus forms): 250 rows on a full inspection, so on request. */
  codes: z.boolean().default(false),
  /** The child cases to pick from (the capture forms). */
  cases: z.boolean().default(false),
});
export type GetEvidencePageContextInput = z.input<typeof GetEvidencePageContextInput>;

export interface EvidencePageContext {
  activity: { id: string; title: string; laName: string; state: string };
  canWrite: boolean;
  areas: Array<{ key: string; title: string }>;
  lines: Array<{ id: string; title: string; status: string }>;
  /** Codable codes in tree order, named with their folder ("Help and protection: Front door"). */
  codes: Array<{ id: string; name: string; label: string; codingCount: number }>;
  team: Array<{ id: string; label: string }>;
  /** Child cases to pick from, sampled first: `label` names the cohort. */
  cases: Array<{ reference: string; label: string; sampled: boolean }>;
}

export async function getEvidencePageContext(
  ctx: UseCaseContext,
  raw: GetEvidencePageContextInput,
): Promise<EvidencePageContext> {
  const input = GetEvidencePageContextInput.parse(raw);
  const { activity, canWrite } = await evidenceScope(ctx, input.activityId, 'read');
  const [lines, codes, team, cases] = await Promise.all([
    listLineChoices(ctx.db, activity.id),
    input.codes ? listCodeChoices(ctx.db, activity.id) : Promise.resolve([]),
    listTeam(ctx.db, activity.id),
    input.cases ? listChildCaseChoices(ctx.db, activity.id) : Promise.resolve([]),
  ]);
  const names = new Map(codes.map((c) => [c.id, c.name]));
  return {
    activity: {
      id: activity.id,
      title: activity.title,
      laName: activity.laName,
      state: activity.state,
    },
    canWrite,
    areas: judgementAreasOf(activity),
    lines: lines.map((l) => ({ id: l.id, title: l.title, status: l.status })),
    codes: codes
      .filter((c) => c.isCodable)
      .map((c) => {
        const parent = c.parentId ? names.get(c.parentId) : undefined;
        return {
          id: c.id,
          name: c.name,
          label: parent ? `${parent}: ${c.name}` : c.name,
          codingCount: c.codingCount,
        };
      }),
    team: team.map((m) => ({ id: m.userId, label: m.displayName })),
    cases: cases.map((c) => ({
      reference: c.reference,
      sampled: c.sampledCohort !== null,
      label: c.sampledCohort
        ? `${c.reference} (sampled: ${cohortDefs[c.sampledCohort as CohortId]?.label ?? c.sampledCohort})`
        : `${c.reference} (not in the sample)`,
    })),
  };
}
