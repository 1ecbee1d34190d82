// Lines of enquiry and hypotheses: the list with a create form, and one line's page: what it is
// about (its focus), linked evidence (link by reference, unlink), the challenging evidence the
// system finds (opposite-direction passages, uncoded matching passages, sampled cases without
// evidence) with a form recording that they were reviewed, and its status. Closing is refused,
// with the list of what is unreviewed, until the challenges were reviewed.
import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import { AppError } from '../../../errors.js';
import { changeEnquiryStatus } from '../../../usecases/analysis/change-enquiry-status.js';
import { getEnquiryChallenges } from '../../../usecases/analysis/get-enquiry-challenges.js';
import { linkEnquiryEvidence } from '../../../usecases/analysis/link-enquiry-evidence.js';
import { reviewChallenges } from '../../../usecases/analysis/review-challenges.js';
import { setEnquiryFocus } from '../../../usecases/analysis/set-enquiry-focus.js';
import { unlinkEnquiryEvidence } from '../../../usecases/analysis/unlink-enquiry-evidence.js';
import { findEvidenceByReference } from '../../../usecases/evidence/find-evidence-by-reference.js';
import { getEvidencePageContext } from '../../../usecases/evidence/get-evidence-page-context.js';
import { createLineOfEnquiry } from '../../../usecases/analysis/create-line-of-enquiry.js';
import { listLinesOfEnquiry } from '../../../usecases/analysis/list-lines-of-enquiry.js';
import { formErrors, noticeFor, problemsFrom, type Problem } from '../form-problems.js';
import { useCaseContext } from '../helpers.js';
import type { RouteModule } from '../index.js';
import { many, one } from './evidence-form.js';
import { directionLabel } from './evidence.js';
import { crumbs, markedHtml } from './page-helpers.js';

const IdParams = z.object({ id: z.string().max(200) });
const LineParams = z.object({ id: z.string().max(200), lineId: z.string().max(200) });
const LinkParams = LineParams.extend({ linkId: z.string().max(200) });
type Body = Record<string, unknown>;
type Uc = ReturnType<typeof useCaseContext>;

export const sourceLabels: Record<string, string> = {
  data: 'Data',
  inspector: 'Inspector',
  self_evaluation: 'Self-evaluation',
  previous_inspection: 'Previous inspection',
  intelligence: 'Intelligence',
  other: 'Other',
};
const statusLabels: Record<string, string> = {
  open: 'Open',
  exploring: 'Exploring',
  closed: 'Closed',
};
const kindTitles: Record<string, string> = {
  opposite_direction: 'Coded to its criteria, pointing the other way',
  uncoded_match: 'Using its terms, not coded to its criteria',
  unseen_case: 'Sampled cases with no evidence yet',
};
const notices = {
  created: 'The line of enquiry has been created.',
  focus:
    'What it is about has been saved. The challenging evidence below has been looked for again.',
  linked: 'The evidence has been linked.',
  unlinked: 'The evidence has been unlinked.',
  reviewed: 'The review has been recorded.',
  status: 'The status has been changed.',
};

export const registerAnalysisEnquiryRoutes: RouteModule = (app, ctx) => {
  app.get('/activities/:id/enquiries', async (request, reply) => {
    const { id } = IdParams.parse(request.params);
    const { done } = z.object({ done: z.string().optional() }).parse(request.query);
    return renderList(reply, useCaseContext(request, ctx), id, {
      notice: noticeFor(done, notices),
    });
  });

  app.post('/activities/:id/enquiries', async (request, reply) => {
    const { id } = IdParams.parse(request.params);
    const body = (request.body ?? {}) as Body;
    const uc = useCaseContext(request, ctx);
    const page = await getEvidencePageContext(uc, { activityId: id, codes: true });
    if (!page.canWrite) throw new AppError('FORBIDDEN');
    const values = {
      title: one(body.title).trim(),
      description: one(body.description),
      source: one(body.source) || 'inspector',
      judgementAreas: many(body.judgementAreas),
      kind: one(body.kind) === 'hypothesis' ? 'hypothesis' : 'line_of_enquiry',
      direction: one(body.direction),
      codeIds: many(body.codeIds),
      searchTerms: one(body.searchTerms).trim(),
    };
    if (!values.title) {
      reply.status(400);
      return renderList(reply, uc, id, {
        ...formErrors([{ field: 'title', reason: 'Enter the line of enquiry or hypothesis' }]),
        values,
      });
    }
    let lineId: string | null = null;
    try {
      const line = await createLineOfEnquiry(uc, {
        activityId: id,
        title: values.title,
        description: values.description || null,
        source: values.source as 'inspector',
        judgementAreas: values.judgementAreas,
      });
      lineId = line.id;
      if (values.kind === 'hypothesis' || values.codeIds.length || values.searchTerms)
        await setEnquiryFocus(uc, focusInput(line.id, values));
    } catch (err) {
      const r = problemsFrom(err, ['VALIDATION_FAILED'], { defaultField: 'title' });
      // The line exists even when its focus was refused: say so on its own page.
      if (lineId)
        return renderLine(reply.status(r.status), uc, id, lineId, { problems: r.problems });
      reply.status(r.status);
      return renderList(reply, uc, id, { ...formErrors(r.problems), values });
    }
    return reply.redirect(`/activities/${id}/enquiries/${lineId}?done=created`, 303);
  });

  app.get('/activities/:id/enquiries/:lineId', async (request, reply) => {
    const { id, lineId } = LineParams.parse(request.params);
    const { done } = z.object({ done: z.string().optional() }).parse(request.query);
    return renderLine(reply, useCaseContext(request, ctx), id, lineId, {
      notice: noticeFor(done, notices),
    });
  });

  /** Runs a change; on an expected refusal the line's page comes back with the problems. */
  const change = (
    path: string,
    run: (uc: Uc, p: z.infer<typeof LinkParams>, body: Body) => Promise<unknown>,
    done: keyof typeof notices,
  ) =>
    app.post(path, async (request, reply) => {
      const p = LinkParams.partial({ linkId: true }).parse(request.params) as z.infer<
        typeof LinkParams
      >;
      const uc = useCaseContext(request, ctx);
      const body = (request.body ?? {}) as Body;
      try {
        await run(uc, p, body);
      } catch (err) {
        const r = problemsFrom(err, ['VALIDATION_FAILED', 'INVALID_TRANSITION', 'CONFLICT'], {
          defaultField: done === 'status' ? 'status' : 'reference',
          fields: { evidenceId: 'reference', end: 'reference', lineOfEnquiryId: 'status' },
        });
        reply.status(r.status);
        // A refused close says why first, then lists each unreviewed challenge.
        const message = (err as AppError).message;
        const problems =
          r.code === 'INVALID_TRANSITION' && !r.problems.some((x) => x.reason === message)
            ? [{ field: 'status', reason: message }, ...r.problems]
            : r.problems;
        return renderLine(reply, uc, p.id, p.lineId, { problems, values: body });
      }
      // Linking and reviewing come back to the challenging evidence, where the person was.
      const at = done === 'linked' || done === 'reviewed' ? '#challenges' : '';
      return reply.redirect(`/activities/${p.id}/enquiries/${p.lineId}?done=${done}${at}`, 303);
    });

  change(
    '/activities/:id/enquiries/:lineId/focus',
    async (uc, p, body) => {
      await setEnquiryFocus(uc, {
        activityId: p.id,
        ...focusInput(p.lineId, {
          kind: one(body.kind),
          direction: one(body.direction),
          codeIds: many(body.codeIds),
          searchTerms: one(body.searchTerms).trim(),
        }),
        ...(/^\d+$/.test(one(body.expectedVersion))
          ? { expectedVersion: Number(one(body.expectedVersion)) }
          : {}),
      });
    },
    'focus',
  );

  change(
    '/activities/:id/enquiries/:lineId/evidence',
    async (uc, p, body) => {
      const record = await findEvidenceByReference(uc, {
        activityId: p.id,
        reference: one(body.reference),
      });
      if (!record)
        throw new AppError('VALIDATION_FAILED', {
          details: [
            {
              field: 'reference',
              reason: 'Enter the reference of evidence in this activity, like E12',
            },
          ],
        });
      const stance = one(body.stance) === 'challenges' ? 'challenges' : 'supports';
      const note = one(body.note).trim();
      await linkEnquiryEvidence(uc, {
        activityId: p.id,
        lineOfEnquiryId: p.lineId,
        evidenceId: record,
        stance,
        ...(note ? { note } : {}),
      });
    },
    'linked',
  );

  change(
    '/activities/:id/enquiries/:lineId/evidence/:linkId/unlink',
    async (uc, p) => {
      await unlinkEnquiryEvidence(uc, {
        activityId: p.id,
        lineOfEnquiryId: p.lineId,
        linkId: p.linkId,
      });
    },
    'unlinked',
  );

  change(
    '/activities/:id/enquiries/:lineId/reviews',
    async (uc, p, body) => {
      const items = many(body.items).map((v) => {
        const [kind = '', itemId = ''] = v.split(':');
        return { kind: kind as 'unseen_case', id: itemId };
      });
      const outcome = one(body.outcome);
      const problems: Problem[] = [];
      if (items.length === 0)
        problems.push({ field: 'items', reason: 'Select what you looked at' });
      if (!['supports', 'challenges', 'not_relevant'].includes(outcome))
        problems.push({ field: 'outcome', reason: 'Select what it showed' });
      if (!one(body.note).trim()) problems.push({ field: 'note', reason: 'Say what you found' });
      if (problems.length)
        throw new AppError('VALIDATION_FAILED', {
          details: problems.map((x) => ({ field: x.field ?? '', reason: x.reason })),
        });
      await reviewChallenges(uc, {
        activityId: p.id,
        lineOfEnquiryId: p.lineId,
        items,
        outcome: outcome as 'supports',
        note: one(body.note),
      });
    },
    'reviewed',
  );

  change(
    '/activities/:id/enquiries/:lineId/status',
    async (uc, p, body) => {
      const status = one(body.status);
      if (!['open', 'exploring', 'closed'].includes(status))
        throw new AppError('VALIDATION_FAILED', {
          details: [{ field: 'status', reason: 'Select the new status' }],
        });
      const conclusion = one(body.conclusion).trim();
      const reason = one(body.reason).trim();
      await changeEnquiryStatus(uc, {
        activityId: p.id,
        lineOfEnquiryId: p.lineId,
        status: status as 'closed',
        ...(conclusion ? { conclusion } : {}),
        ...(reason ? { reason } : {}),
        ...(/^\d+$/.test(one(body.expectedVersion))
          ? { expectedVersion: Number(one(body.expectedVersion)) }
          : {}),
      });
    },
    'status',
  );
};

function focusInput(
  lineId: string,
  v: { kind: string; direction: string; codeIds: string[]; searchTerms: string },
) {
  return {
    lineOfEnquiryId: lineId,
    kind: v.kind === 'hypothesis' ? ('hypothesis' as const) : ('line_of_enquiry' as const),
    direction:
      v.direction === 'strength' || v.direction === 'area_for_improvement'
        ? (v.direction as 'strength' | 'area_for_improvement')
        : null,
    codeIds: v.codeIds,
    searchTerms: v.searchTerms || null,
  };
}

async function renderList(
  reply: FastifyReply,
  uc: Uc,
  id: string,
  extra: Record<string, unknown>,
): Promise<FastifyReply> {
  const page = await getEvidencePageContext(uc, { activityId: id, codes: true });
  const lines = await listLinesOfEnquiry(uc, { activityId: id });
  return reply.render('analysis/enquiries.njk', {
    title: 'Lines of enquiry and hypotheses',
    page,
    lines: lines.map((l) => ({
      ...l,
      statusLabel: statusLabels[l.status] ?? l.status,
      areaTitles: l.judgementAreas.map((k) => page.areas.find((a) => a.key === k)?.title ?? k),
    })),
    sources: Object.entries(sourceLabels).map(([value, text]) => ({ value, text })),
    values: { judgementAreas: [], codeIds: [] },
    fieldErrors: {},
    ...extra,
    breadcrumbs: crumbs(page),
  });
}

async function renderLine(
  reply: FastifyReply,
  uc: Uc,
  id: string,
  lineId: string,
  extra: { notice?: string | undefined; problems?: Problem[]; values?: Body },
): Promise<FastifyReply> {
  const page = await getEvidencePageContext(uc, { activityId: id, codes: true });
  const view = await getEnquiryChallenges(uc, { lineOfEnquiryId: lineId, activityId: id });
  const groups = Object.entries(kindTitles).map(([kind, title]) => ({
    kind,
    title,
    items: view.challenges
      .filter((c) => c.kind === kind)
      .map((c) => ({
        ...c,
        value: `${c.kind}:${c.id}`,
        href: c.kind === 'unseen_case' ? null : `/activities/${id}/evidence/${c.id}`,
        excerpts: c.excerpts.map((e) => markedHtml(e.text, e.highlights, e.start)),
      })),
  }));
  const anchors = { items: 'items', outcome: 'outcome', note: 'note', challenges: 'status' };
  return reply.render('analysis/enquiry.njk', {
    title: view.line.title,
    page,
    view,
    line: {
      ...view.line,
      statusLabel: statusLabels[view.line.status] ?? view.line.status,
      sourceLabel: sourceLabels[view.line.source] ?? view.line.source,
      areaTitles: view.line.judgementAreas.map(
        (k) => page.areas.find((a) => a.key === k)?.title ?? k,
      ),
    },
    directionText: directionLabel(view.direction),
    focusCodes: (view.focus?.codeIds ?? []).map(
      (cid) => page.codes.find((c) => c.id === cid)?.label ?? cid,
    ),
    links: view.links.map((l) => ({
      ...l,
      href: `/activities/${id}/evidence/${l.evidenceId}`,
      directionLabel: directionLabel(l.direction),
    })),
    groups,
    notice: extra.notice,
    values: extra.values ?? {},
    ...formErrors(extra.problems ?? [], anchors),
    breadcrumbs: [
      ...crumbs(page),
      { text: 'Lines of enquiry', href: `/activities/${id}/enquiries` },
    ],
  });
}
