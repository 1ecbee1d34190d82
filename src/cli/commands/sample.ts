// `triangulate sample ...`: draw an activity's case sample from its Annex A (seeded, stratified;
// a spec file or the default), list the sampled cases, record the LA's audited children, and
// print the transparency statement; match the sample's pseudonyms to the LA's child IDs.
import { readFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { SampleSpec } from '../../domain/sampling/spec.js';
import { cohortDefs, type CohortId } from '../../domain/sampling/population.js';
import { AppError } from '../../errors.js';
import { drawSample } from '../../usecases/sampling/draw-sample.js';
import { getSample } from '../../usecases/sampling/get-sample.js';
import { getSampleStatement } from '../../usecases/sampling/get-sample-statement.js';
import { recordLaAudits, splitChildIds } from '../../usecases/sampling/record-la-audits.js';
import { revealSampleIdentifiers } from '../../usecases/sampling/reveal-sample-identifiers.js';
import { tableCsv } from '../../domain/exports/table.js';
import { action, actingAs, output, withDatabase } from '../runtime.js';

async function readJsonFile(file: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    throw new AppError('VALIDATION_FAILED', {
      message: `Cannot read ${file}: ${(err as Error).message}`,
      cause: err,
    });
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (err) {
    throw new AppError('VALIDATION_FAILED', {
      details: [{ file, reason: `Not JSON: ${(err as Error).message}` }],
      cause: err,
    });
  }
}

const label = (c: string): string => cohortDefs[c as CohortId]?.label ?? c;

export function registerSampleCommands(program: Command): void {
  const sample = program.command('sample').description('Systematic case sampling from Annex A');

  sample
    .command('draw')
    .description(
      'Draw (or redraw) the case sample from the current Annex A: same seed, lists and spec give the same cases',
    )
    .requiredOption('--activity <id>', 'the activity id')
    .requiredOption('--seed <n>', 'the seed (a whole number; record it)')
    .option('--spec <file>', 'a JSON spec (docs/sampling.md); default: six cases per cohort')
    .option('--reason <text>', 'why the sample is drawn again (audited)')
    .option('--json', 'print JSON (drawId, cases, strata with population, quota and drawn)')
    .action(
      action(
        async (opts: {
          activity: string;
          seed: string;
          spec?: string;
          reason?: string;
          json?: boolean;
        }) => {
          if (!/^\d{1,10}$/.test(opts.seed))
            throw new AppError('VALIDATION_FAILED', {
              details: [{ field: '--seed', reason: 'The seed must be a whole number.' }],
            });
          let spec: SampleSpec | undefined;
          if (opts.spec) {
            const parsed = SampleSpec.safeParse(await readJsonFile(opts.spec));
            if (!parsed.success)
              throw new AppError('VALIDATION_FAILED', {
                details: parsed.error.issues.map((i) => ({
                  file: opts.spec,
                  field: i.path.join('.'),
                  reason: i.message,
                })),
              });
            spec = parsed.data;
          }
          await withDatabase(async (ctx) => {
            const r = await drawSample(ctx, {
              activityId: opts.activity,
              seed: Number(opts.seed),
              ...(spec ? { spec } : {}),
              ...(opts.reason ? { reason: opts.reason } : {}),
            });
            output(opts.json, r, () =>
              [
                `${r.status === 'redrawn' ? 'Redrew' : 'Drew'} ${r.cases} cases with seed ${r.seed} (draw ${r.drawId}).`,
                ...r.entries.map(
                  (e) =>
                    `  ${label(e.cohort).padEnd(24)} ${String(e.strata.reduce((t, s) => t + s.drawn, 0) + e.audited.drawn).padStart(3)} of ${e.population} children` +
                    (e.audited.drawn ? ` (${e.audited.drawn} from LA audits)` : '') +
                    (e.shortfall ? `; ${e.shortfall} short` : ''),
                ),
              ].join('\n'),
            );
          });
        },
      ),
    );

  sample
    .command('list')
    .description('The sampled cases: child reference, cohort, entry route, stratum, remote flag')
    .requiredOption('--activity <id>', 'the activity id')
    .option('--json', 'print JSON')
    .action(
      action(async (opts: { activity: string; json?: boolean }) => {
        await withDatabase(async (ctx) => {
          const v = await getSample(ctx, { activityId: opts.activity });
          const cases = v.cases.map((c) => ({
            id: c.id,
            childRef: c.childRef,
            cohort: c.cohort,
            route: c.route,
            stratum: c.stratum,
            remote: c.remote,
            criteria: c.criteria,
            lineOfEnquiry: c.lineOfEnquiryTitle,
            caseId: c.caseId,
            evidenceCount: c.evidenceCount,
            attributes: c.attributes,
          }));
          output(opts.json, { seed: v.draw?.seed ?? null, drawId: v.draw?.id ?? null, cases }, () =>
            [
              v.draw
                ? `Seed ${v.draw.seed}, drawn ${v.draw.drawnAt.toISOString()} by ${v.draw.drawnBy}; ${cases.length} cases.`
                : `No draw yet; ${cases.length} cases.`,
              ...cases.map(
                (c) =>
                  `  ${c.childRef}  ${label(c.cohort).padEnd(24)} ${c.route.padEnd(13)} ${c.remote ? 'remote ' : ''}${c.stratum ?? c.criteria ?? ''}`,
              ),
            ].join('\n'),
          );
        });
      }),
    );

  sample
    .command('statement')
    .description('The sample transparency statement (paragraphs and tables) for the report')
    .requiredOption('--activity <id>', 'the activity id')
    .option('--json', 'print JSON ({ statement: { paragraphs, tables } | null })')
    .action(
      action(async (opts: { activity: string; json?: boolean }) => {
        await withDatabase(async (ctx) => {
          const statement = await getSampleStatement(ctx, { activityId: opts.activity });
          output(opts.json, { statement }, () =>
            statement
              ? [
                  ...statement.paragraphs,
                  ...statement.tables.map((t) =>
                    [t.caption, t.head.join(' | '), ...t.rows.map((r) => r.join(' | '))].join('\n'),
                  ),
                ].join('\n\n')
              : 'No cases have been sampled yet.',
          );
        });
      }),
    );

  sample
    .command('la-audits')
    .description(
      'Record the children the LA audited recently (a file of its child IDs, one a line); replaces the list',
    )
    .requiredOption('--activity <id>', 'the activity id')
    .requiredOption('--file <file>', 'the child IDs, one a line (or comma-separated)')
    .option('--json', 'print JSON')
    .action(
      action(async (opts: { activity: string; file: string; json?: boolean }) => {
        let text: string;
        try {
          text = await readFile(opts.file, 'utf8');
        } catch (err) {
          throw new AppError('VALIDATION_FAILED', {
            message: `Cannot read ${opts.file}: ${(err as Error).message}`,
            cause: err,
          });
        }
        await withDatabase(async (ctx) => {
          const r = await recordLaAudits(ctx, {
            activityId: opts.activity,
            childIds: splitChildIds(text),
          });
          output(
            opts.json,
            r,
            () => `Recorded ${r.recorded} audited children (${r.inAnnexA} found in Annex A).`,
          );
        });
      }),
    );

  sample
    .command('identifiers')
    .description(
      "Match the sampled cases' pseudonyms to the LA's own child IDs (a file of them, one a line, e.g. the ID column of its list): shown or exported, never stored; audited",
    )
    .requiredOption('--activity <id>', 'the activity id')
    .requiredOption('--file <file>', "the LA's child IDs, one a line (or comma-separated)")
    .requiredOption('--as <email>', 'a member of the team (lead, team inspector or analyst)')
    .option('--csv', 'print CSV (audited as an export)')
    .option('--json', 'print JSON')
    .action(
      action(
        async (opts: {
          activity: string;
          file: string;
          as: string;
          csv?: boolean;
          json?: boolean;
        }) => {
          let text: string;
          try {
            text = await readFile(opts.file, 'utf8');
          } catch (err) {
            throw new AppError('VALIDATION_FAILED', {
              message: `Cannot read ${opts.file}: ${(err as Error).message}`,
              cause: err,
            });
          }
          await withDatabase(async (base) => {
            const ctx = await actingAs(base, opts.as);
            const r = await revealSampleIdentifiers(ctx, {
              activityId: opts.activity,
              identifiers: splitChildIds(text),
              purpose: opts.csv || opts.json ? 'export' : 'view',
            });
            if (opts.csv) {
              process.stdout.write(
                tableCsv(
                  [
                    { header: 'Reference', value: (c) => c.childRef },
                    { header: 'LA child ID', value: (c) => c.laIdentifier ?? '' },
                    { header: 'Cohort', value: (c) => label(c.cohort) },
                  ],
                  r.cases,
                ),
              );
              return;
            }
            output(opts.json, r, () =>
              [
                ...r.cases.map(
                  (c) => `${c.childRef}  ${c.laIdentifier ?? '(no match)'}  ${label(c.cohort)}`,
                ),
                `${r.matched} of ${r.cases.length} sampled cases matched.`,
              ].join('\n'),
            );
          });
        },
      ),
    );
}
