import type { Entry, Expect, Ids } from '../../helpers/access-matrix.js';

// What an inspection asked for against what it used, and its burden (issue 16). The demo
// inspection is on site (not published): the inspectorate reads its data-used statement, the LA
// does not yet (hidden). The LA's effort: whoever sees the activity reads it; only the LA's own
// users record it. Working time per person: the team only (lead and QAM all, others their own);
// national views: admins and national staff, aggregates only.
const inspectorate: Expect = {
  anon: 'signin',
  regionalOther: 'hidden',
  outsider: 'hidden',
  la: 'hidden',
  laOther: 'hidden',
  researcher: 'hidden',
  rest: 'ok',
};
const effortRead: Expect = { ...inspectorate, la: 'ok' };
const effortWrite: Expect = { ...inspectorate, la: 'ok', rest: 'denied' };
const team: Expect = {
  anon: 'signin',
  lead: 'ok',
  inspector: 'ok',
  qam: 'ok',
  analyst: 'ok',
  rest: 'hidden',
};
const national: Expect = { anon: 'signin', admin: 'ok', national: 'ok', rest: 'hidden' };
const A = (i: Ids) => i.activity;

export const burdenEntries: Entry[] = [
  {
    method: 'GET',
    route: '/activities/:id/data-used',
    url: (i) => `/activities/${A(i)}/data-used`,
    expect: inspectorate,
  },
  {
    method: 'GET',
    route: '/api/v1/activities/:id/data-used',
    url: (i) => `/api/v1/activities/${A(i)}/data-used`,
    expect: inspectorate,
  },
  {
    method: 'GET',
    route: '/data-used/national',
    url: () => '/data-used/national',
    expect: national,
  },
  {
    method: 'GET',
    route: '/api/v1/data-used/national',
    url: () => '/api/v1/data-used/national',
    expect: national,
  },
  {
    method: 'GET',
    route: '/activities/:id/burden',
    url: (i) => `/activities/${A(i)}/burden`,
    expect: effortRead,
  },
  {
    method: 'POST',
    route: '/activities/:id/burden',
    url: (i) => `/activities/${A(i)}/burden`,
    body: () => ({ hours_other: '1', days_other: '0' }),
    expect: effortWrite,
  },
  {
    method: 'GET',
    route: '/api/v1/activities/:id/burden',
    url: (i) => `/api/v1/activities/${A(i)}/burden`,
    expect: effortRead,
  },
  {
    method: 'POST',
    route: '/api/v1/activities/:id/burden',
    url: (i) => `/api/v1/activities/${A(i)}/burden`,
    body: () => ({ lines: [{ kind: 'other', linkPersonHours: 1, staffDays: 0 }] }),
    expect: effortWrite,
  },
  { method: 'GET', route: '/burden/national', url: () => '/burden/national', expect: national },
  {
    method: 'GET',
    route: '/api/v1/burden/national',
    url: () => '/api/v1/burden/national',
    expect: national,
  },
  {
    method: 'GET',
    route: '/activities/:id/working-time',
    url: (i) => `/activities/${A(i)}/working-time`,
    expect: team,
  },
  {
    method: 'GET',
    route: '/api/v1/activities/:id/working-time',
    url: (i) => `/api/v1/activities/${A(i)}/working-time`,
    expect: team,
  },
  {
    method: 'GET',
    route: '/working-time/national',
    url: () => '/working-time/national',
    expect: national,
  },
  {
    method: 'GET',
    route: '/api/v1/working-time/national',
    url: () => '/api/v1/working-time/national',
    expect: national,
  },
];
