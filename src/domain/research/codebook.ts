// The national thematic codebook: themes a national user keeps, and versioned mappings from each
// inspection's codes to them. Framework codes line up by criterion key on their own (every
// inspection codes against the framework's criteria); emergent codes line up by their normalised
// name once mapped. A query row is `criterion:<key>` or `theme:<key>`.
import { z } from 'zod';

export const ThemeKey = z
  .string()
  .trim()
  .regex(/^[a-z][a-z0-9_]{1,59}$/, 'Use lower-case letters, digits and underscores');

export const MappingInput = z.object({
  sourceKind: z.enum(['criterion', 'emergent']),
  sourceKey: z.string().trim().min(1).max(300),
  thematicKey: ThemeKey,
});
export type Mapping = z.infer<typeof MappingInput>;

/** How emergent code names are compared across inspections. */
export function normaliseCodeName(name: string): string {
  return name.trim().toLowerCase().replace(/\s+/g, ' ');
}

export interface RowSource {
  criterionKeys: string[];
  emergentNames: string[];
}

export const RowKey = z
  .string()
  .trim()
  .regex(/^(criterion|theme):[\w.:-]{1,120}$/, 'A row is criterion:<key> or theme:<key>');

/** What codes a query row stands for, given the codebook's mappings in one version. */
export function rowSource(row: string, mappings: Mapping[]): RowSource {
  const [kind, ...rest] = row.split(':');
  const key = rest.join(':');
  if (kind === 'criterion') return { criterionKeys: [key], emergentNames: [] };
  const mine = mappings.filter((m) => m.thematicKey === key);
  return {
    criterionKeys: mine.filter((m) => m.sourceKind === 'criterion').map((m) => m.sourceKey),
    emergentNames: mine
      .filter((m) => m.sourceKind === 'emergent')
      .map((m) => normaliseCodeName(m.sourceKey)),
  };
}

/** The next version's mappings: the current ones with one source re-pointed (or removed). */
export function withMapping(
  current: Mapping[],
  change: { sourceKind: Mapping['sourceKind']; sourceKey: string; thematicKey: string | null },
): Mapping[] {
  const key =
    change.sourceKind === 'emergent' ? normaliseCodeName(change.sourceKey) : change.sourceKey;
  const rest = current.filter((m) => !(m.sourceKind === change.sourceKind && m.sourceKey === key));
  return change.thematicKey
    ? [...rest, { sourceKind: change.sourceKind, sourceKey: key, thematicKey: change.thematicKey }]
    : rest;
}
