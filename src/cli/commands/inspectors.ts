// `triangulate inspectors list|show|load|set-profile|add-leave|remove-leave|add-conflict|
// remove-conflict`: inspectors and capacity from the command line, as the pages and the API offer
// them (the same use cases, the same access rules; --as EMAIL acts as a person).
import type { Command } from 'commander';
import type { WeekLoad } from '../../domain/scheduling/inspector-load.js';
import { inspectorRoleLabels, weekdays } from '../../domain/scheduling/inspector-profile.js';
import { addInspectorAbsence } from '../../usecases/inspectors/add-inspector-absence.js';
import { addInspectorConflict } from '../../usecases/inspectors/add-inspector-conflict.js';
import { getInspector } from '../../usecases/inspectors/get-inspector.js';
import { getInspectorLoad } from '../../usecases/inspectors/get-inspector-load.js';
import { getInspectorsLoad } from '../../usecases/inspectors/get-inspectors-load.js';
import { listInspectors } from '../../usecases/inspectors/list-inspectors.js';
import { removeInspectorAbsence } from '../../usecases/inspectors/remove-inspector-absence.js';
import { removeInspectorConflict } from '../../usecases/inspectors/remove-inspector-conflict.js';
import { setInspectorProfile } from '../../usecases/inspectors/set-inspector-profile.js';
import { loadActivityTypeCatalog } from '../../domain/frameworks/catalog.js';
import { action, actingAs, output, withDatabase, type CliContext } from '../runtime.js';

interface Common {
  json?: boolean;
  as?: string;
}
interface WindowOpts extends Common {
  from?: string;
  weeks?: string;
}
const windowOf = (o: WindowOpts) => ({
  ...(o.from ? { from: o.from } : {}),
  ...(o.weeks ? { weeks: o.weeks as unknown as number } : {}),
});
const cell = (w: WeekLoad) =>
  `${w.total}/${w.available}${w.flags.length > 0 ? '!' : ''}`.padStart(6);
const flagLines = (name: string, weeks: WeekLoad[]) =>
  weeks.flatMap((w) => w.flags.map((f) => `  ${name}, week of ${w.weekStart}: ${f.message}`));

/** The command's context: as --as, with the framework catalogue (the load reads its workload). */
const as = async (base: CliContext, email: string | undefined) => ({
  ...(await actingAs(base, email)),
  catalog: loadActivityTypeCatalog(),
});

const common = (c: Command) =>
  c.option('--as <email>', 'act as this account').option('--json', 'print JSON');

export function registerInspectorCommands(program: Command): void {
  const ins = program.command('inspectors').description('Inspectors’ profiles, leave and load');
  registerReads(ins);
  registerChanges(ins);
}

function registerReads(ins: Command): void {
  common(
    ins
      .command('list')
      .description('A region’s inspectors')
      .option('--region <region>', 'name or slug'),
  ).action(
    action(async (o: Common & { region?: string }) =>
      withDatabase(async (base) => {
        const r = await listInspectors(await as(base, o.as), o.region ? { region: o.region } : {});
        output(o.json, r, () =>
          [
            `${r.region}: ${r.inspectors.length} inspectors`,
            ...r.inspectors.map(
              (i) =>
                `  ${i.displayName} <${i.email}>: ${inspectorRoleLabels[i.profile!.inspectorRole]}${i.profile!.leadQualified ? ', lead-qualified' : ''}, ${i.profile!.workingDays.length} days a week`,
            ),
            ...(r.withoutProfile.length > 0
              ? [`Without a profile: ${r.withoutProfile.map((i) => i.email).join(', ')}`]
              : []),
          ].join('\n'),
        );
      }),
    ),
  );

  common(
    ins.command('show <inspector>').description('An inspector’s profile, leave and conflicts'),
  ).action(
    action(async (inspector: string, o: Common) =>
      withDatabase(async (base) => {
        const r = await getInspector(await as(base, o.as), { inspector });
        const p = r.inspector.profile;
        output(o.json, r, () =>
          [
            `${r.inspector.displayName} <${r.inspector.email}>`,
            p
              ? `  ${inspectorRoleLabels[p.inspectorRole]}, ${p.homeRegion}; works ${p.workingDays.join(' ')}; lead-qualified: ${p.leadQualified ? 'yes' : 'no'}; at most ${p.maxSiteWeeksPerQuarter} weeks on site a quarter; preparation days: ${p.preparationDays ?? 'as the framework sets'}`
              : '  No profile yet.',
            ...r.absences.map((a) => `  ${a.kind} ${a.startsOn} to ${a.endsOn} (${a.id})`),
            ...r.conflicts.map(
              (c) =>
                `  conflict: ${c.laName}, ${c.reason}, ${c.from ?? '…'} to ${c.to ?? '…'} (${c.id})`,
            ),
          ].join('\n'),
        );
      }),
    ),
  );

  common(
    ins
      .command('load [inspector]')
      .description('Planned load by week: a region’s inspectors, or one inspector')
      .option('--region <region>', 'name or slug (without an inspector)')
      .option('--from <date>', 'any day of the first week (YYYY-MM-DD; default today)')
      .option('--weeks <n>', 'how many weeks (default 12, at most 52)'),
  ).action(
    action(async (inspector: string | undefined, o: WindowOpts & { region?: string }) =>
      withDatabase(async (base) => {
        const ctx = await as(base, o.as);
        if (inspector) {
          const r = await getInspectorLoad(ctx, { inspector, ...windowOf(o) });
          output(o.json, r, () =>
            [
              `${r.profile.displayName}: week, preparation/on site/write-up/QA, away, available`,
              ...r.load.weeks.map(
                (w) =>
                  `  ${w.weekStart}  ${w.days.preparation}/${w.days.onSite}/${w.days.writeUp}/${w.days.qa}  away ${w.away.leave + w.away.training + w.away.other}  available ${w.available}${w.flags.map((f) => `  ! ${f.message}`).join('')}`,
              ),
            ].join('\n'),
          );
          return;
        }
        const r = await getInspectorsLoad(ctx, {
          ...(o.region ? { region: o.region } : {}),
          ...windowOf(o),
        });
        output(o.json, r, () =>
          [
            `${r.region}, ${r.weekStarts.length} weeks from ${r.from} (days planned/available; ! flagged)`,
            ...r.inspectors.map(
              (i) => `  ${i.displayName.padEnd(34).slice(0, 34)}${i.load.weeks.map(cell).join('')}`,
            ),
            `${r.overWeeks} inspector-weeks flagged`,
            ...r.inspectors.flatMap((i) => flagLines(i.displayName, i.load.weeks)),
          ].join('\n'),
        );
      }),
    ),
  );
}

function registerChanges(ins: Command): void {
  common(
    ins
      .command('set-profile <inspector>')
      .description('Set an inspector’s profile (replaces it)')
      .requiredOption(
        '--role <role>',
        'hmi, senior_hmi, regulatory_inspector or education_inspector',
      )
      .requiredOption('--region <region>', 'home region: name or slug')
      .option('--days <days>', `working days, comma-separated (default ${weekdays.join(',')})`)
      .option('--lead', 'qualified to lead')
      .option('--max-site-weeks <n>', 'most weeks on site a quarter (default 6)')
      .option('--prep-days <n>', 'preparation days needed before an activity'),
  ).action(
    action(
      async (
        inspector: string,
        o: Common & {
          role: string;
          region: string;
          days?: string;
          lead?: boolean;
          maxSiteWeeks?: string;
          prepDays?: string;
        },
      ) =>
        withDatabase(async (base) => {
          const r = await setInspectorProfile(await as(base, o.as), {
            inspector,
            inspectorRole: o.role as never,
            homeRegion: o.region as never,
            ...(o.days ? { workingDays: o.days.split(',').map((d) => d.trim()) as never } : {}),
            leadQualified: o.lead === true,
            ...(o.maxSiteWeeks ? { maxSiteWeeksPerQuarter: Number(o.maxSiteWeeks) } : {}),
            ...(o.prepDays ? { preparationDays: Number(o.prepDays) } : {}),
          });
          output(o.json, r, () => `Profile saved for ${r.displayName} (version ${r.version}).`);
        }),
    ),
  );

  common(
    ins
      .command('add-leave <inspector>')
      .description('Record leave or training (first and last day, inclusive)')
      .requiredOption('--from <date>', 'first day (YYYY-MM-DD)')
      .requiredOption('--to <date>', 'last day (YYYY-MM-DD)')
      .option('--kind <kind>', 'leave, training or other', 'leave')
      .option('--note <text>', 'a note'),
  ).action(
    action(
      async (
        inspector: string,
        o: Common & { from: string; to: string; kind: string; note?: string },
      ) =>
        withDatabase(async (base) => {
          const r = await addInspectorAbsence(await as(base, o.as), {
            inspector,
            kind: o.kind as never,
            startsOn: o.from,
            endsOn: o.to,
            note: o.note ?? null,
          });
          output(
            o.json,
            r,
            () => `Recorded ${r.kind} from ${r.startsOn} to ${r.endsOn} (${r.id}).`,
          );
        }),
    ),
  );

  common(
    ins.command('remove-leave <inspector> <id>').description('Remove leave or training'),
  ).action(
    action(async (inspector: string, absenceId: string, o: Common) =>
      withDatabase(async (base) => {
        const r = await removeInspectorAbsence(await as(base, o.as), {
          inspector,
          absenceId,
        });
        output(o.json, r, () => `Removed ${r.removed}.`);
      }),
    ),
  );

  common(
    ins
      .command('add-conflict <inspector>')
      .description('Record a conflict of interest with an LA')
      .requiredOption('--la <la>', 'LA id, code or name')
      .requiredOption('--reason <reason>', 'worked_in, lives_in or other')
      .option('--detail <text>', 'what the conflict is')
      .option('--from <date>', 'holds from (YYYY-MM-DD)')
      .option('--to <date>', 'holds until (YYYY-MM-DD)'),
  ).action(
    action(
      async (
        inspector: string,
        o: Common & { la: string; reason: string; detail?: string; from?: string; to?: string },
      ) =>
        withDatabase(async (base) => {
          const r = await addInspectorConflict(await as(base, o.as), {
            inspector,
            laId: o.la,
            reason: o.reason as never,
            detail: o.detail ?? null,
            from: o.from ?? null,
            to: o.to ?? null,
          });
          output(o.json, r, () => `Recorded a conflict with ${r.laName} (${r.id}).`);
        }),
    ),
  );

  common(
    ins.command('remove-conflict <inspector> <id>').description('Remove a conflict of interest'),
  ).action(
    action(async (inspector: string, conflictId: string, o: Common) =>
      withDatabase(async (base) => {
        const r = await removeInspectorConflict(await as(base, o.as), {
          inspector,
          conflictId,
        });
        output(o.json, r, () => `Removed ${r.removed}.`);
      }),
    ),
  );
}
