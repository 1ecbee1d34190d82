// Input pieces the analysis use cases share: the evidence and coding filters (zod) and turning
// them into the repository's conditions, checking judgement areas against the framework.
import { z } from 'zod';
import type { Activity } from '../../data/repositories/activities.js';
import type {
  CodingConditions,
  EvidenceConditions,
} from '../../data/repositories/analysis-filters.js';
import { caseAttributeCatalogue } from '../../domain/evidence/case-attributes.js';
import {
  caseKinds,
  evidenceDirections,
  evidenceMethods,
} from '../../domain/evidence/vocabulary.js';
import { AppError, type ErrorDetail } from '../../errors.js';
import { judgementAreasOf } from '../../domain/frameworks/installed.js';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Use a date as YYYY-MM-DD');

export const AttributeConditionInput = z.object({
  kind: z.enum(caseKinds),
  name: z.string().min(1).max(100),
  value: z.union([z.string().max(200), z.number(), z.boolean()]),
});

/** Which evidence an analysis looks at. Every filter is optional; together they all apply. */
export const EvidenceFilterInput = z.object({
  methods: z.array(z.enum(evidenceMethods)).max(20).optional(),
  /** 'unset' selects records with no direction recorded. */
  directions: z
    .array(z.enum([...evidenceDirections, 'unset']))
    .max(5)
    .optional(),
  judgementAreas: z.array(z.string().max(100)).max(20).optional(),
  observedFrom: isoDate.optional(),
  observedTo: isoDate.optional(),
  recordedBy: z.array(z.string()).max(50).optional(),
  attributes: z.array(AttributeConditionInput).max(20).optional(),
});
export type EvidenceFilterInput = z.infer<typeof EvidenceFilterInput>;

/** Which codings an analysis counts. */
export const CodingFilterInput = z.object({
  coderIds: z.array(z.string()).max(50).optional(),
  codedFrom: z.coerce.date().optional(),
  codedTo: z.coerce.date().optional(),
});
export type CodingFilterInput = z.infer<typeof CodingFilterInput>;

/** The repository conditions for an activity, refusing unknown areas and attributes. */
export function evidenceConditions(
  activity: Activity,
  f: EvidenceFilterInput | undefined,
): EvidenceConditions {
  const details: ErrorDetail[] = [];
  const areas = judgementAreasOf(activity).map((a) => a.key);
  for (const key of f?.judgementAreas ?? [])
    if (!areas.includes(key))
      details.push({
        field: 'judgementAreas',
        value: key,
        reason: `Not a judgement area of ${activity.frameworkId} (use one of: ${areas.join(', ')})`,
      });
  const catalogue = caseAttributeCatalogue();
  for (const a of f?.attributes ?? []) {
    const known = catalogue[a.kind].find((x) => x.name === a.name);
    if (!known)
      details.push({
        field: 'attributes',
        value: `${a.kind}.${a.name}`,
        reason: `Not an attribute of ${a.kind} cases (use one of: ${catalogue[a.kind].map((x) => x.name).join(', ')})`,
      });
  }
  if (details.length > 0) throw new AppError('VALIDATION_FAILED', { details });
  return {
    activityId: activity.id,
    ...(f?.methods ? { methods: f.methods } : {}),
    ...(f?.directions ? { directions: f.directions.map((d) => (d === 'unset' ? null : d)) } : {}),
    ...(f?.judgementAreas ? { judgementAreas: f.judgementAreas } : {}),
    ...(f?.observedFrom ? { observedFrom: f.observedFrom } : {}),
    ...(f?.observedTo ? { observedTo: f.observedTo } : {}),
    ...(f?.recordedBy ? { recordedBy: f.recordedBy } : {}),
    ...(f?.attributes ? { attributes: f.attributes } : {}),
  };
}

export function codingConditions(f: CodingFilterInput | undefined): CodingConditions {
  return {
    ...(f?.coderIds ? { coderIds: f.coderIds } : {}),
    ...(f?.codedFrom ? { codedFrom: f.codedFrom } : {}),
    ...(f?.codedTo ? { codedTo: f.codedTo } : {}),
  };
}

/** Pagination: a page of at most 200. */
export const PageInput = {
  limit: z.coerce.number().int().min(1).max(200).default(20),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
};
