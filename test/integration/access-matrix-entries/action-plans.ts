import type { Kysely } from 'kysely';
import type { DB } from '../../../src/data/schema.js';
import { NO_ID, type Entry, type Expect, type Ids } from '../../helpers/access-matrix.js';

// The LA's action plan and its monitoring (issue 16). Plans are the demo's Southmere plan (South
// East): read by admins, national staff and the demo team (on a team at Southmere); no matrix
// role is Southmere's own user or its region, so every reader who may not write is refused
// (their writes: integration/action-plans.test.ts). Monitoring: the visit on site now, whose
// lead is the demo lead. The LA's lists and programmes: the demo LA (Northfield).
export const actionPlanIds = { plan: NO_ID, visit: NO_ID };

export async function prepareActionPlans(db: Kysely<DB>): Promise<void> {
  const plan = await db
    .selectFrom('activities')
    .select('id')
    .where('la_id', '=', 'demo-southmere')
    .where('activity_type', '=', 'standard_inspection')
    .executeTakeFirstOrThrow();
  const visit = await db
    .selectFrom('activities')
    .select('id')
    .where('la_id', '=', 'demo-southmere')
    .where('activity_type', '=', 'focused_visit')
    .where('state', '=', 'on_site')
    .executeTakeFirstOrThrow();
  actionPlanIds.plan = plan.id;
  actionPlanIds.visit = visit.id;
}

const planRead: Expect = {
  anon: 'signin',
  admin: 'ok',
  national: 'ok',
  lead: 'ok',
  inspector: 'ok',
  qam: 'ok',
  rest: 'hidden',
};
const planWrite: Expect = {
  ...planRead,
  admin: 'denied',
  national: 'denied',
  lead: 'denied',
  inspector: 'denied',
  qam: 'denied',
};
const laRead: Expect = {
  anon: 'signin',
  regionalOther: 'hidden',
  outsider: 'hidden',
  laOther: 'hidden',
  researcher: 'hidden',
  rest: 'ok',
};
const laWrite: Expect = { ...laRead, la: 'ok', rest: 'denied' };
const monitoringRead: Expect = planRead;
// The lead is answered 400 (the body names no view): past the access check, nothing recorded.
const monitoringWrite: Expect = { ...planWrite, lead: 'ok' };

const P = () => `/activities/${actionPlanIds.plan}/action-plan`;
const AP = () => `/api/v1/activities/${actionPlanIds.plan}/action-plan`;
const M = () => `/activities/${actionPlanIds.visit}/monitoring`;
const AM = () => `/api/v1/activities/${actionPlanIds.visit}/monitoring`;
const ITEM = 'what_needs_to_improve-1';
const action = () => ({
  action: 'Matrix',
  owner: 'Matrix',
  milestone: 'Matrix',
  dueOn: '2026-01-01',
  impactMeasure: 'Matrix',
});
const LA = (i: Ids) => `/las/${i.ownLa}`;

export const actionPlanEntries: Entry[] = [
  {
    method: 'GET',
    route: '/las/:id/action-plans',
    url: (i) => `${LA(i)}/action-plans`,
    expect: laRead,
  },
  { method: 'GET', route: '/activities/:id/action-plan', url: P, expect: planRead },
  {
    method: 'GET',
    route: '/activities/:id/action-plan/items/:key',
    url: () => `${P()}/items/${ITEM}`,
    expect: planWrite,
  },
  {
    method: 'POST',
    route: '/activities/:id/action-plan/items/:key/actions',
    url: () => `${P()}/items/${ITEM}/actions`,
    body: action,
    expect: planWrite,
  },
  {
    method: 'POST',
    route: '/activities/:id/action-plan/items/:key/actions/:actionId/remove',
    url: () => `${P()}/items/${ITEM}/actions/A1/remove`,
    expect: planWrite,
  },
  {
    method: 'POST',
    route: '/activities/:id/action-plan/items/:key/updates',
    url: () => `${P()}/items/${ITEM}/updates`,
    body: () => ({ text: 'Matrix' }),
    expect: planWrite,
  },
  {
    method: 'POST',
    route: '/activities/:id/action-plan/submit',
    url: () => `${P()}/submit`,
    expect: planWrite,
  },
  {
    method: 'GET',
    route: '/activities/:id/action-plan/versions/:version',
    url: () => `${P()}/versions/1`,
    expect: planRead,
  },
  {
    method: 'POST',
    route: '/activities/:id/action-plan/versions/:version/respond',
    url: () => `${P()}/versions/1/respond`,
    body: () => ({ decision: 'acknowledge' }),
    expect: planWrite,
  },
  { method: 'GET', route: '/activities/:id/monitoring', url: M, expect: monitoringRead },
  {
    method: 'POST',
    route: '/activities/:id/monitoring/items/:key',
    url: () => `${M()}/items/${ITEM}`,
    expect: monitoringWrite,
  },
  {
    method: 'GET',
    route: '/las/:id/reform-programmes',
    url: (i) => `${LA(i)}/reform-programmes`,
    expect: laRead,
  },
  {
    method: 'POST',
    route: '/las/:id/reform-programmes',
    url: (i) => `${LA(i)}/reform-programmes`,
    expect: laWrite,
  },
  {
    method: 'GET',
    route: '/api/v1/las/:id/action-plans',
    url: (i) => `/api/v1${LA(i)}/action-plans`,
    expect: laRead,
  },
  { method: 'GET', route: '/api/v1/activities/:id/action-plan', url: AP, expect: planRead },
  {
    method: 'POST',
    route: '/api/v1/activities/:id/action-plan/items/:key/actions',
    url: () => `${AP()}/items/${ITEM}/actions`,
    body: action,
    expect: planWrite,
  },
  {
    method: 'DELETE',
    route: '/api/v1/activities/:id/action-plan/items/:key/actions/:actionId',
    url: () => `${AP()}/items/${ITEM}/actions/A1`,
    expect: planWrite,
  },
  {
    method: 'POST',
    route: '/api/v1/activities/:id/action-plan/items/:key/updates',
    url: () => `${AP()}/items/${ITEM}/updates`,
    body: () => ({ text: 'Matrix' }),
    expect: planWrite,
  },
  {
    method: 'POST',
    route: '/api/v1/activities/:id/action-plan/submissions',
    url: () => `${AP()}/submissions`,
    expect: planWrite,
  },
  {
    method: 'GET',
    route: '/api/v1/activities/:id/action-plan/versions/:version',
    url: () => `${AP()}/versions/1`,
    expect: planRead,
  },
  {
    method: 'POST',
    route: '/api/v1/activities/:id/action-plan/versions/:version/response',
    url: () => `${AP()}/versions/1/response`,
    body: () => ({ decision: 'acknowledge' }),
    expect: planWrite,
  },
  { method: 'GET', route: '/api/v1/activities/:id/monitoring', url: AM, expect: monitoringRead },
  {
    method: 'POST',
    route: '/api/v1/activities/:id/monitoring/items/:key',
    url: () => `${AM()}/items/${ITEM}`,
    // The API checks the body's shape first: a well-formed one (the lead records it).
    body: () => ({ view: 'progress', reason: 'Matrix' }),
    expect: monitoringWrite,
  },
  {
    method: 'GET',
    route: '/api/v1/las/:id/reform-programmes',
    url: (i) => `/api/v1${LA(i)}/reform-programmes`,
    expect: laRead,
  },
  {
    method: 'POST',
    route: '/api/v1/las/:id/reform-programmes',
    url: (i) => `/api/v1${LA(i)}/reform-programmes`,
    body: () => ({ name: '', aims: '', startsOn: '' }),
    expect: laWrite,
  },
  {
    method: 'PATCH',
    route: '/api/v1/las/:id/reform-programmes/:programmeId',
    url: (i) => `/api/v1${LA(i)}/reform-programmes/${NO_ID}`,
    body: () => ({ name: '', aims: '', startsOn: '' }),
    expect: laWrite,
  },
];
