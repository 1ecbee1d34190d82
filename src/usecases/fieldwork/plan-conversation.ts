import { z } from 'zod';
import { writeAudit } from '../../data/audit-log.js';
import {
  insertConversation,
  listConversations,
  type PlannedConversation,
} from '../../data/repositories/fieldwork.js';
import { findSampleCase } from '../../data/repositories/sampling.js';
import {
  consentStates,
  conversationWith,
  infoSheetStates,
} from '../../domain/fieldwork/vocabulary.js';
import { AppError } from '../../errors.js';
import type { UseCaseContext } from '../context.js';
import { actorRef } from '../shared/actor-ref.js';
import { checkInspector, fieldworkScope } from './fieldwork-scope.js';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Enter a date as YYYY-MM-DD');

export const PlanConversationInput = z.object({
  activityId: z.string(),
  withWhom: z.enum(conversationWith, { message: 'Choose who the conversation is with' }),
  serviceArea: z.string().min(1, 'Choose a service area'),
  sampleCaseId: z.string().trim().nullish(),
  inspectorId: z.string().min(1, 'Choose an inspector'),
  plannedOn: isoDate.nullish(),
  infoSheet: z.enum(infoSheetStates).default('not_given'),
  consent: z.enum(consentStates).default('not_asked'),
});
export type PlanConversationInput = z.input<typeof PlanConversationInput>;

/** The lead plans a conversation with a child, young person, parent or carer in a service area. */
export async function planConversation(
  ctx: UseCaseContext,
  raw: PlanConversationInput,
): Promise<PlannedConversation> {
  const input = PlanConversationInput.parse(raw);
  const scope = await fieldworkScope(ctx, input.activityId, 'edit');
  if (!scope.rules.serviceAreas.some((a) => a.key === input.serviceArea))
    throw new AppError('VALIDATION_FAILED', {
      details: [
        { field: 'serviceArea', value: input.serviceArea, reason: 'Choose a service area' },
      ],
    });
  const inspector = checkInspector(scope, input.inspectorId, 'inspectorId');
  let sampleCaseId: string | null = null;
  if (input.sampleCaseId) {
    const c = await findSampleCase(ctx.db, input.sampleCaseId);
    if (!c || c.activityId !== scope.activity.id)
      throw new AppError('VALIDATION_FAILED', {
        details: [
          {
            field: 'sampleCaseId',
            value: input.sampleCaseId,
            reason: 'Choose a case in the sample',
          },
        ],
      });
    sampleCaseId = c.id;
  }
  const activityId = scope.activity.id;
  const conversation = {
    withWhom: input.withWhom,
    serviceArea: input.serviceArea,
    sampleCaseId,
    inspectorId: input.inspectorId,
    plannedOn: input.plannedOn ?? null,
    infoSheet: input.infoSheet,
    consent: input.consent,
  };
  const id = await ctx.db.transaction().execute(async (trx) => {
    const newId = await insertConversation(trx, activityId, conversation, actorRef(ctx.actor));
    await writeAudit(trx, ctx.actor, {
      action: 'fieldwork.conversation_planned',
      entityType: 'fieldwork_conversation',
      entityId: newId,
      activityId,
      laId: scope.activity.laId,
      after: { ...conversation, inspector },
    });
    return newId;
  });
  const saved = (await listConversations(ctx.db, activityId)).find((c) => c.id === id);
  if (!saved) throw new AppError('INTERNAL');
  return saved;
}
