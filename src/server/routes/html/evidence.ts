// Evidence pages: the list (under the judgement headings by default, or by person, day, case,
// team, theme...; filtered and paged), one record (text, fields, codings read-only, versions),
// and deleting (recorded, reversible) and restoring. Capture, edit and import are in
// evidence-capture.ts.
import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import {
  evidenceDirectionLabels,
  evidenceMethodLabels,
  type EvidenceDirection,
  type EvidenceMethod,
} from '../../../domain/evidence/vocabulary.js';
import type { EvidenceRecord } from '../../../domain/evidence/records.js';
import { deleteEvidence } from '../../../usecases/evidence/delete-evidence.js';
import { getEvidence } from '../../../usecases/evidence/get-evidence.js';
import { getEvidencePageContext } from '../../../usecases/evidence/get-evidence-page-context.js';
import { listEvidence, type EvidenceGrouping } from '../../../usecases/evidence/list-evidence.js';
import { restoreEvidence } from '../../../usecases/evidence/restore-evidence.js';
import { dateFilter, formErrors, noticeFor, problemsFrom, type Problem } from '../form-problems.js';
import { useCaseContext } from '../helpers.js';
import { attachmentItems } from './attachments.js';
import type { RouteModule } from '../index.js';
import { crumbs, listParam, queryString, seekPagination } from './page-helpers.js';

const IdParams = z.object({ id: z.string().max(200) });
const RecordParams = z.object({ id: z.string().max(200), evidenceId: z.string().max(200) });
const DeleteForm = z.object({
  reason: z.string().max(2000).default(''),
  expectedVersion: z.string().default(''),
});

const views: Array<{ value: EvidenceGrouping; text: string }> = [
  { value: 'area', text: 'Judgement area' },
  { value: 'person', text: 'Person who recorded it' },
  { value: 'day', text: 'Day' },
  { value: 'case', text: 'Child’s case' },
  { value: 'practitioner', text: 'Practitioner' },
  { value: 'team', text: 'Team' },
  { value: 'theme', text: 'Theme (code)' },
  { value: 'method', text: 'Method' },
  { value: 'direction', text: 'Evaluative direction' },
  { value: 'none', text: 'One list of every record' },
];

/** Records shown per group in the overview, and per page when one group is opened. */
const OVERVIEW = 5;
/** Views with a group per code or case (hundreds): the overview lists the groups only. */
const COMPACT: readonly EvidenceGrouping[] = ['theme', 'case', 'practitioner'];
const PAGE = 25;
/** The group key of "none of these" in a URL (its key is the empty string). */
const NONE = '-';

const notices = {
  recorded: 'The evidence has been recorded.',
  edited: 'The evidence has been changed.',
  unchanged: 'Nothing was changed.',
  imported: 'The file’s text has been recorded as evidence, and the file itself kept beside it.',
  attached: 'The file has been attached.',
  detached: 'The file has been removed.',
  deleted: 'The evidence has been deleted. It can be restored below.',
  restored: 'The evidence has been restored.',
};

export function methodLabel(m: string): string {
  return evidenceMethodLabels[m as EvidenceMethod] ?? m;
}
export function directionLabel(d: string | null): string {
  return d ? (evidenceDirectionLabels[d as EvidenceDirection] ?? d) : 'Not recorded';
}

/** A record as the list and the record page show it. */
export function recordView(r: EvidenceRecord, areas: Array<{ key: string; title: string }>) {
  return {
    ...r,
    methodLabel: methodLabel(r.method),
    directionLabel: directionLabel(r.direction),
    areaTitles: r.judgementAreas.map((k) => areas.find((a) => a.key === k)?.title ?? k),
  };
}

const ListQuery = z.object({
  by: z.string().optional(),
  method: z.union([z.string(), z.array(z.string())]).optional(),
  direction: z.union([z.string(), z.array(z.string())]).optional(),
  area: z.string().optional(),
  person: z.string().optional(),
  from: z.string().optional(),
  to: z.string().optional(),
  q: z.string().max(500).optional(),
  deleted: z.string().optional(),
  group: z.string().max(200).optional(),
  after: z.string().max(2000).optional(),
  done: z.string().optional(),
});

/** The gathered-from and gathered-to filters, from GOV.UK date inputs, with their problems. */
function dateFilters(query: Record<string, unknown>) {
  const from = dateFilter(query, 'from', '‘gathered from’ date');
  const to = dateFilter(query, 'to', '‘gathered to’ date');
  const problems: Problem[] = [];
  if (from.problem) problems.push({ field: 'from', reason: from.problem });
  if (to.problem) problems.push({ field: 'to', reason: to.problem });
  if (from.value && to.value && to.value < from.value) {
    problems.push({
      field: 'to',
      reason: 'The ‘gathered to’ date must be the same as or after the ‘gathered from’ date',
    });
  }
  return { from, to, problems };
}

export const registerEvidenceRoutes: RouteModule = (app, ctx) => {
  app.get('/activities/:id/evidence', async (request, reply) => {
    const { id } = IdParams.parse(request.params);
    const q = ListQuery.parse(request.query);
    const dates = dateFilters(request.query as Record<string, unknown>);
    const uc = useCaseContext(request, ctx);
    const page = await getEvidencePageContext(uc, { activityId: id });
    const by = views.some((v) => v.value === q.by) ? (q.by as EvidenceGrouping) : 'area';
    const methods = listParam(q.method).filter((m) => m in evidenceMethodLabels);
    const directions = listParam(q.direction).filter((d) => d in evidenceDirectionLabels);
    const deleted = q.deleted === 'include' || q.deleted === 'only' ? q.deleted : 'exclude';
    const filters = {
      by,
      method: methods,
      direction: directions,
      area: page.areas.some((a) => a.key === q.area) ? q.area : undefined,
      person: page.team.some((p) => p.id === q.person) ? q.person : undefined,
      from: dates.problems.length ? undefined : (dates.from.value ?? undefined),
      to: dates.problems.length ? undefined : (dates.to.value ?? undefined),
      q: q.q?.trim() || undefined,
      deleted: deleted === 'exclude' ? undefined : deleted,
    };
    const groupKey = q.group === NONE ? '' : q.group;
    const list = await listEvidence(uc, {
      activityId: id,
      by,
      deleted,
      ...(methods.length ? { methods: methods as EvidenceMethod[] } : {}),
      ...(directions.length ? { directions: directions as EvidenceDirection[] } : {}),
      ...(filters.area ? { judgementArea: filters.area } : {}),
      ...(filters.person ? { recordedBy: [filters.person] } : {}),
      ...(filters.from ? { observedFrom: filters.from } : {}),
      ...(filters.to ? { observedTo: filters.to } : {}),
      ...(filters.q ? { search: filters.q } : {}),
      limitPerGroup: COMPACT.includes(by) ? 0 : OVERVIEW,
      ...(groupKey !== undefined ? { group: groupKey, pageSize: PAGE } : {}),
      ...(groupKey !== undefined && q.after ? { after: q.after } : {}),
    });
    const base = `/activities/${id}/evidence`;
    const groups = list.groups.map((g) => ({
      key: g.key,
      label: g.label,
      count: g.count,
      records: g.records.map((r) => recordView(r, list.areas)),
      openHref: `${base}?${queryString({ ...filters, group: g.key === '' ? NONE : g.key })}`,
    }));
    const opened = groupKey === undefined ? null : (groups[0] ?? null);
    const paged =
      opened && list.page
        ? seekPagination(
            { ...list.page, items: opened.records },
            (token) => `${base}?${queryString({ ...filters, group: q.group, after: token })}`,
            { one: 'record', many: 'records' },
            'Pages of evidence',
            PAGE,
          )
        : null;
    if (dates.problems.length) reply.status(400);
    return reply.render('evidence/list.njk', {
      ...formErrors(dates.problems, { from: 'from-day', to: 'to-day' }),
      dateParts: { from: dates.from.parts, to: dates.to.parts },
      title: opened ? `Evidence: ${opened.label}` : 'Evidence',
      page,
      list,
      groups,
      opened,
      compact: !opened && COMPACT.includes(by),
      viewLabel: views.find((v) => v.value === by)?.text ?? '',
      views,
      filters,
      choices: {
        methods: Object.entries(evidenceMethodLabels).map(([value, text]) => ({ value, text })),
        directions: Object.entries(evidenceDirectionLabels).map(([value, text]) => ({
          value,
          text,
        })),
      },
      overviewHref: `${base}?${queryString(filters)}`,
      pagination: paged?.pagination ?? null,
      showing: paged?.showing ?? null,
      notice: noticeFor(q.done, notices),
      breadcrumbs: crumbs(page),
    });
  });

  app.get('/activities/:id/evidence/:evidenceId', async (request, reply) => {
    const { id, evidenceId } = RecordParams.parse(request.params);
    const { done } = z.object({ done: z.string().optional() }).parse(request.query);
    const uc = useCaseContext(request, ctx);
    const page = await getEvidencePageContext(uc, { activityId: id });
    const detail = await getEvidence(uc, { evidenceId, activityId: id, versions: true });
    return renderRecord(reply, page, detail, { notice: noticeFor(done, notices) });
  });

  app.get('/activities/:id/evidence/:evidenceId/delete', async (request, reply) => {
    const { id, evidenceId } = RecordParams.parse(request.params);
    const uc = useCaseContext(request, ctx);
    const page = await getEvidencePageContext(uc, { activityId: id });
    const detail = await getEvidence(uc, { evidenceId, activityId: id });
    return renderDelete(reply, page, detail.record, {});
  });

  app.post('/activities/:id/evidence/:evidenceId/delete', async (request, reply) => {
    const { id, evidenceId } = RecordParams.parse(request.params);
    const form = DeleteForm.parse(request.body ?? {});
    const uc = useCaseContext(request, ctx);
    const page = await getEvidencePageContext(uc, { activityId: id });
    try {
      await deleteEvidence(uc, {
        evidenceId,
        activityId: id,
        reason: form.reason.trim() || null,
        ...(/^\d+$/.test(form.expectedVersion)
          ? { expectedVersion: Number(form.expectedVersion) }
          : {}),
      });
      return reply.redirect(`/activities/${id}/evidence/${evidenceId}?done=deleted`, 303);
    } catch (err) {
      const r = problemsFrom(err, ['VALIDATION_FAILED', 'CONFLICT'], { defaultField: 'reason' });
      reply.status(r.status);
      const fresh = await getEvidence(uc, { evidenceId, activityId: id });
      return renderDelete(reply, page, fresh.record, {
        ...formErrors(r.problems.map((p) => ({ ...p, field: 'reason' }))),
        reason: form.reason,
      });
    }
  });

  app.post('/activities/:id/evidence/:evidenceId/restore', async (request, reply) => {
    const { id, evidenceId } = RecordParams.parse(request.params);
    const uc = useCaseContext(request, ctx);
    try {
      await restoreEvidence(uc, { evidenceId, activityId: id });
    } catch (err) {
      const r = problemsFrom(err, ['CONFLICT'], {});
      reply.status(r.status);
      const page = await getEvidencePageContext(uc, { activityId: id });
      return renderRecord(
        reply,
        page,
        await getEvidence(uc, { evidenceId, activityId: id, versions: true }),
        {
          errors: r.problems.map((p) => ({ text: p.reason })),
        },
      );
    }
    return reply.redirect(`/activities/${id}/evidence/${evidenceId}?done=restored`, 303);
  });
};

type Page = Awaited<ReturnType<typeof getEvidencePageContext>>;
type Detail = Awaited<ReturnType<typeof getEvidence>>;

function renderRecord(
  reply: FastifyReply,
  page: Page,
  detail: Detail,
  extra: { notice?: string | undefined; errors?: Array<{ text: string }> },
): FastifyReply {
  const r = recordView(detail.record, page.areas);
  return reply.render('evidence/show.njk', {
    title: `${r.reference}: evidence`,
    page,
    record: r,
    codings: detail.codings,
    memos: detail.memos,
    versions: (detail.versions ?? [])
      .slice()
      .reverse()
      .map((v) => ({
        ...v,
        methodLabel: methodLabel(v.fields.method),
        directionLabel: directionLabel(v.fields.direction),
      })),
    canWrite: detail.canWrite,
    attachments: attachmentItems(
      detail.attachments,
      page.activity.id,
      detail.canWrite && !detail.record.deleted,
    ),
    canAttach: detail.canWrite && !detail.record.deleted,
    ...extra,
    breadcrumbs: [
      ...crumbs(page),
      { text: 'Evidence', href: `/activities/${page.activity.id}/evidence` },
    ],
  });
}

function renderDelete(
  reply: FastifyReply,
  page: Page,
  record: EvidenceRecord,
  extra: Record<string, unknown>,
): FastifyReply {
  return reply.render('evidence/delete.njk', {
    title: `Delete ${record.reference}`,
    page,
    record: recordView(record, page.areas),
    fieldErrors: {},
    ...extra,
    breadcrumbs: [
      ...crumbs(page),
      { text: record.reference, href: `/activities/${page.activity.id}/evidence/${record.id}` },
    ],
  });
}
