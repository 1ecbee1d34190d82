// Types shared by the language checks: documents, sentences, rules, findings and configuration.
import { z } from 'zod';

/** What a document is; some rules apply only to some kinds (e.g. prescriptions in letters). */
export const DOCUMENT_KINDS = [
  'inspection-report',
  'focused-visit-letter',
  'monitoring-visit-letter',
] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

/**
 * One sentence (or heading, or bullet item) of the document. `text` is the sentence with line
 * breaks (and any page furniture between its lines) replaced by one space; `offsets[i]` is the
 * offset in the original text of `text[i]` (UTF-16 code units), and `offsets[text.length]` is the
 * offset just after the sentence's last character.
 */
export interface Sentence {
  index: number;
  text: string;
  offsets: Int32Array;
  /** True when it ends with . ? or ! (possibly followed by quotes or brackets). */
  terminal: boolean;
  /** A short line with no closing punctuation: a heading, table cell or list label. */
  heading: boolean;
  /**
   * Set by the engine when a reference set shows the sentence is mandated template text (most of
   * its word sequences are in most recent reports): the inspector did not write it.
   */
  template?: boolean;
}

/** A match inside one sentence, as UTF-16 indices into `sentence.text`. */
export interface Hit {
  sentence: Sentence;
  start: number;
  end: number;
  /** What is wrong with this particular match (the rule's reason is appended). */
  message: string;
  /** A better alternative for this match (defaults to the rule's suggestion). */
  suggestion?: string;
}

/** One finding, positioned in the original text. */
export interface Finding {
  rule: string;
  /** 1-based line. Lines end at \n, \r\n or \r. */
  line: number;
  /** 1-based column, counted in Unicode code points (not UTF-16 units, not bytes). */
  column: number;
  endLine: number;
  /** 1-based column just after the last character, in code points. */
  endColumn: number;
  /** Start offset in the input string, in UTF-16 code units (a JavaScript string index). */
  offset: number;
  /** End offset (exclusive), in UTF-16 code units. */
  endOffset: number;
  /** The flagged words, with line breaks collapsed to spaces. */
  text: string;
  /** Why this matters. */
  message: string;
  /** A better way to write it. */
  suggestion: string;
}

export interface RuleContext {
  sentences: readonly Sentence[];
  kind: DocumentKind;
  config: LintConfig;
  reference?: PhraseLookup | undefined;
}

/** How common one word sequence is in the reference set. */
export interface PhraseStats {
  /** Reference documents that contain it. */
  reports: number;
  /** Its share of recent documents (0-1, recency-weighted); high for template text. */
  recentShare: number;
}

/** The part of a phrase index the phrasebook rule needs. */
export interface PhraseLookup {
  readonly words: number;
  /** Number of documents in the reference set. */
  readonly size: number;
  /** Statistics for each run of `words` consecutive tokens (lower-case words). */
  lookup(tokens: readonly string[]): PhraseStats[];
}

export interface Rule {
  id: string;
  title: string;
  /** Why the rule exists, in plain English, citing its source. */
  why: string;
  /** The default better alternative. */
  suggestion: string;
  /** The document kinds it applies to (all when absent). */
  kinds?: readonly DocumentKind[];
  /** Whether the rule also sees template sentences (default false). */
  seesTemplate?: boolean;
  check(ctx: RuleContext): Hit[];
}

/** Words that the acronym rule accepts without an expansion. */
export const DEFAULT_ALLOWED_ACRONYMS = [
  'LA',
  'DCS',
  'UK',
  'NHS',
  'GCSE',
  'GCSES',
  'COVID',
  'HM',
  'OK',
  'TV',
  'ID',
  'IT',
  'ICT',
  'PDF',
  'URL',
  'GP',
  'DVD',
  'CD',
  'MP',
  'BBC',
  'NSPCC',
  'YMCA',
  'ADHD',
  'CV',
  'A&E',
  'DIY',
  'OBE',
  'MBE',
];

/** Thresholds and switches; every field is optional on input (see `resolveConfig`). */
export const LintConfigSchema = z.object({
  disable: z.array(z.string().max(64)).max(50).optional(),
  certainty: z
    .object({
      /** 'safety': "ensure" only about safety, risk or outcomes; 'all': every "ensure". */
      ensure: z.enum(['safety', 'all']).optional(),
    })
    .optional(),
  sentenceLength: z.object({ maxWords: z.number().int().min(5).max(500).optional() }).optional(),
  quantifiers: z
    .object({
      /**
       * 'clause-start' (default): flag "all" only where it opens a sentence or clause ("All
       * children have ...", "In all cases, ..."); 'anywhere': every unscoped "all".
       */
      all: z.enum(['clause-start', 'anywhere']).optional(),
    })
    .optional(),
  acronyms: z
    .object({
      /** Replaces the default allowed list. */
      allowed: z.array(z.string().max(16)).max(500).optional(),
      /** Added to the allowed list. */
      alsoAllow: z.array(z.string().max(16)).max(500).optional(),
    })
    .optional(),
  jargon: z.object({ allow: z.array(z.string().max(64)).max(200).optional() }).optional(),
  phrasebook: z
    .object({
      /** Shingle length in words. */
      words: z.number().int().min(4).max(30).optional(),
      /** Flag a sequence shared with at least this many earlier reports. */
      minReports: z.number().int().min(1).optional(),
      /** Ignore sequences in more than this share of recent reports (mandated template text). */
      maxShare: z.number().min(0).max(1).optional(),
    })
    .optional(),
});
export type LintConfigInput = z.input<typeof LintConfigSchema>;

export interface LintConfig {
  disable: string[];
  certainty: { ensure: 'safety' | 'all' };
  sentenceLength: { maxWords: number };
  quantifiers: { all: 'clause-start' | 'anywhere' };
  acronyms: { allowed: Set<string> };
  jargon: { allow: Set<string> };
  phrasebook: { words: number; minReports: number; maxShare: number };
}

export function resolveConfig(input: LintConfigInput = {}): LintConfig {
  const allowed = input.acronyms?.allowed ?? DEFAULT_ALLOWED_ACRONYMS;
  return {
    disable: input.disable ?? [],
    certainty: { ensure: input.certainty?.ensure ?? 'safety' },
    sentenceLength: { maxWords: input.sentenceLength?.maxWords ?? 35 },
    quantifiers: { all: input.quantifiers?.all ?? 'clause-start' },
    acronyms: {
      allowed: new Set(
        [...allowed, ...(input.acronyms?.alsoAllow ?? [])].map((a) => a.toUpperCase()),
      ),
    },
    jargon: { allow: new Set((input.jargon?.allow ?? []).map((a) => a.toLowerCase())) },
    phrasebook: {
      words: input.phrasebook?.words ?? 8,
      minReports: input.phrasebook?.minReports ?? 10,
      maxShare: input.phrasebook?.maxShare ?? 0.4,
    },
  };
}
