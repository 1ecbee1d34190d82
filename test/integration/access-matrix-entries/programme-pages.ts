// The programme pages (issue 14): a region's runs and the solve form for national staff, admins
// and regional staff (their own region; another region's staff are shown their own); a run, its
// pins, what-ifs, comparison and publication, and a solve's progress page: the demo has no run
// and no solve job here, so every signed-in role meets the same 404 (no run reveals anything).
import type { Entry, Expect } from '../../helpers/access-matrix.js';
import { NO_ID, everyone, noSuchItem } from '../../helpers/access-matrix.js';

const planners: Expect = {
  anon: 'signin',
  admin: 'ok',
  national: 'ok',
  regional: 'ok',
  regionalOther: 'ok',
  rest: 'hidden',
};
// The form names North West: another region's staff do not learn its runs.
const solveNorthWest: Expect = { ...planners, regionalOther: 'hidden' };

export const programmePageEntries: Entry[] = [
  // The LA timeline: whoever may read the LA (its planned part only for its region's planners).
  {
    method: 'GET',
    route: '/las/:id/timeline',
    url: (i) => `/las/${i.ownLa}/timeline`,
    expect: { ...everyone, laOther: 'hidden' },
  },
  { method: 'GET', route: '/programme', url: () => '/programme', expect: planners },
  {
    method: 'POST',
    route: '/programme/solve',
    url: () => '/programme/solve',
    // No date: the form comes back with its problem (nothing is queued).
    body: () => ({ region: 'North West', timeLimitSeconds: '5' }),
    expect: solveNorthWest,
  },
  {
    method: 'GET',
    route: '/programme/solves/:jobId',
    url: () => `/programme/solves/${NO_ID}`,
    expect: noSuchItem,
  },
  {
    method: 'GET',
    route: '/programme/runs/:id',
    url: () => `/programme/runs/${NO_ID}`,
    expect: noSuchItem,
  },
  {
    method: 'POST',
    route: '/programme/runs/:id/resolve',
    url: () => `/programme/runs/${NO_ID}/resolve`,
    body: () => ({ timeLimitSeconds: '5' }),
    expect: noSuchItem,
  },
  {
    method: 'POST',
    route: '/programme/runs/:id/pin',
    url: () => `/programme/runs/${NO_ID}/pin`,
    body: () => ({ laId: 'blackpool', activityType: 'focused_visit', week: '2027-01-04' }),
    expect: noSuchItem,
  },
  {
    method: 'POST',
    route: '/programme/runs/:id/what-if',
    url: () => `/programme/runs/${NO_ID}/what-if`,
    body: () => ({ laId: 'blackpool', level: 'high' }),
    expect: noSuchItem,
  },
  {
    method: 'GET',
    route: '/programme/runs/:id/publish',
    url: () => `/programme/runs/${NO_ID}/publish`,
    expect: noSuchItem,
  },
  {
    method: 'POST',
    route: '/programme/runs/:id/publish',
    url: () => `/programme/runs/${NO_ID}/publish`,
    expect: noSuchItem,
  },
  {
    method: 'GET',
    route: '/programme/compare',
    url: () => `/programme/compare?a=${NO_ID}&b=${NO_ID}`,
    expect: noSuchItem,
  },
];
