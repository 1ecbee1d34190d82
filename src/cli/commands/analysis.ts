// `triangulate evidence search --activity ID QUERY`: text search across an activity's evidence
// (stemmed words, "phrases", AND / OR / NOT, -word, brackets), best matches first, with the
// matching words marked; `evidence export-passages`: every coded passage to a file, streamed.
// Joins the `evidence` command group whoever registers it first.
import { createWriteStream } from 'node:fs';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Command } from 'commander';
import { evidenceDirections, evidenceMethods } from '../../domain/evidence/vocabulary.js';
import { exportAllPassages } from '../../usecases/analysis/export-all-passages.js';
import { searchEvidence, type SearchResult } from '../../usecases/analysis/search-evidence.js';
import { action, actingAs, output, withDatabase } from '../runtime.js';

const collect = (value: string, previous: string[] = []) => [...previous, value];

/** A snippet with its highlights in [brackets] (offsets are code points). */
export function markSnippet(s: { start: number; text: string; highlights: number[][] }): string {
  const cps = Array.from(s.text);
  let out = '';
  let at = 0;
  for (const [a = 0, b = 0] of s.highlights) {
    const from = Math.max(a - s.start, at);
    const to = Math.min(b - s.start, cps.length);
    if (to <= from) continue;
    out += `${cps.slice(at, from).join('')}[${cps.slice(from, to).join('')}]`;
    at = to;
  }
  return (out + cps.slice(at).join('')).replace(/\s+/g, ' ').trim();
}

function describe(r: SearchResult): string {
  if (r.total === 0) return `No evidence matches ${r.understood}.${r.note ? ` ${r.note}` : ''}`;
  const lines = [
    `${r.total} record${r.total === 1 ? '' : 's'} match ${r.understood} (showing ${r.offset + 1}-${r.offset + r.hits.length}):`,
  ];
  for (const h of r.hits) {
    lines.push(
      `${h.reference}  ${h.observedOn}  ${h.method}${h.direction ? ` · ${h.direction}` : ''}  (${h.recordedBy.label})`,
    );
    for (const s of h.snippets)
      lines.push(
        `    ${s.start > 0 ? '…' : ''}${markSnippet(s)}${s.end < h.textLength ? '…' : ''}`,
      );
  }
  if (r.next) lines.push(`More: run again with --after ${r.next}`);
  return lines.join('\n');
}

export function registerAnalysisCommands(program: Command): void {
  const evidence =
    program.commands.find((c) => c.name() === 'evidence') ??
    program.command('evidence').description('An activity’s evidence base');
  evidence
    .command('search')
    .description(
      'Search an activity’s evidence: words (stemmed), "phrases", prefix*, AND, OR, NOT, -word, brackets',
    )
    .requiredOption('--activity <id>', 'activity id')
    .argument('<query...>', 'what to search for (quote phrases: \'"child protection plan"\')')
    .option(
      '--method <method>',
      `only this method (repeatable): ${evidenceMethods.join(', ')}`,
      collect,
    )
    .option('--area <key>', 'only this judgement area (repeatable)', collect)
    .option(
      '--direction <direction>',
      `only (repeatable): ${evidenceDirections.join(', ')}, unset`,
      collect,
    )
    .option('--limit <n>', 'how many hits', '20')
    .option('--offset <n>', 'skip this many hits (up to 1,000; further: --after)', '0')
    .option('--after <token>', 'the page after this one: the "next" token a search printed')
    .option('--as <email>', 'search as this person (default: the operator)')
    .option('--json', 'print JSON')
    .action(
      action(
        async (
          words: string[],
          opts: {
            activity: string;
            method?: string[];
            area?: string[];
            direction?: string[];
            limit: string;
            offset: string;
            after?: string;
            as?: string;
            json?: boolean;
          },
        ) => {
          await withDatabase(async (ctx) => {
            const actor = (await actingAs(ctx, opts.as)).actor;
            const result = await searchEvidence(
              { db: ctx.db, actor },
              {
                activityId: opts.activity,
                query: words.join(' '),
                limit: Number(opts.limit),
                offset: Number(opts.offset),
                ...(opts.after ? { after: opts.after } : {}),
                filter: {
                  ...(opts.method ? { methods: opts.method as never } : {}),
                  ...(opts.area ? { judgementAreas: opts.area } : {}),
                  ...(opts.direction ? { directions: opts.direction as never } : {}),
                },
              },
            );
            output(opts.json, result, () => describe(result));
          });
        },
      ),
    );
  evidence
    .command('export-passages')
    .description(
      'Write every coded passage of an activity (no limit) to a CSV or XLSX file, with progress on stderr',
    )
    .requiredOption('--activity <id>', 'activity id')
    .requiredOption('--out <file>', 'where to write it (.csv or .xlsx)')
    .option('--as <email>', 'export as this person (default: the operator)')
    .option('--json', 'print JSON (file, passages)')
    .action(
      action(async (opts: { activity: string; out: string; as?: string; json?: boolean }) => {
        await withDatabase(async (ctx) => {
          const actor = (await actingAs(ctx, opts.as)).actor;
          const tty = process.stderr.isTTY === true;
          let shown = 0;
          const file = await exportAllPassages(
            { db: ctx.db, actor },
            { activityId: opts.activity, format: opts.out.endsWith('.xlsx') ? 'xlsx' : 'csv' },
            (done, total) => {
              const now = performance.now();
              if (!tty && done < total && now - shown < 2000) return;
              shown = now;
              const line = `Exported ${done.toLocaleString('en-GB')} of ${total.toLocaleString('en-GB')} passages`;
              process.stderr.write(tty ? `\r${line} ` : `${line}\n`);
              if (tty && done === total) process.stderr.write('\n');
            },
          );
          await pipeline(Readable.from(file.chunks), createWriteStream(opts.out));
          output(
            opts.json,
            { file: opts.out, passages: file.passages },
            () => `Wrote ${file.passages.toLocaleString('en-GB')} passages to ${opts.out}.`,
          );
        });
      }),
    );
}
