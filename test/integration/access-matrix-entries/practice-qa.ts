import {
  NO_ID,
  noSuchItem,
  type Entry,
  type Expect,
  type Ids,
} from '../../helpers/access-matrix.js';

// Practice QA (issue 17). The activity's page: its QAM and lead (who observe) and national staff
// (who read); hidden from everyone else, admins included (a development record is not an
// activity record). The development record: one's own, for inspectors. The patterns: national
// staff only. Strengths fed back (the draft exists by now): the draft's readers read; the lead
// and admins link or explain.
const activityPage: Expect = {
  anon: 'signin',
  national: 'ok',
  lead: 'ok',
  qam: 'ok',
  rest: 'hidden',
};
const recordObservation: Expect = { ...activityPage, national: 'denied' };
const ownRecord: Expect = {
  anon: 'signin',
  lead: 'ok',
  inspector: 'ok',
  qam: 'ok',
  analyst: 'ok',
  outsider: 'ok',
  rest: 'hidden',
};
const patterns: Expect = { anon: 'signin', national: 'ok', rest: 'hidden' };
const draftRead: Expect = {
  anon: 'signin',
  regionalOther: 'hidden',
  outsider: 'hidden',
  laOther: 'hidden',
  researcher: 'hidden',
  regional: 'hidden',
  la: 'hidden',
  rest: 'ok',
};
const strengthsDecide: Expect = {
  ...draftRead,
  national: 'denied',
  inspector: 'denied',
  qam: 'denied',
  analyst: 'denied',
};
const A = (i: Ids) => i.activity;
const body = () => ({
  inspector: 'nobody@example.org',
  observedOn: '2026-01-05',
  setting: 'Matrix',
  ratings: [],
});

export const practiceQaEntries: Entry[] = [
  {
    method: 'GET',
    route: '/activities/:id/practice-qa',
    url: (i) => `/activities/${A(i)}/practice-qa`,
    expect: activityPage,
  },
  {
    method: 'POST',
    route: '/activities/:id/practice-qa',
    url: (i) => `/activities/${A(i)}/practice-qa`,
    body: () => ({ inspector: 'nobody@example.org', observedOn: '2026-01-05', setting: 'Matrix' }),
    expect: recordObservation,
  },
  {
    method: 'GET',
    route: '/activities/:id/practice-qa',
    url: () => `/activities/${NO_ID}/practice-qa`,
    expect: noSuchItem,
  },
  { method: 'GET', route: '/me/development', url: () => '/me/development', expect: ownRecord },
  {
    method: 'POST',
    route: '/me/development/:id/response',
    url: () => `/me/development/${NO_ID}/response`,
    body: () => ({ response: 'x' }),
    expect: noSuchItem,
  },
  {
    method: 'GET',
    route: '/national/practice-qa',
    url: () => '/national/practice-qa',
    expect: patterns,
  },
  {
    method: 'GET',
    route: '/activities/:id/report/strengths',
    url: (i) => `/activities/${A(i)}/report/strengths`,
    expect: draftRead,
  },
  {
    method: 'POST',
    route: '/activities/:id/report/strengths',
    url: (i) => `/activities/${A(i)}/report/strengths`,
    body: () => ({ strengthKey: 'x', how: 'link', paragraph: 'not a paragraph' }),
    expect: strengthsDecide,
  },
  // The JSON API, with the same rules.
  {
    method: 'GET',
    route: '/api/v1/activities/:id/practice-qa',
    url: (i) => `/api/v1/activities/${A(i)}/practice-qa`,
    expect: activityPage,
  },
  {
    method: 'POST',
    route: '/api/v1/activities/:id/practice-qa',
    url: (i) => `/api/v1/activities/${A(i)}/practice-qa`,
    body,
    expect: recordObservation,
  },
  {
    method: 'GET',
    route: '/api/v1/practice-qa/observations/:id',
    url: () => `/api/v1/practice-qa/observations/${NO_ID}`,
    expect: noSuchItem,
  },
  {
    method: 'POST',
    route: '/api/v1/practice-qa/observations/:id/response',
    url: () => `/api/v1/practice-qa/observations/${NO_ID}/response`,
    body: () => ({ response: 'x' }),
    expect: noSuchItem,
  },
  {
    method: 'GET',
    route: '/api/v1/me/development',
    url: () => '/api/v1/me/development',
    expect: ownRecord,
  },
  {
    method: 'GET',
    route: '/api/v1/national/practice-qa',
    url: () => '/api/v1/national/practice-qa',
    expect: patterns,
  },
  {
    method: 'GET',
    route: '/api/v1/activities/:id/report/strengths',
    url: (i) => `/api/v1/activities/${A(i)}/report/strengths`,
    expect: draftRead,
  },
  {
    method: 'POST',
    route: '/api/v1/activities/:id/report/strengths',
    url: (i) => `/api/v1/activities/${A(i)}/report/strengths`,
    body: () => ({ strengthKey: 'x', paragraph: 'not a paragraph' }),
    expect: strengthsDecide,
  },
];
