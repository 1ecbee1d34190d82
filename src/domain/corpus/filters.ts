// The filters every corpus read accepts (LA context: region, year, framework, grade, kind), as
// query-string or JSON input. Lists arrive as a repeated parameter or a comma-separated string.
import { z } from 'zod';

const list = <T extends z.ZodTypeAny>(item: T) =>
  z.preprocess(
    (v) =>
      v === undefined || v === ''
        ? []
        : (Array.isArray(v) ? v : String(v).split(','))
            .map((x) => String(x).trim())
            .filter(Boolean),
    z.array(item).max(50),
  );

export const CorpusFilterInput = z.object({
  laId: z.string().max(100).optional(),
  regions: list(z.string().max(100)).optional(),
  years: list(z.coerce.number().int().min(1990).max(2100)).optional(),
  frameworkIds: list(z.string().max(40)).optional(),
  grades: list(z.string().max(40)).optional(),
  kinds: list(z.enum(['report', 'letter'])).optional(),
});
export type CorpusFilterInput = z.input<typeof CorpusFilterInput>;
