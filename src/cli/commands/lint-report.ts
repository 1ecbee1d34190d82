// `triangulate lint-report FILE`: language checks on a report or letter (plain text or DOCX).
// Findings print like a compiler's (file:line:col rule message) or as JSON (an array, or one
// object per line with --ndjson). Exit code 0 even with findings, unless --fail-on-findings.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import {
  DOCUMENT_KINDS,
  DocxError,
  lintText,
  PhraseIndex,
  readDocxText,
  RULES,
  RULE_IDS,
  unknownRules,
  type DocumentKind,
  type Finding,
  type Layout,
  type LintConfigInput,
} from '../../domain/language/index.js';
import { AppError } from '../../errors.js';
import { action, output } from '../runtime.js';

export interface LoadedDocument {
  text: string;
  layout: Layout;
}

/** Reads a .docx (by content, whatever its name) or a UTF-8 text file. */
export function loadDocument(file: string): LoadedDocument {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (err) {
    throw new AppError('DOCUMENT_UNREADABLE', {
      message: `Cannot read ${file}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`,
    });
  }
  if (bytes[0] === 0x50 && bytes[1] === 0x4b) {
    try {
      return { text: readDocxText(bytes), layout: 'paragraphs' };
    } catch (err) {
      if (err instanceof DocxError)
        throw new AppError('DOCUMENT_UNREADABLE', { message: `${file}: ${err.message}` });
      throw err;
    }
  }
  return { text: new TextDecoder('utf-8').decode(bytes).replace(/^\uFEFF/, ''), layout: 'auto' };
}

/** A phrase index over every .txt and .docx file in a folder (oldest name first). */
export function referenceIndex(dir: string, words: number): PhraseIndex {
  const index = new PhraseIndex(words);
  const files = readdirSync(dir)
    .filter((f) => /\.(txt|docx)$/i.test(f))
    .sort();
  for (const f of files) {
    const doc = loadDocument(path.join(dir, f));
    index.add(doc.text, doc.layout);
  }
  return index;
}

const list = (v: string | undefined) =>
  (v ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);

interface Options {
  kind: string;
  rules?: string;
  disable?: string;
  maxWords?: string;
  allowAcronyms?: string;
  ensure?: string;
  reference?: string;
  minReports?: string;
  json?: boolean;
  ndjson?: boolean;
  explain?: boolean;
  failOnFindings?: boolean;
  listRules?: boolean;
}

function invalid(reason: string): AppError {
  return new AppError('VALIDATION_FAILED', { message: reason });
}

function positiveInt(v: string | undefined, name: string): number | undefined {
  if (v === undefined) return undefined;
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1) throw invalid(`${name} must be a positive whole number`);
  return n;
}

function human(file: string, findings: Finding[], explain: boolean): string {
  const why = new Map(RULES.map((r) => [r.id, r.why]));
  const lines = findings.flatMap((f) => {
    const detail = f.message.replace(why.get(f.rule) ?? '', '').trim();
    const head = `${file}:${f.line}:${f.column}  ${f.rule}  ${detail}`;
    return explain ? [head, `    why: ${why.get(f.rule)}`, `    try: ${f.suggestion}`] : [head];
  });
  return lines.join('\n');
}

export function registerLintReportCommands(program: Command): void {
  program
    .command('lint-report')
    .description(
      'Check the language of a report or letter (text or DOCX): certainty about safety, causal ' +
        'claims, prescribed remedies, sweeping quantifiers, acronyms, jargon, long sentences, ' +
        'phrasebook repetition',
    )
    .argument('[file]', 'a .txt or .docx file')
    .option('--kind <kind>', `auto, or one of: ${DOCUMENT_KINDS.join(', ')}`, 'auto')
    .option('--rules <ids>', 'run only these rules (comma-separated)')
    .option('--disable <ids>', 'skip these rules (comma-separated)')
    .option('--max-words <n>', 'sentence length limit (default 35)')
    .option('--allow-acronyms <list>', 'acronyms to accept without expansion, added to LA, DCS...')
    .option(
      '--ensure <scope>',
      '"safety" (default): flag "ensure" about safety/risk/outcomes; "all"',
    )
    .option('--reference <dir>', 'folder of earlier reports (.txt/.docx) for the phrasebook rule')
    .option('--min-reports <n>', 'phrasebook: flag sequences shared with at least n reports (10)')
    .option('--json', 'print the findings as a JSON array')
    .option('--ndjson', 'print one JSON object per finding per line')
    .option('--explain', 'with each finding, print why it matters and a better alternative')
    .option('--fail-on-findings', 'exit with code 1 when there is any finding')
    .option('--list-rules', 'list the rules and what they check')
    .action(
      action(async (file: string | undefined, opts: Options) => {
        if (opts.listRules) {
          const rules = RULES.map((r) => ({
            id: r.id,
            title: r.title,
            kinds: r.kinds ?? DOCUMENT_KINDS,
            why: r.why,
            suggestion: r.suggestion,
          }));
          output(opts.json, rules, () =>
            rules.map((r) => `${r.id.padEnd(20)} ${r.title}\n${' '.repeat(21)}${r.why}`).join('\n'),
          );
          return;
        }
        if (!file) throw invalid('Name a file to check (or use --list-rules).');
        if (opts.kind !== 'auto' && !DOCUMENT_KINDS.includes(opts.kind as DocumentKind))
          throw invalid(`--kind must be auto or one of ${DOCUMENT_KINDS.join(', ')}`);
        const rules = opts.rules ? list(opts.rules) : undefined;
        const unknown = unknownRules([...(rules ?? []), ...list(opts.disable)]);
        if (unknown.length > 0)
          throw invalid(`Unknown rule(s): ${unknown.join(', ')}. Rules: ${RULE_IDS.join(', ')}`);
        if (opts.ensure && opts.ensure !== 'safety' && opts.ensure !== 'all')
          throw invalid('--ensure must be safety or all');
        const config: LintConfigInput = {
          disable: list(opts.disable),
          sentenceLength: { maxWords: positiveInt(opts.maxWords, '--max-words') },
          acronyms: { alsoAllow: list(opts.allowAcronyms) },
          certainty: { ensure: opts.ensure as 'safety' | 'all' | undefined },
          phrasebook: { minReports: positiveInt(opts.minReports, '--min-reports') },
        };
        if (opts.reference && !statSync(opts.reference, { throwIfNoEntry: false })?.isDirectory())
          throw invalid(`--reference ${opts.reference} is not a folder`);
        const doc = loadDocument(file);
        const result = lintText(doc.text, {
          kind: opts.kind as DocumentKind | 'auto',
          rules,
          config,
          layout: doc.layout,
          reference: opts.reference ? referenceIndex(opts.reference, 8) : undefined,
        });
        const findings = result.findings.map((f) => ({
          file,
          rule: f.rule,
          line: f.line,
          column: f.column,
          endLine: f.endLine,
          endColumn: f.endColumn,
          text: f.text,
          message: f.message,
          suggestion: f.suggestion,
        }));
        if (opts.ndjson) {
          for (const f of findings) process.stdout.write(`${JSON.stringify(f)}\n`);
        } else {
          output(opts.json, findings, () => {
            const counts = RULE_IDS.map((id) => [id, findings.filter((f) => f.rule === id).length])
              .filter(([, n]) => n !== 0)
              .map(([id, n]) => `${id} ${n}`);
            const summary =
              `${findings.length} finding${findings.length === 1 ? '' : 's'}` +
              (counts.length ? ` (${counts.join(', ')})` : '') +
              ` in ${result.sentences} sentences, ${result.words} words; checked as ${result.kind}` +
              (opts.explain ? '' : '. Add --explain for reasons and alternatives.');
            const body = human(file, result.findings, Boolean(opts.explain));
            return body ? `${body}\n${summary}` : summary;
          });
        }
        if (opts.failOnFindings && findings.length > 0) process.exitCode = 1;
      }),
    );
}
