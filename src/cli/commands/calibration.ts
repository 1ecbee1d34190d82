// `triangulate calibration ...`: calibration with vignettes (issue 15). The bank and exercises
// (as the operator, or --as a national user), an invited inspector's blind rating and submission
// (--as the inspector), the exercise as the viewer may see it, an inspector's own agreement over
// time and the national view by region and quarter (groups under three inspectors withheld).
import type { Command } from 'commander';
import type { ReferenceAgreement } from '../../domain/calibration/agreement.js';
import { alphaText, shareText } from '../../domain/calibration/figures-text.js';
import { addCalibrationNote } from '../../usecases/calibration/add-calibration-note.js';
import { addVignette } from '../../usecases/calibration/add-vignette.js';
import { createExercise } from '../../usecases/calibration/create-exercise.js';
import { getExercise } from '../../usecases/calibration/get-exercise.js';
import { getMyCalibration } from '../../usecases/calibration/get-my-calibration.js';
import { getNationalCalibration } from '../../usecases/calibration/get-national-calibration.js';
import { listExercises } from '../../usecases/calibration/list-exercises.js';
import { listVignettes } from '../../usecases/calibration/list-vignettes.js';
import { rateVignette } from '../../usecases/calibration/rate-vignette.js';
import { retireVignette } from '../../usecases/calibration/retire-vignette.js';
import { submitRatings } from '../../usecases/calibration/submit-ratings.js';
import { action, actingAs, output, withDatabase, type CliContext } from '../runtime.js';

const collect = (value: string, previous: string[] = []) => [...previous, value];
const agreementText = (a: ReferenceAgreement) =>
  `same grade ${shareText(a.exact)}; within one ${shareText(a.withinOne)}; alpha ${alphaText(a.alpha)}; ${a.ratings} ratings by ${a.inspectors} inspectors`;

interface Common {
  as?: string;
  json?: boolean;
}

/** A subcommand with --as and --json that runs one use case as the person named. */
function command<O extends Common>(
  group: Command,
  name: string,
  description: string,
  run: (ctx: CliContext, opts: O) => Promise<{ data: unknown; text: () => string }>,
): Command {
  return group
    .command(name)
    .description(description)
    .option('--as <email>', 'act as this person')
    .option('--json', 'print JSON')
    .action(
      action(async (opts: O) => {
        await withDatabase(async (cli) => {
          const r = await run(await actingAs(cli, opts.as), opts);
          output(opts.json, r.data, r.text);
        });
      }),
    );
}

export function registerCalibrationCommands(program: Command): void {
  const group = program
    .command('calibration')
    .description('Calibration with vignettes: the bank, blind rating exercises, agreement');

  command(
    group,
    'vignettes',
    'The vignette bank with criteria and reference grades',
    async (ctx) => {
      const list = await listVignettes(ctx);
      return {
        data: list,
        text: () =>
          list
            .map((v) => `${v.id}  ${v.title} · ${v.judgementTitle} · ${v.referenceGrade?.label}`)
            .join('\n') || 'The bank is empty.',
      };
    },
  );

  command<
    Common & {
      title: string;
      body: string;
      framework: string;
      judgement: string;
      criterion?: string[];
      grade: string;
      note?: string;
    }
  >(group, 'add-vignette', 'Add a vignette to the bank', async (ctx, o) => {
    const v = await addVignette(ctx, {
      title: o.title,
      body: o.body,
      frameworkId: o.framework,
      judgementKey: o.judgement,
      criteria: o.criterion ?? [],
      referenceGrade: o.grade,
      panelNote: o.note ?? '',
    });
    return { data: v, text: () => `Vignette ${v.id} added.` };
  })
    .requiredOption('--title <title>', 'its title')
    .requiredOption('--body <text>', 'the vignette')
    .requiredOption('--framework <id>', 'framework id, e.g. ilacs-2026')
    .requiredOption('--judgement <key>', 'judgement area key')
    .option('--criterion <key>', 'a criterion it illustrates (repeat)', collect)
    .requiredOption('--grade <key>', 'the reference grade')
    .option('--note <text>', 'the panel’s reasons');

  group
    .command('retire-vignette <id>')
    .description('Retire a vignette from the bank (past exercises keep it)')
    .option('--as <email>', 'act as this person')
    .option('--json', 'print JSON')
    .action(
      action(async (id: string, opts: Common) => {
        await withDatabase(async (cli) => {
          const v = await retireVignette(await actingAs(cli, opts.as), { vignetteId: id });
          output(opts.json, v, () => `Vignette ${v.id} retired from the bank.`);
        });
      }),
    );

  command(
    group,
    'exercises',
    'Exercises (all for organisers, one’s own for inspectors)',
    async (ctx) => {
      const list = await listExercises(ctx);
      return {
        data: list,
        text: () =>
          list
            .map(
              (e) =>
                `${e.id}  ${e.title}: ${e.submitted} of ${e.invited} submitted${e.mine === 'not invited' ? '' : ` (yours: ${e.mine})`}`,
            )
            .join('\n') || 'No exercise yet.',
      };
    },
  );

  command<Common & { title: string; region?: string; vignette: string[]; inspector: string[] }>(
    group,
    'create',
    'Set up an exercise',
    async (ctx, o) => {
      const r = await createExercise(ctx, {
        title: o.title,
        region: (o.region as never) ?? null,
        vignetteIds: o.vignette,
        inspectors: o.inspector.map((user) => ({ user })),
      });
      return { data: r, text: () => `Exercise ${r.id} set up.` };
    },
  )
    .requiredOption('--title <title>', 'its title')
    .option('--region <region>', 'the Ofsted region for inspectors whose account names none')
    .requiredOption('--vignette <id>', 'a vignette (repeat)', collect)
    .requiredOption(
      '--inspector <email>',
      'an inspector to invite (repeat, at least two)',
      collect,
    );

  command<Common & { exercise: string }>(
    group,
    'show',
    'An exercise as you may see it',
    async (ctx, o) => {
      const d = await getExercise(ctx, { exerciseId: o.exercise });
      return {
        data: d,
        text: () =>
          [
            `${d.title}: ${d.submitted} of ${d.invited} submitted${d.revealed ? '' : ' (blind until you submit)'}`,
            ...d.vignettes.map(
              (v) =>
                `${v.position}. ${v.title}` +
                (v.myRating ? ` · yours: ${v.myRating.label}` : '') +
                (v.referenceGrade ? ` · reference: ${v.referenceGrade.label}` : '') +
                (v.spread ? ` · ${v.spread.map((s) => `${s.label} ${s.count}`).join(', ')}` : ''),
            ),
            ...(d.between ? [`Between inspectors: alpha ${alphaText(d.between.alpha)}`] : []),
            ...(d.myAgreement ? [`Yours: ${agreementText(d.myAgreement)}`] : []),
          ].join('\n'),
      };
    },
  ).requiredOption('--exercise <id>', 'the exercise');

  command<Common & { exercise: string; vignette: string; grade: string; rationale?: string }>(
    group,
    'rate',
    'Rate one vignette blind (--as an invited inspector)',
    async (ctx, o) => {
      await rateVignette(ctx, {
        exerciseId: o.exercise,
        vignetteId: o.vignette,
        grade: o.grade,
        rationale: o.rationale ?? '',
      });
      return { data: { rated: true }, text: () => 'Rated.' };
    },
  )
    .requiredOption('--exercise <id>', 'the exercise')
    .requiredOption('--vignette <id>', 'the vignette')
    .requiredOption('--grade <key>', 'your grade')
    .option('--rationale <text>', 'why');

  command<Common & { exercise: string }>(
    group,
    'submit',
    'Submit your ratings (fixed from then on)',
    async (ctx, o) => {
      await submitRatings(ctx, { exerciseId: o.exercise });
      return { data: { submitted: true }, text: () => 'Submitted.' };
    },
  ).requiredOption('--exercise <id>', 'the exercise');

  group
    .command('note <exercise>')
    .description('Add a discussion note on a vignette (organisers, or inspectors who submitted)')
    .requiredOption('--vignette <id>', 'the vignette the note is about')
    .requiredOption('--text <text>', 'the note')
    .option('--as <email>', 'act as this person')
    .option('--json', 'print JSON')
    .action(
      action(async (exerciseId: string, opts: Common & { vignette: string; text: string }) => {
        await withDatabase(async (cli) => {
          const r = await addCalibrationNote(await actingAs(cli, opts.as), {
            exerciseId,
            vignetteId: opts.vignette,
            note: opts.text,
          });
          output(opts.json, r, () => `Note ${r.id} added.`);
        });
      }),
    );

  command(group, 'mine', 'Your own agreement over time (--as an inspector)', async (ctx) => {
    const d = await getMyCalibration(ctx);
    return {
      data: d,
      text: () =>
        [
          ...d.exercises.map((e) => `${e.title}: ${agreementText(e.agreement)}`),
          d.overall ? `Overall: ${agreementText(d.overall)}` : 'Nothing submitted yet.',
        ].join('\n'),
    };
  });

  command(
    group,
    'national',
    'Agreement by region and quarter (groups of 3+ inspectors)',
    async (ctx) => {
      const d = await getNationalCalibration(ctx);
      const line = (g: (typeof d.byRegion)[number]) =>
        `${g.group}: ${g.agreement ? agreementText(g.agreement) : `not shown (${g.inspectors} ${g.inspectors === 1 ? 'inspector' : 'inspectors'}, fewer than ${d.minimumGroup})`}`;
      return {
        data: d,
        text: () =>
          [
            d.overall
              ? `Nationally: ${agreementText(d.overall)}`
              : 'Nationally: not enough inspectors',
            'By region:',
            ...d.byRegion.map(line),
            'By quarter:',
            ...d.byQuarter.map(line),
          ].join('\n'),
      };
    },
  );
}
