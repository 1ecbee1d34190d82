// The local authority register and each authority's page: codes, reorganisations, inspection
// history as a timeline, and the activities the viewer may see there.
import { z } from 'zod';
import { policies } from '../../../domain/access/policies.js';
import { ofstedRegions } from '../../../domain/access/roles.js';
import {
  gradeKeys,
  gradeLabels,
  judgementKeys,
  judgementLabels,
} from '../../../domain/history/types.js';
import { listMyActivities } from '../../../usecases/activities/list-my-activities.js';
import { getLa } from '../../../usecases/las/get-la.js';
import { listLas } from '../../../usecases/las/list-las.js';
import type { CursorKey } from '../../../domain/paging/cursor.js';
import { decodeSeek, seekSlice, type SeekPosition } from '../../../domain/paging/seek.js';
import { formErrors, type Problem } from '../form-problems.js';
import { queryString, seekPagination } from './page-helpers.js';
import { useCaseContext } from '../helpers.js';
import type { RouteModule } from '../index.js';

const RegisterQuery = z.object({
  q: z.string().default(''),
  region: z.string().default(''),
  grade: z.string().default(''),
  former: z.string().default(''),
  after: z.string().max(2000).default(''),
});

/** Authorities a page of the register lists. */
const LA_PAGE = 50;
/** The register's order: name as people sort it, then code (a unique tiebreaker). */
const byName = (a: CursorKey, b: CursorKey): number =>
  String(a[0]).localeCompare(String(b[0]), 'en-GB', { sensitivity: 'base' }) ||
  (String(a[1]) < String(b[1]) ? -1 : String(a[1]) > String(b[1]) ? 1 : 0);
const IdParams = z.object({ id: z.string().max(200) });

/** GOV.UK tag colour for each grade. */
const gradeColours: Record<string, string> = {
  outstanding: 'green',
  good: 'turquoise',
  requires_improvement: 'yellow',
  inadequate: 'red',
};

export const viewLabels = { gradeLabels, gradeColours, judgementLabels, judgementKeys };

export const registerLaRoutes: RouteModule = (app, ctx) => {
  app.get('/las', async (request, reply) => {
    const parsed = RegisterQuery.safeParse(request.query);
    const q = parsed.success ? parsed.data : RegisterQuery.parse({});
    const problems: Problem[] = [];
    const search = q.q.trim();
    if (search.length > 100)
      problems.push({ field: 'q', reason: 'The search must be 100 characters or fewer' });
    if (q.region && !(ofstedRegions as readonly string[]).includes(q.region)) {
      problems.push({ field: 'region', reason: 'Select a region from the list' });
    }
    if (q.grade && !(gradeKeys as readonly string[]).includes(q.grade)) {
      problems.push({ field: 'grade', reason: 'Select a grade from the list' });
    }
    const las = await listLas(
      useCaseContext(request, ctx),
      problems.length > 0
        ? {}
        : {
            ...(search ? { search } : {}),
            ...(q.region ? { region: q.region as (typeof ofstedRegions)[number] } : {}),
            ...(q.grade ? { grade: q.grade as (typeof gradeKeys)[number] } : {}),
            includeFormer: q.former === 'yes',
          },
    );
    let at: SeekPosition | null = null;
    try {
      at = q.after ? decodeSeek(q.after, 2) : null;
    } catch {
      problems.push({ field: 'q', reason: 'That page of the list is out of date: search again' });
    }
    const keyOf = (la: { name: string; id: string }): CursorKey => [la.name, la.id];
    const sorted = [...las].sort((a, b) => byName(keyOf(a), keyOf(b)));
    const page = seekSlice(sorted, LA_PAGE, at, keyOf, byName);
    const paged = seekPagination(
      page,
      (token) =>
        `/las?${queryString({ q: search, region: q.region, grade: q.grade, former: q.former, after: token })}`,
      { one: 'local authority', many: 'local authorities' },
      'Pages of the register',
      LA_PAGE,
    );
    if (problems.length > 0) reply.status(400);
    return reply.render('las/list.njk', {
      las: page.items,
      total: page.total,
      showing: paged.showing,
      pagination: paged.pagination,
      q,
      regions: ofstedRegions,
      grades: gradeKeys.map((g) => ({ value: g, text: gradeLabels[g] })),
      filtered: Boolean(search || q.region || q.grade || q.former),
      canAnalyseHistory: policies.analyseHistory(useCaseContext(request, ctx).actor),
      canViewReviewTables: policies.viewReviewTables(useCaseContext(request, ctx).actor),
      ...viewLabels,
      ...(problems.length > 0 ? formErrors(problems) : {}),
      breadcrumbs: [{ text: 'Home', href: '/home' }],
    });
  });

  app.get('/las/:id', async (request, reply) => {
    const { id } = IdParams.parse(request.params);
    const uc = useCaseContext(request, ctx);
    const detail = await getLa(uc, { id });
    // Codes and names resolve to the authority; show it at its own address.
    if (detail.la.id !== id) return reply.redirect(`/las/${encodeURIComponent(detail.la.id)}`, 301);
    const activities = await listMyActivities(uc, { laId: detail.la.id });
    const history = detail.history.map((h) => ({
      ...h,
      frameworkName: h.frameworkId ? ctx.catalog.frameworkName(h.frameworkId) : null,
      gradeList: judgementKeys.flatMap((k) =>
        h.grades[k] ? [{ judgement: k, grade: h.grades[k] }] : [],
      ),
    }));
    return reply.render('las/show.njk', {
      ...detail,
      history,
      activities,
      population: detail.la.population0to17?.toLocaleString('en-GB') ?? null,
      // An inspector's visible activities here are their teams' (listMyActivities).
      canViewRisk: policies.viewRiskPicture(
        uc.actor,
        { id: detail.la.id, region: detail.la.ofstedRegion },
        activities.length > 0,
      ),
      canViewSharedIntelligence: policies.viewSharedIntelligence(uc.actor, {
        id: detail.la.id,
        region: detail.la.ofstedRegion,
      }),
      // The rest of the LA's picture, each link shown to whoever may open it.
      pictureLinks: laPictureLinks(uc.actor, detail.la, activities.length > 0),
      canCreateActivity:
        detail.current &&
        policies.createActivity(uc.actor, { id: detail.la.id, region: detail.la.ofstedRegion }),
      ...viewLabels,
      breadcrumbs: [
        { text: 'Home', href: '/home' },
        { text: 'Local authorities', href: '/las' },
      ],
    });
  });
};

/** Links from an LA's page to its statistics, self-evaluation and engagement meetings. */
function laPictureLinks(
  actor: Parameters<typeof policies.viewSelfEvaluations>[0],
  la: { id: string; ofstedRegion: string | null },
  onTeam: boolean,
): { href: string; text: string }[] {
  const facts = { id: la.id, region: la.ofstedRegion };
  const base = `/las/${encodeURIComponent(la.id)}`;
  return [
    policies.viewNationalStatistics(actor, facts, onTeam) && {
      href: `${base}/statistics`,
      text: 'National statistics',
    },
    policies.viewSelfEvaluations(actor, facts, onTeam) && {
      href: `${base}/self-evaluation`,
      text: 'Self-evaluation of social work practice',
    },
    (policies.viewEngagementMeetings(actor, facts, onTeam) ||
      policies.viewReleasedMeetingNotes(actor, facts)) && {
      href: `${base}/engagement`,
      text: 'Annual engagement meetings',
    },
    policies.viewActionPlan(actor, facts, onTeam) && {
      href: `${base}/action-plans`,
      text: 'Action plans after inspection',
    },
    policies.viewActionPlan(actor, facts, onTeam) && {
      href: `${base}/reform-programmes`,
      text: 'Reform and improvement programme',
    },
  ].filter((l): l is { href: string; text: string } => Boolean(l));
}
