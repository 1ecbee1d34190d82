// `triangulate fieldwork plan|allocate|add-conversation|add-observation|done|progress`: the
// fieldwork plan of an activity (issue 17) through the same use cases and access rules as the
// pages. --as acts as a person (the lead inspector edits; the team reads).
import type { Command } from 'commander';
import { allocateCase } from '../../usecases/fieldwork/allocate-case.js';
import { getFieldworkPlan } from '../../usecases/fieldwork/get-fieldwork-plan.js';
import { getFieldworkProgress } from '../../usecases/fieldwork/get-fieldwork-progress.js';
import { markFieldworkItem } from '../../usecases/fieldwork/mark-fieldwork-item.js';
import { planConversation } from '../../usecases/fieldwork/plan-conversation.js';
import { planObservation } from '../../usecases/fieldwork/plan-observation.js';
import { action, actingAs, output, withDatabase } from '../runtime.js';

type Opts = Record<string, string | boolean | undefined>;
const str = (v: unknown) => (typeof v === 'string' ? v : undefined);

function common(cmd: Command): Command {
  return cmd
    .requiredOption('--activity <id>', 'activity id')
    .option('--as <email>', 'act as this person')
    .option('--json', 'print JSON');
}

export function registerFieldworkCommands(program: Command): void {
  const fw = program.command('fieldwork').description('The fieldwork plan of an activity');
  common(
    fw.command('plan').description('The plan: case visits, conversations, observations'),
  ).action(
    action(async (opts: Opts) => {
      await withDatabase(async (cli) => {
        const ctx = await actingAs(cli, str(opts.as));
        const p = await getFieldworkPlan(ctx, { activityId: String(opts.activity) });
        output(opts.json as boolean, p, () =>
          [
            `Remote share at most ${p.expectations.remoteShareMaxPercent}%, ${p.expectations.minutesPerCase} minutes per case`,
            ...p.visits.map(
              (v) => `visit ${v.id} ${v.childRef} ${v.inspectorLabel} ${v.mode} ${v.status}`,
            ),
            ...p.conversations.map(
              (c) =>
                `conversation ${c.id} ${c.withWhom} ${c.serviceArea} ${c.inspectorLabel} ${c.status}`,
            ),
            ...p.observations.map(
              (o) => `observation ${o.id} ${o.kind} ${o.observerLabel} ${o.status}`,
            ),
          ].join('\n'),
        );
      });
    }),
  );
  common(fw.command('allocate').description('Allocate a sampled case to an inspector'))
    .requiredOption('--case <sampleCaseId>', 'sampled case id')
    .requiredOption('--inspector <userId>', 'inspector (user id)')
    .option('--social-worker <ref>', 'social worker (pseudonymous reference)')
    .option('--role <role>', 'social worker role')
    .option('--at <when>', 'planned date and time (ISO 8601)')
    .option('--remote', 'remote rather than in person')
    .option('--joint', 'planned jointly with another inspector')
    .action(
      action(async (opts: Opts) => {
        await withDatabase(async (cli) => {
          const ctx = await actingAs(cli, str(opts.as));
          const v = await allocateCase(ctx, {
            activityId: String(opts.activity),
            sampleCaseId: String(opts.case),
            inspectorId: String(opts.inspector),
            socialWorkerRef: str(opts.socialWorker),
            socialWorkerRole: str(opts.role),
            plannedAt: str(opts.at),
            mode: opts.remote ? 'remote' : 'in_person',
            plannedJoint: Boolean(opts.joint),
          });
          output(
            opts.json as boolean,
            v,
            () => `Allocated ${v.childRef} to ${v.inspectorLabel}: ${v.id}`,
          );
        });
      }),
    );
  common(fw.command('add-conversation').description('Plan a conversation in a service area'))
    .requiredOption('--with <who>', 'child, young_person, parent or carer')
    .requiredOption('--area <key>', 'service area key')
    .requiredOption('--inspector <userId>', 'inspector (user id)')
    .option('--case <sampleCaseId>', 'sampled case id')
    .option('--on <date>', 'planned date (YYYY-MM-DD)')
    .option('--info-sheet <state>', 'not_given or given')
    .option('--consent <state>', 'not_asked, given or declined')
    .action(
      action(async (opts: Opts) => {
        await withDatabase(async (cli) => {
          const ctx = await actingAs(cli, str(opts.as));
          const c = await planConversation(ctx, {
            activityId: String(opts.activity),
            withWhom: String(opts.with) as 'child',
            serviceArea: String(opts.area),
            inspectorId: String(opts.inspector),
            sampleCaseId: str(opts.case),
            plannedOn: str(opts.on),
            ...(str(opts.infoSheet) ? { infoSheet: str(opts.infoSheet) as 'given' } : {}),
            ...(str(opts.consent) ? { consent: str(opts.consent) as 'given' } : {}),
          });
          output(opts.json as boolean, c, () => `Planned conversation ${c.id}`);
        });
      }),
    );
  common(fw.command('add-observation').description('Plan an observation of practice'))
    .requiredOption(
      '--kind <kind>',
      'home_visit, meeting, conference, supervision, front_door, other',
    )
    .requiredOption('--observer <userId>', 'observer (user id)')
    .option('--on <date>', 'planned date (YYYY-MM-DD)')
    .option('--description <text>', 'what is observed')
    .action(
      action(async (opts: Opts) => {
        await withDatabase(async (cli) => {
          const ctx = await actingAs(cli, str(opts.as));
          const o = await planObservation(ctx, {
            activityId: String(opts.activity),
            kind: String(opts.kind) as 'meeting',
            observerId: String(opts.observer),
            plannedOn: str(opts.on),
            description: str(opts.description),
          });
          output(opts.json as boolean, o, () => `Planned observation ${o.id}`);
        });
      }),
    );
  common(fw.command('done').description('Mark a visit, conversation or observation done'))
    .requiredOption('--kind <kind>', 'visit, conversation or observation')
    .requiredOption('--item <id>', 'the item id')
    .option('--status <status>', 'done (default), cancelled or planned', 'done')
    .option('--minutes <n>', 'minutes spent (a case visit)')
    .action(
      action(async (opts: Opts) => {
        await withDatabase(async (cli) => {
          const ctx = await actingAs(cli, str(opts.as));
          const r = await markFieldworkItem(ctx, {
            activityId: String(opts.activity),
            kind: String(opts.kind) as 'visit',
            itemId: String(opts.item),
            status: String(opts.status) as 'done',
            ...(str(opts.minutes) ? { minutesSpent: str(opts.minutes) } : {}),
          });
          output(opts.json as boolean, r, () => `Marked ${r.kind} ${r.id} ${r.status}`);
        });
      }),
    );
  common(fw.command('progress').description('Progress against the plan, with its gaps')).action(
    action(async (opts: Opts) => {
      await withDatabase(async (cli) => {
        const ctx = await actingAs(cli, str(opts.as));
        const v = await getFieldworkProgress(ctx, { activityId: String(opts.activity) });
        const p = v.progress;
        output(opts.json as boolean, v, () =>
          [
            `Cases seen ${p.casesSeen} of ${p.casesPlanned} planned (${p.sampleSize} sampled)`,
            `Remote share ${p.remoteSharePercent ?? '-'}% (at most ${p.remoteShareMaxPercent}%)`,
            `Minutes per case ${p.minutesPerCaseSeen ?? '-'} (expected ${p.minutesPerCaseExpected})`,
            ...p.voices.map((x) => `Heard in ${x.serviceArea.label}: ${x.heard}`),
            `Observations done ${p.observationsDone} of ${p.observationsPlanned}`,
            '',
            ...v.gaps.map((g) => `- ${g}`),
          ].join('\n'),
        );
      });
    }),
  );
}
