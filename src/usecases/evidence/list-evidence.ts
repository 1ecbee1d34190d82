import { z } from 'zod';
import { listCodes } from '../../data/repositories/codes.js';
import {
  listEvidence as queryEvidence,
  type EvidenceRecord,
} from '../../data/repositories/evidence.js';
import {
  evidenceDirectionLabels,
  evidenceDirections,
  evidenceMethodLabels,
  evidenceMethods,
  type EvidenceDirection,
  type EvidenceMethod,
} from '../../domain/evidence/vocabulary.js';
import type { UseCaseContext } from '../context.js';
import { evidenceScope, judgementAreasOf } from './evidence-access.js';

/** How a list is organised: by judgement heading (the default), person, day, case, team... */
export const evidenceGroupings = [
  'area',
  'person',
  'day',
  'case',
  'practitioner',
  'team',
  'theme',
  'method',
  'direction',
  'none',
] as const;
export type EvidenceGrouping = (typeof evidenceGroupings)[number];

const csv = z
  .union([z.array(z.string()), z.string()])
  .transform((v) => (Array.isArray(v) ? v : v.split(',').filter(Boolean)));

export const ListEvidenceInput = z.object({
  activityId: z.string(),
  by: z.enum(evidenceGroupings).default('area'),
  deleted: z.enum(['exclude', 'include', 'only']).default('exclude'),
  methods: csv.pipe(z.array(z.enum(evidenceMethods))).optional(),
  recordedBy: csv.optional(),
  observedFrom: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .optional(),
  observedTo: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .optional(),
  judgementArea: z.string().optional(),
  childCaseId: z.uuid().optional(),
  practitionerCaseId: z.uuid().optional(),
  teamCaseId: z.uuid().optional(),
  locality: z.string().optional(),
  lineOfEnquiryId: z.uuid().optional(),
  directions: csv.pipe(z.array(z.enum(evidenceDirections))).optional(),
  codeIds: csv.optional(),
  search: z.string().max(500).optional(),
  /** Full texts instead of the first 240 characters. */
  fullText: z.boolean().default(false),
  /** At most this many records in each group (counts stay complete). */
  limitPerGroup: z.coerce.number().int().min(0).max(10_000).optional(),
});
export type ListEvidenceInput = z.input<typeof ListEvidenceInput>;

export interface EvidenceGroup {
  key: string;
  label: string;
  count: number;
  records: EvidenceRecord[];
}

export interface EvidenceList {
  by: EvidenceGrouping;
  total: number;
  /** The framework's judgement areas, in order (the headings of the default view). */
  areas: Array<{ key: string; title: string }>;
  groups: EvidenceGroup[];
  canWrite: boolean;
}

const UNFILED = { key: '', label: 'Not yet filed under a judgement area' };

export async function listEvidence(
  ctx: UseCaseContext,
  raw: ListEvidenceInput,
): Promise<EvidenceList> {
  const input = ListEvidenceInput.parse(raw);
  const { activity, canWrite } = await evidenceScope(ctx, input.activityId, 'read');
  const areas = judgementAreasOf(activity);
  const records = await queryEvidence(ctx.db, {
    activityId: activity.id,
    deleted: input.deleted,
    ...(input.methods ? { methods: input.methods } : {}),
    ...(input.recordedBy ? { recordedBy: input.recordedBy } : {}),
    ...(input.observedFrom ? { observedFrom: input.observedFrom } : {}),
    ...(input.observedTo ? { observedTo: input.observedTo } : {}),
    ...(input.judgementArea ? { judgementArea: input.judgementArea } : {}),
    ...(input.childCaseId ? { childCaseId: input.childCaseId } : {}),
    ...(input.practitionerCaseId ? { practitionerCaseId: input.practitionerCaseId } : {}),
    ...(input.teamCaseId ? { teamCaseId: input.teamCaseId } : {}),
    ...(input.locality ? { locality: input.locality } : {}),
    ...(input.lineOfEnquiryId ? { lineOfEnquiryId: input.lineOfEnquiryId } : {}),
    ...(input.directions ? { directions: input.directions } : {}),
    ...(input.codeIds ? { codeIds: input.codeIds } : {}),
    ...(input.search ? { search: input.search } : {}),
    excerptOnly: !input.fullText,
  });
  const groups = await group(ctx, activity.id, input.by, records, areas);
  const limit = input.limitPerGroup;
  return {
    by: input.by,
    total: records.length,
    areas,
    groups: groups.map((g) => ({
      ...g,
      count: g.records.length,
      records: limit === undefined ? g.records : g.records.slice(0, limit),
    })),
    canWrite,
  };
}

type Bucket = { key: string; label: string; records: EvidenceRecord[] };

function bucketBy(
  records: EvidenceRecord[],
  keyOf: (r: EvidenceRecord) => Array<{ key: string; label: string }>,
  seed: Array<{ key: string; label: string }> = [],
): Bucket[] {
  const map = new Map<string, Bucket>(seed.map((s) => [s.key, { ...s, records: [] }]));
  for (const r of records) {
    for (const k of keyOf(r)) {
      let b = map.get(k.key);
      if (!b) map.set(k.key, (b = { ...k, records: [] }));
      b.records.push(r);
    }
  }
  return [...map.values()];
}

const none = (label: string) => [{ key: '', label }];

async function group(
  ctx: UseCaseContext,
  activityId: string,
  by: EvidenceGrouping,
  records: EvidenceRecord[],
  areas: Array<{ key: string; title: string }>,
): Promise<Bucket[]> {
  switch (by) {
    case 'none':
      return [{ key: '', label: 'All evidence', records }];
    case 'area': {
      const seed = [...areas.map((a) => ({ key: a.key, label: a.title })), UNFILED];
      const titles = new Map(seed.map((s) => [s.key, s.label]));
      return bucketBy(
        records,
        (r) => {
          const known = r.judgementAreas.filter((k) => titles.has(k));
          return known.length ? known.map((k) => ({ key: k, label: titles.get(k)! })) : [UNFILED];
        },
        seed,
      );
    }
    case 'person':
      return sorted(
        bucketBy(records, (r) => [
          { key: r.recordedBy.id ?? r.recordedBy.label, label: r.recordedBy.label },
        ]),
      );
    case 'day':
      return sorted(
        bucketBy(records, (r) => [{ key: r.observedOn, label: r.observedOn }]),
        'key',
      );
    case 'case':
      return sorted(
        bucketBy(records, (r) =>
          r.childCase
            ? [{ key: r.childCase.id, label: r.childCase.reference }]
            : none('No child’s case'),
        ),
      );
    case 'practitioner':
      return sorted(
        bucketBy(records, (r) =>
          r.practitionerCase
            ? [{ key: r.practitionerCase.id, label: r.practitionerCase.reference }]
            : none('No practitioner'),
        ),
      );
    case 'team':
      return sorted(
        bucketBy(records, (r) =>
          r.teamCase ? [{ key: r.teamCase.id, label: r.teamCase.reference }] : none('No team'),
        ),
      );
    case 'method':
      return bucketBy(
        records,
        (r) => [
          { key: r.method, label: evidenceMethodLabels[r.method as EvidenceMethod] ?? r.method },
        ],
        evidenceMethods.map((m) => ({ key: m, label: evidenceMethodLabels[m] })),
      );
    case 'direction':
      return bucketBy(
        records,
        (r) =>
          r.direction
            ? [
                {
                  key: r.direction,
                  label: evidenceDirectionLabels[r.direction as EvidenceDirection] ?? r.direction,
                },
              ]
            : none('Direction not recorded'),
        evidenceDirections.map((d) => ({ key: d, label: evidenceDirectionLabels[d] })),
      );
    case 'theme': {
      const codes = await listCodes(ctx.db, activityId);
      const pairs = await ctx.db
        .selectFrom('codings')
        .select(['evidence_id', 'code_id'])
        .distinct()
        .where('activity_id', '=', activityId)
        .execute();
      const byEvidence = new Map<string, string[]>();
      for (const p of pairs)
        byEvidence.set(p.evidence_id, [...(byEvidence.get(p.evidence_id) ?? []), p.code_id]);
      const names = new Map(codes.map((c) => [c.id, c.name]));
      return bucketBy(
        records,
        (r) => {
          const ids = (byEvidence.get(r.id) ?? []).filter((id) => names.has(id));
          return ids.length
            ? ids.map((id) => ({ key: id, label: names.get(id)! }))
            : none('Not coded yet');
        },
        codes.filter((c) => c.isCodable).map((c) => ({ key: c.id, label: c.name })),
      );
    }
  }
}

function sorted(buckets: Bucket[], on: 'label' | 'key' = 'label'): Bucket[] {
  return buckets.sort((a, b) =>
    a.key === '' ? 1 : b.key === '' ? -1 : a[on].localeCompare(b[on], 'en-GB', { numeric: true }),
  );
}
