// The demo's blind double coding: two of the first day's records coded by the lead and the team
// inspector, each in their own layer, with a few disagreements (a longer span, a passage only one
// of them coded, a passage given different codes), both finished and not yet reconciled, so the
// agreement and the reconciliation pages have something to show.
import type { UserActor } from '../domain/access/actor.js';
import type { UseCaseContext } from '../usecases/context.js';
import { listCodes } from '../usecases/coding/list-codes.js';
import { assignDoubleCoding } from '../usecases/double-coding/assign-double-coding.js';
import { codeDoubleCoding } from '../usecases/double-coding/code-double-coding.js';
import { finishDoubleCoding } from '../usecases/double-coding/finish-double-coding.js';
import { getDoubleCoding } from '../usecases/double-coding/get-double-coding.js';

type Coding = [coder: 'lead' | 'inspector', code: string, words: string];

/** Per record (its opening words): who coded which words with which code. */
const PLAN: { opens: string; codings: Coding[] }[] = [
  {
    opens: 'Case file for Zoë.',
    codings: [
      [
        'lead',
        'help_and_protection.significant_harm',
        'The strategy discussion was held the same day as the referral and included police and health.',
      ],
      [
        'inspector',
        'help_and_protection.significant_harm',
        'The strategy discussion was held the same day as the referral and included police and health.',
      ],
      [
        'lead',
        'help_and_protection.assessments',
        'the assessment does not consider the impact of the mother’s new partner on the household',
      ],
      [
        'inspector',
        'help_and_protection.assessments',
        'the assessment does not consider the impact of the mother’s new partner on the household, and there is no record that Zoë was seen alone during the enquiry.',
      ],
      [
        'inspector',
        'help_and_protection.significant_harm',
        'The section 47 enquiry was completed within 15 working days.',
      ],
    ],
  },
  {
    opens: 'Observed the multi-agency front door',
    codings: [
      [
        'lead',
        'help_and_protection.front_door',
        'Decisions on contacts were made within 24 hours in every case seen.',
      ],
      [
        'inspector',
        'help_and_protection.front_door',
        'Decisions on contacts were made within 24 hours in every case seen.',
      ],
      ['lead', 'help_and_protection.front_door', 'Thresholds were applied consistently'],
      ['inspector', 'help_and_protection.early_help', 'Thresholds were applied consistently'],
    ],
  },
];

export async function seedDemoDoubleCoding(
  db: UseCaseContext['db'],
  activityId: string,
  actorOf: (key: 'lead' | 'inspector') => UserActor,
): Promise<void> {
  const as = {
    lead: { db, actor: actorOf('lead') },
    inspector: { db, actor: actorOf('inspector') },
  };
  const { codes } = await listCodes(as.lead, { activityId });
  const codeId = (key: string) => codes.find((c) => c.frameworkKey === key)?.id;
  // The records are found by their words: E-numbers follow the order the demo records them in.
  const refs = ['E2', 'E4'];
  const { id } = await assignDoubleCoding(as.lead, {
    activityId,
    title: 'Day one: case file and front door',
    records: refs,
    coders: [actorOf('lead').email, actorOf('inspector').email],
  });
  const view = await getDoubleCoding(as.lead, { activityId, assignmentId: id });
  for (const plan of PLAN) {
    const record = view.records.find((r) => r.text.startsWith(plan.opens));
    if (!record) continue;
    for (const [who, key, passage] of plan.codings) {
      const code = codeId(key);
      if (code)
        await codeDoubleCoding(as[who], {
          activityId,
          assignmentId: id,
          evidenceId: record.evidenceId,
          codeId: code,
          passage,
        });
    }
  }
  await finishDoubleCoding(as.lead, { activityId, assignmentId: id });
  await finishDoubleCoding(as.inspector, { activityId, assignmentId: id });
}
