// `triangulate framework ...`: check framework definition files and list the versions loaded.
// Needs no database.
import { statSync } from 'node:fs';
import type { Command } from 'commander';
import {
  frameworkTitle,
  gradedJudgements,
  loadFrameworkFile,
  loadFrameworks,
  type Framework,
} from '../../domain/frameworks/index.js';
import { isAppError } from '../../errors.js';
import { frameworksDir } from '../../paths.js';
import { action, output, reportError } from '../runtime.js';

/** The facts about a version that validate and list print. */
export function frameworkSummary(fw: Framework) {
  const rules = fw.aggregation.rules;
  return {
    id: fw.id,
    family: fw.family,
    name: fw.name,
    versionLabel: fw.versionLabel,
    validFrom: fw.validFrom,
    validTo: fw.validTo,
    status: fw.status,
    grades: fw.grades.map((g) => g.key),
    judgements: gradedJudgements(fw).map((j) => j.key),
    hardRules: rules.filter((r) => r.severity === 'hard').length,
    softRules: rules.filter((r) => r.severity === 'soft').length,
    activityTypes: fw.activityTypes.map((a) => a.key),
    criteria: fw.criteria.areas.reduce((n, a) => n + a.items.length, 0),
    paraphrasedCriteria: fw.criteria.areas
      .flatMap((a) => a.items)
      .filter((c) => c.source === 'paraphrase').length,
  };
}
type Summary = ReturnType<typeof frameworkSummary>;

function describe(s: Summary): string {
  const paraphrase =
    s.paraphrasedCriteria > 0
      ? ` (${s.paraphrasedCriteria} are draft paraphrases: load the official text)`
      : '';
  return [
    `${s.id}: ${s.name} (${s.versionLabel}), in force ${s.validFrom} to ${s.validTo ?? 'now'}`,
    `  judgements: ${s.judgements.join(', ')}`,
    `  aggregation rules: ${s.hardRules} hard, ${s.softRules} soft`,
    `  activity types: ${s.activityTypes.join(', ')}`,
    `  evaluation criteria: ${s.criteria}${paraphrase}`,
  ].join('\n');
}

/** Invalid definitions exit with code 2, like invalid imports. */
function reportInvalid(err: unknown, json: boolean | undefined): void {
  reportError(err, json);
  if (isAppError(err) && err.code === 'FRAMEWORK_INVALID') process.exitCode = 2;
}

export function registerFrameworkCommands(program: Command): void {
  const framework = program
    .command('framework')
    .description('Inspection framework definitions (frameworks/*.json)');

  framework
    .command('validate')
    .description('Check a framework file (or a folder of them) against the documented format')
    .argument('<file>', 'a framework .json file, or a folder of them')
    .option('--json', 'print JSON')
    .action(
      action(async (file: string, opts: { json?: boolean }) => {
        try {
          const isDir = statSync(file, { throwIfNoEntry: false })?.isDirectory() ?? false;
          const frameworks = isDir ? loadFrameworks(file).list() : [loadFrameworkFile(file)];
          const summaries = frameworks.map(frameworkSummary);
          output(opts.json, { ok: true, file, frameworks: summaries }, () =>
            [
              `OK: ${file} is valid (${isDir ? `${frameworks.length} framework files` : frameworks.map(frameworkTitle).join('')})`,
              ...summaries.map(describe),
            ].join('\n'),
          );
        } catch (err) {
          reportInvalid(err, opts.json);
        }
      }),
    );

  framework
    .command('list')
    .description('List the framework versions, oldest first')
    .option('--dir <dir>', 'frameworks folder (default: the project frameworks/ folder)')
    .option('--json', 'print JSON')
    .action(
      action(async (opts: { dir?: string; json?: boolean }) => {
        try {
          const summaries = loadFrameworks(opts.dir ?? frameworksDir())
            .list()
            .map(frameworkSummary);
          output(opts.json, summaries, () =>
            summaries.length === 0
              ? 'No framework files found.'
              : summaries.map(describe).join('\n'),
          );
        } catch (err) {
          reportInvalid(err, opts.json);
        }
      }),
    );
}
