import type { Entry, Expect, Ids } from '../../helpers/access-matrix.js';

// The risk picture (issue 13): national staff and admins read everywhere, regional staff their
// region (London's do not see Northfield), the team of an activity at the LA reads it; only the
// region's staff write. LA users read only the intelligence shared with them, never ratings.
const riskRead: Expect = {
  anon: 'signin',
  regionalOther: 'hidden',
  outsider: 'hidden',
  la: 'hidden',
  laOther: 'hidden',
  researcher: 'hidden',
  rest: 'ok',
};
const riskWrite: Expect = {
  ...riskRead,
  admin: 'denied',
  national: 'denied',
  lead: 'denied',
  inspector: 'denied',
  qam: 'denied',
  analyst: 'denied',
};
const intelRead: Expect = { ...riskRead, la: 'ok' };
const nationalRisk: Expect = { anon: 'signin', admin: 'ok', national: 'ok', rest: 'hidden' };
const regionalRisk: Expect = { ...nationalRisk, regional: 'ok', regionalOther: 'ok' };
const LA_ = (i: Ids) => `/las/${i.ownLa}`;
export const riskEntries: Entry[] = [
  { method: 'GET', route: '/las/:id/risk', url: (i) => `${LA_(i)}/risk`, expect: riskRead },
  {
    method: 'GET',
    route: '/las/:id/risk/assess',
    url: (i) => `${LA_(i)}/risk/assess`,
    expect: riskWrite,
  },
  {
    method: 'POST',
    route: '/las/:id/risk/assess',
    url: (i) => `${LA_(i)}/risk/assess`,
    expect: riskWrite,
  },
  {
    method: 'GET',
    route: '/las/:id/intelligence',
    url: (i) => `${LA_(i)}/intelligence`,
    expect: intelRead,
  },
  {
    method: 'GET',
    route: '/las/:id/intelligence',
    url: (i) => `/las/${i.otherLa}/intelligence`,
    // Another LA, in London: London's regional staff and its own LA users.
    expect: { ...nationalRisk, regionalOther: 'ok', laOther: 'ok' },
  },
  {
    method: 'GET',
    route: '/las/:id/intelligence/new',
    url: (i) => `${LA_(i)}/intelligence/new`,
    expect: riskWrite,
  },
  {
    method: 'POST',
    route: '/las/:id/intelligence',
    url: (i) => `${LA_(i)}/intelligence`,
    expect: riskWrite,
  },
  { method: 'GET', route: '/risk/regional', url: () => '/risk/regional', expect: regionalRisk },
  {
    method: 'GET',
    route: '/risk/regional',
    url: () => '/risk/regional?region=North+West',
    expect: { ...regionalRisk, regionalOther: 'hidden' },
  },
  { method: 'GET', route: '/risk/national', url: () => '/risk/national', expect: nationalRisk },
  {
    method: 'GET',
    route: '/risk/national/export',
    url: () => '/risk/national/export',
    expect: nationalRisk,
  },
  {
    method: 'GET',
    route: '/api/v1/las/:id/intelligence',
    url: (i) => `/api/v1${LA_(i)}/intelligence`,
    expect: intelRead,
  },
  {
    method: 'POST',
    route: '/api/v1/las/:id/intelligence',
    url: (i) => `/api/v1${LA_(i)}/intelligence`,
    body: () => ({ kind: 'other', title: 'Matrix', source: 'Test', receivedOn: '2026-01-05' }),
    expect: riskWrite,
  },
  {
    method: 'GET',
    route: '/api/v1/las/:id/risk',
    url: (i) => `/api/v1${LA_(i)}/risk`,
    expect: riskRead,
  },
  {
    method: 'POST',
    route: '/api/v1/las/:id/risk/assessments',
    url: (i) => `/api/v1${LA_(i)}/risk/assessments`,
    body: () => ({ ratings: [], changeReason: 'Matrix' }),
    expect: riskWrite,
  },
  {
    method: 'GET',
    route: '/api/v1/risk/regional',
    url: () => '/api/v1/risk/regional',
    expect: regionalRisk,
  },
  {
    method: 'GET',
    route: '/api/v1/risk/national',
    url: () => '/api/v1/risk/national',
    expect: nationalRisk,
  },
];
