// Reading one published report for the corpus (in a worker thread: workers/tasks.ts): its text
// from .txt/.docx/.pdf with the evidence import's readers, whether it is a report or a letter,
// and the language checks' findings (lintText, every rule; the phrasebook rule is silent without
// a reference set). A file that cannot be read answers its reason instead, never half a result.
import { fileText } from '../evidence/import/file-text.js';
import { lintText } from '../language/lint.js';

export type CorpusKind = 'report' | 'letter';
export const CORPUS_KINDS: readonly CorpusKind[] = ['report', 'letter'];

export interface CorpusFinding {
  rule: string;
  line: number;
  start: number;
  end: number;
  /** The flagged words (at most 200 characters). */
  excerpt: string;
}

export type CorpusReadResult =
  | {
      ok: true;
      fileName: string;
      text: string;
      words: number;
      kind: CorpusKind;
      findings: CorpusFinding[];
    }
  | { ok: false; fileName: string; reason: string };

export async function readCorpusDocument(
  bytes: Uint8Array,
  fileName: string,
): Promise<CorpusReadResult> {
  let text: string;
  try {
    text = (await fileText(bytes, fileName)).text;
  } catch (err) {
    const reason = err instanceof Error ? err.message : String(err);
    return { ok: false, fileName, reason: `it could not be read (${reason})` };
  }
  // NUL cannot be stored in a PostgreSQL text column; it never carries meaning in a report.
  text = text.split('\u0000').join('');
  if (text.trim().length < 20) return { ok: false, fileName, reason: 'it holds no text' };
  const lint = lintText(text);
  return {
    ok: true,
    fileName,
    text,
    words: lint.words,
    kind: lint.kind === 'inspection-report' ? 'report' : 'letter',
    findings: lint.findings.map((f) => ({
      rule: f.rule,
      line: f.line,
      start: f.offset,
      end: f.endOffset,
      excerpt: f.text.slice(0, 200),
    })),
  };
}
