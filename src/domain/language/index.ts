// Language checks for inspection writing: a linter for reports and letters.
export { lintText, RULES, RULE_IDS, unknownRules } from './lint.js';
export type { LintOptions, LintResult } from './lint.js';
export { detectKind } from './kind.js';
export { splitSentences, countWords } from './sentences.js';
export type { Layout } from './sentences.js';
export { PhraseIndex, tokenize } from './phrase-index.js';
export { LineIndex } from './positions.js';
export { readDocxText, DocxError } from './docx.js';
export type { DocxLimits } from './docx.js';
export {
  DOCUMENT_KINDS,
  DEFAULT_ALLOWED_ACRONYMS,
  LintConfigSchema,
  resolveConfig,
} from './types.js';
export type {
  DocumentKind,
  Finding,
  LintConfig,
  LintConfigInput,
  PhraseLookup,
  PhraseStats,
  Rule,
  Sentence,
} from './types.js';
