// `triangulate la ...`: the local authority register.
import type { Command } from 'commander';
import {
  gradeLabels,
  judgementKeys,
  type GradeKey,
  type Grades,
  type JudgementKey,
} from '../../domain/history/types.js';
import type { HistoryItem, LaSummary } from '../../usecases/shared/la-summaries.js';
import { getLa, type LaDetail } from '../../usecases/las/get-la.js';
import { listLas } from '../../usecases/las/list-las.js';
import { loadLaReference } from '../../usecases/las/load-la-reference.js';
import { action, output, withDatabase } from '../runtime.js';

export function registerLaCommands(program: Command): void {
  const la = program.command('la').description('The local authority register');

  la.command('load')
    .description('Load or update the register from reference/local-authorities.json (or FILE)')
    .argument('[file]', 'a register file in the same format')
    .option('--json', 'print JSON')
    .action(
      action(async (file: string | undefined, opts: { json?: boolean }) => {
        await withDatabase(async (ctx) => {
          const r = await loadLaReference(ctx, file ? { file } : {});
          output(opts.json, r, () =>
            [
              `Register loaded from ${r.source}.`,
              `  authorities: ${r.authorities.inserted} added, ${r.authorities.updated} updated, ${r.authorities.unchanged} unchanged`,
              `  successions: ${r.successions.inserted} added, ${r.successions.updated} updated, ${r.successions.unchanged} unchanged`,
              ...(r.notInReference.length > 0
                ? [`  stored but not in the file (kept): ${r.notInReference.join(', ')}`]
                : []),
            ].join('\n'),
          );
        });
      }),
    );

  la.command('list')
    .description('List local authorities with their latest graded inspection')
    .option('--region <region>', 'Ofsted region, e.g. "North West"')
    .option('--search <text>', 'part of a name, or a GSS, DfE or URN code')
    .option('--grade <grade>', 'latest grade: outstanding, good, requires_improvement, inadequate')
    .option('--judgement <key>', 'the judgement --grade applies to', 'overall_effectiveness')
    .option('--as-at <date>', 'the register and latest judgements as on a date (YYYY-MM-DD)')
    .option('--published-by <date>', 'count only inspections published by this date')
    .option('--all', 'include authorities that no longer exist')
    .option('--json', 'print JSON')
    .action(
      action(
        async (opts: {
          region?: string;
          search?: string;
          grade?: string;
          judgement: string;
          asAt?: string;
          publishedBy?: string;
          all?: boolean;
          json?: boolean;
        }) => {
          await withDatabase(async (ctx) => {
            const las = await listLas(ctx, {
              ...(opts.region ? { region: opts.region as never } : {}),
              ...(opts.search ? { search: opts.search } : {}),
              ...(opts.grade ? { grade: opts.grade as never } : {}),
              judgement: opts.judgement as never,
              ...(opts.asAt ? { asAt: opts.asAt } : {}),
              ...(opts.publishedBy ? { publishedBy: opts.publishedBy } : {}),
              includeFormer: opts.all ?? false,
            });
            output(opts.json, las, () => listText(las));
          });
        },
      ),
    );

  la.command('show')
    .description('Show one authority, its predecessors and successors, and its history')
    .argument('<id>', 'id, GSS code, DfE code, Ofsted URN or name')
    .option('--json', 'print JSON')
    .action(
      action(async (id: string, opts: { json?: boolean }) => {
        await withDatabase(async (ctx) => {
          const detail = await getLa(ctx, { id });
          output(opts.json, detail, () => showText(detail));
        });
      }),
    );
}

const SHORT: Record<JudgementKey, string> = {
  overall_effectiveness: 'overall',
  impact_of_leaders: 'leaders',
  help_and_protection: 'help and protection',
  children_in_care: 'children in care',
  care_leavers: 'care leavers',
  children_looked_after: 'children looked after',
  adoption: 'adoption',
  leadership: 'leadership',
  lscb: 'LSCB',
};

/** SIF reports say "requires improvement"; ILACS reports "requires improvement to be good". */
function gradeLabel(grade: GradeKey, frameworkId: string | null): string {
  return grade === 'requires_improvement' && frameworkId === 'sif-2013'
    ? 'Requires improvement'
    : gradeLabels[grade];
}

function gradesText(g: Grades, frameworkId: string | null): string {
  return judgementKeys
    .flatMap((k) => {
      const grade = g[k];
      return grade ? [`${SHORT[k]}: ${gradeLabel(grade, frameworkId)}`] : [];
    })
    .join('; ');
}

function itemText(h: HistoryItem): string {
  const dates = h.endDate ? `${h.startDate} to ${h.endDate}` : h.startDate;
  const published = h.publicationDate ? `, published ${h.publicationDate}` : '';
  const theme = h.theme ? ` (${h.theme})` : '';
  const owner = h.fromPredecessor ? ` [${h.laName}]` : '';
  const grades = gradesText(h.grades, h.frameworkId);
  return `${dates}  ${h.activityLabel}${theme}${owner}${published}${grades ? `\n      ${grades}` : ''}`;
}

function listText(las: LaSummary[]): string {
  if (las.length === 0) return 'No local authorities match.';
  const width = Math.max(...las.map((l) => l.name.length));
  const lines = las.map((l) => {
    const j = l.latestJudgement;
    const latest = j
      ? `${j.startDate}  ${j.grades.overall_effectiveness ? gradeLabel(j.grades.overall_effectiveness, j.frameworkId) : '(no overall grade)'}`
      : 'no graded inspection recorded';
    return `${l.name.padEnd(width)}  ${(l.ofstedRegion ?? '').padEnd(36)}  ${latest}`;
  });
  return [...lines, `${las.length} authorities.`].join('\n');
}

function showText(d: LaDetail): string {
  const la = d.la;
  const lines = [
    `${la.name} (${la.id})${d.current ? '' : ` — existed until ${la.validTo}`}`,
    `  GSS ${la.gssCode}${la.previousGssCodes.length ? ` (previously ${la.previousGssCodes.join(', ')})` : ''}; DfE ${la.dfeCode ?? '-'}; Ofsted URN ${la.ofstedUrn ?? '-'}`,
    `  ${la.laType ?? 'Authority'}; Ofsted region ${la.ofstedRegion ?? '-'}; ONS region ${la.onsRegion ?? '-'}`,
  ];
  if (la.validFrom) lines.push(`  Exists from ${la.validFrom}`);
  for (const p of d.predecessors)
    lines.push(`  Replaced ${p.name} (${p.id}) on ${p.effectiveDate}`);
  for (const s of d.successors)
    lines.push(`  Replaced by ${s.name} (${s.id}) on ${s.effectiveDate}`);
  if (d.currentSuccessors.length > 0) {
    lines.push(`  Now the area of: ${d.currentSuccessors.map((s) => s.name).join(', ')}`);
  }
  if (d.statNeighbours.length > 0) {
    lines.push(
      `  Statistical neighbours: ${d.statNeighbours.map((n) => n.name ?? n.dfeCode).join(', ')}`,
    );
  }
  lines.push('', d.history.length ? 'History (newest first):' : 'No history recorded.');
  for (const h of d.history) lines.push(`  ${itemText(h)}`);
  return lines.join('\n');
}
