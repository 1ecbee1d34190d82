// `triangulate intel add|list` and `triangulate risk assess|show|list`: the risk picture from the
// command line, as the pages and the API offer it (the same use cases, the same access rules).
import type { Command } from 'commander';
import type { IntelligenceKind, Sensitivity } from '../../domain/risk/intelligence.js';
import { intelligenceKinds } from '../../domain/risk/intelligence.js';
import { assessRisk } from '../../usecases/risk/assess-risk.js';
import { getNationalRiskView } from '../../usecases/risk/get-national-risk-view.js';
import { getRegionalRiskView } from '../../usecases/risk/get-regional-risk-view.js';
import { getRiskPicture } from '../../usecases/risk/get-risk-picture.js';
import { listIntelligenceLog } from '../../usecases/risk/list-intelligence.js';
import { recordIntelligence } from '../../usecases/risk/record-intelligence.js';
import { syncHistoryIntelligence } from '../../usecases/risk/sync-history-intelligence.js';
import { action, actingAs, AppError, output, withDatabase } from '../runtime.js';

const collect = (value: string, previous: string[] = []) => [...previous, value];

/** "domain=value" pairs (repeatable options) to a map; a pair without "=" is refused. */
function pairs(list: string[] | undefined, option: string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const item of list ?? []) {
    const at = item.indexOf('=');
    if (at < 1)
      throw new AppError('VALIDATION_FAILED', {
        details: [{ field: option, value: item, reason: 'Write it as DOMAIN=VALUE' }],
      });
    const key = item.slice(0, at);
    out.set(key, [...(out.get(key) ?? []), item.slice(at + 1)]);
  }
  return out;
}

function registerIntel(program: Command): void {
  const intel = program.command('intel').description('An LA’s intelligence log');
  intel
    .command('sync-history')
    .description(
      'Make every inspection and visit outcome of the imported history an intelligence entry (idempotent)',
    )
    .option('--json', 'print JSON')
    .action(
      action(async (opts: { json?: boolean }) => {
        await withDatabase(async (ctx) => {
          const r = await syncHistoryIntelligence(ctx);
          output(
            opts.json,
            r,
            () =>
              `${r.events} history events; outcome entries ${r.before} before, ${r.after} after.`,
          );
        });
      }),
    );
  intel
    .command('add')
    .description('Record an intelligence entry about an LA (regional staff, their region)')
    .requiredOption('--la <id>', 'LA id, code or name')
    .requiredOption('--kind <kind>', `one of: ${intelligenceKinds.join(', ')}`)
    .requiredOption('--title <text>', 'a short title')
    .requiredOption('--source <text>', 'where it came from')
    .requiredOption('--received <date>', 'the date received (YYYY-MM-DD)')
    .option('--summary <text>', 'what it says', '')
    .option('--confidential', 'never shown to the LA')
    .option('--shared', 'shared with the LA')
    .option('--domain <key>', 'a risk domain it bears on (repeatable)', collect)
    .option('--as <email>', 'record as this person')
    .option('--json', 'print JSON')
    .action(
      action(async (opts: Record<string, string | string[] | boolean | undefined>) => {
        await withDatabase(async (cli) => {
          const ctx = await actingAs(cli, opts.as as string | undefined);
          const e = await recordIntelligence(ctx, {
            laId: String(opts.la),
            kind: String(opts.kind) as IntelligenceKind,
            title: String(opts.title),
            source: String(opts.source),
            receivedOn: String(opts.received),
            summary: String(opts.summary ?? ''),
            sensitivity: (opts.confidential ? 'confidential' : 'standard') as Sensitivity,
            sharedWithLa: opts.shared === true,
            domainKeys: (opts.domain as string[] | undefined) ?? [],
          });
          output(opts.json as boolean, e, () => `Recorded ${e.id} (${e.kind}, ${e.receivedOn}).`);
        });
      }),
    );
  intel
    .command('list')
    .description('An LA’s intelligence log, newest first (with outcomes from the history)')
    .requiredOption('--la <id>', 'LA id, code or name')
    .option('--kind <kind>', 'only this kind (repeatable)', collect)
    .option('--from <date>', 'received on or after (YYYY-MM-DD)')
    .option('--to <date>', 'received on or before (YYYY-MM-DD)')
    .option('--limit <n>', 'entries per page (at most 200)', '50')
    .option('--after <cursor>', 'the "next" value of the previous page')
    .option('--as <email>', 'list as this person')
    .option('--json', 'print JSON')
    .action(
      action(async (opts: Record<string, string | string[] | boolean | undefined>) => {
        await withDatabase(async (cli) => {
          const ctx = await actingAs(cli, opts.as as string | undefined);
          const page = await listIntelligenceLog(ctx, {
            laId: String(opts.la),
            kinds: (opts.kind as IntelligenceKind[] | undefined) ?? [],
            ...(opts.from ? { from: String(opts.from) } : {}),
            ...(opts.to ? { to: String(opts.to) } : {}),
            ...(opts.after ? { after: String(opts.after) } : {}),
            limit: Number(opts.limit),
          });
          output(opts.json as boolean, page, () =>
            [
              `${page.la.name}: ${page.page.total} entries`,
              ...page.entries.map((e) => `${e.receivedOn}  ${e.kind.padEnd(20)} ${e.title}`),
              ...(page.page.next ? [`More: --after ${page.page.next}`] : []),
            ].join('\n'),
          );
        });
      }),
    );
}

function registerRisk(program: Command): void {
  const risk = program.command('risk').description('Risk assessments of LAs');
  risk
    .command('assess')
    .description('Record a new version of an LA’s risk assessment, rating every domain')
    .requiredOption('--la <id>', 'LA id, code or name')
    .requiredOption(
      '--rate <domain=rating>',
      'a domain’s rating (repeat for every domain)',
      collect,
    )
    .requiredOption('--reason <text>', 'why the assessment is made or changed')
    .option('--justify <domain=text>', 'a domain’s justification (repeatable)', collect)
    .option(
      '--evidence <domain=entry-id>',
      'an intelligence entry for a domain (repeatable)',
      collect,
    )
    .option('--level <level>', 'an overall level other than the rule gives')
    .option('--override-reason <text>', 'why (needed with --level)')
    .option('--next-review <date>', 'the next review date (default: the model’s interval)')
    .option('--as <email>', 'assess as this person')
    .option('--json', 'print JSON')
    .action(
      action(async (opts: Record<string, string | string[] | boolean | undefined>) => {
        const rates = pairs(opts.rate as string[], 'rate');
        const justify = pairs(opts.justify as string[] | undefined, 'justify');
        const evidence = pairs(opts.evidence as string[] | undefined, 'evidence');
        await withDatabase(async (cli) => {
          const ctx = await actingAs(cli, opts.as as string | undefined);
          const a = await assessRisk(ctx, {
            laId: String(opts.la),
            ratings: [...rates].map(([domain, [rating]]) => ({
              domain,
              rating: rating ?? '',
              justification: (justify.get(domain) ?? []).join(' '),
              evidence: evidence.get(domain) ?? [],
            })),
            changeReason: String(opts.reason),
            ...(opts.level ? { overrideLevel: String(opts.level) } : {}),
            ...(opts.overrideReason ? { overrideReason: String(opts.overrideReason) } : {}),
            ...(opts.nextReview ? { nextReviewOn: String(opts.nextReview) } : {}),
          });
          output(
            opts.json as boolean,
            a,
            () =>
              `Version ${a.version}: ${a.overallLevel}${a.overrideReason ? ` (rule: ${a.computedLevel})` : ''}; next review ${a.nextReviewOn}.`,
          );
        });
      }),
    );
  risk
    .command('show')
    .description('An LA’s risk picture: current ratings, timeline, recent intelligence')
    .argument('<la>', 'LA id, code or name')
    .option('--as <email>', 'show as this person')
    .option('--json', 'print JSON')
    .action(
      action(async (la: string, opts: { as?: string; json?: boolean }) => {
        await withDatabase(async (cli) => {
          const p = await getRiskPicture(await actingAs(cli, opts.as), { laId: la });
          output(opts.json, p, () =>
            [
              `${p.la.name}: ${p.current ? `${p.current.level.label} (version ${p.current.version}, next review ${p.current.nextReviewOn}${p.overdue ? ', OVERDUE' : ''})` : 'not assessed'}`,
              ...(p.current?.domains ?? []).map((d) => `  ${d.title}: ${d.rating.label}`),
            ].join('\n'),
          );
        });
      }),
    );
  risk
    .command('list')
    .description('Every LA of a region (--region) or of England with its risk level')
    .option('--region <region>', 'an Ofsted region (default: all, for national staff)')
    .option('--level <level>', 'national list only: this risk level (or none)')
    .option('--as <email>', 'list as this person')
    .option('--json', 'print JSON')
    .action(
      action(async (opts: { region?: string; level?: string; as?: string; json?: boolean }) => {
        await withDatabase(async (cli) => {
          const ctx = await actingAs(cli, opts.as);
          const rows = opts.region
            ? (await getRegionalRiskView(ctx, { region: opts.region })).rows
            : (await getNationalRiskView(ctx, opts.level ? { level: opts.level } : {})).rows;
          output(opts.json, { localAuthorities: rows }, () =>
            rows
              .map(
                (r) =>
                  `${r.la.name.padEnd(36)} ${(r.level?.label ?? 'Not assessed').padEnd(13)} ${r.nextReviewOn ?? ''}${r.overdue ? ' OVERDUE' : ''}`,
              )
              .join('\n'),
          );
        });
      }),
    );
}

export function registerRiskCommands(program: Command): void {
  registerIntel(program);
  registerRisk(program);
}
