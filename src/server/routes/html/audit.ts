// The audit log: the whole log for administrators and the national team, one activity's trail for
// those allowed to see it. Newest first, with "Older events" paging by sequence number.
import { addDays, startOfDayInEngland } from '../../../clock.js';
import { z } from 'zod';
import { auditActions } from '../../../domain/audit/actions.js';
import { browseAuditLog, type AuditPage } from '../../../usecases/audit/browse-audit-log.js';
import { dateFromParts, formErrors, type Problem } from '../form-problems.js';
import { useCaseContext } from '../helpers.js';
import type { RouteModule } from '../index.js';

const PAGE_SIZE = 50;
const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const AuditQuery = z.object({
  action: z.string().max(100).default(''),
  entityType: z.string().max(100).default(''),
  actorId: z.string().max(100).default(''),
  'from-day': z.string().max(10).default(''),
  'from-month': z.string().max(10).default(''),
  'from-year': z.string().max(10).default(''),
  'to-day': z.string().max(10).default(''),
  'to-month': z.string().max(10).default(''),
  'to-year': z.string().max(10).default(''),
  before: z.string().regex(/^\d*$/).max(20).default(''),
});
type AuditQuery = z.output<typeof AuditQuery>;
const IdParams = z.object({ id: z.string() });

const actionOptions = Object.entries(auditActions).map(([value, text]) => ({
  value,
  text: `${value}: ${text}`,
}));

// Days are England's: a day runs from midnight to midnight in Europe/London (BST in summer).
function nextDay(iso: string): Date {
  return startOfDayInEngland(addDays(iso, 1));
}

/** Validates the filter form; returns the use-case filter and any problems to show. */
function readFilter(q: AuditQuery) {
  const problems: Problem[] = [];
  if (q.action && !Object.hasOwn(auditActions, q.action))
    problems.push({ field: 'action', reason: 'Select an action from the list' });
  if (q.actorId && !uuid.test(q.actorId))
    problems.push({ field: 'actorId', reason: 'Select a person from the list' });
  const from = dateFromParts(
    { day: q['from-day'], month: q['from-month'], year: q['from-year'] },
    '‘from’ date',
    {
      required: false,
    },
  );
  if (from.problem) problems.push({ field: 'from', reason: from.problem });
  const to = dateFromParts(
    { day: q['to-day'], month: q['to-month'], year: q['to-year'] },
    '‘to’ date',
    {
      required: false,
    },
  );
  if (to.problem) problems.push({ field: 'to', reason: to.problem });
  if (from.value && to.value && to.value < from.value) {
    problems.push({
      field: 'to',
      reason: 'The ‘to’ date must be the same as or after the ‘from’ date',
    });
  }
  const filter = {
    ...(q.action && !problems.some((p) => p.field === 'action') ? { action: q.action } : {}),
    ...(q.entityType ? { entityType: q.entityType } : {}),
    ...(q.actorId && uuid.test(q.actorId) ? { actorId: q.actorId } : {}),
    ...(from.value ? { from: startOfDayInEngland(from.value) } : {}),
    // The 'to' date is inclusive: everything before the start of the next day.
    ...(to.value ? { to: nextDay(to.value) } : {}),
    ...(q.before ? { before: Number(q.before) } : {}),
    limit: PAGE_SIZE,
  };
  return { filter, problems };
}

/** The query string for the next page: the same filters, older than `before`. */
function olderHref(base: string, q: AuditQuery, page: AuditPage): string | null {
  if (page.olderBefore === null) return null;
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(q)) if (v && k !== 'before') params.set(k, v);
  params.set('before', String(page.olderBefore));
  return `${base}?${params.toString()}`;
}

function newestHref(base: string, q: AuditQuery): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(q)) if (v && k !== 'before') params.set(k, v);
  const s = params.toString();
  return s ? `${base}?${s}` : base;
}

export const registerAuditRoutes: RouteModule = (app, ctx) => {
  app.get('/audit', async (request, reply) => {
    const parsed = AuditQuery.safeParse(request.query);
    const q = parsed.success ? parsed.data : AuditQuery.parse({});
    const { filter, problems } = readFilter(q);
    const page = await browseAuditLog(
      useCaseContext(request, ctx),
      problems.length > 0 ? { limit: PAGE_SIZE } : filter,
    );
    if (problems.length > 0) reply.status(400);
    return reply.render('audit/list.njk', {
      ...page,
      q,
      actionOptions,
      showFilters: true,
      olderHref: olderHref('/audit', q, page),
      newestHref: q.before ? newestHref('/audit', q) : null,
      ...(problems.length > 0 ? formErrors(problems, { from: 'from-day', to: 'to-day' }) : {}),
      breadcrumbs: [{ text: 'Home', href: '/home' }],
    });
  });

  app.get('/activities/:id/audit', async (request, reply) => {
    const { id } = IdParams.parse(request.params);
    const parsed = AuditQuery.safeParse(request.query);
    const q = parsed.success ? parsed.data : AuditQuery.parse({});
    const base = `/activities/${id}/audit`;
    if (!uuid.test(id)) return reply.callNotFound();
    const page = await browseAuditLog(useCaseContext(request, ctx), {
      activityId: id,
      limit: PAGE_SIZE,
      ...(q.before ? { before: Number(q.before) } : {}),
    });
    if (!page.activity) return reply.callNotFound();
    return reply.render('audit/list.njk', {
      ...page,
      q,
      showFilters: false,
      olderHref: olderHref(base, { ...AuditQuery.parse({}), before: q.before }, page),
      newestHref: q.before ? base : null,
      breadcrumbs: [
        { text: 'Home', href: '/home' },
        { text: page.activity.title, href: `/activities/${id}` },
      ],
    });
  });
};
