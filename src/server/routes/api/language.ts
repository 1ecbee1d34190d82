// Language checks over JSON: the report editor sends its text and shows the findings inline.
// Offsets are UTF-16 code units (JavaScript string indexes), so the browser can highlight
// text.slice(offset, endOffset) directly; line and column (code points) are for people.
import { z } from 'zod';
import {
  DOCUMENT_KINDS,
  LintConfigSchema,
  lintText,
  RULES,
  RULE_IDS,
  unknownRules,
} from '../../../domain/language/index.js';
import { AppError } from '../../../errors.js';
import { defineApiRoute, registerApiRoutes } from '../../api-registry.js';
import type { RouteModule } from '../index.js';

const Finding = z.object({
  rule: z.string(),
  line: z.number(),
  column: z.number(),
  endLine: z.number(),
  endColumn: z.number(),
  offset: z.number(),
  endOffset: z.number(),
  text: z.string(),
  message: z.string(),
  suggestion: z.string(),
});

const LintBody = z.object({
  text: z.string().max(500_000),
  kind: z.enum([...DOCUMENT_KINDS, 'auto']).default('auto'),
  rules: z.array(z.string().max(64)).max(20).optional(),
  config: LintConfigSchema.optional(),
  layout: z.enum(['auto', 'wrapped', 'paragraphs']).default('auto'),
});

export const registerLanguageApi: RouteModule = (app) => {
  registerApiRoutes(app, [
    defineApiRoute({
      method: 'GET',
      path: '/api/v1/language/rules',
      summary: 'The language-check rules: id, what they flag, why, and the better alternative',
      tag: 'language',
      response: z.object({
        rules: z.array(
          z.object({
            id: z.string(),
            title: z.string(),
            kinds: z.array(z.string()),
            why: z.string(),
            suggestion: z.string(),
          }),
        ),
      }),
      handler: async () => ({
        rules: RULES.map((r) => ({
          id: r.id,
          title: r.title,
          kinds: [...(r.kinds ?? DOCUMENT_KINDS)],
          why: r.why,
          suggestion: r.suggestion,
        })),
      }),
    }),
    defineApiRoute({
      method: 'POST',
      path: '/api/v1/language/lint',
      summary:
        'Check the language of a report or letter: over-confident safety claims, causal claims, prescribed remedies, sweeping quantifiers, acronyms, jargon, long sentences',
      tag: 'language',
      body: LintBody,
      response: z.object({
        kind: z.enum(DOCUMENT_KINDS),
        rules: z.array(z.string()),
        sentences: z.number(),
        words: z.number(),
        findings: z.array(Finding),
      }),
      handler: async ({ body }) => {
        const unknown = unknownRules([...(body.rules ?? []), ...(body.config?.disable ?? [])]);
        if (unknown.length > 0)
          throw new AppError('VALIDATION_FAILED', {
            message: `Unknown rule(s): ${unknown.join(', ')}`,
            details: [{ field: 'rules', reason: `known rules: ${RULE_IDS.join(', ')}` }],
          });
        // The phrasebook rule needs earlier reports; it is silent until reports are stored.
        return lintText(body.text, {
          kind: body.kind,
          rules: body.rules,
          config: body.config,
          layout: body.layout,
        });
      },
    }),
  ]);
};
