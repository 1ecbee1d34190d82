// A small evidence base for the REFI-QDA conformance check, made through the use cases as the
// system operator: texts with accents, emoji, markup-like and formula-like characters; framework
// and emergent codes; codings by two people; cases with attributes; memos on everything.
import type { Activity } from '../data/repositories/activities.js';
import { cpLength } from '../domain/evidence/offsets.js';
import { createCase } from '../usecases/cases/create-case.js';
import { codeSpan } from '../usecases/coding/code-span.js';
import { createCode } from '../usecases/coding/create-code.js';
import { seedCodebook } from '../usecases/coding/seed-codebook.js';
import type { UseCaseContext } from '../usecases/context.js';
import { recordEvidence } from '../usecases/evidence/record-evidence.js';
import { createMemo } from '../usecases/memos/create-memo.js';

const range = (text: string, part: string) => {
  const i = text.indexOf(part);
  return { start: cpLength(text.slice(0, i)), end: cpLength(text.slice(0, i)) + cpLength(part) };
};

export async function seedRefiSample(ctx: UseCaseContext, activity: Activity): Promise<void> {
  const activityId = activity.id;
  await seedCodebook(ctx, { activityId });
  const voice = await createCode(ctx, {
    activityId,
    name: 'Voice — émergent 🗣️',
    colour: '#912b88',
    description: 'Children’s own words & <views>',
  });
  const safe = await createCode(ctx, { activityId, name: 'Feels safe', parentId: voice.id });
  await createCase(ctx, {
    activityId,
    kind: 'child',
    reference: 'C-Zoë-01',
    attributes: { cohort: 'child_in_care', ageBand: '10_15', disability: true },
  });
  await createCase(ctx, {
    activityId,
    kind: 'team',
    reference: 'Team East',
    attributes: { locality: 'East' },
  });
  const t1 =
    'Zoë said: “I feel safe here 👩‍👧” and goes to school every day.\nCarer: “She’s settled.”';
  const e1 = await recordEvidence(ctx, {
    activityId,
    text: t1,
    method: 'child_conversation',
    observedOn: '2026-01-13',
    caseRef: 'C-Zoë-01',
    teamRef: 'Team East',
    judgementAreas: [],
    childVoice: true,
    direction: 'strength',
    minutesSpent: 40,
    consent: { infoSheetGiven: true, consentGiven: true, givenBy: 'child' },
  });
  const t2 = '=SUM(A1) & <b>audit</b>: 6 of 20 plans "out of date"; drift since 2024.';
  const e2 = await recordEvidence(ctx, {
    activityId,
    text: t2,
    method: 'la_audit',
    direction: 'area_for_improvement',
  });
  const k = await codeSpan(ctx, {
    evidenceId: e1.id,
    codeIds: [safe.id, voice.id],
    ...range(t1, 'I feel safe here 👩‍👧'),
    evidenceVersion: 1,
  });
  await codeSpan(ctx, {
    evidenceId: e2.id,
    codeIds: [voice.id],
    ...range(t2, '6 of 20 plans "out of date"'),
    evidenceVersion: 1,
  });
  await createMemo(ctx, {
    activityId,
    targetType: 'activity',
    title: 'Plan',
    text: 'Check the voice of the child ✅',
  });
  await createMemo(ctx, {
    activityId,
    targetType: 'evidence',
    targetId: e1.id,
    text: 'Strong quote.',
  });
  await createMemo(ctx, {
    activityId,
    targetType: 'code',
    targetId: safe.id,
    text: 'Use for the child’s own words.',
  });
  await createMemo(ctx, {
    activityId,
    targetType: 'coding',
    targetId: k.codings[0]!.id,
    text: 'Vignette candidate.',
  });
}
