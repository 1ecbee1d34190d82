// The prompt sets a quality assurance manager observes an inspector against (issue 17, Birmingham
// rec 7): the prompts and their rating scale are versioned data files in frameworks/practice-qa/,
// never code. An observation stores the id of the set it was made under, so an old observation is
// read with its own prompts and scale.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { AppError, type ErrorDetail } from '../../errors.js';
import { practiceQaDir } from '../../paths.js';

const Key = z.string().regex(/^[a-z][a-z0-9_]*$/, 'Use lower case letters, digits and _');
const Day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Write the date as YYYY-MM-DD');

export const PromptSetSchema = z.object({
  id: z.string().min(1),
  name: z.string().min(1),
  versionLabel: z.string().min(1),
  validFrom: Day,
  validTo: Day.nullable(),
  status: z.enum(['draft', 'current', 'superseded']),
  source: z.string().default(''),
  scale: z
    .array(
      z.object({
        key: Key,
        label: z.string().min(1),
        description: z.string().default(''),
        /** Higher is stronger; 0 means "not seen" and is left out of nothing but shown apart. */
        rank: z.number().int().min(0),
      }),
    )
    .min(2),
  prompts: z
    .array(z.object({ key: Key, title: z.string().min(1), hint: z.string().default('') }))
    .min(1)
    .max(12),
});
export type PromptSet = z.infer<typeof PromptSetSchema>;

export interface PromptSetRegistry {
  all: readonly PromptSet[];
  get(id: string): PromptSet | undefined;
  inForce(onDate: string): PromptSet | undefined;
}

function duplicates(keys: string[]): string[] {
  return keys.filter((k, i) => keys.indexOf(k) !== i);
}

/** Checks raw JSON against the format; `file` names it in errors. */
export function parsePromptSet(raw: unknown, file: string): PromptSet {
  const parsed = PromptSetSchema.safeParse(raw);
  if (!parsed.success)
    throw new AppError('FRAMEWORK_INVALID', {
      details: parsed.error.issues.map((i) => ({
        file,
        field: i.path.map(String).join('.'),
        reason: i.message,
      })),
    });
  const set = parsed.data;
  const details: ErrorDetail[] = [];
  for (const k of duplicates(set.prompts.map((p) => p.key)))
    details.push({ file, field: 'prompts', reason: `The prompt key ${k} is used twice` });
  for (const k of duplicates(set.scale.map((s) => s.key)))
    details.push({ file, field: 'scale', reason: `The rating key ${k} is used twice` });
  const base = path.basename(file);
  if (base.endsWith('.json') && base !== `${set.id}.json`)
    details.push({ file, field: 'id', reason: `The file must be named ${set.id}.json` });
  if (details.length) throw new AppError('FRAMEWORK_INVALID', { details });
  return set;
}

export function createPromptSetRegistry(sets: PromptSet[]): PromptSetRegistry {
  const sorted = [...sets].sort((a, b) => a.validFrom.localeCompare(b.validFrom));
  const usable = sorted.filter((s) => s.status !== 'draft');
  return {
    all: sorted,
    get: (id) => sorted.find((s) => s.id === id),
    inForce: (onDate) =>
      usable
        .filter((s) => s.validFrom <= onDate && (s.validTo === null || onDate <= s.validTo))
        .at(-1) ?? usable.at(-1),
  };
}

export function loadPromptSets(dir: string): PromptSetRegistry {
  const names = readdirSync(dir)
    .filter((n) => n.endsWith('.json'))
    .sort();
  const sets: PromptSet[] = [];
  const details: ErrorDetail[] = [];
  for (const name of names) {
    const file = path.join(dir, name);
    try {
      sets.push(parsePromptSet(JSON.parse(readFileSync(file, 'utf8')), file));
    } catch (err) {
      if (err instanceof AppError) details.push(...err.details);
      else
        details.push({ file, reason: `Cannot read the file as JSON (${(err as Error).message})` });
    }
  }
  if (details.length) throw new AppError('FRAMEWORK_INVALID', { details });
  if (!sets.length)
    throw new AppError('FRAMEWORK_INVALID', { details: [{ file: dir, reason: 'No prompt set' }] });
  return createPromptSetRegistry(sets);
}

let registry: PromptSetRegistry | null = null;

/** The installed prompt sets (frameworks/practice-qa/), loaded once per process. */
export function promptSetRegistry(override?: PromptSetRegistry): PromptSetRegistry {
  if (override) registry = override;
  registry ??= loadPromptSets(practiceQaDir());
  return registry;
}

/** The set an observation was made under (by id), or the one in force on a date. */
export function promptSet(by: { id: string } | { onDate: string }): PromptSet {
  const r = promptSetRegistry();
  const s = 'id' in by ? r.get(by.id) : r.inForce(by.onDate);
  if (!s)
    throw new AppError('INTERNAL', { message: 'No practice QA prompt set is installed for that' });
  return s;
}
