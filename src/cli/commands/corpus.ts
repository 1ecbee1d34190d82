// `triangulate corpus import|search|show|language`: the corpus of published reports from the
// command line, with the pages' use cases and rules. `import` reads a folder (.txt, .docx, .pdf)
// and shows its progress on standard error.
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Command } from 'commander';
import { corpusFolder, type CorpusSourceFile } from '../../domain/corpus/folder.js';
import { languageTableCsv } from '../../domain/corpus/language-table.js';
import { getCorpusDocument } from '../../usecases/corpus/get-corpus-document.js';
import { getCorpusLanguage } from '../../usecases/corpus/get-corpus-language.js';
import { enqueueCorpusImport } from '../../usecases/corpus/enqueue-corpus-import.js';
import {
  getCorpusImportStatus,
  type CorpusImportStatus,
} from '../../usecases/corpus/get-corpus-import-status.js';
import { importCorpus, type CorpusImportProgress } from '../../usecases/corpus/import-corpus.js';
import type { UseCaseContext } from '../../usecases/context.js';
import { searchCorpus } from '../../usecases/corpus/search-corpus.js';
import { action, actingAs, AppError, output, withDatabase } from '../runtime.js';

type Opts = Record<string, string | boolean | undefined>;

/** The folder's report files, or a message naming the folder that cannot be read. */
export async function readCorpusFolder(dir: string): Promise<CorpusSourceFile[]> {
  const files = await corpusFolder(dir);
  if (!files)
    throw new AppError('VALIDATION_FAILED', {
      details: [{ field: 'dir', reason: `Cannot read the folder ${dir}` }],
    });
  return files;
}

function progressLine(): (p: CorpusImportProgress) => void {
  let last = '';
  return (p) => {
    const step = p.phase === 'done' ? p.total : Math.floor(p.done / 25) * 25;
    const line =
      p.phase === 'reading'
        ? `Read and checked ${step} of ${p.total} files`
        : p.phase === 'writing'
          ? `Stored ${p.done} of ${p.total} documents`
          : '';
    if (!line || line === last) return;
    last = line;
    process.stderr.write(`${line}\n`);
  };
}

/**
 * Follows the background corpus import (`serve --demo` or `serve --corpus DIR`) on standard
 * output: queues it (or finds the one queued or running), then prints its progress every 50 files
 * and how it ended. The server answers meanwhile; a job runner does the work. Returns a function
 * that stops following.
 */
export async function followCorpusImport(
  ctx: UseCaseContext,
  dir: string,
  write: (line: string) => void,
): Promise<() => void> {
  const { queued } = await enqueueCorpusImport(ctx, { dir });
  write(
    `Corpus: ${queued ? 'importing' : 'an import is already under way from'} ${dir} in the background (progress on /corpus and with \`triangulate corpus status\`).`,
  );
  let shown = '';
  let stopped = false;
  const timer = setInterval(() => {
    void getCorpusImportStatus(ctx)
      .then((s) => {
        if (stopped || !s.job) return;
        const line = statusLine(s, 50);
        if (line !== shown) write((shown = line));
        if (s.job.state === 'done' || s.job.state === 'failed') stop();
      })
      .catch(() => undefined);
  }, 1000);
  timer.unref();
  const stop = (): void => {
    stopped = true;
    clearInterval(timer);
  };
  return stop;
}

/** One line about the import, its counts rounded down to `step` files while it reads. */
export function statusLine(s: CorpusImportStatus, step = 1): string {
  const j = s.job;
  if (!j)
    return s.documents
      ? `Corpus: ${s.documents} published reports stored.`
      : 'Corpus: no published reports stored and no import started (triangulate corpus import DIR).';
  if (j.state === 'queued') return `Corpus: the import from ${j.folder} is waiting to start.`;
  if (j.state === 'failed') return `Corpus: the import from ${j.folder} failed: ${j.error ?? ''}`;
  if (j.state === 'done')
    return `Corpus: ${j.added ?? 0} published reports added from ${j.folder} (${j.alreadyStored ?? 0} already stored or copies of another file); ${s.documents} stored.`;
  if (j.total === 0) return `Corpus: the import from ${j.folder} has started.`;
  if (j.phase === 'writing') return `Corpus: stored ${j.done} of ${j.total} published reports.`;
  const done = j.done >= j.total ? j.done : Math.floor(j.done / step) * step;
  return `Corpus: read and checked ${done} of ${j.total} published reports.`;
}

const filters = (opts: Opts) => ({
  regions: opts.region as string | undefined,
  years: opts.year as string | undefined,
  frameworkIds: opts.framework as string | undefined,
  grades: opts.grade as string | undefined,
  kinds: opts.kind as string | undefined,
});

function withFilters(cmd: Command): Command {
  return cmd
    .option('--region <names>', 'Ofsted regions, comma-separated')
    .option('--year <years>', 'years published, comma-separated')
    .option('--framework <ids>', 'framework ids (pre-sif, sif-2013, ilacs-2018, ...)')
    .option('--grade <keys>', 'overall grades (good, requires_improvement, ..., unknown)')
    .option('--kind <kinds>', 'report or letter')
    .option('--as <email>', 'as this person')
    .option('--json', 'print JSON');
}

export function registerCorpusCommands(program: Command): void {
  const corpus = program.command('corpus').description('The corpus of published reports');
  corpus
    .command('import')
    .description(
      'Import a folder of published reports and letters (.txt, .docx, .pdf named "URN_la__title - 18 april 2023")',
    )
    .argument('<dir>', 'the folder')
    .option('--as <email>', 'import as this person')
    .option('--json', 'print JSON')
    .action(
      action(async (dir: string, opts: Opts) => {
        const files = await readCorpusFolder(dir);
        await withDatabase(async (cli) => {
          const ctx = await actingAs(cli, opts.as as string | undefined);
          const t0 = performance.now();
          const r = await importCorpus(ctx, { source: path.basename(dir), files }, progressLine());
          const seconds = Math.round((performance.now() - t0) / 100) / 10;
          output(
            opts.json as boolean,
            { ...r, seconds },
            () =>
              `Imported ${r.added} of ${r.files} files in ${seconds} s (${r.reports} reports, ${r.letters} letters; ${r.alreadyStored} already stored or copies of another file; ${r.linkedToHistory} matched to the inspection history; ${r.findings} language findings).`,
          );
        });
      }),
    );
  corpus
    .command('status')
    .description('How many published reports are stored, and how the latest background import went')
    .option('--json', 'print JSON')
    .action(
      action(async (opts: Opts) => {
        await withDatabase(async (cli) => {
          const s = await getCorpusImportStatus(cli);
          output(opts.json as boolean, s, () => statusLine(s));
        });
      }),
    );
  withFilters(
    corpus
      .command('search')
      .description('Search the corpus for a phrase, by LA context')
      .argument('[phrase]', 'the words to find (case-insensitive)')
      .option('--page <n>', 'page of results'),
  ).action(
    action(async (phrase: string | undefined, opts: Opts) => {
      await withDatabase(async (cli) => {
        const ctx = await actingAs(cli, opts.as as string | undefined);
        const r = await searchCorpus(ctx, {
          q: phrase ?? '',
          page: opts.page as string | undefined,
          ...filters(opts),
        } as never);
        output(opts.json as boolean, r, () =>
          [
            `${r.total} documents (page ${r.page} of ${r.pages})`,
            ...r.hits.map(
              (h) =>
                `${h.id}  ${h.publishedOn}  ${h.laName}  ${h.frameworkId ?? '-'}  ${h.grade ?? '-'}  ${h.hits}`,
            ),
          ].join('\n'),
        );
      });
    }),
  );
  corpus
    .command('show')
    .description('One document: its LA, date, framework, grade, findings and text')
    .argument('<id>', 'the document id')
    .option('--as <email>', 'as this person')
    .option('--json', 'print JSON')
    .action(
      action(async (id: string, opts: Opts) => {
        await withDatabase(async (cli) => {
          const d = await getCorpusDocument(await actingAs(cli, opts.as as string | undefined), id);
          output(
            opts.json as boolean,
            d,
            () =>
              `${d.laName}, ${d.publishedOn} (${d.kind}; ${d.frameworkId ?? '-'}; ${d.grade ?? 'grade not known'}; ${d.findings.length} findings)\n\n${d.body}`,
          );
        });
      }),
    );
  withFilters(
    corpus
      .command('language')
      .description(
        'The language checks across the corpus: findings per rule by year, framework or grade',
      )
      .option('--by <dimension>', 'year, framework or grade', 'year')
      .option('--csv <file>', 'also write the table as CSV'),
  ).action(
    action(async (opts: Opts) => {
      await withDatabase(async (cli) => {
        const ctx = await actingAs(cli, opts.as as string | undefined);
        const t = await getCorpusLanguage(ctx, { by: opts.by as never, ...filters(opts) } as never);
        if (opts.csv) await writeFile(String(opts.csv), languageTableCsv(t));
        output(opts.json as boolean, t, () =>
          [
            [t.dimensionLabel, 'Documents', ...t.rules.map((r) => r.id)].join('\t'),
            ...t.rows.map((row) =>
              [row.label, row.documents, ...t.rules.map((r) => row.findings[r.id] ?? 0)].join('\t'),
            ),
          ].join('\n'),
        );
      });
    }),
  );
}
