import { createHash } from 'node:crypto';
import { z } from 'zod';
import { writeAudit } from '../../data/audit-log.js';
import { REFI_IMPORT_TABLES, refreshStatistics } from '../../data/repositories/statistics.js';
import {
  factsOf,
  findActivity,
  teamRoleOf,
  type Activity,
} from '../../data/repositories/activities.js';
import type { DB } from '../../data/schema.js';
import { policies } from '../../domain/access/policies.js';
import { evidenceAreas } from '../../domain/evidence/codebook-seed.js';
import { RefiInvalid } from '../../domain/refi/import-problems.js';
import { planImport, type ImportPlan } from '../../domain/refi/plan-import.js';
import type { RefiFile } from '../../domain/refi/read-file.js';
import { readRefiInWorker } from '../../workers/parse-files.js';
import { AppError } from '../../errors.js';
import {
  checkNewActivity,
  insertNewActivity,
  type CheckedActivity,
} from '../shared/new-activity.js';
import { sha256Hex } from '../../domain/files/digest.js';
import type { UseCaseContext } from '../context.js';
import { ensureCodebook } from '../shared/codebook.js';
import { todayInEngland } from '../../clock.js';
import { actorRef } from '../shared/actor-ref.js';
import { frameworkRegistry } from '../../domain/frameworks/installed.js';
import { codebookPlan, reviewMemo } from './import-plan-extras.js';
import { listLocalAuthorities } from '../../data/repositories/local-authorities.js';
import {
  insertImportReviewMemo,
  writeImportPlan,
  type ImportCounts,
  type ImportedRows,
} from '../../data/repositories/refi-import.js';
import { insertRefiFiles, insertRefiOriginals } from '../../data/repositories/refi-originals.js';
import { uuidV5 } from '../../domain/refi/guid.js';
import { originalsOf } from '../../domain/refi/originals.js';
import type { ImportedProject } from '../../domain/refi/read-project.js';
import type { Transaction } from 'kysely';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Use a date as YYYY-MM-DD');

export const ImportRefiInput = z
  .object({
    fileName: z.string().trim().min(1).max(300),
    bytes: z.custom<Uint8Array>((v) => v instanceof Uint8Array, 'Expected the file’s bytes'),
    /** Import into this activity. */
    activityId: z.string().optional(),
    /** Or create a new activity for the import (who may: policies.createActivity). */
    newActivity: z
      .object({
        /** Needed only when the register holds more than one local authority. */
        laId: z.string().min(1).optional(),
        activityType: z.string().default('standard_inspection'),
        plannedStart: isoDate.optional(),
        title: z.string().trim().max(200).optional(),
      })
      .optional(),
    /** Replace identifiers that are not GUIDs by new ones (listed in the report). */
    repairGuids: z.boolean().default(false),
    /**
     * Import the rest of a project some of whose source files are absent (each is listed with its
     * GUID, as are its selections and codings) instead of refusing the file.
     */
    skipMissingSources: z.boolean().default(false),
  })
  .refine((v) => (v.activityId === undefined) !== (v.newActivity === undefined), {
    message: 'Give either an activity to import into or the local authority of a new activity',
    path: ['activityId'],
  });
export type ImportRefiInput = z.input<typeof ImportRefiInput>;

/** How far an import has got: reading the file, writing rows (of all it will write), statistics. */
export interface RefiImportProgress {
  phase: 'reading' | 'writing' | 'statistics' | 'done';
  done: number;
  total: number;
}

export interface ImportRefiResult {
  activityId: string;
  activityCreated: boolean;
  file: string;
  sha256: string;
  format: 'qdpx' | 'qde' | 'qdc';
  origin: string | null;
  counts: ImportCounts & { users: number };
  report: {
    repairs: string[];
    skipped: Array<{ what: string; count: number }>;
    /** Elements left out (only with skipMissingSources): which, and why. */
    notImported: Array<{ element: string; guid: string; reason: string }>;
    warnings: string[];
    /** What someone should check: defaulted methods and case kinds (also left as a memo). */
    review: string[];
  };
}

/**
 * Imports a REFI-QDA project (.qdpx, or a bare .qde) or codebook (.qdc) made by NVivo, ATLAS.ti,
 * MAXQDA, QualCoder or Triangulate, into an activity or a new one. The file is read and checked
 * completely before anything is written; then everything goes in one transaction with one audit
 * event (counts, repairs and the file's SHA-256), so a failed import leaves nothing behind.
 */
export async function importRefi(
  ctx: UseCaseContext,
  raw: ImportRefiInput,
  onProgress: (p: RefiImportProgress) => void = () => undefined,
): Promise<ImportRefiResult> {
  const input = ImportRefiInput.parse(raw);
  const sha256 = await sha256Hex(input.bytes);
  const { target, frameworkId } = await importTarget(ctx, input);
  if (input.bytes.length === 0)
    throw new AppError('IMPORT_INVALID', {
      message: `${input.fileName} is empty: send the .qdpx, .qde or .qdc file itself.`,
      details: [{ file: input.fileName, reason: 'The file is empty' }],
    });
  const fw = frameworkRegistry().get(frameworkId);
  onProgress({ phase: 'reading', done: 0, total: input.bytes.length });
  const file = await readFile(input);
  const plan: ImportPlan =
    file.format === 'qdc'
      ? codebookPlan(file.codes, file.origin, file.report)
      : planImport(file.project, file.report, {
          judgementAreas: fw ? evidenceAreas(fw).map((a) => a.key) : [],
          today: todayInEngland(),
        });
  const importer = actorRef(ctx.actor);
  const rowTotal = plannedRows(plan);
  onProgress({ phase: 'writing', done: 0, total: rowTotal });
  const outcome = await ctx.db.transaction().execute(async (trx) => {
    let activity: Activity;
    if ('existing' in target) activity = target.existing;
    else {
      const id = await insertNewActivity(trx, ctx.actor, target.checked);
      activity = (await findActivity(trx, id))!;
    }
    await ensureCodebook(trx, ctx.actor, activity);
    const { counts, refNos, rows } = await writeImportPlan(
      trx,
      activity,
      plan,
      importer,
      input.fileName,
      (done) => onProgress({ phase: 'writing', done, total: rowTotal }),
    );
    if (file.format !== 'qdc')
      await keepOriginals(trx, activity.id, file.project, plan, rows, sha256);
    const review = reviewLines(plan, refNos);
    if (review.length > 0)
      await insertImportReviewMemo(trx, activity.id, importer, input.fileName, review);
    await writeAudit(trx, ctx.actor, {
      action: 'refi.imported',
      entityType: 'activity',
      entityId: activity.id,
      activityId: activity.id,
      laId: activity.laId,
      after: {
        file: input.fileName,
        sha256,
        format: file.format,
        origin: plan.origin,
        activityCreated: !('existing' in target),
        counts,
        repairs: plan.report.repairs.length,
        skipped: plan.report.skipped,
        notImported: plan.report.notImported,
        warnings: plan.report.warnings.length,
        review: review.length,
      },
    });
    return { activity, counts, review };
  });
  // Committed: planner statistics for what was just written (issue 19: without them the first
  // coding query after a 6,000-record import took 31 s instead of 84 ms).
  onProgress({ phase: 'statistics', done: rowTotal, total: rowTotal });
  await refreshStatistics(ctx.db, REFI_IMPORT_TABLES);
  onProgress({ phase: 'done', done: rowTotal, total: rowTotal });
  return {
    activityId: outcome.activity.id,
    activityCreated: !('existing' in target),
    file: input.fileName,
    sha256,
    format: file.format,
    origin: plan.origin,
    counts: { ...outcome.counts, users: plan.users },
    report: {
      repairs: plan.report.repairs,
      skipped: plan.report.skipped,
      notImported: plan.report.notImported,
      warnings: plan.report.warnings,
      review: outcome.review,
    },
  };
}

type Target = { existing: Activity } | { checked: CheckedActivity };

/** The activity to import into (access checked), or a new one's checked details. */
async function importTarget(
  ctx: UseCaseContext,
  input: z.output<typeof ImportRefiInput>,
): Promise<{ target: Target; frameworkId: string }> {
  if (input.activityId !== undefined) {
    const activity = await findActivity(ctx.db, input.activityId);
    if (!activity) throw new AppError('NOT_FOUND');
    const facts = factsOf(activity, await teamRoleOf(ctx.db, activity.id, ctx.actor));
    const visible =
      policies.viewActivity(ctx.actor, facts) &&
      (policies.viewEvidence(ctx.actor, facts) || policies.importEvidence(ctx.actor, facts));
    if (!visible) throw new AppError('NOT_FOUND');
    if (!policies.importEvidence(ctx.actor, facts))
      throw new AppError('FORBIDDEN', {
        message:
          'Only the activity’s team (not people shadowing) and administrators can import into its evidence base, while it is open.',
      });
    return { target: { existing: activity }, frameworkId: activity.frameworkId };
  } else {
    const n = input.newActivity!;
    // A project brings work already done into a container: the planning rules are not asked.
    const checked = await checkNewActivity(
      ctx,
      {
        laId: n.laId ?? (await onlyLocalAuthority(ctx)),
        activityType: n.activityType,
        plannedStart: n.plannedStart ?? todayInEngland(),
        ...(n.title ? { title: n.title } : {}),
      },
      { schedulingRules: false },
    );
    return { target: { checked }, frameworkId: checked.frameworkId };
  }
}
/** The file read and checked; a file that is not a usable project is the caller's error. */
async function readFile(input: z.output<typeof ImportRefiInput>): Promise<RefiFile> {
  try {
    // Read in a worker thread with a heap and time limit (workers/parse-files.ts).
    return await readRefiInWorker(input.bytes, input.fileName, {
      repairGuids: input.repairGuids,
      skipMissingSources: input.skipMissingSources,
    });
  } catch (err) {
    if (err instanceof RefiInvalid)
      throw new AppError('IMPORT_INVALID', {
        message: err.message,
        details: err.details.map((d) => ({ file: input.fileName, ...d })),
        cause: err,
      });
    throw err;
  }
}

/** Stores what the file wrote that the rows cannot hold, and the files of its media sources. */
async function keepOriginals(
  trx: Transaction<DB>,
  activityId: string,
  project: ImportedProject,
  plan: ImportPlan,
  rows: ImportedRows,
  sha256: string,
): Promise<void> {
  const originals = originalsOf(project, plan, uuidV5(`project:${sha256}`));
  await insertRefiOriginals(
    trx,
    activityId,
    sha256,
    originals.map((o) => ({
      kind: o.kind,
      guid: o.guid,
      localId: o.local ? (rows[o.local.kind].get(o.local.guid) ?? null) : null,
      data: o.data,
      xml: o.xml,
    })),
  );
  await insertRefiFiles(
    trx,
    activityId,
    project.files.map((f) => ({
      ...f,
      sha256: createHash('sha256').update(f.bytes).digest('hex'),
    })),
  );
}

/** The local authority of a new activity when none is given: the register's only one. */
async function onlyLocalAuthority(ctx: UseCaseContext): Promise<string> {
  const las = await listLocalAuthorities(ctx.db);
  if (las.length === 1) return las[0]!.id;
  throw new AppError('VALIDATION_FAILED', {
    message:
      las.length === 0
        ? 'The local authority register is not loaded yet, so no activity can be created for the import: load it first (triangulate la load), or import into an existing activity (--activity ID).'
        : 'Say which local authority the new activity is for (--la ID; triangulate la list shows them), or import into an existing activity (--activity ID).',
    details: [
      {
        field: 'laId',
        reason:
          las.length === 0
            ? 'The local authority register is empty'
            : `The register holds ${las.length} local authorities`,
      },
    ],
  });
}

/** The rows an import plan writes at most (evidence twice: the record and its first version). */
function plannedRows(plan: ImportPlan): number {
  return (
    plan.codes.length +
    plan.cases.length +
    plan.evidence.length * 2 +
    plan.codings.length +
    plan.memos.length
  );
}

function reviewLines(plan: ImportPlan, refNos: Map<string, number>): string[] {
  const lines: string[] = [];
  const defaulted = plan.evidence
    .filter((e) => e.methodDefaulted && refNos.has(e.guid))
    .map((e) => `E${refNos.get(e.guid)}`);
  if (defaulted.length > 0) lines.push(reviewMemo.method(defaulted));
  const kinds = plan.cases.filter((c) => c.kindDefaulted).map((c) => c.reference);
  if (kinds.length > 0) lines.push(reviewMemo.caseKind(kinds));
  return lines;
}
