// `triangulate self-evaluation submit|list|acknowledge` and `triangulate engagement
// add|list|release`: the LA's self-evaluation and the annual engagement meeting from the command
// line, through the same use cases and access rules as the pages.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Command } from 'commander';
import { fileSections, type FileSection } from '../../domain/self-evaluation/self-evaluation.js';
import { acknowledgeSelfEvaluation } from '../../usecases/self-evaluation/acknowledge-self-evaluation.js';
import { addSelfEvaluationFile } from '../../usecases/self-evaluation/add-self-evaluation-file.js';
import { getSelfEvaluations } from '../../usecases/self-evaluation/get-self-evaluations.js';
import { listEngagementMeetings } from '../../usecases/self-evaluation/list-engagement-meetings.js';
import { listSelfEvaluationStatus } from '../../usecases/self-evaluation/list-self-evaluation-status.js';
import { recordEngagementMeeting } from '../../usecases/self-evaluation/record-engagement-meeting.js';
import { releaseEngagementNotes } from '../../usecases/self-evaluation/release-engagement-notes.js';
import { submitSelfEvaluation } from '../../usecases/self-evaluation/submit-self-evaluation.js';
import { action, actingAs, AppError, output, withDatabase } from '../runtime.js';

type Opts = Record<string, string | string[] | boolean | undefined>;
const collect = (value: string, previous: string[] = []) => [...previous, value];

/** "SECTION=FILE" (or just FILE, an other document). */
function attachment(spec: string): { section: FileSection; file: string } {
  const at = spec.indexOf('=');
  const section = at > 0 ? spec.slice(0, at) : 'other';
  if (!(fileSections as readonly string[]).includes(section))
    throw new AppError('VALIDATION_FAILED', {
      details: [
        { field: '--attach', value: spec, reason: `Use one of ${fileSections.join(', ')}` },
      ],
    });
  return { section: section as FileSection, file: at > 0 ? spec.slice(at + 1) : spec };
}

/** "ACTION|OWNER|YYYY-MM-DD" (the date optional). */
function agreedAction(spec: string) {
  const [a = '', owner = '', due = ''] = spec.split('|').map((s) => s.trim());
  return { action: a, owner, dueOn: due || null };
}

function registerSelfEvaluation(program: Command): void {
  const se = program
    .command('self-evaluation')
    .description('LAs’ self-evaluations of social work practice');
  se.command('submit')
    .description('Submit an LA’s self-evaluation: its draft, with what is given here saved first')
    .requiredOption('--la <id>', 'LA id, code or name')
    .option(
      '--answer <text>',
      'the answer to each of the framework’s questions, in order (repeatable)',
      collect,
    )
    .option('--improvement-plan <text>', 'the improvement plan')
    .option('--reform-programme <text>', 'the reform programme')
    .option(
      '--attach <section=file>',
      `a document (${fileSections.join(', ')}) (repeatable)`,
      collect,
    )
    .option('--submitted <date>', 'a submission received another way, on this day (operator only)')
    .option('--as <email>', 'submit as this LA user')
    .option('--json', 'print JSON')
    .action(
      action(async (opts: Opts) => {
        await withDatabase(async (cli) => {
          const ctx = await actingAs(cli, opts.as as string | undefined);
          const laId = String(opts.la);
          for (const spec of (opts.attach as string[] | undefined) ?? []) {
            const { section, file } = attachment(spec);
            await addSelfEvaluationFile(
              ctx,
              { laId, section, fileName: path.basename(file) },
              new Uint8Array(await readFile(file)),
            );
          }
          const v = await submitSelfEvaluation(ctx, {
            laId,
            ...(opts.answer ? { answers: opts.answer as string[] } : {}),
            ...(opts.improvementPlan !== undefined
              ? { improvementPlan: String(opts.improvementPlan) }
              : {}),
            ...(opts.reformProgramme !== undefined
              ? { reformProgramme: String(opts.reformProgramme) }
              : {}),
            ...(opts.submitted ? { submittedOn: String(opts.submitted) } : {}),
          });
          output(
            opts.json as boolean,
            v,
            () => `Submitted version ${v.version} (${v.submittedOn}).`,
          );
        });
      }),
    );
  se.command('list')
    .description('An LA’s versions (--la), or which LAs have not submitted in 12 months (--region)')
    .option('--la <id>', 'LA id, code or name')
    .option('--region <name>', 'a region (default: yours; national staff: every region)')
    .option('--all', 'with --region: every LA, not only those that have not submitted')
    .option('--as <email>', 'list as this person')
    .option('--json', 'print JSON')
    .action(
      action(async (opts: Opts) => {
        await withDatabase(async (cli) => {
          const ctx = await actingAs(cli, opts.as as string | undefined);
          if (opts.la) {
            const v = await getSelfEvaluations(ctx, { laId: String(opts.la) });
            output(opts.json as boolean, v, () =>
              [
                `${v.la.name}: ${v.statusLabel}`,
                ...v.versions.map(
                  (x) =>
                    `  version ${x.version}  ${x.submittedOn}  ${x.acknowledgement ? `acknowledged by ${x.acknowledgement.by.label}` : 'awaiting acknowledgement'}`,
                ),
              ].join('\n'),
            );
            return;
          }
          const list = await listSelfEvaluationStatus(ctx, {
            ...(opts.region ? { region: String(opts.region) } : {}),
            notSubmittedOnly: opts.all !== true,
          });
          output(opts.json as boolean, list, () =>
            [
              `${list.region ?? 'Every region'}: ${list.notSubmittedCount} of ${list.total} not submitted since ${list.since}`,
              ...list.rows.map((r) => `  ${r.la.id}  ${r.la.name}  ${r.statusLabel}`),
            ].join('\n'),
          );
        });
      }),
    );
  se.command('acknowledge')
    .description('Acknowledge receipt of a submitted version (regional staff, their region)')
    .requiredOption('--la <id>', 'LA id, code or name')
    .requiredOption('--version <n>', 'the version')
    .option('--note <text>', 'a note to the LA', '')
    .option('--as <email>', 'acknowledge as this person')
    .option('--json', 'print JSON')
    .action(
      action(async (opts: Opts) => {
        await withDatabase(async (cli) => {
          const ctx = await actingAs(cli, opts.as as string | undefined);
          const v = await acknowledgeSelfEvaluation(ctx, {
            laId: String(opts.la),
            version: String(opts.version),
            note: String(opts.note ?? ''),
          });
          output(opts.json as boolean, v, () => `Acknowledged version ${v.version}.`);
        });
      }),
    );
}

function registerEngagement(program: Command): void {
  const en = program.command('engagement').description('Annual engagement meetings');
  en.command('add')
    .description('Record a meeting once held (regional staff, their region); agenda proposed')
    .requiredOption('--la <id>', 'LA id, code or name')
    .requiredOption('--date <date>', 'the day of the meeting (YYYY-MM-DD)')
    .requiredOption('--attendee <text>', 'who attended (repeatable)', collect)
    .option('--notes <text>', 'the internal notes', '')
    .option('--action <a|owner|date>', 'an agreed action (repeatable)', collect)
    .option('--agenda <text>', 'an agenda item (repeatable; default: the proposed agenda)', collect)
    .option('--as <email>', 'record as this person')
    .option('--json', 'print JSON')
    .action(
      action(async (opts: Opts) => {
        await withDatabase(async (cli) => {
          const ctx = await actingAs(cli, opts.as as string | undefined);
          const m = await recordEngagementMeeting(ctx, {
            laId: String(opts.la),
            meetingOn: String(opts.date),
            attendees: opts.attendee as string[],
            notes: String(opts.notes ?? ''),
            actions: ((opts.action as string[] | undefined) ?? []).map(agreedAction),
            ...(opts.agenda
              ? { agenda: (opts.agenda as string[]).map((text) => ({ text, ref: null })) }
              : {}),
          });
          output(
            opts.json as boolean,
            m,
            () => `Recorded the ${m.year} meeting (${m.agenda.length} agenda items).`,
          );
        });
      }),
    );
  en.command('list')
    .description('An LA’s meetings (LA users: the released notes only)')
    .requiredOption('--la <id>', 'LA id, code or name')
    .option('--as <email>', 'list as this person')
    .option('--json', 'print JSON')
    .action(
      action(async (opts: Opts) => {
        await withDatabase(async (cli) => {
          const ctx = await actingAs(cli, opts.as as string | undefined);
          const list = await listEngagementMeetings(ctx, { laId: String(opts.la) });
          output(opts.json as boolean, list, () =>
            list.meetings
              .map((m) => `${m.year}  ${m.meetingOn}  ${m.released ? 'released' : 'not released'}`)
              .join('\n'),
          );
        });
      }),
    );
  en.command('release')
    .description('Release a version of a meeting’s notes to the LA (regional staff)')
    .requiredOption('--la <id>', 'LA id, code or name')
    .requiredOption('--year <year>', 'the meeting’s year')
    .requiredOption('--notes <text>', 'the notes the LA reads')
    .option('--without-actions', 'do not release the agreed actions')
    .option('--as <email>', 'release as this person')
    .option('--json', 'print JSON')
    .action(
      action(async (opts: Opts) => {
        await withDatabase(async (cli) => {
          const ctx = await actingAs(cli, opts.as as string | undefined);
          const m = await releaseEngagementNotes(ctx, {
            laId: String(opts.la),
            year: String(opts.year),
            notes: String(opts.notes),
            withActions: opts.withoutActions !== true,
          });
          output(
            opts.json as boolean,
            m,
            () => `Released the ${m.year} notes (release ${m.released?.count ?? 1}).`,
          );
        });
      }),
    );
}

export function registerSelfEvaluationCommands(program: Command): void {
  registerSelfEvaluation(program);
  registerEngagement(program);
}
