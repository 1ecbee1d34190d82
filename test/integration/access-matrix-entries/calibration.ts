import { NO_ID, noSuchItem, type Entry, type Expect } from '../../helpers/access-matrix.js';

// Calibration with vignettes (issue 15): the national team and admins keep the vignette bank, set
// exercises up and read the national view; inspectors see their exercises and their own
// agreement (nobody else does); everyone else learns nothing (404) and is refused a write (403).
// An exercise that does not exist answers 404 to everyone; who may see a real one (its organisers
// and the inspectors invited) is in test/integration/web-calibration.test.ts.
const managers: Expect = { anon: 'signin', admin: 'ok', national: 'ok', rest: 'hidden' };
const managerWrite: Expect = { anon: 'signin', admin: 'ok', national: 'ok', rest: 'denied' };
const inspectors: Expect = {
  anon: 'signin',
  lead: 'ok',
  inspector: 'ok',
  qam: 'ok',
  analyst: 'ok',
  outsider: 'ok',
  rest: 'hidden',
};
// Retiring a vignette that does not exist: the keepers learn it is not there, the rest are refused.
const retireNone: Expect = { anon: 'signin', admin: 'hidden', national: 'hidden', rest: 'denied' };
const participants: Expect = { ...inspectors, admin: 'ok', national: 'ok' };
const E = `/calibration/exercises/${NO_ID}`;
const AE = `/api/v1/calibration/exercises/${NO_ID}`;
const vignette = () => ({
  title: 'Access matrix vignette',
  body: 'A short vignette.',
  frameworkId: 'ilacs-2026',
  judgementKey: 'help_and_protection',
  referenceGrade: 'good',
});

export const calibrationEntries: Entry[] = [
  { method: 'GET', route: '/calibration', url: () => '/calibration', expect: participants },
  {
    method: 'GET',
    route: '/calibration/vignettes',
    url: () => '/calibration/vignettes',
    expect: managers,
  },
  {
    method: 'GET',
    route: '/calibration/vignettes/new',
    url: () => '/calibration/vignettes/new?area=ilacs-2026|help_and_protection',
    expect: managers,
  },
  {
    method: 'POST',
    route: '/calibration/vignettes',
    url: () => '/calibration/vignettes',
    body: () => ({ ...vignette(), title: '' }),
    expect: managerWrite,
  },
  {
    method: 'POST',
    route: '/calibration/vignettes/:id/retire',
    url: () => `/calibration/vignettes/${NO_ID}/retire`,
    expect: retireNone,
  },
  {
    method: 'GET',
    route: '/calibration/exercises/new',
    url: () => '/calibration/exercises/new',
    expect: managers,
  },
  {
    method: 'POST',
    route: '/calibration/exercises',
    url: () => '/calibration/exercises',
    body: () => ({ title: 'x', vignetteIds: NO_ID }),
    expect: managerWrite,
  },
  { method: 'GET', route: '/calibration/exercises/:id', url: () => E, expect: noSuchItem },
  {
    method: 'POST',
    route: '/calibration/exercises/:id/ratings',
    url: () => `${E}/ratings`,
    body: () => ({ [`grade-${NO_ID}`]: 'good', intent: 'save' }),
    expect: noSuchItem,
  },
  {
    method: 'POST',
    route: '/calibration/exercises/:id/notes',
    url: () => `${E}/notes`,
    body: () => ({ vignetteId: NO_ID, note: 'x' }),
    expect: noSuchItem,
  },
  { method: 'GET', route: '/calibration/mine', url: () => '/calibration/mine', expect: inspectors },
  {
    method: 'GET',
    route: '/calibration/national',
    url: () => '/calibration/national',
    expect: managers,
  },
  {
    method: 'GET',
    route: '/api/v1/calibration/vignettes',
    url: () => '/api/v1/calibration/vignettes',
    expect: managers,
  },
  {
    method: 'POST',
    route: '/api/v1/calibration/vignettes',
    url: () => '/api/v1/calibration/vignettes',
    body: vignette,
    expect: managerWrite,
  },
  {
    method: 'POST',
    route: '/api/v1/calibration/vignettes/:id/retire',
    url: () => `/api/v1/calibration/vignettes/${NO_ID}/retire`,
    expect: retireNone,
  },
  {
    method: 'GET',
    route: '/api/v1/calibration/choices',
    url: () => '/api/v1/calibration/choices',
    expect: managers,
  },
  {
    method: 'GET',
    route: '/api/v1/calibration/exercises',
    url: () => '/api/v1/calibration/exercises',
    expect: participants,
  },
  {
    method: 'POST',
    route: '/api/v1/calibration/exercises',
    url: () => '/api/v1/calibration/exercises',
    body: () => ({
      title: 'x',
      vignetteIds: [NO_ID],
      inspectors: [{ user: 'a@x.example' }, { user: 'b@x.example' }],
    }),
    expect: managerWrite,
  },
  { method: 'GET', route: '/api/v1/calibration/exercises/:id', url: () => AE, expect: noSuchItem },
  {
    method: 'POST',
    route: '/api/v1/calibration/exercises/:id/ratings',
    url: () => `${AE}/ratings`,
    body: () => ({ vignetteId: NO_ID, grade: 'good' }),
    expect: noSuchItem,
  },
  {
    method: 'POST',
    route: '/api/v1/calibration/exercises/:id/submit',
    url: () => `${AE}/submit`,
    expect: noSuchItem,
  },
  {
    method: 'POST',
    route: '/api/v1/calibration/exercises/:id/notes',
    url: () => `${AE}/notes`,
    body: () => ({ vignetteId: NO_ID, note: 'x' }),
    expect: noSuchItem,
  },
  {
    method: 'GET',
    route: '/api/v1/calibration/mine',
    url: () => '/api/v1/calibration/mine',
    expect: inspectors,
  },
  {
    method: 'GET',
    route: '/api/v1/calibration/national',
    url: () => '/api/v1/calibration/national',
    expect: managers,
  },
];
