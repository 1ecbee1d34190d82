import { z } from 'zod';
import { listCodes } from '../../data/repositories/codes.js';
import {
  countEvidenceGroup,
  evidenceGroupKeys,
  groupEvidence,
  seekEvidenceGroup,
  type EvidenceGroupRow,
} from '../../data/repositories/evidence-groups.js';
import {
  listEvidence as queryEvidence,
  type EvidenceFilter,
  type EvidenceRecord,
} from '../../data/repositories/evidence.js';
import {
  evidenceDirectionLabels,
  evidenceDirections,
  evidenceMethodLabels,
  evidenceMethods,
} from '../../domain/evidence/vocabulary.js';
import { decodeSeek, encodeSeek, seekPage, type SeekPosition } from '../../domain/paging/seek.js';
import { AppError } from '../../errors.js';
import type { UseCaseContext } from '../context.js';
import { evidenceScope } from '../shared/evidence-scope.js';
import { judgementAreasOf } from '../../domain/frameworks/installed.js';

/** How a list is organised: by judgement heading (the default), person, day, case, team... */
export const evidenceGroupings = evidenceGroupKeys;
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
  /** At most this many records in each group (counts stay complete); default 50. */
  limitPerGroup: z.coerce.number().int().min(0).max(100_000).default(50),
  /** One group only ('' for "none of these"), paged by key: `after` and `pageSize` apply. */
  group: z.string().max(200).optional(),
  /** A page token (a group's `nextCursor`, or a page's `next` or `previous`). */
  after: z.string().max(2000).optional(),
  /** Records a page of one group holds; default 50. */
  pageSize: z.coerce.number().int().min(1).max(500).default(50),
});
export type ListEvidenceInput = z.input<typeof ListEvidenceInput>;

export interface EvidenceGroup {
  key: string;
  label: string;
  /** All the group's records (the list shows `records`, the first of them or one page). */
  count: number;
  records: EvidenceRecord[];
  /** Pass as `after` with `group` for the records after these; null when none are left. */
  nextCursor: string | null;
}

/** Where a page of one group sits (`group` given). */
export interface EvidencePageInfo {
  total: number;
  /** The index (from 0) of the page's first record. */
  start: number;
  returned: number;
  next: string | null;
  previous: string | null;
}

export interface EvidenceList {
  by: EvidenceGrouping;
  total: number;
  /** The framework's judgement areas, in order (the headings of the default view). */
  areas: Array<{ key: string; title: string }>;
  groups: EvidenceGroup[];
  /** With `group`: the page of that group the list holds. */
  page: EvidencePageInfo | null;
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
  const filter: EvidenceFilter = {
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
  };
  if (input.group !== undefined)
    return pageOfGroup(ctx, { ...input, group: input.group }, filter, areas, canWrite);
  // Counts and first ids per group come from the database; only the records shown are read.
  const grouped = await groupEvidence(ctx.db, filter, input.by, input.limitPerGroup);
  const groups = await arrange(ctx, activity.id, input.by, grouped.groups, areas);
  const records = await readRecords(
    ctx,
    filter,
    groups.flatMap((g) => g.ids),
    input.fullText,
  );
  return {
    by: input.by,
    total: grouped.total,
    areas,
    groups: groups.map((g) => {
      const shown = g.ids
        .map((id) => records.get(id))
        .filter((r): r is EvidenceRecord => r !== undefined);
      const last = shown[shown.length - 1];
      return {
        key: g.key,
        label: g.label,
        count: g.count,
        records: shown,
        nextCursor:
          last && g.count > shown.length
            ? encodeSeek({
                direction: 'after',
                key: [last.observedOn, last.refNo],
                total: g.count,
                start: shown.length,
              })
            : null,
      };
    }),
    page: null,
    canWrite,
  };
}

/** The records with these ids (list excerpts unless full texts are asked for). */
async function readRecords(
  ctx: UseCaseContext,
  filter: EvidenceFilter,
  ids: string[],
  fullText: boolean,
): Promise<Map<string, EvidenceRecord>> {
  const shownIds = [...new Set(ids)];
  const records = new Map<string, EvidenceRecord>();
  for (let i = 0; i < shownIds.length; i += 5_000) {
    const batch = await queryEvidence(ctx.db, {
      ...filter,
      ids: shownIds.slice(i, i + 5_000),
      excerptOnly: !fullText,
    });
    for (const r of batch) records.set(r.id, r);
  }
  return records;
}

/**
 * One page of one group, by key: the records after (or before) the token's record, in list
 * order. The group is counted on its first page only; later pages carry the count in the token.
 */
async function pageOfGroup(
  ctx: UseCaseContext,
  input: z.output<typeof ListEvidenceInput> & { group: string },
  filter: EvidenceFilter,
  areas: Array<{ key: string; title: string }>,
  canWrite: boolean,
): Promise<EvidenceList> {
  const at: SeekPosition | null = input.after ? decodeSeek(input.after, 2) : null;
  const [keyDay, keyRef] = at?.key ?? [];
  if (
    at &&
    (typeof keyDay !== 'string' ||
      !/^\d{4}-\d{2}-\d{2}$/.test(keyDay) ||
      !Number.isSafeInteger(keyRef))
  )
    throw new AppError('VALIDATION_FAILED', {
      details: [{ field: 'after', reason: 'Not a page token of this evidence list' }],
    });
  const [rows, total] = await Promise.all([
    seekEvidenceGroup(
      ctx.db,
      filter,
      input.by,
      input.group,
      at ? { direction: at.direction, observedOn: String(keyDay), refNo: Number(keyRef) } : null,
      input.pageSize + 1,
    ),
    at ? at.total : countEvidenceGroup(ctx.db, filter, input.by, input.group),
  ]);
  const page = seekPage(rows, input.pageSize, at, total, (r) => [r.observedOn, r.refNo]);
  const records = await readRecords(
    ctx,
    filter,
    page.items.map((r) => r.id),
    input.fullText,
  );
  const [group] = (
    await arrange(
      ctx,
      filter.activityId,
      input.by,
      [
        {
          key: input.group,
          label: page.items[0]?.groupLabel ?? null,
          count: total,
          ids: page.items.map((r) => r.id),
        },
      ],
      areas,
    )
  ).filter((g) => g.key === input.group);
  const shown = page.items
    .map((r) => records.get(r.id))
    .filter((r): r is EvidenceRecord => r !== undefined);
  return {
    by: input.by,
    total,
    areas,
    groups: group
      ? [
          {
            key: group.key,
            label: group.label,
            count: total,
            records: shown,
            nextCursor: page.next,
          },
        ]
      : [],
    page: {
      total,
      start: page.start,
      returned: shown.length,
      next: page.next,
      previous: page.previous,
    },
    canWrite,
  };
}

interface Group {
  key: string;
  label: string;
  count: number;
  ids: string[];
}

/** Labels, empty headings and order for each view (the framework's order for headings). */
async function arrange(
  ctx: UseCaseContext,
  activityId: string,
  by: EvidenceGrouping,
  rows: EvidenceGroupRow[],
  areas: Array<{ key: string; title: string }>,
): Promise<Group[]> {
  const found = new Map(rows.map((r) => [r.key, r]));
  const seeded = (
    seed: Array<{ key: string; label: string }>,
    rest: (r: EvidenceGroupRow) => string,
  ) => {
    const known = new Set(seed.map((s) => s.key));
    return [
      ...seed.map((s) => ({
        ...s,
        count: found.get(s.key)?.count ?? 0,
        ids: found.get(s.key)?.ids ?? [],
      })),
      ...rows
        .filter((r) => !known.has(r.key))
        .map((r) => ({ key: r.key, label: rest(r), count: r.count, ids: r.ids })),
    ];
  };
  const labelled = (missing: string) =>
    sorted(
      rows.map((r) => ({
        key: r.key,
        label: r.key === '' ? missing : (r.label ?? r.key),
        count: r.count,
        ids: r.ids,
      })),
    );
  switch (by) {
    case 'none':
      return [
        { key: '', label: 'All evidence', count: rows[0]?.count ?? 0, ids: rows[0]?.ids ?? [] },
      ];
    case 'area':
      return seeded([...areas.map((a) => ({ key: a.key, label: a.title })), UNFILED], (r) => r.key);
    case 'person':
      return labelled('Unknown');
    case 'day':
      return sorted(labelled('No date'), 'key');
    case 'case':
      return labelled('No child’s case');
    case 'practitioner':
      return labelled('No practitioner');
    case 'team':
      return labelled('No team');
    case 'method':
      return seeded(
        evidenceMethods.map((m) => ({ key: m, label: evidenceMethodLabels[m] })),
        (r) => r.key,
      );
    case 'direction':
      return seeded(
        [
          ...evidenceDirections.map((d) => ({ key: d, label: evidenceDirectionLabels[d] })),
          { key: '', label: 'Direction not recorded' },
        ],
        (r) => r.key,
      );
    case 'theme': {
      const codes = (await listCodes(ctx.db, activityId)).filter((c) => c.isCodable);
      return seeded(
        [...codes.map((c) => ({ key: c.id, label: c.name })), { key: '', label: 'Not coded yet' }],
        (r) => r.key,
      );
    }
  }
}

function sorted(groups: Group[], on: 'label' | 'key' = 'label'): Group[] {
  return groups.sort((a, b) =>
    a.key === '' ? 1 : b.key === '' ? -1 : a[on].localeCompare(b[on], 'en-GB', { numeric: true }),
  );
}
