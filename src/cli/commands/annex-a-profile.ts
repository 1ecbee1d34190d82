// `triangulate annex-a profile|candidates|accept|dismiss|sef-claim|population`: the data profile
// of an activity's Annex A with its benchmarks, and the candidate lines of enquiry from it.
// Added to the `annex-a` group (registered after it).
import type { Command } from 'commander';
import { profileCsv } from '../../domain/annex-a-profile/export.js';
import { decideCandidate } from '../../usecases/annex-a-profile/decide-candidate.js';
import {
  figuresText,
  getAnnexAProfile,
  profileJson,
  type AnnexAProfileView,
} from '../../usecases/annex-a-profile/get-annex-a-profile.js';
import { recordSefClaim } from '../../usecases/annex-a-profile/record-sef-claim.js';
import { coverageText } from './annex-a.js';
import { setProfilePopulation } from '../../usecases/annex-a-profile/set-profile-population.js';
import { action, AppError, output, withDatabase } from '../runtime.js';

const fmt = (v: number | null | undefined, unit: string): string =>
  v === null || v === undefined
    ? '-'
    : unit === 'percent'
      ? `${v}%`
      : unit === 'rate'
        ? `${v}/10k`
        : String(v);

export function profileText(v: AnnexAProfileView): string {
  if (!v.import || !v.profile) return `No Annex A has been imported for ${v.activityTitle}.`;
  const lines = [
    `Annex A data profile for ${v.activityTitle} (${v.laName}): ${v.import.fileName}, reference date ${v.import.referenceDate}`,
    `  Children aged 0-17: ${v.population.value ?? 'not known'}${v.population.note ? ` (${v.population.note})` : ''}`,
    ...coverageText(v.coverage),
    '',
    `${'Indicator'.padEnd(62)} ${'LA'.padStart(12)} ${'England'.padStart(12)} ${'Region'.padStart(12)} ${'SN avg'.padStart(12)}`,
  ];
  let list = 0;
  for (const i of v.indicators) {
    if (i.list !== list) {
      list = i.list;
      const l = v.profile.lists.find((x) => x.list === list);
      lines.push(
        `List ${list}: ${l?.title ?? ''} (${l?.rows ?? 0} rows, ${l?.children ?? 0} children)`,
      );
    }
    const c = i.comparison;
    lines.push(
      `  ${i.title.slice(0, 60).padEnd(60)} ${fmt(i.value, i.unit).padStart(12)} ${fmt(c?.england, i.unit).padStart(12)} ${fmt(c?.region, i.unit).padStart(12)} ${fmt(c?.snAverage, i.unit).padStart(12)}`,
    );
  }
  lines.push('', candidatesText(v));
  return lines.join('\n');
}

function candidatesText(v: AnnexAProfileView): string {
  if (!v.candidates.length) return 'No candidate lines of enquiry: nothing differs markedly.';
  const lines = [
    ...(v.coverage?.low ? [`WARNING: ${v.coverage.message}`, ''] : []),
    'Candidate lines of enquiry:',
  ];
  for (const c of v.candidates) {
    const state = c.decision
      ? ` [${c.decision.decision} by ${c.decision.decidedByLabel}${c.decision.reason ? `: ${c.decision.reason}` : ''}]`
      : '';
    lines.push(`  ${c.indicatorKey}: ${c.title} ${figuresText(c)}${state}`);
    for (const b of c.because) lines.push(`      ${b}`);
    if (c.warning) lines.push(`      WARNING: ${c.warning}`);
  }
  return lines.join('\n');
}

export function registerAnnexAProfileCommands(program: Command): void {
  const annexA =
    program.commands.find((c) => c.name() === 'annex-a') ??
    program.command('annex-a').description('Annex A child-level data of an activity');

  annexA
    .command('profile')
    .description(
      'The data profile of the current Annex A: counts, rates, breakdowns, indicators against England, the region and statistical neighbours, and candidate lines of enquiry',
    )
    .requiredOption('--activity <id>', 'the activity id')
    .option('--json', 'print the whole profile as JSON')
    .option('--csv', 'print the indicator table as CSV')
    .action(
      action(async (opts: { activity: string; json?: boolean; csv?: boolean }) =>
        withDatabase(async (ctx) => {
          const v = await getAnnexAProfile(ctx, opts.activity);
          if (opts.csv && !opts.json) process.stdout.write(profileCsv(v.indicators));
          else output(opts.json, profileJson(v), () => profileText(v));
        }),
      ),
    );

  annexA
    .command('candidates')
    .description('Candidate lines of enquiry from the data profile, with the figures behind them')
    .requiredOption('--activity <id>', 'the activity id')
    .option('--json', 'print JSON')
    .action(
      action(async (opts: { activity: string; json?: boolean }) =>
        withDatabase(async (ctx) => {
          const v = await getAnnexAProfile(ctx, opts.activity);
          output(opts.json, { coverage: v.coverage, candidates: profileJson(v).candidates }, () =>
            candidatesText(v),
          );
        }),
      ),
    );

  annexA
    .command('accept')
    .description('Accept a candidate: it becomes a line of enquiry, linked to the figures')
    .requiredOption('--activity <id>', 'the activity id')
    .requiredOption('--indicator <key>', 'the indicator key (see `annex-a candidates`)')
    .option('--title <text>', 'the line of enquiry in your own words')
    .option('--description <text>', 'notes')
    .option('--json', 'print JSON')
    .action(
      action(
        async (opts: {
          activity: string;
          indicator: string;
          title?: string;
          description?: string;
          json?: boolean;
        }) =>
          withDatabase(async (ctx) => {
            const r = await decideCandidate(ctx, {
              activityId: opts.activity,
              indicatorKey: opts.indicator,
              decision: 'accept',
              title: opts.title,
              description: opts.description,
            });
            output(opts.json, r, () => `Accepted: line of enquiry ${r.lineOfEnquiryId}`);
          }),
      ),
    );

  annexA
    .command('dismiss')
    .description('Dismiss a candidate line of enquiry, with the reason')
    .requiredOption('--activity <id>', 'the activity id')
    .requiredOption('--indicator <key>', 'the indicator key')
    .requiredOption('--reason <text>', 'why it is dismissed')
    .option('--json', 'print JSON')
    .action(
      action(
        async (opts: { activity: string; indicator: string; reason: string; json?: boolean }) =>
          withDatabase(async (ctx) => {
            const r = await decideCandidate(ctx, {
              activityId: opts.activity,
              indicatorKey: opts.indicator,
              decision: 'dismiss',
              reason: opts.reason,
            });
            output(opts.json, r, () => `Dismissed ${opts.indicator}.`);
          }),
      ),
    );

  annexA
    .command('sef-claim')
    .description('Record what the self-evaluation says about an indicator (or none to clear it)')
    .requiredOption('--activity <id>', 'the activity id')
    .requiredOption('--indicator <key>', 'the indicator key')
    .requiredOption('--claim <claim>', 'strong, improving, weak or none')
    .option('--note <text>', 'where the self-evaluation says it')
    .option('--json', 'print JSON')
    .action(
      action(
        async (opts: {
          activity: string;
          indicator: string;
          claim: string;
          note?: string;
          json?: boolean;
        }) =>
          withDatabase(async (ctx) => {
            if (!['strong', 'improving', 'weak', 'none'].includes(opts.claim))
              throw new AppError('VALIDATION_FAILED', {
                details: [
                  { field: 'claim', value: opts.claim, reason: 'strong, improving, weak or none' },
                ],
              });
            await recordSefClaim(ctx, {
              activityId: opts.activity,
              indicatorKey: opts.indicator,
              claim: opts.claim === 'none' ? null : (opts.claim as 'strong'),
              note: opts.note,
            });
            output(opts.json, { ok: true }, () => `Recorded: ${opts.indicator} ${opts.claim}.`);
          }),
      ),
    );

  annexA
    .command('population')
    .description('Enter the 0-17 population for the profile’s rates (--clear: the ONS estimate)')
    .requiredOption('--activity <id>', 'the activity id')
    .option('--population <n>', 'children aged 0 to 17')
    .option('--source <text>', 'where the figure comes from')
    .option('--clear', 'go back to the ONS mid-year estimate')
    .option('--json', 'print JSON')
    .action(
      action(
        async (opts: {
          activity: string;
          population?: string;
          source?: string;
          clear?: boolean;
          json?: boolean;
        }) =>
          withDatabase(async (ctx) => {
            await setProfilePopulation(ctx, {
              activityId: opts.activity,
              population: opts.clear ? null : Number(opts.population),
              source: opts.source,
            });
            output(opts.json, { ok: true }, () => 'Population recorded.');
          }),
      ),
    );
}
