// `triangulate judgements ...` and `triangulate feedback add`: list an activity's judgements,
// record one, move them to another stage, print the change history, and log on-site feedback.
// The operator acts as the system (an administrator), or as a person with --as EMAIL.
import type { Command } from 'commander';
import { feedbackKinds, themeDirections } from '../../domain/judgements/divergence.js';
import { gradePositions } from '../../domain/judgements/judgement-rules.js';
import { judgementStages, stageLabels } from '../../domain/judgements/stages.js';
import { AppError } from '../../errors.js';
import { addFeedbackEntry } from '../../usecases/judgements/add-feedback-entry.js';
import { advanceJudgements } from '../../usecases/judgements/advance-judgements.js';
import { getJudgementHistory } from '../../usecases/judgements/get-judgement-history.js';
import { getJudgementsOverview } from '../../usecases/judgements/get-judgements-overview.js';
import { setJudgement } from '../../usecases/judgements/set-judgement.js';
import { action, actingAs, output, withDatabase } from '../runtime.js';

const collect = (value: string, previous: string[] = []) => [...previous, value];

/** "help_and_protection:strength:Strong front door[:good]" -> a feedback theme. */
function parseTheme(s: string) {
  const [judgementKey, direction, text, indicatedGrade] = s.split(':');
  if (!judgementKey || !direction || !text)
    throw new AppError('VALIDATION_FAILED', {
      details: [{ field: '--theme', value: s, reason: 'Use JUDGEMENT:DIRECTION:TEXT[:GRADE]' }],
    });
  return {
    judgementKey,
    direction: direction as never,
    text,
    indicatedGrade: indicatedGrade || null,
  };
}

export function registerJudgementCommands(program: Command): void {
  const j = program
    .command('judgements')
    .description('An activity’s judgements, from provisional to final');
  j.command('list')
    .description('The judgements with grade, position, stage and the aggregation check')
    .requiredOption('--activity <id>', 'activity id')
    .option('--as <email>', 'read as this person')
    .option('--json', 'print JSON')
    .action(
      action(async (opts: { activity: string; as?: string; json?: boolean }) => {
        await withDatabase(async (cli) => {
          const o = await getJudgementsOverview(await actingAs(cli, opts.as), opts.activity);
          const data = {
            activityId: o.scope.activity.id,
            frameworkId: o.scope.fw.id,
            stage: o.state.set.stage,
            judgements: o.rows,
            aggregation: o.checks,
            blockers: Object.fromEntries(o.moves.map((m) => [m.stage, m.problems])),
            divergence: o.state.flags.map((f) => ({
              key: f.key,
              message: f.message,
              explanation: f.explanation?.explanation ?? null,
            })),
          };
          output(opts.json, data, () =>
            [
              `Stage: ${stageLabels[o.state.set.stage]}`,
              ...o.rows.map(
                (r) =>
                  `${r.title}: ${r.gradeLabel ?? 'not graded'}${r.positionLabel ? ` (${r.positionLabel.toLowerCase()})` : ''}`,
              ),
              ...o.checks.hard.map((h) => `BLOCKED ${h.title}: ${h.explanation}`),
              ...o.checks.soft.map(
                (s) =>
                  `${s.explained ? 'explained' : 'NEEDS A REASON'} ${s.title}: ${s.explanation}`,
              ),
            ].join('\n'),
          );
        });
      }),
    );
  j.command('set')
    .description('Record or change one judgement (the fields not given keep their value)')
    .requiredOption('--activity <id>', 'activity id')
    .requiredOption('--judgement <key>', 'judgement key, e.g. help_and_protection')
    .option('--grade <key>', 'grade key, e.g. good')
    .option('--position <position>', `one of: ${gradePositions.join(', ')}`)
    .option('--nearness <text>', 'how near the adjacent grade is')
    .option('--context <text>', 'how context was taken into account')
    .option('--narrative <text>', 'the narrative')
    .option('--met <criterion>', 'criterion key met (repeatable; replaces the list)', collect)
    .option(
      '--not-met <criterion>',
      'criterion key not met (repeatable; replaces the list)',
      collect,
    )
    .option('--reason <text>', 'why (required after team provisional)')
    .option('--aggregation-reason <text>', 'why a soft aggregation rule is departed from')
    .option('--as <email>', 'act as this person')
    .option('--json', 'print JSON')
    .action(
      action(
        async (opts: {
          activity: string;
          judgement: string;
          grade?: string;
          position?: string;
          nearness?: string;
          context?: string;
          narrative?: string;
          met?: string[];
          notMet?: string[];
          reason?: string;
          aggregationReason?: string;
          as?: string;
          json?: boolean;
        }) => {
          await withDatabase(async (cli) => {
            const ctx = await actingAs(cli, opts.as);
            const o = await getJudgementsOverview(ctx, opts.activity);
            const cur = o.state.rows.find((r) => r.key === opts.judgement)?.record ?? null;
            const r = await setJudgement(ctx, {
              activityId: opts.activity,
              judgementKey: opts.judgement,
              expectedVersion: cur?.version ?? 0,
              grade: opts.grade ?? cur?.grade ?? null,
              position: (opts.position as never) ?? cur?.position ?? null,
              nearness: opts.nearness ?? cur?.nearness ?? '',
              context: opts.context ?? cur?.context ?? '',
              narrative: opts.narrative ?? cur?.narrative ?? '',
              criteriaMet: opts.met ?? cur?.criteriaMet ?? [],
              criteriaNotMet: opts.notMet ?? cur?.criteriaNotMet ?? [],
              links: cur?.links ?? [],
              reason: opts.reason ?? null,
              aggregationReason: opts.aggregationReason ?? null,
            });
            output(
              opts.json,
              {
                changed: r.changed,
                judgement: { ...r.record, updatedAt: r.record.updatedAt.toISOString() },
              },
              () =>
                r.changed
                  ? `Saved ${opts.judgement} (version ${r.record.version}).`
                  : 'Nothing changed.',
            );
          });
        },
      ),
    );
  j.command('advance')
    .description('Move the judgements to another stage')
    .requiredOption('--activity <id>', 'activity id')
    .requiredOption('--to <stage>', `one of: ${judgementStages.join(', ')}`)
    .option('--reason <text>', 'why (required when sending back)')
    .option('--as <email>', 'act as this person')
    .option('--json', 'print JSON')
    .action(
      action(
        async (opts: {
          activity: string;
          to: string;
          reason?: string;
          as?: string;
          json?: boolean;
        }) => {
          await withDatabase(async (cli) => {
            const r = await advanceJudgements(await actingAs(cli, opts.as), {
              activityId: opts.activity,
              toStage: opts.to as never,
              reason: opts.reason ?? null,
            });
            output(
              opts.json,
              r,
              () => `The judgements are now at ${stageLabels[r.stage].toLowerCase()}.`,
            );
          });
        },
      ),
    );
  j.command('history')
    .description('Every change to grades, positions and narratives (who, when, stage, reason)')
    .requiredOption('--activity <id>', 'activity id')
    .option('--judgement <key>', 'only this judgement')
    .option('--as <email>', 'read as this person')
    .option('--json', 'print JSON')
    .action(
      action(
        async (opts: { activity: string; judgement?: string; as?: string; json?: boolean }) => {
          await withDatabase(async (cli) => {
            const h = await getJudgementHistory(
              await actingAs(cli, opts.as),
              opts.activity,
              opts.judgement,
            );
            const changes = h.entries.map((e) => ({
              judgementKey: e.judgementKey,
              stage: e.stage,
              field: e.field,
              from: e.fromValue,
              to: e.toValue,
              reason: e.reason,
              changedBy: e.changedBy,
              changedAt: e.changedAt.toISOString(),
            }));
            output(opts.json, { changes }, () =>
              h.entries.length === 0
                ? 'No changes recorded.'
                : h.entries
                    .map(
                      (e) =>
                        `${e.changedAt.toISOString()} ${e.title} [${stageLabels[e.stage]}] ${e.field}: ${e.fromText} -> ${e.toText} by ${e.changedBy}${e.reason ? ` (${e.reason})` : ''}`,
                    )
                    .join('\n'),
            );
          });
        },
      ),
    );

  const feedback = program.command('feedback').description('What was said to the LA on site');
  feedback
    .command('add')
    .description('Record a keeping-in-touch meeting or the final feedback')
    .requiredOption('--activity <id>', 'activity id')
    .requiredOption('--kind <kind>', `one of: ${feedbackKinds.join(', ')}`)
    .requiredOption('--date <date>', 'YYYY-MM-DD')
    .requiredOption('--present <text>', 'who was present')
    .option('--summary <text>', 'what was said overall')
    .option(
      '--theme <spec>',
      `JUDGEMENT:DIRECTION:TEXT[:GRADE], direction one of ${themeDirections.join('/')} (repeatable)`,
      collect,
    )
    .option('--as <email>', 'record as this team member')
    .option('--json', 'print JSON')
    .action(
      action(
        async (opts: {
          activity: string;
          kind: string;
          date: string;
          present: string;
          summary?: string;
          theme?: string[];
          as?: string;
          json?: boolean;
        }) => {
          const themes = (opts.theme ?? []).map(parseTheme);
          await withDatabase(async (cli) => {
            const r = await addFeedbackEntry(await actingAs(cli, opts.as), {
              activityId: opts.activity,
              kind: opts.kind as never,
              heldOn: opts.date,
              present: opts.present,
              summary: opts.summary ?? '',
              themes,
            });
            output(
              opts.json,
              r,
              () => `Recorded the ${opts.kind.replace(/_/g, ' ')} of ${opts.date}.`,
            );
          });
        },
      ),
    );
}
