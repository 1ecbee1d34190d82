// Which LAs have submitted a self-evaluation in the last 12 months: every current LA of a region
// (regional staff: their own; national staff and admins: any region, or all of them), with the
// latest version and whether the region has acknowledged it.
import { z } from 'zod';
import { listLocalAuthorities } from '../../data/repositories/local-authorities.js';
import { latestVersions } from '../../data/repositories/self-evaluations.js';
import { policies } from '../../domain/access/policies.js';
import { ofstedRegions } from '../../domain/access/roles.js';
import { isCurrent } from '../../domain/las/la.js';
import {
  submissionStatus,
  submissionStatusLabels,
  twelveMonthsBefore,
  type SubmissionStatus,
} from '../../domain/self-evaluation/self-evaluation.js';
import { AppError } from '../../errors.js';
import { todayInEngland } from '../../clock.js';
import type { UseCaseContext } from '../context.js';
import { validationError } from './scope.js';

const region = z.preprocess(
  (v) =>
    typeof v === 'string'
      ? (ofstedRegions.find((r) => r.toLowerCase() === v.trim().toLowerCase()) ?? v)
      : v,
  z.enum(ofstedRegions, { error: `Choose one of: ${ofstedRegions.join('; ')}` }),
);

export const ListSelfEvaluationStatusInput = z.object({
  /** A region; absent: the actor's own, or every region for national staff and admins. */
  region: region.optional(),
  /** Only the LAs that have not submitted in the last 12 months. */
  notSubmittedOnly: z.boolean().default(false),
});

export interface SelfEvaluationStatusRow {
  la: { id: string; name: string; region: string | null };
  status: SubmissionStatus;
  statusLabel: string;
  latest: { version: number; submittedOn: string; acknowledged: boolean } | null;
}

export interface SelfEvaluationStatusList {
  /** null: every region. */
  region: string | null;
  since: string;
  rows: SelfEvaluationStatusRow[];
  notSubmittedCount: number;
  awaitingAcknowledgementCount: number;
  total: number;
}

export async function listSelfEvaluationStatus(
  ctx: UseCaseContext,
  raw: z.input<typeof ListSelfEvaluationStatusInput>,
): Promise<SelfEvaluationStatusList> {
  const parsed = ListSelfEvaluationStatusInput.safeParse(raw);
  if (!parsed.success) throw validationError(parsed.error.issues);
  const input = parsed.data;
  const own = ctx.actor.kind === 'user' ? ctx.actor.region : null;
  const national = policies.viewNationalRisk(ctx.actor);
  const chosen = input.region ?? own ?? null;
  if (chosen === null ? !national : !policies.viewSelfEvaluationStatus(ctx.actor, chosen))
    throw new AppError('NOT_FOUND');
  const today = todayInEngland();
  const las = (
    await listLocalAuthorities(ctx.db, chosen === null ? {} : { region: chosen })
  ).filter((l) => isCurrent(l));
  const latest = await latestVersions(
    ctx.db,
    las.map((l) => l.id),
  );
  const all = las.map((la): SelfEvaluationStatusRow => {
    const v = latest.get(la.id);
    const status = submissionStatus(v?.submittedOn ?? null, today);
    return {
      la: { id: la.id, name: la.name, region: la.ofstedRegion },
      status,
      statusLabel: submissionStatusLabels[status],
      latest: v
        ? {
            version: v.version,
            submittedOn: v.submittedOn,
            acknowledged: v.acknowledgement !== null,
          }
        : null,
    };
  });
  const rows = input.notSubmittedOnly ? all.filter((r) => r.status !== 'submitted') : all;
  return {
    region: chosen,
    since: twelveMonthsBefore(today),
    rows,
    notSubmittedCount: all.filter((r) => r.status !== 'submitted').length,
    awaitingAcknowledgementCount: all.filter((r) => r.latest && !r.latest.acknowledged).length,
    total: all.length,
  };
}
