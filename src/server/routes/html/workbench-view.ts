// What the workbench page's handlers share: the page state carried in the URL (which record,
// list filters and page, picked code and coding, codebook filter), reading it back from the
// forms' hidden `state` field, and rendering the page (or only its record part, for the
// browser module that swaps the centre pane without reloading).
import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import type { UseCaseContext } from '../../../usecases/context.js';
import {
  getWorkbench,
  type CodeNode,
  type GetWorkbenchInput,
  type Workbench,
} from '../../../usecases/workbench/get-workbench.js';
import { formErrors, noticeFor, type Problem } from '../form-problems.js';

/** URL query keys of the page state, and the use-case fields they fill. */
const STATE_KEYS = {
  evidence: 'evidenceId',
  area: 'area',
  method: 'method',
  case: 'caseReference',
  page: 'page',
  code: 'codeId',
  coding: 'codingId',
  codes: 'codeFilter',
} as const;
type StateKey = keyof typeof STATE_KEYS;

export const WorkbenchQuery = z.object({
  evidence: z.string().max(100).optional(),
  area: z.string().max(200).optional(),
  method: z.string().max(100).optional(),
  case: z.string().max(200).optional(),
  page: z.string().max(10).optional(),
  code: z.string().max(100).optional(),
  coding: z.string().max(100).optional(),
  codes: z.string().max(200).optional(),
  done: z.string().max(40).optional(),
  part: z.enum(['record']).optional(),
});
export type WorkbenchState = Partial<Record<StateKey, string>>;

export const notices = {
  coded: 'The passage has been coded.',
  removed: 'The coding has been removed.',
  'code-added': 'The code has been added to the codebook.',
  'memo-added': 'The memo has been saved.',
  'memo-updated': 'The memo has been updated.',
};

/** The page state from a query object or a form's `state` field (unknown keys are dropped). */
export function readState(source: Record<string, unknown> | string | undefined): WorkbenchState {
  const params =
    typeof source === 'string'
      ? Object.fromEntries(new URLSearchParams(source.replace(/^\?/, '')))
      : (source ?? {});
  const out: WorkbenchState = {};
  for (const key of Object.keys(STATE_KEYS) as StateKey[]) {
    const v = params[key];
    if (typeof v === 'string' && v.trim() !== '' && v.length <= 200) out[key] = v.trim();
  }
  if (out.page && !/^\d{1,5}$/.test(out.page)) delete out.page;
  return out;
}

/** The workbench URL for a state, with changes (undefined removes a key). */
export function stateUrl(
  activityId: string,
  state: WorkbenchState,
  changes: WorkbenchState & { done?: string } = {},
): string {
  const merged: Record<string, string | undefined> = { ...state, ...changes };
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(merged)) if (v) params.set(k, v);
  const qs = params.toString();
  return `/activities/${activityId}/workbench${qs ? `?${qs}` : ''}`;
}

export function toInput(activityId: string, state: WorkbenchState): GetWorkbenchInput {
  const input: Record<string, string> = { activityId };
  for (const key of Object.keys(STATE_KEYS) as StateKey[]) {
    const v = state[key];
    if (v !== undefined) input[STATE_KEYS[key]] = v;
  }
  return input as GetWorkbenchInput;
}

interface TreeNode extends CodeNode {
  children: TreeNode[];
}

/** The codebook as nested nodes for the template (only codes the filter shows). */
function nest(codes: CodeNode[], shown: Set<string>): TreeNode[] {
  const nodes = new Map(codes.map((c) => [c.id, { ...c, children: [] as TreeNode[] }]));
  const roots: TreeNode[] = [];
  for (const c of codes) {
    if (!shown.has(c.id)) continue;
    const node = nodes.get(c.id)!;
    const parent = c.parentId ? nodes.get(c.parentId) : undefined;
    if (parent && shown.has(parent.id)) parent.children.push(node);
    else roots.push(node);
  }
  return roots;
}

export interface RenderExtra {
  done?: string | undefined;
  problems?: Problem[];
  /** Values to put back into the form that failed. */
  values?: Record<string, string>;
  /** Which form failed (its fields get the inline errors). */
  form?: string;
}

const ANCHORS: Record<string, Record<string, string>> = {
  code: { codeId: 'wb-code', passage: 'wb-passage', occurrence: 'wb-occurrence' },
  'new-code': { name: 'wb-new-code-name', parentId: 'wb-new-code-parent' },
  'memo-evidence': { text: 'wb-memo-evidence-text', title: 'wb-memo-evidence-title' },
  'memo-coding': { text: 'wb-memo-coding-text', title: 'wb-memo-coding-title' },
  'memo-code': { text: 'wb-memo-code-text', title: 'wb-memo-code-title' },
};

export async function loadWorkbench(
  uc: UseCaseContext,
  activityId: string,
  state: WorkbenchState,
): Promise<Workbench> {
  return getWorkbench(uc, toInput(activityId, state));
}

export function renderWorkbench(
  reply: FastifyReply,
  wb: Workbench,
  state: WorkbenchState,
  extra: RenderExtra = {},
  part?: 'record',
): FastifyReply {
  const activityId = wb.activity.id;
  const recordState: WorkbenchState = {
    ...state,
    ...(wb.current ? { evidence: wb.current.record.id } : {}),
  };
  const editing = extra.form?.startsWith('memo-edit-') ? extra.form.slice(10) : null;
  const anchors = editing
    ? { text: `wb-memo-${editing}-text`, title: `wb-memo-${editing}-title` }
    : (extra.form && ANCHORS[extra.form]) || {};
  const errors = extra.problems
    ? formErrors(
        extra.problems.map((p) => ({
          ...p,
          field: p.field && anchors[p.field] ? p.field : undefined,
        })),
        anchors,
      )
    : undefined;
  const pageUrl = (page: number) =>
    stateUrl(activityId, state, { page: String(page), evidence: undefined });
  const locals = {
    title: wb.current
      ? `Coding workbench: ${wb.current.record.reference} – ${wb.activity.title}`
      : `Coding workbench – ${wb.activity.title}`,
    wb,
    tree: nest(wb.codes, wb.shownCodeIds),
    codableItems: wb.codes
      .filter((c) => c.isCodable)
      .map((c) => ({ value: c.id, text: c.path.join(' › ') })),
    parentItems: wb.codes.map((c) => ({ value: c.id, text: c.path.join(' › ') })),
    state: recordState,
    stateQuery: new URLSearchParams(recordState as Record<string, string>).toString(),
    url: (changes: WorkbenchState) => stateUrl(activityId, recordState, changes),
    listUrl: (evidenceId: string) =>
      stateUrl(activityId, state, { evidence: evidenceId, coding: undefined }),
    pagination: {
      ...(wb.list.page > 1 ? { previous: { href: pageUrl(wb.list.page - 1) } } : {}),
      ...(wb.list.hasNext ? { next: { href: pageUrl(wb.list.page + 1) } } : {}),
    },
    form: extra.form ?? null,
    values: extra.values ?? {},
    fieldErrors: errors?.fieldErrors ?? {},
    errors: errors?.errors,
    notice: noticeFor(extra.done, notices),
    containerClasses: 'app-wb-container',
    breadcrumbs: [
      { text: 'Home', href: '/home' },
      { text: wb.activity.title, href: `/activities/${activityId}` },
    ],
  };
  return reply.render(part === 'record' ? 'workbench/part.njk' : 'workbench/show.njk', locals);
}
