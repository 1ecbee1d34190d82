// Everything the sample page, the API and the CLI show: the current draw (seed, spec, strata
// with population, quota and cases drawn), the sampled cases, the LA's audit list size, the
// population per cohort, the lines of enquiry to draw for, the statement and what the reader
// may do.
import { findCurrentAnnexAImport } from '../../data/repositories/annex-a.js';
import { countAnnexARows } from '../../data/repositories/annex-a-rows.js';
import { listLinesOfEnquiry } from '../../data/repositories/lines-of-enquiry.js';
import {
  findCurrentDraw,
  listLaAudits,
  listSampleCases,
  type SampleCase,
  type SampleDraw,
} from '../../data/repositories/sampling.js';
import type { EntryOutcome } from '../../domain/sampling/draw.js';
import { defaultSampleSpec, SampleSpec } from '../../domain/sampling/spec.js';
import type { SampleStatement } from '../../domain/sampling/statement.js';
import type { UseCaseContext } from '../context.js';
import { getSampleStatement } from './get-sample-statement.js';
import { sampleScope } from './sample-scope.js';

export interface SampleView {
  activityId: string;
  activityTitle: string;
  laName: string;
  annexA: { importId: string; fileName: string; referenceDate: string; rows: number } | null;
  draw:
    (Omit<SampleDraw, 'outcome' | 'spec'> & { spec: SampleSpec; entries: EntryOutcome[] }) | null;
  /** The spec to start from: the current draw's, else the default. */
  spec: SampleSpec;
  cases: SampleCase[];
  removed: SampleCase[];
  laAudits: number;
  lines: { id: string; title: string }[];
  statement: SampleStatement | null;
  can: { draw: boolean; edit: boolean; revealIdentifiers: boolean };
}

export async function getSample(
  ctx: UseCaseContext,
  input: { activityId: string },
): Promise<SampleView> {
  const { activity, can } = await sampleScope(ctx, input.activityId, 'read');
  const [current, draw, all, audits, lines] = await Promise.all([
    findCurrentAnnexAImport(ctx.db, activity.id),
    findCurrentDraw(ctx.db, activity.id),
    listSampleCases(ctx.db, activity.id, { includeRemoved: true }),
    listLaAudits(ctx.db, activity.id),
    listLinesOfEnquiry(ctx.db, { activityId: activity.id }),
  ]);
  const rows = current ? Object.values(await countAnnexARows(ctx.db, activity.id)) : [];
  const parsedSpec = draw ? SampleSpec.safeParse(draw.spec) : null;
  const spec = parsedSpec?.success ? parsedSpec.data : defaultSampleSpec();
  return {
    activityId: activity.id,
    activityTitle: activity.title,
    laName: activity.laName,
    annexA: current
      ? {
          importId: current.id,
          fileName: current.fileName,
          referenceDate: current.referenceDate,
          rows: rows.reduce((t, n) => t + n, 0),
        }
      : null,
    draw: draw
      ? {
          id: draw.id,
          activityId: draw.activityId,
          importId: draw.importId,
          referenceDate: draw.referenceDate,
          seed: draw.seed,
          population: draw.population,
          drawnBy: draw.drawnBy,
          drawnAt: draw.drawnAt,
          spec,
          entries: draw.outcome as EntryOutcome[],
        }
      : null,
    spec,
    cases: all.filter((c) => !c.removedAt),
    removed: all.filter((c) => c.removedAt),
    laAudits: audits.length,
    lines: lines.map((l) => ({ id: l.id, title: l.title })),
    statement: await getSampleStatement(ctx, { activityId: activity.id }),
    can,
  };
}
