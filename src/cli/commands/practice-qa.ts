// `triangulate practice-qa record|list|development|patterns` (observations of inspectors' practice,
// issue 17) and `triangulate strengths list|link|explain` (strengths fed back at keeping-in-touch
// meetings tracked to the report draft), through the same use cases and access rules as the
// pages. --as acts as a person (the QAM recording, the inspector reading their own record).
import type { Command } from 'commander';
import { getActivityPracticeQa } from '../../usecases/practice-qa/get-activity-practice-qa.js';
import { getDevelopmentRecord } from '../../usecases/practice-qa/get-development-record.js';
import { getPracticePatterns } from '../../usecases/practice-qa/get-practice-patterns.js';
import { recordPracticeObservation } from '../../usecases/practice-qa/record-practice-observation.js';
import { accountForStrength } from '../../usecases/reports/account-for-strength.js';
import { listFedBackStrengths } from '../../usecases/reports/list-fed-back-strengths.js';
import { action, actingAs, AppError, output, withDatabase } from '../runtime.js';

type Opts = Record<string, string | string[] | boolean | undefined>;
const collect = (value: string, previous: string[] = []) => [...previous, value];

/** "PROMPT=RATING[:COMMENT]" (e.g. use_of_childrens_voices=developing:Did not ask). */
function ratingSpec(spec: string) {
  const m = /^([a-z0-9_]+)=([a-z0-9_]+)(?::(.*))?$/s.exec(spec.trim());
  if (!m)
    throw new AppError('VALIDATION_FAILED', {
      details: [
        { field: '--rating', value: spec, reason: 'Write PROMPT=RATING or PROMPT=RATING:COMMENT' },
      ],
    });
  return { promptKey: m[1]!, rating: m[2]!, comment: m[3] ?? '' };
}

function registerPracticeQa(program: Command): void {
  const qa = program
    .command('practice-qa')
    .description('Quality assurance of inspectors’ practice on site (Birmingham rec 7)');
  qa.command('record')
    .description('Record an observation of an inspector’s practice (as the activity’s QAM or lead)')
    .requiredOption('--activity <id>', 'activity id')
    .requiredOption('--inspector <email>', 'the inspector observed (e-mail or user id)')
    .requiredOption('--on <date>', 'the day observed (YYYY-MM-DD)')
    .requiredOption('--setting <text>', 'what was observed')
    .option('--rating <spec>', 'PROMPT=RATING[:COMMENT], once per prompt', collect)
    .option('--development <text>', 'development points', '')
    .option('--as <email>', 'act as this person')
    .option('--json', 'print JSON')
    .action(
      action(async (opts: Opts) => {
        await withDatabase(async (cli) => {
          const ctx = await actingAs(cli, opts.as as string | undefined);
          const out = await recordPracticeObservation(ctx, {
            activityId: String(opts.activity),
            inspector: String(opts.inspector),
            observedOn: String(opts.on),
            setting: String(opts.setting),
            ratings: ((opts.rating as string[] | undefined) ?? []).map(ratingSpec),
            developmentPoints: String(opts.development ?? ''),
          });
          output(opts.json as boolean, out, () => `Recorded observation ${out.id}.`);
        });
      }),
    );
  qa.command('list')
    .description('The observations on an activity that you may read')
    .requiredOption('--activity <id>', 'activity id')
    .option('--as <email>', 'read as this person')
    .option('--json', 'print JSON')
    .action(
      action(async (opts: Opts) => {
        await withDatabase(async (cli) => {
          const ctx = await actingAs(cli, opts.as as string | undefined);
          const v = await getActivityPracticeQa(ctx, { activityId: String(opts.activity) });
          output(opts.json as boolean, v, () =>
            v.observations.length
              ? v.observations
                  .map(
                    (o) =>
                      `${o.observedOn}  ${o.inspector.label} (by ${o.observer.label}): ${o.described.map((d) => `${d.promptKey}=${d.rating ?? '-'}`).join(' ')}`,
                  )
                  .join('\n')
              : 'No observations you may read.',
          );
        });
      }),
    );
  qa.command('development')
    .description('Your own development record (every observation of your practice)')
    .option('--as <email>', 'the inspector (their own record only)')
    .option('--json', 'print JSON')
    .action(
      action(async (opts: Opts) => {
        await withDatabase(async (cli) => {
          const ctx = await actingAs(cli, opts.as as string | undefined);
          const v = await getDevelopmentRecord(ctx);
          output(
            opts.json as boolean,
            v,
            () =>
              v.observations
                .map(
                  (o) =>
                    `${o.observedOn}  ${o.activityTitle}: ${o.setting}\n  ${o.described.map((d) => `${d.title}: ${d.ratingLabel}`).join('; ')}\n  Development points: ${o.developmentPoints || 'none'}`,
                )
                .join('\n') || 'No observations yet.',
          );
        });
      }),
    );
  qa.command('patterns')
    .description(
      'Ratings per prompt across inspections (national staff; suppressed, never per person)',
    )
    .option('--group-by <g>', 'region, year or activity_type', 'region')
    .option('--region <name>', 'only this region')
    .option('--year <yyyy>', 'only this year')
    .option('--activity-type <key>', 'only this activity type')
    .option('--as <email>', 'read as this person')
    .option('--json', 'print JSON')
    .action(
      action(async (opts: Opts) => {
        await withDatabase(async (cli) => {
          const ctx = await actingAs(cli, opts.as as string | undefined);
          const v = await getPracticePatterns(ctx, {
            groupBy: String(opts.groupBy),
            region: (opts.region as string | undefined) ?? null,
            year: opts.year ? Number(opts.year) : null,
            activityType: (opts.activityType as string | undefined) ?? null,
          });
          output(
            opts.json as boolean,
            v,
            () =>
              v.rows
                .map(
                  (r) =>
                    `${r.group}  ${r.promptKey}  ${
                      r.suppressed
                        ? 'suppressed'
                        : `${r.observations}: ${Object.entries(r.counts)
                            .map(([k, n]) => `${k}=${n ?? '<5'}`)
                            .join(' ')}`
                    }`,
                )
                .join('\n') || 'No observations.',
          );
        });
      }),
    );
}

function registerStrengths(program: Command): void {
  const st = program
    .command('strengths')
    .description('Strengths fed back at keeping-in-touch meetings, tracked to the report draft');
  const print = (opts: Opts, v: Awaited<ReturnType<typeof listFedBackStrengths>>) =>
    output(
      opts.json as boolean,
      v,
      () =>
        v.strengths
          .map(
            (s) =>
              `${s.key}  ${s.statusLabel}: “${s.text}”${s.appearsIn ? `\n  in ${s.appearsIn.sectionKey}:${s.appearsIn.index}: ${s.appearsIn.text}` : ''}${s.reason ? `\n  reason: ${s.reason}` : ''}`,
          )
          .join('\n') || 'No strengths were fed back at keeping-in-touch meetings.',
    );
  st.command('list')
    .description('Each strength fed back and where it appears in the draft')
    .requiredOption('--activity <id>', 'activity id')
    .option('--as <email>', 'read as this person')
    .option('--json', 'print JSON')
    .action(
      action(async (opts: Opts) => {
        await withDatabase(async (cli) => {
          const ctx = await actingAs(cli, opts.as as string | undefined);
          print(opts, await listFedBackStrengths(ctx, { activityId: String(opts.activity) }));
        });
      }),
    );
  /** link and explain: account for one strength, then show them all as list does. */
  const account = (
    name: 'link' | 'explain',
    description: string,
    option: [flags: string, text: string],
    how: (opts: Opts) => { how: 'link'; paragraph: string } | { how: 'explain'; reason: string },
  ) =>
    st
      .command(name)
      .description(description)
      .requiredOption('--activity <id>', 'activity id')
      .requiredOption('--strength <key>', 'the strength (as strengths list shows it)')
      .requiredOption(...option)
      .option('--as <email>', 'act as this person')
      .option('--json', 'print JSON')
      .action(
        action(async (opts: Opts) => {
          await withDatabase(async (cli) => {
            const ctx = await actingAs(cli, opts.as as string | undefined);
            const activityId = String(opts.activity);
            await accountForStrength(ctx, {
              ...how(opts),
              activityId,
              strengthKey: String(opts.strength),
            });
            print(opts, await listFedBackStrengths(ctx, { activityId }));
          });
        }),
      );
  account(
    'link',
    'Link a strength to the paragraph of the draft that says it (the lead)',
    ['--paragraph <ref>', 'SECTION:INDEX (from 0)'],
    (opts) => ({ how: 'link', paragraph: String(opts.paragraph) }),
  );
  account(
    'explain',
    'Say why a strength fed back is not in the report (the lead)',
    ['--reason <text>', 'why it is left out'],
    (opts) => ({ how: 'explain', reason: String(opts.reason) }),
  );
}

export function registerPracticeQaCommands(program: Command): void {
  registerPracticeQa(program);
  registerStrengths(program);
}
