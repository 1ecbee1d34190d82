// Teams as framework data (frameworks/*.json, `activityRules.teams`): how many of each team role
// an activity of a type needs, by the size of the local authority, and the days each role spends
// before, on and after the fieldwork. Where Ofsted has not published a figure, the file holds a
// setting with its source and confidence tag ([C], [S], [E], [M] as in ilacs-facts).
import { z } from 'zod';

const key = z.string().regex(/^[a-z][a-z0-9_]*$/, 'Use lower-case letters, digits and underscores');
const text = z.string().trim().min(1, 'Must not be empty');
const days = z.number().min(0).max(30);

/** The team roles a composition or workload may name (domain/access/roles.ts#teamRoles). */
export const TeamRoleKey = z.enum([
  'lead_inspector',
  'team_inspector',
  'regulatory_inspector',
  'education_inspector',
  'qam',
  'analyst',
  'shadow',
]);

/** A band of local authority size, by the number of children (population aged 0-17). */
export const SizeBand = z.strictObject({
  key,
  label: text,
  /** The band holds authorities with fewer children than this; null for the largest band. */
  childrenBelow: z.number().int().min(1).nullable(),
  source: text.optional(),
});

const Counts = z.partialRecord(TeamRoleKey, z.number().int().min(0).max(20));

/** How many of each team role an activity of a type needs, by size band. */
export const CompositionRule = z.strictObject({
  key,
  label: text,
  source: text.optional(),
  activityType: key,
  /** Size band key to role counts; a band left out takes `default`. */
  bySize: z.record(key, Counts).default({}),
  default: Counts,
});

/** The days one team role spends on an activity, beside the days on site. */
export const RoleWorkload = z.strictObject({
  /** Working days just before the first day on site (week zero, reading the data). */
  preparationDays: days.default(0),
  /** Days on site: all of the fieldwork (`all`) or a number of its first days. */
  onSiteDays: z.union([z.literal('all'), days]).default('all'),
  /** Working days just after the last day on site, writing up. */
  writeUpDays: days.default(0),
  /** Working days of quality assurance after the write-up. */
  qaDays: days.default(0),
});

export const WorkloadRule = z.strictObject({
  key,
  label: text,
  source: text.optional(),
  activityType: key,
  roles: z.partialRecord(TeamRoleKey, RoleWorkload),
});

export const TeamRulesSchema = z.strictObject({
  note: text.optional(),
  sizeBands: z.array(SizeBand).min(1),
  composition: z.array(CompositionRule).default([]),
  workload: z.array(WorkloadRule).default([]),
});

export type TeamRules = z.infer<typeof TeamRulesSchema>;
export type SizeBandRule = z.infer<typeof SizeBand>;
export type RoleWorkloadRule = z.infer<typeof RoleWorkload>;
