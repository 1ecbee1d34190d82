import { z } from 'zod';
import { hasFrameworkCodes, treeOrder } from '../../data/repositories/codes.js';
import type { Activity } from '../../data/repositories/activities.js';
import { findEvidence, type EvidenceRecord } from '../../data/repositories/evidence.js';
import {
  listRecordCodings,
  listWorkbenchCodes,
  listWorkbenchEvidence,
  listWorkbenchMemos,
  recentCodeIds,
  type WorkbenchCode,
  type WorkbenchCoding,
  type WorkbenchListItem,
  type WorkbenchMemo,
} from '../../data/repositories/workbench.js';
import {
  evidenceDirectionLabels,
  evidenceMethodLabels,
  evidenceMethods,
} from '../../domain/evidence/vocabulary.js';
import { colourClass, segmentText, spanExcerpt } from '../../domain/workbench/segments.js';
import type { UseCaseContext } from '../context.js';
import { ensureCodebook } from '../shared/codebook.js';
import { evidenceScope } from '../shared/evidence-scope.js';
import { judgementAreasOf } from '../../domain/frameworks/installed.js';

export const WORKBENCH_PAGE_SIZE = 50;
const RECENT_CODES = 9;

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .optional()
    .transform((v) => (v ? v : undefined));

export const GetWorkbenchInput = z.object({
  activityId: z.string(),
  /** The record in the centre pane (default: the first on the list's page). */
  evidenceId: optionalText(100),
  area: optionalText(200),
  method: z
    .enum(evidenceMethods)
    .optional()
    .or(z.literal('').transform(() => undefined)),
  caseReference: optionalText(200),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  /** The code picked in the codebook (its description and memos show). */
  codeId: optionalText(100),
  /** The coding picked in the margin (its span is marked and its memos show). */
  codingId: optionalText(100),
  /** Only codes whose name contains this (and their folders). */
  codeFilter: optionalText(200),
});
export type GetWorkbenchInput = z.input<typeof GetWorkbenchInput>;

export interface CodeNode extends WorkbenchCode {
  depth: number;
  path: string[];
  colourClass: string;
  /** Codings on live records: counted only for the picked code (0 for the others). */
  codingCount: number;
}

export interface MarginCoding extends WorkbenchCoding {
  colourClass: string;
  excerpt: string;
  memoCount: number;
  selected: boolean;
}

export interface WorkbenchRecord {
  record: EvidenceRecord;
  methodLabel: string;
  directionLabel: string | null;
  areaTitles: string[];
  segments: Array<{
    start: number;
    end: number;
    text: string;
    codingIds: string[];
    colourClass: string | null;
    selected: boolean;
  }>;
  codings: MarginCoding[];
}

export interface Workbench {
  activity: { id: string; title: string; laName: string; state: string };
  canWrite: boolean;
  areas: Array<{ key: string; title: string }>;
  methods: Array<{ key: string; label: string }>;
  filter: { area?: string; method?: string; caseReference?: string; codeFilter?: string };
  list: {
    page: number;
    /** Whether a next page exists (the total is not counted: see listWorkbenchEvidence). */
    hasNext: boolean;
    /** 1-based positions of the first and last record shown (0 and 0 when none). */
    from: number;
    to: number;
    items: Array<WorkbenchListItem & { methodLabel: string }>;
  };
  /** The selected record, or null when the list is empty or the record is not live. */
  current: WorkbenchRecord | null;
  /** Set when the asked-for record could not be shown (deleted, or not in this activity). */
  missingRecord: boolean;
  codes: CodeNode[];
  /** Codes shown in the tree after the filter (all when there is none). */
  shownCodeIds: Set<string>;
  selectedCode: CodeNode | null;
  selectedCoding: MarginCoding | null;
  memos: { evidence: WorkbenchMemo[]; code: WorkbenchMemo[]; coding: WorkbenchMemo[] };
  recentCodes: CodeNode[];
}

/**
 * Everything the coding workbench shows for one record: a page of the activity's evidence list,
 * the record's text cut into coded segments with its codings for the margin, the codebook tree,
 * the memos on the record, the picked code and coding, and the person's recently used codes.
 * The first time a team member opens it the codebook is seeded from the framework.
 */
export async function getWorkbench(
  ctx: UseCaseContext,
  raw: GetWorkbenchInput,
): Promise<Workbench> {
  const input = GetWorkbenchInput.parse(raw);
  const { activity, canWrite } = await evidenceScope(ctx, input.activityId, 'read');
  const areas = judgementAreasOf(activity);
  const offset = (input.page - 1) * WORKBENCH_PAGE_SIZE;
  const userId = ctx.actor.kind === 'user' ? ctx.actor.userId : null;
  const asked = input.evidenceId ?? null;
  // Independent reads, side by side (PostgreSQL runs them on separate connections).
  const [list, initialCodes, askedRecord, recent] = await Promise.all([
    listWorkbenchEvidence(ctx.db, {
      activityId: activity.id,
      ...(input.area ? { judgementArea: input.area } : {}),
      ...(input.method ? { method: input.method } : {}),
      ...(input.caseReference ? { caseReference: input.caseReference } : {}),
      limit: WORKBENCH_PAGE_SIZE,
      offset,
    }),
    listWorkbenchCodes(ctx.db, activity.id),
    asked ? loadRecord(ctx, activity.id, asked, input.codeId ?? null) : null,
    userId ? recentCodeIds(ctx.db, activity.id, userId, RECENT_CODES) : [],
  ]);
  const codes = canWrite ? await seeded(ctx, activity, initialCodes) : initialCodes;
  const firstId = list.items[0]?.id;
  const loaded =
    askedRecord ??
    (!asked && firstId ? await loadRecord(ctx, activity.id, firstId, input.codeId ?? null) : null);

  const nodes = codeTree(codes);
  const byId = new Map(nodes.map((n) => [n.id, n]));
  // With no record to show, the picked code's memos are read on their own.
  const memos =
    loaded?.memos ??
    (input.codeId
      ? await listWorkbenchMemos(ctx.db, {
          activityId: activity.id,
          evidenceId: null,
          codeId: input.codeId,
        })
      : []);
  const memoCount = new Map<string, number>();
  for (const m of memos)
    if (m.targetType === 'coding' && m.targetId)
      memoCount.set(m.targetId, (memoCount.get(m.targetId) ?? 0) + 1);
  const current = loaded ? present(loaded, areas, memoCount, input.codingId ?? null) : null;
  const selectedCoding = current?.codings.find((c) => c.selected) ?? null;
  const selectedCode = input.codeId ? (byId.get(input.codeId) ?? null) : null;
  return {
    activity: {
      id: activity.id,
      title: activity.title,
      laName: activity.laName,
      state: activity.state,
    },
    canWrite,
    areas,
    methods: evidenceMethods.map((m) => ({ key: m, label: evidenceMethodLabels[m] })),
    filter: {
      ...(input.area ? { area: input.area } : {}),
      ...(input.method ? { method: input.method } : {}),
      ...(input.caseReference ? { caseReference: input.caseReference } : {}),
      ...(input.codeFilter ? { codeFilter: input.codeFilter } : {}),
    },
    list: listPage(input.page, offset, list),
    current,
    missingRecord: asked !== null && askedRecord === null,
    codes: nodes,
    shownCodeIds: filterCodes(nodes, input.codeFilter),
    selectedCode,
    selectedCoding,
    memos: memoGroups(memos, selectedCode, selectedCoding),
    recentCodes: recent
      .map((id) => byId.get(id))
      .filter((c): c is CodeNode => c !== undefined && c.isCodable),
  };
}

/** The codes, after seeding the codebook the first time a team member opens the workbench. */
async function seeded(
  ctx: UseCaseContext,
  activity: Activity,
  codes: WorkbenchCode[],
): Promise<WorkbenchCode[]> {
  if (codes.some((c) => c.source === 'framework')) return codes;
  if (await hasFrameworkCodes(ctx.db, activity.id)) return codes;
  await ctx.db.transaction().execute((trx) => ensureCodebook(trx, ctx.actor, activity));
  return listWorkbenchCodes(ctx.db, activity.id);
}

function listPage(
  page: number,
  offset: number,
  list: { items: WorkbenchListItem[]; hasMore: boolean },
): Workbench['list'] {
  return {
    page,
    hasNext: list.hasMore,
    from: list.items.length ? offset + 1 : 0,
    to: offset + list.items.length,
    items: list.items.map((i) => ({
      ...i,
      methodLabel: evidenceMethodLabels[i.method as keyof typeof evidenceMethodLabels] ?? i.method,
    })),
  };
}

/** The memos on the record, on the picked code and on the picked coding. */
function memoGroups(
  memos: WorkbenchMemo[],
  code: CodeNode | null,
  coding: MarginCoding | null,
): Workbench['memos'] {
  return {
    evidence: memos.filter((m) => m.targetType === 'evidence'),
    code: code ? memos.filter((m) => m.targetType === 'code' && m.targetId === code.id) : [],
    coding: coding
      ? memos.filter((m) => m.targetType === 'coding' && m.targetId === coding.id)
      : [],
  };
}

interface Loaded {
  record: EvidenceRecord;
  codings: WorkbenchCoding[];
  memos: WorkbenchMemo[];
}

/** A live record of this activity with its codings and memos, or null. */
async function loadRecord(
  ctx: UseCaseContext,
  activityId: string,
  evidenceId: string,
  codeId: string | null,
): Promise<Loaded | null> {
  const [record, codings, memos] = await Promise.all([
    findEvidence(ctx.db, evidenceId),
    listRecordCodings(ctx.db, evidenceId),
    listWorkbenchMemos(ctx.db, { activityId, evidenceId, codeId }),
  ]);
  if (!record || record.activityId !== activityId || record.deleted) return null;
  return { record, codings, memos };
}

function present(
  loaded: Loaded,
  areas: Array<{ key: string; title: string }>,
  memoCount: Map<string, number>,
  selectedCodingId: string | null,
): WorkbenchRecord {
  const { record } = loaded;
  const codings: MarginCoding[] = loaded.codings.map((c) => ({
    ...c,
    colourClass: colourClass(c.codeColour),
    excerpt: spanExcerpt(record.text, c.start, c.end),
    memoCount: memoCount.get(c.id) ?? 0,
    selected: c.id === selectedCodingId,
  }));
  // Codings whose words were changed away are listed in the margin but not highlighted.
  const placed = codings.filter((c) => c.anchorStatus !== 'lost');
  const byId = new Map(codings.map((c) => [c.id, c]));
  const selected = codings.find((c) => c.selected);
  return {
    record,
    methodLabel:
      evidenceMethodLabels[record.method as keyof typeof evidenceMethodLabels] ?? record.method,
    directionLabel: record.direction
      ? (evidenceDirectionLabels[record.direction as keyof typeof evidenceDirectionLabels] ??
        record.direction)
      : null,
    areaTitles: record.judgementAreas.map((k) => areas.find((a) => a.key === k)?.title ?? k),
    segments: segmentText(record.text, placed).map((s) => ({
      ...s,
      colourClass: s.codingIds.length
        ? (byId.get(s.codingIds[s.codingIds.length - 1]!)?.colourClass ?? null)
        : null,
      selected:
        selected !== undefined &&
        selected.anchorStatus !== 'lost' &&
        s.start >= selected.start &&
        s.end <= selected.end,
    })),
    codings,
  };
}

/** Folders and codes in tree order with depth, path, palette class and coding count. */
function codeTree(codes: WorkbenchCode[]): CodeNode[] {
  const ordered = treeOrder(codes);
  const byId = new Map(ordered.map((c) => [c.id, c]));
  return ordered.map((c) => {
    const path: string[] = [];
    const seen = new Set<string>();
    for (
      let p: WorkbenchCode | undefined = c;
      p && !seen.has(p.id);
      p = p.parentId ? byId.get(p.parentId) : undefined
    ) {
      seen.add(p.id);
      path.unshift(p.name);
    }
    return {
      ...c,
      depth: path.length - 1,
      path,
      colourClass: colourClass(c.colour),
    };
  });
}

/** Ids of the codes matching the filter and every folder above them. */
function filterCodes(nodes: CodeNode[], filter: string | undefined): Set<string> {
  if (!filter) return new Set(nodes.map((n) => n.id));
  const needle = filter.toLocaleLowerCase('en-GB');
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const shown = new Set<string>();
  for (const n of nodes) {
    if (!n.name.toLocaleLowerCase('en-GB').includes(needle)) continue;
    for (let p: CodeNode | undefined = n; p && !shown.has(p.id);) {
      shown.add(p.id);
      p = p.parentId ? byId.get(p.parentId) : undefined;
    }
  }
  return shown;
}
