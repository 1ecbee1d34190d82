// The programme's JSON API (issue 14), as the pages: a region's runs and a new solve for national
// staff, admins and the region's regional staff (another region's staff learn nothing of North
// West, not even what is wrong with the request); a run, its explanation, board, re-solves,
// comparison and publication, and a solve job: the demo has none, so every signed-in role meets
// the same 404. The LA timeline: whoever may read the LA (planned dates only for its planners).
import type { Entry, Expect } from '../../helpers/access-matrix.js';
import { NO_ID, everyone, noSuchItem } from '../../helpers/access-matrix.js';

const northWestPlanners: Expect = {
  anon: 'signin',
  admin: 'ok',
  national: 'ok',
  regional: 'ok',
  rest: 'hidden',
};
const P = '/api/v1/programme';
const run = (path: string) => `${P}/runs/${NO_ID}${path}`;

export const programmeApiEntries: Entry[] = [
  {
    method: 'POST',
    route: `${P}/solves`,
    url: () => `${P}/solves`,
    // No date: refused as invalid after the access check (nothing is queued).
    body: () => ({ region: 'north-west', timeLimitSeconds: 5 }),
    expect: northWestPlanners,
  },
  {
    method: 'GET',
    route: `${P}/solves/:jobId`,
    url: () => `${P}/solves/${NO_ID}`,
    expect: noSuchItem,
  },
  {
    method: 'GET',
    route: `${P}/runs`,
    url: () => `${P}/runs?region=north-west`,
    expect: northWestPlanners,
  },
  { method: 'GET', route: `${P}/runs/:id`, url: () => run(''), expect: noSuchItem },
  {
    method: 'GET',
    route: `${P}/runs/:id/explanation`,
    url: () => run('/explanation'),
    expect: noSuchItem,
  },
  { method: 'GET', route: `${P}/runs/:id/board`, url: () => run('/board'), expect: noSuchItem },
  {
    method: 'POST',
    route: `${P}/runs/:id/resolve`,
    url: () => run('/resolve'),
    body: () => ({ timeLimitSeconds: 5 }),
    expect: noSuchItem,
  },
  {
    method: 'POST',
    route: `${P}/runs/:id/pin`,
    url: () => run('/pin'),
    body: () => ({ la: 'blackpool', week: '2027-01-04' }),
    expect: noSuchItem,
  },
  {
    method: 'POST',
    route: `${P}/runs/:id/what-if`,
    url: () => run('/what-if'),
    body: () => ({ risk: [{ la: 'blackpool', level: 'high' }] }),
    expect: noSuchItem,
  },
  {
    method: 'POST',
    route: `${P}/runs/:id/publish`,
    url: () => run('/publish'),
    expect: noSuchItem,
  },
  {
    method: 'GET',
    route: `${P}/compare`,
    url: () => `${P}/compare?a=${NO_ID}&b=${NO_ID}`,
    expect: noSuchItem,
  },
  {
    method: 'GET',
    route: '/api/v1/las/:id/timeline',
    url: (i) => `/api/v1/las/${i.ownLa}/timeline`,
    expect: { ...everyone, laOther: 'hidden' },
  },
];
