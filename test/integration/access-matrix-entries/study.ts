import { NO_ID, noSuchItem, type Entry, type Expect } from '../../helpers/access-matrix.js';

// Reliability studies (issue 15): the national team and admins set studies up and read results;
// everyone else learns nothing (404) and is refused a write (403). A study or pair that does not
// exist answers 404 to everyone, national staff included; a pair's reviewers reach their own pair
// only (test/integration/reliability-study.test.ts and web-studies.test.ts cover the pair rules).
const managers: Expect = { anon: 'signin', admin: 'ok', national: 'ok', rest: 'hidden' };
const managerWrite: Expect = { anon: 'signin', admin: 'ok', national: 'ok', rest: 'denied' };
const S = `/studies/${NO_ID}`;
const AS = `/api/v1/studies/${NO_ID}`;
const review = () => ({
  grades: { overall_effectiveness: { grade: 'good', reasons: 'r' } },
  sameLines: 'yes',
});

export const studyEntries: Entry[] = [
  { method: 'GET', route: '/studies', url: () => '/studies', expect: managers },
  {
    method: 'POST',
    route: '/studies',
    url: () => '/studies',
    body: () => ({ title: 'x', activityIds: NO_ID }),
    expect: managerWrite,
  },
  { method: 'GET', route: '/studies/:id', url: () => S, expect: noSuchItem },
  {
    method: 'POST',
    route: '/studies/:id/pairs',
    url: () => `${S}/pairs`,
    body: () => ({ evidenceBaseId: NO_ID, reviewer1: 'a@x.example', reviewer2: 'b@x.example' }),
    expect: noSuchItem,
  },
  {
    method: 'GET',
    route: '/studies/:id/reviews/:pairId',
    url: () => `${S}/reviews/${NO_ID}`,
    expect: noSuchItem,
  },
  {
    method: 'POST',
    route: '/studies/:id/reviews/:pairId',
    url: () => `${S}/reviews/${NO_ID}`,
    body: () => ({ 'grade-overall_effectiveness': 'good', sameLines: 'yes' }),
    expect: noSuchItem,
  },
  { method: 'GET', route: '/studies/:id/results', url: () => `${S}/results`, expect: noSuchItem },
  {
    method: 'GET',
    route: '/studies/:id/results/export',
    url: () => `${S}/results/export?format=csv`,
    expect: noSuchItem,
  },
  { method: 'GET', route: '/api/v1/studies', url: () => '/api/v1/studies', expect: managers },
  {
    method: 'POST',
    route: '/api/v1/studies',
    url: () => '/api/v1/studies',
    body: () => ({ title: 'x', activityIds: [NO_ID] }),
    expect: managerWrite,
  },
  { method: 'GET', route: '/api/v1/studies/:id', url: () => AS, expect: noSuchItem },
  {
    method: 'POST',
    route: '/api/v1/studies/:id/pairs',
    url: () => `${AS}/pairs`,
    body: () => ({ evidenceBaseId: NO_ID, reviewers: ['a@x.example', 'b@x.example'] }),
    expect: noSuchItem,
  },
  {
    method: 'GET',
    route: '/api/v1/studies/:id/reviews/:pairId',
    url: () => `${AS}/reviews/${NO_ID}`,
    expect: noSuchItem,
  },
  {
    method: 'POST',
    route: '/api/v1/studies/:id/reviews/:pairId',
    url: () => `${AS}/reviews/${NO_ID}`,
    body: review,
    expect: noSuchItem,
  },
  {
    method: 'GET',
    route: '/api/v1/studies/:id/results',
    url: () => `${AS}/results`,
    expect: noSuchItem,
  },
];
