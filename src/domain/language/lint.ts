// The rule engine: split the text into sentences, run the enabled rules, position every finding
// (1-based line and code-point column, plus UTF-16 offsets) and sort findings by position.
import { detectKind } from './kind.js';
import { tokenize } from './phrase-index.js';
import { LineIndex } from './positions.js';
import { acronymRule } from './rules/acronym.js';
import { causalRule } from './rules/causal.js';
import { certaintyRule } from './rules/certainty.js';
import { jargonRule } from './rules/jargon.js';
import { phrasebookRule } from './rules/phrasebook.js';
import { prescriptionRule } from './rules/prescription.js';
import { quantifierRule } from './rules/quantifier.js';
import { sentenceLengthRule } from './rules/sentence-length.js';
import { countWords, splitSentences, type Layout } from './sentences.js';
import {
  resolveConfig,
  type DocumentKind,
  type Finding,
  type LintConfigInput,
  type PhraseLookup,
  type Rule,
  type Sentence,
} from './types.js';

/** Every rule, in the order they are documented. */
export const RULES: readonly Rule[] = [
  certaintyRule,
  causalRule,
  prescriptionRule,
  quantifierRule,
  acronymRule,
  jargonRule,
  sentenceLengthRule,
  phrasebookRule,
];

export const RULE_IDS = RULES.map((r) => r.id);

export interface LintOptions {
  /** The document kind; 'auto' (the default) guesses it from the opening of the text. */
  kind?: DocumentKind | 'auto';
  /** Run only these rules (ids); default all. `config.disable` then removes some. */
  rules?: readonly string[];
  config?: LintConfigInput;
  /** Earlier reports, for the phrasebook rule (which is silent without them). */
  reference?: PhraseLookup;
  /** How lines relate to paragraphs; 'auto' detects hard-wrapped (PDF-extracted) text. */
  layout?: Layout;
  /** Sentences already split from this text (to avoid splitting twice). */
  sentences?: readonly Sentence[];
}

export interface LintResult {
  kind: DocumentKind;
  rules: string[];
  sentences: number;
  words: number;
  findings: Finding[];
}

/** Unknown rule ids in a selection (for validating user input). */
export function unknownRules(ids: readonly string[]): string[] {
  return ids.filter((id) => !RULE_IDS.includes(id));
}

function collapse(text: string, max = 200): string {
  const t = text.replace(/\s+/g, ' ').trim();
  return t.length <= max ? t : `${t.slice(0, max - 61)} … ${t.slice(-60)}`;
}

/**
 * Marks sentences that are mandated template text: at least 60% of their word sequences are in
 * more than `maxShare` of recent reference reports (statutory wording, grade descriptors).
 */
function markTemplate(sentences: readonly Sentence[], reference: PhraseLookup, maxShare: number) {
  if (reference.size < 10) return;
  for (const s of sentences) {
    if (!s.terminal) continue;
    const stats = reference.lookup(tokenize(s.text).map((t) => t.word));
    if (stats.length === 0) continue;
    const common = stats.filter((x) => x.recentShare > maxShare).length;
    s.template = common / stats.length >= 0.6;
  }
}

/** Runs the language checks over a text. Pure: no I/O. */
export function lintText(text: string, options: LintOptions = {}): LintResult {
  const config = resolveConfig(options.config);
  const kind = !options.kind || options.kind === 'auto' ? detectKind(text) : options.kind;
  const selected = new Set(options.rules ?? RULE_IDS);
  const active = RULES.filter(
    (r) =>
      selected.has(r.id) && !config.disable.includes(r.id) && (!r.kinds || r.kinds.includes(kind)),
  );
  const sentences = options.sentences ?? splitSentences(text, options.layout ?? 'auto');
  if (options.reference) markTemplate(sentences, options.reference, config.phrasebook.maxShare);
  const written = sentences.filter((s) => !s.template);
  const lines = new LineIndex(text);
  const findings: Finding[] = [];
  for (const rule of active) {
    const ctx = {
      sentences: rule.seesTemplate ? sentences : written,
      kind,
      config,
      reference: options.reference,
    };
    for (const h of rule.check(ctx)) {
      const offset = h.sentence.offsets[h.start]!;
      const endOffset = h.end > h.start ? h.sentence.offsets[h.end - 1]! + 1 : offset;
      const from = lines.position(offset);
      const to = lines.position(endOffset);
      findings.push({
        rule: rule.id,
        line: from.line,
        column: from.column,
        endLine: to.line,
        endColumn: to.column,
        offset,
        endOffset,
        text: collapse(h.sentence.text.slice(h.start, h.end)),
        message: `${h.message} ${rule.why}`,
        suggestion: h.suggestion ?? rule.suggestion,
      });
    }
  }
  findings.sort(
    (a, b) =>
      a.offset - b.offset ||
      a.endOffset - b.endOffset ||
      RULE_IDS.indexOf(a.rule) - RULE_IDS.indexOf(b.rule),
  );
  return {
    kind,
    rules: active.map((r) => r.id),
    sentences: sentences.length,
    words: sentences.reduce((n, s) => n + countWords(s.text), 0),
    findings,
  };
}
