// Record one intelligence entry about an LA: regional staff for their region. Whistle-blowing
// and complaints are confidential and never shared with the LA, whatever the form says.
import { z } from 'zod';
import { writeAudit } from '../../data/audit-log.js';
import {
  insertIntelligenceEntries,
  type IntelligenceEntry,
} from '../../data/repositories/intelligence.js';
import {
  intelligenceKinds,
  markingProblems,
  minimumSensitivity,
  sensitivities,
} from '../../domain/risk/intelligence.js';
import { riskModel } from '../../domain/risk/installed.js';
import { AppError } from '../../errors.js';
import { todayInEngland } from '../../clock.js';
import type { UseCaseContext } from '../context.js';
import { actorRef } from '../shared/actor-ref.js';
import { riskScope, validationError } from './risk-scope.js';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Enter the date as YYYY-MM-DD');

export const RecordIntelligenceInput = z.object({
  laId: z.string().trim().min(1).max(200),
  kind: z.enum(intelligenceKinds, { error: 'Select the kind of intelligence' }),
  title: z.string().trim().min(1, 'Enter a title').max(200, 'Keep the title to 200 characters'),
  summary: z.string().trim().max(20_000).default(''),
  source: z.string().trim().min(1, 'Enter where it came from').max(200),
  receivedOn: isoDate,
  sensitivity: z.enum(sensitivities).default('standard'),
  sharedWithLa: z.boolean().default(false),
  domainKeys: z.array(z.string().max(100)).max(50).default([]),
});
export type RecordIntelligenceInput = z.input<typeof RecordIntelligenceInput>;

export async function recordIntelligence(
  ctx: UseCaseContext,
  raw: RecordIntelligenceInput,
): Promise<IntelligenceEntry> {
  // Who may act comes first: someone who may not see the LA learns nothing from a bad form.
  const scope = await riskScope(ctx, String(raw.laId ?? ''));
  if (!scope.canWrite) throw new AppError('FORBIDDEN');
  const parsed = RecordIntelligenceInput.safeParse(raw);
  if (!parsed.success) throw validationError(parsed.error.issues);
  const input = parsed.data;
  const sensitivity =
    minimumSensitivity(input.kind) === 'confidential' ? 'confidential' : input.sensitivity;
  const model = riskModel({ onDate: todayInEngland() });
  const domainKeys = [...new Set(input.domainKeys)];
  const problems = markingProblems({ ...input, sensitivity });
  for (const d of domainKeys)
    if (!model.domains.some((m) => m.key === d))
      problems.push({ field: 'domainKeys', reason: `${d} is not a risk domain` });
  if (input.receivedOn > todayInEngland())
    problems.push({ field: 'receivedOn', reason: 'The date received must be today or earlier' });
  if (problems.length > 0) throw new AppError('VALIDATION_FAILED', { details: problems });
  const by = actorRef(ctx.actor);
  return ctx.db.transaction().execute(async (trx) => {
    const [entry] = await insertIntelligenceEntries(trx, [
      {
        laId: scope.la.id,
        kind: input.kind,
        title: input.title,
        summary: input.summary,
        source: input.source,
        receivedOn: input.receivedOn,
        recordedBy: by.id,
        recordedByLabel: by.label,
        sensitivity,
        sharedWithLa: input.sharedWithLa,
        domainKeys,
      },
    ]);
    await writeAudit(trx, ctx.actor, {
      action: 'intelligence.recorded',
      entityType: 'intelligence_entry',
      entityId: entry!.id,
      laId: scope.la.id,
      after: { kind: entry!.kind, sensitivity, sharedWithLa: entry!.sharedWithLa, domainKeys },
    });
    return entry!;
  });
}
