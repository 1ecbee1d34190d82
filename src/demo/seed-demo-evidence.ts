// Seeds the demo inspection's evidence through the use cases people use (record, code a
// passage, add a code and a memo), each as the team member who did it, so the workbench and
// the audit log tell the same story. Quick: a dozen records and about thirty codings.
import type { UserActor } from '../domain/access/actor.js';
import type { Activity } from '../domain/activities/activity.js';
import { findPassage } from '../domain/workbench/passage.js';
import { createCode } from '../usecases/coding/create-code.js';
import { codeSpan } from '../usecases/coding/code-span.js';
import { listCodes } from '../usecases/coding/list-codes.js';
import { seedCodebook } from '../usecases/coding/seed-codebook.js';
import type { UseCaseContext } from '../usecases/context.js';
import { recordEvidence } from '../usecases/evidence/record-evidence.js';
import { createMemo } from '../usecases/memos/create-memo.js';
import { DEMO_EMERGENT_CODES, DEMO_EVIDENCE } from './demo-evidence.js';

export async function seedDemoEvidence(
  db: UseCaseContext['db'],
  activity: Activity,
  actorOf: (key: string) => UserActor,
): Promise<void> {
  const activityId = activity.id;
  const people = {
    lead: { db, actor: actorOf('lead') },
    inspector: { db, actor: actorOf('inspector') },
  };
  // Dated on the inspection's first day (not today): the workbench lists by day, then E-number,
  // so the demo's order must not depend on the day it was seeded.
  const observedOn = activity.plannedStart ?? undefined;
  await seedCodebook(people.lead, { activityId });
  for (const c of DEMO_EMERGENT_CODES)
    await createCode(people.inspector, { activityId, name: c.name, description: c.description });
  const { codes } = await listCodes(people.lead, { activityId });
  const codeId = (key: string) => codes.find((c) => c.frameworkKey === key || c.name === key)?.id;
  let first: { evidenceId: string; codingId: string | undefined } | null = null;
  for (const e of DEMO_EVIDENCE) {
    const ctx = people[e.by];
    const record = await recordEvidence(ctx, {
      activityId,
      text: e.text,
      method: e.method as never,
      caseRef: e.caseRef,
      // The demo's first day comes before its sample is drawn: these children's cases are new,
      // made deliberately by the first record that names each.
      newCase: e.caseRef !== null,
      judgementAreas: e.areas,
      direction: e.direction,
      childVoice: e.childVoice ?? false,
      minutesSpent: e.minutes,
      ...(observedOn ? { observedOn } : {}),
      ...(['child_conversation', 'parent_carer_conversation'].includes(e.method)
        ? {
            consent: {
              infoSheetGiven: true,
              consentGiven: true,
              givenBy: (e.method === 'child_conversation' ? 'child' : 'parent') as never,
            },
          }
        : {}),
    });
    for (const [key, words] of e.codings) {
      const id = codeId(key);
      const span = findPassage(record.text, words);
      if (!id || !span.ok) continue; // a framework version without that criterion
      const coded = await codeSpan(ctx, {
        evidenceId: record.id,
        codeIds: [id],
        start: span.start,
        end: span.end,
        evidenceVersion: record.version,
      });
      first ??= { evidenceId: record.id, codingId: coded.codings[0]?.id };
    }
  }
  if (first) {
    await createMemo(people.lead, {
      activityId,
      targetType: 'evidence',
      targetId: first.evidenceId,
      text: 'Strong plan here: check whether the other plans sampled in this team are as specific.',
    });
    if (first.codingId)
      await createMemo(people.inspector, {
        activityId,
        targetType: 'coding',
        targetId: first.codingId,
        title: 'Example for the report?',
        text: 'Clear, specific plan: a possible illustration of good practice (anonymise first).',
      });
  }
}
